//! Other users' statuses (for Talk participants, sharees and mentions), fetched page by page
//! and cached (`store::other_statuses`).

use super::Status;
use crate::store::other_statuses;
use crate::Result;

const STATUS_PAGE: u32 = 100;

impl Status<'_> {
    /// Fetches every other user's status the server lists and caches them (for Talk
    /// participants, sharees and mentions). The server lists none when user enumeration is
    /// off: that empty list means "unknown", so the cache keeps its last known statuses.
    pub async fn refresh_others(self) -> Result<usize> {
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

    pub fn cached_of(self, user_id: &str) -> Result<Option<nextcloud::PublicStatus>> {
        let key = self.account().key();
        self.locked(|s| other_statuses::get(s.conn(), &key, user_id))
    }
}
