//! The popup of each notification, from due to shown: the supervisor offers what is due, the
//! shell reports what the desktop accepted, and only that is settled. Whatever was not shown
//! (no notification server yet, a crash, the burst gate) is offered again (see `store::popups`).

use nextcloud::Notification;

use super::Notifications;
use crate::store::{notifications, popups};
use crate::Result;

impl Notifications<'_> {
    /// The cached notifications whose popup is still due, oldest first.
    pub fn due_popups(self) -> Result<Vec<Notification>> {
        let key = self.account().key();
        self.locked(|s| {
            let conn = s.conn();
            let due = popups::due(conn, &key)?;
            if due.is_empty() {
                return Ok(Vec::new());
            }
            let mut list: Vec<Notification> = notifications::list(conn, &key)?
                .into_iter()
                .filter(|n| due.binary_search(&n.notification_id).is_ok())
                .collect();
            list.sort_by_key(|n| n.notification_id);
            Ok(list)
        })
    }

    /// Of `notification_ids`, those whose popup is still due: a popup offered twice (a retry
    /// while the first offer was still on its way) is sent once.
    pub fn still_due(self, notification_ids: &[i64]) -> Result<Vec<i64>> {
        let key = self.account().key();
        self.locked(|s| {
            let conn = s.conn();
            let mut due = Vec::new();
            for id in notification_ids {
                if popups::is_due(conn, &key, *id)? {
                    due.push(*id);
                }
            }
            Ok(due)
        })
    }

    /// Claims these popups for the notification server, right before `Notify` is sent: true
    /// when every one was due and none was on its way already (a retry offered while the first
    /// offer was being sent finds them claimed). Then exactly one of [`Notifications::popups_shown`]
    /// and [`Notifications::popups_not_shown`] follows; a crash before either counts them as shown
    /// at the next start (see `store::popups`).
    pub fn claim_popups(self, notification_ids: &[i64]) -> Result<bool> {
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            let claimed = popups::mark_sending(&tx, &key, notification_ids)?;
            tx.commit()?;
            Ok(claimed)
        })
    }

    /// The notification server did not take these claimed popups: they are offered again.
    pub fn popups_not_shown(self, notification_ids: &[i64]) -> Result<()> {
        let key = self.account().key();
        self.locked(|s| popups::unmark_sending(s.conn(), &key, notification_ids))
    }

    /// Popups a crash interrupted on their way to the notification server count as shown
    /// (the supervisor runs this as it starts); returns their ids.
    pub fn settle_interrupted_popups(self) -> Result<Vec<i64>> {
        let key = self.account().key();
        self.locked(|s| popups::settle_interrupted(s.conn(), &key))
    }

    /// The desktop showed these notifications (the notification server accepted the popup,
    /// or a summary counting them): they never pop up again. Returns those that were due.
    pub fn popups_shown(self, notification_ids: &[i64]) -> Result<Vec<i64>> {
        self.settle_popups(notification_ids, true)
    }

    /// These notifications never pop up (a silent app's).
    pub fn silence_popups(self, notification_ids: &[i64]) -> Result<()> {
        self.settle_popups(notification_ids, false).map(drop)
    }

    fn settle_popups(self, notification_ids: &[i64], shown: bool) -> Result<Vec<i64>> {
        if notification_ids.is_empty() {
            return Ok(Vec::new());
        }
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            let settled = popups::settle(&tx, &key, notification_ids, shown)?;
            tx.commit()?;
            Ok(settled)
        })
    }
}
