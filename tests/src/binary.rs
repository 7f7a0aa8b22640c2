//! Where the binaries under test are: the daemon `nctray` and, beside it, the window process
//! `nctray-windows`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// The daemon's binary (tray, accounts, command line): `NCTRAY_BIN` if set, else
/// `<target dir>/debug/nctray`, where the target dir is `CARGO_TARGET_DIR` (relative to the
/// workspace when relative) or `<workspace>/target`.
pub fn nctray_binary() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("NCTRAY_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.is_file() {
            bail!("NCTRAY_BIN={} is not a file", bin.display());
        }
        return Ok(bin);
    }
    let bin = target_dir().join("debug").join("nctray");
    if !bin.is_file() {
        bail!(
            "the app binary {} is missing: build it with cargo build -p nctray -p nctray-windows \
             (or point NCTRAY_BIN at a built nctray)",
            bin.display()
        );
    }
    Ok(bin)
}

/// The window process's binary, `nctray-windows` beside [`nctray_binary`] (as the packages
/// install them, and as the daemon looks for it).
pub fn windows_binary() -> Result<PathBuf> {
    let daemon = nctray_binary()?;
    let bin = daemon.with_file_name("nctray-windows");
    if !bin.is_file() {
        bail!(
            "the window binary {} is missing beside {}: build it with cargo build -p \
             nctray-windows",
            bin.display(),
            daemon.display()
        );
    }
    Ok(bin)
}

fn target_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives inside the workspace");
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
}
