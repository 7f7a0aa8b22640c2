//! Opening the quick chat on a given room (and message): what a click on a Talk notification
//! does, "Reply" included.
//!
//! The target waits in managed state until the chat window takes it, because a window that is
//! being created cannot hear an event yet. So: [`open_chat_at`] stores the target, opens (or
//! raises) the chat window and emits [`CHAT_TARGET`]; the window calls `chat_take_target` when
//! it mounts and again whenever it hears the event. Whoever takes first gets the target, so it
//! is acted on exactly once.

use std::sync::{Mutex, PoisonError};

use nctray_api::AppWindow;
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::shell;

/// The event that tells an open chat window to take the waiting target.
pub const CHAT_TARGET: &str = "chat-target";

/// Where the quick chat should open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChatTarget {
    /// The room's token.
    pub token: String,
    /// The message to scroll to, if any.
    pub message_id: Option<i64>,
    /// Put the focus in the composer, replying to `message_id` when there is one.
    pub reply: bool,
}

/// The target waiting for the chat window (managed state; at most one: a newer click wins).
#[derive(Debug, Default)]
pub struct PendingChatTarget(Mutex<Option<ChatTarget>>);

impl PendingChatTarget {
    /// Replaces the waiting target.
    pub fn put(&self, target: ChatTarget) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(target);
    }

    /// The waiting target, which is no longer waiting afterwards.
    pub fn take(&self) -> Option<ChatTarget> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// Opens the quick chat on `target`: stores it for the window, opens or raises the window and
/// tells an already open one to take it.
pub fn open_chat_at(app: &App, target: ChatTarget) {
    app.state::<PendingChatTarget>().put(target.clone());
    shell::open_or_log(app, AppWindow::Chat);
    app.emit(CHAT_TARGET, target);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(token: &str) -> ChatTarget {
        ChatTarget {
            token: token.into(),
            message_id: Some(7),
            reply: true,
        }
    }

    #[test]
    fn a_target_is_taken_once_and_a_newer_one_wins() {
        let pending = PendingChatTarget::default();
        assert_eq!(pending.take(), None);
        pending.put(target("old"));
        pending.put(target("new"));
        assert_eq!(pending.take(), Some(target("new")));
        assert_eq!(pending.take(), None);
    }

    #[test]
    fn the_window_reads_the_field_names_of_the_contract() {
        let json = serde_json::to_value(target("abc")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"token": "abc", "message_id": 7, "reply": true})
        );
    }
}
