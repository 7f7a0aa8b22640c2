//! `nctray account …`: add an account with its app password (kept in the keyring), and
//! with its proxy's password, when the proxy asks for a login (kept in the keyring too).

use std::io::Read;

use anyhow::{bail, Context};
use clap::Subcommand;
use nctray_engine::nextcloud::{self, Proxy};
use nctray_engine::{Account, AccountSecrets, Engine, Paths};

use super::output::{say, say_err};
use crate::config::AppConfig;
use crate::secrets;

#[derive(Debug, Subcommand)]
pub enum AccountAction {
    /// Add an account with an app password read from standard input.
    Add {
        #[arg(long)]
        server: String,
        #[arg(long)]
        login: String,
        /// Read the app password from standard input (it is never taken as an argument).
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Trust exactly this certificate of the server (its SHA-256 fingerprint, as
        /// `SHA256:AB:CD:…`), for a self-signed or unknown-CA certificate. Without it, such a
        /// server is refused and its certificate shown.
        #[arg(long, value_name = "SHA256:…")]
        trust_fingerprint: Option<nextcloud::Fingerprint>,
        /// Connect through this HTTP proxy (`http://[login@]host:port`) instead of the one
        /// HTTPS_PROXY / HTTP_PROXY name. A proxy login's password goes with
        /// --proxy-password-env, never in the URL.
        #[arg(long, value_name = "URL")]
        proxy: Option<String>,
        /// Read the password of the --proxy login from the environment variable NAME (standard
        /// input carries the app password; an argument would show in the process list). It
        /// is kept in the keyring (service nctray-proxy), never in the config file.
        #[arg(long, value_name = "NAME", requires = "proxy")]
        proxy_password_env: Option<String>,
    },
}

pub async fn run(paths: &Paths, action: AccountAction, json: bool) -> anyhow::Result<()> {
    match action {
        AccountAction::Add {
            server,
            login,
            password_stdin: _,
            trust_fingerprint,
            proxy,
            proxy_password_env,
        } => {
            let account = Account {
                server: server.trim_end_matches('/').to_owned(),
                login_name: login,
                trusted_certificate: trust_fingerprint,
                proxy,
            };
            let proxy_password = proxy_password(&account, proxy_password_env.as_deref())?;
            add_account(paths, account, proxy_password, json).await
        }
    }
}

/// The proxy login's password from the environment variable `variable`, when the account's
/// proxy has a login; refuses a password in the proxy URL (it would land in the config file).
fn proxy_password(account: &Account, variable: Option<&str>) -> anyhow::Result<Option<String>> {
    let Some(address) = &account.proxy else {
        return Ok(None);
    };
    let proxy = Proxy::new(address, None)?;
    if proxy.url().as_str() != nextcloud::Url::parse(address.trim())?.as_str() {
        bail!(
            "put no password in --proxy: name an environment variable holding it with \
             --proxy-password-env, so it goes to the keyring and not into the config file"
        );
    }
    match (proxy.login_name(), variable) {
        (None, None) => Ok(None),
        (None, Some(_)) => bail!(
            "--proxy-password-env is for a proxy login, but {address} names none \
             (write it as http://LOGIN@host:port)"
        ),
        (Some(login), None) => bail!(
            "the proxy login {login:?} needs a password: put it in an environment variable \
             and name it with --proxy-password-env NAME"
        ),
        (Some(login), Some(variable)) => match std::env::var(variable) {
            Ok(password) if !password.is_empty() => Ok(Some(password)),
            _ => bail!(
                "the environment variable {variable} holds no password for the proxy login \
                 {login:?}"
            ),
        },
    }
}

async fn add_account(
    paths: &Paths,
    account: Account,
    proxy_password: Option<String>,
    json: bool,
) -> anyhow::Result<()> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .context("cannot read the app password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no app password on standard input");
    }
    if let Ok(url) = account.server.parse() {
        if nctray_engine::nextcloud::travels_unencrypted(&url) {
            say_err(format!(
                "nctray: warning: {} is http://, not https://: the app password and everything \
                 the account syncs travel unencrypted and can be read on the way",
                account.server
            ));
        }
    }
    // Check the credentials before keeping anything, so a typo is caught now.
    let secrets = AccountSecrets {
        app_password: password.clone(),
        proxy_password: proxy_password.clone(),
    };
    let engine = Engine::open(account.clone(), secrets, &paths.database())?;
    let user = match engine.client().current_user().await {
        Ok(user) => user,
        Err(nextcloud::Error::Certificate(problem)) => {
            bail!(untrusted_certificate(&account, engine.client().connection(), &problem).await)
        }
        Err(error @ nextcloud::Error::Unauthorized) => {
            return Err(nctray_engine::Error::from(error))
                .context("the server did not accept these credentials")
        }
        Err(error) => {
            return Err(nctray_engine::Error::from(error)).context("cannot check the account")
        }
    };
    secrets::store_app_password(&account, &password)?;
    match &proxy_password {
        Some(proxy_password) => secrets::store_proxy_password(&account, proxy_password)?,
        // Added again without a proxy login: an old proxy password has no use any more.
        None => secrets::forget_proxy_password(&account)?,
    }
    AppConfig::update(paths, |config| {
        config.add_account(account.clone());
        Ok(())
    })?;
    if json {
        println!(
            "{}",
            serde_json::json!({ "account": account.key(), "user_id": user.id, "display_name": user.display_name })
        );
    } else {
        say(format!("Added {} ({})", account.key(), user.display_name));
    }
    Ok(())
}

/// What to tell a person whose server's certificate was refused: why, what the certificate
/// is, and the exact flag that trusts it (when it may be trusted).
async fn untrusted_certificate(
    account: &Account,
    connection: &nextcloud::Connection,
    problem: &nextcloud::CertificateProblem,
) -> String {
    let mut text = format!("{}: {problem}", account.server);
    if !problem.can_be_trusted() {
        return text;
    }
    let Ok(server) = nextcloud::Url::parse(&account.server) else {
        return text;
    };
    match nextcloud::inspect(&server, connection).await {
        Ok(info) => {
            text.push_str(&format!(
                "\n\n{info}\n\nIf this is your server's certificate, trust it for this account by \
                 adding:\n  --trust-fingerprint {}",
                info.fingerprint
            ));
        }
        Err(error) => text.push_str(&format!(" (its details could not be read: {error})")),
    }
    text
}
