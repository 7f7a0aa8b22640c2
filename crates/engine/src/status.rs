//! The user's status as the tray shows it, and the rules for offering a restore.

use nextcloud::{OwnStatus, PredefinedStatus, PublicStatus, StatusType};
use serde::{Deserialize, Serialize};

/// Everything the status part of the menu needs, in one value the tray can render.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
        let Some(own) = &self.own else {
            return status.to_owned();
        };
        let message = [own.icon.as_deref(), own.message.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if message.is_empty() {
            status.to_owned()
        } else {
            format!("{status} — {message}")
        }
    }
}
