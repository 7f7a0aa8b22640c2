//! `nctray notifications …`: list the notifications after one look at the server (the cached
//! list when it cannot be reached), and dismiss them.

use clap::{Args as ClapArgs, Subcommand};
use nctray_engine::nextcloud::Notification;
use nctray_engine::{Engine, NotificationCheck};

use nctray_i18n::tr;

use super::dates::show_iso;
use super::language::cli_text;
use super::output::{printable, say, say_body, Cached};

#[derive(Debug, ClapArgs)]
#[command(args_conflicts_with_subcommands = true)]
pub struct NotificationsArgs {
    /// List every notification still on the server, also those the tray has already popped
    /// up (or silenced in do-not-disturb).
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub action: Option<NotificationsAction>,
}

#[derive(Debug, Subcommand)]
pub enum NotificationsAction {
    /// Dismiss a notification on the server (and in every client), or all of them.
    Dismiss(DismissArgs),
}

#[derive(Debug, ClapArgs)]
#[group(required = true, multiple = false)]
pub struct DismissArgs {
    /// The notification's id, as `nctray notifications` shows it (`#42`).
    pub id: Option<i64>,
    /// Dismiss every notification.
    #[arg(long)]
    pub all: bool,
}

/// The help of `nctray notifications`: what "new" means.
pub const ABOUT: &str = "List your notifications, or dismiss them";
pub const LONG_ABOUT: &str = "List your notifications, or dismiss them.

Without --all only the notifications the tray has not handled yet are listed: the ones that \
arrived since its last poll (all of them while the tray is not running). The tray still pops \
them up afterwards: looking here takes nothing away from it. --all lists every notification \
still on the server, also those already popped up or silenced in do-not-disturb.

The server is asked once; when it cannot be reached the cached notifications are listed, with \
a note on standard error.";

pub async fn run(engine: &Engine, args: NotificationsArgs, json: bool) -> anyhow::Result<()> {
    match args.action {
        Some(NotificationsAction::Dismiss(DismissArgs { all: true, .. })) => {
            engine.notifications().dismiss_all().await?;
            if !json {
                say(cli_text().text("cli-notifications-dismissed-all"));
            }
        }
        Some(NotificationsAction::Dismiss(DismissArgs { id: Some(id), .. })) => {
            engine.notifications().dismiss(id).await?;
            if !json {
                say(tr!(cli_text(), "cli-notifications-dismissed", id = id));
            }
        }
        Some(NotificationsAction::Dismiss(_)) => {
            anyhow::bail!(cli_text().text("cli-notifications-dismiss-choose"))
        }
        None => list(engine, args.all, json).await?,
    }
    Ok(())
}

async fn list(engine: &Engine, all: bool, json: bool) -> anyhow::Result<()> {
    let check = engine.notifications().check().await?;
    if let Some(reason) = &check.offline {
        super::output::note_offline(engine, reason, Cached::Notifications, json);
    }
    let shown = chosen(&check, all);
    if json {
        println!("{}", serde_json::to_string(&shown)?);
        return Ok(());
    }
    if shown.is_empty() {
        let waiting = check.notifications.len();
        match (all, waiting) {
            (true, _) | (false, 0) => say(cli_text().text("cli-notifications-none")),
            (false, n) => say(tr!(cli_text(), "cli-notifications-none-new", count = n)),
        }
    }
    for notification in shown {
        print_notification(notification);
    }
    Ok(())
}

/// The notifications to list, newest first.
fn chosen(check: &NotificationCheck, all: bool) -> Vec<&Notification> {
    check
        .notifications
        .iter()
        .filter(|n| all || check.is_unhandled(n))
        .collect()
}

fn print_notification(n: &Notification) {
    say(format!(
        "#{}  {}  {}",
        n.notification_id,
        show_iso(&n.datetime),
        printable(&n.subject)
    ));
    say_body(n.message.as_deref());
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Args, Command};

    fn parse(line: &[&str]) -> Result<NotificationsArgs, clap::Error> {
        let args = Args::try_parse_from(std::iter::once("nctray").chain(line.iter().copied()))?;
        match args.command {
            Some(Command::Notifications(args)) => Ok(args),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn listing_takes_all_and_the_global_json() {
        let args = parse(&["notifications"]).unwrap();
        assert!(!args.all && args.action.is_none());
        let args = parse(&["notifications", "--all", "--json"]).unwrap();
        assert!(args.all);
        let args = Args::try_parse_from(["nctray", "--json", "notifications"]).unwrap();
        assert!(args.json);
    }

    #[test]
    fn dismiss_takes_an_id_or_all_but_not_both_nor_neither() {
        let dismiss = |line: &[&str]| -> Result<(Option<i64>, bool), clap::Error> {
            match parse(line)?.action {
                Some(NotificationsAction::Dismiss(d)) => Ok((d.id, d.all)),
                None => panic!("no action"),
            }
        };
        assert_eq!(
            dismiss(&["notifications", "dismiss", "42"]).unwrap(),
            (Some(42), false)
        );
        assert_eq!(
            dismiss(&["notifications", "dismiss", "--all"]).unwrap(),
            (None, true)
        );
        assert!(dismiss(&["notifications", "dismiss"]).is_err());
        assert!(dismiss(&["notifications", "dismiss", "42", "--all"]).is_err());
        assert!(dismiss(&["notifications", "dismiss", "forty-two"]).is_err());
        assert!(parse(&["notifications", "--all", "dismiss", "1"]).is_err());
    }

    #[test]
    fn the_help_says_what_all_means() {
        assert!(LONG_ABOUT.contains("--all lists every notification"));
    }
}
