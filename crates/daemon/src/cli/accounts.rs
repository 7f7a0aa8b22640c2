//! `nctray accounts`: the configured accounts and whether the keyring holds each one's app
//! password (the password itself is never read).

use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::secrets;
use nctray_engine::Paths;
use serde::Serialize;

use nctray_i18n::{tr, Localizer};

use super::language::cli_text;
use super::output::say;

/// One account as `--json` prints it.
#[derive(Debug, Serialize)]
struct AccountReport {
    /// `login@origin`, what `--account` takes.
    account: String,
    server: String,
    login_name: String,
    /// The first account, used when `--account` is not given.
    default: bool,
    /// `null` when the keyring could not be asked (see `keyring_error`).
    has_password: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyring_error: Option<String>,
}

pub fn run(paths: &Paths, json: bool) -> anyhow::Result<()> {
    let config = AppConfig::load(paths)?;
    let reports: Vec<AccountReport> = config
        .accounts
        .iter()
        .enumerate()
        .map(|(index, account)| {
            let password = secrets::has_app_password(account);
            AccountReport {
                account: account.key(),
                server: account.server.clone(),
                login_name: account.login_name.clone(),
                default: index == 0,
                has_password: password.as_ref().ok().copied(),
                keyring_error: password.err().map(|e| format!("{e:#}")),
            }
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string(&reports)?);
        return Ok(());
    }
    if reports.is_empty() {
        say(cli_text().text("cli-accounts-none"));
    }
    for report in &reports {
        say(describe(report, &cli_text()));
    }
    Ok(())
}

fn describe(report: &AccountReport, text: &Localizer) -> String {
    let password = match (report.has_password, &report.keyring_error) {
        (Some(true), _) => text.text("cli-accounts-password-stored"),
        (Some(false), _) => text.text("cli-accounts-password-missing"),
        (None, Some(error)) => tr!(text, "cli-accounts-keyring-error", error = error.as_str()),
        (None, None) => text.text("cli-accounts-keyring-unavailable"),
    };
    let account = report.account.as_str();
    if report.default {
        tr!(
            text,
            "cli-accounts-line-default",
            account = account,
            password = password
        )
    } else {
        tr!(
            text,
            "cli-accounts-line",
            account = account,
            password = password
        )
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use nctray_i18n::{Catalogue, Language};

    use super::*;
    use crate::cli::{Args, Command};

    #[test]
    fn accounts_parses_with_json_and_takes_no_arguments() {
        let args = Args::try_parse_from(["nctray", "accounts", "--json"]).unwrap();
        assert!(matches!(args.command, Some(Command::Accounts)));
        assert!(args.json);
        assert!(Args::try_parse_from(["nctray", "accounts", "extra"]).is_err());
    }

    #[test]
    fn each_line_names_the_account_and_its_password_state() {
        let report = |has_password, keyring_error: Option<&str>| AccountReport {
            account: "admin@http://127.0.0.1:4711".into(),
            server: "http://127.0.0.1:4711".into(),
            login_name: "admin".into(),
            default: true,
            has_password,
            keyring_error: keyring_error.map(Into::into),
        };
        let english = Localizer::new(&Language::english(), Catalogue::Cli);
        assert_eq!(
            describe(&report(Some(true), None), &english),
            "admin@http://127.0.0.1:4711 (default): app password in the keyring"
        );
        assert!(describe(&report(Some(false), None), &english).contains("no app password"));
        assert!(describe(&report(None, Some("no D-Bus")), &english).contains("no D-Bus"));
        let german = Localizer::new(&Language::negotiate(&["de"]), Catalogue::Cli);
        assert_eq!(
            describe(&report(Some(true), None), &german),
            "admin@http://127.0.0.1:4711 (Standard): App-Passwort im Schlüsselbund"
        );
        let json = serde_json::to_value(report(Some(true), None)).unwrap();
        assert_eq!(json["has_password"], true);
        assert!(json.get("keyring_error").is_none());
    }
}
