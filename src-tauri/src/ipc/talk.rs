//! The quick chat's commands: rooms, history, the live long poll, sending, reactions, the
//! read marker and room management. Each is a line or two into the engine.

use tauri::State;

use crate::chat_target::{ChatTarget, PendingChatTarget};

/// The room (and message) the chat window should open, once: see `chat_target`.
#[tauri::command]
pub fn chat_take_target(pending: State<'_, PendingChatTarget>) -> Option<ChatTarget> {
    pending.take()
}
