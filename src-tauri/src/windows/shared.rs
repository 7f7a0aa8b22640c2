//! One web content process for all windows: WebKitGTK starts one per web view unless a new
//! view is created related to an open one, and each costs tens of MB (docs/benchmarks.md).

use std::cell::RefCell;

use tauri::{AppHandle, Manager, Runtime};
use webkit2gtk::WebView;

thread_local! {
    /// Hands the web view out of `with_webview`'s closure, which must be `Send`.
    static FOUND: RefCell<Option<WebView>> = const { RefCell::new(None) };
}

/// The web view of an open window, if any. Windows are opened on the main thread, where
/// `with_webview` runs its closure at once.
pub fn open_web_view<R: Runtime>(app: &AppHandle<R>) -> Option<WebView> {
    let window = app.webview_windows().into_values().next()?;
    window
        .with_webview(|platform| FOUND.with(|found| *found.borrow_mut() = Some(platform.inner())))
        .ok()?;
    FOUND.with(|found| found.borrow_mut().take())
}
