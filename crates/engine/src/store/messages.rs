//! Cached Talk chat history, per account and room.
//!
//! The cached messages of a room are always one unbroken stretch of its history: from the
//! oldest cached message to the newest, nothing in between is missing. New messages are only
//! added right after the newest (a poll with `lastKnownMessageId` = the newest cached id) and
//! older ones right before the oldest, so the newest cached id is always a safe
//! `lastKnownMessageId`.
//!
//! Every cached comment is in the full-text index too (`store::search`, kind `message`, by
//! message id), and leaves it with the cache; system messages are not indexed.

use nextcloud::talk::{Message, MessageType};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::search::{self, Kind};
use crate::Result;

pub(super) const V3: &str = "
CREATE TABLE messages (
    account            TEXT NOT NULL,
    token              TEXT NOT NULL,
    id                 INTEGER NOT NULL,
    actor_type         TEXT NOT NULL,
    actor_id           TEXT NOT NULL,
    actor_display_name TEXT NOT NULL,
    timestamp          INTEGER NOT NULL,
    system_message     TEXT,           -- NULL for a comment
    parent_id          INTEGER,
    text               TEXT NOT NULL,  -- plain text from the rich object string
    body               TEXT NOT NULL,  -- the message object as JSON, for the windows
    PRIMARY KEY (account, token, id)
) WITHOUT ROWID;
CREATE INDEX messages_by_id ON messages (account, id);";

/// System messages that only update another message (its text, its reactions) or a poll:
/// Talk does not show them in the chat, and neither does nctray.
const UPDATES: &[&str] = &[
    "message_deleted",
    "message_edited",
    "reaction",
    "reaction_deleted",
    "reaction_revoked",
    "poll_voted",
];

/// The system message after which a room's earlier history no longer exists on the server.
const HISTORY_CLEARED: &str = "history_cleared";

/// System messages whose `parent` is the current state of the message they changed.
const CHANGES_PARENT: &[&str] = &[
    "message_deleted",
    "message_edited",
    "reaction",
    "reaction_deleted",
    "reaction_revoked",
];

/// A chat message as the chat view shows it: plain text, never HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChatMessage {
    pub id: i64,
    /// The room.
    pub token: String,
    /// `users`, `guests`, `bots`, `bridged`, `federated_users`…
    pub actor_type: String,
    pub actor_id: String,
    /// Who wrote it, as Talk names them.
    pub author: String,
    /// Unix seconds.
    pub timestamp: i64,
    /// The text with mentions as `@Name` and files and other objects by their name.
    pub text: String,
    /// The system message type (`conversation_created`, `call_ended`…); `None` for a comment.
    pub system_message: Option<String>,
    /// The message this one replies to.
    pub reply_to: Option<i64>,
}

impl ChatMessage {
    pub fn is_system(&self) -> bool {
        self.system_message.is_some()
    }

    /// When it was written, in the local time zone: `2025-11-26 14:03`.
    pub fn local_time(&self) -> String {
        chrono::DateTime::from_timestamp(self.timestamp, 0)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    }
}

impl From<&Message> for ChatMessage {
    fn from(message: &Message) -> Self {
        ChatMessage {
            id: message.id,
            token: message.token.clone(),
            actor_type: message.actor_type.clone(),
            actor_id: message.actor_id.clone(),
            author: message.actor_display_name.clone(),
            timestamp: message.timestamp,
            text: message.plain_text(),
            system_message: message.system_message.clone().filter(|s| !s.is_empty()),
            reply_to: message.parent.as_ref().map(|p| p.id),
        }
    }
}

/// Whether the chat view shows the message (see [`UPDATES`]).
pub fn is_shown(message: &Message) -> bool {
    message
        .system_message
        .as_deref()
        .is_none_or(|system| !UPDATES.contains(&system))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<ChatMessage> {
    Ok(ChatMessage {
        id: row.get(0)?,
        token: row.get(1)?,
        actor_type: row.get(2)?,
        actor_id: row.get(3)?,
        author: row.get(4)?,
        timestamp: row.get(5)?,
        system_message: row.get(6)?,
        reply_to: row.get(7)?,
        text: row.get(8)?,
    })
}

/// Stores messages of room `token` that continue its cached stretch (see the module docs).
/// A message that updates another one (an edit, a deletion, a reaction) also refreshes the
/// cached copy of that one.
pub fn insert(conn: &Connection, account: &str, token: &str, messages: &[Message]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO messages (account, token, id, actor_type, actor_id,
             actor_display_name, timestamp, system_message, parent_id, text, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for message in messages.iter().filter(|m| m.id > 0) {
        let view = ChatMessage::from(message);
        insert.execute(params![
            account,
            token,
            view.id,
            view.actor_type,
            view.actor_id,
            view.author,
            view.timestamp,
            view.system_message,
            view.reply_to,
            view.text,
            serde_json::to_string(message).unwrap_or_default(),
        ])?;
        index(conn, account, message, &view.text)?;
        if message.system_message.as_deref() == Some(HISTORY_CLEARED) {
            forget_before(conn, account, token, message.id)?;
        }
        if let Some(parent) = message
            .parent
            .as_deref()
            .filter(|_| changed_parent(message).is_some())
        {
            refresh(conn, account, token, parent)?;
        }
    }
    Ok(())
}

/// Replaces the text of a cached message with a newer copy of it (a parent inside an update
/// message, which carries no parent of its own: the cached reply link and quote stay).
fn refresh(conn: &Connection, account: &str, token: &str, newer: &Message) -> Result<()> {
    let mut newer = newer.clone();
    if newer.parent.is_none() {
        newer.parent = body(conn, account, token, newer.id)?.and_then(|old| old.parent);
    }
    let newer = &newer;
    let text = newer.plain_text();
    let updated = conn.execute(
        "UPDATE messages SET text = ?4, body = ?5 WHERE account = ?1 AND token = ?2 AND id = ?3",
        params![
            account,
            token,
            newer.id,
            text,
            serde_json::to_string(newer).unwrap_or_default()
        ],
    )?;
    // A message older than the cached stretch stays out of the cache and the index.
    if updated == 0 {
        return Ok(());
    }
    index(conn, account, newer, &text)
}

/// Puts a comment into the search index (a deleted one out of it).
fn index(conn: &Connection, account: &str, message: &Message, text: &str) -> Result<()> {
    if message.is_system() {
        return Ok(());
    }
    if message.message_type == MessageType::CommentDeleted {
        search::remove(conn, account, Kind::Message, message.id)
    } else {
        // Dated by the message, so that search hits come newest first.
        search::index_at(
            conn,
            account,
            Kind::Message,
            message.id,
            text,
            message.timestamp,
        )
    }
}

/// The ids of the oldest and the newest cached message of the room.
pub fn bounds(conn: &Connection, account: &str, token: &str) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT MIN(id), MAX(id) FROM messages WHERE account = ?1 AND token = ?2",
            params![account, token],
            |row| Ok((row.get::<_, Option<i64>>(0)?, row.get::<_, Option<i64>>(1)?)),
        )
        .optional()?
        .and_then(|(oldest, newest)| Some((oldest?, newest?))))
}

/// One cached message by its id (ids are unique across the rooms of a server), e.g. for a
/// search hit.
pub fn get(conn: &Connection, account: &str, id: i64) -> Result<Option<ChatMessage>> {
    Ok(conn
        .query_row(
            "SELECT id, token, actor_type, actor_id, actor_display_name, timestamp,
                    system_message, parent_id, text
             FROM messages WHERE account = ?1 AND id = ?2",
            params![account, id],
            from_row,
        )
        .optional()?)
}

/// The oldest cached message of the room, shown or not.
pub fn oldest(conn: &Connection, account: &str, token: &str) -> Result<Option<ChatMessage>> {
    Ok(conn
        .query_row(
            "SELECT id, token, actor_type, actor_id, actor_display_name, timestamp,
                    system_message, parent_id, text
             FROM messages WHERE account = ?1 AND token = ?2 ORDER BY id LIMIT 1",
            params![account, token],
            from_row,
        )
        .optional()?)
}

/// `AND …` that leaves out the messages the chat view does not show (see [`UPDATES`]).
fn shown_only() -> String {
    let hidden: Vec<String> = UPDATES.iter().map(|s| format!("'{s}'")).collect();
    format!(
        "AND (system_message IS NULL OR system_message NOT IN ({}))",
        hidden.join(", ")
    )
}

/// The newest `limit` messages the chat view shows, oldest first (the order to print them).
pub fn newest(
    conn: &Connection,
    account: &str,
    token: &str,
    limit: usize,
) -> Result<Vec<ChatMessage>> {
    let mut query = conn.prepare_cached(&format!(
        "SELECT id, token, actor_type, actor_id, actor_display_name, timestamp, system_message,
                parent_id, text
         FROM messages WHERE account = ?1 AND token = ?2 {}
         ORDER BY id DESC LIMIT ?3",
        shown_only()
    ))?;
    let rows = query.query_map(
        params![account, token, i64::try_from(limit).unwrap_or(i64::MAX)],
        from_row,
    )?;
    let mut messages: Vec<ChatMessage> = rows.collect::<rusqlite::Result<_>>()?;
    messages.reverse();
    Ok(messages)
}

/// How many cached messages of the room the chat view shows (only those older than `before`
/// when it is set).
pub fn shown_count(
    conn: &Connection,
    account: &str,
    token: &str,
    before: Option<i64>,
) -> Result<usize> {
    let count: i64 = conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM messages WHERE account = ?1 AND token = ?2 AND id < ?3 {}",
            shown_only()
        ),
        params![account, token, before.unwrap_or(i64::MAX)],
        |row| row.get(0),
    )?;
    Ok(usize::try_from(count).unwrap_or_default())
}

/// The whole cached message objects (rich text, reactions, parent) of the newest `limit`
/// messages the chat view shows that are older than `before` (all when `None`), oldest
/// first. A body that no longer decodes is skipped.
pub fn shown_bodies(
    conn: &Connection,
    account: &str,
    token: &str,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<Message>> {
    let mut query = conn.prepare_cached(&format!(
        "SELECT body FROM messages WHERE account = ?1 AND token = ?2 AND id < ?3 {}
         ORDER BY id DESC LIMIT ?4",
        shown_only()
    ))?;
    let rows = query.query_map(
        params![
            account,
            token,
            before.unwrap_or(i64::MAX),
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
        |row| row.get::<_, String>(0),
    )?;
    let mut bodies = Vec::new();
    for body in rows {
        if let Ok(message) = serde_json::from_str::<Message>(&body?) {
            bodies.push(message);
        }
    }
    bodies.reverse();
    Ok(bodies)
}

/// The whole cached message object with this id in the room.
pub fn body(conn: &Connection, account: &str, token: &str, id: i64) -> Result<Option<Message>> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body FROM messages WHERE account = ?1 AND token = ?2 AND id = ?3",
            params![account, token, id],
            |row| row.get(0),
        )
        .optional()?;
    Ok(body.and_then(|body| serde_json::from_str(&body).ok()))
}

/// Whether the message only changes another one (an edit, a deletion, a reaction), whose
/// cached copy [`insert`] refreshed: the parent's id.
pub fn changed_parent(message: &Message) -> Option<i64> {
    let system = message.system_message.as_deref()?;
    CHANGES_PARENT
        .contains(&system)
        .then(|| message.parent.as_ref().map(|p| p.id))
        .flatten()
}

/// Forgets the room's history (the room is gone, or the cached stretch cannot be continued).
pub fn forget_room(conn: &Connection, account: &str, token: &str) -> Result<()> {
    forget_before(conn, account, token, i64::MAX)
}

/// Forgets the room's messages older than `id`, in the search index too.
fn forget_before(conn: &Connection, account: &str, token: &str, id: i64) -> Result<()> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM messages WHERE account = ?1 AND token = ?2 AND id < ?3")?
        .query_map(params![account, token, id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        search::remove(conn, account, Kind::Message, id)?;
    }
    conn.execute(
        "DELETE FROM messages WHERE account = ?1 AND token = ?2 AND id < ?3",
        params![account, token, id],
    )?;
    Ok(())
}

/// Whether nothing older than `message` exists in its room.
pub fn starts_history(message: &ChatMessage) -> bool {
    matches!(
        message.system_message.as_deref(),
        Some("conversation_created" | HISTORY_CLEARED)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn message(id: i64, text: &str) -> Message {
        Message {
            id,
            token: "room".into(),
            actor_type: "users".into(),
            actor_id: "bob".into(),
            actor_display_name: "Bob".into(),
            message: text.into(),
            ..Message::default()
        }
    }

    #[test]
    fn an_edit_updates_the_cached_message_and_is_not_shown_itself() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        insert(conn, "a", "room", &[message(1, "helo")]).unwrap();
        let mut edit = message(2, "You edited a message");
        edit.system_message = Some("message_edited".into());
        edit.parent = Some(Box::new(message(1, "hello")));
        insert(conn, "a", "room", &[edit]).unwrap();
        let shown = newest(conn, "a", "room", 10).unwrap();
        assert_eq!(shown.len(), 1);
        assert_eq!((shown[0].id, shown[0].text.as_str()), (1, "hello"));
        assert_eq!(bounds(conn, "a", "room").unwrap(), Some((1, 2)));
        let found = |text: &str| search::query(conn, "a", text, &[Kind::Message], 10).unwrap();
        assert_eq!(found("hello").len(), 1);
        assert!(found("helo").is_empty());

        // An edit of a message that is not cached touches neither cache nor index.
        let mut old_edit = message(3, "You edited a message");
        old_edit.system_message = Some("message_edited".into());
        old_edit.parent = Some(Box::new(message(99, "ancient")));
        insert(conn, "a", "room", &[old_edit]).unwrap();
        assert!(found("ancient").is_empty());
    }

    #[test]
    fn a_cleared_history_leaves_the_cache_too() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        insert(conn, "a", "room", &[message(1, "old"), message(2, "older")]).unwrap();
        let mut cleared = message(3, "You cleared the history of the conversation");
        cleared.system_message = Some(HISTORY_CLEARED.into());
        insert(conn, "a", "room", &[cleared]).unwrap();
        let shown = newest(conn, "a", "room", 10).unwrap();
        assert_eq!(shown.len(), 1);
        assert!(starts_history(&shown[0]));
        assert!(search::query(conn, "a", "old", &[], 10).unwrap().is_empty());
    }

    #[test]
    fn the_newest_come_oldest_first() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        let all: Vec<Message> = (1..=5).map(|id| message(id, &id.to_string())).collect();
        insert(conn, "a", "room", &all).unwrap();
        let ids: Vec<i64> = newest(conn, "a", "room", 3)
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, [3, 4, 5]);
        assert_eq!(bounds(conn, "a", "other").unwrap(), None);
    }
}
