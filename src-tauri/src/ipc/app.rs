//! Window-level commands: open a window, the theme, the language, links to the browser.

use nctray_engine::Paths;
use tauri::{AppHandle, State};

use nctray_i18n::{Direction, Language};

use super::types::{AppInfo, LanguageChoice, LanguageView, TextDirection, Theme};
use super::CommandResult;
use crate::config::AppConfig;
use crate::language;
use crate::links;
use crate::session::Session;
use crate::windows::{self, AppWindow};

#[tauri::command]
pub fn open_window(app: AppHandle, name: String) -> CommandResult<()> {
    let which: AppWindow = name.parse().map_err(super::invalid)?;
    windows::open(&app, which).map_err(super::internal)?;
    Ok(())
}

/// Light or dark as the user chose, and the server's theming colour.
#[tauri::command]
pub async fn app_theme(session: State<'_, Session>) -> CommandResult<Theme> {
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
#[tauri::command]
pub fn open_link(url: String) -> CommandResult<()> {
    links::open_in_browser(&url)
}

/// The version, whether the demo runs, and where the log is.
#[tauri::command]
pub fn app_info(session: State<'_, Session>) -> CommandResult<AppInfo> {
    let paths = Paths::from_platform()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: session.demo_running(),
        log_dir: paths.log_dir().display().to_string(),
    })
}

/// Opens the log folder in the desktop's file manager.
#[tauri::command]
pub fn open_log_folder() -> CommandResult<()> {
    let dir = Paths::from_platform()?.log_dir();
    std::fs::create_dir_all(&dir).map_err(super::internal)?;
    links::open_folder(&dir)
}

/// The language the windows show, their locale and time zone, and the languages to choose.
#[tauri::command]
pub fn app_language() -> LanguageView {
    language_view(&language::chosen())
}

/// Changes the settings' language override (None = automatic): kept in the config, and
/// the tray, the titles and every window follow at once (`language-changed`).
#[tauri::command]
pub async fn set_language(app: AppHandle, choice: Option<String>) -> CommandResult<LanguageView> {
    if let Some(asked) = &choice {
        language::check_choice(asked).map_err(super::invalid)?;
    }
    let paths = Paths::from_platform()?;
    let saved = choice.clone();
    super::blocking(move || {
        AppConfig::update(&paths, |config| {
            config.language = saved;
            Ok(())
        })
        .map_err(|e| super::internal(format!("{e:#}")))
    })
    .await?;
    if let Some(chosen) = language::update(|inputs| inputs.setting = choice) {
        crate::language_change::announce(&app, &chosen);
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
