//! The full-text index over everything a user may look for offline: notifications,
//! activities and chat messages (SQLite FTS5).
//!
//! `search_entries` holds one row per indexed item — `(account, kind, ref_id, text)` — and the
//! FTS5 table `search` indexes its text as external content (`content_rowid = id`). Triggers
//! keep the index equal to the entries on insert, update and delete, so removing an entry is
//! a lookup on its unique key and an item that is gone is never found again. An entry's id
//! orders it by date, so the newest hits come first and cost the same however many match.
//!
//! Writers call [`index`] and [`remove`] (or [`remove_all`]) in the same transaction in which
//! they change their own table: the notification and activity stores do, and the chat store
//! does it for messages with [`Kind::Message`].

use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde::{Deserialize, Serialize};

use crate::Result;

pub(super) const V4: &str = "
CREATE TABLE search_entries (
    id      INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    kind    TEXT NOT NULL,     -- notification | activity | message
    ref_id  INTEGER NOT NULL,  -- the id of the item in its own table
    text    TEXT NOT NULL,
    UNIQUE (account, kind, ref_id)
);
CREATE VIRTUAL TABLE search USING fts5(
    text,
    content = 'search_entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER search_entries_inserted AFTER INSERT ON search_entries BEGIN
    INSERT INTO search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_entries_deleted AFTER DELETE ON search_entries BEGIN
    INSERT INTO search (search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_entries_updated AFTER UPDATE OF text ON search_entries BEGIN
    INSERT INTO search (search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search (rowid, text) VALUES (new.id, new.text);
END;";

/// Marks around the matched words in [`Match::snippet`].
pub const MARK_START: &str = "[";
pub const MARK_END: &str = "]";

/// What an indexed item is; `ref_id` is its id in that kind's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Notification,
    Activity,
    Message,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Notification, Kind::Activity, Kind::Message];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Notification => "notification",
            Kind::Activity => "activity",
            Kind::Message => "message",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// Adds the item to the index, or replaces its text, dated now (see [`index_at`]).
pub fn index(conn: &Connection, account: &str, kind: Kind, ref_id: i64, text: &str) -> Result<()> {
    index_at(conn, account, kind, ref_id, text, crate::engine::unix_now())
}

/// Adds the item to the index with its date (unix seconds), which orders the hits: newest
/// first. An item indexed before keeps its place and gets the new text.
pub fn index_at(
    conn: &Connection,
    account: &str,
    kind: Kind,
    ref_id: i64,
    text: &str,
    at: i64,
) -> Result<()> {
    let existing: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT id, text FROM search_entries WHERE account = ?1 AND kind = ?2 AND ref_id = ?3",
        )?
        .query_row(params![account, kind.as_str(), ref_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    match existing {
        Some((_, old)) if old == text => {}
        Some((id, _)) => {
            conn.prepare_cached("UPDATE search_entries SET text = ?2 WHERE id = ?1")?
                .execute(params![id, text])?;
        }
        None => {
            let mut insert = conn.prepare_cached(
                "INSERT OR IGNORE INTO search_entries (id, account, kind, ref_id, text)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            // The entry's id is its place in the newest-first order; another item may hold
            // the same place (same second, same low bits of the id): take the next free one.
            let mut id = order_key(at, ref_id);
            while insert.execute(params![id, account, kind.as_str(), ref_id, text])? == 0 {
                id += 1;
            }
        }
    }
    Ok(())
}

/// The id of an entry: its date in the high bits, so FTS5 walks the hits newest first by
/// rowid and a query stops after `limit` of them however many match.
fn order_key(at: i64, ref_id: i64) -> i64 {
    (at.clamp(0, 1 << 42) << 20) | (ref_id & 0xF_FFFF)
}

/// Takes the item out of the index (nothing happens if it was not there).
pub fn remove(conn: &Connection, account: &str, kind: Kind, ref_id: i64) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM search_entries WHERE account = ?1 AND kind = ?2 AND ref_id = ?3",
    )?
    .execute(params![account, kind.as_str(), ref_id])?;
    Ok(())
}

/// Takes every item of one kind of the account out of the index.
pub fn remove_all(conn: &Connection, account: &str, kind: Kind) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_entries WHERE account = ?1 AND kind = ?2")?
        .execute(params![account, kind.as_str()])?;
    Ok(())
}

/// One item whose text matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub kind: Kind,
    pub ref_id: i64,
    /// The matching part of the text, matched words between [`MARK_START`] and [`MARK_END`].
    pub snippet: String,
}

/// The items of `account` of the given kinds (all kinds when empty) whose text contains every
/// word of `text` (each word also as the start of a longer one: `rep` finds "report"), newest
/// first (by the date they were indexed with). Words are taken literally: FTS5 operators in
/// `text` are not interpreted. No words → nothing.
pub fn query(
    conn: &Connection,
    account: &str,
    text: &str,
    kinds: &[Kind],
    limit: usize,
) -> Result<Vec<Match>> {
    let Some(expression) = match_expression(text) else {
        return Ok(Vec::new());
    };
    let kinds: Vec<&str> = if kinds.is_empty() {
        Kind::ALL.iter().map(|k| k.as_str()).collect()
    } else {
        kinds.iter().map(|k| k.as_str()).collect()
    };
    let placeholders = (0..kinds.len())
        .map(|i| format!("?{}", i + 4))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT e.kind, e.ref_id, snippet(search, 0, '{MARK_START}', '{MARK_END}', '…', 16)
         FROM search JOIN search_entries e ON e.id = search.rowid
         WHERE search MATCH ?1 AND e.account = ?2 AND e.kind IN ({placeholders})
         ORDER BY search.rowid DESC LIMIT ?3"
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut values: Vec<&dyn ToSql> = vec![&expression, &account, &limit];
    values.extend(kinds.iter().map(|k| k as &dyn ToSql));
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(values.as_slice(), |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    let mut matches = Vec::new();
    for row in rows {
        let (kind, ref_id, snippet) = row?;
        if let Some(kind) = Kind::parse(&kind) {
            matches.push(Match {
                kind,
                ref_id,
                snippet,
            });
        }
    }
    Ok(matches)
}

/// The FTS5 expression for what a user typed: every word quoted (so `AND`, `-`, `"` or `*`
/// are just text) and made a prefix, all of them required. `None` when nothing searchable is
/// left.
pub fn match_expression(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn ids(matches: &[Match]) -> Vec<(Kind, i64)> {
        matches.iter().map(|m| (m.kind, m.ref_id)).collect()
    }

    #[test]
    fn what_users_type_never_reaches_fts5_as_syntax() {
        assert_eq!(match_expression("  "), None);
        assert_eq!(match_expression("- * ( )"), None);
        assert_eq!(
            match_expression("Quarterly rep"),
            Some("\"Quarterly\"* \"rep\"*".into())
        );
        assert_eq!(
            match_expression("say \"hi\" OR NEAR"),
            Some("\"say\"* \"\"\"hi\"\"\"* \"OR\"* \"NEAR\"*".into())
        );
    }

    #[test]
    fn indexed_items_are_found_until_they_are_removed_or_changed() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        index(conn, "a", Kind::Message, 7, "Lunch at the Café tomorrow?").unwrap();
        index(conn, "a", Kind::Activity, 7, "You changed report.odt").unwrap();
        index(conn, "b", Kind::Message, 8, "lunch for account b").unwrap();

        let found = query(conn, "a", "cafe lun", &[], 10).unwrap();
        assert_eq!(ids(&found), [(Kind::Message, 7)]);
        assert_eq!(found[0].snippet, "[Lunch] at the [Café] tomorrow?");
        assert!(query(conn, "a", "report", &[Kind::Message], 10)
            .unwrap()
            .is_empty());
        assert_eq!(
            ids(&query(conn, "a", "report", &[Kind::Activity], 10).unwrap()),
            [(Kind::Activity, 7)]
        );

        index(conn, "a", Kind::Message, 7, "Dinner instead").unwrap();
        assert!(query(conn, "a", "lunch", &[], 10).unwrap().is_empty());
        assert_eq!(query(conn, "a", "dinner", &[], 10).unwrap().len(), 1);

        remove(conn, "a", Kind::Message, 7).unwrap();
        assert!(query(conn, "a", "dinner", &[], 10).unwrap().is_empty());
        remove_all(conn, "a", Kind::Activity).unwrap();
        assert!(query(conn, "a", "report", &[], 10).unwrap().is_empty());
        assert_eq!(
            ids(&query(conn, "b", "lunch", &[], 10).unwrap()),
            [(Kind::Message, 8)]
        );
        let integrity: rusqlite::Result<usize> = conn.execute(
            "INSERT INTO search (search, rank) VALUES ('integrity-check', 1)",
            [],
        );
        integrity.unwrap();
    }

    #[test]
    fn notifications_cached_before_search_existed_are_indexed_by_the_migration() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        conn.execute(
            "INSERT INTO notifications (account, notification_id, app, datetime, subject, message,
                 link, object_type, object_id, should_notify, body)
             VALUES ('a', 3, 'files', '2026-01-01T00:00:00+00:00', 'Backup finished', NULL,
                 NULL, 'x', '1', 1, '{}')",
            [],
        )
        .unwrap();
        assert!(query(conn, "a", "backup", &[], 10).unwrap().is_empty());
        conn.execute_batch(crate::store::notifications::V4).unwrap();
        let found = query(conn, "a", "backup", &[], 10).unwrap();
        assert_eq!(ids(&found), [(Kind::Notification, 3)]);
        // The same text the store writes, so re-indexing the row changes nothing.
        let text: String = conn
            .query_row("SELECT text FROM search_entries", [], |row| row.get(0))
            .unwrap();
        let notification: nextcloud::Notification = serde_json::from_value(serde_json::json!({
            "notification_id": 3, "app": "files", "user": "a", "datetime": "2026-01-01T00:00:00+00:00",
            "object_type": "x", "object_id": "1", "subject": "Backup finished", "message": "",
            "link": "", "actions": []
        }))
        .unwrap();
        assert_eq!(
            text,
            crate::store::notifications::search_text(&notification)
        );
    }
}
