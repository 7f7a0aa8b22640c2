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

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode};

use crate::private_files::{self, FILE_MODE};
use crate::{Error, Result};

pub use migrations::SCHEMA_VERSION;

/// An open cache database with every migration applied.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date. The
    /// folder is 0700 and the file, its `-wal` and `-shm` 0600: the file is made with that
    /// mode before SQLite opens it (SQLite gives its companions the database's mode).
    pub fn open(path: &Path) -> Result<Self> {
        let private = |e: std::io::Error| {
            Error::Config(format!("cannot make {} private: {e}", path.display()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private_files::private_dir(dir).map_err(private)?;
        }
        private_files::create_private_file(path).map_err(private)?;
        private_files::set_mode_if_present(path, FILE_MODE).map_err(private)?;
        let store = Self::prepare(Connection::open(path)?)?;
        // Companions left 0644 by an earlier version keep their mode when SQLite reuses them.
        for companion in companions(path) {
            private_files::set_mode_if_present(&companion, FILE_MODE).map_err(private)?;
        }
        Ok(store)
    }

    /// Opens the cache at the start of the tray or a command, checking every page. A file
    /// SQLite cannot read (garbage, a truncated copy, a disk error) is moved aside as
    /// `<name>.corrupt-<unix time>` and a fresh cache is made in its place: it is a cache,
    /// the server has the truth. A file written by a newer nctray is refused, left as it is.
    pub fn open_checked(path: &Path) -> Result<(Self, Option<SetAside>)> {
        let damage =
            match Self::open(path).and_then(|mut store| store.quick_check().map(|()| store)) {
                Ok(store) => return Ok((store, None)),
                Err(error) => match damage_of(&error) {
                    Some(damage) => damage,
                    None => return Err(error),
                },
            };
        let set_aside = set_aside(path, damage)?;
        tracing::warn!(
            "the cache {} could not be read ({}); moved it to {} and started a new one",
            path.display(),
            set_aside.reason,
            set_aside.moved_to.display()
        );
        Ok((Self::open(path)?, Some(set_aside)))
    }

    fn quick_check(&mut self) -> Result<()> {
        let problems: Vec<String> = self
            .conn
            .prepare("PRAGMA quick_check")?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match problems.as_slice() {
            [ok] if ok == "ok" => Ok(()),
            _ => Err(Error::Database(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(problems.join("; ")),
            ))),
        }
    }

    /// An in-memory database, for tools and tests that need no file.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Self> {
        // WAL lets the CLI read while the tray writes; the busy timeout covers the moments
        // both write at once.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode NORMAL commits without an fsync: a commit survives a crash of the app
        // (the OS has it), only a power cut may undo the last ones. The fsync of FULL widened
        // the instant between a popup's `Notify` reply and recording it as shown, where a
        // crash shows that popup again, from microseconds to the disk's flush time.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // What a removed account leaves is overwritten, not only unlinked from the b-tree.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrations::apply(&mut conn)?;
        Ok(Self { conn })
    }

    /// `PRAGMA synchronous` of this connection (1 = NORMAL).
    pub fn synchronous(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA synchronous", [], |row| row.get(0))?)
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Deletes every row of the account except the notification ids it already popped up
    /// (so signing in again pops none of them a second time), then rebuilds the file so
    /// nothing of the deleted rows stays readable in free pages, the search index or the WAL.
    pub fn forget_account(&mut self, account: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        for table in ACCOUNT_TABLES {
            tx.execute(
                &format!("DELETE FROM {table} WHERE account = ?1"),
                [account],
            )?;
        }
        // FTS5 keeps deleted terms in its segments until they are merged.
        tx.execute("INSERT INTO search (search) VALUES ('optimize')", [])?;
        tx.commit()?;
        self.conn.execute_batch("VACUUM")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub(crate) fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Every table with an `account` column but `popups`, which [`Store::forget_account`] keeps.
const ACCOUNT_TABLES: &[&str] = &[
    "activities",
    "activity_sync",
    "capabilities",
    "messages",
    "notifications",
    "other_statuses",
    "rooms",
    "search_entries",
    "status_presets",
    "statuses",
    "sync_state",
    "user_metadata",
];

/// A cache file that could not be read and was moved out of the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub moved_to: PathBuf,
    /// What SQLite said, for the log and the notice.
    pub reason: String,
}

/// The files SQLite keeps beside a database in WAL mode.
fn companions(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [with("-wal"), with("-shm")]
}

/// Why the file cannot be used as it is, when the answer is to move it aside; `None` for
/// errors a new file would not cure (a newer schema, a busy database, a full disk).
fn damage_of(error: &Error) -> Option<String> {
    match error {
        Error::Database(rusqlite::Error::SqliteFailure(e, message))
            if matches!(
                e.code,
                ErrorCode::NotADatabase
                    | ErrorCode::DatabaseCorrupt
                    | ErrorCode::CannotOpen
                    | ErrorCode::SystemIoFailure
            ) =>
        {
            Some(message.clone().unwrap_or_else(|| e.to_string()))
        }
        _ => None,
    }
}

fn set_aside(path: &Path, reason: String) -> Result<SetAside> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut moved_to = path.as_os_str().to_owned();
    moved_to.push(format!(".corrupt-{now}"));
    let moved_to = PathBuf::from(moved_to);
    let cannot = |e: std::io::Error| {
        Error::Config(format!(
            "the cache {} is damaged ({reason}) and cannot be moved aside: {e}",
            path.display()
        ))
    };
    std::fs::rename(path, &moved_to).map_err(cannot)?;
    // The WAL may hold the newest pages: it goes along. The -shm is only an index of it.
    let [wal, shm] = companions(path);
    let [moved_wal, _] = companions(&moved_to);
    for (from, to) in [(wal, Some(moved_wal)), (shm, None)] {
        let result = match to {
            Some(to) => std::fs::rename(&from, to),
            None => std::fs::remove_file(&from),
        };
        match result {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(cannot(e)),
            _ => {}
        }
    }
    Ok(SetAside { moved_to, reason })
}
