//! What the windows hear from the Rust side: events named here once, emitted to every
//! open window (none is open most of the time, which costs nothing).

use nctray_engine::StatusSnapshot;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::session::Session;
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

pub fn emit<T: Serialize + Clone>(app: &AppHandle, event: &str, payload: T) {
    if let Err(error) = app.emit(event, payload) {
        tracing::debug!("cannot tell the windows about {event}: {error}");
    }
}

/// A status change made from a window: the tray follows when it is the primary account,
/// and every window hears it. Returns the snapshot for the caller's reply.
pub fn announce_status(app: &AppHandle, snapshot: StatusSnapshot) -> StatusSnapshot {
    let session = app.state::<Session>();
    let is_primary = match (session.primary(), session.current()) {
        (Some(primary), Ok(current)) => primary.account().key() == current.account().key(),
        _ => false,
    };
    if is_primary {
        tray::redraw(app, Some(snapshot.clone()));
    }
    emit(app, STATUS_CHANGED, snapshot.clone());
    snapshot
}
