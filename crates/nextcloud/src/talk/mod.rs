//! Talk (spreed): conversations, participants, calls, chat and reactions.
//!
//! Rooms, participants and calls are on `/ocs/v2.php/apps/spreed/api/v4` when the server's
//! capabilities list the feature `conversation-v4` (every current server), else on `/api/v1`
//! as the seed documents; [`TalkApi`] reads the capabilities once and keeps the answer. Chat,
//! reactions and the guest name are on `/api/v1` for every server.
//!
//! ```no_run
//! # async fn demo(client: nextcloud::Client) -> nextcloud::Result<()> {
//! use nextcloud::talk::{ChatQuery, NewMessage, RoomQuery};
//! let talk = client.talk(); // keep it: it caches the API version
//! let list = talk.rooms(&RoomQuery::background()).await?;
//! let room = &list.rooms[0];
//! let page = talk.chat(&room.token, &ChatQuery::history().limit(50)).await?;
//! let newest = page.messages.first().map(|m| m.id).unwrap_or(0);
//! // Waits up to 30 s for someone to write, answers as soon as someone does.
//! let news = talk.chat(&room.token, &ChatQuery::poll(newest).timeout(30)).await?;
//! talk.send(&room.token, &NewMessage::new("Hello")).await?;
//! # let _ = news; Ok(()) }
//! ```
//!
//! Errors: Talk explains most 4xx answers with a key in `data.error` (`type`, `value`,
//! `invite`, `level`, `new-participant`, `message`…) and an empty OCS message; the key becomes
//! the `message` of [`Error::Invalid`] or [`Error::NotFound`]. A 413 on sending names the
//! length limit instead.

mod call;
mod chat;
mod participants;
mod reactions;
mod rich;
mod rooms;
mod version;

use std::{
    fmt,
    sync::{Arc, Mutex, PoisonError},
};

use reqwest::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

pub use call::{CallFlags, CallPeer, IceServer, SignalingSettings};
pub use chat::{ChatPage, ChatQuery, Mention, Message, MessageType, NewMessage, SentMessage};
pub use participants::{Participant, ParticipantId, RoomSession};
pub use reactions::{ReactionActor, Reactions};
pub use rich::{plain_text, split, RichKind, RichParameter, RichPart};
pub use rooms::{
    CreatedRoom, NewRoom, NotificationLevel, ParticipantType, Room, RoomList, RoomQuery, RoomType,
};
pub use version::{TalkCapabilities, TalkVersion};

use crate::{client::Reply, Client, Error, Result};

const API: &str = "ocs/v2.php/apps/spreed/api";

/// The Talk endpoints, from [`Client::talk`].
///
/// Unlike the other API handles it owns a (cheap) clone of the client and a small cache shared
/// by its clones: the server's Talk capabilities (API version, chat limit), read on first use,
/// and the last `X-Nextcloud-Talk-Hash`. Keep one `TalkApi` per account rather than calling
/// [`Client::talk`] for every request.
#[derive(Clone)]
pub struct TalkApi {
    client: Client,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    /// Set by [`TalkApi::with_version`]: never ask the capabilities for the version.
    pinned: Option<TalkVersion>,
    capabilities: Option<Arc<TalkCapabilities>>,
    /// The last `X-Nextcloud-Talk-Hash` seen; a change means the Talk configuration changed.
    talk_hash: Option<String>,
}

impl fmt::Debug for TalkApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state();
        f.debug_struct("TalkApi")
            .field("server", &self.client.server().as_str())
            .field("pinned", &state.pinned)
            .field(
                "rooms_api",
                &state.capabilities.as_ref().map(|c| c.rooms_api),
            )
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The Talk (spreed) endpoints. See [`TalkApi`]: keep the handle, it caches the API
    /// version.
    pub fn talk(&self) -> TalkApi {
        TalkApi {
            client: self.clone(),
            state: Arc::default(),
        }
    }
}

impl TalkApi {
    /// Uses `version` for rooms, participants and calls without asking the capabilities
    /// (e.g. when the caller has them already).
    pub fn with_version(self, version: TalkVersion) -> Self {
        self.state().pinned = Some(version);
        self
    }

    /// The server's Talk capabilities: read once from `GET /cloud/capabilities`, then cached
    /// until [`forget_capabilities`](Self::forget_capabilities) or a changed
    /// `X-Nextcloud-Talk-Hash`. [`Error::NotFound`] when the server has no Talk.
    pub async fn capabilities(&self) -> Result<Arc<TalkCapabilities>> {
        if let Some(caps) = self.state().capabilities.clone() {
            return Ok(caps);
        }
        let answer = self.client.capabilities(None).await?;
        let caps = answer
            .value
            .as_ref()
            .and_then(TalkCapabilities::from_capabilities)
            .ok_or_else(|| Error::NotFound {
                message: "Talk is not installed on this server".into(),
            })?;
        let caps = Arc::new(caps);
        self.state().capabilities = Some(caps.clone());
        Ok(caps)
    }

    /// The API version for rooms, participants and calls: the pinned one, else from the
    /// capabilities.
    pub async fn version(&self) -> Result<TalkVersion> {
        if let Some(version) = self.state().pinned {
            return Ok(version);
        }
        Ok(self.capabilities().await?.rooms_api)
    }

    /// Drops the cached capabilities; the next call reads them again. The pinned version, if
    /// any, stays.
    pub fn forget_capabilities(&self) {
        self.state().capabilities = None;
    }

    /// The last `X-Nextcloud-Talk-Hash` the server sent (room list and room answers carry it).
    pub fn talk_hash(&self) -> Option<String> {
        self.state().talk_hash.clone()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is a cache: a panic elsewhere cannot leave it inconsistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `…/spreed/api/{version}/{segments…}`, each segment percent-encoded.
    fn url(&self, version: &str, segments: &[&str]) -> Url {
        let mut all = Vec::with_capacity(segments.len() + 1);
        all.push(version);
        all.extend_from_slice(segments);
        self.client.url(API, &all)
    }

    /// A URL of the rooms API in the server's version.
    async fn rooms_url(&self, segments: &[&str]) -> Result<(TalkVersion, Url)> {
        let version = self.version().await?;
        Ok((version, self.url(version.as_str(), segments)))
    }

    fn request(&self, method: Method, url: Url) -> RequestBuilder {
        self.client.request(method, url)
    }

    async fn execute(&self, request: RequestBuilder) -> Result<Reply> {
        self.client.send(request).await
    }

    /// Notes `X-Nextcloud-Talk-Hash`; when it changed, the cached capabilities are dropped (the
    /// server's Talk configuration changed).
    fn note_talk_hash(&self, reply: &Reply) -> Option<String> {
        let hash = reply.header("X-Nextcloud-Talk-Hash")?;
        let mut state = self.state();
        if state.talk_hash.as_deref().is_some_and(|old| old != hash) {
            state.capabilities = None;
        }
        state.talk_hash = Some(hash.clone());
        Some(hash)
    }
}

/// The OCS `data` of a Talk answer, every failure mapped to an [`Error`]. On top of the
/// crate-wide mapping a 404's empty message becomes Talk's `data.error` key (`invite`,
/// `new-participant`…), as a 4xx's already does.
fn data(reply: &Reply) -> Result<Value> {
    reply.data().map_err(|err| match err {
        Error::NotFound { message } if message.is_empty() => Error::NotFound {
            message: error_key(reply).unwrap_or_default(),
        },
        other => other,
    })
}

/// `data.error` of an OCS error answer.
fn error_key(reply: &Reply) -> Option<String> {
    let body: Value = serde_json::from_slice(&reply.body).ok()?;
    body.get("ocs")?
        .get("data")?
        .get("error")?
        .as_str()
        .map(str::to_owned)
}

/// [`data`] decoded into `T`.
fn decode<T: DeserializeOwned>(reply: &Reply, what: &str) -> Result<T> {
    from_data(data(reply)?, what)
}

fn from_data<T: DeserializeOwned>(data: Value, what: &str) -> Result<T> {
    serde_json::from_value(data).map_err(|e| Error::Decode(format!("Talk {what}: {e}")))
}

/// An integer header (`X-Chat-Last-Given`, `X-Nextcloud-Talk-Modified-Before`…).
fn int_header(reply: &Reply, name: &str) -> Option<i64> {
    reply.header(name)?.trim().parse().ok()
}

/// `1` or nothing: Talk reads `"1"` as true and a missing flag as false.
fn flag(on: bool) -> Option<&'static str> {
    on.then_some("1")
}

/// What reqwest's `.query()` (and `.form()`, same encoding) puts on the wire for `value`.
#[cfg(test)]
fn urlencoded<T: serde::Serialize>(value: &T) -> String {
    let request = reqwest::Client::new()
        .get("http://example.invalid/")
        .query(value)
        .build()
        .unwrap();
    request.url().query().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn talk_error_keys_become_the_message() {
        let cases = [
            (
                "088-talk-create-room-invalid-type.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "type".into(),
                },
            ),
            (
                "089-talk-create-room-type1-unknown-user.json",
                Error::NotFound {
                    message: "invite".into(),
                },
            ),
            (
                "091-talk-get-room-unknown.json",
                Error::NotFound {
                    message: String::new(),
                },
            ),
            (
                "093-talk-rename-empty.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "value".into(),
                },
            ),
            (
                "097-talk-rename-256-chars.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "value".into(),
                },
            ),
            (
                "099-talk-rename-one-to-one.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "type".into(),
                },
            ),
            (
                "101-talk-password-group.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "type".into(),
                },
            ),
            (
                "106-talk-notify-invalid.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "level".into(),
                },
            ),
            (
                "107-talk-notify-level0.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "level".into(),
                },
            ),
            (
                "110-talk-participants-add-unknown.json",
                Error::NotFound {
                    message: "new-participant".into(),
                },
            ),
            (
                "114-talk-moderators-promote-v1-style.json",
                Error::Http {
                    status: 500,
                    message: "Internal Server Error".into(),
                },
            ),
            (
                "116-talk-moderators-demote-again.json",
                Error::Invalid {
                    statuscode: 400,
                    message: String::new(),
                },
            ),
            (
                "117-talk-participants-remove-v1-style.json",
                Error::Http {
                    status: 405,
                    message: String::new(),
                },
            ),
            (
                "122-talk-chat-send-too-long.json",
                Error::Invalid {
                    statuscode: 413,
                    message: "message".into(),
                },
            ),
            (
                "146-talk-call-join-no-session.json",
                Error::NotFound {
                    message: String::new(),
                },
            ),
        ];
        for (name, expected) in cases {
            assert_eq!(
                data(&fixtures::reply(name)).unwrap_err(),
                expected,
                "{name}"
            );
        }
        for name in [
            "082-talk-room-list-v1.json",
            "083-talk-room-list-v3.json",
            "143-talk-chat-v4-path.json",
        ] {
            match data(&fixtures::reply(name)) {
                Err(Error::NotFound { message }) => {
                    assert!(message.starts_with("Invalid query"), "{name}: {message}")
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    /// Every Talk fixture (081–157) through the type its endpoint decodes into: successes
    /// decode, errors map to an [`Error`], 304s are bodiless chat answers.
    #[test]
    fn every_talk_fixture_decodes_into_its_type() {
        // 160 is a notification *about* Talk (the notifications app's).
        let names: Vec<String> = fixtures::names_containing("-talk-")
            .into_iter()
            .filter(|name| name.as_str() < "158")
            .collect();
        assert_eq!(names.len(), 69, "{names:?}");
        for name in names {
            let fixture = fixtures::load(&name);
            let method = fixture["request"]["method"].as_str().unwrap();
            let target = fixture["request"]["path_and_query"].as_str().unwrap();
            let path = target.split('?').next().unwrap();
            let path = path.strip_prefix("/ocs/v2.php/apps/spreed/api/").unwrap();
            let segments: Vec<&str> = path.split('/').collect();
            let reply = fixtures::reply(&name);
            let status = reply.status.as_u16();
            if status == 304 {
                assert!(matches!(segments[..], ["v1", "chat", _]), "{name}");
                assert!(reply.body.is_empty(), "{name}");
                continue;
            }
            if !reply.status.is_success() {
                let err = data(&reply).unwrap_err();
                assert!(
                    matches!(
                        err,
                        Error::Invalid { .. } | Error::NotFound { .. } | Error::Http { .. }
                    ),
                    "{name}: {err:?}"
                );
                continue;
            }
            let ok = |result: Result<()>| result.unwrap_or_else(|e| panic!("{name}: {e}"));
            let room = |reply: &Reply| {
                let room = rooms::room_or_none(data(reply)?)?;
                assert!(room.is_some(), "{name}");
                Ok(())
            };
            let decoded = |result: Result<()>| ok(result);
            match (method, &segments[..]) {
                ("GET", ["v4", "room"]) => {
                    decoded(decode::<Vec<Room>>(&reply, "").map(drop));
                }
                ("POST", ["v4", "room"]) | ("GET", ["v4", "room", _]) => {
                    decoded(decode::<Room>(&reply, "").map(drop));
                }
                ("PUT", ["v4", "room", _])
                | (_, ["v4", "room", _, "password" | "favorite" | "notify" | "public"])
                | ("POST", ["v4", "room", _, "participants", "active"])
                | ("POST", ["v1", "chat", _, "read"]) => ok(room(&reply)),
                ("GET", ["v4", "room", _, "participants"]) => {
                    decoded(decode::<Vec<Participant>>(&reply, "").map(drop));
                }
                ("POST", ["v4", "room", _, "participants"])
                | (_, ["v4", "room", _, "attendees" | "moderators"])
                | ("DELETE", ["v4", "room", _, "participants", "active"])
                | ("POST" | "DELETE", ["v4", "call", _]) => {
                    ok(data(&reply).map(drop));
                }
                ("GET", ["v4", "call", _]) => {
                    decoded(decode::<Vec<CallPeer>>(&reply, "").map(drop));
                }
                ("GET", ["v1", "chat", _]) => {
                    let messages: Vec<Message> = decode(&reply, "").unwrap();
                    assert!(!messages.is_empty(), "{name}");
                    assert!(int_header(&reply, "X-Chat-Last-Given").is_some(), "{name}");
                }
                ("POST", ["v1", "chat", _]) => {
                    assert_eq!(status, 201, "{name}");
                    decoded(decode::<Message>(&reply, "").map(drop));
                    assert!(int_header(&reply, "X-Chat-Last-Common-Read").is_some());
                }
                ("GET", ["v1", "chat", _, "mentions"]) => {
                    decoded(decode::<Vec<Mention>>(&reply, "").map(drop));
                }
                (_, ["v1", "reaction", _, _]) => {
                    let all = reactions_of(data(&reply).unwrap());
                    assert!(!all.is_empty(), "{name}");
                }
                other => panic!("{name}: no type for {other:?}"),
            }
        }
    }

    fn reactions_of(value: Value) -> Reactions {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn headers_are_read_as_integers() {
        let reply = fixtures::reply("129-talk-chat-history.json");
        assert_eq!(int_header(&reply, "X-Chat-Last-Given"), Some(213));
        assert_eq!(int_header(&reply, "X-Chat-Last-Common-Read"), Some(215));
        assert_eq!(int_header(&reply, "X-Nope"), None);
    }
}
