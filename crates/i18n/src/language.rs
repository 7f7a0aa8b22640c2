//! Which of the catalogue languages to speak, from what is asked for: a POSIX locale
//! (`de_DE.UTF-8`), a BCP 47 tag (`de-DE`) or Nextcloud's codes (`pt_BR`, `zh_CN`).

use std::fmt;
use std::str::FromStr;

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::catalogue::folders;

/// The catalogue language everything falls back to, message by message.
pub(crate) const ENGLISH: &str = "en";

/// A language nctray has catalogues for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Language {
    id: LanguageIdentifier,
}

/// Which way the language's text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// "ltr" or "rtl", as HTML's `dir` attribute has it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Language {
    pub fn english() -> Language {
        Language {
            id: ENGLISH.parse().unwrap(),
        }
    }

    /// The best of the catalogue languages for `requested` (most wanted first); English when
    /// none fits or nothing is asked for. `C` and `POSIX` ask for English.
    pub fn negotiate(requested: &[&str]) -> Language {
        let available: Vec<LanguageIdentifier> = Language::available()
            .into_iter()
            .map(|language| language.id)
            .collect();
        negotiate_among(requested, &available)
    }

    /// The catalogue language for `asked` (a POSIX locale, BCP 47 tag or Nextcloud code), or
    /// None when nctray has no catalogue for it: for checking a choice a person typed.
    pub fn find(asked: &str) -> Option<Language> {
        let wanted = parse_requested(asked)?;
        let available: Vec<LanguageIdentifier> = Language::available()
            .into_iter()
            .map(|language| language.id)
            .collect();
        let found =
            negotiate_languages(&[wanted], &available, None, NegotiationStrategy::Filtering);
        found.first().map(|id| Language { id: (*id).clone() })
    }

    /// `asked` (`de_CH.UTF-8`, `pt_BR`, `de-CH`) as a BCP 47 tag (`de-CH`), e.g. for a locale
    /// handed to `Intl` in the windows; None when it is no language tag.
    pub fn bcp47(asked: &str) -> Option<String> {
        parse_requested(asked).map(|id| id.to_string())
    }

    /// The desktop's language: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (the order in
    /// which POSIX lets them override each other for messages).
    pub fn from_environment() -> Language {
        let asked = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        match asked {
            Some(value) => Language::negotiate(&[&value]),
            None => Language::english(),
        }
    }

    /// Every language with a folder under `locales/`, English first.
    pub fn available() -> Vec<Language> {
        let mut languages: Vec<Language> = folders()
            .into_iter()
            .filter_map(|folder| folder.parse().ok())
            .map(|id| Language { id })
            .collect();
        languages.sort_by_key(|language| (language.tag() != ENGLISH, language.tag()));
        languages
    }

    /// The BCP 47 tag of the catalogue, e.g. "de", "pt-BR", which is also its folder's name.
    pub fn tag(&self) -> String {
        self.id.to_string()
    }

    pub fn id(&self) -> &LanguageIdentifier {
        &self.id
    }

    pub fn direction(&self) -> Direction {
        match self.id.character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The language's name in itself, for a list to choose from ("Deutsch", "日本語").
    pub fn native_name(&self) -> String {
        let name = match self.tag().as_str() {
            "en" => "English",
            "de" => "Deutsch",
            "fr" => "Français",
            "es" => "Español",
            "it" => "Italiano",
            "nl" => "Nederlands",
            "pt-BR" => "Português (Brasil)",
            "pl" => "Polski",
            "ja" => "日本語",
            "zh-CN" => "简体中文",
            "ar" => "العربية",
            "he" => "עברית",
            other => return other.to_string(),
        };
        name.to_string()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag())
    }
}

/// The best of `available` for `requested`, English when none fits.
fn negotiate_among(requested: &[&str], available: &[LanguageIdentifier]) -> Language {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|asked| parse_requested(asked))
        .collect();
    let english = Language::english().id;
    let chosen = negotiate_languages(
        &requested,
        available,
        Some(&english),
        NegotiationStrategy::Filtering,
    );
    let id = chosen
        .first()
        .map_or_else(|| english.clone(), |id| (*id).clone());
    Language { id }
}

/// `de_DE.UTF-8@euro` → de-DE, `pt_BR` → pt-BR, `C`/`POSIX` → en; None for what is not a
/// language at all.
pub(crate) fn parse_requested(asked: &str) -> Option<LanguageIdentifier> {
    let without_codeset = asked.split(['.', '@']).next().unwrap_or_default().trim();
    if without_codeset.is_empty() {
        return None;
    }
    if without_codeset == "C" || without_codeset == "POSIX" {
        return ENGLISH.parse().ok();
    }
    LanguageIdentifier::from_str(&without_codeset.replace('_', "-")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The languages the issue asks for, whichever folders this checkout has.
    fn negotiate(requested: &[&str]) -> Language {
        let available: Vec<LanguageIdentifier> = [
            "en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja", "zh-CN", "ar",
        ]
        .iter()
        .map(|tag| tag.parse().unwrap())
        .collect();
        negotiate_among(requested, &available)
    }

    #[test]
    fn posix_locales_bcp47_tags_and_nextcloud_codes_all_name_the_same_language() {
        for asked in ["de_DE.UTF-8", "de-DE", "de", "de_CH", "de_DE@euro"] {
            assert_eq!(negotiate(&[asked]).tag(), "de", "{asked}");
        }
    }

    #[test]
    fn the_c_and_posix_locales_and_unknown_languages_mean_english() {
        for asked in ["C", "POSIX", "C.UTF-8", "xx_YY", "", "not a locale"] {
            assert_eq!(negotiate(&[asked]), Language::english(), "{asked:?}");
        }
        assert_eq!(negotiate(&[]), Language::english());
    }

    #[test]
    fn the_first_requested_language_with_a_catalogue_wins() {
        assert_eq!(negotiate(&["xx", "pl_PL.UTF-8", "de"]).tag(), "pl");
    }

    #[test]
    fn regional_catalogues_are_found_from_codes_with_underscores_and_from_the_bare_language() {
        assert_eq!(negotiate(&["pt_BR"]).tag(), "pt-BR");
        assert_eq!(negotiate(&["zh_CN"]).tag(), "zh-CN");
        assert_eq!(negotiate(&["pt"]).tag(), "pt-BR");
    }

    #[test]
    fn a_language_without_a_catalogue_is_not_found_but_regional_variants_are() {
        assert_eq!(Language::find("xx_YY"), None);
        assert_eq!(Language::find("").map(|l| l.tag()), None);
        assert_eq!(
            Language::find("en_GB.UTF-8").map(|l| l.tag()),
            Some("en".into())
        );
        assert_eq!(Language::bcp47("de_CH.UTF-8").as_deref(), Some("de-CH"));
        assert_eq!(Language::bcp47("nonsense here"), None);
    }

    #[test]
    fn arabic_runs_right_to_left_and_german_left_to_right() {
        assert_eq!(negotiate(&["ar"]).direction(), Direction::Rtl);
        assert_eq!(negotiate(&["de"]).direction(), Direction::Ltr);
    }
}
