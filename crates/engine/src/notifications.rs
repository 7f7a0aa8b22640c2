//! Notification operations beyond the poll (`engine.rs` polls, caches and dismisses one).

use crate::store::notifications;
use crate::{Engine, Result};

impl Engine {
    /// Dismisses every notification on the server (`DELETE …/notifications`) and empties the
    /// cache, so none of them is listed or found by search any more.
    pub async fn dismiss_all_notifications(&self) -> Result<()> {
        self.client().notifications().delete_all().await?;
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            notifications::replace_all(&tx, &key, &[])?;
            tx.commit()?;
            Ok(())
        })
    }
}
