//! Who the account is on the server: user id, display name, email and storage quota, for the
//! header of the windows and for offline starts.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Result;

pub(super) const V5: &str = "
CREATE TABLE user_metadata (
    account        TEXT PRIMARY KEY NOT NULL,
    user_id        TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    email          TEXT,
    quota_used     INTEGER NOT NULL,
    quota_total    INTEGER NOT NULL,  -- negative: Nextcloud's unlimited/unknown markers
    quota_relative REAL NOT NULL,
    updated_at     INTEGER NOT NULL
) WITHOUT ROWID;";

/// The user's language, locale and time zone (nctray speaks the user's language).
pub(super) const V7: &str = "
ALTER TABLE user_metadata ADD COLUMN language TEXT;
ALTER TABLE user_metadata ADD COLUMN locale TEXT;
ALTER TABLE user_metadata ADD COLUMN timezone TEXT;";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UserMetadata {
    pub user_id: String,
    pub display_name: String,
    pub email: Option<String>,
    pub quota_used: i64,
    pub quota_total: i64,
    /// Percent of the quota used.
    pub quota_relative: f64,
    /// The language the user chose on the server (Nextcloud's code, e.g. "de", "pt_BR"):
    /// nctray speaks it unless the settings say otherwise.
    #[serde(default)]
    pub language: Option<String>,
    /// The user's locale for dates and numbers (e.g. "de_CH"), when set.
    #[serde(default)]
    pub locale: Option<String>,
    /// The user's time zone (IANA, e.g. "Europe/Berlin"), when set.
    #[serde(default)]
    pub timezone: Option<String>,
}

pub fn save(conn: &Connection, account: &str, user: &UserMetadata, now: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO user_metadata (account, user_id, display_name, email, quota_used,
                                    quota_total, quota_relative, updated_at, language, locale,
                                    timezone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (account) DO UPDATE SET user_id = excluded.user_id,
             display_name = excluded.display_name, email = excluded.email,
             quota_used = excluded.quota_used, quota_total = excluded.quota_total,
             quota_relative = excluded.quota_relative, updated_at = excluded.updated_at,
             language = excluded.language, locale = excluded.locale,
             timezone = excluded.timezone",
        params![
            account,
            user.user_id,
            user.display_name,
            user.email,
            user.quota_used,
            user.quota_total,
            user.quota_relative,
            now,
            user.language,
            user.locale,
            user.timezone
        ],
    )?;
    Ok(())
}

pub fn load(conn: &Connection, account: &str) -> Result<Option<UserMetadata>> {
    Ok(conn
        .query_row(
            "SELECT user_id, display_name, email, quota_used, quota_total, quota_relative,
                    language, locale, timezone
             FROM user_metadata WHERE account = ?1",
            params![account],
            |row| {
                Ok(UserMetadata {
                    user_id: row.get(0)?,
                    display_name: row.get(1)?,
                    email: row.get(2)?,
                    quota_used: row.get(3)?,
                    quota_total: row.get(4)?,
                    quota_relative: row.get(5)?,
                    language: row.get(6)?,
                    locale: row.get(7)?,
                    timezone: row.get(8)?,
                })
            },
        )
        .optional()?)
}
