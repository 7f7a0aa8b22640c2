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
        Err(keyring::Error::NoEntry) => Err(anyhow!(
            "the keyring has no app password for {}; add it with `nctray account add`",
            account.key()
        )),
        Err(e) => Err(anyhow!(
            "cannot read the app password of {} from the keyring: {e}",
            account.key()
        )),
    }
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
