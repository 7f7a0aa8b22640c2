//! Other users' statuses (for Talk participants, sharees and mentions), as the server last
//! listed them.

use nextcloud::PublicStatus;
use rusqlite::{params, Connection};

use crate::Result;

pub(super) const V6: &str = "
CREATE TABLE other_statuses (
    account TEXT NOT NULL,
    user_id TEXT NOT NULL,
    status  TEXT NOT NULL,  -- the PublicStatus as JSON
    PRIMARY KEY (account, user_id)
) WITHOUT ROWID;";

/// Makes the cached list equal to `current` (the server's complete list).
pub fn replace_all(conn: &Connection, account: &str, current: &[PublicStatus]) -> Result<()> {
    conn.execute(
        "DELETE FROM other_statuses WHERE account = ?1",
        params![account],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO other_statuses (account, user_id, status) VALUES (?1, ?2, ?3)",
    )?;
    for status in current {
        let json = serde_json::to_string(status).unwrap_or_default();
        insert.execute(params![account, status.user_id, json])?;
    }
    Ok(())
}

pub fn get(conn: &Connection, account: &str, user_id: &str) -> Result<Option<PublicStatus>> {
    let mut query = conn
        .prepare_cached("SELECT status FROM other_statuses WHERE account = ?1 AND user_id = ?2")?;
    let mut rows = query.query(params![account, user_id])?;
    Ok(match rows.next()? {
        Some(row) => serde_json::from_str(&row.get::<_, String>(0)?).ok(),
        None => None,
    })
}
