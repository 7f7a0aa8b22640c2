//! Chat: `…/spreed/api/v1/chat/{token}` (v1 on every server; `/api/v4/chat` does not exist).

use std::{collections::BTreeMap, time::Duration};

use reqwest::{Method, StatusCode};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::{
    decode, flag, int_header,
    rich::{self, RichParameter, RichPart},
    rooms::{room_or_none, Room},
    TalkApi,
};
use crate::{de, Error, Result};

/// The server waits at most this long in a long poll (`timeout` is capped to it).
pub const MAX_POLL_TIMEOUT: u32 = 60;
/// The server's `timeout` when none is sent.
const DEFAULT_POLL_TIMEOUT: u32 = 30;
/// Extra time a long poll's HTTP request gets beyond the poll's own `timeout`, so that the
/// server's 304 ("nothing new") arrives before the client gives up.
const POLL_MARGIN: Duration = Duration::from_secs(15);
/// The server returns at most this many messages per call.
pub const MAX_LIMIT: u32 = 200;

/// One chat message (or system message).
///
/// Every field of the fixtures is here; seed-era servers send only `id` to
/// `messageParameters` (+ `systemMessage`), so the rest is defaulted when missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Message {
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub id: i64,
    /// The room's token.
    #[serde(deserialize_with = "de::string")]
    pub token: String,
    /// `users`, `guests`, `bots`, `bridged`, `federated_users`…
    #[serde(deserialize_with = "de::string")]
    pub actor_type: String,
    #[serde(deserialize_with = "de::string")]
    pub actor_id: String,
    #[serde(deserialize_with = "de::string")]
    pub actor_display_name: String,
    /// Unix seconds.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub timestamp: i64,
    /// A rich object string: text with `{placeholders}` for
    /// [`message_parameters`](Self::message_parameters). See [`Message::parts`].
    #[serde(deserialize_with = "de::string")]
    pub message: String,
    /// The objects of the placeholders (`[]` on the wire when there are none).
    #[serde(deserialize_with = "rich::parameters")]
    pub message_parameters: BTreeMap<String, RichParameter>,
    /// The system message type (`conversation_created`, `call_ended`, `user_added`…);
    /// `None` for a normal message.
    #[serde(deserialize_with = "de::opt_string")]
    pub system_message: Option<String>,
    pub message_type: MessageType,
    /// Whether a reply (`replyTo`) may point at it.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_replyable: bool,
    /// The client's id for the message (64 hex characters), if it sent one.
    #[serde(deserialize_with = "de::opt_string")]
    pub reference_id: Option<String>,
    /// Reaction → count (`{"👍": 1}`).
    #[serde(deserialize_with = "counts")]
    pub reactions: BTreeMap<String, i64>,
    /// The reactions the current user gave.
    #[serde(deserialize_with = "de::strings")]
    pub reactions_self: Vec<String>,
    /// Unix seconds when the message expires; 0 = never.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub expiration_timestamp: i64,
    /// Whether `message` is Markdown (comments) or plain (system messages).
    #[serde(deserialize_with = "de::bool_lenient")]
    pub markdown: bool,
    #[serde(deserialize_with = "de::opt_i64")]
    pub thread_id: Option<i64>,
    /// The message this one replies to (or, for reaction system messages, is about).
    #[serde(deserialize_with = "opt_message")]
    pub parent: Option<Box<Message>>,
    /// Sent without notifying anyone.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub silent: bool,
    /// Set on a deleted parent.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub deleted: bool,
    #[serde(deserialize_with = "de::opt_string")]
    pub last_edit_actor_type: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub last_edit_actor_id: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub last_edit_actor_display_name: Option<String>,
    #[serde(deserialize_with = "de::opt_i64")]
    pub last_edit_timestamp: Option<i64>,
}

impl Message {
    /// Whether this is a system message (`systemMessage` set or `messageType` `system`).
    pub fn is_system(&self) -> bool {
        self.system_message.is_some() || self.message_type == MessageType::System
    }

    /// [`message`](Self::message) cut into text and typed objects, for safe rendering.
    pub fn parts(&self) -> Vec<RichPart<'_>> {
        rich::split(&self.message, &self.message_parameters)
    }

    /// [`message`](Self::message) as plain text (objects by name, mentions as `@name`).
    pub fn plain_text(&self) -> String {
        rich::plain_text(&self.message, &self.message_parameters)
    }

    /// Whether the message mentions the user `user_id` (directly, not via `@all`).
    pub fn mentions_user(&self, user_id: &str) -> bool {
        self.message_parameters.iter().any(|(key, p)| {
            key.starts_with("mention-") && p.object_type == "user" && p.id == user_id
        })
    }
}

/// `messageType`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum MessageType {
    #[default]
    Comment,
    System,
    /// A deleted comment (its text is "Message deleted by …").
    CommentDeleted,
    VoiceMessage,
    Command,
    Other(String),
}

impl MessageType {
    /// The wire name.
    pub fn as_str(&self) -> &str {
        match self {
            MessageType::Comment => "comment",
            MessageType::System => "system",
            MessageType::CommentDeleted => "comment_deleted",
            MessageType::VoiceMessage => "voice-message",
            MessageType::Command => "command",
            MessageType::Other(other) => other,
        }
    }
}

impl From<&str> for MessageType {
    fn from(text: &str) -> Self {
        match text {
            "" | "comment" => MessageType::Comment,
            "system" => MessageType::System,
            "comment_deleted" => MessageType::CommentDeleted,
            "voice-message" => MessageType::VoiceMessage,
            "command" => MessageType::Command,
            other => MessageType::Other(other.to_owned()),
        }
    }
}

impl Serialize for MessageType {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for MessageType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(MessageType::from(de::string(d)?.as_str()))
    }
}

/// A message object, or `None` for `[]`, `{}`, `null` or a missing field. A message that does
/// not decode or has no id is dropped (and logged) rather than failing the room or message
/// around it.
pub(super) fn opt_message<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Box<Message>>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Object(map)) if map.contains_key("id") => {
            match serde_json::from_value::<Message>(Value::Object(map)) {
                Ok(message) if message.id > 0 => Some(Box::new(message)),
                Ok(_) => None,
                Err(err) => {
                    tracing::debug!(%err, "Talk message ignored");
                    None
                }
            }
        }
        _ => None,
    })
}

/// `reactions`: reaction → count; `[]` (none) is empty, non-numbers are skipped.
fn counts<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<BTreeMap<String, i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| {
                let n = v.as_i64().or_else(|| v.as_str()?.parse().ok())?;
                Some((k, n))
            })
            .collect(),
        _ => BTreeMap::new(),
    })
}

/// Query of `GET …/chat/{token}`: history ([`ChatQuery::history`]) or a long poll for new
/// messages ([`ChatQuery::poll`]). Serialises into the query string; values out of the
/// server's range are clamped (limit 1–200, timeout 0–60).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatQuery {
    look_into_future: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeout: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_known_message_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    set_read_marker: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    include_last_known: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    no_status_update: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_common_read_id: Option<i64>,
}

impl ChatQuery {
    /// `lookIntoFuture=0`: the newest messages, newest first (older pages with
    /// [`last_known_message_id`](Self::last_known_message_id) = the previous page's
    /// [`ChatPage::last_given`]).
    pub fn history() -> Self {
        ChatQuery::default()
    }

    /// `lookIntoFuture=1&lastKnownMessageId=…`: messages newer than `last_known_message_id`,
    /// oldest first. When there are none the server waits up to
    /// [`timeout`](Self::timeout) seconds (30 by default) for one, then answers 304.
    pub fn poll(last_known_message_id: i64) -> Self {
        ChatQuery {
            look_into_future: 1,
            ..ChatQuery::default()
        }
        .last_known_message_id(last_known_message_id)
    }

    /// `limit`: at most this many messages (server default 100; clamped to 1–200).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.clamp(1, MAX_LIMIT));
        self
    }

    /// `timeout` of a long poll in seconds (server default 30; clamped to 0–60).
    pub fn timeout(mut self, seconds: u32) -> Self {
        self.timeout = Some(seconds.min(MAX_POLL_TIMEOUT));
        self
    }

    /// `lastKnownMessageId`: the offset (older than it for history, newer for a poll).
    pub fn last_known_message_id(mut self, id: i64) -> Self {
        self.last_known_message_id = Some(id);
        self
    }

    /// `setReadMarker`: whether fetching moves the user's read marker (server default: yes).
    /// Background fetches should say `false`.
    pub fn set_read_marker(mut self, on: bool) -> Self {
        self.set_read_marker = Some(if on { "1" } else { "0" });
        self
    }

    /// `includeLastKnown=1`: the message `lastKnownMessageId` itself is part of the answer.
    pub fn include_last_known(mut self, on: bool) -> Self {
        self.include_last_known = flag(on);
        self
    }

    /// `noStatusUpdate=1`: do not count this request as user activity.
    pub fn no_status_update(mut self, on: bool) -> Self {
        self.no_status_update = flag(on);
        self
    }

    /// `lastCommonReadId`: a poll also returns (with 200) when the common read marker moved
    /// past this.
    pub fn last_common_read_id(mut self, id: i64) -> Self {
        self.last_common_read_id = Some(id);
        self
    }

    /// Whether this is a long poll.
    pub fn is_poll(&self) -> bool {
        self.look_into_future == 1
    }

    /// How long the HTTP request may take: for a long poll the poll's timeout plus a margin,
    /// so that the server's 304 comes before the client gives up; `None` (the client's
    /// default) for history.
    pub fn request_timeout(&self) -> Option<Duration> {
        self.is_poll().then(|| {
            Duration::from_secs(self.timeout.unwrap_or(DEFAULT_POLL_TIMEOUT).into()) + POLL_MARGIN
        })
    }
}

/// The answer to [`TalkApi::chat`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatPage {
    /// History: newest first. Poll: oldest first. Empty when the server answered 304 (no
    /// older messages, or nothing new before the poll's timeout).
    pub messages: Vec<Message>,
    /// `X-Chat-Last-Given`: the `lastKnownMessageId` for the next page (older history, or
    /// the next poll).
    pub last_given: Option<i64>,
    /// `X-Chat-Last-Common-Read`: the newest message everybody has read.
    pub last_common_read: Option<i64>,
}

impl ChatPage {
    /// Whether nothing came (304).
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

/// A message to send (`POST …/chat/{token}`). Serialises into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMessage {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor_display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    silent: Option<&'static str>,
}

impl NewMessage {
    /// A message with this text (mention someone with `@user-id`).
    pub fn new(message: impl Into<String>) -> Self {
        NewMessage {
            message: message.into(),
            actor_display_name: None,
            reply_to: None,
            reference_id: None,
            silent: None,
        }
    }

    /// `replyTo`: the id of the message this answers (it must be replyable).
    pub fn reply_to(mut self, message_id: i64) -> Self {
        self.reply_to = Some(message_id);
        self
    }

    /// `referenceId`: the client's own id for the message (64 hex characters, e.g. a
    /// SHA-256), returned with it so the client can match its optimistic copy.
    pub fn reference_id(mut self, id: impl Into<String>) -> Self {
        self.reference_id = Some(id.into());
        self
    }

    /// `silent=1`: nobody gets a notification.
    pub fn silent(mut self, on: bool) -> Self {
        self.silent = flag(on);
        self
    }

    /// `actorDisplayName`: a guest's display name (ignored for users).
    pub fn actor_display_name(mut self, name: impl Into<String>) -> Self {
        self.actor_display_name = Some(name.into());
        self
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.message
    }
}

/// The answer to [`TalkApi::send`].
#[derive(Debug, Clone, PartialEq)]
pub struct SentMessage {
    /// The message as stored (mentions turned into `{mention-user1}` placeholders).
    pub message: Message,
    /// `X-Chat-Last-Common-Read`.
    pub last_common_read: Option<i64>,
}

/// A mention suggestion (`GET …/chat/{token}/mentions`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Mention {
    /// The id to write after `@` (seed: user id).
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// The display name.
    #[serde(deserialize_with = "de::string")]
    pub label: String,
    /// `users`, `guests`, `groups`, `calls` (the `all` entry), `emails`, `teams`…
    #[serde(deserialize_with = "de::string")]
    pub source: String,
    /// What the server expects after `@` (current servers; may differ from `id`).
    #[serde(deserialize_with = "de::opt_string")]
    pub mention_id: Option<String>,
    /// e.g. "All 2 participants" for `all`.
    #[serde(deserialize_with = "de::opt_string")]
    pub details: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub status: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub status_icon: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub status_message: Option<String>,
    #[serde(deserialize_with = "de::opt_i64")]
    pub status_clear_at: Option<i64>,
}

impl Mention {
    /// What to write after `@`: `mentionId` when the server sends it, else `id`. Ids with
    /// spaces or `@` need quotes: `@"id"`.
    pub fn mention_text(&self) -> String {
        let id = self.mention_id.as_deref().unwrap_or(&self.id);
        if id.contains([' ', '@', '/']) {
            format!("@\"{id}\"")
        } else {
            format!("@{id}")
        }
    }
}

#[derive(Serialize)]
struct MentionQuery<'a> {
    search: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(rename = "includeStatus", skip_serializing_if = "Option::is_none")]
    include_status: Option<&'static str>,
}

impl TalkApi {
    /// `GET …/chat/{token}`: history or long poll, see [`ChatQuery`]. A 304 (no older
    /// messages, or nothing new in time) is an empty [`ChatPage`]. A long poll's HTTP request
    /// is allowed [`ChatQuery::request_timeout`], longer than the poll itself. 404 when the
    /// room does not exist for the user, 412 while the lobby is closed to them.
    pub async fn chat(&self, token: &str, query: &ChatQuery) -> Result<ChatPage> {
        let mut request = self
            .request(Method::GET, self.url("v1", &["chat", token]))
            .query(query);
        if let Some(timeout) = query.request_timeout() {
            request = request.timeout(timeout);
        }
        let reply = self.execute(request).await?;
        if reply.status == StatusCode::NOT_MODIFIED {
            return Ok(ChatPage::default());
        }
        Ok(ChatPage {
            messages: decode(&reply, "chat messages")?,
            last_given: int_header(&reply, "X-Chat-Last-Given"),
            last_common_read: int_header(&reply, "X-Chat-Last-Common-Read"),
        })
    }

    /// A long poll for messages newer than `last_known_message_id`, waiting up to
    /// `timeout_seconds` (≤ 60) and without moving the read marker: answers as soon as one
    /// arrives, empty when none came.
    pub async fn wait_for_messages(
        &self,
        token: &str,
        last_known_message_id: i64,
        timeout_seconds: u32,
    ) -> Result<ChatPage> {
        let query = ChatQuery::poll(last_known_message_id)
            .timeout(timeout_seconds)
            .set_read_marker(false)
            .no_status_update(true);
        self.chat(token, &query).await
    }

    /// `POST …/chat/{token}` → 201 with the stored message. A message longer than the
    /// server's limit (`config.chat.max-length`: 32000 today, 1000 on seed-era servers) is a
    /// 413, returned as [`Error::Invalid`] with statuscode 413 and a message naming the limit.
    pub async fn send(&self, token: &str, message: &NewMessage) -> Result<SentMessage> {
        let request = self
            .request(Method::POST, self.url("v1", &["chat", token]))
            .form(message);
        let reply = self.execute(request).await?;
        if reply.status == StatusCode::PAYLOAD_TOO_LARGE {
            return Err(self.too_long().await);
        }
        Ok(SentMessage {
            message: decode(&reply, "sent message")?,
            last_common_read: int_header(&reply, "X-Chat-Last-Common-Read"),
        })
    }

    /// The error for a 413 on sending, naming the limit when it is known.
    async fn too_long(&self) -> Error {
        let limit = self.capabilities().await.ok().and_then(|c| c.chat_limit());
        let message = match limit {
            Some(limit) => {
                format!("The message is longer than the server's limit of {limit} characters")
            }
            None => "The message is longer than the server allows".to_owned(),
        };
        Error::Invalid {
            statuscode: 413,
            message,
        }
    }

    /// `GET …/chat/{token}/mentions?search=…`: who can be mentioned (an empty search lists
    /// everyone, with `all`).
    pub async fn mentions(
        &self,
        token: &str,
        search: &str,
        limit: Option<u32>,
    ) -> Result<Vec<Mention>> {
        let query = MentionQuery {
            search,
            limit,
            include_status: None,
        };
        let request = self
            .request(Method::GET, self.url("v1", &["chat", token, "mentions"]))
            .query(&query);
        decode(&self.execute(request).await?, "mentions")
    }

    /// `POST …/chat/{token}/read` with `lastReadMessage` (the newest message when `None`):
    /// moves the user's read marker. Current servers answer with the room.
    pub async fn set_read_marker(
        &self,
        token: &str,
        last_read_message: Option<i64>,
    ) -> Result<Option<Room>> {
        let mut request = self.request(Method::POST, self.url("v1", &["chat", token, "read"]));
        if let Some(id) = last_read_message {
            request = request.form(&[("lastReadMessage", id)]);
        }
        let reply = self.execute(request).await?;
        room_or_none(super::data(&reply)?)
    }

    /// `DELETE …/chat/{token}/read`: marks the conversation unread (feature `chat-unread`).
    pub async fn mark_unread(&self, token: &str) -> Result<Option<Room>> {
        let request = self.request(Method::DELETE, self.url("v1", &["chat", token, "read"]));
        let reply = self.execute(request).await?;
        room_or_none(super::data(&reply)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixtures, talk::urlencoded as serde_urlencoded_string};

    fn messages(name: &str) -> Vec<Message> {
        fixtures::reply(name).decode().unwrap()
    }

    #[test]
    fn every_message_of_the_fixtures_decodes() {
        fn walk(value: &Value, found: &mut Vec<Value>) {
            match value {
                Value::Object(map) => {
                    if map.contains_key("actorDisplayName") && map.contains_key("message") {
                        found.push(value.clone());
                    }
                    map.values().for_each(|v| walk(v, found));
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        for name in fixtures::names_containing("talk") {
            walk(&fixtures::data(&name), &mut found);
        }
        assert!(found.len() >= 80, "{}", found.len());
        for object in found {
            let m: Message = serde_json::from_value(object.clone()).unwrap();
            assert_eq!(m.id, object["id"].as_i64().unwrap());
            assert_eq!(m.message, object["message"].as_str().unwrap());
            assert_eq!(m.parent.is_some(), object.get("parent").is_some());
            let again: Message = serde_json::from_value(serde_json::to_value(&m).unwrap()).unwrap();
            assert_eq!(again, m);
        }
    }

    #[test]
    fn every_field_of_a_sent_message() {
        let m: Message = fixtures::reply("121-talk-chat-send.json").decode().unwrap();
        assert_eq!(m.id, 227);
        assert_eq!(m.token, "pj4sxr7h");
        assert_eq!(m.actor_type, "users");
        assert_eq!(m.actor_id, "admin");
        assert_eq!(m.actor_display_name, "admin");
        assert_eq!(m.timestamp, 1_795_647_815);
        assert_eq!(m.message, "Hello from the fixture capture");
        assert!(m.message_parameters.is_empty());
        assert_eq!(m.system_message, None);
        assert!(!m.is_system());
        assert_eq!(m.message_type, MessageType::Comment);
        assert!(m.is_replyable && m.markdown && !m.silent);
        assert_eq!(m.reference_id.as_deref(), Some(&"a".repeat(64)[..]));
        assert!(m.reactions.is_empty());
        assert_eq!(m.expiration_timestamp, 0);
        assert_eq!(m.thread_id, Some(227));
        assert_eq!(m.parent, None);
    }

    #[test]
    fn mentions_and_replies() {
        let m: Message = fixtures::reply("123-talk-chat-send-mention-bob.json")
            .decode()
            .unwrap();
        assert_eq!(m.message, "Hi {mention-user1}, please review");
        assert!(m.mentions_user("bob"));
        assert!(!m.mentions_user("admin"));
        assert_eq!(m.plain_text(), "Hi @Bob, please review");
        assert_eq!(m.parts().len(), 3);

        let reply: Message = fixtures::reply("124-talk-chat-send-reply.json")
            .decode()
            .unwrap();
        let parent = reply.parent.as_deref().unwrap();
        assert_eq!(parent.id, 227);
        assert_eq!(parent.message, "Hello from the fixture capture");
        assert_eq!(reply.thread_id, Some(227));
        assert_eq!(reply.message, "**bold** reply");
    }

    #[test]
    fn history_pages_and_system_messages() {
        let all = messages("129-talk-chat-history.json");
        let ids: Vec<i64> = all.iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            [232, 231, 230, 229, 228, 227, 226, 225, 224, 223, 222, 215, 213]
        );
        assert_eq!(all[5].reactions.get("👍"), Some(&1));
        let system: Vec<&str> = all
            .iter()
            .filter_map(|m| m.system_message.as_deref())
            .collect();
        for kind in [
            "reaction_revoked",
            "reaction",
            "reaction_deleted",
            "user_removed",
            "moderator_demoted",
            "moderator_promoted",
            "user_added",
            "conversation_renamed",
            "conversation_created",
        ] {
            assert!(system.contains(&kind), "{kind}");
        }
        let removed = all.iter().find(|m| m.id == 226).unwrap();
        assert!(removed.is_system() && removed.message_type == MessageType::System);
        assert_eq!(removed.plain_text(), "You removed Carol");
        let calls = messages("157-talk-chat-history-system-messages.json");
        let ended = &calls[0];
        assert_eq!(ended.system_message.as_deref(), Some("call_ended"));
        assert_eq!(ended.plain_text(), "Call with admin ended (Duration 0:01)");
        assert_eq!(
            messages("133-talk-chat-poll-future-after-mention.json")
                .iter()
                .map(|m| m.id)
                .collect::<Vec<_>>(),
            [229, 230, 231, 232],
            "a poll answers oldest first"
        );
    }

    #[test]
    fn odd_messages_are_tolerated() {
        let m: Message = serde_json::from_value(serde_json::json!({
            "id": "7", "message": "x", "messageParameters": {"a": 1, "b": {"type": "user"}},
            "reactions": [], "parent": [], "systemMessage": "", "messageType": "poll-x",
            "reactionsSelf": ["👍"]
        }))
        .unwrap();
        assert_eq!(m.id, 7);
        assert_eq!(m.message_parameters.len(), 1);
        assert_eq!(m.message_type, MessageType::Other("poll-x".into()));
        assert_eq!(m.reactions_self, ["👍"]);
        assert_eq!(m.parent, None);
        // A parent that is not a message at all is dropped, not fatal.
        let m: Message =
            serde_json::from_value(serde_json::json!({"id": 1, "parent": {"id": {"x": 1}}}))
                .unwrap();
        assert_eq!(m.parent, None);
        // Seed-era messages: only the seed's fields.
        let m: Message = serde_json::from_value(serde_json::json!({
            "id": 3, "token": "t", "actorType": "guests", "actorId": "abc",
            "actorDisplayName": "", "timestamp": 1, "systemMessage": "call_started",
            "message": "{actor} started a call",
            "messageParameters": {"actor": {"type": "guest", "id": "guest/abc", "name": "Guest"}}
        }))
        .unwrap();
        assert!(m.is_system());
        assert_eq!(m.plain_text(), "Guest started a call");
    }

    #[test]
    fn chat_queries_serialise_like_the_fixtures() {
        assert_eq!(
            serde_urlencoded_string(&ChatQuery::history().limit(100).set_read_marker(false)),
            "lookIntoFuture=0&limit=100&setReadMarker=0"
        );
        assert_eq!(
            serde_urlencoded_string(
                &ChatQuery::history()
                    .limit(3)
                    .last_known_message_id(228)
                    .set_read_marker(false)
            ),
            "lookIntoFuture=0&limit=3&lastKnownMessageId=228&setReadMarker=0"
        );
        assert_eq!(
            serde_urlencoded_string(&ChatQuery::poll(228).timeout(2).set_read_marker(false)),
            "lookIntoFuture=1&timeout=2&lastKnownMessageId=228&setReadMarker=0"
        );
        assert_eq!(
            serde_urlencoded_string(
                &ChatQuery::poll(1)
                    .include_last_known(true)
                    .no_status_update(true)
                    .last_common_read_id(5)
            ),
            "lookIntoFuture=1&lastKnownMessageId=1&includeLastKnown=1&noStatusUpdate=1&lastCommonReadId=5"
        );
        assert_eq!(
            serde_urlencoded_string(&ChatQuery::history().limit(5000).timeout(600)),
            "lookIntoFuture=0&limit=200&timeout=60"
        );
        assert_eq!(ChatQuery::history().limit(0).limit, Some(1));
    }

    #[test]
    fn a_long_poll_request_outlives_the_poll() {
        assert_eq!(ChatQuery::history().request_timeout(), None);
        assert_eq!(
            ChatQuery::poll(1).request_timeout(),
            Some(Duration::from_secs(45))
        );
        assert_eq!(
            ChatQuery::poll(1).timeout(60).request_timeout(),
            Some(Duration::from_secs(75))
        );
        assert_eq!(
            ChatQuery::poll(1).timeout(0).request_timeout(),
            Some(Duration::from_secs(15))
        );
    }

    #[test]
    fn new_messages_serialise_like_the_fixtures() {
        assert_eq!(
            serde_urlencoded_string(&NewMessage::new("Hi @bob, please review")),
            "message=Hi+%40bob%2C+please+review"
        );
        assert_eq!(
            serde_urlencoded_string(&NewMessage::new("**bold** reply").reply_to(227)),
            "message=**bold**+reply&replyTo=227"
        );
        assert_eq!(
            serde_urlencoded_string(
                &NewMessage::new("x")
                    .reference_id("ab")
                    .silent(true)
                    .actor_display_name("G")
            ),
            "message=x&actorDisplayName=G&referenceId=ab&silent=1"
        );
        assert_eq!(
            serde_urlencoded_string(&NewMessage::new("x").silent(false)),
            "message=x"
        );
    }

    #[test]
    fn mention_suggestions() {
        let list: Vec<Mention> = fixtures::reply("136-talk-chat-mentions-empty-search.json")
            .decode()
            .unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].id, "bob");
        assert_eq!(list[0].label, "Bob");
        assert_eq!(list[0].source, "users");
        assert_eq!(list[0].mention_id.as_deref(), Some("bob"));
        assert_eq!(list[0].mention_text(), "@bob");
        let all = &list[2];
        assert_eq!(all.source, "calls");
        assert_eq!(all.details.as_deref(), Some("All 2 participants"));
        let one: Vec<Mention> = fixtures::reply("135-talk-chat-mentions.json")
            .decode()
            .unwrap();
        assert_eq!(one.len(), 1);
        let spaced = Mention {
            id: "john doe".into(),
            ..Mention::default()
        };
        assert_eq!(spaced.mention_text(), "@\"john doe\"");
    }

    #[test]
    fn read_marker_answers_carry_the_room() {
        let room = room_or_none(
            fixtures::reply("137-talk-chat-read-marker.json")
                .data()
                .unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(room.last_read_message, Some(228));
        assert_eq!(room.unread_messages, 1);
        let bob = room_or_none(
            fixtures::reply("138-talk-chat-read-marker-bob.json")
                .data()
                .unwrap(),
        )
        .unwrap()
        .unwrap();
        assert!(bob.unread_mention_direct);
    }
}
