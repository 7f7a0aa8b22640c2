//! Calls and signaling settings: `…/call/{token}` (rooms API version) and
//! `…/signaling/settings` (v3 with the feature `signaling-v3`, else the seed's v1).

use std::ops::BitOr;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{data, decode, participants::RoomSession, TalkApi};
use crate::{de, Result};

/// In-call flags (`flags` of a call join, `participantFlags`/`inCall` of rooms and
/// participants).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CallFlags(pub u8);

impl CallFlags {
    pub const DISCONNECTED: CallFlags = CallFlags(0);
    pub const IN_CALL: CallFlags = CallFlags(1);
    pub const WITH_AUDIO: CallFlags = CallFlags(2);
    pub const WITH_VIDEO: CallFlags = CallFlags(4);
    pub const WITH_PHONE: CallFlags = CallFlags(8);

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: CallFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for CallFlags {
    type Output = CallFlags;

    fn bitor(self, other: CallFlags) -> CallFlags {
        CallFlags(self.0 | other.0)
    }
}

/// Someone in the call (`GET …/call/{token}`). v1's `userId` becomes `actor_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "WirePeer")]
pub struct CallPeer {
    pub actor_type: String,
    pub actor_id: String,
    pub display_name: String,
    /// The room's token (v4).
    pub token: Option<String>,
    pub last_ping: i64,
    pub session_id: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct WirePeer {
    #[serde(deserialize_with = "de::opt_string")]
    actor_type: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    actor_id: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    user_id: Option<String>,
    #[serde(deserialize_with = "de::string")]
    display_name: String,
    #[serde(deserialize_with = "de::opt_string")]
    token: Option<String>,
    #[serde(deserialize_with = "de::i64_or_zero")]
    last_ping: i64,
    #[serde(deserialize_with = "de::string")]
    session_id: String,
}

impl From<WirePeer> for CallPeer {
    fn from(w: WirePeer) -> Self {
        let actor_id = w.actor_id.or(w.user_id).unwrap_or_default();
        let actor_type = w.actor_type.unwrap_or_else(|| {
            if actor_id.is_empty() {
                "guests"
            } else {
                "users"
            }
            .to_owned()
        });
        CallPeer {
            actor_type,
            actor_id,
            display_name: w.display_name,
            token: w.token,
            last_ping: w.last_ping,
            session_id: w.session_id,
        }
    }
}

/// `GET …/signaling/settings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SignalingSettings {
    /// `internal`, `external` or `conversation_cluster` (v3).
    #[serde(deserialize_with = "de::opt_string")]
    pub signaling_mode: Option<String>,
    #[serde(deserialize_with = "de::opt_string")]
    pub user_id: Option<String>,
    #[serde(deserialize_with = "de::bool_lenient")]
    pub hide_warning: bool,
    /// URL of the external signaling server; `None` for the internal one.
    #[serde(deserialize_with = "de::opt_string")]
    pub server: Option<String>,
    /// Ticket for the external signaling server.
    #[serde(deserialize_with = "de::opt_string")]
    pub ticket: Option<String>,
    #[serde(rename = "stunservers", deserialize_with = "ice_servers")]
    pub stun_servers: Vec<IceServer>,
    #[serde(rename = "turnservers", deserialize_with = "ice_servers")]
    pub turn_servers: Vec<IceServer>,
    /// Everything else the server sent (`helloAuthParams`, `sipDialinInfo`, `federation`…).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, Value>,
}

/// A STUN or TURN server. The seed sends `url` (a string for STUN, a one-element list for
/// TURN) and `urls`; current servers send `urls`. All of them end up in `urls`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IceServer {
    pub urls: Vec<String>,
    pub username: Option<String>,
    pub credential: Option<String>,
}

impl<'de> Deserialize<'de> for IceServer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct Wire {
            url: Value,
            urls: Value,
            #[serde(deserialize_with = "de::opt_string")]
            username: Option<String>,
            #[serde(deserialize_with = "de::opt_string")]
            credential: Option<String>,
        }
        let wire = Wire::deserialize(d)?;
        let mut urls: Vec<String> = Vec::new();
        for value in [wire.urls, wire.url] {
            let found = match value {
                Value::String(s) => vec![s],
                Value::Array(items) => items
                    .into_iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            for url in found {
                if !url.is_empty() && !urls.contains(&url) {
                    urls.push(url);
                }
            }
        }
        Ok(IceServer {
            urls,
            username: wire.username,
            credential: wire.credential,
        })
    }
}

fn ice_servers<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<IceServer>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

impl TalkApi {
    /// `GET …/call/{token}`: who is in the call.
    pub async fn call_peers(&self, token: &str) -> Result<Vec<CallPeer>> {
        let (_, url) = self.rooms_url(&["call", token]).await?;
        decode(
            &self.execute(self.request(Method::GET, url)).await?,
            "call peers",
        )
    }

    /// `POST …/call/{token}` with `flags` (and `silent=1`: no call notification): joins the
    /// call with the session of [`TalkApi::join_room`]. 404 without a session in the room
    /// (fixture 146).
    pub async fn join_call(
        &self,
        session: &RoomSession,
        flags: CallFlags,
        silent: bool,
    ) -> Result<()> {
        let (_, url) = self.rooms_url(&["call", &session.token]).await?;
        let flags = flags.0.to_string();
        let mut form = vec![("flags", flags.as_str())];
        if silent {
            form.push(("silent", "1"));
        }
        let request = session.attach(self.request(Method::POST, url).form(&form));
        data(&self.execute(request).await?).map(drop)
    }

    /// `DELETE …/call/{token}`: leaves the call (the session stays in the room); `for_all`
    /// ends it for everyone (moderators, `all=1`).
    pub async fn leave_call(&self, session: &RoomSession, for_all: bool) -> Result<()> {
        let (_, url) = self.rooms_url(&["call", &session.token]).await?;
        let mut request = self.request(Method::DELETE, url);
        if for_all {
            request = request.form(&[("all", "1")]);
        }
        data(&self.execute(session.attach(request)).await?).map(drop)
    }

    /// `GET …/signaling/settings` (with `token` on v3, which asks for the room's settings).
    pub async fn signaling_settings(&self, token: Option<&str>) -> Result<SignalingSettings> {
        let pinned = self.state().pinned;
        let api = match pinned {
            // A pinned seed-era server: the seed's v1.
            Some(super::TalkVersion::V1) => "v1",
            _ => self.capabilities().await?.signaling_api(),
        };
        let mut request = self.request(Method::GET, self.url(api, &["signaling", "settings"]));
        if let Some(token) = token {
            request = request.query(&[("token", token)]);
        }
        decode(&self.execute(request).await?, "signaling settings")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn call_peers_of_v4_and_v1() {
        let peers: Vec<CallPeer> = fixtures::reply("148-talk-call-peers.json")
            .decode()
            .unwrap();
        assert_eq!(peers.len(), 1);
        let p = &peers[0];
        assert_eq!(p.actor_type, "users");
        assert_eq!(p.actor_id, "admin");
        assert_eq!(p.display_name, "admin");
        assert_eq!(p.token.as_deref(), Some("pj4sxr7h"));
        assert_eq!(p.last_ping, 1_795_647_815);
        assert_eq!(p.session_id, "<redacted>");
        let v1: Vec<CallPeer> = serde_json::from_value(serde_json::json!([
            {"userId": "alice", "lastPing": 5, "sessionId": "s"}
        ]))
        .unwrap();
        assert_eq!(v1[0].actor_id, "alice");
        assert_eq!(v1[0].actor_type, "users");
        let again: CallPeer = serde_json::from_value(serde_json::to_value(p).unwrap()).unwrap();
        assert_eq!(&again, p);
    }

    #[test]
    fn call_flags() {
        let flags = CallFlags::IN_CALL | CallFlags::WITH_AUDIO;
        assert_eq!(flags, CallFlags(3));
        assert!(flags.contains(CallFlags::WITH_AUDIO));
        assert!(!flags.contains(CallFlags::WITH_VIDEO));
    }

    #[test]
    fn signaling_settings_of_the_seed_and_of_current_servers() {
        let seed: SignalingSettings = serde_json::from_value(serde_json::json!({
            "stunservers": [{"url": "stun:stun.nextcloud.com:443"}],
            "turnservers": [{"url": ["turn:turn.example.com:3478?transport=udp"],
                             "urls": ["turn:turn.example.com:3478?transport=udp"],
                             "username": "u", "credential": "c"}],
            "server": "", "ticket": "abc"
        }))
        .unwrap();
        assert_eq!(seed.stun_servers[0].urls, ["stun:stun.nextcloud.com:443"]);
        assert_eq!(
            seed.turn_servers[0].urls,
            ["turn:turn.example.com:3478?transport=udp"]
        );
        assert_eq!(seed.turn_servers[0].username.as_deref(), Some("u"));
        assert_eq!(seed.server, None);
        assert_eq!(seed.ticket.as_deref(), Some("abc"));
        let v3: SignalingSettings = serde_json::from_value(serde_json::json!({
            "signalingMode": "internal", "userId": "admin", "hideWarning": false,
            "server": "", "ticket": "t", "helloAuthParams": {"1.0": {"userid": "admin"}},
            "stunservers": [{"urls": ["stun:stun.nextcloud.com:443"]}],
            "turnservers": [], "sipDialinInfo": ""
        }))
        .unwrap();
        assert_eq!(v3.signaling_mode.as_deref(), Some("internal"));
        assert_eq!(v3.user_id.as_deref(), Some("admin"));
        assert_eq!(v3.stun_servers[0].urls, ["stun:stun.nextcloud.com:443"]);
        assert!(v3.turn_servers.is_empty());
        assert!(v3.extra.contains_key("helloAuthParams"));
    }

    #[test]
    fn call_answers_have_no_data() {
        for name in ["147-talk-call-join.json", "155-talk-call-leave.json"] {
            assert_eq!(data(&fixtures::reply(name)).unwrap(), Value::Null);
        }
    }
}
