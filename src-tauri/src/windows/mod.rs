//! The windows: each is created when first opened and destroyed when closed, so an idle
//! nctray holds no webview process. The front end picks its view from the window's label.

use std::str::FromStr;

mod position;

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::webview::NewWindowResponse;
use tauri::{
    AppHandle, Manager, Rect, Runtime, Url, WebviewUrl, WebviewWindow, WebviewWindowBuilder,
    WindowEvent,
};

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

    /// The title in the language spoken now.
    fn title(self) -> String {
        let text = crate::language::app();
        match self {
            AppWindow::Popover => text.text("window-title-popover"),
            AppWindow::Status => text.text("window-title-status"),
            AppWindow::Chat => text.text("window-title-chat"),
            AppWindow::Accounts => text.text("window-title-accounts"),
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
            .title(title(app, which))
            .inner_size(width, height)
            .min_inner_size(340.0, 400.0)
            .visible(true)
            .focused(true)
            // The windows show the app and nothing else: a link or script that would lead
            // elsewhere, or open a window, is refused (links go to the browser, links.rs).
            .on_navigation(|url| {
                let own = is_app_page(url);
                if !own {
                    tracing::warn!("refused to leave the app for {url}");
                }
                own
            })
            .on_new_window(|url, _| {
                tracing::warn!("refused to open a window for {url}");
                NewWindowResponse::Deny
            })
            .build()?;
    if which == AppWindow::Popover {
        close_when_left(&window);
    }
    if which == AppWindow::Chat {
        tell_sync_while_open(&window);
    }
    Ok(window)
}

/// While the quick chat is open, the sync keeps its account's room list fresh.
fn tell_sync_while_open<R: Runtime>(window: &WebviewWindow<R>) {
    let app = window.app_handle().clone();
    let chat_open = move |open: bool| {
        if let Some(session) = app.try_state::<crate::session::Session>() {
            session.set_chat_open(open);
        }
    };
    chat_open(true);
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Destroyed) {
            chat_open(false);
        }
    });
}

/// Whether `url` is the app's own front end (`tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows).
fn is_app_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The window's title, which says "Demo" while the demo runs.
fn title<R: Runtime>(app: &AppHandle<R>, which: AppWindow) -> String {
    let demo = app
        .try_state::<crate::session::Session>()
        .is_some_and(|session| session.demo_running());
    if demo {
        nctray_i18n::tr!(
            crate::language::app(),
            "window-title-demo",
            title = which.title()
        )
    } else {
        which.title()
    }
}

/// Gives every open window its title again (the demo started or ended, the language changed).
pub fn retitle_all<R: Runtime>(app: &AppHandle<R>) {
    for which in AppWindow::ALL {
        if let Some(window) = app.get_webview_window(which.label()) {
            let _ = window.set_title(&title(app, which));
        }
    }
}

/// A left click on the tray icon: closes the popover when it is open, else opens it next to
/// the icon (`icon` is the icon's place on screen).
pub fn toggle_popover<R: Runtime>(app: &AppHandle<R>, icon: Rect) {
    if let Some(open) = app.get_webview_window(AppWindow::Popover.label()) {
        let _ = open.close();
        return;
    }
    match open(app, AppWindow::Popover) {
        Ok(window) => position::next_to_icon(&window, icon),
        Err(error) => tracing::warn!("cannot open the popover: {error}"),
    }
}

/// A popover goes away when the user turns to something else, as tray popovers do; only
/// after it had the focus once, since some window managers never give it.
fn close_when_left<R: Runtime>(window: &WebviewWindow<R>) {
    let had_focus = AtomicBool::new(false);
    let closing = window.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::Focused(focused) = event {
            if *focused {
                had_focus.store(true, Ordering::Relaxed);
            } else if had_focus.load(Ordering::Relaxed) {
                let _ = closing.close();
            }
        }
    });
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

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        let own = |url: &str| is_app_page(&Url::parse(url).unwrap());
        assert!(own("tauri://localhost/index.html"));
        assert!(own("http://tauri.localhost/index.html"));
        for elsewhere in [
            "https://example.com/",
            "http://localhost:8080/",
            "tauri://example.com/",
            "file:///etc/passwd",
            "nctray-img://localhost/x",
            "https://tauri.localhost.example.com/",
        ] {
            assert!(!own(elsewhere), "{elsewhere}");
        }
    }
}
