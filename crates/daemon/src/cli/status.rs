//! `nctray status …`: show and change the status, predefined messages, restore, presets.

use anyhow::bail;
use clap::{Args as ClapArgs, Subcommand};
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{icon_and_message, Engine, StatusPreset, StatusSnapshot};
use serde::Serialize;

use nctray_i18n::{tr, Localizer};

use super::language::cli_text;
use super::output::say;

#[derive(Debug, Subcommand)]
pub enum StatusAction {
    /// Set the status type.
    Set {
        #[arg(value_parser = parse_status_type)]
        status: StatusType,
    },
    /// Set a predefined message, or clear the message.
    Message(MessageArgs),
    /// Restore the status a call or automation overwrote.
    Restore,
    /// Local presets: a status, emoji, message and clear-after applied in one step.
    Preset {
        #[command(subcommand)]
        action: PresetAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum PresetAction {
    /// List the presets.
    List,
    /// Add a preset, or replace the one with the same name.
    Add {
        name: String,
        #[arg(long, value_parser = parse_status_type)]
        status: StatusType,
        /// One emoji.
        #[arg(long)]
        icon: Option<String>,
        #[arg(long)]
        message: Option<String>,
        /// When the message clears after applying: 30m, 1h, 4h, 1d, … (default: never).
        #[arg(long, value_parser = parse_duration_secs)]
        clear_after: Option<i64>,
    },
    /// Apply a preset.
    Apply { name: String },
    /// Remove a preset.
    Remove { name: String },
}

/// `30m`, `1h`, `4h`, `2d` or plain seconds.
fn parse_duration_secs(text: &str) -> Result<i64, String> {
    let (digits, unit) = text.split_at(text.trim_end_matches(char::is_alphabetic).len());
    let value: i64 = digits
        .parse()
        .map_err(|_| tr!(cli_text(), "cli-status-not-a-duration", text = text))?;
    let scale = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(tr!(cli_text(), "cli-status-duration-unit", text = text)),
    };
    Ok(value * scale)
}

#[derive(Debug, ClapArgs)]
#[group(required = true, multiple = false)]
pub struct MessageArgs {
    /// Id of one of the server's predefined messages (e.g. meeting, vacationing).
    #[arg(long)]
    predefined: Option<String>,
    /// Remove the message; the status type stays.
    #[arg(long)]
    clear: bool,
}

fn parse_status_type(text: &str) -> Result<StatusType, String> {
    match text.parse::<StatusType>() {
        Ok(
            status @ (StatusType::Online
            | StatusType::Away
            | StatusType::Dnd
            | StatusType::Invisible
            | StatusType::Offline),
        ) => Ok(status),
        _ => Err(tr!(cli_text(), "cli-status-not-a-status", text = text)),
    }
}

pub async fn run(engine: &Engine, action: Option<StatusAction>, json: bool) -> anyhow::Result<()> {
    let snapshot = match action {
        Some(StatusAction::Preset { action }) => return run_preset(engine, action, json).await,
        None => engine.status().refresh().await?,
        Some(StatusAction::Set { status }) => match daemon_of_primary(engine).await {
            // The running daemon sets it: its tray follows at once (and the cache it writes
            // is the one read here).
            Some(daemon) => {
                daemon.set_status(status.as_str()).await?;
                engine.status().cached()?.unwrap_or_default()
            }
            None => engine.status().set(status).await?,
        },
        Some(StatusAction::Message(MessageArgs {
            predefined: Some(id),
            ..
        })) => engine.status().set_predefined(&id).await?,
        Some(StatusAction::Message(MessageArgs { clear: true, .. })) => {
            engine.status().clear_message().await?
        }
        Some(StatusAction::Message(_)) => bail!(cli_text().text("cli-status-message-choose")),
        Some(StatusAction::Restore) => engine.status().restore().await?,
    };
    print_status(&snapshot, json);
    Ok(())
}

/// The running daemon, when `engine`'s account is its primary one (the tray follows that one).
async fn daemon_of_primary(engine: &Engine) -> Option<nctray_api::Nctray1Proxy<'static>> {
    let daemon = super::daemon::running().await?;
    let paths = nctray_engine::Paths::from_platform().ok()?;
    let config = nctray_engine::accounts::config::AppConfig::load(&paths).ok()?;
    let primary = config.accounts.first()?.key();
    (primary == engine.account().key()).then_some(daemon)
}

async fn run_preset(engine: &Engine, action: PresetAction, json: bool) -> anyhow::Result<()> {
    match action {
        PresetAction::List => {
            let presets = engine.status().presets()?;
            if json {
                println!("{}", serde_json::to_string(&presets)?);
            }
            let text = cli_text();
            for preset in presets.iter().filter(|_| !json) {
                say(describe_preset(preset, &text));
            }
        }
        PresetAction::Add {
            name,
            status,
            icon,
            message,
            clear_after,
        } => {
            engine.status().save_preset(&StatusPreset {
                name,
                status,
                icon,
                message,
                clear_after_secs: clear_after,
            })?;
        }
        PresetAction::Apply { name } => {
            print_status(&engine.status().apply_preset(&name).await?, json)
        }
        PresetAction::Remove { name } => engine.status().remove_preset(&name)?,
    }
    Ok(())
}

/// The status as `--json` prints it: stable field names for scripts.
#[derive(Serialize)]
struct StatusReport<'a> {
    status: &'a str,
    icon: Option<&'a str>,
    message: Option<&'a str>,
    message_id: Option<&'a str>,
    clear_at: Option<i64>,
    can_restore: bool,
}

fn print_status(snapshot: &StatusSnapshot, json: bool) {
    if !json {
        say(describe(snapshot, &cli_text()));
        return;
    }
    let own = snapshot.own.as_ref();
    let report = StatusReport {
        status: snapshot.status_type().as_str(),
        icon: own.and_then(|o| o.icon.as_deref()),
        message: own.and_then(|o| o.message.as_deref()),
        message_id: own.and_then(|o| o.message_id.as_deref()),
        clear_at: own.and_then(|o| o.clear_at),
        can_restore: snapshot.restorable_message_id().is_some(),
    };
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
}

/// The status's name as Nextcloud's web UI has it in this language ("Do not disturb").
pub fn status_name(status: StatusType, text: &Localizer) -> String {
    match status {
        StatusType::Online => text.text("cli-status-online"),
        StatusType::Away => text.text("cli-status-away"),
        StatusType::Dnd => text.text("cli-status-dnd"),
        StatusType::Busy => text.text("cli-status-busy"),
        StatusType::Invisible => text.text("cli-status-invisible"),
        StatusType::Offline => text.text("cli-status-offline"),
    }
}

/// One line for people: `Away — 🌴 On vacation`, or just `Away`.
pub fn describe(snapshot: &StatusSnapshot, text: &Localizer) -> String {
    let status = status_name(snapshot.status_type(), text);
    let message = snapshot.message_line();
    if message.is_empty() {
        status
    } else {
        tr!(
            text,
            "cli-status-with-message",
            status = status,
            message = message
        )
    }
}

/// `Lunch: Away 🍕 Out for lunch (clears after 1 hour)`.
fn describe_preset(preset: &StatusPreset, text: &Localizer) -> String {
    let line = tr!(
        text,
        "cli-preset-line",
        name = preset.name.as_str(),
        status = status_name(preset.status, text),
        text = icon_and_message(preset.icon.as_deref(), preset.message.as_deref())
    );
    match preset.clear_after_secs {
        Some(secs) => {
            let clears = tr!(
                text,
                "cli-preset-clears-after",
                duration = duration(secs, text)
            );
            format!("{} {clears}", line.trim_end())
        }
        None => line.trim_end().to_owned(),
    }
}

/// A duration in its largest whole unit: `1 hour`, `90 minutes`, `2 days`.
fn duration(secs: i64, text: &Localizer) -> String {
    match secs {
        s if s != 0 && s % 86_400 == 0 => tr!(text, "cli-duration-days", count = s / 86_400),
        s if s != 0 && s % 3600 == 0 => tr!(text, "cli-duration-hours", count = s / 3600),
        s if s % 60 == 0 => tr!(text, "cli-duration-minutes", count = s / 60),
        s => tr!(text, "cli-duration-seconds", count = s),
    }
}

#[cfg(test)]
mod tests {
    use nctray_i18n::{Catalogue, Language};

    use super::*;

    fn localizer(language: &str) -> Localizer {
        Localizer::new(&Language::negotiate(&[language]), Catalogue::Cli)
    }

    #[test]
    fn durations_take_their_largest_whole_unit_and_the_language_s_plural() {
        let english = localizer("en");
        assert_eq!(duration(3600, &english), "1 hour");
        assert_eq!(duration(5400, &english), "90 minutes");
        assert_eq!(duration(172_800, &english), "2 days");
        assert_eq!(duration(45, &english), "45 seconds");
        assert_eq!(duration(60, &english), "1 minute");
        let german = localizer("de");
        assert_eq!(duration(1800, &german), "30 Minuten");
        assert_eq!(duration(86_400, &german), "1 Tag");
    }

    #[test]
    fn a_status_is_named_as_nextcloud_names_it_in_the_language() {
        let snapshot = |status, message: Option<&str>| StatusSnapshot {
            own: Some(nctray_engine::nextcloud::OwnStatus {
                user_id: "admin".to_owned(),
                message: message.map(str::to_owned),
                message_id: None,
                message_is_predefined: false,
                icon: Some("🌴".to_owned()),
                clear_at: None,
                status,
                status_is_user_defined: true,
            }),
            ..StatusSnapshot::default()
        };
        let german = localizer("de");
        assert_eq!(
            describe(&snapshot(StatusType::Dnd, Some("Urlaub")), &german),
            "Nicht stören — 🌴 Urlaub"
        );
        assert_eq!(
            describe(&StatusSnapshot::default(), &localizer("en")),
            "Offline"
        );
        let preset = StatusPreset {
            name: "Lunch".to_owned(),
            status: StatusType::Away,
            icon: None,
            message: Some("Out for lunch".to_owned()),
            clear_after_secs: Some(3600),
        };
        assert_eq!(
            describe_preset(&preset, &localizer("en")),
            "Lunch: Away Out for lunch (clears after 1 hour)"
        );
        assert_eq!(
            describe_preset(&preset, &german),
            "Lunch: Abwesend Out for lunch (wird nach 1 Stunde gelöscht)"
        );
    }

    #[test]
    fn clear_after_reads_the_units_people_type() {
        assert_eq!(parse_duration_secs("30m"), Ok(1800));
        assert_eq!(parse_duration_secs("4h"), Ok(14_400));
        assert_eq!(parse_duration_secs("1d"), Ok(86_400));
        assert_eq!(parse_duration_secs("90"), Ok(90));
        assert!(parse_duration_secs("soon").is_err());
        assert!(parse_duration_secs("3w").is_err());
    }

    #[test]
    fn only_the_five_menu_statuses_can_be_set() {
        assert_eq!(parse_status_type("dnd"), Ok(StatusType::Dnd));
        assert!(parse_status_type("busy").is_err());
        assert!(parse_status_type("lunch").is_err());
    }
}
