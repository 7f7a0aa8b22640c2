//! The app's settings file. It names accounts but never holds a password (see `secrets`).

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::private_files::{private_dir, FILE_MODE};
use crate::{Account, Paths, SyncConfig};
use anyhow::Context;
use rustix::fs::{flock, FlockOperation};
use serde::{Deserialize, Serialize};

/// Shortest poll interval a user may choose: the server's own minimum for clients.
pub const MIN_POLL_SECS: u64 = 30;
/// The desktop idle time after which the status turns away, when the user chose none.
pub const DEFAULT_AWAY_AFTER_MINS: u64 = 5;
/// Longest idle time a user may choose (a working day).
pub const MAX_AWAY_AFTER_MINS: u64 = 8 * 60;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AppConfig {
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Seconds between notification polls; the server's `core.pollinterval` rules when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_interval_secs: Option<u64>,
    /// Light, dark, or as the desktop says.
    #[serde(default)]
    pub appearance: Appearance,
    /// Accounts (`login@origin`) whose sync the user paused.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub paused_accounts: BTreeSet<String>,
    /// Apps whose notifications never pop up (they are still listed in the popover).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub silent_apps: BTreeSet<String>,
    /// Desktop idle minutes after which the status turns away; 5 when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away_after_idle_mins: Option<u64>,
    /// The language nctray speaks (BCP 47, e.g. "de", "pt-BR"); unset = the Nextcloud user's,
    /// else the desktop's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The advisory lock (flock) on `config.json.lock`, held while the config is read, changed
/// and written; released when dropped (or when the process ends, however it ends).
struct ConfigLock {
    _held: File,
}

impl ConfigLock {
    fn take(paths: &Paths) -> anyhow::Result<Self> {
        private_dir(&paths.config_dir)
            .with_context(|| format!("cannot create {}", paths.config_dir.display()))?;
        let path = lock_file(paths);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(FILE_MODE)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        flock(&file, FlockOperation::LockExclusive)
            .with_context(|| format!("cannot lock {}", path.display()))?;
        Ok(Self { _held: file })
    }
}

fn lock_file(paths: &Paths) -> PathBuf {
    Path::new(&paths.config_dir).join("config.json.lock")
}

/// The windows' colour scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Appearance {
    #[default]
    System,
    Light,
    Dark,
}

/// The settings as the settings page shows and changes them. Start at login is not in the
/// file: the desktop's autostart entry is the one truth about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// `None`: as the server says (`core.pollinterval`).
    pub poll_interval_secs: Option<u32>,
    pub away_after_idle_mins: u32,
    pub appearance: Appearance,
    /// Apps whose notifications do not pop up, sorted.
    pub silent_apps: Vec<String>,
    pub start_at_login: bool,
}

impl AppConfig {
    pub fn load(paths: &Paths) -> anyhow::Result<Self> {
        let file = paths.config_file();
        match fs::read_to_string(&file) {
            Ok(text) => serde_json::from_str(&text)
                .with_context(|| format!("{} is not valid nctray configuration", file.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", file.display())),
        }
    }

    /// Like [`AppConfig::load`], for the tray's start: a file that cannot be read or is not
    /// nctray's configuration is moved aside (`config.json.corrupt-<unix time>`), so the tray
    /// starts signed out and offers sign-in instead of not starting. Returns where it went.
    pub fn load_or_set_aside(paths: &Paths) -> anyhow::Result<(Self, Option<PathBuf>)> {
        let file = paths.config_file();
        let error = match Self::load(paths) {
            Ok(config) => return Ok((config, None)),
            Err(error) => error,
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let moved_to = file.with_extension(format!("json.corrupt-{now}"));
        fs::rename(&file, &moved_to).with_context(|| {
            format!(
                "{error:#}; and it cannot be moved aside to {}",
                moved_to.display()
            )
        })?;
        tracing::warn!(
            "{error:#}; moved it to {} and started signed out",
            moved_to.display()
        );
        Ok((Self::default(), Some(moved_to)))
    }

    /// Reads the config, lets `change` change it and writes it back, all under the config's
    /// lock: the tray and a command may change it at the same moment, and neither change is
    /// lost. Nothing is written when `change` fails.
    pub fn update<T>(
        paths: &Paths,
        change: impl FnOnce(&mut Self) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let _lock = ConfigLock::take(paths)?;
        let mut config = Self::load(paths)?;
        let result = change(&mut config)?;
        config.write(paths)?;
        Ok(result)
    }

    /// Writes the file whole: a temporary file (0600 from its creation), flushed, renamed
    /// over the old one, so a reader or a crash never sees half of it.
    fn write(&self, paths: &Paths) -> anyhow::Result<()> {
        let file = paths.config_file();
        let partial = file.with_extension("json.partial");
        let text = serde_json::to_string_pretty(self)? + "\n";
        let written = (|| {
            let mut out = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(FILE_MODE)
                .open(&partial)?;
            out.write_all(text.as_bytes())?;
            out.sync_all()
        })();
        written.with_context(|| format!("cannot write {}", partial.display()))?;
        fs::rename(&partial, &file).with_context(|| format!("cannot write {}", file.display()))
    }

    /// Adds the account, or replaces the one with the same key in its place (added again
    /// with another trusted certificate or proxy).
    pub fn add_account(&mut self, account: Account) {
        match self.accounts.iter_mut().find(|a| a.key() == account.key()) {
            Some(existing) => *existing = account,
            None => self.accounts.push(account),
        }
    }

    /// Forgets the account with `key` (and that it was paused); whether it was there.
    pub fn remove_account(&mut self, key: &str) -> bool {
        self.paused_accounts.remove(key);
        let before = self.accounts.len();
        self.accounts.retain(|a| a.key() != key);
        self.accounts.len() != before
    }

    pub fn set_paused(&mut self, key: &str, paused: bool) {
        if paused {
            self.paused_accounts.insert(key.to_owned());
        } else {
            self.paused_accounts.remove(key);
        }
    }

    pub fn is_paused(&self, key: &str) -> bool {
        self.paused_accounts.contains(key)
    }

    pub fn poll_interval(&self) -> Option<Duration> {
        self.poll_interval_secs.map(Duration::from_secs)
    }

    pub fn away_after_idle(&self) -> Duration {
        Duration::from_secs(60 * self.away_after_idle_mins.unwrap_or(DEFAULT_AWAY_AFTER_MINS))
    }

    /// The sync every account runs with: `base` with the user's choices applied.
    pub fn sync_config(&self, base: SyncConfig) -> SyncConfig {
        SyncConfig {
            notifications_every: self.poll_interval().or(base.notifications_every),
            away_after_idle: self.away_after_idle(),
            silent_apps: self.silent_apps.iter().cloned().collect(),
            ..base
        }
    }

    /// The settings page's view; `start_at_login` comes from the desktop.
    pub fn settings(&self, start_at_login: bool) -> Settings {
        Settings {
            poll_interval_secs: self
                .poll_interval_secs
                .map(|secs| u32::try_from(secs).unwrap_or(u32::MAX)),
            away_after_idle_mins: u32::try_from(
                self.away_after_idle_mins.unwrap_or(DEFAULT_AWAY_AFTER_MINS),
            )
            .unwrap_or(u32::MAX),
            appearance: self.appearance,
            silent_apps: self.silent_apps.iter().cloned().collect(),
            start_at_login,
        }
    }

    /// Takes the user's choices from the settings page, refusing values the sync cannot use.
    /// A shorter poll interval already in the file (tests set one by hand) may stay.
    pub fn apply(&mut self, settings: &Settings) -> Result<(), String> {
        let poll = settings.poll_interval_secs.map(u64::from);
        if let Some(secs) = poll.filter(|_| poll != self.poll_interval_secs) {
            if secs < MIN_POLL_SECS {
                return Err(format!(
                    "Poll at most every {MIN_POLL_SECS} seconds, not every {secs}."
                ));
            }
        }
        let away = u64::from(settings.away_after_idle_mins);
        if !(1..=MAX_AWAY_AFTER_MINS).contains(&away) {
            return Err(format!(
                "Away after idle must be between 1 and {MAX_AWAY_AFTER_MINS} minutes."
            ));
        }
        self.poll_interval_secs = poll;
        self.away_after_idle_mins = Some(away);
        self.appearance = settings.appearance;
        self.silent_apps = settings
            .silent_apps
            .iter()
            .map(|app| app.trim().to_owned())
            .filter(|app| !app.is_empty())
            .collect();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(login: &str) -> Account {
        Account {
            server: "https://cloud.example".into(),
            login_name: login.into(),
            ..Default::default()
        }
    }

    fn paths(dir: &tempfile::TempDir) -> Paths {
        Paths {
            config_dir: dir.path().join("config"),
            data_dir: dir.path().join("data"),
            state_dir: dir.path().join("state"),
        }
    }

    #[test]
    fn an_old_file_without_the_new_settings_still_loads() {
        let config: AppConfig = serde_json::from_str(
            r#"{"accounts":[{"server":"https://cloud.example","login_name":"alice"}],
                "poll_interval_secs":60}"#,
        )
        .unwrap();
        assert_eq!(config.accounts.len(), 1);
        assert!(config.paused_accounts.is_empty() && config.silent_apps.is_empty());
        assert_eq!(config.away_after_idle(), Duration::from_secs(300));
    }

    #[test]
    fn settings_survive_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = AppConfig::default();
        config.add_account(account("alice"));
        config.set_paused(&account("alice").key(), true);
        let wanted = Settings {
            poll_interval_secs: Some(120),
            away_after_idle_mins: 15,
            appearance: Appearance::Dark,
            silent_apps: vec!["files_sharing".into(), "spreed".into()],
            start_at_login: true,
        };
        config.apply(&wanted).unwrap();
        AppConfig::update(&paths(&dir), |file| {
            *file = config;
            Ok(())
        })
        .unwrap();

        let loaded = AppConfig::load(&paths(&dir)).unwrap();
        assert_eq!(loaded.settings(true), wanted);
        assert!(loaded.is_paused(&account("alice").key()));
        let text = fs::read_to_string(paths(&dir).config_file()).unwrap();
        assert!(!text.contains("start_at_login"), "{text}");
    }

    #[test]
    fn the_sync_follows_the_settings() {
        let config = AppConfig {
            poll_interval_secs: Some(90),
            away_after_idle_mins: Some(20),
            silent_apps: ["spreed".to_owned()].into(),
            ..AppConfig::default()
        };
        let sync = config.sync_config(SyncConfig::default());
        assert_eq!(sync.notifications_every, Some(Duration::from_secs(90)));
        assert_eq!(sync.away_after_idle, Duration::from_secs(20 * 60));
        assert_eq!(sync.silent_apps, vec!["spreed".to_owned()]);
        // Without a choice the base (e.g. the demo's fast poll) stays.
        let base = SyncConfig {
            notifications_every: Some(Duration::from_secs(5)),
            ..SyncConfig::default()
        };
        let sync = AppConfig::default().sync_config(base);
        assert_eq!(sync.notifications_every, Some(Duration::from_secs(5)));
    }

    #[test]
    fn settings_the_sync_cannot_use_are_refused() {
        let mut config = AppConfig::default();
        let mut settings = config.settings(false);
        settings.poll_interval_secs = Some(5);
        assert!(config.apply(&settings).unwrap_err().contains("30 seconds"));
        settings.poll_interval_secs = None;
        settings.away_after_idle_mins = 0;
        assert!(config.apply(&settings).is_err());
        assert_eq!(config.poll_interval_secs, None);

        // One second, set in the file by hand, survives saving the other settings.
        config.poll_interval_secs = Some(1);
        let mut settings = config.settings(false);
        settings.appearance = Appearance::Light;
        config.apply(&settings).unwrap();
        assert_eq!(config.poll_interval_secs, Some(1));
    }

    #[test]
    fn removing_an_account_forgets_its_pause() {
        let mut config = AppConfig::default();
        config.add_account(account("alice"));
        config.add_account(account("bob"));
        config.set_paused(&account("alice").key(), true);
        assert!(config.remove_account(&account("alice").key()));
        assert!(!config.remove_account(&account("alice").key()));
        assert!(!config.is_paused(&account("alice").key()));
        assert_eq!(config.accounts, vec![account("bob")]);
    }

    fn mode(path: &std::path::Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_config_is_written_private_in_a_private_folder() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths(&dir);
        AppConfig::update(&paths, |config| {
            config.add_account(account("alice"));
            Ok(())
        })
        .unwrap();
        assert_eq!(mode(&paths.config_file()), 0o600);
        assert_eq!(mode(&lock_file(&paths)), 0o600);
        assert_eq!(mode(&paths.config_dir), 0o700);
    }

    #[test]
    fn a_config_that_cannot_be_read_is_set_aside_and_the_app_starts_signed_out() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths(&dir);
        fs::create_dir_all(&paths.config_dir).unwrap();
        for broken in [
            &b"{\"accounts\": [{\"server\": "[..],
            &[0xff, 0xfe, 0x00, 0x7b][..],
        ] {
            fs::write(paths.config_file(), broken).unwrap();
            let (config, moved_to) = AppConfig::load_or_set_aside(&paths).unwrap();
            assert!(config.accounts.is_empty());
            let moved_to = moved_to.expect("the broken file was not set aside");
            let name = moved_to.file_name().unwrap().to_str().unwrap();
            assert!(name.starts_with("config.json.corrupt-"), "{name}");
            // Kept as it was, for the person (or a bug report) to look at.
            assert_eq!(fs::read(&moved_to).unwrap(), broken);
            assert!(!paths.config_file().exists());
            fs::remove_file(moved_to).unwrap();
        }
        // A good file is used, not moved.
        AppConfig::update(&paths, |c| {
            c.add_account(account("alice"));
            Ok(())
        })
        .unwrap();
        let (config, moved_to) = AppConfig::load_or_set_aside(&paths).unwrap();
        assert_eq!((config.accounts.len(), moved_to), (1, None));
    }

    #[test]
    fn two_writers_at_once_lose_no_change_and_a_reader_never_sees_half_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let paths = paths(&dir);
        AppConfig::update(&paths, |_| Ok(())).unwrap();
        let done = std::sync::atomic::AtomicBool::new(false);
        // The reader stops however the writers end (a failed write panics its thread).
        struct Done<'a>(&'a std::sync::atomic::AtomicBool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        std::thread::scope(|scope| {
            let writers: Vec<_> = ["tray", "cli"]
                .into_iter()
                .map(|writer| {
                    let paths = paths.clone();
                    scope.spawn(move || {
                        for i in 0..100 {
                            AppConfig::update(&paths, |config| {
                                config.silent_apps.insert(format!("{writer}-{i}"));
                                Ok(())
                            })
                            .unwrap();
                        }
                    })
                })
                .collect();
            scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    AppConfig::load(&paths).expect("a reader saw a broken file");
                }
            });
            let _done = Done(&done);
            for writer in writers {
                writer.join().unwrap();
            }
        });
        let config = AppConfig::load(&paths).unwrap();
        assert_eq!(config.silent_apps.len(), 200, "changes were lost");
    }
}
