//! Per account and resource, what the server last told us: the ETag to send back.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

pub(super) const V1: &str = "
CREATE TABLE sync_state (
    account    TEXT NOT NULL,
    resource   TEXT NOT NULL,
    etag       TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account, resource)
) WITHOUT ROWID;";

/// What the last successful sync of a resource left: its ETag and when it happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LastSync {
    pub etag: Option<String>,
    pub at: i64,
}

/// `None` when the resource was never synced for this account.
pub fn last_sync(conn: &Connection, account: &str, resource: &str) -> Result<Option<LastSync>> {
    // Cached: every poll asks it first.
    Ok(conn
        .prepare_cached(
            "SELECT etag, updated_at FROM sync_state WHERE account = ?1 AND resource = ?2",
        )?
        .query_row(params![account, resource], |row| {
            Ok(LastSync {
                etag: row.get(0)?,
                at: row.get(1)?,
            })
        })
        .optional()?)
}

pub fn set_etag(
    conn: &Connection,
    account: &str,
    resource: &str,
    etag: Option<&str>,
    now: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (account, resource, etag, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account, resource) DO UPDATE SET etag = excluded.etag,
                                                       updated_at = excluded.updated_at",
        params![account, resource, etag, now],
    )?;
    Ok(())
}
