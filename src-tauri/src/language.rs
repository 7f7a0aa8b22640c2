//! The shell speaks the daemon's language: the daemon chooses it (`--lang`, the settings, the
//! Nextcloud user's, the desktop's) and tells it as a `LanguageView` (`app_language` at start,
//! then with every `language-changed`). Here it only names the windows.

use nctray_i18n::Language;
use serde_json::Value;

/// The catalogue language in a `LanguageView` (its `language`, a BCP 47 tag such as "pt-BR").
fn language_of(view: &Value) -> Option<Language> {
    let tag = view.get("language")?.as_str()?;
    Some(Language::negotiate(&[tag]))
}

/// Speaks the language of `view` from now on; false when the view names none.
pub fn follow(view: &Value) -> bool {
    match language_of(view) {
        Some(language) => {
            nctray_i18n::set_current(language);
            true
        }
        None => {
            tracing::warn!("the daemon named no language: {view}");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_views_catalogue_tag_gives_the_language() {
        let view = json!({"language": "pt-BR", "locale": "pt-BR", "direction": "ltr"});
        assert_eq!(language_of(&view).unwrap().tag(), "pt-BR");
        assert_eq!(language_of(&json!({"language": "de"})).unwrap().tag(), "de");
    }

    #[test]
    fn a_view_without_a_language_changes_nothing() {
        assert_eq!(language_of(&json!({"locale": "de-DE"})), None);
        assert_eq!(language_of(&Value::Null), None);
    }
}
