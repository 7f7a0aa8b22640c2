//! Dates and times as the command line prints them for people: in the machine's time zone
//! (or UTC with `--utc`), in the date and time format of the language's locale, with the
//! offset so that a line copied elsewhere still says which moment it means.
//!
//! The formats come from chrono's `unstable-locales` (glibc's locale data, compiled in by
//! pure-rust-locales): `%x`/`%X` are each locale's own date and time formats (`25.11.2026`,
//! `11/25/2026 …PM`, `2026年11月25日`) with its month names, without a C library's locale
//! having to be installed, and without ICU's data size. Relative times are not printed.

use std::sync::OnceLock;

use chrono::{DateTime, Local, Locale, TimeZone, Utc};
use nctray_i18n::Language;

use super::output::printable;

/// How this run prints dates: chosen once at the start (the language may still be refined
/// afterwards, so the locale is a part of it that can be set again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    /// `--utc`: print UTC instead of the machine's time zone.
    pub utc: bool,
    pub locale: Locale,
}

impl Default for DateStyle {
    fn default() -> Self {
        DateStyle {
            utc: false,
            locale: Locale::en_US,
        }
    }
}

fn style_cell() -> &'static std::sync::RwLock<DateStyle> {
    static STYLE: OnceLock<std::sync::RwLock<DateStyle>> = OnceLock::new();
    STYLE.get_or_init(Default::default)
}

/// Sets how the rest of the run prints dates.
pub fn set_style(style: DateStyle) {
    *style_cell().write().unwrap_or_else(|e| e.into_inner()) = style;
}

fn style() -> DateStyle {
    *style_cell().read().unwrap_or_else(|e| e.into_inner())
}

/// The server's ISO 8601 date (`2026-11-25T23:03:23+00:00`) for a person; text that is no
/// date is shown as it is (made safe for the terminal).
pub fn show_iso(datetime: &str) -> String {
    match DateTime::parse_from_rfc3339(datetime) {
        Ok(moment) => format_moment(moment.with_timezone(&Utc), style()),
        Err(_) => printable(datetime),
    }
}

/// Unix seconds for a person.
pub fn show_unix(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(|moment| format_moment(moment, style()))
        .unwrap_or_default()
}

/// `moment` in the style's zone and locale: `25.11.2026 23:03:23 +00:00`, or `… UTC` with
/// `--utc`.
pub fn format_moment(moment: DateTime<Utc>, style: DateStyle) -> String {
    if style.utc {
        let text = moment.format_localized(LOCALE_DATE_AND_TIME, style.locale);
        format!("{text} UTC")
    } else {
        in_zone(moment.with_timezone(&Local), style.locale)
    }
}

/// The locale's own date, then its own time.
const LOCALE_DATE_AND_TIME: &str = "%x %X";

/// `moment` as its zone sees it, with the zone's offset (`+09:00`).
fn in_zone<Tz: TimeZone>(moment: DateTime<Tz>, locale: Locale) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let text = moment.format_localized(LOCALE_DATE_AND_TIME, locale);
    format!("{text} {}", moment.format("%:z"))
}

/// The locale whose date formats go with `language`: the first of `hints` (a `--lang`
/// value, the Nextcloud locale, the environment's `LC_TIME` …) that names a locale of that
/// language, so `de_CH` and `en_GB` keep their own formats; else the language's usual one.
pub fn locale_for(language: &Language, hints: &[&str]) -> Locale {
    let wanted = language.id().language.as_str();
    hints
        .iter()
        .filter_map(|hint| parse_locale(hint))
        .find(|locale| locale.to_string().split('_').next() == Some(wanted))
        .unwrap_or_else(|| usual_locale(language))
}

/// `de_CH.UTF-8@euro`, `de-CH` → de_CH, if chrono has that locale.
fn parse_locale(hint: &str) -> Option<Locale> {
    let name = hint.split(['.', '@']).next()?.trim().replace('-', "_");
    Locale::try_from(name.as_str()).ok()
}

/// The locale a language's speakers get when nothing names a region.
fn usual_locale(language: &Language) -> Locale {
    match language.tag().as_str() {
        "de" => Locale::de_DE,
        "fr" => Locale::fr_FR,
        "es" => Locale::es_ES,
        "it" => Locale::it_IT,
        "nl" => Locale::nl_NL,
        "pt-BR" | "pt" => Locale::pt_BR,
        "pl" => Locale::pl_PL,
        "ja" => Locale::ja_JP,
        "zh-CN" | "zh" => Locale::zh_CN,
        // Gregorian months named in Arabic, 24-hour clock.
        "ar" => Locale::ar_SA,
        "he" => Locale::he_IL,
        _ => Locale::en_US,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-25T23:03:23+00:00")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn utc(locale: Locale) -> String {
        format_moment(moment(), DateStyle { utc: true, locale })
    }

    #[test]
    fn each_language_gets_its_own_date_and_time_format() {
        assert_eq!(utc(Locale::en_US), "11/25/2026 11:03:23 PM UTC");
        assert_eq!(utc(Locale::de_DE), "25.11.2026 23:03:23 UTC");
        assert_eq!(utc(Locale::fr_FR), "25/11/2026 23:03:23 UTC");
        assert_eq!(utc(Locale::ja_JP), "2026年11月25日 23時03分23秒 UTC");
        assert_eq!(utc(Locale::zh_CN), "2026年11月25日 23时03分23秒 UTC");
        assert!(
            utc(Locale::ar_SA).contains("نوفمبر"),
            "{}",
            utc(Locale::ar_SA)
        );
    }

    #[test]
    fn a_local_time_is_the_zone_s_own_with_its_offset() {
        let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(
            in_zone(moment().with_timezone(&tokyo), Locale::de_DE),
            "26.11.2026 08:03:23 +09:00"
        );
        let new_york = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(
            in_zone(moment().with_timezone(&new_york), Locale::en_US),
            "11/25/2026 06:03:23 PM -05:00"
        );
    }

    #[test]
    fn a_regional_locale_of_the_chosen_language_wins_over_its_usual_one() {
        let german = Language::negotiate(&["de"]);
        assert_eq!(locale_for(&german, &[]), Locale::de_DE);
        assert_eq!(locale_for(&german, &["de_CH.UTF-8"]), Locale::de_CH);
        assert_eq!(locale_for(&german, &["de-AT"]), Locale::de_AT);
        // Another language's locale does not fit German texts.
        assert_eq!(
            locale_for(&german, &["fr_FR.UTF-8", "C.UTF-8"]),
            Locale::de_DE
        );
        let english = Language::english();
        assert_eq!(locale_for(&english, &["en_GB.UTF-8"]), Locale::en_GB);
        assert_eq!(locale_for(&english, &["C.UTF-8", "POSIX"]), Locale::en_US);
    }

    #[test]
    fn dates_the_server_sends_are_read_and_anything_else_is_shown_safely() {
        assert_eq!(show_iso("yesterday\u{1b}[2J"), "yesterday");
        assert_eq!(show_iso(""), "");
    }
}
