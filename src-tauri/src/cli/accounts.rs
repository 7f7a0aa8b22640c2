//! `nctray accounts`: the configured accounts and whether the keyring holds each one's app
//! password (the password itself is never read).

use nctray_engine::Paths;
use serde::Serialize;

use super::output::say;
use crate::config::AppConfig;
use crate::secrets;

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
        say(
            "No accounts; add one with `nctray account add --server URL --login NAME --password-stdin`",
        );
    }
    for report in &reports {
        say(describe(report));
    }
    Ok(())
}

fn describe(report: &AccountReport) -> String {
    let password = match (report.has_password, &report.keyring_error) {
        (Some(true), _) => "app password in the keyring".to_owned(),
        (Some(false), _) => {
            "no app password in the keyring (add it again with `nctray account add`)".to_owned()
        }
        (None, Some(error)) => format!("keyring unavailable: {error}"),
        (None, None) => "keyring unavailable".to_owned(),
    };
    let default = if report.default { " (default)" } else { "" };
    format!("{}{default}: {password}", report.account)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

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
        assert_eq!(
            describe(&report(Some(true), None)),
            "admin@http://127.0.0.1:4711 (default): app password in the keyring"
        );
        assert!(describe(&report(Some(false), None)).contains("no app password"));
        assert!(describe(&report(None, Some("no D-Bus"))).contains("no D-Bus"));
        let json = serde_json::to_value(report(Some(true), None)).unwrap();
        assert_eq!(json["has_password"], true);
        assert!(json.get("keyring_error").is_none());
    }
}
