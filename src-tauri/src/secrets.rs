//! App passwords in the OS keyring (Secret Service on Linux), one entry per account.
//!
//! The `keyring` crate unlocks a locked item by asking the Secret Service for a prompt and
//! waits for it as long as it takes (with no desktop to show it: for ever). So every call
//! first looks, with a search that never prompts, whether the item is there and unlocked; a
//! locked keyring is [`KeyringError::Locked`], which the tray waits out and the command line
//! reports. Only [`unlock`] asks for the prompt. Every function here may block: never call
//! one on the GUI thread or a runtime worker.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::{anyhow, Context};
use dbus_secret_service::{EncryptionType, SecretService};
use nctray_engine::Account;

const SERVICE: &str = "nctray";

/// What the `keyring` crate (v3) files its entries under, next to service and user name.
const TARGET: &str = "default";

/// How long "Unlock" waits for the person to answer the desktop's unlock prompt.
const UNLOCK_PROMPT: Duration = Duration::from_secs(300);

/// Why the keyring gives no app password now; both may pass without nctray doing anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("the keyring is locked: unlock it (log in to the desktop session) and try again")]
    Locked,
    #[error(
        "the keyring cannot be reached (is a Secret Service such as gnome-keyring running?): {0}"
    )]
    Unavailable(String),
}

/// Where the account's entry is, found without prompting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    Absent,
    Locked,
    Unlocked,
}

/// A connection that refuses every prompt at once instead of waiting for it.
fn connect_without_prompts() -> Result<SecretService, KeyringError> {
    SecretService::connect_with_max_prompt_timeout(EncryptionType::Plain, 0)
        .map_err(|error| KeyringError::Unavailable(error.to_string()))
}

fn attributes(key: &str) -> HashMap<&str, &str> {
    HashMap::from([("service", SERVICE), ("username", key), ("target", TARGET)])
}

fn lookup(account: &Account) -> Result<Lookup, KeyringError> {
    let service = connect_without_prompts()?;
    let key = account.key();
    let found = service
        .search_items(attributes(&key))
        .map_err(|error| KeyringError::Unavailable(error.to_string()))?;
    Ok(if !found.unlocked.is_empty() {
        Lookup::Unlocked
    } else if !found.locked.is_empty() {
        Lookup::Locked
    } else {
        Lookup::Absent
    })
}

fn entry(account: &Account) -> anyhow::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &account.key()).context("cannot reach the OS keyring")
}

pub fn store_app_password(account: &Account, app_password: &str) -> anyhow::Result<()> {
    // New entries go to the default collection; writing to a locked one would prompt.
    let service = connect_without_prompts()?;
    if let Ok(collection) = service.get_default_collection() {
        if collection.is_locked().unwrap_or(false) {
            return Err(KeyringError::Locked.into());
        }
    }
    entry(account)?.set_password(app_password).with_context(|| {
        format!(
            "cannot store the app password of {} in the keyring",
            account.key()
        )
    })
}

/// The account's app password; a locked or unreachable keyring is a [`KeyringError`] (find it
/// with `downcast_ref`).
pub fn app_password(account: &Account) -> anyhow::Result<String> {
    match lookup(account)? {
        Lookup::Absent => Err(anyhow!(
            "the keyring has no app password for {}; add it with `nctray account add`",
            account.key()
        )),
        Lookup::Locked => Err(KeyringError::Locked.into()),
        Lookup::Unlocked => entry(account)?.get_password().map_err(|e| {
            anyhow!(
                "cannot read the app password of {} from the keyring: {e}",
                account.key()
            )
        }),
    }
}

/// Whether the keyring holds an app password for the account (without reading it out, so a
/// locked keyring answers too).
pub fn has_app_password(account: &Account) -> anyhow::Result<bool> {
    Ok(lookup(account)? != Lookup::Absent)
}

/// Deletes the account's app password from the keyring; one that is not there is no error.
pub fn forget_app_password(account: &Account) -> anyhow::Result<()> {
    match lookup(account)? {
        Lookup::Absent => Ok(()),
        Lookup::Locked => Err(KeyringError::Locked.into()),
        Lookup::Unlocked => match entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(anyhow!(
                "cannot delete the app password of {} from the keyring: {e}",
                account.key()
            )),
        },
    }
}

/// Asks the Secret Service to unlock the accounts' entries (the default collection when none
/// is found): the desktop shows its unlock prompt, and this waits for the answer.
pub fn unlock(accounts: &[Account]) -> anyhow::Result<()> {
    let service = SecretService::connect_with_max_prompt_timeout(
        EncryptionType::Plain,
        UNLOCK_PROMPT.as_secs(),
    )
    .map_err(|error| KeyringError::Unavailable(error.to_string()))?;
    let keys: Vec<String> = accounts.iter().map(Account::key).collect();
    let mut locked = Vec::new();
    for key in &keys {
        let found = service
            .search_items(attributes(key))
            .map_err(|error| KeyringError::Unavailable(error.to_string()))?;
        locked.extend(found.locked);
    }
    let result = if locked.is_empty() {
        let collection = service.get_default_collection()?;
        if !collection.is_locked()? {
            return Ok(());
        }
        collection.unlock()
    } else {
        service.unlock_all(&locked.iter().collect::<Vec<_>>())
    };
    result.map_err(|error| match error {
        dbus_secret_service::Error::Prompt => {
            anyhow!(
                "the keyring stays locked: its unlock prompt was dismissed or could not be shown"
            )
        }
        other => anyhow!("cannot unlock the keyring: {other}"),
    })
}
