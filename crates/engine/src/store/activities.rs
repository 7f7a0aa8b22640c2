//! The cached activity stream of each account, and where its sync stands.
//!
//! `activities` holds the entries as the server sent them (merged files entries included),
//! keyed by activity id; the windows read pages of it newest first by id, optionally through a
//! filter, with indexed queries only. `activity_sync` keeps, per account, the `since` ids that
//! continue the stream in both directions, the ETag of the last answer, the user id (for the
//! "by you" / "by others" filters) and the server's filter list.
//!
//! Every entry is also in the full-text index (`store::search`, kind `activity`).

use nextcloud::{Activity, ActivityFilter};
use rusqlite::{params, Connection, OptionalExtension, ToSql};

use super::search::{self, Kind};
use crate::{Error, Result};

pub(super) const V4: &str = "
CREATE TABLE activities (
    account     TEXT NOT NULL,
    activity_id INTEGER NOT NULL,
    timestamp   INTEGER NOT NULL,  -- unix seconds; 0 when the server sent no date
    app         TEXT NOT NULL,
    type        TEXT NOT NULL,
    author      TEXT NOT NULL,     -- the `user` field; '' for system and public-link actions
    object_type TEXT,
    object_id   INTEGER,
    body        TEXT NOT NULL,     -- the whole entry as JSON, for the windows
    PRIMARY KEY (account, activity_id)
) WITHOUT ROWID;
CREATE INDEX activities_by_app    ON activities (account, app, activity_id);
CREATE INDEX activities_by_type   ON activities (account, type, activity_id);
CREATE INDEX activities_by_author ON activities (account, author, activity_id);
CREATE TABLE activity_sync (
    account            TEXT PRIMARY KEY NOT NULL,
    newest_id          INTEGER,  -- `since` to catch up (ascending): the newest id read
    oldest_id          INTEGER,  -- `since` to scroll back (descending): the oldest id read
    reached_end        INTEGER NOT NULL DEFAULT 0,  -- the oldest activity is cached
    etag               TEXT,
    synced_at          INTEGER,
    user_id            TEXT,
    filters            TEXT,     -- the server's filter list as JSON
    filters_fetched_at INTEGER
) WITHOUT ROWID;";

/// Where the sync of an account's stream stands. All `None`/false before the first sync.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The newest activity id the server has given us (`X-Activity-First-Known` of the first
    /// page, then `X-Activity-Last-Given` of each catch-up page): new ones come after it.
    pub newest_id: Option<i64>,
    /// The oldest activity id read (`X-Activity-Last-Given` of a descending page): older
    /// ones come after it.
    pub oldest_id: Option<i64>,
    /// Nothing older than `oldest_id` exists on the server.
    pub reached_end: bool,
    /// The ETag of the last answer, sent back with the first request of the next sync.
    pub etag: Option<String>,
}

/// The search text of an entry: subject, message and the names (paths) of its objects.
pub fn search_text(activity: &Activity) -> String {
    let mut text = activity.subject.clone();
    for part in activity.message.iter().chain(activity.object_name.iter()) {
        text.push('\n');
        text.push_str(part);
    }
    for name in activity.objects.values() {
        if Some(name) != activity.object_name.as_ref() && !name.is_empty() {
            text.push('\n');
            text.push_str(name);
        }
    }
    text
}

/// Stores the entries (an entry with a known id is replaced) and indexes them for search.
/// Returns how many were not cached before.
pub fn upsert(conn: &Connection, account: &str, activities: &[Activity]) -> Result<usize> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO activities (account, activity_id, timestamp, app, type, author,
                                 object_type, object_id, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (account, activity_id) DO UPDATE SET
             timestamp = excluded.timestamp, app = excluded.app, type = excluded.type,
             author = excluded.author, object_type = excluded.object_type,
             object_id = excluded.object_id, body = excluded.body",
    )?;
    let mut known =
        conn.prepare_cached("SELECT 1 FROM activities WHERE account = ?1 AND activity_id = ?2")?;
    let mut new = 0;
    for activity in activities {
        if !known.exists(params![account, activity.activity_id])? {
            new += 1;
        }
        let body = serde_json::to_string(activity).unwrap_or_default();
        insert.execute(params![
            account,
            activity.activity_id,
            activity.timestamp().unwrap_or_default(),
            activity.app,
            activity.kind,
            activity.user.as_deref().unwrap_or_default(),
            activity.object_type,
            activity.object_id,
            body,
        ])?;
        search::index_at(
            conn,
            account,
            Kind::Activity,
            activity.activity_id,
            &search_text(activity),
            activity.timestamp().unwrap_or_default(),
        )?;
    }
    Ok(new)
}

fn decode(body: &str) -> Option<Activity> {
    // A row written by an older build that no longer decodes is skipped, not fatal.
    serde_json::from_str(body).ok()
}

pub fn get(conn: &Connection, account: &str, activity_id: i64) -> Result<Option<Activity>> {
    let body: Option<String> = conn
        .prepare_cached("SELECT body FROM activities WHERE account = ?1 AND activity_id = ?2")?
        .query_row(params![account, activity_id], |row| row.get(0))
        .optional()?;
    Ok(body.as_deref().and_then(decode))
}

pub fn count(conn: &Connection, account: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM activities WHERE account = ?1",
        params![account],
        |row| row.get(0),
    )?)
}

/// Which entries a page shows: the server's filters (`GET …/activity/filters`) applied to
/// the cache, so they work offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Done by the user (`self`).
    ByUser(String),
    /// Done by anyone else, system actions included (`by`).
    ByOthers(String),
    /// Made by one app (`files`, `files_sharing`, `circles`, and any app filter whose id is
    /// the app's name).
    App(String),
    /// Of these activity types (`calendar`, `comments`, `security`, …).
    Types(Vec<String>),
}

impl Scope {
    /// The scope of the server filter `id` for user `user_id`. Filters whose rule the cache
    /// cannot know (favourites live on the server) are refused.
    pub fn of_filter(id: &str, user_id: &str) -> Result<Scope> {
        let types = |list: &[&str]| Scope::Types(list.iter().map(|t| (*t).to_owned()).collect());
        Ok(match id {
            "all" | "" => Scope::All,
            "self" => Scope::ByUser(user_id.to_owned()),
            "by" => Scope::ByOthers(user_id.to_owned()),
            "calendar" => types(&["calendar", "calendar_event"]),
            "calendar_todo" => types(&["calendar_todo"]),
            "comments" => types(&["comments"]),
            "contacts" => types(&["contacts"]),
            "security" => types(&["security"]),
            "files_favorites" => {
                return Err(Error::Invalid(
                    "the favorites filter needs the server's list of favorites; it cannot be \
                     applied to the cached activities"
                        .into(),
                ))
            }
            app => Scope::App(app.to_owned()),
        })
    }

    /// The SQL condition on `activities` (alias `a`) and its values.
    fn condition(&self) -> (String, Vec<&dyn ToSql>) {
        match self {
            Scope::All => ("1".into(), Vec::new()),
            Scope::ByUser(user) => ("a.author = ?".into(), vec![user as &dyn ToSql]),
            Scope::ByOthers(user) => ("a.author != ?".into(), vec![user as &dyn ToSql]),
            Scope::App(app) => ("a.app = ?".into(), vec![app as &dyn ToSql]),
            Scope::Types(types) => (
                format!("a.type IN ({})", vec!["?"; types.len()].join(", ")),
                types.iter().map(|t| t as &dyn ToSql).collect(),
            ),
        }
    }
}

/// Up to `limit` entries in `scope`, newest (highest id) first, older than `before` when
/// given: the next page starts before the last id of this one.
pub fn page(
    conn: &Connection,
    account: &str,
    scope: &Scope,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<Activity>> {
    let (condition, scope_values) = scope.condition();
    let before = before.unwrap_or(i64::MAX);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT a.body FROM activities a
         WHERE a.account = ? AND a.activity_id < ? AND {condition}
         ORDER BY a.activity_id DESC LIMIT ?"
    );
    let mut values: Vec<&dyn ToSql> = vec![&account, &before];
    values.extend(scope_values);
    values.push(&limit);
    let mut query = conn.prepare_cached(&sql)?;
    let rows = query.query_map(values.as_slice(), |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in rows {
        out.extend(decode(&body?));
    }
    Ok(out)
}

/// The entries in `scope` whose text matches `text` (see [`search::query`]), newest first.
pub fn search(
    conn: &Connection,
    account: &str,
    scope: &Scope,
    text: &str,
    limit: usize,
) -> Result<Vec<Activity>> {
    let Some(expression) = search::match_expression(text) else {
        return Ok(Vec::new());
    };
    let (condition, scope_values) = scope.condition();
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT a.body FROM search
         JOIN search_entries e ON e.id = search.rowid
         JOIN activities a ON a.account = e.account AND a.activity_id = e.ref_id
         WHERE search MATCH ? AND e.account = ? AND e.kind = 'activity' AND {condition}
         ORDER BY search.rowid DESC LIMIT ?"
    );
    let mut values: Vec<&dyn ToSql> = vec![&expression, &account];
    values.extend(scope_values);
    values.push(&limit);
    let mut query = conn.prepare_cached(&sql)?;
    let rows = query.query_map(values.as_slice(), |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for body in rows {
        out.extend(decode(&body?));
    }
    Ok(out)
}

// ------------------------------------------------------------------ sync state

fn ensure_row(conn: &Connection, account: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO activity_sync (account) VALUES (?1) ON CONFLICT DO NOTHING")?
        .execute(params![account])?;
    Ok(())
}

pub fn cursor(conn: &Connection, account: &str) -> Result<Cursor> {
    Ok(conn
        .prepare_cached(
            "SELECT newest_id, oldest_id, reached_end, etag FROM activity_sync
             WHERE account = ?1",
        )?
        .query_row(params![account], |row| {
            Ok(Cursor {
                newest_id: row.get(0)?,
                oldest_id: row.get(1)?,
                reached_end: row.get(2)?,
                etag: row.get(3)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

pub fn save_cursor(conn: &Connection, account: &str, cursor: &Cursor, now: i64) -> Result<()> {
    ensure_row(conn, account)?;
    conn.prepare_cached(
        "UPDATE activity_sync SET newest_id = ?2, oldest_id = ?3, reached_end = ?4, etag = ?5,
                                  synced_at = ?6
         WHERE account = ?1",
    )?
    .execute(params![
        account,
        cursor.newest_id,
        cursor.oldest_id,
        cursor.reached_end,
        cursor.etag,
        now
    ])?;
    Ok(())
}

/// The user id of the account as the server named it (`None` until a sync learnt it).
pub fn user_id(conn: &Connection, account: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT user_id FROM activity_sync WHERE account = ?1",
            params![account],
            |row| row.get(0),
        )
        .optional()?
        .flatten())
}

pub fn set_user_id(conn: &Connection, account: &str, user_id: &str) -> Result<()> {
    ensure_row(conn, account)?;
    conn.execute(
        "UPDATE activity_sync SET user_id = ?2 WHERE account = ?1",
        params![account, user_id],
    )?;
    Ok(())
}

/// The cached filter list and when it was fetched.
pub fn filters(conn: &Connection, account: &str) -> Result<Option<(Vec<ActivityFilter>, i64)>> {
    let row: Option<(Option<String>, Option<i64>)> = conn
        .query_row(
            "SELECT filters, filters_fetched_at FROM activity_sync WHERE account = ?1",
            params![account],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((Some(json), Some(at))) => serde_json::from_str(&json).ok().map(|f| (f, at)),
        _ => None,
    })
}

pub fn save_filters(
    conn: &Connection,
    account: &str,
    filters: &[ActivityFilter],
    now: i64,
) -> Result<()> {
    ensure_row(conn, account)?;
    let json = serde_json::to_string(filters).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "UPDATE activity_sync SET filters = ?2, filters_fetched_at = ?3 WHERE account = ?1",
        params![account, json, now],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn activity(id: i64, app: &str, kind: &str, user: &str, subject: &str) -> Activity {
        serde_json::from_value(serde_json::json!({
            "activity_id": id, "datetime": "2026-01-02T03:04:05+00:00", "app": app,
            "type": kind, "user": user, "subject": subject,
            "object_type": "files", "object_id": id, "object_name": format!("/Docs/{id}.odt"),
        }))
        .unwrap()
    }

    fn ids(list: &[Activity]) -> Vec<i64> {
        list.iter().map(|a| a.activity_id).collect()
    }

    #[test]
    fn pages_run_newest_first_through_a_scope() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        let list = [
            activity(1, "files", "file_created", "me", "You created 1.odt"),
            activity(2, "files_sharing", "shared", "me", "You shared 2.odt"),
            activity(3, "files", "file_changed", "bob", "bob changed 3.odt"),
            activity(4, "dav", "calendar_event", "bob", "bob added an event"),
            activity(5, "files", "file_deleted", "", "A file was deleted"),
        ];
        assert_eq!(upsert(conn, "a", &list).unwrap(), 5);
        assert_eq!(upsert(conn, "a", &list[3..]).unwrap(), 0, "known ids");
        assert_eq!(count(conn, "a").unwrap(), 5);

        let page_of =
            |scope: &Scope, before, limit| ids(&page(conn, "a", scope, before, limit).unwrap());
        assert_eq!(page_of(&Scope::All, None, 2), [5, 4]);
        assert_eq!(page_of(&Scope::All, Some(4), 2), [3, 2]);
        assert_eq!(page_of(&Scope::All, Some(2), 2), [1]);
        let me = |id| Scope::of_filter(id, "me").unwrap();
        assert_eq!(page_of(&me("self"), None, 9), [2, 1]);
        assert_eq!(page_of(&me("by"), None, 9), [5, 4, 3]);
        assert_eq!(page_of(&me("files"), None, 9), [5, 3, 1]);
        assert_eq!(page_of(&me("files_sharing"), None, 9), [2]);
        assert_eq!(page_of(&me("calendar"), None, 9), [4]);
        assert!(Scope::of_filter("files_favorites", "me").is_err());
        assert!(page(conn, "other", &Scope::All, None, 9)
            .unwrap()
            .is_empty());

        assert_eq!(
            ids(&search(conn, "a", &Scope::All, "odt", 9).unwrap()),
            [5, 4, 3, 2, 1]
        );
        assert_eq!(
            ids(&search(conn, "a", &me("self"), "docs", 9).unwrap()),
            [2, 1]
        );
        assert_eq!(
            ids(&search(conn, "a", &me("by"), "bob", 9).unwrap()),
            [4, 3]
        );
        assert!(search(conn, "a", &Scope::All, "  ", 9).unwrap().is_empty());
        assert_eq!(get(conn, "a", 3).unwrap().unwrap(), list[2]);
    }

    #[test]
    fn the_cursor_and_the_filters_survive_per_account() {
        let mut store = Store::open_in_memory().unwrap();
        let conn = store.conn();
        assert_eq!(cursor(conn, "a").unwrap(), Cursor::default());
        let saved = Cursor {
            newest_id: Some(9),
            oldest_id: Some(3),
            reached_end: true,
            etag: Some("e".into()),
        };
        save_cursor(conn, "a", &saved, 100).unwrap();
        set_user_id(conn, "a", "alice").unwrap();
        let filter = ActivityFilter {
            id: "files".into(),
            name: "File changes".into(),
            icon: None,
            priority: 30,
        };
        save_filters(conn, "a", std::slice::from_ref(&filter), 200).unwrap();
        assert_eq!(cursor(conn, "a").unwrap(), saved);
        assert_eq!(user_id(conn, "a").unwrap().as_deref(), Some("alice"));
        assert_eq!(filters(conn, "a").unwrap(), Some((vec![filter], 200)));
        assert_eq!(cursor(conn, "b").unwrap(), Cursor::default());
        assert_eq!(user_id(conn, "b").unwrap(), None);
    }
}
