//! Notification operations beyond the poll (`engine.rs` polls, caches and dismisses one):
//! dismissing all, and looking at the list the way the command line does.

use nextcloud::Notification;

use crate::store::{notifications, popups, sync_state};
use crate::{Engine, Error, Result};

/// The resource name the notification poll keeps its ETag under (see `engine.rs`).
const NOTIFICATIONS: &str = "notifications";

/// The notification list as `nctray notifications` shows it.
#[derive(Debug)]
pub struct NotificationCheck {
    /// Newest first: the server's list, or the cached one when the server could not be
    /// reached (then `offline` says why).
    pub notifications: Vec<Notification>,
    /// The ids among them the tray has not handled yet: not popped up and not silenced.
    pub unhandled: Vec<i64>,
    /// The server could not be reached (network, maintenance, server error).
    pub offline: Option<Error>,
}

impl NotificationCheck {
    pub fn is_unhandled(&self, notification: &Notification) -> bool {
        self.unhandled.contains(&notification.notification_id)
    }
}

impl Engine {
    /// Dismisses every notification on the server (`DELETE …/notifications`) and empties the
    /// cache, so none of them is listed or found by search any more.
    pub async fn dismiss_all_notifications(&self) -> Result<()> {
        self.client().notifications().delete_all().await?;
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            notifications::replace_all(&tx, &key, &[])?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Runs the notification's action number `index` (POST, DELETE… to the server; a WEB
    /// action is the caller's to open). The server removes a notification whose action ran,
    /// so the cache drops it too; a failed action keeps it.
    pub async fn run_notification_action(&self, notification_id: i64, index: usize) -> Result<()> {
        let key = self.account().key();
        let notification = self
            .locked(|s| notifications::get(s.conn(), &key, notification_id))?
            .ok_or_else(|| Error::Invalid(format!("no notification {notification_id}")))?;
        let action = notification.actions.get(index).ok_or_else(|| {
            Error::Invalid(format!(
                "notification {notification_id} has no action {index}"
            ))
        })?;
        self.client().notifications().run_action(action).await?;
        self.locked(|s| notifications::remove(s.conn(), &key, notification_id))
    }

    /// Looks at the notification list once without taking anything from the tray: nothing is
    /// marked as popped up, and when the list changed the stored ETag is dropped, so the tray's
    /// next poll downloads the list itself and still pops up what is new. Without network the
    /// cached list is returned with the reason in `offline`; other errors (such as a revoked
    /// app password) are returned as errors.
    pub async fn check_notifications(&self) -> Result<NotificationCheck> {
        let key = self.account().key();
        let last = self.locked(|s| sync_state::last_sync(s.conn(), &key, NOTIFICATIONS))?;
        let etag = last.as_ref().and_then(|l| l.etag.as_deref());
        let offline = match self.client().notifications().list(etag).await {
            Ok(answer) => {
                if let Some(mut current) = answer.notifications {
                    current.sort_by_key(|n| n.notification_id);
                    self.locked(|s| {
                        let tx = s.conn().transaction()?;
                        notifications::replace_all(&tx, &key, &current)?;
                        // Only an account the tray has synced has an ETag to drop; one it has
                        // not synced yet must stay "never synced" for its first-sync summary.
                        if let Some(last) = &last {
                            sync_state::set_etag(&tx, &key, NOTIFICATIONS, None, last.at)?;
                        }
                        tx.commit()?;
                        Ok(())
                    })?;
                }
                None
            }
            Err(error) if error.is_transient() => Some(Error::from(error)),
            Err(error) => return Err(error.into()),
        };
        self.locked(|s| {
            let conn = s.conn();
            let list = notifications::list(conn, &key)?;
            let mut unhandled = Vec::new();
            for n in &list {
                if !popups::is_claimed(conn, &key, n.notification_id)? {
                    unhandled.push(n.notification_id);
                }
            }
            Ok(NotificationCheck {
                notifications: list,
                unhandled,
                offline,
            })
        })
    }
}
