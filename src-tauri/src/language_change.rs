//! A change of language reaching everything that shows text, without a restart: the tray
//! menu and tooltip, the window titles, the open windows (`language-changed`) and the server
//! (each account's `Accept-Language`).

use tauri::{AppHandle, Manager};

use crate::ipc::app::language_view;
use crate::language::{self, Chosen, UserLanguage};
use crate::session::Session;
use crate::{tray, ui_events, windows};

/// Tells everything that shows text about `chosen`, the language now spoken.
pub fn announce(app: &AppHandle, chosen: &Chosen) {
    tracing::info!(
        language = %chosen.language,
        locale = chosen.locale,
        "nctray now speaks {}",
        chosen.language
    );
    if let Some(session) = app.try_state::<Session>() {
        for engine in session.engines() {
            language::speak_to(&engine);
        }
    }
    tray::redraw(app, None);
    windows::retitle_all(app);
    ui_events::emit(app, ui_events::LANGUAGE_CHANGED, language_view(chosen));
}

/// Speaks the primary account's user's language: the cached one at once, then the one the
/// server has now (the person may have changed it in Nextcloud). Without an account, the
/// desktop's again.
pub fn follow_primary(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Some(engine) = app.state::<Session>().primary() else {
            return follow_user(&app, None);
        };
        let cached = {
            let engine = engine.clone();
            tauri::async_runtime::spawn_blocking(move || engine.cached_user())
                .await
                .ok()
                .and_then(Result::ok)
                .flatten()
        };
        if let Some(user) = &cached {
            follow_user(&app, Some(UserLanguage::from(user)));
        }
        match engine.refresh_user().await {
            Ok(user) => follow_user(&app, Some(UserLanguage::from(&user))),
            Err(error) => tracing::debug!("the user's language stays as cached: {error}"),
        }
    });
}

/// The primary account's user is now `user` (None: no account is signed in).
pub fn follow_user(app: &AppHandle, user: Option<UserLanguage>) {
    if let Some(chosen) = language::update(|inputs| inputs.user = user) {
        announce(app, &chosen);
    }
}
