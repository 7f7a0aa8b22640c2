//! `nctray watch`: one line per change (status, account state, new notification) for status
//! bars such as waybar or polybar. `--format json` prints the engine's JSON line per event;
//! `waybar` and `plain` print the whole state once per change (see [`super::watch_format`]).
//!
//! The watcher keeps its own cache file: what it has reported must not count as popped up
//! for the tray running beside it.

use std::sync::Arc;

use nctray_engine::{supervise, Engine, EngineEvent, Paths, Popup, SyncConfig};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::language::Speech;
use super::watch_format::{WatchFormat, WatchState};
use crate::account_setup::{open_all_engines_in, open_engine_in, select_account};
use crate::config::AppConfig;
use crate::idle::platform_idle_source;

pub async fn run(
    paths: &Paths,
    wanted: Option<&str>,
    format: WatchFormat,
    speech: &Speech,
) -> anyhow::Result<()> {
    let config = AppConfig::load(paths)?;
    let database = paths.data_dir.join("watch.sqlite3");
    if let Some(notice) = crate::account_setup::check_cache(&database)? {
        eprintln!("nctray: {notice}");
    }
    let engines: Vec<Arc<Engine>> = match wanted {
        Some(_) => vec![Arc::new(open_engine_in(
            select_account(&config, wanted)?,
            &database,
        )?)],
        None => open_all_engines_in(&config, &database)?
            .into_iter()
            .map(Arc::new)
            .collect(),
    };
    let sync = SyncConfig {
        notifications_every: config.poll_interval(),
        ..SyncConfig::default()
    };
    let (events_of_all, mut received_from_all) = mpsc::unbounded_channel::<(String, EngineEvent)>();
    // The first account is the primary one, as in the tray: its user's language is spoken.
    if let Some(primary) = engines.first() {
        speech.follow(primary);
    }
    let mut state = WatchState::new(
        engines.iter().map(|engine| engine.account().key()),
        super::language::cli_text(),
    );
    let idle = platform_idle_source();
    let mut tasks = Vec::new();
    for engine in engines {
        let key = engine.account().key();
        // The last known status first, so a status bar has something to show at once.
        if let Ok(Some(snapshot)) = engine.cached_status() {
            let _ = events_of_all.send((key.clone(), EngineEvent::Status(Box::new(snapshot))));
        }
        let (events, mut received) = mpsc::unbounded_channel();
        tasks.push(tokio::spawn(supervise(
            engine.clone(),
            sync.clone(),
            idle.clone(),
            events,
        )));
        let events_of_all = events_of_all.clone();
        tasks.push(tokio::spawn(async move {
            while let Some(event) = received.recv().await {
                let event = match event {
                    EngineEvent::Popups(popups) => {
                        let printed = settle_as_printed(&engine, popups);
                        if printed.is_empty() {
                            continue;
                        }
                        EngineEvent::Popups(printed)
                    }
                    other => other,
                };
                if events_of_all.send((key.clone(), event)).is_err() {
                    return;
                }
            }
        }));
    }
    drop(events_of_all);
    while let Some((key, event)) = received_from_all.recv().await {
        match format {
            WatchFormat::Json => {
                for line in event_lines(&key, &event) {
                    println!("{line}");
                }
            }
            WatchFormat::Waybar | WatchFormat::Plain => {
                if let Some(line) = state.update(&key, &event, format) {
                    println!("{line}");
                }
            }
        }
    }
    Ok(())
}

/// The popups still due, settled as shown: the line printed next is the watcher's popup.
/// One offered again (an offer repeated before it was settled) is left out.
fn settle_as_printed(engine: &Engine, popups: Vec<Popup>) -> Vec<Popup> {
    popups
        .into_iter()
        .filter(|popup| {
            let ids = popup.notification_ids();
            match engine.still_due(&ids) {
                Ok(due) if due.len() == ids.len() => engine.popups_shown(&ids).is_ok(),
                Ok(_) => false,
                Err(error) => {
                    tracing::warn!("cannot read which popups are due: {error}");
                    false
                }
            }
        })
        .collect()
}

/// The engine's line for the event, with the account it belongs to.
fn event_lines(account: &str, event: &EngineEvent) -> Vec<Value> {
    event
        .to_json_lines()
        .into_iter()
        .map(|line| with_account(account, line))
        .collect()
}

fn with_account(account: &str, mut line: Value) -> Value {
    line["account"] = json!(account);
    line
}
