//! The Talk conversations of each account, as the last room list said, with the unread and
//! mention state that the tray badge adds up.

use nextcloud::talk::{Message, NotificationLevel, Room, RoomType};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::Result;

pub(super) const V3: &str = "
CREATE TABLE rooms (
    account               TEXT NOT NULL,
    token                 TEXT NOT NULL,
    display_name          TEXT NOT NULL,
    room_type             INTEGER NOT NULL,
    is_favorite           INTEGER NOT NULL,
    last_activity         INTEGER NOT NULL,
    unread_messages       INTEGER NOT NULL,
    unread_mention        INTEGER NOT NULL,
    unread_mention_direct INTEGER NOT NULL,
    notification_level    INTEGER NOT NULL,
    read_only             INTEGER NOT NULL,
    last_message          TEXT,           -- plain text preview: 'bob: hello'
    body                  TEXT NOT NULL,  -- the room object as JSON, for the windows
    PRIMARY KEY (account, token)
) WITHOUT ROWID;
CREATE INDEX rooms_for_display ON rooms (account, is_favorite DESC, last_activity DESC);";

/// A conversation as the room list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChatRoom {
    /// Names the room in every request (and on the command line).
    pub token: String,
    /// What Talk shows: the room's name, or the other user's name in a one-to-one room.
    pub name: String,
    /// `one-to-one`, `group`, `public`, `changelog`, `former-one-to-one`, `note-to-self`.
    pub kind: &'static str,
    pub favorite: bool,
    /// Unix seconds of the last message or call.
    pub last_activity: i64,
    pub unread_messages: i64,
    /// Mentioned (by name, `@all` or a group) since the last read.
    pub unread_mention: bool,
    /// Mentioned by name since the last read.
    pub unread_mention_direct: bool,
    /// The user chose to hear nothing from this room.
    pub muted: bool,
    pub read_only: bool,
    /// The newest message as plain text with its author, e.g. `bob: see @admin`.
    pub last_message: Option<String>,
}

/// Unread messages and mentions: per room (only rooms with something unread) and in total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UnreadCounts {
    pub rooms: Vec<RoomUnread>,
    /// Unread messages in all rooms the user has not muted.
    pub total_unread: i64,
    /// Rooms in which the user was mentioned since the last read.
    pub total_mentions: i64,
    /// Rooms that wait for the user's answer: a mention since the last read, or unread
    /// messages in a one-to-one conversation (the tray's mark).
    pub awaiting_answer: i64,
}

/// One room's share of [`UnreadCounts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomUnread {
    pub token: String,
    pub name: String,
    pub unread: i64,
    pub mentioned: bool,
}

/// The room type as the windows and the command line name it.
pub(crate) fn kind(room_type: RoomType) -> &'static str {
    match room_type {
        RoomType::OneToOne => "one-to-one",
        RoomType::Group => "group",
        RoomType::Public => "public",
        RoomType::Changelog => "changelog",
        RoomType::FormerOneToOne => "former-one-to-one",
        RoomType::NoteToSelf => "note-to-self",
        RoomType::Other(_) => "other",
    }
}

/// `author: text` of the room's newest message (the text alone for system messages).
fn preview(room: &Room) -> Option<String> {
    room.last_message.as_deref().map(preview_of)
}

/// `author: text` of a message (the text alone for system messages).
fn preview_of(message: &Message) -> String {
    let text = message.plain_text();
    if message.is_system() || message.actor_display_name.is_empty() {
        text
    } else {
        format!("{}: {text}", message.actor_display_name)
    }
}

const COLUMNS: &str = "token, display_name, room_type, is_favorite, last_activity, unread_messages,
                       unread_mention, unread_mention_direct, notification_level, read_only,
                       last_message";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ChatRoom> {
    Ok(ChatRoom {
        token: row.get(0)?,
        name: row.get(1)?,
        kind: kind(RoomType::from_code(row.get(2)?)),
        favorite: row.get(3)?,
        last_activity: row.get(4)?,
        unread_messages: row.get(5)?,
        unread_mention: row.get(6)?,
        unread_mention_direct: row.get(7)?,
        muted: row.get::<_, i64>(8)? == NotificationLevel::Never.code(),
        read_only: row.get(9)?,
        last_message: row.get(10)?,
    })
}

/// Adds the rooms or replaces the cached copies of them (an incremental room list).
pub fn upsert(conn: &Connection, account: &str, rooms: &[Room]) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO rooms (account, token, display_name, room_type, is_favorite,
             last_activity, unread_messages, unread_mention, unread_mention_direct,
             notification_level, read_only, last_message, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for room in rooms.iter().filter(|r| !r.token.is_empty()) {
        let name = if room.display_name.is_empty() {
            &room.name
        } else {
            &room.display_name
        };
        insert.execute(params![
            account,
            room.token,
            name,
            room.room_type.code(),
            room.is_favorite,
            room.last_activity,
            room.unread_messages,
            room.unread_mention || room.unread_mention_direct,
            room.unread_mention_direct,
            room.notification_level.code(),
            room.read_only,
            preview(room),
            serde_json::to_string(room).unwrap_or_default(),
        ])?;
    }
    Ok(())
}

/// Makes the cached rooms equal to `current` (a full room list) and returns the tokens of
/// the rooms that are gone (deleted, or the user left or was removed).
pub fn replace_all(conn: &Connection, account: &str, current: &[Room]) -> Result<Vec<String>> {
    let gone: Vec<String> = tokens(conn, account)?
        .into_iter()
        .filter(|token| !current.iter().any(|r| &r.token == token))
        .collect();
    let mut delete = conn.prepare_cached("DELETE FROM rooms WHERE account = ?1 AND token = ?2")?;
    for token in &gone {
        delete.execute(params![account, token])?;
    }
    upsert(conn, account, current)?;
    Ok(gone)
}

fn tokens(conn: &Connection, account: &str) -> Result<Vec<String>> {
    let mut query = conn.prepare_cached("SELECT token FROM rooms WHERE account = ?1")?;
    let rows = query.query_map(params![account], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The cached rooms as Talk lists them: favorites first, then by last activity.
pub fn list(conn: &Connection, account: &str) -> Result<Vec<ChatRoom>> {
    let mut query = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM rooms WHERE account = ?1
         ORDER BY is_favorite DESC, last_activity DESC, token"
    ))?;
    let rows = query.query_map(params![account], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, account: &str, token: &str) -> Result<Option<ChatRoom>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM rooms WHERE account = ?1 AND token = ?2"),
            params![account, token],
            from_row,
        )
        .optional()?)
}

/// The rooms named `name`: exactly, else ignoring case. Favorites and recent rooms first.
pub fn named(conn: &Connection, account: &str, name: &str) -> Result<Vec<ChatRoom>> {
    let all = list(conn, account)?;
    let exact: Vec<ChatRoom> = all.iter().filter(|r| r.name == name).cloned().collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let lower = name.to_lowercase();
    Ok(all
        .into_iter()
        .filter(|r| r.name.to_lowercase() == lower)
        .collect())
}

/// The whole cached room object (role, password, guests, notification level…).
pub fn body(conn: &Connection, account: &str, token: &str) -> Result<Option<Room>> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body FROM rooms WHERE account = ?1 AND token = ?2",
            params![account, token],
            |row| row.get(0),
        )
        .optional()?;
    Ok(body.and_then(|body| serde_json::from_str(&body).ok()))
}

/// Forgets one room (the user left or deleted it).
pub fn remove(conn: &Connection, account: &str, token: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM rooms WHERE account = ?1 AND token = ?2",
        params![account, token],
    )?;
    Ok(())
}

/// A message that arrived in the open chat: the room's last activity and preview follow it
/// at once (the room list moves it up), unless the room knows of something newer.
pub fn note_message(
    conn: &Connection,
    account: &str,
    token: &str,
    message: &Message,
) -> Result<()> {
    conn.execute(
        "UPDATE rooms SET last_activity = ?3, last_message = ?4
         WHERE account = ?1 AND token = ?2 AND last_activity <= ?3",
        params![account, token, message.timestamp, preview_of(message)],
    )?;
    Ok(())
}

/// Nothing unread in the room any more (the user read it, or wrote in it).
pub fn mark_read(conn: &Connection, account: &str, token: &str) -> Result<()> {
    conn.execute(
        "UPDATE rooms SET unread_messages = 0, unread_mention = 0, unread_mention_direct = 0
         WHERE account = ?1 AND token = ?2",
        params![account, token],
    )?;
    Ok(())
}

/// Unread messages and mentions of the cached rooms. Muted rooms count for neither total,
/// as Talk itself does not notify about them.
pub fn unread_counts(conn: &Connection, account: &str) -> Result<UnreadCounts> {
    let mut query = conn.prepare_cached(
        "SELECT token, display_name, unread_messages, unread_mention, room_type FROM rooms
         WHERE account = ?1 AND notification_level != ?2
           AND (unread_messages > 0 OR unread_mention != 0)
         ORDER BY is_favorite DESC, last_activity DESC, token",
    )?;
    let rows = query.query_map(params![account, NotificationLevel::Never.code()], |row| {
        let room = RoomUnread {
            token: row.get(0)?,
            name: row.get(1)?,
            unread: row.get(2)?,
            mentioned: row.get(3)?,
        };
        let one_to_one = row.get::<_, i64>(4)? == RoomType::OneToOne.code();
        Ok((room, one_to_one))
    })?;
    let rooms: Vec<(RoomUnread, bool)> = rows.collect::<rusqlite::Result<_>>()?;
    let awaiting_answer = rooms
        .iter()
        .filter(|(room, one_to_one)| room.mentioned || (*one_to_one && room.unread > 0))
        .count() as i64;
    let rooms: Vec<RoomUnread> = rooms.into_iter().map(|(room, _)| room).collect();
    Ok(UnreadCounts {
        total_unread: rooms.iter().map(|r| r.unread).sum(),
        total_mentions: rooms.iter().filter(|r| r.mentioned).count() as i64,
        awaiting_answer,
        rooms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn room(token: &str, name: &str, activity: i64) -> Room {
        Room {
            token: token.into(),
            display_name: name.into(),
            last_activity: activity,
            ..Room::default()
        }
    }

    #[test]
    fn favorites_come_first_then_the_latest_activity() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        let mut old_favorite = room("fav", "Favorite", 10);
        old_favorite.is_favorite = true;
        let rooms = [room("old", "Old", 20), old_favorite, room("new", "New", 30)];
        upsert(conn, "a", &rooms).unwrap();
        let order: Vec<String> = list(conn, "a")
            .unwrap()
            .into_iter()
            .map(|r| r.token)
            .collect();
        assert_eq!(order, ["fav", "new", "old"]);
    }

    #[test]
    fn muted_rooms_count_for_no_total() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        let mut loud = room("loud", "Loud", 1);
        loud.unread_messages = 3;
        loud.unread_mention = true;
        let mut muted = room("muted", "Muted", 2);
        muted.unread_messages = 50;
        muted.notification_level = NotificationLevel::Never;
        upsert(conn, "a", &[loud, muted, room("read", "Read", 3)]).unwrap();
        let counts = unread_counts(conn, "a").unwrap();
        assert_eq!((counts.total_unread, counts.total_mentions), (3, 1));
        assert_eq!(counts.rooms.len(), 1);
        assert_eq!(counts.rooms[0].token, "loud");
    }

    #[test]
    fn a_mention_or_an_unread_one_to_one_conversation_awaits_an_answer_a_group_message_does_not() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        let mut direct = room("direct", "Bob", 1);
        direct.room_type = RoomType::OneToOne;
        direct.unread_messages = 2;
        let mut mentioned = room("team", "Team", 2);
        mentioned.room_type = RoomType::Group;
        mentioned.unread_messages = 1;
        mentioned.unread_mention = true;
        let mut chatter = room("all", "Everyone", 3);
        chatter.room_type = RoomType::Group;
        chatter.unread_messages = 40;
        let mut read_direct = room("carol", "Carol", 4);
        read_direct.room_type = RoomType::OneToOne;
        upsert(conn, "a", &[direct, mentioned, chatter, read_direct]).unwrap();
        let counts = unread_counts(conn, "a").unwrap();
        assert_eq!(counts.awaiting_answer, 2);
        assert_eq!(counts.total_mentions, 1);
    }
}
