//! "Clear after" as the person chooses it for a custom message, turned into the `clearAt` the
//! server wants. The end of a day is the next local midnight, the end of a week the next local
//! Monday 00:00 (ISO weeks), in the desktop's time zone with its daylight-saving changes.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone};
use nextcloud::CustomMessage;
use serde::{Deserialize, Serialize};

/// When a custom message set now is cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ClearAfter {
    DontClear,
    ThirtyMinutes,
    OneHour,
    FourHours,
    Today,
    ThisWeek,
}

/// A custom message as the status editor sends it: the clear-at still a choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewCustomMessage {
    /// One emoji, or none.
    pub icon: Option<String>,
    pub message: String,
    pub clear_after: ClearAfter,
}

impl NewCustomMessage {
    /// The message to send when it is set at `now`.
    pub fn at<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> CustomMessage {
        CustomMessage {
            icon: self.icon.clone(),
            message: self.message.clone(),
            clear_at: self.clear_after.clear_at(now),
        }
    }
}

impl ClearAfter {
    /// The unix time the server clears a message set at `now`; `None`: never.
    pub fn clear_at<Tz: TimeZone>(self, now: &DateTime<Tz>) -> Option<i64> {
        let minutes = |n: i64| Some(now.timestamp() + n * 60);
        let today = now.date_naive();
        match self {
            ClearAfter::DontClear => None,
            ClearAfter::ThirtyMinutes => minutes(30),
            ClearAfter::OneHour => minutes(60),
            ClearAfter::FourHours => minutes(240),
            ClearAfter::Today => start_of(&now.timezone(), today.checked_add_days(Days::new(1))?),
            ClearAfter::ThisWeek => {
                let to_monday = 7 - u64::from(today.weekday().num_days_from_monday());
                start_of(
                    &now.timezone(),
                    today.checked_add_days(Days::new(to_monday))?,
                )
            }
        }
    }
}

/// The first instant of `day` in `zone`: its midnight, or where the day starts when a
/// daylight-saving change skips midnight.
fn start_of<Tz: TimeZone>(zone: &Tz, day: NaiveDate) -> Option<i64> {
    let mut local = day.and_hms_opt(0, 0, 0)?;
    for _ in 0..4 {
        if let Some(instant) = zone.from_local_datetime(&local).earliest() {
            return Some(instant.timestamp());
        }
        local += chrono::Duration::minutes(30);
    }
    None
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    /// Wednesday 2026-12-09 15:20 at `offset_hours` east of UTC.
    fn wednesday_afternoon(offset_hours: i32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(offset_hours * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 9, 15, 20, 0)
            .unwrap()
    }

    fn local(at: i64, offset_hours: i32) -> String {
        DateTime::from_timestamp(at, 0)
            .unwrap()
            .with_timezone(&FixedOffset::east_opt(offset_hours * 3600).unwrap())
            .format("%a %Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn periods_count_from_now_and_dont_clear_is_none() {
        let now = wednesday_afternoon(1);
        let at = |choice: ClearAfter| choice.clear_at(&now).map(|at| at - now.timestamp());
        assert_eq!(at(ClearAfter::DontClear), None);
        assert_eq!(at(ClearAfter::ThirtyMinutes), Some(1800));
        assert_eq!(at(ClearAfter::OneHour), Some(3600));
        assert_eq!(at(ClearAfter::FourHours), Some(4 * 3600));
    }

    #[test]
    fn today_ends_at_the_next_local_midnight_and_the_week_on_monday() {
        for offset in [-10, 0, 1, 9] {
            let now = wednesday_afternoon(offset);
            let today = ClearAfter::Today.clear_at(&now).unwrap();
            assert_eq!(
                local(today, offset),
                "Thu 2026-12-10 00:00",
                "UTC{offset:+}"
            );
            let week = ClearAfter::ThisWeek.clear_at(&now).unwrap();
            assert_eq!(local(week, offset), "Mon 2026-12-14 00:00", "UTC{offset:+}");
        }
    }

    #[test]
    fn on_a_monday_this_week_means_the_next_monday() {
        let monday = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 12, 7, 0, 0, 0)
            .unwrap();
        let week = ClearAfter::ThisWeek.clear_at(&monday).unwrap();
        assert_eq!(local(week, 1), "Mon 2026-12-14 00:00");
    }

    #[test]
    fn the_status_editor_sends_the_choice_in_kebab_case() {
        let sent: NewCustomMessage = serde_json::from_str(
            r#"{"icon":"🌴","message":"On vacation","clear_after":"this-week"}"#,
        )
        .unwrap();
        assert_eq!(sent.clear_after, ClearAfter::ThisWeek);
        let message = sent.at(&wednesday_afternoon(0));
        assert_eq!(message.icon.as_deref(), Some("🌴"));
        assert_eq!(local(message.clear_at.unwrap(), 0), "Mon 2026-12-14 00:00");
    }
}
