use rusqlite::Connection;

use super::{
    activities, capabilities, messages, notifications, other_statuses, popups, presets, rooms,
    search, statuses, sync_state, user_metadata,
};
use crate::{Error, Result};

/// Every schema version in release order; each version is the list of table migrations it
/// runs. A released version is never edited, only new ones appended, so any older file can
/// be brought up to date.
const MIGRATIONS: &[&[&str]] = &[
    // 1: the walking skeleton.
    &[sync_state::V1, notifications::V1, popups::V1, statuses::V1],
    // 2: local status presets, cached capabilities.
    &[presets::V2, capabilities::V2],
    // 3: Talk rooms and cached chat messages.
    &[rooms::V3, messages::V3],
    // 4: the activity stream and the full-text search index (existing notifications indexed).
    &[search::V4, activities::V4, notifications::V4],
    // 5: the account's user metadata (display name, quota).
    &[user_metadata::V5],
    // 6: other users' statuses.
    &[other_statuses::V6],
    // 7: the user's language, locale and time zone.
    &[user_metadata::V7],
    // 8: a popup is claimed when it was shown, not when it was first seen.
    &[popups::V8],
    // 9: a popup on its way to the notification server is marked, so a crash cannot repeat it.
    &[popups::V9],
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        // Its tables may mean something this build does not know: reading or "fixing" them
        // could lose what the newer version keeps there.
        return Err(Error::NewerDatabase {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    for (index, steps) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        // One transaction per version: a crash never leaves half a version behind.
        let tx = conn.transaction()?;
        for sql in *steps {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_reaches_the_latest_version_and_reopening_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite3");
        let store = super::super::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        drop(store);
        let store = super::super::Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn every_earlier_version_upgrades_to_the_latest() {
        for start in 0..SCHEMA_VERSION {
            let mut conn = Connection::open_in_memory().unwrap();
            for steps in &MIGRATIONS[..start as usize] {
                for sql in *steps {
                    conn.execute_batch(sql).unwrap();
                }
            }
            conn.pragma_update(None, "user_version", start).unwrap();
            apply(&mut conn).unwrap();
            let version: u32 = conn
                .pragma_query_value(None, "user_version", |row| row.get(0))
                .unwrap();
            assert_eq!(version, SCHEMA_VERSION, "upgrade from {start}");
        }
    }
}
