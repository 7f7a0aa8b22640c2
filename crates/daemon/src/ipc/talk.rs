//! The quick chat's commands: rooms, history, the live long poll, sending, reactions, the
//! read marker and room management. Each is a line or two into the engine.

use crate::app::App;
use nctray_engine::accounts::Accounts;
use nctray_engine::blocking;
use nctray_engine::{
    ChatEntry, ChatRoom, MentionChoice, NewChatRoom, Reaction, RoomDetails, RoomParticipant,
    UnreadCounts,
};

use super::CommandResult;
use crate::chat_live::LiveChat;
use crate::chat_target::{ChatTarget, PendingChatTarget};
use crate::ui_events::UNREAD_CHANGED;

/// The room (and message) the chat window should open, once: see `chat_target`.
pub async fn chat_take_target(app: &App) -> CommandResult<Option<ChatTarget>> {
    Ok(app.state::<PendingChatTarget>().take())
}

/// The cached rooms, favorites first, then by last activity.
pub async fn talk_rooms(app: &App) -> CommandResult<Vec<ChatRoom>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    blocking(move || engine.talk().cached_rooms()).await
}

/// Fetches the whole room list now (when the window opens); the badge hears changed counts.
pub async fn talk_refresh_rooms(app: &App) -> CommandResult<Vec<ChatRoom>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    if let Some(counts) = engine.talk().refresh_all_rooms().await?.unread {
        app.emit(UNREAD_CHANGED, counts);
    }
    blocking(move || engine.talk().cached_rooms()).await
}

pub async fn talk_unread(app: &App) -> CommandResult<UnreadCounts> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    blocking(move || engine.talk().unread_counts()).await
}

pub async fn talk_room(app: &App, token: String) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().room_details(&token).await?)
}

/// The newest `limit` messages, oldest first.
pub async fn talk_history(app: &App, token: String, limit: usize) -> CommandResult<Vec<ChatEntry>> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .chat_entries(&token, limit)
        .await?)
}

/// The `limit` messages before `before` (scrolling up), oldest first.
pub async fn talk_older(
    app: &App,
    token: String,
    before: i64,
    limit: usize,
) -> CommandResult<Vec<ChatEntry>> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .older_chat_entries(&token, before, limit)
        .await?)
}

/// Starts handing the room's new messages to this window as `chat-news` events (and stops
/// doing so for the room watched before).
pub async fn talk_watch(app: &App, token: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    let live = app.state::<LiveChat>();
    live.watch(app, session.current()?, token);
    Ok(())
}

pub async fn talk_unwatch(app: &App) -> CommandResult<()> {
    app.state::<LiveChat>().stop();
    Ok(())
}

/// Sends a message (a reply when `reply_to` is set); the message as the view shows it, when
/// the history is cached.
pub async fn talk_send(
    app: &App,
    token: String,
    text: String,
    reply_to: Option<i64>,
) -> CommandResult<Option<ChatEntry>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let sent = engine.talk().send_message(&token, &text, reply_to).await?;
    blocking(move || engine.talk().cached_entry(&token, sent.id)).await
}

/// Moves the read marker to the newest message; every window hears the new counts.
pub async fn talk_mark_read(app: &App, token: String) -> CommandResult<UnreadCounts> {
    let session = app.state::<Accounts>();
    let counts = session.current()?.talk().mark_read(&token).await?;
    app.emit(UNREAD_CHANGED, counts.clone());
    Ok(counts)
}

pub async fn talk_react(
    app: &App,
    token: String,
    message_id: i64,
    emoji: String,
    on: bool,
) -> CommandResult<Vec<Reaction>> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .react(&token, message_id, &emoji, on)
        .await?)
}

pub async fn talk_mentions(
    app: &App,
    token: String,
    search: String,
) -> CommandResult<Vec<MentionChoice>> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .mention_choices(&token, &search)
        .await?)
}

pub async fn talk_create_room(app: &App, room: NewChatRoom) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().create_room(&room).await?)
}

pub async fn talk_rename_room(
    app: &App,
    token: String,
    name: String,
) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().rename_room(&token, &name).await?)
}

pub async fn talk_set_password(
    app: &App,
    token: String,
    password: String,
) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .set_room_password(&token, &password)
        .await?)
}

pub async fn talk_allow_guests(
    app: &App,
    token: String,
    allowed: bool,
) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .allow_guests(&token, allowed)
        .await?)
}

pub async fn talk_set_favorite(
    app: &App,
    token: String,
    favorite: bool,
) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .set_room_favorite(&token, favorite)
        .await?)
}

pub async fn talk_set_notifications(
    app: &App,
    token: String,
    level: String,
) -> CommandResult<RoomDetails> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .set_room_notifications(&token, &level)
        .await?)
}

pub async fn talk_participants(app: &App, token: String) -> CommandResult<Vec<RoomParticipant>> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().room_participants(&token).await?)
}

pub async fn talk_add_participant(app: &App, token: String, user_id: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .add_room_participant(&token, &user_id)
        .await?)
}

pub async fn talk_remove_participant(
    app: &App,
    token: String,
    attendee_id: Option<i64>,
    user_id: String,
) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .remove_room_participant(&token, attendee_id, &user_id)
        .await?)
}

pub async fn talk_set_moderator(
    app: &App,
    token: String,
    attendee_id: Option<i64>,
    user_id: String,
    moderator: bool,
) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .talk()
        .set_room_moderator(&token, attendee_id, &user_id, moderator)
        .await?)
}

pub async fn talk_leave_room(app: &App, token: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().leave_room(&token).await?)
}

pub async fn talk_delete_room(app: &App, token: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().delete_room(&token).await?)
}

/// The room in the browser, where its call is joined (the window opens it with `open_link`).
pub async fn talk_call_link(app: &App, token: String) -> CommandResult<String> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.talk().call_link(&token))
}

/// The quick chat opened or closed: while it is open the sync keeps its account's room list
/// fresh.
pub async fn chat_window_open(app: &App, open: bool) -> CommandResult<()> {
    app.state::<Accounts>().set_chat_open(open);
    if !open {
        app.state::<LiveChat>().stop();
    }
    Ok(())
}
