//! Whether, when and how a notification pops up, decided in one place: the server's
//! `shouldNotify` and the user's do-not-disturb when the notification is first seen, the apps
//! the user silenced and the burst gate each time the due popups are offered.

use std::time::Instant;

use nextcloud::{Notification, StatusType};

use crate::popup_gate::{Popup, PopupGate};
use crate::store::popups::FirstSeen;

/// One account's popup rules, and the burst window they have used.
#[derive(Debug)]
pub struct PopupDecision {
    silent_apps: Vec<String>,
    gate: PopupGate,
}

/// What one offer of the due popups comes to.
#[derive(Debug, Default, PartialEq)]
pub struct Offer {
    /// Due notifications of a silenced app: they never pop up.
    pub silenced: Vec<i64>,
    /// What to show now; whatever was due and is in neither list is offered again later.
    pub popups: Vec<Popup>,
}

impl PopupDecision {
    /// The rules for an account whose popups from `silent_apps` never show, with the default
    /// burst window.
    pub fn new(silent_apps: Vec<String>) -> Self {
        Self {
            silent_apps,
            gate: PopupGate::default(),
        }
    }

    /// A notification seen for the first time is due for a popup when the server says it
    /// should notify and the user's status (the poll's header) is not do-not-disturb.
    /// Do-not-disturb silences a notification for good, it does not postpone it.
    pub fn first_seen(notification: &Notification, status: Option<StatusType>) -> FirstSeen {
        if notification.should_notify && status != Some(StatusType::Dnd) {
            FirstSeen::Due
        } else {
            FirstSeen::Silenced
        }
    }

    /// Splits the due notifications (oldest first) into those of a silenced app and the
    /// popups the burst gate lets through at `now` (`now_unix` tells their age). The first
    /// sync of an account shows what was already waiting as one summary.
    pub fn offer(
        &mut self,
        now: Instant,
        now_unix: i64,
        due: Vec<Notification>,
        first_sync: bool,
    ) -> Offer {
        let (silent, due): (Vec<_>, Vec<_>) = due
            .into_iter()
            .partition(|n| self.silent_apps.contains(&n.app));
        let popups = match (due.is_empty(), first_sync) {
            (true, _) => Vec::new(),
            (false, true) => self.gate.admit_first_sync(now, now_unix, due),
            (false, false) => self.gate.admit(now, now_unix, due),
        };
        Offer {
            silenced: silent.iter().map(|n| n.notification_id).collect(),
            popups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000;

    fn notification(id: i64, app: &str, should_notify: bool) -> Notification {
        let created = chrono::DateTime::from_timestamp(NOW, 0).unwrap();
        serde_json::from_value(serde_json::json!({
            "notification_id": id, "app": app, "user": "alice",
            "datetime": created.to_rfc3339(), "object_type": "", "object_id": "",
            "subject": format!("n{id}"), "message": "", "link": "", "actions": [],
            "shouldNotify": should_notify
        }))
        .unwrap()
    }

    #[test]
    fn only_what_the_server_wants_shown_outside_do_not_disturb_is_due() {
        let loud = notification(1, "files", true);
        let quiet = notification(2, "files", false);
        assert_eq!(PopupDecision::first_seen(&loud, None), FirstSeen::Due);
        for status in [StatusType::Online, StatusType::Away, StatusType::Busy] {
            assert_eq!(
                PopupDecision::first_seen(&loud, Some(status)),
                FirstSeen::Due
            );
        }
        assert_eq!(
            PopupDecision::first_seen(&loud, Some(StatusType::Dnd)),
            FirstSeen::Silenced
        );
        assert_eq!(PopupDecision::first_seen(&quiet, None), FirstSeen::Silenced);
    }

    #[test]
    fn a_silenced_apps_notifications_are_settled_and_the_rest_pass_the_gate() {
        let mut decision = PopupDecision::new(vec!["spreed".to_owned()]);
        let now = Instant::now();
        let due = vec![
            notification(1, "files", true),
            notification(2, "spreed", true),
            notification(3, "files", true),
        ];
        let offer = decision.offer(now, NOW, due, false);
        assert_eq!(offer.silenced, [2]);
        let shown: Vec<Vec<i64>> = offer.popups.iter().map(Popup::notification_ids).collect();
        assert_eq!(shown, [vec![1], vec![3]]);
        // Nothing due: nothing offered, and the gate's window is not used up.
        assert_eq!(decision.offer(now, NOW, Vec::new(), true), Offer::default());
    }

    #[test]
    fn the_first_sync_folds_what_was_waiting_into_one_summary() {
        let mut decision = PopupDecision::new(Vec::new());
        let due = (1..=4).map(|id| notification(id, "files", true)).collect();
        let offer = decision.offer(Instant::now(), NOW, due, true);
        assert!(offer.silenced.is_empty());
        assert!(
            matches!(offer.popups.as_slice(), [Popup::Summary { notifications }] if notifications.len() == 4)
        );
    }
}
