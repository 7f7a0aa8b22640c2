//! The SQLite cache. One module per table, each with the SQL of its migrations; this module
//! opens the file and applies the migrations in order, tracked by `PRAGMA user_version`.

pub mod activities;
pub mod capabilities;
pub mod messages;
mod migrations;
pub mod notifications;
pub mod other_statuses;
pub mod popups;
pub mod presets;
pub mod rooms;
pub mod search;
pub mod statuses;
pub mod sync_state;
pub mod user_metadata;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use crate::Result;

pub use migrations::SCHEMA_VERSION;

/// An open cache database with every migration applied.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                crate::Error::Config(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn)
    }

    /// An in-memory database, for tools and tests that need no file.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Self> {
        // WAL lets the CLI read while the tray writes; the busy timeout covers the moments
        // both write at once.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrations::apply(&mut conn)?;
        Ok(Self { conn })
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    pub(crate) fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
