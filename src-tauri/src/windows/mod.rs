//! The windows: each is created when first opened and destroyed when closed, so an idle
//! nctray holds no webview process. The front end picks its view from the window's label.

mod chat_open;
mod position;
#[cfg(target_os = "linux")]
mod shared;
mod titles;

use std::sync::atomic::{AtomicBool, Ordering};

pub use chat_open::tell_daemon_closed_at_exit;
pub use nctray_api::AppWindow;
pub use titles::{retitle_all, DemoRunning};

use tauri::webview::{NewWindowResponse, PageLoadEvent};
use tauri::{
    AppHandle, Manager, Runtime, Url, WebviewUrl, WebviewWindow, WebviewWindowBuilder, WindowEvent,
};

use crate::args::ScreenPoint;

/// Logical size: small enough for a laptop screen, large enough to need no scrolling for the
/// common case.
fn size(which: AppWindow) -> (f64, f64) {
    match which {
        AppWindow::Popover => (420.0, 620.0),
        AppWindow::Status => (460.0, 640.0),
        AppWindow::Chat => (820.0, 600.0),
        AppWindow::Accounts => (560.0, 620.0),
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
    let (width, height) = size(which);
    let builder =
        WebviewWindowBuilder::new(app, which.label(), WebviewUrl::App("index.html".into()));
    #[cfg(target_os = "linux")]
    let builder = match shared::open_web_view(app) {
        Some(open) => builder.with_related_view(open),
        None => builder,
    };
    let window = builder
        .title(titles::title(app, which))
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
        // The footprint bench times a tray click to this line (window-memory.rs); the
        // front end mounts in its module script, which runs before the load finishes.
        .on_page_load(|window, payload| {
            if payload.event() == PageLoadEvent::Finished {
                tracing::info!("the {} window's page has loaded", window.label());
            }
        })
        .build()?;
    if which == AppWindow::Popover {
        close_when_left(&window);
    }
    if which == AppWindow::Chat {
        chat_open::tell_daemon_while_open(&window);
    }
    Ok(window)
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

/// A window the daemon or a second shell asked for. `at` is where the tray icon was clicked:
/// then the popover toggles (the tray's left click closes an open one) and opens next to it.
pub fn show_requested<R: Runtime>(app: &AppHandle<R>, which: AppWindow, at: Option<ScreenPoint>) {
    let open = app.get_webview_window(which.label());
    if closes_instead(which, at, open.is_some()) {
        if let Some(open) = open {
            let _ = open.close();
        }
        return;
    }
    if let Err(error) = open_at(app, which, at) {
        tracing::warn!("cannot open the {} window: {error}", which.label());
    }
}

/// A click on the tray icon while the popover is open closes it.
fn closes_instead(which: AppWindow, at: Option<ScreenPoint>, open: bool) -> bool {
    which == AppWindow::Popover && at.is_some() && open
}

/// Shows `which`; a popover opened from the tray goes next to the click at `at`.
pub fn open_at<R: Runtime>(
    app: &AppHandle<R>,
    which: AppWindow,
    at: Option<ScreenPoint>,
) -> tauri::Result<()> {
    let window = open(app, which)?;
    if let (AppWindow::Popover, Some(at)) = (which, at) {
        position::next_to_click(&window, at, size(which));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use tauri::test::mock_app;

    use super::*;

    #[test]
    fn a_tray_click_toggles_the_popover_and_a_plain_request_only_shows_it() {
        let click = Some(ScreenPoint { x: 1800, y: 4 });
        assert!(closes_instead(AppWindow::Popover, click, true));
        assert!(!closes_instead(AppWindow::Popover, click, false));
        assert!(!closes_instead(AppWindow::Popover, None, true));
        assert!(!closes_instead(AppWindow::Status, click, true));
    }

    #[test]
    fn a_requested_window_opens_once() {
        let app = mock_app();
        let app = app.handle();
        show_requested(app, AppWindow::Status, None);
        show_requested(app, AppWindow::Status, None);
        assert_eq!(app.webview_windows().len(), 1);
        assert!(app.get_webview_window("status").is_some());
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
