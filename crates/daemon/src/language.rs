//! Which language nctray speaks, and the date/number locale and time zone the windows use.
//! Most important first: `--lang`, the settings' override, the Nextcloud user's language
//! (the primary account's `cloud/user`), the desktop's `LC_ALL`/`LC_MESSAGES`/`LANG`.
//! The first of them nctray has a catalogue for wins.

use std::sync::{Arc, Mutex};

use nctray_engine::{Engine, UserMetadata};
use nctray_i18n::{Catalogue, Direction, Language, Localizer};

/// The tray's, popups' and errors' texts in the language spoken now.
pub fn app() -> Arc<Localizer> {
    nctray_i18n::localizer(Catalogue::App)
}

/// What the language is chosen from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// `--lang` of this run.
    pub command_line: Option<String>,
    /// The settings' override (`language` in config.json); None = automatic.
    pub setting: Option<String>,
    /// The primary account's user, when one is signed in.
    pub user: Option<UserLanguage>,
}

/// The language settings of a Nextcloud user (Nextcloud's codes: "de", "pt_BR", "de_CH").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserLanguage {
    pub language: Option<String>,
    pub locale: Option<String>,
    pub time_zone: Option<String>,
}

impl From<&UserMetadata> for UserLanguage {
    fn from(user: &UserMetadata) -> Self {
        UserLanguage {
            language: user.language.clone(),
            locale: user.locale.clone(),
            time_zone: user.timezone.clone(),
        }
    }
}

/// The desktop's settings, read once from the environment (tests make their own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desktop {
    /// For messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
    pub messages: Option<String>,
    /// For dates and numbers: `LC_ALL`, else `LC_TIME`, else `LANG`.
    pub time: Option<String>,
    /// `TZ`, when it names a zone.
    pub time_zone: Option<String>,
}

impl Desktop {
    pub fn from_environment() -> Desktop {
        let first = |names: &[&str]| {
            names
                .iter()
                .filter_map(|name| std::env::var(name).ok())
                .find(|value| !value.is_empty())
        };
        Desktop {
            messages: first(&["LC_ALL", "LC_MESSAGES", "LANG"]),
            time: first(&["LC_ALL", "LC_TIME", "LANG"]),
            // `TZ=:Europe/Berlin` is as good as `TZ=Europe/Berlin`; a rule like `CET-1` is no
            // IANA name and Intl would refuse it.
            time_zone: first(&["TZ"])
                .map(|tz| tz.trim_start_matches(':').to_owned())
                .filter(|tz| tz.contains('/') || tz == "UTC"),
        }
    }
}

/// What nctray speaks now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub language: Language,
    /// BCP 47, for dates and numbers.
    pub locale: String,
    pub time_zone: Option<String>,
    /// The settings' override.
    pub choice: Option<String>,
}

impl Chosen {
    pub fn direction(&self) -> Direction {
        self.language.direction()
    }

    /// The `Accept-Language` the server gets: the language, English after it (the server's
    /// texts exist in English when not in the language).
    pub fn accept_language(&self) -> String {
        match self.language.tag().as_str() {
            "en" => "en".to_owned(),
            tag => format!("{tag}, en;q=0.5"),
        }
    }
}

/// Works out the language, locale and time zone from `inputs` and the desktop.
pub fn choose(inputs: &Inputs, desktop: &Desktop) -> Chosen {
    let user = inputs.user.clone().unwrap_or_default();
    let asked: Vec<&str> = [
        inputs.command_line.as_deref(),
        inputs.setting.as_deref(),
        user.language.as_deref(),
        desktop.messages.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let language = Language::negotiate(&asked);
    // Nextcloud formats dates by the user's locale, and by their language when no locale is
    // set; without an account the desktop's LC_TIME says how. Only a locale of the language
    // nctray speaks is taken: Intl's words ("yesterday", month names) come from the locale, and
    // a Polish window with German month names (an override in settings) reads as broken.
    let locale = [
        user.locale.as_deref(),
        user.language.as_deref(),
        desktop.time.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|asked| !matches!(asked.split('.').next(), Some("C" | "POSIX")))
    .filter_map(Language::bcp47)
    .find(|locale| same_language(locale, &language.tag()))
    .unwrap_or_else(|| language.tag());
    Chosen {
        language,
        locale,
        time_zone: user.time_zone.or_else(|| desktop.time_zone.clone()),
        choice: inputs.setting.clone(),
    }
}

/// `de-CH` and `de` are one language; `pt-PT` and `pt-BR` count as one too (the region is the
/// locale's business).
fn same_language(locale: &str, language: &str) -> bool {
    let primary = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(locale) == primary(language)
}

struct State {
    inputs: Inputs,
    desktop: Desktop,
    chosen: Chosen,
}

fn state() -> &'static Mutex<State> {
    static STATE: std::sync::OnceLock<Mutex<State>> = std::sync::OnceLock::new();
    STATE.get_or_init(|| {
        let desktop = Desktop::from_environment();
        let inputs = Inputs::default();
        let chosen = choose(&inputs, &desktop);
        Mutex::new(State {
            inputs,
            desktop,
            chosen,
        })
    })
}

/// What nctray speaks now.
pub fn chosen() -> Chosen {
    state().lock().unwrap().chosen.clone()
}

/// Changes an input and speaks what follows from it; the new choice when it changed (the
/// caller redraws), None when everything stays as it was.
pub fn update(change: impl FnOnce(&mut Inputs)) -> Option<Chosen> {
    let chosen = {
        let mut state = state().lock().unwrap();
        change(&mut state.inputs);
        let chosen = choose(&state.inputs, &state.desktop);
        if chosen == state.chosen {
            return None;
        }
        state.chosen = chosen.clone();
        chosen
    };
    nctray_i18n::set_current(chosen.language.clone());
    Some(chosen)
}

/// Starts speaking the language of `--lang` or of the settings (the user's comes later, once
/// an account is open).
pub fn start(command_line: Option<String>, setting: Option<String>) {
    update(|inputs| {
        inputs.command_line = command_line;
        inputs.setting = setting;
    });
    nctray_i18n::set_current(chosen().language);
    // Every account's server answers in the language spoken (texts it words itself).
    nctray_engine::accounts::set_on_open(speak_to);
}

/// A `--lang` or settings value nctray can speak; the error says which it can.
pub fn check_choice(asked: &str) -> Result<(), String> {
    match Language::find(asked) {
        Some(_) => Ok(()),
        None => Err(app_text_unknown_language(asked)),
    }
}

fn app_text_unknown_language(asked: &str) -> String {
    let available: Vec<String> = Language::available().iter().map(Language::tag).collect();
    nctray_i18n::tr!(
        app(),
        "language-unknown",
        language = asked,
        available = available.join(", ")
    )
}

/// Makes the engine's requests ask the server for the language spoken now.
pub fn speak_to(engine: &Engine) {
    if let Err(error) = engine
        .client()
        .set_accept_language(Some(&chosen().accept_language()))
    {
        tracing::warn!("cannot send the language to the server: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desktop(lang: &str) -> Desktop {
        Desktop {
            messages: Some(lang.into()),
            time: Some(lang.into()),
            time_zone: None,
        }
    }

    fn user(language: &str, locale: &str) -> Option<UserLanguage> {
        Some(UserLanguage {
            language: Some(language.into()),
            locale: (!locale.is_empty()).then(|| locale.into()),
            time_zone: Some("Europe/Zurich".into()),
        })
    }

    #[test]
    fn the_nextcloud_users_language_and_locale_win_over_the_desktops() {
        let inputs = Inputs {
            user: user("de", "de_CH"),
            ..Inputs::default()
        };
        let chosen = choose(&inputs, &desktop("pl_PL.UTF-8"));
        assert_eq!(chosen.language.tag(), "de");
        assert_eq!(chosen.locale, "de-CH");
        assert_eq!(chosen.time_zone.as_deref(), Some("Europe/Zurich"));
        assert_eq!(chosen.accept_language(), "de, en;q=0.5");
    }

    #[test]
    fn without_an_account_the_desktop_decides_and_c_means_english() {
        let german = choose(&Inputs::default(), &desktop("de_DE.UTF-8"));
        assert_eq!(
            (german.language.tag(), german.locale),
            ("de".into(), "de-DE".into())
        );
        let plain = choose(&Inputs::default(), &desktop("C"));
        assert_eq!(
            (plain.language.tag(), plain.locale.as_str()),
            ("en".into(), "en")
        );
        assert_eq!(plain.accept_language(), "en");
    }

    #[test]
    fn the_settings_override_wins_over_the_user_and_the_command_line_over_both() {
        let mut inputs = Inputs {
            setting: Some("pl".into()),
            user: user("de", ""),
            ..Inputs::default()
        };
        let chosen = choose(&inputs, &desktop("C"));
        assert_eq!(chosen.language.tag(), "pl");
        assert_eq!(chosen.choice.as_deref(), Some("pl"));
        // Dates follow the language spoken, not the user's German: no German month names in a
        // Polish window.
        assert_eq!(chosen.locale, "pl");
        inputs.command_line = Some("en".into());
        assert_eq!(choose(&inputs, &desktop("C")).language.tag(), "en");
    }

    #[test]
    fn a_locale_of_the_spoken_language_keeps_its_region() {
        let inputs = Inputs {
            setting: Some("de".into()),
            user: user("en", "de_AT"),
            ..Inputs::default()
        };
        assert_eq!(choose(&inputs, &desktop("C")).locale, "de-AT");
        let english_user_german_desktop = Inputs {
            setting: Some("de".into()),
            user: user("en", ""),
            ..Inputs::default()
        };
        assert_eq!(
            choose(&english_user_german_desktop, &desktop("de_CH.UTF-8")).locale,
            "de-CH"
        );
    }

    #[test]
    fn a_user_language_without_a_catalogue_gives_way_to_the_desktops() {
        let inputs = Inputs {
            user: user("eo", ""),
            ..Inputs::default()
        };
        assert_eq!(
            choose(&inputs, &desktop("de_AT.UTF-8")).language.tag(),
            "de"
        );
    }
}
