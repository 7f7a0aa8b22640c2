//! The command line's side of the language, which `crate::language` chooses (`--lang`, the
//! settings' override, the Nextcloud user's language, the desktop's): the command line's
//! texts, the account's cached Nextcloud language once an account is open, English for
//! `--json` (for programs, the same in every language) and the format of dates.

use std::sync::Arc;

use nctray_engine::Engine;
use nctray_i18n::{Catalogue, Language, Localizer};

use super::dates::{self, DateStyle};
use crate::language::{self as chooser, UserLanguage};

/// How this run speaks, from its flags.
#[derive(Debug, Clone, Default)]
pub struct Speech {
    /// `--lang`, whose region (`de_CH`) also picks the date format.
    pub flag: Option<String>,
    /// `--utc`.
    pub utc: bool,
    /// `--json`: messages in English whatever the language.
    pub json: bool,
}

impl Speech {
    /// Speaks from now on what was chosen so far (the account's language is not known yet).
    pub fn start(&self) {
        if self.json {
            nctray_i18n::set_current(Language::english());
        }
        self.format_dates();
    }

    /// The account is open: its user's Nextcloud language, as cached at the last refresh,
    /// now counts, and the server is asked for its texts in the language spoken.
    pub fn follow(&self, engine: &Engine) {
        if self.json {
            return;
        }
        if let Ok(Some(user)) = engine.cached_user() {
            chooser::update(|inputs| inputs.user = Some(UserLanguage::from(&user)));
            chooser::speak_to(engine);
        }
        self.format_dates();
    }

    fn format_dates(&self) {
        let chosen = chooser::chosen();
        let language = nctray_i18n::current();
        let hints: Vec<&str> = [self.flag.as_deref(), Some(chosen.locale.as_str())]
            .into_iter()
            .flatten()
            .collect();
        dates::set_style(DateStyle {
            utc: self.utc,
            locale: dates::locale_for(&language, &hints),
        });
    }
}

/// The command line's catalogue in the language spoken now.
pub fn cli_text() -> Arc<Localizer> {
    nctray_i18n::localizer(Catalogue::Cli)
}

/// The command line's refusal of a `--lang` value nctray has no translation for.
pub fn unknown_language(asked: &str) -> String {
    let available: Vec<String> = Language::available().iter().map(Language::tag).collect();
    nctray_i18n::tr!(
        cli_text(),
        "cli-lang-unknown",
        value = asked,
        available = available.join(", ")
    )
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

    #[test]
    fn the_lang_flag_is_found_before_parsing_in_both_spellings() {
        let args = |line: &[&str]| flag_in(line.iter().map(|a| a.to_string()));
        assert_eq!(args(&["status", "--lang", "de"]).as_deref(), Some("de"));
        assert_eq!(args(&["--lang=pl", "status"]).as_deref(), Some("pl"));
        assert_eq!(args(&["talk", "send", "Team", "--", "--lang", "de"]), None);
        assert_eq!(args(&["status"]), None);
    }

    #[test]
    fn an_unknown_language_is_refused_with_the_ones_nctray_speaks() {
        let error = unknown_language("tlh");
        assert!(error.contains("tlh") && error.contains("de"), "{error}");
    }
}
