//! How many popups the desktop gets: at most a few per burst window, the rest folded into
//! one summary, so a flood of notifications (a first sync, a busy chat) never buries the user.
//!
//! The gate holds nothing back itself: it is handed every notification whose popup is due
//! (from the cache), and what it does not let through now stays due and is handed to it again
//! at the next offer. A notification older than [`POPS_UP_FOR`] no longer pops up alone: it is
//! folded into a summary.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use nextcloud::Notification;

/// How long after its creation a notification still pops up as itself.
pub const POPS_UP_FOR: Duration = Duration::from_secs(600);

/// What to show on the desktop.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Popup {
    One(Box<Notification>),
    /// Several notifications in one popup: "12 new notifications".
    Summary {
        notifications: Vec<Notification>,
    },
}

impl Popup {
    /// The notifications the popup shows (one, or those a summary counts).
    pub fn notification_ids(&self) -> Vec<i64> {
        match self {
            Popup::One(n) => vec![n.notification_id],
            Popup::Summary { notifications } => {
                notifications.iter().map(|n| n.notification_id).collect()
            }
        }
    }

    pub fn count(&self) -> usize {
        match self {
            Popup::One(_) => 1,
            Popup::Summary { notifications } => notifications.len(),
        }
    }
}

/// A sliding-window limit on popups.
#[derive(Debug)]
pub struct PopupGate {
    max_per_window: usize,
    window: Duration,
    shown_at: VecDeque<Instant>,
}

impl Default for PopupGate {
    /// Three popups per ten seconds.
    fn default() -> Self {
        Self::new(3, Duration::from_secs(10))
    }
}

impl PopupGate {
    pub fn new(max_per_window: usize, window: Duration) -> Self {
        assert!(max_per_window > 0, "a gate must let something through");
        Self {
            max_per_window,
            window,
            shown_at: VecDeque::new(),
        }
    }

    /// The first sync of an account shows what was already waiting as one summary instead
    /// of a flood; a single waiting notification still pops up as itself.
    pub fn admit_first_sync(
        &mut self,
        now: Instant,
        now_unix: i64,
        due: Vec<Notification>,
    ) -> Vec<Popup> {
        if due.len() <= 1 {
            return self.admit(now, now_unix, due);
        }
        self.record(now, 1);
        vec![Popup::Summary { notifications: due }]
    }

    /// Turns the notifications due for a popup (oldest first) into the popups to show at
    /// `now` (`now_unix` in seconds, to tell their age). Those left out are to be handed in
    /// again later.
    pub fn admit(&mut self, now: Instant, now_unix: i64, due: Vec<Notification>) -> Vec<Popup> {
        while self
            .shown_at
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            self.shown_at.pop_front();
        }
        let free = self.max_per_window.saturating_sub(self.shown_at.len());
        if free == 0 || due.is_empty() {
            return Vec::new();
        }
        let too_old = |n: &Notification| {
            n.timestamp()
                .is_some_and(|created| now_unix - created > POPS_UP_FOR.as_secs() as i64)
        };
        let (mut stale, fresh): (Vec<_>, Vec<_>) = due.into_iter().partition(too_old);
        let popups: Vec<Popup> = if stale.is_empty() && fresh.len() <= free {
            fresh.into_iter().map(|n| Popup::One(Box::new(n))).collect()
        } else {
            // Individual popups for the freshest that fit but the last free slot, which
            // summarises the rest.
            let mut fresh = fresh;
            let alone = fresh.len().min(free - 1);
            let rest = fresh.split_off(alone);
            stale.extend(rest);
            stale.sort_by_key(|n| n.notification_id);
            let mut popups: Vec<Popup> =
                fresh.into_iter().map(|n| Popup::One(Box::new(n))).collect();
            popups.push(Popup::Summary {
                notifications: stale,
            });
            popups
        };
        self.record(now, popups.len());
        popups
    }

    fn record(&mut self, now: Instant, count: usize) {
        self.shown_at.extend(std::iter::repeat_n(now, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Created at `NOW`, unless aged.
    fn notification(id: i64) -> Notification {
        aged(id, 0)
    }

    const NOW: i64 = 1_795_000_000;

    fn aged(id: i64, seconds: i64) -> Notification {
        let created = chrono::DateTime::from_timestamp(NOW - seconds, 0).unwrap();
        serde_json::from_value(serde_json::json!({
            "notification_id": id, "app": "files", "user": "alice",
            "datetime": created.to_rfc3339(), "object_type": "", "object_id": "",
            "subject": format!("n{id}"), "message": "", "link": "", "actions": []
        }))
        .unwrap()
    }

    fn batch(ids: std::ops::Range<i64>) -> Vec<Notification> {
        ids.map(notification).collect()
    }

    fn shape(popups: &[Popup]) -> Vec<String> {
        popups
            .iter()
            .map(|p| match p {
                Popup::One(n) => n.subject.clone(),
                Popup::Summary { notifications } => format!(
                    "+{}",
                    notifications
                        .iter()
                        .map(|n| n.subject.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            })
            .collect()
    }

    #[test]
    fn a_burst_shows_three_popups_in_ten_seconds_and_summarises_the_rest() {
        let mut gate = PopupGate::default();
        let t0 = Instant::now();
        assert_eq!(shape(&gate.admit(t0, NOW, batch(1..3))), ["n1", "n2"]);
        // One slot left in this window: it becomes the summary of everything else.
        assert_eq!(
            shape(&gate.admit(t0, NOW, batch(3..8))),
            ["+n3,n4,n5,n6,n7"]
        );
        // The window is full: nothing now; what is due is handed in again later.
        assert!(gate
            .admit(t0 + Duration::from_secs(5), NOW, batch(8..9))
            .is_empty());
        assert_eq!(
            shape(&gate.admit(t0 + Duration::from_secs(10), NOW, batch(8..9))),
            ["n8"]
        );
    }

    #[test]
    fn a_notification_older_than_ten_minutes_is_folded_into_a_summary() {
        let mut gate = PopupGate::default();
        let due = vec![aged(1, 601), aged(2, 599), notification(3)];
        assert_eq!(
            shape(&gate.admit(Instant::now(), NOW, due)),
            ["n2", "n3", "+n1"]
        );
        let mut gate = PopupGate::default();
        assert_eq!(
            shape(&gate.admit(Instant::now(), NOW, vec![aged(4, 3600)])),
            ["+n4"]
        );
    }

    #[test]
    fn the_first_sync_summarises_instead_of_flooding() {
        let mut gate = PopupGate::default();
        let now = Instant::now();
        let summary = gate.admit_first_sync(now, NOW, batch(1..13));
        assert_eq!(summary.len(), 1);
        assert_eq!(summary[0].notification_ids(), (1..13).collect::<Vec<_>>());
        let mut fresh = PopupGate::default();
        assert_eq!(
            shape(&fresh.admit_first_sync(now, NOW, batch(1..2))),
            ["n1"]
        );
    }
}
