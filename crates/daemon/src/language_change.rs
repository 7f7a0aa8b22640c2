//! A change of language reaching everything that shows text, without a restart: the tray
//! menu and tooltip, the window titles, the open windows (`language-changed`) and the server
//! (each account's `Accept-Language`).

use nctray_engine::accounts::Accounts;

use crate::app::App;

use crate::ipc::app::language_view;
use crate::language::{self, Chosen, UserLanguage};
use crate::{tray, ui_events};

/// Tells everything that shows text about `chosen`, the language now spoken.
pub fn announce(app: &App, chosen: &Chosen) {
    tracing::info!(
        language = %chosen.language,
        locale = chosen.locale,
        "nctray now speaks {}",
        chosen.language
    );
    {
        let session = app.state::<Accounts>();
        for engine in session.engines() {
            language::speak_to(&engine);
        }
    }
    tray::redraw(app, None);
    app.emit(ui_events::LANGUAGE_CHANGED, language_view(chosen));
}

/// Speaks the primary account's user's language: the cached one at once, then the one the
/// server has now (the person may have changed it in Nextcloud). Without an account, the
/// desktop's again.
pub fn follow_primary(app: &App) {
    let app = app.clone();
    tokio::spawn(async move {
        let Some(engine) = app.state::<Accounts>().primary() else {
            return follow_user(&app, None);
        };
        let cached = {
            let engine = engine.clone();
            tokio::task::spawn_blocking(move || engine.cached_user())
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
pub fn follow_user(app: &App, user: Option<UserLanguage>) {
    if let Some(chosen) = language::update(|inputs| inputs.user = user) {
        announce(app, &chosen);
    }
}
