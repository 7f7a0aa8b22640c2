//! The windows: each is created when first opened and destroyed when closed, so an idle
//! nctray holds no webview process. The front end picks its view from the window's label.

use std::str::FromStr;

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// The windows nctray has; the label is also the name used by `--window` and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppWindow {
    /// Notifications and activity, opened from the tray.
    Popover,
    /// The status editor.
    Status,
    /// Talk quick chat.
    Chat,
    /// Sign-in, accounts and settings.
    Accounts,
}

impl AppWindow {
    pub const ALL: [AppWindow; 4] = [
        AppWindow::Popover,
        AppWindow::Status,
        AppWindow::Chat,
        AppWindow::Accounts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppWindow::Popover => "popover",
            AppWindow::Status => "status",
            AppWindow::Chat => "chat",
            AppWindow::Accounts => "accounts",
        }
    }

    fn title(self) -> &'static str {
        match self {
            AppWindow::Popover => "nctray",
            AppWindow::Status => "Set status — nctray",
            AppWindow::Chat => "Talk — nctray",
            AppWindow::Accounts => "Accounts and settings — nctray",
        }
    }

    /// Logical size: small enough for a laptop screen, large enough to need no scrolling
    /// for the common case.
    fn size(self) -> (f64, f64) {
        match self {
            AppWindow::Popover => (420.0, 620.0),
            AppWindow::Status => (460.0, 640.0),
            AppWindow::Chat => (820.0, 600.0),
            AppWindow::Accounts => (560.0, 620.0),
        }
    }
}

impl FromStr for AppWindow {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        AppWindow::ALL
            .into_iter()
            .find(|window| window.label() == name)
            .ok_or_else(|| {
                let names: Vec<_> = AppWindow::ALL.iter().map(|w| w.label()).collect();
                format!(
                    "no window named {name:?}; choose one of {}",
                    names.join(", ")
                )
            })
    }
}

/// Shows `which`, creating it if it is not open; an open one is brought to the front.
pub fn open<R: Runtime>(app: &AppHandle<R>, which: AppWindow) -> tauri::Result<WebviewWindow<R>> {
    if let Some(window) = app.get_webview_window(which.label()) {
        window.unminimize()?;
        window.show()?;
        window.set_focus()?;
        return Ok(window);
    }
    let (width, height) = which.size();
    let window =
        WebviewWindowBuilder::new(app, which.label(), WebviewUrl::App("index.html".into()))
            .title(which.title())
            .inner_size(width, height)
            .min_inner_size(340.0, 400.0)
            .visible(true)
            .focused(true)
            .build()?;
    Ok(window)
}

/// Opens `which` from a non-UI context, logging instead of failing: a window that cannot
/// open must not take the tray down.
pub fn open_or_log<R: Runtime>(app: &AppHandle<R>, which: AppWindow) {
    if let Err(error) = open(app, which) {
        tracing::warn!("cannot open the {} window: {error}", which.label());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_is_found_by_its_label() {
        for window in AppWindow::ALL {
            assert_eq!(window.label().parse::<AppWindow>(), Ok(window));
        }
        assert!("nope".parse::<AppWindow>().is_err());
    }
}
