//! Engine events as JSON lines: the one format of `nctray watch` and the headless
//! `nctray-engine`, stable for scripts and status bars.

use serde_json::{json, Value};

use crate::{AccountState, EngineEvent, Popup, StatusSnapshot};

impl EngineEvent {
    /// One JSON object per line to print; a batch of popups gives one line each.
    pub fn to_json_lines(&self) -> Vec<Value> {
        match self {
            EngineEvent::Status(snapshot) => vec![status_line(snapshot)],
            EngineEvent::State(state) => vec![state_line(state)],
            EngineEvent::Popups(popups) => popups.iter().map(popup_line).collect(),
            // The popups and the status say what a status bar shows.
            EngineEvent::NotificationsChanged => Vec::new(),
            EngineEvent::Unread(unread) => vec![json!({
                "event": "unread",
                "total_unread": unread.total_unread,
                "total_mentions": unread.total_mentions,
                "rooms": unread.rooms,
            })],
        }
    }
}

/// The status as a line (also printed once at start from the cache).
pub fn status_line(snapshot: &StatusSnapshot) -> Value {
    let own = snapshot.own.as_ref();
    json!({
        "event": "status",
        "status": snapshot.status_type().as_str(),
        "icon": own.and_then(|o| o.icon.as_deref()),
        "message": own.and_then(|o| o.message.as_deref()),
        "message_id": own.and_then(|o| o.message_id.as_deref()),
        "can_restore": snapshot.restorable_message_id().is_some(),
        "text": snapshot.describe(),
    })
}

fn state_line(state: &AccountState) -> Value {
    let (name, reason) = match state {
        AccountState::Online => ("online", None),
        AccountState::Offline { reason } => ("offline", Some(reason.as_str())),
        AccountState::Maintenance => ("maintenance", None),
        AccountState::SignInNeeded => ("sign_in_needed", None),
        AccountState::CertificateChanged => ("certificate_changed", None),
    };
    json!({ "event": "state", "state": name, "reason": reason })
}

fn popup_line(popup: &Popup) -> Value {
    match popup {
        Popup::One(n) => json!({
            "event": "popup",
            "notification_id": n.notification_id,
            "app": n.app,
            "subject": n.subject,
            "message": n.message,
            "link": n.link,
        }),
        Popup::Summary { .. } => json!({
            "event": "summary",
            "count": popup.count(),
            "notification_ids": popup.notification_ids(),
        }),
    }
}
