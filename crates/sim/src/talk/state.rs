//! What Talk remembers: rooms with their attendees, sessions, chat messages, reactions and the
//! running call, plus the ids the server hands out. Lives in `Inner::talk`, under the one lock.

use std::collections::HashSet;

use tokio::sync::watch;

use super::system_messages::System;
use super::TalkApi;

/// Room types as the API numbers them.
pub(crate) const ONE_TO_ONE: i64 = 1;
pub(crate) const GROUP: i64 = 2;
pub(crate) const PUBLIC: i64 = 3;
pub(crate) const CHANGELOG: i64 = 4;
pub(crate) const NOTE_TO_SELF: i64 = 6;

/// Participant types.
pub(crate) const OWNER: i64 = 1;
pub(crate) const MODERATOR: i64 = 2;
pub(crate) const USER: i64 = 3;
/// A user who joined a public room by its link.
pub(crate) const USER_SELF_JOINED: i64 = 5;

/// Permissions bit sets the server reports (fixture 081): everything for moderators, no
/// "lobby ignore / moderate" bits for plain users.
pub(crate) const PERMISSIONS_MODERATOR: i64 = 254;
pub(crate) const PERMISSIONS_USER: i64 = 246;

pub(crate) struct Talk {
    /// Which generation of the API the simulated server speaks.
    pub api: TalkApi,
    /// For links and avatar URLs in rich objects and notifications.
    pub base_url: String,
    pub rooms: Vec<Room>,
    pub next_room_id: i64,
    pub next_attendee_id: i64,
    /// Comment ids are global (one comments table for all rooms), like the server's.
    pub next_message_id: i64,
    /// Users whose changelog and note-to-self rooms exist (made on their first room list).
    pub initialised: HashSet<String>,
    /// Everything that happened, oldest first, for the activity stream (see [`TalkEvent`]).
    pub events: Vec<TalkEvent>,
    /// Set by a chat long-poll that found nothing new: `ocs::dispatch` waits outside the lock
    /// until the room changes or the deadline passes, then asks again.
    pub wait: Option<Wait>,
    /// The deadline of the long-poll being asked again (set by `ocs::dispatch`).
    pub resume: Option<tokio::time::Instant>,
    rng: u64,
}

impl Talk {
    pub(crate) fn new(api: TalkApi, base_url: &str) -> Talk {
        Talk {
            api,
            base_url: base_url.to_owned(),
            rooms: Vec::new(),
            next_room_id: 1,
            next_attendee_id: 1,
            next_message_id: 1,
            initialised: HashSet::new(),
            events: Vec::new(),
            wait: None,
            resume: None,
            rng: seed_from_clock(),
        }
    }

    pub(crate) fn room(&self, token: &str) -> Option<&Room> {
        self.rooms.iter().find(|r| r.token == token)
    }

    pub(crate) fn room_index(&self, token: &str) -> Option<usize> {
        self.rooms.iter().position(|r| r.token == token)
    }

    /// `len` characters from `alphabet`, from a small xorshift generator (no crypto needed).
    pub(crate) fn random(&mut self, len: usize, alphabet: &[u8]) -> String {
        (0..len)
            .map(|_| {
                self.rng ^= self.rng << 13;
                self.rng ^= self.rng >> 7;
                self.rng ^= self.rng << 17;
                alphabet[(self.rng % alphabet.len() as u64) as usize] as char
            })
            .collect()
    }

    /// A new room token: 8 characters of lower-case letters and digits (e.g. `pj4sxr7h`).
    pub(crate) fn new_token(&mut self) -> String {
        loop {
            let token = self.random(8, b"abcdefghijkmnopqrstuvwxyz0123456789");
            if self.room(&token).is_none() {
                return token;
            }
        }
    }

    /// A session id: the server's are 512 characters long.
    pub(crate) fn new_session_id(&mut self) -> String {
        self.random(
            512,
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        )
    }
}

fn seed_from_clock() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    nanos | 1
}

/// A chat long-poll waiting for its room to change.
pub(crate) struct Wait {
    pub changed: watch::Receiver<i64>,
    pub deadline: tokio::time::Instant,
}

impl Wait {
    /// Returns when the room changed (or went away) or the deadline passed.
    pub(crate) async fn until_changed(mut self) {
        let _ = tokio::time::timeout_at(self.deadline, self.changed.changed()).await;
    }
}

pub(crate) struct Room {
    pub id: i64,
    pub token: String,
    pub room_type: i64,
    pub name: String,
    pub description: String,
    pub password: Option<String>,
    pub object_type: String,
    pub object_id: String,
    pub read_only: i64,
    /// Who made the room (a one-to-one room stays out of the other user's list until used).
    pub created_by: String,
    pub avatar_version: String,
    pub is_custom_avatar: bool,
    pub attendees: Vec<Attendee>,
    /// In id order.
    pub messages: Vec<Message>,
    pub last_activity: i64,
    /// When anything about the room last changed (for `modifiedSince`).
    pub modified_at: i64,
    pub call: Option<Call>,
    /// A one-to-one room shows up in the invited user's list only once something happened
    /// in it (fixture 140 lists no one-to-one room before its first message).
    pub had_activity: bool,
    /// Bumped with the newest message id on every change; long-polls watch it.
    pub changed: watch::Sender<i64>,
}

impl Room {
    pub(crate) fn attendee(&self, actor_id: &str) -> Option<&Attendee> {
        self.attendees.iter().find(|a| a.actor_id == actor_id)
    }

    pub(crate) fn attendee_mut(&mut self, actor_id: &str) -> Option<&mut Attendee> {
        self.attendees.iter_mut().find(|a| a.actor_id == actor_id)
    }

    pub(crate) fn message(&self, id: i64) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    pub(crate) fn last_message_id(&self) -> i64 {
        self.messages.last().map_or(0, |m| m.id)
    }

    /// The newest message that counts as the room's `lastMessage` (reaction bookkeeping does
    /// not: fixture 140 shows the reply, not the reaction messages after it).
    pub(crate) fn last_message(&self) -> Option<&Message> {
        self.messages
            .iter()
            .rev()
            .find(|m| !m.system.as_ref().is_some_and(System::is_silent))
    }

    pub(crate) fn is_moderator(&self, actor_id: &str) -> bool {
        self.attendee(actor_id)
            .is_some_and(|a| a.participant_type == OWNER || a.participant_type == MODERATOR)
    }

    /// The other user of a one-to-one room.
    pub(crate) fn other(&self, actor_id: &str) -> Option<&Attendee> {
        self.attendees.iter().find(|a| a.actor_id != actor_id)
    }

    /// The lowest read marker of the room's users (`X-Chat-Last-Common-Read`).
    pub(crate) fn last_common_read(&self) -> i64 {
        self.attendees
            .iter()
            .map(|a| a.last_read_message)
            .min()
            .unwrap_or(0)
    }

    /// Marks a change: long-polls wake up, `modifiedSince` lists the room again.
    pub(crate) fn touch(&mut self, now: i64) {
        self.modified_at = now;
        let last = self.last_message_id();
        self.changed.send_replace(last);
    }
}

pub(crate) struct Attendee {
    pub id: i64,
    /// Always `users` in the simulator (no guest sessions).
    pub actor_type: String,
    pub actor_id: String,
    pub participant_type: i64,
    pub favorite: bool,
    pub notification_level: i64,
    pub notification_calls: i64,
    pub last_read_message: i64,
    /// The room session of `POST participants/active`, if joined.
    pub session: Option<Session>,
}

pub(crate) struct Session {
    pub id: String,
    pub last_ping: i64,
    /// Call flags while in the call (1 in call, 2 audio, 4 video), else 0.
    pub in_call: i64,
}

pub(crate) struct Call {
    pub started_at: i64,
    pub started_by: String,
    /// Everyone who was in this call, in the order they joined.
    pub joined: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Actor {
    User(String),
    /// The changelog bot of the "Talk updates" room.
    Changelog,
    /// `guests/system`, the author of system-made rooms' first message.
    System,
}

pub(crate) struct Message {
    pub id: i64,
    pub actor: Actor,
    pub timestamp: i64,
    /// The raw text as sent (mentions still `@bob`); for system messages see `system`.
    pub text: String,
    pub system: Option<System>,
    pub reference_id: String,
    pub parent: Option<i64>,
    pub thread_id: i64,
    /// `(emoji, user, timestamp)` in the order they were given.
    pub reactions: Vec<(String, String, i64)>,
    /// User ids mentioned directly; `all` for `@all`.
    pub mentions: Vec<String>,
}

impl Message {
    pub(crate) fn is_comment(&self) -> bool {
        self.system.is_none()
    }

    pub(crate) fn author(&self) -> Option<&str> {
        match &self.actor {
            Actor::User(id) => Some(id),
            _ => None,
        }
    }
}

/// One thing that happened in Talk, for the activity app (which turns calls and invitations
/// into activities) and anyone else who wants to follow along.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TalkEvent {
    pub at: i64,
    pub token: String,
    pub room_name: String,
    pub kind: TalkEventKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TalkEventKind {
    RoomCreated {
        by: String,
    },
    /// `user` was added to the room by `by` (an "invitation" activity for `user`).
    UserAdded {
        by: String,
        user: String,
    },
    UserRemoved {
        by: String,
        user: String,
    },
    MessagePosted {
        by: String,
        message_id: i64,
    },
    CallStarted {
        by: String,
    },
    /// The call is over; `users` were in it for `duration` seconds.
    CallEnded {
        users: Vec<String>,
        duration: i64,
    },
    RoomDeleted {
        by: String,
    },
}
