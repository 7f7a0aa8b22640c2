//! "Start at login": the desktop's autostart entry (XDG Autostart), which the desktop reads
//! at login; the daemon is what starts.

use std::fs;
use std::io;
use std::path::PathBuf;

const ENTRY: &str = "nctray.desktop";

fn entry_path() -> Option<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("autostart").join(ENTRY))
}

pub fn is_enabled() -> bool {
    entry_path().is_some_and(|path| path.exists())
}

/// Writes or removes the entry.
pub fn set(enabled: bool) -> io::Result<()> {
    let path = entry_path().ok_or_else(|| io::Error::other("no home folder"))?;
    if !enabled {
        return match fs::remove_file(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        };
    }
    let exe = std::env::current_exe()?;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(
        &path,
        format!(
            "[Desktop Entry]\nType=Application\nName=nctray\nComment=Nextcloud in the system tray\n\
             Exec=\"{}\"\nIcon=nctray\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
            exe.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_comes_and_goes() {
        let dir = tempfile::tempdir().unwrap();
        std::env::set_var("XDG_CONFIG_HOME", dir.path());
        assert!(!is_enabled());
        set(true).unwrap();
        let text = fs::read_to_string(dir.path().join("autostart/nctray.desktop")).unwrap();
        assert!(
            text.contains("Exec=") && text.contains("[Desktop Entry]"),
            "{text}"
        );
        assert!(is_enabled());
        set(false).unwrap();
        set(false).unwrap();
        assert!(!is_enabled());
    }
}
