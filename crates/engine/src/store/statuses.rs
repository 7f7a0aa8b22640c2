//! The account's own status, its backup (the status a call or automation overwrote) and the
//! server's predefined messages: what the tray menu shows without asking the server.

use rusqlite::{params, Connection, OptionalExtension};

use crate::status::StatusSnapshot;
use crate::Result;

pub(super) const V1: &str = "
CREATE TABLE statuses (
    account    TEXT PRIMARY KEY NOT NULL,
    snapshot   TEXT NOT NULL,  -- StatusSnapshot as JSON
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;";

pub fn save(conn: &Connection, account: &str, snapshot: &StatusSnapshot, now: i64) -> Result<()> {
    let json = serde_json::to_string(snapshot).unwrap_or_default();
    conn.execute(
        "INSERT INTO statuses (account, snapshot, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (account) DO UPDATE SET snapshot = excluded.snapshot,
                                            updated_at = excluded.updated_at",
        params![account, json, now],
    )?;
    Ok(())
}

pub fn load(conn: &Connection, account: &str) -> Result<Option<StatusSnapshot>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT snapshot FROM statuses WHERE account = ?1",
            params![account],
            |row| row.get(0),
        )
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}
