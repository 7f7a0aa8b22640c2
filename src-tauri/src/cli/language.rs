//! Which language the command line speaks, and its texts: `--lang`, else the language chosen
//! in nctray's settings, else the account's Nextcloud language (as cached at its last
//! refresh), else the desktop's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
//!

use std::sync::Arc;

use nctray_i18n::{Catalogue, Language, Localizer};

use super::dates::{self, DateStyle};

/// What asks for a language, most wanted first; each may be absent.
#[derive(Debug, Default, Clone)]
pub struct Wanted {
    /// `--lang`.
    pub flag: Option<String>,
    /// The settings' override.
    pub settings: Option<String>,
    /// The account's Nextcloud `language` (e.g. "de", "pt_BR").
    pub nextcloud_language: Option<String>,
    /// The account's Nextcloud `locale` (e.g. "de_CH"), for date formats only.
    pub nextcloud_locale: Option<String>,
}

impl Wanted {
    /// The language to speak: the first wish that is set, else the desktop's.
    pub fn language(&self) -> Language {
        let chosen = [&self.flag, &self.settings, &self.nextcloud_language]
            .into_iter()
            .flatten()
            .map(|wish| wish.trim())
            .find(|wish| !wish.is_empty());
        match chosen {
            Some(wish) => Language::negotiate(&[wish]),
            None => Language::from_environment(),
        }
    }

    /// Where the date format's region may come from, most wanted first.
    fn locale_hints(&self) -> Vec<String> {
        let environment = ["LC_ALL", "LC_TIME", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok());
        [&self.flag, &self.settings, &self.nextcloud_locale]
            .into_iter()
            .flatten()
            .cloned()
            .chain(environment)
            .collect()
    }
}

/// Speaks the language `wanted` asks for from now on, with its date formats; `utc` keeps
/// dates in UTC. With `json` the messages (errors, notes) are English whatever is asked:
/// `--json` is for programs and the same in every language.
pub fn speak(wanted: &Wanted, utc: bool, json: bool) {
    let language = if json {
        Language::english()
    } else {
        wanted.language()
    };
    let hints = wanted.locale_hints();
    let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
    dates::set_style(DateStyle {
        utc,
        locale: dates::locale_for(&language, &hints),
    });
    nctray_i18n::set_current(language);
}

/// The command line's catalogue in the language spoken now.
pub fn cli_text() -> Arc<Localizer> {
    nctray_i18n::localizer(Catalogue::Cli)
}

/// `--lang`'s value: a language nctray has a catalogue for, named as a locale (`de_DE.UTF-8`),
/// a tag (`pt-BR`) or a Nextcloud code (`zh_CN`).
pub fn parse_lang_flag(value: &str) -> Result<String, String> {
    let language = Language::negotiate(&[value]);
    let asked_for_english = value.trim().to_ascii_lowercase().starts_with("en")
        || matches!(value.split(['.', '@']).next(), Some("C" | "POSIX"));
    if language == Language::english() && !asked_for_english {
        let available: Vec<String> = Language::available().iter().map(Language::tag).collect();
        return Err(nctray_i18n::tr!(
            cli_text(),
            "cli-lang-unknown",
            value = value,
            available = available.join(", ")
        ));
    }
    Ok(value.to_owned())
}

/// The `--lang` value among the raw `arguments`, before they are parsed: so that a value one
/// of nctray's own parsers refuses (`status set busy`) is explained in that language too.
pub fn flag_in(arguments: impl IntoIterator<Item = String>) -> Option<String> {
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        if argument == "--" {
            break;
        }
        if argument == "--lang" {
            return arguments.next();
        }
        if let Some(value) = argument.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(
        flag: Option<&str>,
        settings: Option<&str>,
        nextcloud_language: Option<&str>,
    ) -> Wanted {
        Wanted {
            flag: flag.map(Into::into),
            settings: settings.map(Into::into),
            nextcloud_language: nextcloud_language.map(Into::into),
            nextcloud_locale: None,
        }
    }

    #[test]
    fn the_flag_beats_the_settings_which_beat_the_nextcloud_language() {
        assert_eq!(
            wanted(Some("de"), Some("pl"), Some("en")).language().tag(),
            "de"
        );
        assert_eq!(wanted(None, Some("pl"), Some("de")).language().tag(), "pl");
        assert_eq!(wanted(None, Some(" "), Some("de")).language().tag(), "de");
        assert_eq!(wanted(None, None, Some("de_DE")).language().tag(), "de");
    }

    #[test]
    fn the_lang_flag_is_found_before_parsing_in_both_spellings() {
        let args = |line: &[&str]| flag_in(line.iter().map(|a| a.to_string()));
        assert_eq!(args(&["status", "--lang", "de"]).as_deref(), Some("de"));
        assert_eq!(args(&["--lang=pl", "status"]).as_deref(), Some("pl"));
        assert_eq!(args(&["talk", "send", "Team", "--", "--lang", "de"]), None);
        assert_eq!(args(&["status"]), None);
    }

    #[test]
    fn the_lang_flag_takes_any_way_of_naming_a_language_and_refuses_unknown_ones() {
        for value in ["de", "de_DE.UTF-8", "de-AT", "en", "en_GB", "C"] {
            assert_eq!(parse_lang_flag(value).as_deref(), Ok(value));
        }
        let error = parse_lang_flag("tlh").unwrap_err();
        assert!(error.contains("tlh") && error.contains("de"), "{error}");
    }
}
