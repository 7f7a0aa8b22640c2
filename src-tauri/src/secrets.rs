//! App passwords in the OS keyring (Secret Service on Linux), one entry per account.

use anyhow::{anyhow, Context};
use nctray_engine::Account;

const SERVICE: &str = "nctray";

fn entry(account: &Account) -> anyhow::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &account.key()).context("cannot reach the OS keyring")
}

pub fn store_app_password(account: &Account, app_password: &str) -> anyhow::Result<()> {
    entry(account)?.set_password(app_password).with_context(|| {
        format!(
            "cannot store the app password of {} in the keyring",
            account.key()
        )
    })
}

pub fn app_password(account: &Account) -> anyhow::Result<String> {
    match entry(account)?.get_password() {
        Ok(password) => Ok(password),
        Err(keyring::Error::NoEntry) => moved_from_old_key(account)?.ok_or_else(|| {
            anyhow!(
                "the keyring has no app password for {}; add it with `nctray account add`",
                account.key()
            )
        }),
        Err(e) => Err(anyhow!(
            "cannot read the app password of {} from the keyring: {e}",
            account.key()
        )),
    }
}

/// An account in a sub-path whose app password is still under the key it had before keys
/// named the base path (`login@origin`): moved to the current key, so it keeps working.
fn moved_from_old_key(account: &Account) -> anyhow::Result<Option<String>> {
    let Some(old_key) = account.key_before_base_path() else {
        return Ok(None);
    };
    let old = keyring::Entry::new(SERVICE, &old_key).context("cannot reach the OS keyring")?;
    let password = match old.get_password() {
        Ok(password) => password,
        Err(keyring::Error::NoEntry) => return Ok(None),
        Err(e) => return Err(anyhow!("cannot read the app password of {old_key}: {e}")),
    };
    store_app_password(account, &password)?;
    if let Err(e) = old.delete_credential() {
        tracing::warn!("cannot delete the keyring entry {old_key} after moving it: {e}");
    }
    tracing::info!("moved the app password of {old_key} to {}", account.key());
    Ok(Some(password))
}

/// Whether the keyring holds an app password for the account (without reading it out).
pub fn has_app_password(account: &Account) -> anyhow::Result<bool> {
    match entry(account)?.get_attributes() {
        Ok(_) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(anyhow!(
            "cannot ask the keyring about {}: {e}",
            account.key()
        )),
    }
}

/// Deletes the account's app password from the keyring; one that is not there is no error.
pub fn forget_app_password(account: &Account) -> anyhow::Result<()> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(anyhow!(
            "cannot delete the app password of {} from the keyring: {e}",
            account.key()
        )),
    }
}
