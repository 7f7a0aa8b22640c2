//! The windows' titles: in the language spoken now (the daemon's, see `language.rs`), saying
//! "Demo" while the demo runs.

use std::sync::atomic::{AtomicBool, Ordering};

use nctray_api::AppWindow;
use nctray_i18n::{tr, Catalogue, Localizer};
use tauri::{AppHandle, Manager, Runtime};

/// Managed state: whether the daemon runs the demo (its `app_info`), asked at start and again
/// whenever the accounts change.
#[derive(Default)]
pub struct DemoRunning(AtomicBool);

impl DemoRunning {
    pub fn set(&self, running: bool) {
        self.0.store(running, Ordering::Relaxed);
    }

    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The window's title.
pub fn title<R: Runtime>(app: &AppHandle<R>, which: AppWindow) -> String {
    let demo = app.try_state::<DemoRunning>().is_some_and(|d| d.get());
    title_in(&nctray_i18n::localizer(Catalogue::App), which, demo)
}

fn title_in(text: &Localizer, which: AppWindow, demo: bool) -> String {
    let plain = match which {
        AppWindow::Popover => text.text("window-title-popover"),
        AppWindow::Status => text.text("window-title-status"),
        AppWindow::Chat => text.text("window-title-chat"),
        AppWindow::Accounts => text.text("window-title-accounts"),
    };
    if demo {
        tr!(text, "window-title-demo", title = plain)
    } else {
        plain
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

#[cfg(test)]
mod tests {
    use nctray_i18n::Language;

    use super::*;

    #[test]
    fn titles_follow_the_language_and_say_when_the_demo_runs() {
        let english = Localizer::new(&Language::english(), Catalogue::App);
        assert_eq!(title_in(&english, AppWindow::Chat, false), "Talk — nctray");
        let demo = title_in(&english, AppWindow::Chat, true);
        assert!(
            demo.contains("Talk — nctray") && demo.contains("Demo"),
            "{demo}"
        );
        let german = Localizer::new(&Language::negotiate(&["de"]), Catalogue::App);
        assert_ne!(
            title_in(&german, AppWindow::Accounts, false),
            title_in(&english, AppWindow::Accounts, false)
        );
    }
}
