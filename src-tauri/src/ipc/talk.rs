//! The quick chat's commands: rooms, history, the live long poll, sending, reactions, the
//! read marker and room management. Each is a line or two into the engine.

use nctray_engine::{
    ChatEntry, ChatRoom, MentionChoice, NewChatRoom, Reaction, RoomDetails, RoomParticipant,
    UnreadCounts,
};
use tauri::{AppHandle, State, WebviewWindow};

use super::{blocking, CommandResult};
use crate::chat_live::LiveChat;
use crate::chat_target::{ChatTarget, PendingChatTarget};
use crate::session::Session;
use crate::ui_events::{self, UNREAD_CHANGED};

/// The room (and message) the chat window should open, once: see `chat_target`.
#[tauri::command]
pub fn chat_take_target(pending: State<'_, PendingChatTarget>) -> Option<ChatTarget> {
    pending.take()
}

/// The cached rooms, favorites first, then by last activity.
#[tauri::command]
pub async fn talk_rooms(session: State<'_, Session>) -> CommandResult<Vec<ChatRoom>> {
    let engine = session.current()?;
    blocking(move || engine.cached_rooms()).await
}

/// Fetches the whole room list now (when the window opens); the badge hears changed counts.
#[tauri::command]
pub async fn talk_refresh_rooms(
    app: AppHandle,
    session: State<'_, Session>,
) -> CommandResult<Vec<ChatRoom>> {
    let engine = session.current()?;
    if let Some(counts) = engine.refresh_all_rooms().await?.unread {
        ui_events::emit(&app, UNREAD_CHANGED, counts);
    }
    blocking(move || engine.cached_rooms()).await
}

#[tauri::command]
pub async fn talk_unread(session: State<'_, Session>) -> CommandResult<UnreadCounts> {
    let engine = session.current()?;
    blocking(move || engine.unread_counts()).await
}

#[tauri::command]
pub async fn talk_room(session: State<'_, Session>, token: String) -> CommandResult<RoomDetails> {
    Ok(session.current()?.room_details(&token).await?)
}

/// The newest `limit` messages, oldest first.
#[tauri::command]
pub async fn talk_history(
    session: State<'_, Session>,
    token: String,
    limit: usize,
) -> CommandResult<Vec<ChatEntry>> {
    Ok(session.current()?.chat_entries(&token, limit).await?)
}

/// The `limit` messages before `before` (scrolling up), oldest first.
#[tauri::command]
pub async fn talk_older(
    session: State<'_, Session>,
    token: String,
    before: i64,
    limit: usize,
) -> CommandResult<Vec<ChatEntry>> {
    Ok(session
        .current()?
        .older_chat_entries(&token, before, limit)
        .await?)
}

/// Starts handing the room's new messages to this window as `chat-news` events (and stops
/// doing so for the room watched before).
#[tauri::command]
pub fn talk_watch(
    window: WebviewWindow,
    session: State<'_, Session>,
    live: State<'_, LiveChat>,
    token: String,
) -> CommandResult<()> {
    live.watch(&window, session.current()?, token);
    Ok(())
}

#[tauri::command]
pub fn talk_unwatch(live: State<'_, LiveChat>) {
    live.stop();
}

/// Sends a message (a reply when `reply_to` is set); the message as the view shows it, when
/// the history is cached.
#[tauri::command]
pub async fn talk_send(
    session: State<'_, Session>,
    token: String,
    text: String,
    reply_to: Option<i64>,
) -> CommandResult<Option<ChatEntry>> {
    let engine = session.current()?;
    let sent = engine.send_message(&token, &text, reply_to).await?;
    blocking(move || engine.cached_entry(&token, sent.id)).await
}

/// Moves the read marker to the newest message; every window hears the new counts.
#[tauri::command]
pub async fn talk_mark_read(
    app: AppHandle,
    session: State<'_, Session>,
    token: String,
) -> CommandResult<UnreadCounts> {
    let counts = session.current()?.mark_read(&token).await?;
    ui_events::emit(&app, UNREAD_CHANGED, counts.clone());
    Ok(counts)
}

#[tauri::command]
pub async fn talk_react(
    session: State<'_, Session>,
    token: String,
    message_id: i64,
    emoji: String,
    on: bool,
) -> CommandResult<Vec<Reaction>> {
    Ok(session
        .current()?
        .react(&token, message_id, &emoji, on)
        .await?)
}

#[tauri::command]
pub async fn talk_mentions(
    session: State<'_, Session>,
    token: String,
    search: String,
) -> CommandResult<Vec<MentionChoice>> {
    Ok(session.current()?.mention_choices(&token, &search).await?)
}

#[tauri::command]
pub async fn talk_create_room(
    session: State<'_, Session>,
    room: NewChatRoom,
) -> CommandResult<RoomDetails> {
    Ok(session.current()?.create_room(&room).await?)
}

#[tauri::command]
pub async fn talk_rename_room(
    session: State<'_, Session>,
    token: String,
    name: String,
) -> CommandResult<RoomDetails> {
    Ok(session.current()?.rename_room(&token, &name).await?)
}

#[tauri::command]
pub async fn talk_set_password(
    session: State<'_, Session>,
    token: String,
    password: String,
) -> CommandResult<RoomDetails> {
    Ok(session
        .current()?
        .set_room_password(&token, &password)
        .await?)
}

#[tauri::command]
pub async fn talk_allow_guests(
    session: State<'_, Session>,
    token: String,
    allowed: bool,
) -> CommandResult<RoomDetails> {
    Ok(session.current()?.allow_guests(&token, allowed).await?)
}

#[tauri::command]
pub async fn talk_set_favorite(
    session: State<'_, Session>,
    token: String,
    favorite: bool,
) -> CommandResult<RoomDetails> {
    Ok(session
        .current()?
        .set_room_favorite(&token, favorite)
        .await?)
}

#[tauri::command]
pub async fn talk_set_notifications(
    session: State<'_, Session>,
    token: String,
    level: String,
) -> CommandResult<RoomDetails> {
    Ok(session
        .current()?
        .set_room_notifications(&token, &level)
        .await?)
}

#[tauri::command]
pub async fn talk_participants(
    session: State<'_, Session>,
    token: String,
) -> CommandResult<Vec<RoomParticipant>> {
    Ok(session.current()?.room_participants(&token).await?)
}

#[tauri::command]
pub async fn talk_add_participant(
    session: State<'_, Session>,
    token: String,
    user_id: String,
) -> CommandResult<()> {
    Ok(session
        .current()?
        .add_room_participant(&token, &user_id)
        .await?)
}

#[tauri::command]
pub async fn talk_remove_participant(
    session: State<'_, Session>,
    token: String,
    attendee_id: Option<i64>,
    user_id: String,
) -> CommandResult<()> {
    Ok(session
        .current()?
        .remove_room_participant(&token, attendee_id, &user_id)
        .await?)
}

#[tauri::command]
pub async fn talk_set_moderator(
    session: State<'_, Session>,
    token: String,
    attendee_id: Option<i64>,
    user_id: String,
    moderator: bool,
) -> CommandResult<()> {
    Ok(session
        .current()?
        .set_room_moderator(&token, attendee_id, &user_id, moderator)
        .await?)
}

#[tauri::command]
pub async fn talk_leave_room(session: State<'_, Session>, token: String) -> CommandResult<()> {
    Ok(session.current()?.leave_room(&token).await?)
}

#[tauri::command]
pub async fn talk_delete_room(session: State<'_, Session>, token: String) -> CommandResult<()> {
    Ok(session.current()?.delete_room(&token).await?)
}

/// The room in the browser, where its call is joined (the window opens it with `open_link`).
#[tauri::command]
pub fn talk_call_link(session: State<'_, Session>, token: String) -> CommandResult<String> {
    Ok(session.current()?.call_link(&token))
}
