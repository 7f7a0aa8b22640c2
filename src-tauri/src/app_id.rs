//! The application id (`identifier` in tauri.conf.json) names the folders where the webview
//! keeps its data (`$XDG_DATA_HOME/<id>`, `$XDG_CACHE_HOME/<id>`). It was `org.nctray.app`,
//! which macOS refuses and Tauri warns about; the folders of that id move to the new one.
//! nctray's own config, cache and keyring entries never depended on it.

use std::path::Path;

/// The id before 0.1.0's packages.
const OLD_ID: &str = "org.nctray.app";
/// `identifier` in tauri.conf.json; a test keeps the two equal.
pub const APP_ID: &str = "org.nctray.Nctray";

/// Moves the webview folders of the old id to the new one, in the platform's data and cache
/// homes; a folder already at the new place is left alone.
pub fn migrate_webview_folders() {
    let Some(dirs) = directories::BaseDirs::new() else {
        return;
    };
    for base in [dirs.data_dir(), dirs.cache_dir()] {
        migrate_in(base);
    }
}

fn migrate_in(base: &Path) {
    let (old, new) = (base.join(OLD_ID), base.join(APP_ID));
    if !old.is_dir() || new.exists() {
        return;
    }
    match std::fs::rename(&old, &new) {
        Ok(()) => tracing::info!("moved {} to {}", old.display(), new.display()),
        Err(error) => tracing::warn!(
            "cannot move {} to {}: {error}",
            old.display(),
            new.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_one_in_tauri_conf() {
        let conf = include_str!("../../tauri.conf.json");
        let conf: serde_json::Value = serde_json::from_str(conf).unwrap();
        assert_eq!(conf["identifier"], APP_ID);
        assert!(!APP_ID.ends_with(".app"));
    }

    #[test]
    fn the_old_ids_folder_moves_once_and_a_new_one_is_kept() {
        let base = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(base.path().join(OLD_ID).join("localstorage")).unwrap();
        migrate_in(base.path());
        assert!(base.path().join(APP_ID).join("localstorage").is_dir());
        assert!(!base.path().join(OLD_ID).exists());

        // Both there (an old nctray ran again): nothing is overwritten.
        std::fs::create_dir_all(base.path().join(OLD_ID).join("old")).unwrap();
        migrate_in(base.path());
        assert!(base.path().join(OLD_ID).join("old").is_dir());
        assert!(!base.path().join(APP_ID).join("old").exists());
    }
}
