//! The cached notification list of each account, as the server last sent it. Every cached
//! notification is in the full-text index too (`store::search`, kind `notification`), and
//! leaves it with the cache.

use nextcloud::Notification;
use rusqlite::{params, Connection, OptionalExtension};

use super::search::{self, Kind};
use crate::Result;

pub(super) const V1: &str = "
CREATE TABLE notifications (
    account         TEXT NOT NULL,
    notification_id INTEGER NOT NULL,
    app             TEXT NOT NULL,
    datetime        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    message         TEXT,
    link            TEXT,
    object_type     TEXT NOT NULL,
    object_id       TEXT NOT NULL,
    should_notify   INTEGER NOT NULL,
    body            TEXT NOT NULL,  -- the whole object as JSON, for the windows
    PRIMARY KEY (account, notification_id)
) WITHOUT ROWID;
CREATE INDEX notifications_newest ON notifications (account, datetime DESC);";

/// Indexes the notifications cached before search existed (the text as [`search_text`]).
pub(super) const V4: &str = "
INSERT INTO search_entries (account, kind, ref_id, text)
SELECT account, 'notification', notification_id, subject || char(10) || coalesce(message, '')
FROM notifications;";

/// The search text of a notification: subject and message.
pub fn search_text(n: &Notification) -> String {
    format!(
        "{}\n{}",
        n.subject,
        n.message.as_deref().unwrap_or_default()
    )
}

/// Makes the cached list equal to `current` (the server's complete list).
pub fn replace_all(conn: &Connection, account: &str, current: &[Notification]) -> Result<()> {
    conn.execute(
        "DELETE FROM notifications WHERE account = ?1",
        params![account],
    )?;
    search::remove_all(conn, account, Kind::Notification)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO notifications (account, notification_id, app, datetime, subject, message,
                                    link, object_type, object_id, should_notify, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for n in current {
        let body = serde_json::to_string(n).unwrap_or_default();
        insert.execute(params![
            account,
            n.notification_id,
            n.app,
            n.datetime,
            n.subject,
            n.message,
            n.link,
            n.object_type,
            n.object_id,
            n.should_notify,
            body
        ])?;
        search::index_at(
            conn,
            account,
            Kind::Notification,
            n.notification_id,
            &search_text(n),
            n.timestamp().unwrap_or_default(),
        )?;
    }
    Ok(())
}

/// The cached notifications, newest first.
pub fn list(conn: &Connection, account: &str) -> Result<Vec<Notification>> {
    let mut query = conn.prepare_cached(
        "SELECT body FROM notifications WHERE account = ?1
         ORDER BY datetime DESC, notification_id DESC",
    )?;
    let rows = query.query_map(params![account], |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in rows {
        // A row written by an older build that no longer decodes is skipped, not fatal.
        if let Ok(n) = serde_json::from_str(&body?) {
            out.push(n);
        }
    }
    Ok(out)
}

pub fn remove(conn: &Connection, account: &str, notification_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM notifications WHERE account = ?1 AND notification_id = ?2",
        params![account, notification_id],
    )?;
    search::remove(conn, account, Kind::Notification, notification_id)?;
    Ok(())
}

/// One cached notification.
pub fn get(conn: &Connection, account: &str, notification_id: i64) -> Result<Option<Notification>> {
    let body: Option<String> = conn
        .prepare_cached(
            "SELECT body FROM notifications WHERE account = ?1 AND notification_id = ?2",
        )?
        .query_row(params![account, notification_id], |row| row.get(0))
        .optional()?;
    Ok(body.and_then(|body| serde_json::from_str(&body).ok()))
}
