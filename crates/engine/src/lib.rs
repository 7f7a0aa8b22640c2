//! The GUI-free heart of nctray: the SQLite cache, the pollers that keep it fresh, the user's
//! status as the menu shows it, and the decision which notification pops up.
//!
//! The front ends (the daemon's tray and D-Bus API, the command line) hold their accounts in
//! [`accounts::Accounts`], call into each account's [`Engine`] and listen to [`EngineEvent`]s.

/// A feature's handler: a `Copy` view of one engine (`engine.<method>()`), whose methods take
/// `self` so their futures own what they borrow; the engine's shared parts through `Deref`.
macro_rules! handler {
    ($(#[$doc:meta])* $name:ident, $method:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a>(&'a crate::Engine);

        impl crate::Engine {
            pub fn $method(&self) -> $name<'_> {
                $name(self)
            }
        }

        impl std::ops::Deref for $name<'_> {
            type Target = crate::Engine;

            fn deref(&self) -> &crate::Engine {
                self.0
            }
        }
    };
}

mod account;
pub mod accounts;
mod activity;
mod blocking;
mod clear_after;
mod engine;
mod error;
mod event_lines;
mod notifications;
mod paths;
mod popup_decision;
mod popup_gate;
pub mod private_files;
mod rich_text;
mod search;
mod status;
pub mod store;
mod supervisor;
mod sync_interest;
mod talk;
mod user;

pub use account::{Account, AccountSecrets};
pub use activity::{
    filter_choices, ActivityFile, ActivityFilterChoice, ActivityPreview, ActivityStream,
    ActivityView,
};
pub use blocking::blocking;
pub use clear_after::{ClearAfter, NewCustomMessage};
pub use engine::Engine;
pub use error::{set_wording, Error, ErrorKind, ErrorReport, Result, Wording};
pub use event_lines::status_line;
pub use nextcloud;
pub use notifications::{
    NotificationButton, NotificationCheck, NotificationPoll, NotificationView, Notifications,
};
pub use paths::Paths;
pub use popup_decision::{Offer, PopupDecision};
pub use popup_gate::{Popup, PopupGate};
pub use rich_text::{plain_text, rich_parts, rich_parts_of_json, RichObject, RichPart};
pub use search::SearchHit;
pub use status::{
    icon_and_message, BackupStatus, Heartbeat, OwnStatusView, PredefinedClear, PredefinedMessage,
    Status, StatusSnapshot, StatusView,
};
pub use store::messages::ChatMessage;
pub use store::presets::StatusPreset;
pub use store::rooms::{ChatRoom, RoomUnread, UnreadCounts};
pub use store::search::Kind as SearchKind;
pub use store::user_metadata::UserMetadata;
pub use supervisor::{supervise, AccountState, EngineEvent, IdleSource, NeverIdle, SyncConfig};
pub use sync_interest::SyncInterest;
pub use talk::{
    ChatEntry, ChatNews, MentionChoice, NewChatRoom, NewRoomKind, QuotedMessage, Reaction,
    RoomDetails, RoomParticipant, RoomsChange, Talk, FULL_REFRESH_EVERY,
};
