//! System messages: what happened in a room, stored as an event and rendered for the reader
//! ("You created the conversation" for the actor, "{actor} created the conversation" for the
//! others, "{actor} added you" for the one affected), as rich object strings with
//! `messageParameters`. Covers every type the seed lists plus the reaction bookkeeping that
//! today's server shows in the history (fixtures 129, 157).

use crate::json::{empty, Node};

use super::node::{map, user_param};
use super::state::Actor;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum System {
    ConversationCreated,
    ConversationRenamed {
        old: String,
        new: String,
    },
    CallStarted,
    CallJoined,
    CallLeft,
    /// `users` were in the call; it lasted `duration` seconds.
    CallEnded {
        users: Vec<String>,
        duration: i64,
    },
    GuestsAllowed,
    GuestsDisallowed,
    PasswordSet,
    PasswordRemoved,
    UserAdded(String),
    UserRemoved(String),
    ModeratorPromoted(String),
    ModeratorDemoted(String),
    /// The guest forms: the simulator has no guest sessions, so nothing posts them yet.
    #[allow(dead_code)]
    GuestModeratorPromoted(String),
    #[allow(dead_code)]
    GuestModeratorDemoted(String),
    /// A reaction; the message text is the emoji, the parent the message reacted to.
    Reaction,
    /// What a `Reaction` message becomes when its author takes the reaction back.
    ReactionDeleted,
    ReactionRevoked,
}

impl System {
    /// The untranslated type (`systemMessage`).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            System::ConversationCreated => "conversation_created",
            System::ConversationRenamed { .. } => "conversation_renamed",
            System::CallStarted => "call_started",
            System::CallJoined => "call_joined",
            System::CallLeft => "call_left",
            System::CallEnded { .. } => "call_ended",
            System::GuestsAllowed => "guests_allowed",
            System::GuestsDisallowed => "guests_disallowed",
            System::PasswordSet => "password_set",
            System::PasswordRemoved => "password_removed",
            System::UserAdded(_) => "user_added",
            System::UserRemoved(_) => "user_removed",
            System::ModeratorPromoted(_) => "moderator_promoted",
            System::ModeratorDemoted(_) => "moderator_demoted",
            System::GuestModeratorPromoted(_) => "guest_moderator_promoted",
            System::GuestModeratorDemoted(_) => "guest_moderator_demoted",
            System::Reaction => "reaction",
            System::ReactionDeleted => "reaction_deleted",
            System::ReactionRevoked => "reaction_revoked",
        }
    }

    /// Reaction bookkeeping neither becomes the room's last message nor counts as activity.
    pub(crate) fn is_silent(&self) -> bool {
        matches!(
            self,
            System::Reaction | System::ReactionDeleted | System::ReactionRevoked
        )
    }

    /// The user the message is about, if any.
    fn subject(&self) -> Option<&str> {
        match self {
            System::UserAdded(u)
            | System::UserRemoved(u)
            | System::ModeratorPromoted(u)
            | System::ModeratorDemoted(u)
            | System::GuestModeratorPromoted(u)
            | System::GuestModeratorDemoted(u) => Some(u),
            _ => None,
        }
    }
}

/// `(message, messageParameters)` of a system message for `viewer`. `text` is the stored
/// text (the emoji of a reaction); `name` gives a user's display name.
pub(crate) fn render(
    system: &System,
    actor: &Actor,
    text: &str,
    viewer: &str,
    name: &dyn Fn(&str) -> String,
) -> (String, Node) {
    let actor_param = match actor {
        Actor::User(id) => user_param(id, &name(id)),
        Actor::System | Actor::Changelog => map()
            .f("type", "guest")
            .f("id", "guest/system")
            .f("name", "System")
            .f("mention-id", "guest/system")
            .build(),
    };
    let by_viewer = matches!(actor, Actor::User(id) if id == viewer);
    let by_system = !matches!(actor, Actor::User(_));
    let subject = system.subject();
    let about_viewer = subject == Some(viewer);
    let self_action = matches!((actor, subject), (Actor::User(a), Some(s)) if a == s);
    // "You …" for the actor, "{actor} … you" for the one it is about, else "{actor} …".
    let pick = |you: &str, other: &str, you_object: &str| -> String {
        if by_viewer {
            you.to_owned()
        } else if about_viewer {
            you_object.to_owned()
        } else {
            other.to_owned()
        }
    };
    let message = match system {
        System::ConversationCreated if by_system => "System created the conversation".to_owned(),
        System::ConversationCreated => pick(
            "You created the conversation",
            "{actor} created the conversation",
            "",
        ),
        System::ConversationRenamed { old, new } => {
            let rest = format!("renamed the conversation from \"{old}\" to \"{new}\"");
            pick(&format!("You {rest}"), &format!("{{actor}} {rest}"), "")
        }
        System::CallStarted => pick("You started a call", "{actor} started a call", ""),
        System::CallJoined => pick("You joined the call", "{actor} joined the call", ""),
        System::CallLeft => pick("You left the call", "{actor} left the call", ""),
        System::CallEnded { users, duration } => call_ended(users.len(), *duration),
        System::GuestsAllowed => pick("You allowed guests", "{actor} allowed guests", ""),
        System::GuestsDisallowed => pick("You disallowed guests", "{actor} disallowed guests", ""),
        System::PasswordSet => pick("You set a password", "{actor} set a password", ""),
        System::PasswordRemoved => pick(
            "You removed the password",
            "{actor} removed the password",
            "",
        ),
        System::UserAdded(_) if self_action => pick(
            "You joined the conversation",
            "{actor} joined the conversation",
            "",
        ),
        System::UserAdded(_) => pick(
            "You added {user}",
            "{actor} added {user}",
            "{actor} added you",
        ),
        System::UserRemoved(_) if self_action => pick(
            "You left the conversation",
            "{actor} left the conversation",
            "",
        ),
        System::UserRemoved(_) => pick(
            "You removed {user}",
            "{actor} removed {user}",
            "{actor} removed you",
        ),
        System::ModeratorPromoted(_) | System::GuestModeratorPromoted(_) => pick(
            "You promoted {user} to moderator",
            "{actor} promoted {user} to moderator",
            "{actor} promoted you to moderator",
        ),
        System::ModeratorDemoted(_) | System::GuestModeratorDemoted(_) => pick(
            "You demoted {user} from moderator",
            "{actor} demoted {user} from moderator",
            "{actor} demoted you from moderator",
        ),
        System::Reaction => text.to_owned(),
        System::ReactionDeleted => "Reaction deleted by author".to_owned(),
        System::ReactionRevoked => pick("You deleted a reaction", "{actor} deleted a reaction", ""),
    };

    let parameters = match system {
        // The reaction messages carry no parameters at all (129).
        System::Reaction | System::ReactionDeleted => empty(),
        System::CallEnded { users, .. } => {
            let mut params = map().f("actor", actor_param);
            for (i, user) in users.iter().take(5).enumerate() {
                params = params.f(&format!("user{}", i + 1), user_param(user, &name(user)));
            }
            params.build()
        }
        _ => {
            let mut params = map().f("actor", actor_param);
            if let Some(user) = subject {
                params = params.f("user", user_param(user, &name(user)));
            }
            params.build()
        }
    };
    (message, parameters)
}

/// "Call with {user1} ended (Duration 0:01)" and its longer forms (157).
fn call_ended(users: usize, duration: i64) -> String {
    let with = match users {
        0 => String::new(),
        1 => " with {user1}".to_owned(),
        2 => " with {user1} and {user2}".to_owned(),
        3 => " with {user1}, {user2} and {user3}".to_owned(),
        4 => " with {user1}, {user2}, {user3} and {user4}".to_owned(),
        5 => " with {user1}, {user2}, {user3}, {user4} and {user5}".to_owned(),
        n => format!(
            " with {{user1}}, {{user2}}, {{user3}}, {{user4}} and {} others",
            n - 4
        ),
    };
    format!("Call{with} ended (Duration {})", duration_text(duration))
}

/// `0:01`, `12:34`, `1:02:03`.
pub(crate) fn duration_text(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: &str) -> String {
        match id {
            "bob" => "Bob".to_owned(),
            other => other.to_owned(),
        }
    }

    #[test]
    fn the_actor_reads_you_others_read_the_placeholder() {
        let admin = Actor::User("admin".into());
        let added = System::UserAdded("bob".into());
        assert_eq!(
            render(&added, &admin, "", "admin", &name).0,
            "You added {user}"
        );
        assert_eq!(
            render(&added, &admin, "", "bob", &name).0,
            "{actor} added you"
        );
        assert_eq!(
            render(&added, &admin, "", "carol", &name).0,
            "{actor} added {user}"
        );
        let (_, params) = render(&added, &admin, "", "carol", &name);
        assert_eq!(
            params.to_json(),
            r#"{"actor":{"type":"user","id":"admin","name":"admin","mention-id":"admin"},"user":{"type":"user","id":"bob","name":"Bob","mention-id":"bob"}}"#
        );
        let created = System::ConversationCreated;
        assert_eq!(
            render(&created, &Actor::System, "", "bob", &name).0,
            "System created the conversation"
        );
    }

    #[test]
    fn call_ended_lists_the_users_and_the_duration() {
        let ended = System::CallEnded {
            users: vec!["admin".into()],
            duration: 1,
        };
        let (text, params) = render(&ended, &Actor::User("admin".into()), "", "admin", &name);
        assert_eq!(text, "Call with {user1} ended (Duration 0:01)");
        assert!(params.to_json().contains("\"user1\""));
        assert_eq!(duration_text(3723), "1:02:03");
    }
}
