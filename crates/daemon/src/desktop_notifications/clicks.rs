//! What a click on a popup does: open its link or the quick chat, run one of the
//! notification's actions through the engine, or send an inline reply into the Talk room.

use std::sync::Arc;

use crate::app::App;
use nctray_engine::nextcloud::{ActionType, Notification};
use nctray_engine::Engine;

use super::content::{reply_target, talk_target, Choice};
use crate::chat_target::{open_chat_at, ChatTarget};
use crate::links;
use crate::shell;
use crate::ui_events;
use nctray_api::AppWindow;

/// Where a popup came from: the account, and the notification (none for a summary).
#[derive(Clone)]
pub struct Origin {
    pub app: App,
    pub engine: Arc<Engine>,
    pub notification: Option<Box<Notification>>,
}

/// What the user did with a popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Chose(Choice),
    /// Text typed into the popup's reply field.
    Replied(String),
}

/// Carries out `response`. Failures are told on the desktop or logged: nothing waits for them.
pub async fn respond(origin: Origin, response: Response) {
    let Some(notification) = origin.notification.as_deref() else {
        // A summary of several notifications: the list shows them.
        return shell::open_or_log(&origin.app, AppWindow::Popover);
    };
    match response {
        Response::Chose(Choice::Open) => open(&origin, notification),
        Response::Chose(Choice::Action(index)) => run_action(&origin, notification, index).await,
        Response::Chose(Choice::Reply) => match reply_target(notification) {
            Some(target) => open_chat(&origin.app, target),
            None => open(&origin, notification),
        },
        Response::Replied(text) => send_reply(&origin, notification, &text).await,
    }
}

/// A click on the popup itself: Talk opens the quick chat there, the rest its link.
fn open(origin: &Origin, notification: &Notification) {
    if let Some(target) = talk_target(notification) {
        return open_chat(&origin.app, target);
    }
    match notification.link.as_deref().filter(|l| !l.is_empty()) {
        Some(link) => open_link(&origin.engine, link),
        // Nothing to open outside: the list is where the notification can be acted on.
        None => shell::open_or_log(&origin.app, AppWindow::Popover),
    }
}

async fn run_action(origin: &Origin, notification: &Notification, index: usize) {
    let Some(action) = notification.actions.get(index) else {
        return tracing::warn!(
            "notification {} has no action {index}",
            notification.notification_id
        );
    };
    if action.kind == ActionType::Web {
        return open_link(&origin.engine, &action.link);
    }
    let id = notification.notification_id;
    match origin.engine.notifications().run_action(id, index).await {
        Ok(()) => {
            tracing::info!("ran the action {:?} of notification {id}", action.label);
            origin.app.emit(ui_events::NOTIFICATIONS_CHANGED, ());
        }
        Err(error) => super::show(
            &format!("nctray: \"{}\" did not work", action.label),
            &error.to_string(),
        ),
    }
}

async fn send_reply(origin: &Origin, notification: &Notification, text: &str) {
    let Some(target) = reply_target(notification) else {
        return tracing::warn!(
            "a reply to notification {}, which is no Talk message",
            notification.notification_id
        );
    };
    let sent = origin
        .engine
        .talk()
        .send_message(&target.token, text, target.message_id)
        .await;
    match sent {
        Ok(message) => tracing::info!(
            "replied in Talk room {} (message {})",
            target.token,
            message.id
        ),
        Err(error) => {
            super::show("nctray: the reply was not sent", &error.to_string());
            // The quick chat, focused on the composer, is where to try again.
            open_chat(&origin.app, target);
        }
    }
}

fn open_chat(app: &App, target: ChatTarget) {
    tracing::info!("opening the quick chat on Talk room {}", target.token);
    open_chat_at(app, target);
}

/// Opens a link of the account's server; a relative one is taken from the server's address.
/// Only http(s) reaches the browser (see `links`).
fn open_link(engine: &Engine, link: &str) {
    let url = match engine.client().server().join(link) {
        Ok(url) => url,
        Err(error) => return tracing::warn!("not opening {link:?}: {error}"),
    };
    match links::open_in_browser(url.as_str()) {
        Ok(()) => tracing::info!("opened {url} in the browser"),
        Err(refused) => tracing::warn!("not opening {link:?}: {}", refused.message),
    }
}
