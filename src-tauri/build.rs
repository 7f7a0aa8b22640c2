/// The generated command wrappers of the windows, written from the daemon's one list of
/// commands (crates/daemon/src/ipc/mod.rs; a test fails when this file is stale).
const WRAPPERS: &str = "../ui/src/lib/generated/commands.ts";

/// Every command the windows may call, as the wrappers name them (`call<…>("name"…)`).
/// Listing them makes Tauri generate an `allow-…` permission per command, and then a window
/// may call only what its capability file (`capabilities/<window>.json`) grants.
fn window_commands() -> &'static [&'static str] {
    println!("cargo:rerun-if-changed={WRAPPERS}");
    let wrappers = std::fs::read_to_string(WRAPPERS).expect("ui/src/lib/generated/commands.ts");
    let names: Vec<&'static str> = wrappers
        .lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("call<")?;
            let start = rest.find("(\"")? + 2;
            let len = rest[start..].find('"')?;
            Some(&*String::leak(rest[start..start + len].to_owned()))
        })
        .collect();
    assert!(!names.is_empty(), "no command found in {WRAPPERS}");
    names.leak()
}

fn main() {
    // The config lives at the repository root so every tool finds it in one place.
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(window_commands()));
    tauri_build::try_build(attributes).expect("tauri build configuration");
}
