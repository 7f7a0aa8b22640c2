//! Window-level commands: open a window, the theme, the language, links to the browser.

use crate::app::App;
use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::Accounts;
use nctray_engine::Paths;
use nctray_engine::{blocking, ErrorReport};

use nctray_i18n::{Direction, Language};

use super::types::{AppInfo, LanguageChoice, LanguageView, TextDirection, Theme};
use super::CommandResult;
use crate::language;
use crate::links;
use crate::shell;
use nctray_api::AppWindow;

pub async fn open_window(app: &App, name: String) -> CommandResult<()> {
    let which: AppWindow = name.parse().map_err(ErrorReport::invalid)?;
    shell::open_or_log(app, which);
    Ok(())
}

/// Light or dark as the user chose, and the server's theming colour.
pub async fn app_theme(app: &App) -> CommandResult<Theme> {
    let session = app.state::<Accounts>();
    let appearance = Paths::from_platform()
        .ok()
        .and_then(|paths| AppConfig::load(&paths).ok())
        .map(|config| config.appearance)
        .unwrap_or_default();
    // The capabilities are cached with their ETag: this costs a 304 at most.
    let color = match session.current() {
        Ok(engine) => engine
            .capabilities()
            .await
            .ok()
            .and_then(|caps| caps.theming)
            .and_then(|theming| theming.color),
        Err(_) => None,
    };
    Ok(Theme { appearance, color })
}

/// Opens an http(s) link in the browser; anything else is refused.
pub async fn open_link(_app: &App, url: String) -> CommandResult<()> {
    links::open_in_browser(&url)
}

/// The version, whether the demo runs, and where the log is.
pub async fn app_info(app: &App) -> CommandResult<AppInfo> {
    let session = app.state::<Accounts>();
    let paths = Paths::from_platform()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: session.demo_running(),
        log_dir: paths.log_dir().display().to_string(),
    })
}

/// Opens the log folder in the desktop's file manager.
pub async fn open_log_folder(_app: &App) -> CommandResult<()> {
    let dir = Paths::from_platform()?.log_dir();
    std::fs::create_dir_all(&dir).map_err(ErrorReport::internal)?;
    links::open_folder(&dir)
}

/// The language the windows show, their locale and time zone, and the languages to choose.
pub async fn app_language(_app: &App) -> CommandResult<LanguageView> {
    Ok(language_view(&language::chosen()))
}

/// Changes the settings' language override (None = automatic): kept in the config, and
/// the tray, the titles and every window follow at once (`language-changed`).
pub async fn set_language(app: &App, choice: Option<String>) -> CommandResult<LanguageView> {
    if let Some(asked) = &choice {
        language::check_choice(asked).map_err(ErrorReport::invalid)?;
    }
    let paths = Paths::from_platform()?;
    let saved = choice.clone();
    blocking(move || {
        AppConfig::update(&paths, |config| {
            config.language = saved;
            Ok(())
        })
        .map_err(ErrorReport::internal)
    })
    .await?;
    if let Some(chosen) = language::update(|inputs| inputs.setting = choice) {
        crate::language_change::announce(app, &chosen);
    }
    Ok(language_view(&language::chosen()))
}

pub fn language_view(chosen: &language::Chosen) -> LanguageView {
    LanguageView {
        language: chosen.language.tag(),
        locale: chosen.locale.clone(),
        direction: match chosen.direction() {
            Direction::Ltr => TextDirection::Ltr,
            Direction::Rtl => TextDirection::Rtl,
        },
        time_zone: chosen.time_zone.clone(),
        choice: chosen.choice.clone(),
        available: Language::available()
            .iter()
            .map(|language| LanguageChoice {
                id: language.tag(),
                name: language.native_name(),
            })
            .collect(),
    }
}

/// Starts the demo (the window process was started with `--demo`).
pub async fn start_demo(app: &App) -> CommandResult<()> {
    crate::daemon::start_demo(app);
    Ok(())
}

/// The window a window process started without `--window` shows: the accounts window on a
/// first run (no account configured), leading the person to sign in; else none.
pub async fn first_window(app: &App) -> CommandResult<Option<String>> {
    let session = app.state::<Accounts>();
    let first_run = session.keyring_wait().accounts.is_empty()
        && session.engines().is_empty()
        && !session.demo_running();
    Ok(first_run.then(|| AppWindow::Accounts.label().to_owned()))
}
