//! `nctray account …`: add an account with its app password (kept in the keyring).

use std::io::Read;

use anyhow::{bail, Context};
use clap::Subcommand;
use nctray_engine::{Account, Engine, Paths};

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
        trust_fingerprint: Option<nctray_engine::nextcloud::Fingerprint>,
        /// Connect through this HTTP proxy (`http://[login@]host:port`) instead of the one
        /// HTTPS_PROXY / HTTP_PROXY name.
        #[arg(long, value_name = "URL")]
        proxy: Option<String>,
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
        } => {
            let account = Account {
                server: server.trim_end_matches('/').to_owned(),
                login_name: login,
                trusted_certificate: trust_fingerprint,
                proxy,
            };
            add_account(paths, account, json).await
        }
    }
}

async fn add_account(paths: &Paths, account: Account, json: bool) -> anyhow::Result<()> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .context("cannot read the app password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no app password on standard input");
    }
    if let Some(proxy) = &account.proxy {
        // Validated now; a password in it would end up in the config file.
        if nctray_engine::nextcloud::Proxy::new(proxy, None)?
            .url()
            .as_str()
            != nctray_engine::nextcloud::Url::parse(proxy)?.as_str()
        {
            bail!("put no password in --proxy: nctray keeps the config file free of secrets");
        }
    }
    // Check the credentials before keeping anything, so a typo is caught now.
    let engine = Engine::open(account.clone(), password.clone(), &paths.database())?;
    let user = match engine.client().current_user().await {
        Ok(user) => user,
        Err(nctray_engine::nextcloud::Error::Certificate(problem)) => {
            bail!(untrusted_certificate(&account, engine.client().connection(), &problem).await)
        }
        Err(error @ nctray_engine::nextcloud::Error::Unauthorized) => {
            return Err(nctray_engine::Error::from(error))
                .context("the server did not accept these credentials")
        }
        Err(error) => {
            return Err(nctray_engine::Error::from(error)).context("cannot check the account")
        }
    };
    secrets::store_app_password(&account, &password)?;
    let mut config = AppConfig::load(paths)?;
    config.add_account(account.clone());
    config.save(paths)?;
    if json {
        println!(
            "{}",
            serde_json::json!({ "account": account.key(), "user_id": user.id, "display_name": user.display_name })
        );
    } else {
        println!("Added {} ({})", account.key(), user.display_name);
    }
    Ok(())
}

/// What to tell a person whose server's certificate was refused: why, what the certificate
/// is, and the exact flag that trusts it (when it may be trusted).
async fn untrusted_certificate(
    account: &Account,
    connection: &nctray_engine::nextcloud::Connection,
    problem: &nctray_engine::nextcloud::CertificateProblem,
) -> String {
    let mut text = format!("{}: {problem}", account.server);
    if !problem.can_be_trusted() {
        return text;
    }
    let Ok(server) = nctray_engine::nextcloud::Url::parse(&account.server) else {
        return text;
    };
    match nctray_engine::nextcloud::inspect(&server, connection).await {
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
