//! Which account the app works with, and opening its engine.

use anyhow::{bail, Context};
use nctray_engine::{Account, Engine, Paths};

use crate::config::AppConfig;
use crate::secrets;

/// The configured account the tray and the CLI use: the first one for now.
pub fn configured_account(config: &AppConfig) -> Option<&Account> {
    config.accounts.first()
}

/// Opens the engine of the configured account with its password from the keyring.
pub fn open_configured_engine(paths: &Paths) -> anyhow::Result<Engine> {
    let config = AppConfig::load(paths)?;
    let Some(account) = configured_account(&config) else {
        bail!(
            "no account is configured; add one with `nctray account add --server URL --login NAME --password-stdin`, or try `nctray --demo`"
        );
    };
    let password = secrets::app_password(account)?;
    Engine::open(account.clone(), password, &paths.database())
        .with_context(|| format!("cannot open the cache in {}", paths.data_dir.display()))
}
