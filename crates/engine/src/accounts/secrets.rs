//! App passwords in the OS keyring (Secret Service on Linux), one entry per account; and the
//! password of an account's proxy, when it asks for a login, in an entry of its own.
//!
//! The `keyring` crate unlocks a locked item by asking the Secret Service for a prompt and
//! waits for it as long as it takes (with no desktop to show it: for ever). So every call
//! first looks, with a search that never prompts, whether the item is there and unlocked; a
//! locked keyring is [`KeyringError::Locked`], which the tray waits out and the command line
//! reports. Only [`unlock`] asks for the prompt. Every function here may block: never call
//! one on the GUI thread or a runtime worker.

use std::collections::HashMap;
use std::time::Duration;

use crate::{Account, AccountSecrets};
use anyhow::{anyhow, Context};
use dbus_secret_service::{EncryptionType, SecretService};

const SERVICE: &str = "nctray";
/// The proxy's password is kept apart from the app password: another secret, for another
/// party, and `secret-tool` shows which is which.
const PROXY_SERVICE: &str = "nctray-proxy";

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

fn attributes<'a>(service: &'a str, key: &'a str) -> HashMap<&'a str, &'a str> {
    HashMap::from([("service", service), ("username", key), ("target", TARGET)])
}

fn lookup(account: &Account) -> Result<Lookup, KeyringError> {
    lookup_in(SERVICE, &account.key())
}

fn lookup_in(service_name: &str, key: &str) -> Result<Lookup, KeyringError> {
    let service = connect_without_prompts()?;
    let found = service
        .search_items(attributes(service_name, key))
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

/// What the account's engine needs from the keyring: the app password, and the proxy's
/// password when its proxy has a login.
pub fn account_secrets(account: &Account) -> anyhow::Result<AccountSecrets> {
    let proxy_password = match account.proxy_login() {
        Some(login) => Some(proxy_password(account, &login)?),
        None => None,
    };
    Ok(AccountSecrets {
        app_password: app_password(account)?,
        proxy_password,
    })
}

/// The account's app password; a locked or unreachable keyring is a [`KeyringError`] (find it
/// with `downcast_ref`).
pub fn app_password(account: &Account) -> anyhow::Result<String> {
    match lookup(account)? {
        Lookup::Absent => moved_from_old_key(account)?.ok_or_else(|| {
            anyhow!(
                "the keyring has no app password for {}; add it with `nctray account add`",
                account.key()
            )
        }),
        Lookup::Locked => Err(KeyringError::Locked.into()),
        Lookup::Unlocked => entry(account)?.get_password().map_err(|e| {
            anyhow!(
                "cannot read the app password of {} from the keyring: {e}",
                account.key()
            )
        }),
    }
}

/// An account in a sub-path whose app password is still under the key it had before keys
/// named the base path (`login@origin`): moved to the current key, so it keeps working.
fn moved_from_old_key(account: &Account) -> anyhow::Result<Option<String>> {
    let Some(old_key) = account.key_before_base_path() else {
        return Ok(None);
    };
    match lookup_in(SERVICE, &old_key)? {
        Lookup::Absent => return Ok(None),
        Lookup::Locked => return Err(KeyringError::Locked.into()),
        Lookup::Unlocked => {}
    }
    let old = keyring::Entry::new(SERVICE, &old_key).context("cannot reach the OS keyring")?;
    let password = old
        .get_password()
        .map_err(|e| anyhow!("cannot read the app password of {old_key}: {e}"))?;
    store_app_password(account, &password)?;
    if let Err(e) = old.delete_credential() {
        tracing::warn!("cannot delete the keyring entry {old_key} after moving it: {e}");
    }
    tracing::info!("moved the app password of {old_key} to {}", account.key());
    Ok(Some(password))
}

fn proxy_entry(account: &Account) -> anyhow::Result<keyring::Entry> {
    keyring::Entry::new(PROXY_SERVICE, &account.key()).context("cannot reach the OS keyring")
}

pub fn store_proxy_password(account: &Account, password: &str) -> anyhow::Result<()> {
    proxy_entry(account)?
        .set_password(password)
        .with_context(|| {
            format!(
                "cannot store the proxy password of {} in the keyring",
                account.key()
            )
        })
}

fn proxy_password(account: &Account, login: &str) -> anyhow::Result<String> {
    match lookup_in(PROXY_SERVICE, &account.key())? {
        Lookup::Absent => Err(anyhow!(
            "the keyring has no password for the proxy login {login:?} of {}; add the account \
             again with `nctray account add … --proxy-password-env NAME`",
            account.key()
        )),
        Lookup::Locked => Err(KeyringError::Locked.into()),
        Lookup::Unlocked => proxy_entry(account)?.get_password().map_err(|e| {
            anyhow!(
                "cannot read the proxy password of {} from the keyring: {e}",
                account.key()
            )
        }),
    }
}

/// Deletes the account's proxy password; one that is not there is no error.
pub fn forget_proxy_password(account: &Account) -> anyhow::Result<()> {
    match lookup_in(PROXY_SERVICE, &account.key())? {
        Lookup::Absent => Ok(()),
        Lookup::Locked => Err(KeyringError::Locked.into()),
        Lookup::Unlocked => match proxy_entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(anyhow!(
                "cannot delete the proxy password of {} from the keyring: {e}",
                account.key()
            )),
        },
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
            .search_items(attributes(SERVICE, key))
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
