//! Which Talk API a server speaks, read from `capabilities.spreed`.
//!
//! The seed documents rooms on `/api/v1`; current servers (spreed 11+) serve rooms,
//! participants and calls only on `/api/v4` and say so with the feature `conversation-v4`
//! (fixtures 082/083: `/api/v1/room` is a 404 there). Chat, reactions and the guest name stay
//! on `/api/v1` everywhere (fixture 143: `/api/v4/chat` is a 404).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Capabilities;

/// The API version of rooms, participants and calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TalkVersion {
    /// `/api/v1`: the seed's API. Participants are named by user id (`participant=bob`).
    V1,
    /// `/api/v4`: current servers (feature `conversation-v4`). Participants are attendees
    /// (`attendeeId=29`) and rooms carry many more fields.
    V4,
}

impl TalkVersion {
    /// The path segment: `"v1"` or `"v4"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TalkVersion::V1 => "v1",
            TalkVersion::V4 => "v4",
        }
    }

    /// The version the capabilities call for: `V4` with the feature `conversation-v4`, else
    /// `V1`. `None` when the server has no Talk at all (no `spreed` section).
    pub fn from_capabilities(capabilities: &Capabilities) -> Option<Self> {
        TalkCapabilities::from_capabilities(capabilities).map(|talk| talk.rooms_api)
    }
}

/// The parts of `capabilities.spreed` the client uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkCapabilities {
    /// The rooms API to use ([`TalkVersion::V4`] when `features` has `conversation-v4`).
    pub rooms_api: TalkVersion,
    /// `spreed.features`, e.g. `chat-v2`, `conversation-v4`, `reactions`, `signaling-v3`.
    pub features: Vec<String>,
    /// `spreed.config.chat.max-length` (32000 on Nextcloud 32); `None` when the server does
    /// not say (seed-era servers, whose documented limit is 1000).
    pub chat_max_length: Option<u64>,
    /// `spreed.version`, e.g. `"22.0.2"` (not sent by old servers).
    pub version: Option<String>,
}

/// The chat limit the seed documents for servers that do not publish one.
pub(crate) const SEED_CHAT_MAX_LENGTH: u64 = 1000;

impl TalkCapabilities {
    /// Reads `capabilities.spreed`; `None` when it is missing (Talk not installed, or an
    /// anonymous request on a server that hides it).
    pub fn from_capabilities(capabilities: &Capabilities) -> Option<Self> {
        let spreed = capabilities.raw.get("spreed")?.as_object()?;
        let features: Vec<String> = match spreed.get("features") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let rooms_api = if features.iter().any(|f| f == "conversation-v4") {
            TalkVersion::V4
        } else {
            TalkVersion::V1
        };
        let chat_max_length = spreed
            .get("config")
            .and_then(|c| c.get("chat"))
            .and_then(|c| c.get("max-length"))
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.trim().parse().ok()));
        let version = spreed
            .get("version")
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
            .map(str::to_owned);
        Some(TalkCapabilities {
            rooms_api,
            features,
            chat_max_length,
            version,
        })
    }

    /// Whether `spreed.features` lists `feature`.
    pub fn has(&self, feature: &str) -> bool {
        self.features.iter().any(|f| f == feature)
    }

    /// The longest chat message the server takes: the published `max-length`, else the seed's
    /// 1000 on a seed-era server, else `None` (unknown).
    pub fn chat_limit(&self) -> Option<u64> {
        self.chat_max_length.or(match self.rooms_api {
            TalkVersion::V1 => Some(SEED_CHAT_MAX_LENGTH),
            TalkVersion::V4 => None,
        })
    }

    /// The signaling settings API: `"v3"` with the feature `signaling-v3`, else the seed's
    /// `"v1"`.
    pub(crate) fn signaling_api(&self) -> &'static str {
        if self.has("signaling-v3") {
            "v3"
        } else {
            "v1"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn nextcloud_32_speaks_v4_with_a_32000_character_chat() {
        for name in [
            "001-capabilities-v2-admin.json",
            "002-capabilities-v2-bob.json",
            "003-capabilities-v2-anonymous.json",
        ] {
            let caps = Capabilities::from_data(fixtures::data(name)).unwrap();
            let talk = TalkCapabilities::from_capabilities(&caps).unwrap();
            assert_eq!(talk.rooms_api, TalkVersion::V4, "{name}");
            assert_eq!(talk.chat_max_length, Some(32_000), "{name}");
            assert_eq!(talk.chat_limit(), Some(32_000));
            assert_eq!(talk.version.as_deref(), Some("22.0.2"));
            assert!(talk.has("reactions") && talk.has("chat-read-marker"));
            assert_eq!(talk.signaling_api(), "v3");
            assert_eq!(TalkVersion::from_capabilities(&caps), Some(TalkVersion::V4));
        }
    }

    #[test]
    fn a_seed_era_server_speaks_v1_with_the_seed_limit() {
        let caps = Capabilities::from_data(serde_json::json!({
            "version": {"major": 12},
            "capabilities": {"spreed": {"features": [
                "audio", "video", "chat-v2", "guest-signaling", "empty-group-room",
                "guest-display-names", "multi-room-users", "favorites", "last-room-activity",
                "no-ping", "system-messages", "mention-flag", "in-call-flags",
                "invite-groups-and-mails", "notification-levels", "locked-one-to-one-rooms",
                "read-only-rooms"
            ]}}
        }))
        .unwrap();
        let talk = TalkCapabilities::from_capabilities(&caps).unwrap();
        assert_eq!(talk.rooms_api, TalkVersion::V1);
        assert_eq!(talk.chat_max_length, None);
        assert_eq!(talk.chat_limit(), Some(1000));
        assert_eq!(talk.version, None);
        assert_eq!(talk.signaling_api(), "v1");
    }

    #[test]
    fn no_spreed_section_means_no_talk() {
        let caps = Capabilities::from_data(serde_json::json!({"capabilities": {}})).unwrap();
        assert_eq!(TalkCapabilities::from_capabilities(&caps), None);
        assert_eq!(TalkVersion::from_capabilities(&caps), None);
        let odd = Capabilities::from_data(serde_json::json!({
            "capabilities": {"spreed": {"features": "x", "config": {"chat": {"max-length": "500"}}}}
        }))
        .unwrap();
        let talk = TalkCapabilities::from_capabilities(&odd).unwrap();
        assert_eq!(talk.rooms_api, TalkVersion::V1);
        assert_eq!(talk.chat_max_length, Some(500));
    }
}
