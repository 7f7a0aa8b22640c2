//! Conversations ("rooms"): `…/spreed/api/{v4|v1}/room…`.

use std::fmt;

use reqwest::{Method, StatusCode};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::{chat::Message, data, decode, flag, from_data, int_header, TalkApi};
use crate::{de, Result};

/// A conversation as the current user sees it.
///
/// Every field of the v4 answer (fixtures 081–140) is here; seed-era v1 rooms have far fewer
/// fields, so everything is defaulted when missing (`0`, `""`, `false`, `None`) unless said
/// otherwise. The v1-only fields (`count`, `numGuests`, `participantInCall`) are `None` on v4.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Room {
    /// The database id (not used in URLs; the token is).
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub id: i64,
    /// The token that names the room in every URL, e.g. `pj4sxr7h`.
    #[serde(deserialize_with = "de::string")]
    pub token: String,
    #[serde(rename = "type")]
    pub room_type: RoomType,
    /// The name as set (for one-to-one rooms the other user's id).
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// What to show: the name, or for one-to-one rooms the other user's display name.
    #[serde(deserialize_with = "de::string")]
    pub display_name: String,
    /// e.g. `share:password`, `file`, `event`; empty for normal rooms.
    #[serde(deserialize_with = "de::string")]
    pub object_type: String,
    #[serde(deserialize_with = "de::string")]
    pub object_id: String,
    /// The current user's role.
    pub participant_type: ParticipantType,
    /// The current user's in-call flags (see [`super::CallFlags`]); 0 = not in the call.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub participant_flags: i64,
    /// `readOnly` 1: nobody can chat or call.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub read_only: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub has_password: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub has_call: bool,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub call_start_time: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub call_recording: i64,
    /// Missing on seed-era servers, where anyone who may chat may call: `true` then.
    #[serde(default = "yes", deserialize_with = "de::bool_default_true")]
    pub can_start_call: bool,
    /// Unix seconds of the last activity: sort the list by this, newest first.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub last_activity: i64,
    /// The id of the last message the user read.
    #[serde(deserialize_with = "de::opt_i64")]
    pub last_read_message: Option<i64>,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub unread_messages: i64,
    /// The user was mentioned (directly or via `@all`/a group) since their last read.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub unread_mention: bool,
    /// The user was mentioned by name since their last read.
    #[serde(deserialize_with = "de::bool_lenient")]
    pub unread_mention_direct: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_favorite: bool,
    /// Missing on seed-era servers, where every user could leave: `true` then.
    #[serde(default = "yes", deserialize_with = "de::bool_default_true")]
    pub can_leave_conversation: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub can_delete_conversation: bool,
    pub notification_level: NotificationLevel,
    /// 1: notify about calls, 0: not.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub notification_calls: i64,
    /// 0 = everyone may join, 1 = lobby for non-moderators.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub lobby_state: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub lobby_timer: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub last_ping: i64,
    /// The user's session in this room; `"0"` (not connected) is `None`.
    #[serde(deserialize_with = "session_id")]
    pub session_id: Option<String>,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub sip_enabled: i64,
    /// The current user as an attendee (v4).
    #[serde(deserialize_with = "de::string")]
    pub actor_type: String,
    #[serde(deserialize_with = "de::string")]
    pub actor_id: String,
    #[serde(deserialize_with = "de::opt_i64")]
    pub attendee_id: Option<i64>,
    /// The effective permission bits of the current user.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub permissions: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub attendee_permissions: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub call_permissions: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub default_permissions: i64,
    #[serde(rename = "canEnableSIP", deserialize_with = "de::bool_lenient")]
    pub can_enable_sip: bool,
    #[serde(deserialize_with = "de::opt_string")]
    pub attendee_pin: Option<String>,
    #[serde(deserialize_with = "de::string")]
    pub description: String,
    /// The newest message every participant has read (for read receipts).
    #[serde(deserialize_with = "de::opt_i64")]
    pub last_common_read_message: Option<i64>,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub listable: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub call_flag: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub message_expiration: i64,
    #[serde(deserialize_with = "de::opt_string")]
    pub avatar_version: Option<String>,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_custom_avatar: bool,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub breakout_room_mode: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub breakout_room_status: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub recording_consent: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub mention_permissions: i64,
    #[serde(deserialize_with = "de::opt_string")]
    pub live_transcription_language_id: Option<String>,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_archived: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_important: bool,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub is_sensitive: bool,
    /// One-to-one rooms: the other user's status type (`online`, `away`…).
    #[serde(deserialize_with = "de::opt_string")]
    pub status: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub status_icon: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub status_message: Option<String>,
    #[serde(deserialize_with = "de::opt_i64")]
    pub status_clear_at: Option<i64>,
    /// The newest message; `None` when the room has none (the server sends `[]` or `{}`).
    #[serde(deserialize_with = "super::chat::opt_message")]
    pub last_message: Option<Box<Message>>,
    /// v1 only: number of active users.
    #[serde(deserialize_with = "de::opt_i64")]
    pub count: Option<i64>,
    /// v1 only: number of active guests.
    #[serde(deserialize_with = "de::opt_i64")]
    pub num_guests: Option<i64>,
    /// v1 only (deprecated there too): whether the user is in the call.
    #[serde(deserialize_with = "opt_bool")]
    pub participant_in_call: Option<bool>,
}

impl Room {
    /// Whether the current user has a session in the room.
    pub fn is_connected(&self) -> bool {
        self.session_id.is_some()
    }

    /// Whether the current user may moderate (owner or moderator, guest moderators too).
    pub fn can_moderate(&self) -> bool {
        self.participant_type.is_moderator()
    }

    /// Sorts rooms as Talk shows them: favorites first, then by last activity, newest first.
    pub fn sort_for_display(rooms: &mut [Room]) {
        rooms.sort_by(|a, b| {
            b.is_favorite
                .cmp(&a.is_favorite)
                .then(b.last_activity.cmp(&a.last_activity))
        });
    }
}

fn yes() -> bool {
    true
}

fn session_id<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(de::opt_string(d)?.filter(|s| s != "0"))
}

fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(de::truthy))
}

/// Defines an integer-coded Talk enum: decodes from numbers or numeric strings (anything else
/// is `Other`), encodes as the number.
macro_rules! int_enum {
    ($(#[$meta:meta])* $name:ident (default $default:ident) {
        $($(#[$vmeta:meta])* $variant:ident = $value:literal,)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this client does not know, as sent.
            Other(i64),
        }

        impl $name {
            /// The number on the wire.
            pub fn code(self) -> i64 {
                match self {
                    $($name::$variant => $value,)*
                    $name::Other(code) => code,
                }
            }

            /// The variant for a number.
            pub fn from_code(code: i64) -> Self {
                match code {
                    $($value => $name::$variant,)*
                    other => $name::Other(other),
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_i64(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                Ok(match de::opt_i64(d)? {
                    Some(code) => $name::from_code(code),
                    None => $name::default(),
                })
            }
        }
    };
}

int_enum! {
    /// `type` of a room.
    RoomType (default Group) {
        OneToOne = 1,
        Group = 2,
        /// Group room that guests may join by link.
        Public = 3,
        /// The "Talk updates" room.
        Changelog = 4,
        /// A one-to-one room whose other user was deleted.
        FormerOneToOne = 5,
        NoteToSelf = 6,
    }
}

int_enum! {
    /// The role of a participant (`participantType`).
    ParticipantType (default User) {
        Owner = 1,
        Moderator = 2,
        User = 3,
        Guest = 4,
        /// A user who joined a public room through its link (not a member).
        UserFollowingLink = 5,
        GuestModerator = 6,
    }
}

impl ParticipantType {
    /// Owner, moderator or guest moderator.
    pub fn is_moderator(self) -> bool {
        matches!(
            self,
            ParticipantType::Owner | ParticipantType::Moderator | ParticipantType::GuestModerator
        )
    }
}

int_enum! {
    /// When the user is notified about messages in a room.
    NotificationLevel (default Default) {
        /// The server's default (the room list shows it on some servers). Cannot be *set*:
        /// the server answers 400 `level` (fixture 107).
        Default = 0,
        /// Every message.
        Always = 1,
        /// Only mentions (the default of group rooms).
        Mention = 2,
        Never = 3,
    }
}

impl fmt::Display for RoomType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

/// Query of the room list (`GET …/room`). Serialises into the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    no_status_update: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    include_status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified_since: Option<i64>,
}

impl RoomQuery {
    /// The full list, as a user looking at it (marks the user online).
    pub fn new() -> Self {
        RoomQuery::default()
    }

    /// The full list for a background poll: `noStatusUpdate=1`, so polling does not keep the
    /// user "online".
    pub fn background() -> Self {
        RoomQuery::new().no_status_update(true)
    }

    /// `noStatusUpdate=1`: do not count this request as user activity.
    pub fn no_status_update(mut self, on: bool) -> Self {
        self.no_status_update = flag(on);
        self
    }

    /// `includeStatus=1`: one-to-one rooms carry the other user's status.
    pub fn include_status(mut self, on: bool) -> Self {
        self.include_status = flag(on);
        self
    }

    /// `modifiedSince`: only rooms changed since this unix time (pass the previous answer's
    /// [`RoomList::modified_before`]). Deleted rooms are not reported: do a full refresh now
    /// and then (every 5 minutes).
    pub fn modified_since(mut self, since: i64) -> Self {
        self.modified_since = Some(since);
        self
    }
}

/// The answer to [`TalkApi::rooms`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomList {
    pub rooms: Vec<Room>,
    /// `X-Nextcloud-Talk-Modified-Before`: the `modifiedSince` for the next incremental poll.
    pub modified_before: Option<i64>,
    /// `X-Nextcloud-Talk-Hash`: when it changes, the Talk configuration changed (the cached
    /// capabilities are dropped automatically).
    pub talk_hash: Option<String>,
}

/// A conversation to create (`POST …/room`). Serialises into the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRoom {
    room_type: RoomType,
    #[serde(skip_serializing_if = "Option::is_none")]
    invite: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<String>,
}

impl NewRoom {
    /// A room of any type (the server refuses types other than 1–3 with 400 `type`).
    pub fn new(room_type: RoomType) -> Self {
        NewRoom {
            room_type,
            invite: None,
            source: None,
            room_name: None,
            password: None,
        }
    }

    /// A one-to-one conversation with `user_id`. If it exists already, the server answers
    /// with it ([`CreatedRoom::created`] is `false`).
    pub fn one_to_one(user_id: impl Into<String>) -> Self {
        NewRoom::new(RoomType::OneToOne).invite(user_id)
    }

    /// A group conversation named `name`.
    pub fn group(name: impl Into<String>) -> Self {
        NewRoom::new(RoomType::Group).name(name)
    }

    /// A public conversation (guests may join by link) named `name`.
    pub fn public(name: impl Into<String>) -> Self {
        NewRoom::new(RoomType::Public).name(name)
    }

    /// `roomName`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.room_name = Some(name.into());
        self
    }

    /// `invite`: the other user (one-to-one) or a group whose members are added.
    pub fn invite(mut self, id: impl Into<String>) -> Self {
        self.invite = Some(id.into());
        self
    }

    /// `source` of [`invite`](Self::invite) (`groups`, `circles`; users by default).
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// `password` for a public room (feature `conversation-creation-password`).
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(password.into());
        self
    }
}

/// The answer to [`TalkApi::create_room`].
#[derive(Debug, Clone, PartialEq)]
pub struct CreatedRoom {
    /// The room (on seed-era servers only `token`, `name` and `displayName` are filled).
    pub room: Room,
    /// `true` for 201 Created, `false` for 200: the one-to-one room existed already.
    pub created: bool,
}

impl TalkApi {
    /// `GET …/room`: the user's conversations, with the headers for incremental polling.
    pub async fn rooms(&self, query: &RoomQuery) -> Result<RoomList> {
        let (_, url) = self.rooms_url(&["room"]).await?;
        let reply = self
            .execute(self.request(Method::GET, url).query(query))
            .await?;
        let talk_hash = self.note_talk_hash(&reply);
        Ok(RoomList {
            rooms: decode(&reply, "room list")?,
            modified_before: int_header(&reply, "X-Nextcloud-Talk-Modified-Before"),
            talk_hash,
        })
    }

    /// `GET …/room/{token}`. [`crate::Error::NotFound`] when the room does not exist or the
    /// user is not in it.
    pub async fn room(&self, token: &str) -> Result<Room> {
        let (_, url) = self.rooms_url(&["room", token]).await?;
        let reply = self.execute(self.request(Method::GET, url)).await?;
        self.note_talk_hash(&reply);
        decode(&reply, "room")
    }

    /// `POST …/room`. 400 `type` for an invalid type, 404 `invite` for an unknown user or
    /// group.
    pub async fn create_room(&self, room: &NewRoom) -> Result<CreatedRoom> {
        let (_, url) = self.rooms_url(&["room"]).await?;
        let reply = self
            .execute(self.request(Method::POST, url).form(room))
            .await?;
        Ok(CreatedRoom {
            room: decode(&reply, "new room")?,
            created: reply.status == StatusCode::CREATED,
        })
    }

    /// `PUT …/room/{token}` with `roomName`. Current servers take 1–255 characters (the seed
    /// says 200) and answer with the room; 400 `value` for an empty or too long name, 400
    /// `type` for a one-to-one room (the seed says 405), 403 for non-moderators.
    pub async fn rename_room(&self, token: &str, name: &str) -> Result<Option<Room>> {
        self.room_call(Method::PUT, token, &[], &[("roomName", name)])
            .await
    }

    /// `DELETE …/room/{token}`. 403 for non-moderators (and for one-to-one rooms: leave those
    /// with [`TalkApi::leave_room_for_good`]).
    pub async fn delete_room(&self, token: &str) -> Result<()> {
        self.room_call(Method::DELETE, token, &[], &[])
            .await
            .map(drop)
    }

    /// `POST …/room/{token}/public`: guests may join by link.
    pub async fn make_public(&self, token: &str) -> Result<Option<Room>> {
        self.room_call(Method::POST, token, &["public"], &[]).await
    }

    /// `DELETE …/room/{token}/public`: back to a group room.
    pub async fn make_private(&self, token: &str) -> Result<Option<Room>> {
        self.room_call(Method::DELETE, token, &["public"], &[])
            .await
    }

    /// `PUT …/room/{token}/password`; an empty password removes it. Only public rooms have
    /// one: other rooms answer 400 `type` (the seed says 403).
    pub async fn set_password(&self, token: &str, password: &str) -> Result<Option<Room>> {
        self.room_call(Method::PUT, token, &["password"], &[("password", password)])
            .await
    }

    /// `POST …/room/{token}/favorite`.
    pub async fn add_favorite(&self, token: &str) -> Result<Option<Room>> {
        self.room_call(Method::POST, token, &["favorite"], &[])
            .await
    }

    /// `DELETE …/room/{token}/favorite`.
    pub async fn remove_favorite(&self, token: &str) -> Result<Option<Room>> {
        self.room_call(Method::DELETE, token, &["favorite"], &[])
            .await
    }

    /// `POST …/room/{token}/notify` with `level`. 400 `level` for anything but 1–3
    /// ([`NotificationLevel::Default`] included).
    pub async fn set_notification_level(
        &self,
        token: &str,
        level: NotificationLevel,
    ) -> Result<Option<Room>> {
        let level = level.code().to_string();
        self.room_call(Method::POST, token, &["notify"], &[("level", &level)])
            .await
    }

    /// A call on `…/room/{token}/{segments…}` with a form; the room when the server answers
    /// with one (v4), `None` when it answers without data (v1, deletions).
    pub(super) async fn room_call(
        &self,
        method: Method,
        token: &str,
        segments: &[&str],
        form: &[(&str, &str)],
    ) -> Result<Option<Room>> {
        let mut all = vec!["room", token];
        all.extend_from_slice(segments);
        let (_, url) = self.rooms_url(&all).await?;
        let mut request = self.request(method, url);
        if !form.is_empty() {
            request = request.form(form);
        }
        let reply = self.execute(request).await?;
        room_or_none(data(&reply)?)
    }
}

/// The room of an answer that may or may not carry one.
pub(super) fn room_or_none(data: Value) -> Result<Option<Room>> {
    match data {
        Value::Object(map) if map.contains_key("token") => {
            from_data(Value::Object(map), "room").map(Some)
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixtures, talk::urlencoded as serde_urlencoded_string};

    fn room(name: &str) -> Room {
        fixtures::reply(name).decode().unwrap()
    }

    #[test]
    fn every_room_answer_of_the_fixtures_decodes() {
        let mut rooms = 0;
        for name in fixtures::names_containing("talk") {
            let data = fixtures::data(&name);
            let objects: Vec<Value> = match data {
                Value::Array(items) => items,
                other => vec![other],
            };
            for object in objects {
                if object.get("participantType").is_some() && object.get("lastActivity").is_some() {
                    let room: Room = serde_json::from_value(object.clone())
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert_eq!(room.token, object["token"], "{name}");
                    assert!(room.last_message.is_some(), "{name}");
                    rooms += 1;
                }
            }
        }
        assert!(rooms >= 25, "{rooms}");
    }

    #[test]
    fn every_field_of_a_v4_one_to_one_room() {
        let r = room("084-talk-create-room-type1.json");
        assert_eq!(r.id, 17);
        assert_eq!(r.token, "9ms96875");
        assert_eq!(r.room_type, RoomType::OneToOne);
        assert_eq!(r.name, "bob");
        assert_eq!(r.display_name, "Bob");
        assert_eq!(r.object_type, "");
        assert_eq!(r.participant_type, ParticipantType::Owner);
        assert!(r.can_moderate());
        assert_eq!(r.participant_flags, 0);
        assert!(!r.read_only && !r.has_password && !r.has_call);
        assert!(r.can_start_call);
        assert_eq!(r.last_activity, 1_795_647_812);
        assert_eq!(r.last_read_message, Some(212));
        assert_eq!(r.unread_messages, 0);
        assert!(!r.unread_mention && !r.unread_mention_direct && !r.is_favorite);
        assert!(r.can_leave_conversation && !r.can_delete_conversation);
        assert_eq!(r.notification_level, NotificationLevel::Always);
        assert_eq!(r.notification_calls, 1);
        assert_eq!(r.session_id, None);
        assert!(!r.is_connected());
        assert_eq!(r.actor_type, "users");
        assert_eq!(r.actor_id, "admin");
        assert_eq!(r.attendee_id, Some(26));
        assert_eq!(r.permissions, 254);
        assert_eq!(r.attendee_pin, None);
        assert_eq!(r.last_common_read_message, Some(212));
        assert_eq!(r.avatar_version.as_deref(), Some("e3f3e96a"));
        assert_eq!(r.status.as_deref(), Some("away"));
        assert_eq!(r.status_icon.as_deref(), Some("🚲"));
        assert_eq!(r.status_message.as_deref(), Some("Cycling"));
        assert_eq!(r.status_clear_at, None);
        assert_eq!(
            (r.count, r.num_guests, r.participant_in_call),
            (None, None, None)
        );
        let last = r.last_message.as_deref().unwrap();
        assert_eq!(last.id, 212);
        assert_eq!(last.system_message.as_deref(), Some("conversation_created"));
        // Our own serialisation reads back (the engine may cache rooms).
        let again: Room = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
        assert_eq!(again, r);
    }

    #[test]
    fn room_lists_of_admin_and_bob() {
        let admin: Vec<Room> = fixtures::reply("081-talk-room-list.json").decode().unwrap();
        let types: Vec<RoomType> = admin.iter().map(|r| r.room_type).collect();
        assert!(types.contains(&RoomType::Changelog));
        assert!(types.contains(&RoomType::NoteToSelf));
        let changelog = admin
            .iter()
            .find(|r| r.room_type == RoomType::Changelog)
            .unwrap();
        assert!(changelog.read_only);
        assert_eq!(changelog.unread_messages, 57);
        assert_eq!(changelog.last_message.as_ref().unwrap().actor_type, "bots");

        let bob: Vec<Room> = fixtures::reply("140-talk-room-list-bob.json")
            .decode()
            .unwrap();
        let group = bob.iter().find(|r| r.token == "pj4sxr7h").unwrap();
        assert_eq!(group.participant_type, ParticipantType::User);
        assert!(!group.can_moderate());
        assert!(group.unread_mention && group.unread_mention_direct);
        assert_eq!(group.unread_messages, 2);
    }

    #[test]
    fn seed_era_v1_rooms_decode_with_defaults() {
        let r: Room = serde_json::from_value(serde_json::json!({
            "token": "abc", "type": 3, "name": "", "displayName": "alice, bob",
            "participantType": "5", "participantInCall": false, "participantFlags": 0,
            "readOnly": 0, "count": 2, "numGuests": 1, "lastPing": 1500000000,
            "sessionId": "0", "hasPassword": true, "hasCall": false, "lastActivity": 1500000001,
            "isFavorite": true, "notificationLevel": 0, "unreadMessages": 3,
            "unreadMention": false, "lastMessage": [], "objectType": "", "objectId": ""
        }))
        .unwrap();
        assert_eq!(r.room_type, RoomType::Public);
        assert_eq!(r.participant_type, ParticipantType::UserFollowingLink);
        assert_eq!(r.count, Some(2));
        assert_eq!(r.num_guests, Some(1));
        assert_eq!(r.participant_in_call, Some(false));
        assert_eq!(r.notification_level, NotificationLevel::Default);
        assert_eq!(r.last_message, None);
        assert_eq!(r.last_read_message, None);
        assert_eq!(r.attendee_id, None);
        assert!(r.can_start_call && r.can_leave_conversation);
        // The v1 create answer has only three fields.
        let created: Room = serde_json::from_value(
            serde_json::json!({"token": "t", "name": "n", "displayName": "n"}),
        )
        .unwrap();
        assert_eq!(created.token, "t");
        assert_eq!(created.room_type, RoomType::Group);
        let odd: Room = serde_json::from_value(serde_json::json!({
            "token": 5, "type": 42, "lastMessage": {}, "notificationLevel": "x"
        }))
        .unwrap();
        assert_eq!(odd.token, "5");
        assert_eq!(odd.room_type, RoomType::Other(42));
        assert_eq!(odd.last_message, None);
    }

    #[test]
    fn mutations_answer_with_the_room_on_v4() {
        for (name, check) in [
            ("092-talk-rename-valid.json", "Fixture group renamed"),
            ("094-talk-rename-201-chars.json", ""),
            ("096-talk-rename-255-chars.json", ""),
            ("098-talk-rename-public-back.json", "Fixture public"),
            ("100-talk-password-public.json", "Fixture public"),
            ("102-talk-password-public-remove.json", "Fixture public"),
            ("103-talk-favorite-add.json", "Fixture group renamed"),
            ("104-talk-favorite-remove.json", "Fixture group renamed"),
            ("105-talk-notify-valid.json", "Fixture group renamed"),
            ("108-talk-notify-level2.json", "Fixture group renamed"),
        ] {
            let room = room_or_none(fixtures::reply(name).data().unwrap())
                .unwrap()
                .unwrap_or_else(|| panic!("{name}"));
            if !check.is_empty() {
                assert_eq!(room.name, check, "{name}");
            }
        }
        let r = room("094-talk-rename-201-chars.json");
        assert_eq!(r.name.chars().count(), 201);
        assert!(room("100-talk-password-public.json").has_password);
        assert!(!room("102-talk-password-public-remove.json").has_password);
        assert!(room("103-talk-favorite-add.json").is_favorite);
        assert_eq!(
            room("105-talk-notify-valid.json").notification_level,
            NotificationLevel::Always
        );
        assert_eq!(
            room("108-talk-notify-level2.json").notification_level,
            NotificationLevel::Mention
        );
        assert_eq!(room_or_none(Value::Null).unwrap(), None);
        assert_eq!(room_or_none(serde_json::json!([])).unwrap(), None);
    }

    #[test]
    fn queries_and_forms_serialise_like_the_fixtures() {
        let q = |query: &RoomQuery| serde_urlencoded_string(query);
        assert_eq!(q(&RoomQuery::background()), "noStatusUpdate=1");
        assert_eq!(q(&RoomQuery::new()), "");
        assert_eq!(
            q(&RoomQuery::background()
                .include_status(true)
                .modified_since(1_795_647_811)),
            "noStatusUpdate=1&includeStatus=1&modifiedSince=1795647811"
        );
        assert_eq!(
            serde_urlencoded_string(&NewRoom::one_to_one("bob")),
            "roomType=1&invite=bob"
        );
        assert_eq!(
            serde_urlencoded_string(&NewRoom::group("Fixture group")),
            "roomType=2&roomName=Fixture+group"
        );
        assert_eq!(
            serde_urlencoded_string(&NewRoom::public("P").password("secret")),
            "roomType=3&roomName=P&password=secret"
        );
        assert_eq!(
            serde_urlencoded_string(&NewRoom::new(RoomType::Other(9)).name("Bad")),
            "roomType=9&roomName=Bad"
        );
    }

    #[test]
    fn display_order_is_favorites_then_newest() {
        let mk = |token: &str, fav: bool, at: i64| Room {
            token: token.into(),
            is_favorite: fav,
            last_activity: at,
            ..Room::default()
        };
        let mut rooms = vec![mk("a", false, 1), mk("b", true, 0), mk("c", false, 5)];
        Room::sort_for_display(&mut rooms);
        let order: Vec<&str> = rooms.iter().map(|r| r.token.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
    }
}
