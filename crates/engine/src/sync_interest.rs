//! What the windows show of an account right now. The shell says so (a window opened or
//! closed); the supervisor reads it to keep that data fresher, and to poll less when nothing
//! is shown.

use tokio::sync::watch;

use crate::Engine;

/// The account's data that an open window shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncInterest {
    /// The quick chat is open: the room list is kept fresh with quick incremental polls.
    pub chat_open: bool,
}

impl Engine {
    /// Tells the sync whether the quick chat shows this account.
    pub fn set_chat_open(&self, open: bool) {
        self.interest.send_if_modified(|interest| {
            let changed = interest.chat_open != open;
            interest.chat_open = open;
            changed
        });
    }

    /// What the windows show now.
    pub fn sync_interest(&self) -> SyncInterest {
        *self.interest.borrow()
    }

    /// Changes of [`Engine::sync_interest`], for the supervisor.
    pub(crate) fn watch_interest(&self) -> watch::Receiver<SyncInterest> {
        self.interest.subscribe()
    }
}
