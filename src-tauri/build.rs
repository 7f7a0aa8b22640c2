fn main() {
    // The config lives at the repository root so every tool finds it in one place.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("tauri build configuration");
}
