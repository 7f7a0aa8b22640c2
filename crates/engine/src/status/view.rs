//! The user's status as the windows show it: one casing, the predefined messages' clear-after
//! already read, the backup without the server's `_<uid>` naming. Built from the
//! [`StatusSnapshot`] the tray and the command line use.

use nextcloud::{ClearAt, EndOf, OwnStatus, PredefinedStatus, PublicStatus, StatusType};
use serde::Serialize;

use crate::status::StatusSnapshot;

/// What the status editor and the popover's header show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusView {
    /// The own status; `None` when the server has no status row for the user yet.
    pub own: Option<OwnStatusView>,
    /// The messages the server offers ready-made.
    pub predefined: Vec<PredefinedMessage>,
    /// The status a call or automation overwrote, while it can be restored.
    pub backup: Option<BackupStatus>,
}

/// The user's own status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OwnStatusView {
    // The client's type has no TS derive; the daemon's generator writes its union.
    #[cfg_attr(feature = "ts", ts(type = "StatusType"))]
    pub status: StatusType,
    pub icon: Option<String>,
    pub message: Option<String>,
    /// The predefined message's id when the message is one.
    pub predefined_id: Option<String>,
    /// Unix seconds when the server clears the message.
    pub clear_at: Option<i64>,
}

/// A message the server offers ready-made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PredefinedMessage {
    pub id: String,
    pub icon: Option<String>,
    pub message: String,
    pub clears: PredefinedClear,
}

/// When a predefined message clears, counted from when it is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PredefinedClear {
    Never,
    After { seconds: i64 },
    EndOfDay,
    EndOfWeek,
}

/// The overwritten status a restore brings back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupStatus {
    // The client's type has no TS derive; the daemon's generator writes its union.
    #[cfg_attr(feature = "ts", ts(type = "StatusType"))]
    pub status: StatusType,
    pub icon: Option<String>,
    pub message: Option<String>,
}

impl From<&StatusSnapshot> for StatusView {
    fn from(snapshot: &StatusSnapshot) -> Self {
        StatusView {
            own: snapshot.own.as_ref().map(OwnStatusView::from),
            predefined: snapshot
                .predefined
                .iter()
                .map(PredefinedMessage::from)
                .collect(),
            backup: snapshot.backup.as_ref().map(BackupStatus::from),
        }
    }
}

impl From<&OwnStatus> for OwnStatusView {
    fn from(own: &OwnStatus) -> Self {
        OwnStatusView {
            status: own.status,
            icon: own.icon.clone(),
            message: own.message.clone(),
            predefined_id: own.message_id.clone().filter(|_| own.message_is_predefined),
            clear_at: own.clear_at,
        }
    }
}

impl From<&PredefinedStatus> for PredefinedMessage {
    fn from(predefined: &PredefinedStatus) -> Self {
        PredefinedMessage {
            id: predefined.id.clone(),
            icon: predefined.icon.clone(),
            message: predefined.message.clone(),
            clears: match predefined.clear_at {
                None => PredefinedClear::Never,
                Some(ClearAt::Period(seconds)) => PredefinedClear::After { seconds },
                Some(ClearAt::EndOf(EndOf::Day)) => PredefinedClear::EndOfDay,
                Some(ClearAt::EndOf(EndOf::Week)) => PredefinedClear::EndOfWeek,
            },
        }
    }
}

impl From<&PublicStatus> for BackupStatus {
    fn from(backup: &PublicStatus) -> Self {
        BackupStatus {
            status: backup.status,
            icon: backup.icon.clone(),
            message: backup.message.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_snapshot_becomes_one_casing_with_the_clear_after_read() {
        let snapshot = StatusSnapshot {
            own: Some(
                serde_json::from_value(json!({
                    "userId": "admin", "message": "In a meeting", "messageId": "meeting",
                    "messageIsPredefined": true, "icon": "📅", "clearAt": 1_800_000_000,
                    "status": "dnd", "statusIsUserDefined": true
                }))
                .unwrap(),
            ),
            predefined: serde_json::from_value(json!([
                {"id": "meeting", "icon": "📅", "message": "In a meeting",
                 "clearAt": {"type": "period", "time": 3600}},
                {"id": "sick", "icon": "🤒", "message": "Out sick",
                 "clearAt": {"type": "end-of", "time": "day"}},
                {"id": "vacationing", "icon": "🌴", "message": "Vacationing", "clearAt": null},
                {"id": "remote", "icon": "🏡", "message": "Working remotely",
                 "clearAt": {"type": "end-of", "time": "week"}}
            ]))
            .unwrap(),
            backup: Some(
                serde_json::from_value(json!({
                    "userId": "_admin", "message": "Focus", "icon": null,
                    "clearAt": null, "status": "away"
                }))
                .unwrap(),
            ),
        };
        let view = serde_json::to_value(StatusView::from(&snapshot)).unwrap();
        assert_eq!(
            view["own"],
            json!({"status": "dnd", "icon": "📅", "message": "In a meeting",
                   "predefined_id": "meeting", "clear_at": 1_800_000_000})
        );
        let clears: Vec<_> = view["predefined"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["clears"].clone())
            .collect();
        assert_eq!(
            clears,
            [
                json!({"kind": "after", "seconds": 3600}),
                json!({"kind": "end_of_day"}),
                json!({"kind": "never"}),
                json!({"kind": "end_of_week"})
            ]
        );
        assert_eq!(
            view["backup"],
            json!({"status": "away", "icon": null, "message": "Focus"})
        );
    }

    #[test]
    fn a_custom_message_has_no_predefined_id() {
        let own: OwnStatus = serde_json::from_value(json!({
            "userId": "admin", "message": "hi", "messageId": "meeting",
            "messageIsPredefined": false, "status": "online"
        }))
        .unwrap();
        assert_eq!(OwnStatusView::from(&own).predefined_id, None);
    }
}
