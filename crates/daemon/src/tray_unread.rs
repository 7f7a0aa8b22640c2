//! What is waiting, as the tray shows it: the notifications on the server and the Talk rooms
//! that mention the user, per account; a mark on the icon while a mention waits, and the line
//! that says how many ("3 notifications, 2 mentions in Talk").

use std::collections::BTreeMap;
use std::sync::Mutex;

use nctray_i18n::{tr, Localizer};

/// What one account has waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Notifications listed on the server (they stay until dismissed).
    pub notifications: usize,
    /// Talk rooms with an unread mention.
    pub mentions: i64,
}

/// Every account's [`Waiting`], kept as the engines report it (managed by the app).
#[derive(Debug, Default)]
pub struct TrayUnread(Mutex<BTreeMap<String, Waiting>>);

impl TrayUnread {
    pub fn set_notifications(&self, account: &str, count: usize) {
        self.update(account, |w| w.notifications = count);
    }

    pub fn set_mentions(&self, account: &str, count: i64) {
        self.update(account, |w| w.mentions = count);
    }

    /// An account that was removed no longer counts.
    pub fn forget_others(&self, kept: &[String]) {
        self.lock().retain(|key, _| kept.contains(key));
    }

    /// The sum over all accounts.
    pub fn total(&self) -> Waiting {
        self.lock()
            .values()
            .fold(Waiting::default(), |sum, w| Waiting {
                notifications: sum.notifications + w.notifications,
                mentions: sum.mentions + w.mentions,
            })
    }

    fn update(&self, account: &str, change: impl FnOnce(&mut Waiting)) {
        change(self.lock().entry(account.to_owned()).or_default());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Waiting>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Waiting {
    /// The icon carries the mark while someone waits for an answer in Talk.
    pub fn marks_icon(&self) -> bool {
        self.mentions > 0
    }

    /// "3 notifications, 2 mentions in Talk" in the app's language; `None` when nothing waits.
    pub fn line(&self) -> Option<String> {
        self.line_in(&crate::language::app())
    }

    fn line_in(&self, text: &Localizer) -> Option<String> {
        let notifications = (self.notifications > 0).then(|| {
            tr!(
                text,
                "tray-waiting-notifications",
                count = self.notifications
            )
        });
        let mentions =
            (self.mentions > 0).then(|| tr!(text, "tray-waiting-mentions", count = self.mentions));
        match (notifications, mentions) {
            (Some(notifications), Some(mentions)) => Some(tr!(
                text,
                "tray-waiting-both",
                notifications = notifications,
                mentions = mentions
            )),
            (one, other) => one.or(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use nctray_i18n::{Catalogue, Language};

    use super::*;

    #[test]
    fn the_line_counts_what_waits_and_is_absent_when_nothing_does() {
        let english = Localizer::new(&Language::negotiate(&["en"]), Catalogue::App);
        let line = |notifications, mentions| {
            Waiting {
                notifications,
                mentions,
            }
            .line_in(&english)
        };
        let waiting = |notifications, mentions| Waiting {
            notifications,
            mentions,
        };
        assert_eq!(line(0, 0), None);
        assert_eq!(
            line(3, 2).as_deref(),
            Some("3 notifications, 2 mentions in Talk")
        );
        assert_eq!(line(1, 0).as_deref(), Some("1 notification"));
        assert_eq!(line(0, 1).as_deref(), Some("1 mention in Talk"));
        assert!(waiting(0, 1).marks_icon() && !waiting(5, 0).marks_icon());
    }

    #[test]
    fn every_account_counts_once_and_a_removed_one_not_at_all() {
        let unread = TrayUnread::default();
        unread.set_notifications("a", 2);
        unread.set_mentions("a", 1);
        unread.set_notifications("b", 3);
        unread.set_notifications("a", 1);
        assert_eq!(
            unread.total(),
            Waiting {
                notifications: 4,
                mentions: 1
            }
        );
        unread.forget_others(&["b".to_owned()]);
        assert_eq!(unread.total().notifications, 3);
    }
}
