//! Which notifications of an account have had their popup, per account. This table is what
//! makes a popup happen exactly once, also across restarts and crashes.
//!
//! A notification gets its row the first time a poll sees it, in one of three states:
//! - `due`: it should pop up and has not yet: it is offered to the desktop until the desktop
//!   reports it shown (a crash, a missing notification server or the burst gate only delay it);
//! - `shown`: the notification server accepted its popup, or a summary that counts it;
//! - `silenced`: it never pops up (`shouldNotify` false, do-not-disturb, a silent app).
//!
//! Only `due` ever changes, and only to `shown` or `silenced`; a row is never deleted (not even
//! when the account is removed), so a notification seen again never pops up again.
//!
//! A due popup on its way to the notification server is marked `sending`, committed right
//! before `Notify` goes out. A crash leaves the mark behind, and the next start counts such a
//! popup as shown (`settle_interrupted`): the bytes left within microseconds of the mark, while
//! the server's answer, after which the popup would be settled, takes milliseconds. Without the
//! mark a crash in those milliseconds showed the popup twice.

use rusqlite::{params, Connection};

use crate::Result;

pub(super) const V1: &str = "
CREATE TABLE popups (
    account         TEXT NOT NULL,
    notification_id INTEGER NOT NULL,
    popped_at       INTEGER NOT NULL,
    PRIMARY KEY (account, notification_id)
) WITHOUT ROWID;";

/// Rows from before version 8 were claimed when first seen: they count as handled. From now on
/// `popped_at` is when the row was first written (the notification first seen).
pub(super) const V8: &str = "
ALTER TABLE popups ADD COLUMN state TEXT NOT NULL DEFAULT 'shown'
    CHECK (state IN ('due', 'shown', 'silenced'));";

/// The `sending` mark of a due popup on its way to the notification server.
pub(super) const V9: &str = "
ALTER TABLE popups ADD COLUMN sending INTEGER NOT NULL DEFAULT 0;";

/// What a newly seen notification's popup is to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstSeen {
    Due,
    Silenced,
}

/// Records a notification seen for the first time; false when it had been seen before (its
/// state then stays as it is).
pub fn record(
    conn: &Connection,
    account: &str,
    notification_id: i64,
    first_seen: FirstSeen,
    now: i64,
) -> Result<bool> {
    let state = match first_seen {
        FirstSeen::Due => "due",
        FirstSeen::Silenced => "silenced",
    };
    let inserted = conn.execute(
        "INSERT INTO popups (account, notification_id, popped_at, state) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
        params![account, notification_id, now, state],
    )?;
    Ok(inserted == 1)
}

/// The ids whose popup is still due and not on its way, lowest first.
pub fn due(conn: &Connection, account: &str) -> Result<Vec<i64>> {
    let mut query = conn.prepare_cached(
        "SELECT notification_id FROM popups WHERE account = ?1 AND state = 'due' AND sending = 0
         ORDER BY notification_id",
    )?;
    let ids = query.query_map(params![account], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Whether the popup of this notification is still due and not on its way.
pub fn is_due(conn: &Connection, account: &str, notification_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM popups
             WHERE account = ?1 AND notification_id = ?2 AND state = 'due' AND sending = 0",
        )?
        .exists(params![account, notification_id])?)
}

/// Marks these popups as on their way, when every one is due and none is on its way already;
/// false (and nothing marked) otherwise. Run inside a transaction.
pub fn mark_sending(conn: &Connection, account: &str, notification_ids: &[i64]) -> Result<bool> {
    for id in notification_ids {
        if !is_due(conn, account, *id)? {
            return Ok(false);
        }
    }
    let mut update = conn.prepare_cached(
        "UPDATE popups SET sending = 1 WHERE account = ?1 AND notification_id = ?2",
    )?;
    for id in notification_ids {
        update.execute(params![account, id])?;
    }
    Ok(true)
}

/// The server did not take these popups: due again, to be offered later.
pub fn unmark_sending(conn: &Connection, account: &str, notification_ids: &[i64]) -> Result<()> {
    let mut update = conn.prepare_cached(
        "UPDATE popups SET sending = 0 WHERE account = ?1 AND notification_id = ?2",
    )?;
    for id in notification_ids {
        update.execute(params![account, id])?;
    }
    Ok(())
}

/// Popups a crash left on their way count as shown; returns their ids.
pub fn settle_interrupted(conn: &Connection, account: &str) -> Result<Vec<i64>> {
    let mut update = conn.prepare_cached(
        "UPDATE popups SET state = 'shown', sending = 0
         WHERE account = ?1 AND state = 'due' AND sending = 1
         RETURNING notification_id",
    )?;
    let ids = update.query_map(params![account], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Settles due popups as shown (or silenced); returns the ids that were still due, so a popup
/// settled twice (two offers racing) is known to be a repeat.
pub fn settle(
    conn: &Connection,
    account: &str,
    notification_ids: &[i64],
    shown: bool,
) -> Result<Vec<i64>> {
    let state = if shown { "shown" } else { "silenced" };
    let mut update = conn.prepare_cached(
        "UPDATE popups SET state = ?3, sending = 0
         WHERE account = ?1 AND notification_id = ?2 AND state = 'due'",
    )?;
    let mut settled = Vec::new();
    for id in notification_ids {
        if update.execute(params![account, id, state])? == 1 {
            settled.push(*id);
        }
    }
    Ok(settled)
}

/// Whether the notification was handled already: shown or silenced (not merely seen).
pub fn is_claimed(conn: &Connection, account: &str, notification_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM popups WHERE account = ?1 AND notification_id = ?2 AND state != 'due'",
        )?
        .exists(params![account, notification_id])?)
}

pub fn count(conn: &Connection, account: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM popups WHERE account = ?1",
        params![account],
        |row| row.get(0),
    )?)
}
