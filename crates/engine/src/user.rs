//! The account's user on the server (display name, quota) and the statuses of the others,
//! fetched and cached.

use crate::engine::unix_now;
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
