//! Opening the configured accounts, which needs their app passwords from the keyring. A locked
//! or absent Secret Service never stops the tray: the accounts stay configured, the menu says
//! the keyring is locked and offers "Unlock", and each account opens and starts syncing as
//! soon as the keyring gives its password: right after "Unlock", else at the next retry.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::app::App;
use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::secrets::{self, KeyringError};
use nctray_engine::accounts::setup::open_engine_in;
use nctray_engine::accounts::{Accounts, KeyringWait};
use nctray_engine::{blocking, Account, Engine, ErrorReport, Paths};
use tokio::sync::Notify;

use crate::desktop_notifications;
use crate::ipc::accounts::accounts_changed;

/// How often a locked keyring is asked again; a keyring unlocked outside nctray (the desktop's
/// own prompt, `secret-tool`) is noticed no later than this.
const RETRY_EVERY: Duration = Duration::from_secs(30);

/// Sets another retry interval in seconds (the end-to-end tests wait less).
const RETRY_ENV: &str = "NCTRAY_KEYRING_RETRY_SECS";

/// Managed state: wakes the waiting accounts early, and lets one unlock prompt run at a time.
#[derive(Default)]
pub struct KeyringRetry {
    now: Notify,
    unlocking: AtomicBool,
}

fn retry_every() -> Duration {
    std::env::var(RETRY_ENV)
        .ok()
        .and_then(|secs| secs.parse().ok())
        .filter(|secs| *secs > 0)
        .map_or(RETRY_EVERY, Duration::from_secs)
}

/// What one attempt opened, and what still waits for the keyring.
struct Attempt {
    /// Each engine and whether its account is paused.
    opened: Vec<(Engine, bool)>,
    waiting: KeyringWait,
}

/// Opens the accounts the session waits for and starts their syncs (paused ones stay paused),
/// asking the keyring again until it gave every password. Runs until no account waits.
pub async fn open_accounts(app: App) {
    let every = retry_every();
    let mut told: Option<KeyringError> = None;
    loop {
        let accounts = app.state::<Accounts>().keyring_wait().accounts;
        if accounts.is_empty() {
            return;
        }
        // The keyring and SQLite may block (a prompt, a slow disk): not on a runtime worker.
        let attempt = match blocking(move || attempt(accounts)).await {
            Ok(attempt) => attempt,
            Err(error) => {
                tracing::error!("cannot open the accounts: {}", error.message);
                return;
            }
        };
        let session = app.state::<Accounts>();
        for (engine, paused) in attempt.opened {
            let key = engine.account().key();
            if let Err(error) = session.add(Arc::new(engine)) {
                tracing::warn!("{}", error.message);
            } else if paused {
                tracing::info!("{key} is paused");
            } else if let Err(error) = session.start_sync(&key) {
                tracing::warn!("cannot start the sync of {key}: {}", error.message);
            }
        }
        let waiting = attempt.waiting;
        if waiting.problem != told {
            if let Some(problem) = &waiting.problem {
                tracing::warn!(
                    "{problem}; {} account(s) wait for it, asked again every {every:?}",
                    waiting.accounts.len()
                );
            }
            told = waiting.problem.clone();
        }
        let done = waiting.accounts.is_empty();
        session.set_keyring_wait(waiting);
        accounts_changed(&app);
        if done {
            return;
        }
        let retry = app.state::<KeyringRetry>();
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            () = retry.now.notified() => {}
        }
    }
}

/// Opens each account's engine; those the keyring does not give yet wait, the others that
/// fail (no password stored, say) are logged and left out, so one does not stop the rest.
fn attempt(accounts: Vec<Account>) -> Result<Attempt, ErrorReport> {
    let paths = Paths::from_platform()?;
    let database = paths.database();
    let config = AppConfig::load(&paths).unwrap_or_default();
    let mut opened = Vec::new();
    let mut waiting = KeyringWait::default();
    for account in accounts {
        match open_engine_in(&account, &database) {
            Ok(engine) => {
                let paused = config.is_paused(&account.key());
                opened.push((engine, paused));
            }
            Err(error) => match error.downcast_ref::<KeyringError>() {
                Some(problem) => {
                    waiting.problem = Some(problem.clone());
                    waiting.accounts.push(account);
                }
                None => tracing::warn!("skipping {}: {error:#}", account.key()),
            },
        }
    }
    Ok(Attempt { opened, waiting })
}

/// "Unlock" in the tray menu: asks the Secret Service to unlock (the desktop shows its prompt),
/// then the waiting accounts are tried at once, whatever the answer was.
pub fn unlock(app: &App) {
    let retry = app.state::<KeyringRetry>();
    if retry.unlocking.swap(true, Ordering::SeqCst) {
        return tracing::info!("the keyring's unlock prompt is already open");
    }
    let app = app.clone();
    tokio::spawn(async move {
        let accounts = app.state::<Accounts>().keyring_wait().accounts;
        let unlocked =
            blocking(move || secrets::unlock(&accounts).map_err(ErrorReport::internal)).await;
        if let Err(error) = unlocked {
            tracing::warn!("{}", error.message);
            desktop_notifications::show(
                &crate::language::app().text("popup-keyring-still-locked"),
                &error.message,
            );
        }
        let retry = app.state::<KeyringRetry>();
        retry.unlocking.store(false, Ordering::SeqCst);
        retry.now.notify_one();
    });
}
