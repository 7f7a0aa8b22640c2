//! The user's status as the tray shows it, and the rules for offering a restore.

use nextcloud::{OwnStatus, PredefinedStatus, PublicStatus, StatusType};
use serde::{Deserialize, Serialize};

/// Everything the status part of the menu needs, in one value the tray can render.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusSnapshot {
    /// The own status; `None` when the server has no status row for the user yet.
    pub own: Option<OwnStatus>,
    /// Predefined messages the server offers (hidden ones already left out).
    pub predefined: Vec<PredefinedStatus>,
    /// The status a call or automation overwrote, while the server keeps it.
    pub backup: Option<PublicStatus>,
}

impl StatusSnapshot {
    /// The status type to show; a user without a status row counts as offline, as the
    /// server's own UI does.
    pub fn status_type(&self) -> StatusType {
        self.own
            .as_ref()
            .map(|own| own.status)
            .unwrap_or(StatusType::Offline)
    }

    /// The emoji and message of the own status: `🌴 On vacation` ("" for neither).
    pub fn message_line(&self) -> String {
        self.own
            .as_ref()
            .map(|own| icon_and_message(own.icon.as_deref(), own.message.as_deref()))
            .unwrap_or_default()
    }

    /// A status the user chose that no heartbeat changes (away, dnd, busy, invisible,
    /// offline): the server answers a heartbeat 204 and keeps it, so none needs to be sent.
    pub fn is_persistent(&self) -> bool {
        self.own
            .as_ref()
            .is_some_and(|own| own.status_is_user_defined && own.status != StatusType::Online)
    }

    /// Whether `answer` (a heartbeat's) shows the same status as this snapshot: type and
    /// message. A predefined message is compared by its id, since a heartbeat's answer may
    /// carry it unresolved.
    pub fn matches(&self, answer: &OwnStatus) -> bool {
        let Some(own) = &self.own else {
            return false;
        };
        own.status == answer.status
            && own.message_id == answer.message_id
            && own.icon == answer.icon
            && own.clear_at == answer.clear_at
            && (own.message_id.is_some() || own.message == answer.message)
    }

    /// The message id a revert must name: the server reverts only while the current status
    /// still carries the messageId that overwrote the backup.
    pub fn restorable_message_id(&self) -> Option<&str> {
        self.backup.as_ref()?;
        self.own.as_ref()?.message_id.as_deref()
    }

    /// One line for the CLI and tooltips: `online — 📅 In a meeting`.
    pub fn describe(&self) -> String {
        let status = self.status_type().as_str();
        let message = self.message_line();
        if message.is_empty() {
            status.to_owned()
        } else {
            format!("{status} — {message}")
        }
    }
}

/// The emoji and message of a status, or of a preset: `🌴 On vacation` ("" for neither).
pub fn icon_and_message(icon: Option<&str>, message: Option<&str>) -> String {
    [icon, message]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(status: StatusType, user_defined: bool) -> OwnStatus {
        OwnStatus {
            user_id: "alice".into(),
            message: Some("In a meeting".into()),
            message_id: Some("meeting".into()),
            message_is_predefined: true,
            icon: Some("📅".into()),
            clear_at: Some(1_700_000_000),
            status,
            status_is_user_defined: user_defined,
        }
    }

    fn snapshot(own: OwnStatus) -> StatusSnapshot {
        StatusSnapshot {
            own: Some(own),
            ..StatusSnapshot::default()
        }
    }

    #[test]
    fn only_a_chosen_status_other_than_online_keeps_itself_without_heartbeats() {
        for status in [
            StatusType::Away,
            StatusType::Dnd,
            StatusType::Busy,
            StatusType::Invisible,
            StatusType::Offline,
        ] {
            assert!(snapshot(own(status, true)).is_persistent(), "{status:?}");
            assert!(!snapshot(own(status, false)).is_persistent(), "{status:?}");
        }
        assert!(!snapshot(own(StatusType::Online, true)).is_persistent());
        assert!(!StatusSnapshot::default().is_persistent());
    }

    #[test]
    fn a_heartbeat_answer_matches_when_type_and_message_are_the_same() {
        let cached = snapshot(own(StatusType::Online, false));
        // A predefined message may come unresolved: its id decides.
        let unresolved = OwnStatus {
            message: None,
            ..own(StatusType::Online, false)
        };
        assert!(cached.matches(&unresolved));
        assert!(!cached.matches(&own(StatusType::Away, false)));
        let other_message = OwnStatus {
            message_id: Some("commuting".into()),
            ..own(StatusType::Online, false)
        };
        assert!(!cached.matches(&other_message));
        let later = OwnStatus {
            clear_at: Some(1_800_000_000),
            ..own(StatusType::Online, false)
        };
        assert!(!cached.matches(&later));
        // A custom message has no id: its text decides.
        let custom = |text: &str| OwnStatus {
            message: Some(text.into()),
            message_id: None,
            message_is_predefined: false,
            ..own(StatusType::Online, false)
        };
        assert!(snapshot(custom("Lunch")).matches(&custom("Lunch")));
        assert!(!snapshot(custom("Lunch")).matches(&custom("Back at 2")));
        assert!(!StatusSnapshot::default().matches(&custom("Lunch")));
    }
}
