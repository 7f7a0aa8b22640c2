//! The account's user on the server (display name, quota) and the statuses of the others,
//! fetched and cached.

use crate::engine::unix_now;
use crate::store::other_statuses;
use crate::store::user_metadata::{self, UserMetadata};
use crate::{Engine, Result};

impl Engine {
    /// Fetches `cloud/user` and caches it.
    pub async fn refresh_user(&self) -> Result<UserMetadata> {
        let user = self.client().current_user().await?;
        let metadata = UserMetadata {
            user_id: user.id,
            display_name: user.display_name,
            email: user.email,
            quota_used: user.quota.used,
            quota_total: user.quota.total,
            quota_relative: user.quota.relative,
            language: user.language,
            locale: user.locale,
            timezone: user.timezone,
        };
        let key = self.account().key();
        self.locked(|s| user_metadata::save(s.conn(), &key, &metadata, unix_now()))?;
        Ok(metadata)
    }

    pub fn cached_user(&self) -> Result<Option<UserMetadata>> {
        let key = self.account().key();
        self.locked(|s| user_metadata::load(s.conn(), &key))
    }
}

/// Statuses are listed this many per request.
const STATUS_PAGE: u32 = 100;

impl Engine {
    /// Fetches every other user's status the server lists and caches them (for Talk
    /// participants, sharees and mentions). The server lists none when user enumeration is
    /// off: that empty list means "unknown", so the cache keeps its last known statuses.
    pub async fn refresh_other_statuses(&self) -> Result<usize> {
        let api = self.client().user_status();
        let mut all = Vec::new();
        for page in 0.. {
            let batch = api
                .statuses(Some(STATUS_PAGE), Some(page * STATUS_PAGE))
                .await?;
            let last = batch.len() < STATUS_PAGE as usize;
            all.extend(batch);
            if last {
                break;
            }
        }
        if all.is_empty() {
            return Ok(0);
        }
        let key = self.account().key();
        self.locked(|s| other_statuses::replace_all(s.conn(), &key, &all))?;
        Ok(all.len())
    }

    pub fn cached_status_of(&self, user_id: &str) -> Result<Option<nextcloud::PublicStatus>> {
        let key = self.account().key();
        self.locked(|s| other_statuses::get(s.conn(), &key, user_id))
    }
}
