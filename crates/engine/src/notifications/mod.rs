//! An account's notifications (`engine.notifications()`): the poll with its ETag, the cache,
//! dismissing, actions, the list as the command line looks at it, and each popup's way from
//! due to shown (`popups.rs`). Views for the windows in `view.rs`.

mod popups;
mod view;

use nextcloud::Notification;

use crate::engine::unix_now;
use crate::store::popups::FirstSeen;
use crate::store::{self, notifications, sync_state};
use crate::{Error, PopupDecision, Result};

pub use view::{NotificationButton, NotificationView};

/// The resource name the notification poll keeps its ETag under.
const NOTIFICATIONS: &str = "notifications";

handler!(
    /// The notifications of one account's engine.
    Notifications,
    notifications
);

/// What one notifications poll found.
#[derive(Debug, Default)]
pub struct NotificationPoll {
    /// Notifications seen for the first time whose popup is due: `shouldNotify` not false
    /// and the user not in do-not-disturb. Oldest first. They stay due (see
    /// [`Notifications::due_popups`]) until [`Notifications::popups_shown`] is told they were shown.
    pub new: Vec<Notification>,
    /// False when the server answered 304 (or the same ETag): nothing was downloaded.
    pub changed: bool,
    /// The account had never been synced: what is new was waiting before nctray came.
    pub first_sync: bool,
    /// The status type from `X-Nextcloud-User-Status`, sent with every list answer.
    pub server_status: Option<String>,
}

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

impl Notifications<'_> {
    /// Fetches the notification list with the stored ETag, caches it, and records the
    /// notifications seen for the first time: due for a popup, or silenced. Each is returned
    /// in `new` once; one that was not shown stays in [`Notifications::due_popups`].
    pub async fn poll(self) -> Result<NotificationPoll> {
        let key = self.account().key();
        let last = self.locked(|s| store::sync_state::last_sync(s.conn(), &key, NOTIFICATIONS))?;
        let etag = last.as_ref().and_then(|l| l.etag.as_deref());
        let answer = self.client().notifications().list(etag).await?;
        let mut poll = NotificationPoll {
            server_status: answer.user_status.clone(),
            first_sync: last.is_none(),
            ..NotificationPoll::default()
        };
        let status = answer.user_status_type();
        let Some(mut current) = answer.notifications else {
            return Ok(poll);
        };
        poll.changed = true;
        current.sort_by_key(|n| n.notification_id);
        let now = unix_now();
        poll.new = self.locked(|s| {
            let tx = s.conn().transaction()?;
            store::notifications::replace_all(&tx, &key, &current)?;
            // Every notification is recorded the first time it is seen, due or silenced.
            let mut new = Vec::new();
            for n in &current {
                let first_seen = PopupDecision::first_seen(n, status);
                let recorded =
                    store::popups::record(&tx, &key, n.notification_id, first_seen, now)?;
                if recorded && first_seen == FirstSeen::Due {
                    new.push(n.clone());
                }
            }
            store::sync_state::set_etag(&tx, &key, NOTIFICATIONS, answer.etag.as_deref(), now)?;
            tx.commit()?;
            Ok(new)
        })?;
        Ok(poll)
    }

    /// The cached notifications, newest first, without asking the server.
    pub fn cached(self) -> Result<Vec<Notification>> {
        let key = self.account().key();
        self.locked(|s| store::notifications::list(s.conn(), &key))
    }

    pub async fn dismiss(self, id: i64) -> Result<()> {
        self.client().notifications().delete(id).await?;
        let key = self.account().key();
        self.locked(|s| store::notifications::remove(s.conn(), &key, id))
    }

    /// Dismisses every notification on the server (`DELETE …/notifications`) and empties the
    /// cache, so none of them is listed or found by search any more.
    pub async fn dismiss_all(self) -> Result<()> {
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
    pub async fn run_action(self, notification_id: i64, index: usize) -> Result<()> {
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
    pub async fn check(self) -> Result<NotificationCheck> {
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
                if !store::popups::is_claimed(conn, &key, n.notification_id)? {
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
