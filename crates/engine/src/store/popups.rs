//! Which notifications have been handed to the desktop already, per account. This table is
//! what makes a popup happen once, also across restarts.

use rusqlite::{params, Connection};

use crate::Result;

pub(super) const V1: &str = "
CREATE TABLE popups (
    account         TEXT NOT NULL,
    notification_id INTEGER NOT NULL,
    popped_at       INTEGER NOT NULL,
    PRIMARY KEY (account, notification_id)
) WITHOUT ROWID;";

/// Records the popup; false when it had been recorded before (so it must not pop up again).
pub fn claim(conn: &Connection, account: &str, notification_id: i64, now: i64) -> Result<bool> {
    let inserted = conn.execute(
        "INSERT INTO popups (account, notification_id, popped_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        params![account, notification_id, now],
    )?;
    Ok(inserted == 1)
}

/// Whether the notification was handed to the desktop (or silenced) already.
pub fn is_claimed(conn: &Connection, account: &str, notification_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM popups WHERE account = ?1 AND notification_id = ?2")?
        .exists(params![account, notification_id])?)
}

pub fn count(conn: &Connection, account: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM popups WHERE account = ?1",
        params![account],
        |row| row.get(0),
    )?)
}
