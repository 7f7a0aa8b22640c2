//! Formats one catalogue's messages in one language, falling back to English message by
//! message (a translation that lacks a new message still shows it, in English).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::catalogue::Catalogue;
use crate::language::{Language, ENGLISH};

/// One catalogue in one language. Send + Sync (the concurrent bundle), so one can be shared by
/// the tray, the popups and the IPC commands.
pub struct Localizer {
    language: Language,
    catalogue: Catalogue,
    /// The language's own file (None for English or when the language lacks this file), then
    /// English.
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Localizer {
    pub fn new(language: &Language, catalogue: Catalogue) -> Localizer {
        let mut bundles = Vec::new();
        if language.tag() != ENGLISH {
            if let Some(bundle) = bundle(language, catalogue) {
                bundles.push(bundle);
            }
        }
        bundles.extend(bundle(&Language::english(), catalogue));
        Localizer {
            language: language.clone(),
            catalogue,
            bundles,
        }
    }

    pub fn language(&self) -> &Language {
        &self.language
    }

    pub fn catalogue(&self) -> Catalogue {
        self.catalogue
    }

    /// The message `id` without variables; the id itself when no catalogue has it.
    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its variables (`{ $count }` …) from `args`.
    pub fn text_with(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.format(id, Some(args))
    }

    /// Whether this language's own file or English has `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().any(|bundle| bundle.has_message(id))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
                continue;
            };
            // Errors (a variable not passed) still leave a readable text with `{$name}` in it;
            // the catalogue tests catch them before a person does.
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        id.to_string()
    }
}

fn bundle(language: &Language, catalogue: Catalogue) -> Option<FluentBundle<FluentResource>> {
    let source = catalogue.source(&language.tag())?;
    // A catalogue that does not parse keeps the messages that do (the tests fail on it).
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new_concurrent(vec![language.id().clone()]);
    // Fluent wraps each variable in FSI…PDI marks so right-to-left and left-to-right text mix
    // correctly in HTML; tray menus, popups and terminals show them as boxes or garbage, so only
    // the windows' catalogue keeps them.
    bundle.set_use_isolating(catalogue == Catalogue::Ui);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tr;

    #[test]
    fn a_message_id_no_catalogue_has_comes_back_as_itself() {
        let english = Localizer::new(&Language::english(), Catalogue::App);
        assert_eq!(english.text("no-such-message"), "no-such-message");
        assert!(!english.has("no-such-message"));
    }

    #[test]
    fn variables_come_out_without_bidi_isolation_marks_in_the_app_catalogue() {
        let english = Localizer::new(&Language::english(), Catalogue::App);
        let text = tr!(english, "popup-summary-notifications", count = 5);
        assert!(text.contains('5'), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
    }
}
