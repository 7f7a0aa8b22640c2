//! An account's own status (`engine.status()`): the cache, the server's status with its
//! predefined messages and backup, changes, restore, the heartbeat; local presets
//! (`presets.rs`), the snapshot the tray draws (`snapshot.rs`), the windows' view (`view.rs`)
//! and the statuses of other users (`others.rs`).

mod others;
mod presets;
mod snapshot;
mod view;

use nextcloud::{CustomMessage, StatusType};

use crate::engine::unix_now;
use crate::store;
use crate::{Error, Result};

pub use snapshot::{icon_and_message, StatusSnapshot};
pub use view::{BackupStatus, OwnStatusView, PredefinedClear, PredefinedMessage, StatusView};

handler!(
    /// The own status of one account's engine.
    Status,
    status
);

impl Status<'_> {
    /// The status as last cached, for drawing the menu before the network answers.
    pub fn cached(self) -> Result<Option<StatusSnapshot>> {
        let key = self.account().key();
        self.locked(|s| store::statuses::load(s.conn(), &key))
    }

    /// Asks the server for the own status, the predefined messages and the backup.
    pub async fn refresh(self) -> Result<StatusSnapshot> {
        let api = self.client().user_status();
        let (own, predefined) = tokio::try_join!(api.own(), api.predefined())?;
        // A restorable backup needs a current status with a messageId (a call, an
        // automation); without one there is nothing to offer and no request to make.
        let backup = match &own {
            Some(own) if own.message_id.is_some() => api.backup_of(&own.user_id).await?,
            _ => None,
        };
        let snapshot = StatusSnapshot {
            own,
            predefined,
            backup,
        };
        self.remember_status(&snapshot)?;
        Ok(snapshot)
    }

    fn remember_status(self, snapshot: &StatusSnapshot) -> Result<()> {
        let key = self.account().key();
        self.locked(|s| store::statuses::save(s.conn(), &key, snapshot, unix_now()))
    }

    pub async fn set(self, status: StatusType) -> Result<StatusSnapshot> {
        self.client().user_status().set_status(status).await?;
        self.refresh().await
    }

    /// Sets a predefined message; its clear-at (a period or end of day/week) becomes a time.
    pub async fn set_predefined(self, message_id: &str) -> Result<StatusSnapshot> {
        let predefined = self.client().user_status().predefined().await?;
        let chosen = predefined
            .iter()
            .find(|p| p.id == message_id)
            .ok_or_else(|| {
                let known: Vec<&str> = predefined.iter().map(|p| p.id.as_str()).collect();
                Error::Invalid(format!(
                    "no predefined status {message_id:?}; the server offers: {}",
                    known.join(", ")
                ))
            })?;
        let now = chrono::Local::now();
        let clear_at = chosen
            .clear_at
            .map(|c| c.resolve(now.timestamp(), now.offset().local_minus_utc()));
        self.client()
            .user_status()
            .set_predefined_message(&chosen.id, clear_at)
            .await?;
        self.refresh().await
    }

    pub async fn set_custom(self, message: &CustomMessage) -> Result<StatusSnapshot> {
        self.client()
            .user_status()
            .set_custom_message(message)
            .await?;
        self.refresh().await
    }

    pub async fn clear_message(self) -> Result<StatusSnapshot> {
        self.client().user_status().clear_message().await?;
        self.refresh().await
    }

    /// Restores the status a call or automation overwrote.
    pub async fn restore(self) -> Result<StatusSnapshot> {
        let current = self.refresh().await?;
        let message_id = current
            .restorable_message_id()
            .ok_or_else(|| Error::Invalid("there is no previous status to restore".into()))?;
        self.client().user_status().revert(message_id).await?;
        self.refresh().await
    }

    /// Tells the server the user is here (`online`) or idle (`away`). The server never lets a
    /// heartbeat override a status the user chose. The answer carries the own status, so it
    /// is compared with the cached one and the full status fetched only when they differ.
    pub async fn heartbeat(self, idle: bool) -> Result<Heartbeat> {
        let status = if idle {
            StatusType::Away
        } else {
            StatusType::Online
        };
        let answer = self.client().user_status().heartbeat(status).await?;
        let cached = self.cached()?.unwrap_or_default();
        match answer {
            Some(own) if cached.matches(&own) => Ok(Heartbeat::Unchanged),
            // 204: the server keeps a status the user chose; expected when the cache says so.
            None if cached.is_persistent() => Ok(Heartbeat::Kept),
            _ => Ok(Heartbeat::Changed(Box::new(self.refresh().await?))),
        }
    }
}

/// What a heartbeat told about the own status.
#[derive(Debug, Clone, PartialEq)]
pub enum Heartbeat {
    /// The answer shows the cached status (type and message): it stands confirmed.
    Unchanged,
    /// The server keeps a status the user chose (204), as the cache says.
    Kept,
    /// The answer differed from the cache: the full status, fetched again.
    Changed(Box<StatusSnapshot>),
}
