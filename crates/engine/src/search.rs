//! Searching the cache: notifications, activities and chat messages through one full-text
//! index (`store::search`), offline.

use nextcloud::{Activity, Notification};
use serde::Serialize;

use crate::store::search::{self, Kind};
use crate::store::{activities, messages, notifications};
use crate::{ChatMessage, Engine, Result};

/// One item that matches, with the matching part of its text (`snippet`, matched words
/// between [`search::MARK_START`] and [`search::MARK_END`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SearchHit {
    Notification {
        snippet: String,
        notification: Notification,
    },
    Activity {
        snippet: String,
        activity: Activity,
    },
    /// A chat message; `message.token` is its room.
    Message {
        snippet: String,
        /// The same as `message.id`.
        message_id: i64,
        message: ChatMessage,
    },
}

impl SearchHit {
    pub fn kind(&self) -> Kind {
        match self {
            SearchHit::Notification { .. } => Kind::Notification,
            SearchHit::Activity { .. } => Kind::Activity,
            SearchHit::Message { .. } => Kind::Message,
        }
    }

    pub fn snippet(&self) -> &str {
        match self {
            SearchHit::Notification { snippet, .. }
            | SearchHit::Activity { snippet, .. }
            | SearchHit::Message { snippet, .. } => snippet,
        }
    }
}

impl Engine {
    /// The cached items of the given kinds (all when empty) that contain every word of
    /// `text` (words also match as prefixes), best matches first, at most `limit`. Reads only
    /// the cache; FTS5 syntax in `text` is taken literally.
    pub fn search(&self, text: &str, kinds: &[Kind], limit: usize) -> Result<Vec<SearchHit>> {
        let key = self.account().key();
        self.locked(|s| {
            let conn = s.conn();
            let mut hits = Vec::new();
            for found in search::query(conn, &key, text, kinds, limit)? {
                let snippet = found.snippet;
                // An entry whose item cannot be read back is skipped, not fatal.
                let hit = match found.kind {
                    Kind::Notification => {
                        notifications::get(conn, &key, found.ref_id)?.map(|notification| {
                            SearchHit::Notification {
                                snippet,
                                notification,
                            }
                        })
                    }
                    Kind::Activity => activities::get(conn, &key, found.ref_id)?
                        .map(|activity| SearchHit::Activity { snippet, activity }),
                    Kind::Message => {
                        messages::get(conn, &key, found.ref_id)?.map(|message| SearchHit::Message {
                            snippet,
                            message_id: message.id,
                            message,
                        })
                    }
                };
                hits.extend(hit);
            }
            Ok(hits)
        })
    }
}
