//! Where the `nctray` binary under test is.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// The app binary: `NCTRAY_BIN` if set, else `<target dir>/debug/nctray`, where the target dir
/// is `CARGO_TARGET_DIR` (relative to the workspace when relative) or `<workspace>/target`.
pub fn nctray_binary() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("NCTRAY_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.is_file() {
            bail!("NCTRAY_BIN={} is not a file", bin.display());
        }
        return Ok(bin);
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives inside the workspace");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    };
    let bin = target.join("debug").join("nctray");
    if !bin.is_file() {
        bail!(
            "the app binary {} is missing: build it with cargo build -p nctray \
             (or point NCTRAY_BIN at a built nctray)",
            bin.display()
        );
    }
    Ok(bin)
}
