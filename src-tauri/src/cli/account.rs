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
    },
}

pub async fn run(paths: &Paths, action: AccountAction, json: bool) -> anyhow::Result<()> {
    match action {
        AccountAction::Add {
            server,
            login,
            password_stdin: _,
        } => add_account(paths, server, login, json).await,
    }
}

async fn add_account(
    paths: &Paths,
    server: String,
    login: String,
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
    let account = Account {
        server: server.trim_end_matches('/').to_owned(),
        login_name: login,
        ..Default::default()
    };
    // Check the credentials before keeping anything, so a typo is caught now.
    let engine = Engine::open(account.clone(), password.clone(), &paths.database())?;
    let user = engine
        .client()
        .current_user()
        .await
        .map_err(nctray_engine::Error::from)
        .context("the server did not accept these credentials")?;
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
