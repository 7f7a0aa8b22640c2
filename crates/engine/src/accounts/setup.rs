//! Which accounts the app works with, opening their engines, and adding or removing one
//! while the app runs.
//!
//! Removing an account deletes its rows from the cache but the ids of the notifications it
//! popped up: they are keyed by `login@origin`, so adding the same account again pops none
//! of them up a second time.

use std::path::Path;
use std::sync::Arc;

use crate::nextcloud::{Credentials, Fingerprint};
use crate::store::Store;
use crate::{blocking, Account, Engine, ErrorReport, Paths};
use anyhow::{bail, Context};

use super::config::AppConfig;
use super::demo::DemoServer;
use super::opened::opened;
use super::secrets;
use super::service::{already_signed_in, not_found};
use super::Accounts;

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

/// Opens the engine of one account with its passwords from the keyring.
pub fn open_engine(paths: &Paths, account: &Account) -> anyhow::Result<Engine> {
    open_engine_in(account, &paths.database())
}

pub fn open_engine_in(account: &Account, database: &Path) -> anyhow::Result<Engine> {
    let secrets = secrets::account_secrets(account)?;
    let engine = Engine::open(account.clone(), secrets, database)
        .with_context(|| format!("cannot open the cache {}", database.display()))?;
    opened(&engine);
    Ok(engine)
}

/// The engine of the account the CLI was asked about (the first one by default).
pub fn open_selected_engine(paths: &Paths, wanted: Option<&str>) -> anyhow::Result<Engine> {
    let config = AppConfig::load(paths)?;
    open_engine(paths, select_account(&config, wanted)?)
}

/// Opens the cache once at start, checking it: a damaged file is moved aside and a new one
/// made (see [`Store::open_checked`]). Returns what to tell the person when that happened;
/// a cache from a newer nctray is an error that says to update.
pub fn check_cache(database: &Path) -> anyhow::Result<Option<String>> {
    let (_, set_aside) = Store::open_checked(database)
        .with_context(|| format!("cannot open the cache {}", database.display()))?;
    Ok(set_aside.map(|set_aside| {
        format!(
            "The cache {} could not be read ({}). It was moved to {} and a new one started; \
             the server still has everything.",
            database.display(),
            set_aside.reason,
            set_aside.moved_to.display()
        )
    }))
}

/// Engines for every configured account that can be opened, on `database` (the watcher keeps
/// its own cache); an account whose password is missing is reported and skipped, so one broken
/// account does not stop the others.
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

/// The user approved a sign-in (Login Flow): the new app password, and the certificate
/// trusted on the way (kept with the account). `Debug` shows no password (see `Credentials`).
#[derive(Debug)]
pub struct Approved {
    pub credentials: Credentials,
    pub trusted_certificate: Option<Fingerprint>,
}

/// Adds the account the user just approved (Login Flow) and starts its sync. The app
/// password goes to the keyring and the config names server, login and the certificate
/// trusted while signing in, except for an account on the built-in demo server, which lives
/// only as long as the app.
pub async fn add_signed_in(
    paths: &Paths,
    accounts: &Accounts,
    approved: Approved,
) -> Result<Arc<Engine>, ErrorReport> {
    let Approved {
        credentials,
        trusted_certificate,
    } = approved;
    let account = Account {
        server: credentials.server.as_str().trim_end_matches('/').to_owned(),
        login_name: credentials.login_name,
        trusted_certificate,
        ..Default::default()
    };
    let demo = accounts.is_demo(&account);
    let database = if demo {
        DemoServer::database(paths)
    } else {
        paths.database()
    };
    let (opened, password) = (account.clone(), credentials.app_password.clone());
    let engine = blocking(move || Engine::open(opened, password, &database)).await?;
    if accounts.engines().iter().any(|e| e.account() == &account) {
        // Approved twice: the new app password is one too many, take it back.
        if let Err(error) = engine.client().revoke_app_password().await {
            tracing::info!("cannot revoke the duplicate app password: {error}");
        }
        return Err(already_signed_in(&account.key()));
    }
    // Also caches the display name the list shows.
    engine.refresh_user().await?;
    if !demo {
        let (paths, account) = (paths.clone(), account.clone());
        blocking(move || {
            secrets::store_app_password(&account, &credentials.app_password)
                .map_err(ErrorReport::internal)?;
            AppConfig::update(&paths, |config| {
                config.add_account(account.clone());
                Ok(())
            })
            .map_err(ErrorReport::internal)
        })
        .await?;
    }
    let engine = Arc::new(engine);
    accounts.add(engine.clone())?;
    accounts.start_sync(&account.key())?;
    Ok(engine)
}

/// What removing an account could not do.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Removal {
    /// Why the app password is still valid on the server (unreachable, say), or `None` when
    /// the server revoked it.
    pub server_error: Option<String>,
}

/// Stops the account's sync, revokes its app password on the server, deletes it from the
/// keyring and the config, and its rows from the cache (all but what it popped up). Removed
/// locally even when the server cannot be reached: the answer says so, so the user can revoke
/// it in the server's security settings.
pub async fn remove(paths: &Paths, accounts: &Accounts, key: &str) -> Result<Removal, ErrorReport> {
    let engine = accounts.remove(key).ok_or_else(|| not_found(key))?;
    let server_error = match engine.client().revoke_app_password().await {
        Ok(()) => None,
        // Already revoked elsewhere: nothing left to do on the server.
        Err(crate::nextcloud::Error::Unauthorized) => None,
        Err(error) => Some(error.to_string()),
    };
    let demo = accounts.is_demo(engine.account());
    let (paths, key) = (paths.clone(), key.to_owned());
    blocking(move || {
        if !demo {
            secrets::forget_app_password(engine.account()).map_err(ErrorReport::internal)?;
            secrets::forget_proxy_password(engine.account()).map_err(ErrorReport::internal)?;
            AppConfig::update(&paths, |config| {
                config.remove_account(&key);
                Ok(())
            })
            .map_err(ErrorReport::internal)?;
        }
        // The account has no files of its own: its cache rows are all it leaves.
        Ok::<_, ErrorReport>(engine.forget_cache()?)
    })
    .await?;
    Ok(Removal { server_error })
}

/// Pauses or resumes the account's sync, and remembers it in the config.
pub async fn set_paused(
    paths: &Paths,
    accounts: &Accounts,
    key: &str,
    paused: bool,
) -> Result<(), ErrorReport> {
    if paused {
        accounts.stop_sync(key)?;
    } else {
        accounts.start_sync(key)?;
    }
    let (paths, key) = (paths.clone(), key.to_owned());
    blocking(move || {
        AppConfig::update(&paths, |config| {
            if config.accounts.iter().any(|a| a.key() == key) {
                config.set_paused(&key, paused);
            }
            Ok(())
        })
        .map_err(ErrorReport::internal)
    })
    .await
}
