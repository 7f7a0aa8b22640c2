//! Which accounts the app works with, and opening their engines.

use std::path::Path;

use anyhow::{bail, Context};
use nctray_engine::{Account, Engine, Paths};

use crate::config::AppConfig;
use crate::secrets;

const NO_ACCOUNT: &str = "no account is configured; add one with `nctray account add --server URL --login NAME --password-stdin`, or try `nctray --demo`";

/// Finds an account by its key (`login@origin`), its login name or its server; `None` picks
/// the first configured one (the tray's primary account).
pub fn select_account<'a>(
    config: &'a AppConfig,
    wanted: Option<&str>,
) -> anyhow::Result<&'a Account> {
    let Some(wanted) = wanted else {
        return config.accounts.first().context(NO_ACCOUNT);
    };
    let matches: Vec<&Account> = config
        .accounts
        .iter()
        .filter(|a| a.key() == wanted || a.login_name == wanted || a.origin() == wanted)
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => bail!("no configured account matches {wanted:?}; see `nctray accounts`"),
        _ => bail!("{wanted:?} matches several accounts; name it as login@server"),
    }
}

/// Opens the engine of one account with its password from the keyring.
pub fn open_engine(paths: &Paths, account: &Account) -> anyhow::Result<Engine> {
    open_engine_in(account, &paths.database())
}

pub fn open_engine_in(account: &Account, database: &Path) -> anyhow::Result<Engine> {
    let password = secrets::app_password(account)?;
    Engine::open(account.clone(), password, database)
        .with_context(|| format!("cannot open the cache {}", database.display()))
}

/// The engine of the account the CLI was asked about (the first one by default).
pub fn open_selected_engine(paths: &Paths, wanted: Option<&str>) -> anyhow::Result<Engine> {
    let config = AppConfig::load(paths)?;
    open_engine(paths, select_account(&config, wanted)?)
}

/// Engines for every configured account that can be opened; an account whose password is
/// missing is reported and skipped, so one broken account does not stop the others.
pub fn open_all_engines(paths: &Paths, config: &AppConfig) -> anyhow::Result<Vec<Engine>> {
    open_all_engines_in(config, &paths.database())
}

/// Like [`open_all_engines`], on another cache file (the watcher keeps its own).
pub fn open_all_engines_in(config: &AppConfig, database: &Path) -> anyhow::Result<Vec<Engine>> {
    if config.accounts.is_empty() {
        bail!(NO_ACCOUNT);
    }
    let mut engines = Vec::new();
    let mut last_error = None;
    for account in &config.accounts {
        match open_engine_in(account, database) {
            Ok(engine) => engines.push(engine),
            Err(error) => {
                tracing::warn!("skipping {}: {error:#}", account.key());
                last_error = Some(error);
            }
        }
    }
    match (engines.is_empty(), last_error) {
        (true, Some(error)) => Err(error),
        _ => Ok(engines),
    }
}
