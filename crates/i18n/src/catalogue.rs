//! The embedded catalogue files (build.rs lists `locales/*/*.ftl`).

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// One catalogue file, the same name in every language folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Catalogue {
    /// `app.ftl`: tray menu, desktop popups, window titles, errors shown to people, sign-in.
    App,
    /// `cli.ftl`: the command line's human output.
    Cli,
    /// `ui.ftl`: the windows' own texts (the windows load it themselves; here for the tests).
    Ui,
}

impl Catalogue {
    pub const ALL: [Catalogue; 3] = [Catalogue::App, Catalogue::Cli, Catalogue::Ui];

    /// The file's name without `.ftl`.
    pub fn stem(self) -> &'static str {
        match self {
            Catalogue::App => "app",
            Catalogue::Cli => "cli",
            Catalogue::Ui => "ui",
        }
    }

    /// This file's source in the language folder `language` (e.g. "pt-BR"), if it exists.
    pub fn source(self, language: &str) -> Option<&'static str> {
        EMBEDDED
            .iter()
            .find(|(folder, stem, _)| *folder == language && *stem == self.stem())
            .map(|(_, _, source)| *source)
    }
}

/// The language folders under `locales/`, sorted.
pub(crate) fn folders() -> Vec<&'static str> {
    let mut folders: Vec<&'static str> = EMBEDDED.iter().map(|(folder, _, _)| *folder).collect();
    folders.dedup();
    folders
}

/// Every embedded file as (language folder, file stem, source): for the completeness tests.
#[doc(hidden)]
pub fn embedded() -> &'static [(&'static str, &'static str, &'static str)] {
    EMBEDDED
}
