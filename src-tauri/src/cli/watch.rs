//! `nctray watch --json`: one JSON line per change (status, account state, new notification)
//! for status bars such as waybar or polybar.
//!
//! The watcher keeps its own cache file: what it has reported must not count as popped up
//! for the tray running beside it.

use std::sync::Arc;

use nctray_engine::{
    supervise, AccountState, Engine, EngineEvent, Paths, Popup, StatusSnapshot, SyncConfig,
};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::account_setup::{open_all_engines_in, open_engine_in, select_account};
use crate::config::AppConfig;
use crate::idle::platform_idle_source;

pub async fn run(paths: &Paths, wanted: Option<&str>) -> anyhow::Result<()> {
    let config = AppConfig::load(paths)?;
    let database = paths.data_dir.join("watch.sqlite3");
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
    let (lines, mut printed) = mpsc::unbounded_channel::<Value>();
    let idle = platform_idle_source();
    let mut tasks = Vec::new();
    for engine in engines {
        let key = engine.account().key();
        // The last known status first, so a status bar has something to show at once.
        if let Ok(Some(snapshot)) = engine.cached_status() {
            let _ = lines.send(status_line(&key, &snapshot));
        }
        let (events, mut received) = mpsc::unbounded_channel();
        tasks.push(tokio::spawn(supervise(
            engine,
            sync.clone(),
            idle.clone(),
            events,
        )));
        let lines = lines.clone();
        tasks.push(tokio::spawn(async move {
            while let Some(event) = received.recv().await {
                for line in event_lines(&key, &event) {
                    if lines.send(line).is_err() {
                        return;
                    }
                }
            }
        }));
    }
    drop(lines);
    while let Some(line) = printed.recv().await {
        println!("{line}");
    }
    Ok(())
}

fn status_line(account: &str, snapshot: &StatusSnapshot) -> Value {
    let own = snapshot.own.as_ref();
    json!({
        "account": account,
        "event": "status",
        "status": snapshot.status_type().as_str(),
        "icon": own.and_then(|o| o.icon.as_deref()),
        "message": own.and_then(|o| o.message.as_deref()),
        "can_restore": snapshot.restorable_message_id().is_some(),
        "text": snapshot.describe(),
    })
}

fn event_lines(account: &str, event: &EngineEvent) -> Vec<Value> {
    match event {
        EngineEvent::Status(snapshot) => vec![status_line(account, snapshot)],
        EngineEvent::Unread(unread) => vec![json!({
            "account": account,
            "event": "unread",
            "total_unread": unread.total_unread,
            "total_mentions": unread.total_mentions,
            "rooms": unread.rooms,
        })],
        EngineEvent::State(state) => {
            let (name, reason) = match state {
                AccountState::Online => ("online", None),
                AccountState::Offline { reason } => ("offline", Some(reason.as_str())),
                AccountState::Maintenance => ("maintenance", None),
                AccountState::SignInNeeded => ("sign_in_needed", None),
            };
            vec![json!({ "account": account, "event": "state", "state": name, "reason": reason })]
        }
        EngineEvent::Popups(popups) => popups
            .iter()
            .map(|popup| match popup {
                Popup::One(n) => json!({
                    "account": account,
                    "event": "notification",
                    "id": n.notification_id,
                    "app": n.app,
                    "subject": n.subject,
                    "message": n.message,
                    "link": n.link,
                }),
                Popup::Summary { count } => {
                    json!({ "account": account, "event": "notifications", "count": count })
                }
            })
            .collect(),
    }
}
