//! `nctray watch`: one line per change (status, account state, new notification) for status
//! bars such as waybar or polybar. `--format json` prints the engine's JSON line per event;
//! `waybar` and `plain` print the whole state once per change (see [`super::watch_format`]).
//!
//! With the daemon running, the watcher attaches to its API and prints what the daemon's own
//! syncs report: no second poller, the user's settings apply. Without one (or once it ends)
//! it syncs by itself, in a cache file of its own: what it has reported must not count as
//! popped up for a tray started later.

use std::sync::Arc;

use futures_util::StreamExt;
use nctray_api::{InvokeReply, Nctray1Proxy};
use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::setup::{open_all_engines_in, open_engine_in, select_account};
use nctray_engine::{supervise, Engine, EngineEvent, Paths, Popup, SyncConfig};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::language::Speech;
use super::watch_format::{WatchFormat, WatchState};
use crate::idle::platform_idle_source;
use crate::ui_events::{FromEngine, ENGINE_EVENT};

pub async fn run(
    paths: &Paths,
    wanted: Option<&str>,
    format: WatchFormat,
    speech: &Speech,
) -> anyhow::Result<()> {
    if let Some(daemon) = super::daemon::running().await {
        attached(&daemon, paths, wanted, format).await?;
        eprintln!("nctray: the tray app ended; watching on my own");
    }
    on_my_own(paths, wanted, format, speech).await
}

/// Prints what the running daemon reports until it ends.
async fn attached(
    daemon: &Nctray1Proxy<'static>,
    paths: &Paths,
    wanted: Option<&str>,
    format: WatchFormat,
) -> anyhow::Result<()> {
    let only = match wanted {
        Some(_) => Some(select_account(&AppConfig::load(paths)?, wanted)?.key()),
        None => None,
    };
    // The daemon's accounts (the demo's too), the primary first.
    let keys: Vec<String> = ask(daemon, "accounts_list")
        .await?
        .get("accounts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|account| account.get("key")?.as_str().map(str::to_owned))
        .filter(|key| only.as_ref().is_none_or(|only| only == key))
        .collect();
    let mut state = WatchState::new(keys, super::language::cli_text());
    let mut print = |from: FromEngine| {
        if only.as_ref().is_none_or(|only| *only == from.account) {
            print_event(&mut state, &from.account, &from.event, format);
        }
    };
    // Listening first, so nothing that happens while the start is read is missed.
    let mut events = daemon.receive_event().await?;
    let mut ended = daemon.inner().receive_owner_changed().await?;
    for from in serde_json::from_value::<Vec<FromEngine>>(ask(daemon, "watch_start").await?)? {
        print(from);
    }
    loop {
        tokio::select! {
            event = events.next() => {
                let Some(event) = event else { return Ok(()) };
                let Ok(args) = event.args() else { continue };
                if *args.name() != ENGINE_EVENT {
                    continue;
                }
                match serde_json::from_str::<FromEngine>(args.payload()) {
                    Ok(from) => print(from),
                    Err(error) => tracing::warn!("an event of the tray app does not read: {error}"),
                }
            }
            owner = ended.next() => {
                if owner.flatten().is_none() {
                    return Ok(());
                }
            }
        }
    }
}

/// The daemon's answer to `command` (without arguments).
async fn ask(daemon: &Nctray1Proxy<'static>, command: &str) -> anyhow::Result<Value> {
    match serde_json::from_str(&daemon.invoke(command, "{}").await?)? {
        InvokeReply::Ok(value) => Ok(value),
        InvokeReply::Err(error) => anyhow::bail!("the tray app refused {command}: {error}"),
    }
}

fn print_event(state: &mut WatchState, key: &str, event: &EngineEvent, format: WatchFormat) {
    match format {
        WatchFormat::Json => {
            for line in event_lines(key, event) {
                println!("{line}");
            }
        }
        WatchFormat::Waybar | WatchFormat::Plain => {
            if let Some(line) = state.update(key, event, format) {
                println!("{line}");
            }
        }
    }
}

/// Syncs by itself, as the daemon would.
async fn on_my_own(
    paths: &Paths,
    wanted: Option<&str>,
    format: WatchFormat,
    speech: &Speech,
) -> anyhow::Result<()> {
    let config = AppConfig::load(paths)?;
    let database = paths.data_dir.join("watch.sqlite3");
    if let Some(notice) = nctray_engine::accounts::setup::check_cache(&database)? {
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
        if let Ok(Some(snapshot)) = engine.status().cached() {
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
        print_event(&mut state, &key, &event, format);
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
            match engine.notifications().still_due(&ids) {
                Ok(due) if due.len() == ids.len() => {
                    engine.notifications().popups_shown(&ids).is_ok()
                }
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
