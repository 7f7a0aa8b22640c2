//! App passwords in the OS keyring (Secret Service on Linux), one entry per account; and the
//! password of an account's proxy, when it asks for a login, in an entry of its own.

use anyhow::{anyhow, Context};
use nctray_engine::{Account, AccountSecrets};

const SERVICE: &str = "nctray";
/// The proxy's password is kept apart from the app password: another secret, for another
/// party, and `secret-tool` shows which is which.
const PROXY_SERVICE: &str = "nctray-proxy";

fn entry(account: &Account) -> anyhow::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, &account.key()).context("cannot reach the OS keyring")
}

fn proxy_entry(account: &Account) -> anyhow::Result<keyring::Entry> {
    keyring::Entry::new(PROXY_SERVICE, &account.key()).context("cannot reach the OS keyring")
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
    match proxy_entry(account)?.get_password() {
        Ok(password) => Ok(password),
        Err(keyring::Error::NoEntry) => Err(anyhow!(
            "the keyring has no password for the proxy login {login:?} of {}; add the account \
             again with `nctray account add … --proxy-password-env NAME`",
            account.key()
        )),
        Err(e) => Err(anyhow!(
            "cannot read the proxy password of {} from the keyring: {e}",
            account.key()
        )),
    }
}

/// Deletes the account's proxy password; one that is not there is no error.
pub fn forget_proxy_password(account: &Account) -> anyhow::Result<()> {
    match proxy_entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(anyhow!(
            "cannot delete the proxy password of {} from the keyring: {e}",
            account.key()
        )),
    }
}

pub fn store_app_password(account: &Account, app_password: &str) -> anyhow::Result<()> {
    entry(account)?.set_password(app_password).with_context(|| {
        format!(
            "cannot store the app password of {} in the keyring",
            account.key()
        )
    })
}

fn app_password(account: &Account) -> anyhow::Result<String> {
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
