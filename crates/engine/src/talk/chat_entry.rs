//! A chat message as the quick chat window shows it: the rich object string cut into parts
//! (so the window builds mentions, files and calls as its own safe elements), the message it
//! replies to, its reactions, and whether it was edited or deleted.

use nextcloud::talk::{Message, MessageType};
use serde::Serialize;

use crate::rich_text::{plain_text, rich_parts, RichPart};

/// One message of the room view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChatEntry {
    pub id: i64,
    /// The room.
    pub token: String,
    /// `users`, `guests`, `bots`, `bridged`, `federated_users`…
    pub actor_type: String,
    pub actor_id: String,
    /// Who wrote it, as Talk names them.
    pub author: String,
    /// Unix seconds.
    pub timestamp: i64,
    /// The message, cut into text and objects (mentions, files, the actor of a system
    /// message). Text is the server's characters, never HTML.
    pub parts: Vec<RichPart>,
    /// The same as plain text (mentions as `@Name`, objects by name), for quotes.
    pub text: String,
    /// The system message type (`conversation_created`, `call_ended`…); `None` for a comment.
    pub system_message: Option<String>,
    /// A deleted comment: `message` says who deleted it.
    pub deleted: bool,
    pub edited: bool,
    /// Whether a reply may point at it.
    pub replyable: bool,
    /// Reactions in a stable order (by emoji).
    pub reactions: Vec<Reaction>,
    /// The message this one replies to.
    pub parent: Option<QuotedMessage>,
}

/// One reaction on a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reaction {
    pub emoji: String,
    pub count: i64,
    /// The user gave it.
    pub mine: bool,
}

/// The message a reply answers, shortened to what the quote shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuotedMessage {
    pub id: i64,
    pub author: String,
    /// Plain text (mentions as `@Name`, objects by name).
    pub text: String,
    pub deleted: bool,
}

/// What the open room's long poll brought.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChatNews {
    pub token: String,
    /// New messages to show, oldest first.
    pub added: Vec<ChatEntry>,
    /// Messages shown before that changed (edited, deleted, reacted to): their new state.
    pub updated: Vec<ChatEntry>,
}

impl ChatNews {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}

impl From<&Message> for ChatEntry {
    fn from(message: &Message) -> Self {
        let parts = rich_parts(&message.message, &message.message_parameters);
        ChatEntry {
            id: message.id,
            token: message.token.clone(),
            actor_type: message.actor_type.clone(),
            actor_id: message.actor_id.clone(),
            author: message.actor_display_name.clone(),
            timestamp: message.timestamp,
            text: plain_text(&parts),
            parts,
            system_message: message.system_message.clone().filter(|s| !s.is_empty()),
            deleted: message.message_type == MessageType::CommentDeleted,
            edited: message.last_edit_timestamp.is_some(),
            replyable: message.is_replyable,
            reactions: reactions(message),
            parent: message.parent.as_deref().map(|parent| QuotedMessage {
                id: parent.id,
                author: parent.actor_display_name.clone(),
                text: parent.plain_text(),
                deleted: parent.message_type == MessageType::CommentDeleted || parent.deleted,
            }),
        }
    }
}

fn reactions(message: &Message) -> Vec<Reaction> {
    message
        .reactions
        .iter()
        .filter(|(_, count)| **count > 0)
        .map(|(emoji, count)| Reaction {
            emoji: emoji.clone(),
            count: *count,
            mine: message.reactions_self.contains(emoji),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn message(json: Value) -> Message {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_reply_keeps_its_rich_text_its_quote_and_its_reactions() {
        let entry = ChatEntry::from(&message(serde_json::json!({
            "id": 12, "token": "abc", "actorType": "users", "actorId": "bob",
            "actorDisplayName": "Bob", "timestamp": 1_700_000_000,
            "message": "<b>hi</b> {mention-user1}",
            "messageParameters": {"mention-user1": {
                "type": "user", "id": "admin", "name": "Admin", "mention-id": "admin"}},
            "messageType": "comment", "isReplyable": true,
            "reactions": {"👍": 2, "🎉": 1}, "reactionsSelf": ["👍"],
            "lastEditTimestamp": 1_700_000_100,
            "parent": {"id": 11, "actorDisplayName": "Admin",
                       "message": "ask {mention-user1}",
                       "messageParameters": {"mention-user1": {
                           "type": "user", "id": "bob", "name": "Bob"}}}
        })));
        assert_eq!(entry.text, "<b>hi</b> @Admin", "markup kept literally");
        let [RichPart::Text { text }, RichPart::Object(mention)] = entry.parts.as_slice() else {
            panic!("{:?}", entry.parts)
        };
        assert_eq!(text, "<b>hi</b> ");
        assert!(mention.mention && mention.person && mention.id == "admin");
        assert!(entry.edited && entry.replyable && !entry.deleted);
        let reactions: Vec<(&str, i64, bool)> = entry
            .reactions
            .iter()
            .map(|r| (r.emoji.as_str(), r.count, r.mine))
            .collect();
        assert_eq!(reactions, [("🎉", 1, false), ("👍", 2, true)]);
        let parent = entry.parent.unwrap();
        assert_eq!((parent.id, parent.text.as_str()), (11, "ask @Bob"));
    }

    #[test]
    fn system_and_deleted_messages_say_so() {
        let system = ChatEntry::from(&message(serde_json::json!({
            "id": 1, "message": "{actor} created the conversation",
            "messageParameters": {"actor": {"type": "user", "id": "bob", "name": "Bob"}},
            "systemMessage": "conversation_created", "messageType": "system",
            "reactions": []
        })));
        assert_eq!(
            system.system_message.as_deref(),
            Some("conversation_created")
        );
        assert!(system.reactions.is_empty() && system.parent.is_none());
        let deleted = ChatEntry::from(&message(serde_json::json!({
            "id": 2, "message": "Message deleted by you", "messageType": "comment_deleted",
            "systemMessage": ""
        })));
        assert!(deleted.deleted);
        assert_eq!(deleted.system_message, None);
    }
}
