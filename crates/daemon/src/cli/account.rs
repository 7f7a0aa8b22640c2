//! `nctray account …`: add an account with its app password (kept in the keyring), and
//! with its proxy's password, when the proxy asks for a login (kept in the keyring too).

use std::io::Read;

use anyhow::{bail, Context};
use clap::Subcommand;
use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::secrets;
use nctray_engine::nextcloud::{self, Proxy};
use nctray_engine::{Account, AccountSecrets, Engine, Paths};

use nctray_i18n::tr;

use super::language::cli_text;
use super::output::{say, say_err};

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
        bail!(cli_text().text("cli-account-proxy-password-in-url"));
    }
    match (proxy.login_name(), variable) {
        (None, None) => Ok(None),
        (None, Some(_)) => bail!(tr!(
            cli_text(),
            "cli-account-proxy-has-no-login",
            address = address.as_str()
        )),
        (Some(login), None) => bail!(tr!(
            cli_text(),
            "cli-account-proxy-needs-password",
            login = login
        )),
        (Some(login), Some(variable)) => match std::env::var(variable) {
            Ok(password) if !password.is_empty() => Ok(Some(password)),
            _ => bail!(tr!(
                cli_text(),
                "cli-account-proxy-variable-empty",
                variable = variable,
                login = login
            )),
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
        .context(cli_text().text("cli-account-cannot-read-password"))?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!(cli_text().text("cli-account-no-password"));
    }
    if let Ok(url) = account.server.parse() {
        if nctray_engine::nextcloud::travels_unencrypted(&url) {
            let warning = tr!(
                cli_text(),
                "cli-account-unencrypted",
                server = account.server.as_str()
            );
            say_err(format!("nctray: {warning}"));
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
                .context(cli_text().text("cli-account-credentials-refused"))
        }
        Err(error) => {
            return Err(nctray_engine::Error::from(error))
                .context(cli_text().text("cli-account-cannot-check"))
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
        say(tr!(
            cli_text(),
            "cli-account-added",
            account = account.key(),
            name = user.display_name.as_str()
        ));
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
            let hint = cli_text().text("cli-account-trust-hint");
            text.push_str(&format!(
                "\n\n{info}\n\n{hint}\n  --trust-fingerprint {}",
                info.fingerprint
            ));
        }
        Err(error) => {
            let unreadable = tr!(
                cli_text(),
                "cli-account-certificate-unreadable",
                error = error.to_string()
            );
            text.push_str(&format!(" ({unreadable})"));
        }
    }
    text
}
