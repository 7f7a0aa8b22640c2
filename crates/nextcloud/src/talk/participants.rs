//! Participants, moderators, room sessions and the guest name:
//! `…/room/{token}/participants…`, `…/attendees`, `…/moderators`, `…/guest/{token}/name`.
//!
//! v4 names participants by `attendeeId` (`DELETE …/attendees attendeeId=30`); the seed's v1
//! names them by user id (`DELETE …/participants participant=carol`). Sending the v1 form to a
//! v4 server fails (405 / 500, fixtures 114/117), so [`ParticipantId`] lets the caller name
//! someone either way and the client sends what the server speaks.

use std::fmt;

use reqwest::{
    header::{self, HeaderValue},
    Method,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    data, decode, from_data,
    rooms::{ParticipantType, Room},
    TalkApi, TalkVersion,
};
use crate::{client::Reply, de, Error, Result};

/// A participant of a room (`GET …/room/{token}/participants`), the same for v4 and v1:
/// v1's `userId` becomes `actor_id` (with `actor_type` `users`, or `guests` when empty) and
/// its `sessionId` the one entry of `session_ids`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "WireParticipant")]
pub struct Participant {
    /// v4 only: the id to promote, demote or remove them with.
    pub attendee_id: Option<i64>,
    /// `users`, `guests`, `groups`, `emails`, `circles`, `federated_users`…
    pub actor_type: String,
    pub actor_id: String,
    pub display_name: String,
    pub participant_type: ParticipantType,
    pub last_ping: i64,
    /// In-call flags ([`super::CallFlags`]); 0 = not in the call.
    pub in_call: i64,
    /// The participant's active sessions (empty when not connected).
    pub session_ids: Vec<String>,
    pub permissions: i64,
    pub attendee_permissions: i64,
    pub attendee_pin: Option<String>,
    pub phone_number: Option<String>,
    pub call_id: Option<String>,
    /// The room's token (v4).
    pub room_token: Option<String>,
    /// Status of users (with `includeStatus=1`).
    pub status: Option<String>,
    pub status_icon: Option<String>,
    pub status_message: Option<String>,
}

impl Participant {
    /// How to name this participant in promote/demote/remove: the attendee id when known
    /// (v4), else the user id (v1).
    pub fn id(&self) -> ParticipantId {
        match self.attendee_id {
            Some(id) => ParticipantId::Attendee(id),
            None => ParticipantId::User(self.actor_id.clone()),
        }
    }

    /// Whether the participant has a session (is connected) in the room.
    pub fn is_connected(&self) -> bool {
        !self.session_ids.is_empty()
    }
}

/// The wire shape of both versions.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[derive(Default)]
struct WireParticipant {
    #[serde(deserialize_with = "de::opt_i64")]
    attendee_id: Option<i64>,
    #[serde(deserialize_with = "de::opt_string")]
    actor_type: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    actor_id: Option<String>,
    /// v1.
    #[serde(deserialize_with = "de::opt_string")]
    user_id: Option<String>,
    #[serde(deserialize_with = "de::string")]
    display_name: String,
    participant_type: ParticipantType,
    #[serde(deserialize_with = "de::i64_or_zero")]
    last_ping: i64,
    in_call: Value,
    /// v1.
    #[serde(deserialize_with = "de::opt_string")]
    session_id: Option<String>,
    #[serde(deserialize_with = "de::strings")]
    session_ids: Vec<String>,
    #[serde(deserialize_with = "de::i64_or_zero")]
    permissions: i64,
    #[serde(deserialize_with = "de::i64_or_zero")]
    attendee_permissions: i64,
    #[serde(deserialize_with = "de::opt_string")]
    attendee_pin: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    phone_number: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    call_id: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    room_token: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    status: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    status_icon: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    status_message: Option<String>,
}

impl From<WireParticipant> for Participant {
    fn from(w: WireParticipant) -> Self {
        let actor_id = w.actor_id.or(w.user_id).unwrap_or_default();
        let actor_type = w.actor_type.unwrap_or_else(|| {
            if actor_id.is_empty() {
                "guests".into()
            } else {
                "users".into()
            }
        });
        let mut session_ids = w.session_ids;
        if let Some(session) = w.session_id.filter(|s| s != "0") {
            if !session_ids.contains(&session) {
                session_ids.push(session);
            }
        }
        // `inCall`: flags on v4; a boolean on old servers.
        let in_call = match &w.in_call {
            Value::Bool(true) => 1,
            other => other
                .as_i64()
                .or_else(|| other.as_str()?.parse().ok())
                .unwrap_or(0),
        };
        Participant {
            attendee_id: w.attendee_id,
            actor_type,
            actor_id,
            display_name: w.display_name,
            participant_type: w.participant_type,
            last_ping: w.last_ping,
            in_call,
            session_ids,
            permissions: w.permissions,
            attendee_permissions: w.attendee_permissions,
            attendee_pin: w.attendee_pin,
            phone_number: w.phone_number,
            call_id: w.call_id,
            room_token: w.room_token,
            status: w.status,
            status_icon: w.status_icon,
            status_message: w.status_message,
        }
    }
}

/// Who to promote, demote or remove.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParticipantId {
    /// An attendee id (v4). Refused on a v1 server, which has none.
    Attendee(i64),
    /// A user id. On v4 the client looks up the user's attendee id first (one more request).
    User(String),
}

/// A session in a room, from [`TalkApi::join_room`]. Calls need it: the server binds the
/// session to the cookie it set on the join, and a call request without that cookie is a 404
/// (fixture 146). `Debug` does not show the session id or the cookie.
#[derive(Clone, PartialEq)]
pub struct RoomSession {
    /// The room's token.
    pub token: String,
    /// The session id (512 characters on real servers).
    pub session_id: String,
    /// The room as the join answered it (v4); `None` on v1, which answers only the session.
    pub room: Option<Room>,
    /// `Cookie` header value built from the join's `Set-Cookie`s.
    cookie: Option<String>,
}

impl fmt::Debug for RoomSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RoomSession")
            .field("token", &self.token)
            .field("session_id", &"<redacted>")
            .field("has_cookie", &self.cookie.is_some())
            .finish_non_exhaustive()
    }
}

impl RoomSession {
    /// A request carrying the session's cookie.
    pub(super) fn attach(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self
            .cookie
            .as_deref()
            .and_then(|c| HeaderValue::from_str(c).ok())
        {
            Some(cookie) => request.header(header::COOKIE, cookie),
            None => request,
        }
    }
}

/// The `name=value` pairs of every `Set-Cookie` of an answer, as one `Cookie` header value.
fn cookie_of(reply: &Reply) -> Option<String> {
    let pairs: Vec<&str> = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .map(str::trim)
        .filter(|pair| pair.contains('=') && !pair.ends_with("=deleted"))
        .collect();
    (!pairs.is_empty()).then(|| pairs.join("; "))
}

impl TalkApi {
    /// `GET …/room/{token}/participants`.
    pub async fn participants(&self, token: &str) -> Result<Vec<Participant>> {
        let (_, url) = self.rooms_url(&["room", token, "participants"]).await?;
        decode(
            &self.execute(self.request(Method::GET, url)).await?,
            "participants",
        )
    }

    /// `POST …/room/{token}/participants` with `newParticipant` and `source` (`users` when
    /// `None`; also `groups`, `emails`, `circles`). 404 `new-participant` for an unknown one.
    pub async fn add_participant(
        &self,
        token: &str,
        new_participant: &str,
        source: Option<&str>,
    ) -> Result<()> {
        let (_, url) = self.rooms_url(&["room", token, "participants"]).await?;
        let form = [
            ("newParticipant", new_participant),
            ("source", source.unwrap_or("users")),
        ];
        let reply = self
            .execute(self.request(Method::POST, url).form(&form))
            .await?;
        data(&reply).map(drop)
    }

    /// Removes someone: v4 `DELETE …/attendees attendeeId=…`, v1 `DELETE …/participants
    /// participant=…`. 403 for non-moderators or to remove an owner, 400 when the last
    /// moderator would go, 404 when they are not in the room.
    pub async fn remove_participant(&self, token: &str, who: &ParticipantId) -> Result<()> {
        let version = self.version().await?;
        let (segment, form) = match version {
            TalkVersion::V4 => ("attendees", self.attendee_form(token, who).await?),
            TalkVersion::V1 => ("participants", v1_form(who)?),
        };
        let url = self.url(version.as_str(), &["room", token, segment]);
        let reply = self
            .execute(self.request(Method::DELETE, url).form(&[form]))
            .await?;
        data(&reply).map(drop)
    }

    /// Seed v1 `DELETE …/participants/guests participant=<session id>`: removes a guest by
    /// session. On v4 guests are attendees: use [`TalkApi::remove_participant`].
    pub async fn remove_guest(&self, token: &str, session_id: &str) -> Result<()> {
        let (version, url) = self
            .rooms_url(&["room", token, "participants", "guests"])
            .await?;
        if version == TalkVersion::V4 {
            return Err(Error::refused(
                "This server removes guests by attendee id (remove_participant)",
            ));
        }
        let reply = self
            .execute(
                self.request(Method::DELETE, url)
                    .form(&[("participant", session_id)]),
            )
            .await?;
        data(&reply).map(drop)
    }

    /// `DELETE …/room/{token}/participants/self`: leave the conversation for good (a
    /// one-to-one room is deleted when both left). 400 when the user is the last moderator.
    pub async fn leave_room_for_good(&self, token: &str) -> Result<()> {
        let (_, url) = self
            .rooms_url(&["room", token, "participants", "self"])
            .await?;
        data(&self.execute(self.request(Method::DELETE, url)).await?).map(drop)
    }

    /// `POST …/moderators`: makes a user a moderator. 400 when they are not a normal user,
    /// 403 for non-moderators, 404 when they are not in the room.
    pub async fn promote_moderator(&self, token: &str, who: &ParticipantId) -> Result<()> {
        self.moderators(Method::POST, token, who).await
    }

    /// `DELETE …/moderators`: makes a moderator a normal user again. 400 when they are not a
    /// moderator (fixture 116).
    pub async fn demote_moderator(&self, token: &str, who: &ParticipantId) -> Result<()> {
        self.moderators(Method::DELETE, token, who).await
    }

    async fn moderators(&self, method: Method, token: &str, who: &ParticipantId) -> Result<()> {
        let version = self.version().await?;
        let form = match version {
            TalkVersion::V4 => self.attendee_form(token, who).await?,
            TalkVersion::V1 => v1_form(who)?,
        };
        let url = self.url(version.as_str(), &["room", token, "moderators"]);
        let reply = self
            .execute(self.request(method, url).form(&[form]))
            .await?;
        data(&reply).map(drop)
    }

    /// `attendeeId=…` for `who`, looking a user id up in the participant list.
    async fn attendee_form(
        &self,
        token: &str,
        who: &ParticipantId,
    ) -> Result<(&'static str, String)> {
        let id = match who {
            ParticipantId::Attendee(id) => *id,
            ParticipantId::User(user) => self
                .participants(token)
                .await?
                .into_iter()
                .find(|p| p.actor_type == "users" && &p.actor_id == user)
                .and_then(|p| p.attendee_id)
                .ok_or_else(|| Error::NotFound {
                    message: "participant".into(),
                })?,
        };
        Ok(("attendeeId", id.to_string()))
    }

    /// `POST …/room/{token}/participants/active`: opens a session in the room (needed for
    /// calls). `password` for guests of password-protected rooms. v4 sends `force=true`
    /// (take over a session the user has elsewhere).
    pub async fn join_room(&self, token: &str, password: Option<&str>) -> Result<RoomSession> {
        let (version, url) = self
            .rooms_url(&["room", token, "participants", "active"])
            .await?;
        let mut form = Vec::new();
        if let Some(password) = password {
            form.push(("password", password));
        }
        if version == TalkVersion::V4 {
            form.push(("force", "true"));
        }
        let reply = self
            .execute(self.request(Method::POST, url).form(&form))
            .await?;
        let data = data(&reply)?;
        let session_id = data
            .get("sessionId")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty() && *s != "0")
            .ok_or_else(|| Error::Decode("Talk join: no sessionId in the answer".into()))?
            .to_owned();
        let room = match &data {
            Value::Object(map) if map.contains_key("token") => Some(from_data(data, "room")?),
            _ => None,
        };
        Ok(RoomSession {
            token: token.to_owned(),
            session_id,
            room,
            cookie: cookie_of(&reply),
        })
    }

    /// `DELETE …/room/{token}/participants/active`: closes the session (the user stays a
    /// participant).
    pub async fn leave_room(&self, session: &RoomSession) -> Result<()> {
        let (_, url) = self
            .rooms_url(&["room", &session.token, "participants", "active"])
            .await?;
        let request = session.attach(self.request(Method::DELETE, url));
        data(&self.execute(request).await?).map(drop)
    }

    /// `POST …/api/v1/guest/{token}/name` with `displayName`: a guest's name. Signed-in users
    /// get 403 (the client always signs in, so this is for completeness).
    pub async fn set_guest_name(&self, token: &str, display_name: &str) -> Result<()> {
        let url = self.url("v1", &["guest", token, "name"]);
        let reply = self
            .execute(
                self.request(Method::POST, url)
                    .form(&[("displayName", display_name)]),
            )
            .await?;
        data(&reply).map(drop)
    }
}

/// `participant=<user id>` (seed v1).
fn v1_form(who: &ParticipantId) -> Result<(&'static str, String)> {
    match who {
        ParticipantId::User(user) => Ok(("participant", user.clone())),
        ParticipantId::Attendee(_) => Err(Error::refused(
            "This server (Talk API v1) names participants by user id, not attendee id",
        )),
    }
}

#[cfg(test)]
mod tests {
    use reqwest::{header::HeaderMap, StatusCode};

    use super::*;
    use crate::fixtures;

    #[test]
    fn v4_participant_lists() {
        let list: Vec<Participant> = fixtures::reply("112-talk-participants-list.json")
            .decode()
            .unwrap();
        assert_eq!(list.len(), 3);
        let admin = &list[0];
        assert_eq!(admin.attendee_id, Some(27));
        assert_eq!(admin.actor_type, "users");
        assert_eq!(admin.actor_id, "admin");
        assert_eq!(admin.display_name, "admin");
        assert_eq!(admin.participant_type, ParticipantType::Owner);
        assert_eq!(admin.permissions, 254);
        assert_eq!(admin.room_token.as_deref(), Some("pj4sxr7h"));
        assert_eq!(admin.in_call, 0);
        assert!(!admin.is_connected());
        assert_eq!(admin.attendee_pin, None);
        assert_eq!(admin.id(), ParticipantId::Attendee(27));
        let carol = &list[2];
        assert_eq!(carol.actor_id, "carol");
        assert_eq!(carol.id(), ParticipantId::Attendee(30));

        let after: Vec<Participant> = fixtures::reply("119-talk-participants-list-after.json")
            .decode()
            .unwrap();
        let ids: Vec<&str> = after.iter().map(|p| p.actor_id.as_str()).collect();
        assert_eq!(ids, ["admin", "bob"]);
        assert_eq!(after[1].participant_type, ParticipantType::User);
        let again: Participant =
            serde_json::from_value(serde_json::to_value(&after[1]).unwrap()).unwrap();
        assert_eq!(again, after[1]);
    }

    #[test]
    fn v1_participants_are_named_by_user_id() {
        let list: Vec<Participant> = serde_json::from_value(serde_json::json!([
            {"userId": "alice", "displayName": "Alice", "participantType": 1,
             "lastPing": 1500000000, "sessionId": "s1"},
            {"userId": "", "displayName": "", "participantType": 4, "lastPing": 0,
             "sessionId": "0", "inCall": true}
        ]))
        .unwrap();
        assert_eq!(list[0].actor_id, "alice");
        assert_eq!(list[0].actor_type, "users");
        assert_eq!(list[0].session_ids, ["s1"]);
        assert_eq!(list[0].id(), ParticipantId::User("alice".into()));
        assert_eq!(list[1].actor_type, "guests");
        assert!(list[1].session_ids.is_empty());
        assert_eq!(list[1].in_call, 1);
        assert_eq!(list[1].participant_type, ParticipantType::Guest);
        assert_eq!(
            v1_form(&ParticipantId::User("bob".into())).unwrap(),
            ("participant", "bob".to_owned())
        );
        assert_eq!(
            v1_form(&ParticipantId::Attendee(3))
                .unwrap_err()
                .statuscode(),
            Some(0)
        );
    }

    #[test]
    fn adding_answers_an_empty_list_and_moderators_null() {
        for name in [
            "109-talk-participants-add.json",
            "111-talk-participants-add-carol.json",
            "113-talk-moderators-promote.json",
            "115-talk-moderators-demote.json",
            "118-talk-attendees-remove.json",
            "147-talk-call-join.json",
            "155-talk-call-leave.json",
            "156-talk-leave-room.json",
        ] {
            data(&fixtures::reply(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn the_join_answer_is_a_room_with_the_session() {
        let data = fixtures::data("120-talk-join-room.json");
        assert_eq!(data["sessionId"], "<redacted>");
        let room: Room = from_data(data, "room").unwrap();
        assert_eq!(room.token, "pj4sxr7h");
        assert_eq!(room.session_id.as_deref(), Some("<redacted>"));
    }

    #[test]
    fn the_session_cookie_is_every_set_cookie_pair() {
        let mut headers = HeaderMap::new();
        for value in [
            "oc1234=abcdef; path=/; secure; HttpOnly; SameSite=Lax",
            "oc_sessionPassphrase=xyz%2F; path=/; HttpOnly",
            "__Host-nc_sameSiteCookielax=true; path=/; httponly;secure; expires=Fri, 31-Dec-2100 23:59:59 GMT; SameSite=lax",
            "nc_token=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT",
        ] {
            headers.append(header::SET_COOKIE, HeaderValue::from_static(value));
        }
        let reply = Reply {
            status: StatusCode::OK,
            headers,
            body: Vec::new(),
        };
        assert_eq!(
            cookie_of(&reply).as_deref(),
            Some("oc1234=abcdef; oc_sessionPassphrase=xyz%2F; __Host-nc_sameSiteCookielax=true")
        );
        let none = Reply {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Vec::new(),
        };
        assert_eq!(cookie_of(&none), None);
        let session = RoomSession {
            token: "t".into(),
            session_id: "secret-session".into(),
            room: None,
            cookie: Some("a=b".into()),
        };
        let shown = format!("{session:?}");
        assert!(
            !shown.contains("secret-session") && !shown.contains("a=b"),
            "{shown}"
        );
    }
}
