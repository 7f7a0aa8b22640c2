//! The app's settings file. It names accounts but never holds a password (see `secrets`).

use std::fs;
use std::time::Duration;

use anyhow::Context;
use nctray_engine::{Account, Paths};
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AppConfig {
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Seconds between notification polls; the server's `core.pollinterval` rules when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_interval_secs: Option<u64>,
    /// Light, dark, or as the desktop says.
    #[serde(default)]
    pub appearance: Appearance,
}

/// The windows' colour scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Appearance {
    #[default]
    System,
    Light,
    Dark,
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

    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        fs::create_dir_all(&paths.config_dir)
            .with_context(|| format!("cannot create {}", paths.config_dir.display()))?;
        let file = paths.config_file();
        // Write then rename, so a crash never leaves a half-written file behind.
        let partial = file.with_extension("json.partial");
        fs::write(&partial, serde_json::to_string_pretty(self)? + "\n")
            .with_context(|| format!("cannot write {}", partial.display()))?;
        fs::rename(&partial, &file).with_context(|| format!("cannot write {}", file.display()))
    }

    /// Adds the account, or leaves the list as it is when it is already there.
    pub fn add_account(&mut self, account: Account) {
        if !self.accounts.iter().any(|a| a.key() == account.key()) {
            self.accounts.push(account);
        }
    }

    pub fn poll_interval(&self) -> Option<Duration> {
        self.poll_interval_secs.map(Duration::from_secs)
    }
}
