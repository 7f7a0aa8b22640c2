//! Local status presets: named combinations of status type, emoji, message and clear-after
//! that the user applies in one step. They live only on this machine.

use nextcloud::StatusType;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub(super) const V2: &str = "
CREATE TABLE status_presets (
    account          TEXT NOT NULL,
    name             TEXT NOT NULL,
    status           TEXT NOT NULL,
    icon             TEXT,
    message          TEXT,
    clear_after_secs INTEGER,
    PRIMARY KEY (account, name)
) WITHOUT ROWID;";

/// One preset, e.g. "Focus": dnd, 🎧, "Heads down", clears after 2 h.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusPreset {
    pub name: String,
    // The client's type has no TS derive; the daemon's generator writes its union.
    #[cfg_attr(feature = "ts", ts(type = "StatusType"))]
    pub status: StatusType,
    pub icon: Option<String>,
    pub message: Option<String>,
    /// Seconds from applying until the server clears the message; `None` = don't clear.
    pub clear_after_secs: Option<i64>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<(StatusPreset, String)> {
    Ok((
        StatusPreset {
            name: row.get(0)?,
            status: StatusType::Offline,
            icon: row.get(2)?,
            message: row.get(3)?,
            clear_after_secs: row.get(4)?,
        },
        row.get(1)?,
    ))
}

fn with_status((mut preset, status): (StatusPreset, String)) -> Result<StatusPreset> {
    preset.status = status
        .parse()
        .map_err(|_| Error::Invalid(format!("preset {:?} has an unknown status", preset.name)))?;
    Ok(preset)
}

/// Adds the preset, or replaces the one with the same name.
pub fn save(conn: &Connection, account: &str, preset: &StatusPreset) -> Result<()> {
    conn.execute(
        "INSERT INTO status_presets (account, name, status, icon, message, clear_after_secs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (account, name) DO UPDATE SET status = excluded.status, icon = excluded.icon,
             message = excluded.message, clear_after_secs = excluded.clear_after_secs",
        params![
            account,
            preset.name,
            preset.status.as_str(),
            preset.icon,
            preset.message,
            preset.clear_after_secs
        ],
    )?;
    Ok(())
}

pub fn list(conn: &Connection, account: &str) -> Result<Vec<StatusPreset>> {
    let mut query = conn.prepare_cached(
        "SELECT name, status, icon, message, clear_after_secs FROM status_presets
         WHERE account = ?1 ORDER BY name COLLATE NOCASE",
    )?;
    let rows = query.query_map(params![account], from_row)?;
    rows.map(|row| with_status(row?)).collect()
}

pub fn get(conn: &Connection, account: &str, name: &str) -> Result<Option<StatusPreset>> {
    conn.query_row(
        "SELECT name, status, icon, message, clear_after_secs FROM status_presets
         WHERE account = ?1 AND name = ?2",
        params![account, name],
        from_row,
    )
    .optional()?
    .map(with_status)
    .transpose()
}

/// Removes the preset; false when there was none of that name.
pub fn remove(conn: &Connection, account: &str, name: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM status_presets WHERE account = ?1 AND name = ?2",
        params![account, name],
    )? == 1)
}
