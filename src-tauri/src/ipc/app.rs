//! Window-level commands: open a window, the theme, links to the browser.

use nctray_engine::Paths;
use tauri::{AppHandle, State};

use super::types::{AppInfo, Theme};
use super::CommandResult;
use crate::config::AppConfig;
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
