//! Native desktop notifications. Each Nextcloud notification pops up with its action buttons;
//! a click on it opens its link or the quick chat on its Talk message, and a Talk message can
//! be answered ("Reply", inline where the desktop can take the text).
//!
//! `content` decides what a popup shows and offers, `clicks` what a click does; the desktop's
//! side is per platform: `freedesktop` (Linux, over D-Bus, with the buttons) and `plain`
//! (elsewhere, through notify-rust, text only for now).

mod clicks;
mod content;
#[cfg(target_os = "linux")]
mod freedesktop;
#[cfg(not(target_os = "linux"))]
mod plain;

use std::sync::Arc;

use crate::app::App;
use nctray_engine::{Engine, Popup};

use clicks::Origin;
use content::PopupContent;

const APP_NAME: &str = "nctray";

/// Pops up one Nextcloud notification of `engine`'s account (summary = subject, body =
/// message, its actions as buttons), or a summary of several. Once the desktop took it, the
/// engine is told (`popups_shown`); until then the engine offers it again. `account` names
/// the account in the popup (when several are signed in).
pub fn pop_up(app: &App, engine: &Arc<Engine>, popup: &Popup, account: Option<&str>) {
    let origin = Origin {
        app: app.clone(),
        engine: engine.clone(),
        notification: match popup {
            Popup::One(notification) => Some(notification.clone()),
            Popup::Summary { .. } => None,
        },
    };
    #[cfg(target_os = "linux")]
    freedesktop::send(freedesktop::Outgoing::Engine {
        popup: popup.clone(),
        origin,
        account: account.map(str::to_owned),
    });
    #[cfg(not(target_os = "linux"))]
    {
        // notify-rust gives no answer to wait for here: handed over counts as shown.
        if let Err(error) = engine.popups_shown(&popup.notification_ids()) {
            tracing::warn!("cannot record a shown popup: {error}");
        }
        let _ = account;
        plain::send(PopupContent::of(popup, false), Some(origin));
    }
}

/// Pops up a line of nctray's own, e.g. a failed status change.
pub fn show(summary: &str, body: &str) {
    let line = PopupContent::line(summary, body);
    #[cfg(target_os = "linux")]
    freedesktop::send(freedesktop::Outgoing::Line(line));
    #[cfg(not(target_os = "linux"))]
    plain::send(line, None);
}
