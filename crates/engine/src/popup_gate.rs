//! How many popups the desktop gets: at most a few per burst window, the rest folded into
//! one summary, so a flood of notifications (a first sync, a busy chat) never buries the user.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use nextcloud::Notification;

/// What to show on the desktop.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    One(Box<Notification>),
    /// Several notifications in one popup: "12 notifications".
    Summary {
        count: usize,
    },
}

/// A sliding-window limit on popups. What does not fit waits (still counted once) for the
/// next call after a slot frees up.
#[derive(Debug)]
pub struct PopupGate {
    max_per_window: usize,
    window: Duration,
    shown_at: VecDeque<Instant>,
    waiting: Vec<Notification>,
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
            waiting: Vec::new(),
        }
    }

    /// The first sync of an account shows what was already waiting as one summary instead
    /// of a flood; a single waiting notification still pops up as itself.
    pub fn admit_first_sync(&mut self, now: Instant, due: Vec<Notification>) -> Vec<Popup> {
        if due.len() <= 1 {
            return self.admit(now, due);
        }
        self.waiting.clear();
        self.record(now, 1);
        vec![Popup::Summary { count: due.len() }]
    }

    /// Turns notifications due for a popup into the popups to show at `now`.
    pub fn admit(&mut self, now: Instant, due: Vec<Notification>) -> Vec<Popup> {
        while self
            .shown_at
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            self.shown_at.pop_front();
        }
        self.waiting.extend(due);
        let free = self.max_per_window.saturating_sub(self.shown_at.len());
        if free == 0 || self.waiting.is_empty() {
            return Vec::new();
        }
        let popups: Vec<Popup> = if self.waiting.len() <= free {
            self.waiting
                .drain(..)
                .map(|n| Popup::One(Box::new(n)))
                .collect()
        } else {
            // Individual popups for all but the last free slot, which summarises the rest.
            let rest = self.waiting.split_off(free - 1);
            let mut popups: Vec<Popup> = self
                .waiting
                .drain(..)
                .map(|n| Popup::One(Box::new(n)))
                .collect();
            popups.push(Popup::Summary { count: rest.len() });
            popups
        };
        self.record(now, popups.len());
        popups
    }

    /// Whether notifications wait for a free slot.
    pub fn has_waiting(&self) -> bool {
        !self.waiting.is_empty()
    }

    fn record(&mut self, now: Instant, count: usize) {
        self.shown_at.extend(std::iter::repeat_n(now, count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notification(id: i64) -> Notification {
        serde_json::from_value(serde_json::json!({
            "notification_id": id, "app": "files", "user": "alice",
            "datetime": "2026-11-25T10:00:00+00:00", "object_type": "", "object_id": "",
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
                Popup::Summary { count } => format!("+{count}"),
            })
            .collect()
    }

    #[test]
    fn a_burst_shows_three_popups_in_ten_seconds_and_summarises_the_rest() {
        let mut gate = PopupGate::default();
        let t0 = Instant::now();
        assert_eq!(shape(&gate.admit(t0, batch(1..3))), ["n1", "n2"]);
        // One slot left in this window: it becomes the summary of everything else.
        assert_eq!(shape(&gate.admit(t0, batch(3..8))), ["+5"]);
        // The window is full: nothing more now, and nothing is lost.
        assert!(gate
            .admit(t0 + Duration::from_secs(5), batch(8..9))
            .is_empty());
        assert!(gate.has_waiting());
        assert_eq!(
            shape(&gate.admit(t0 + Duration::from_secs(10), vec![])),
            ["n8"]
        );
        assert!(!gate.has_waiting());
    }

    #[test]
    fn the_first_sync_summarises_instead_of_flooding() {
        let mut gate = PopupGate::default();
        let now = Instant::now();
        assert_eq!(shape(&gate.admit_first_sync(now, batch(1..13))), ["+12"]);
        let mut fresh = PopupGate::default();
        assert_eq!(shape(&fresh.admit_first_sync(now, batch(1..2))), ["n1"]);
    }
}
