//! The server's capabilities as last fetched, with the ETag that makes refetching them cost a
//! 304: they say how often to poll, whether push exists and which APIs the server speaks.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use crate::Result;

pub(super) const V2: &str = "
CREATE TABLE capabilities (
    account    TEXT PRIMARY KEY NOT NULL,
    etag       TEXT,
    data       TEXT NOT NULL,  -- the OCS data object: {version, capabilities}
    fetched_at INTEGER NOT NULL
) WITHOUT ROWID;";

pub struct StoredCapabilities {
    pub etag: Option<String>,
    pub data: Value,
}

pub fn save(
    conn: &Connection,
    account: &str,
    etag: Option<&str>,
    data: &Value,
    now: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO capabilities (account, etag, data, fetched_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account) DO UPDATE SET etag = excluded.etag, data = excluded.data,
                                            fetched_at = excluded.fetched_at",
        params![account, etag, data.to_string(), now],
    )?;
    Ok(())
}

pub fn load(conn: &Connection, account: &str) -> Result<Option<StoredCapabilities>> {
    let row: Option<(Option<String>, String)> = conn
        .query_row(
            "SELECT etag, data FROM capabilities WHERE account = ?1",
            params![account],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(etag, data)| {
        let data = serde_json::from_str(&data).ok()?;
        Some(StoredCapabilities { etag, data })
    }))
}
