//! `nctray status …`: show and change the status, predefined messages, restore, presets.

use anyhow::bail;
use clap::{Args as ClapArgs, Subcommand};
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{Engine, StatusPreset, StatusSnapshot};
use serde::Serialize;

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
        .map_err(|_| format!("{text:?} is not a duration like 30m, 1h or 1d"))?;
    let scale = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?}: use s, m, h or d")),
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
        _ => Err(format!(
            "{text:?} is not a status; choose online, away, dnd, invisible or offline"
        )),
    }
}

pub async fn run(engine: &Engine, action: Option<StatusAction>, json: bool) -> anyhow::Result<()> {
    let snapshot = match action {
        Some(StatusAction::Preset { action }) => return run_preset(engine, action, json).await,
        None => engine.refresh_status().await?,
        Some(StatusAction::Set { status }) => engine.set_status(status).await?,
        Some(StatusAction::Message(MessageArgs {
            predefined: Some(id),
            ..
        })) => engine.set_predefined_message(&id).await?,
        Some(StatusAction::Message(MessageArgs { clear: true, .. })) => {
            engine.clear_message().await?
        }
        Some(StatusAction::Message(_)) => bail!("say --predefined <id> or --clear"),
        Some(StatusAction::Restore) => engine.restore_previous_status().await?,
    };
    print_status(&snapshot, json);
    Ok(())
}

async fn run_preset(engine: &Engine, action: PresetAction, json: bool) -> anyhow::Result<()> {
    match action {
        PresetAction::List => {
            let presets = engine.presets()?;
            if json {
                println!("{}", serde_json::to_string(&presets)?);
            }
            for preset in presets.iter().filter(|_| !json) {
                let text = [preset.icon.as_deref(), preset.message.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let clears = preset
                    .clear_after_secs
                    .map(|secs| format!(" (clears after {} min)", secs / 60))
                    .unwrap_or_default();
                say(format!(
                    "{}: {} {text}{clears}",
                    preset.name,
                    preset.status.as_str()
                ));
            }
        }
        PresetAction::Add {
            name,
            status,
            icon,
            message,
            clear_after,
        } => {
            engine.save_preset(&StatusPreset {
                name,
                status,
                icon,
                message,
                clear_after_secs: clear_after,
            })?;
        }
        PresetAction::Apply { name } => print_status(&engine.apply_preset(&name).await?, json),
        PresetAction::Remove { name } => engine.remove_preset(&name)?,
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
        say(snapshot.describe());
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

#[cfg(test)]
mod tests {
    use super::*;

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
