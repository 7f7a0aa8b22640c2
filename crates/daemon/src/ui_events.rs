//! What the windows hear from the daemon: events named here once, sent as the API's `Event`
//! signal (the window process hands them to every open window; none is open most of the time,
//! which costs nothing).

use nctray_engine::accounts::Accounts;
use nctray_engine::{StatusSnapshot, StatusView};

use crate::app::App;
use crate::tray;

pub const STATUS_CHANGED: &str = "status-changed";
pub const NOTIFICATIONS_CHANGED: &str = "notifications-changed";
pub const UNREAD_CHANGED: &str = "unread-changed";
/// An account was added, removed, switched to, paused or resumed, or its connection changed
/// (no payload: windows ask again for what they show).
pub const ACCOUNT_STATE: &str = "account-state";
/// The language, locale or time zone changed (payload: `LanguageView`): the windows load
/// their catalogue again and redraw.
pub const LANGUAGE_CHANGED: &str = "language-changed";
/// The windows now show another account: they load everything again.
pub const ACCOUNT_SWITCHED: &str = "account-switched";
/// Every account's engine event as it happens (payload: [`FromEngine`]), for `nctray watch`
/// attached to the daemon.
pub const ENGINE_EVENT: &str = "engine-event";

/// An engine event and the account it came from.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FromEngine {
    pub account: String,
    pub event: nctray_engine::EngineEvent,
}

/// A status change made from a window (on the account the windows show). Returns the
/// status as the caller's reply shows it.
pub fn announce_status(app: &App, snapshot: StatusSnapshot) -> StatusView {
    if let Ok(current) = app.state::<Accounts>().current() {
        announce_status_of(app, &current.account().key(), &snapshot);
    }
    StatusView::from(&snapshot)
}

/// The one place a status change goes out, whoever made it (a sync, the tray menu, a window,
/// the API): the tray (the primary account's icon and menu, another's line), the windows when
/// it is the account they show, `nctray watch` and the API's properties.
pub fn announce_status_of(app: &App, account: &str, snapshot: &StatusSnapshot) {
    let session = app.state::<Accounts>();
    let fresh = session.is_primary(account).then(|| snapshot.clone());
    tray::redraw(app, fresh);
    let shown = session
        .current()
        .is_ok_and(|current| current.account().key() == account);
    if shown {
        app.emit(STATUS_CHANGED, StatusView::from(snapshot));
    }
    app.emit(
        ENGINE_EVENT,
        FromEngine {
            account: account.to_owned(),
            event: nctray_engine::EngineEvent::Status(Box::new(snapshot.clone())),
        },
    );
    app.properties_changed();
}
