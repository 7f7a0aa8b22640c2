//! `GET /ocs/v2.php/cloud/capabilities`: what the server and its apps offer.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use crate::{de, Client, Error, Etagged, Result};

const PATH: &str = "ocs/v2.php/cloud/capabilities";

/// The subset of the capabilities nctray reads. Every part is optional or defaulted so that
/// other servers (older, newer, without some apps) decode; a part that does not have the
/// expected shape is left out (`None`) rather than failing the whole answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Capabilities {
    pub version: Version,
    /// `capabilities.core`.
    pub core: Core,
    /// `capabilities.notifications` (the notifications app).
    pub notifications: Option<NotificationsCapabilities>,
    /// `capabilities.user_status` (the user_status app).
    pub user_status: Option<UserStatusCapabilities>,
    /// `capabilities.theming`.
    pub theming: Option<Theming>,
    /// `capabilities.notify_push`: only when the server runs the push daemon (and the request
    /// was authenticated).
    pub notify_push: Option<NotifyPush>,
    /// The whole `capabilities` object as sent, for anything not typed here
    /// (e.g. `raw["spreed"]["features"]`).
    pub raw: Value,
}

/// `version`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub major: i64,
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub minor: i64,
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub micro: i64,
    /// e.g. `"32.0.1"`.
    #[serde(default, deserialize_with = "de::string")]
    pub string: String,
}

/// `capabilities.core`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Core {
    /// Seconds between polls the server suggests (60 on Nextcloud 32).
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub pollinterval: Option<i64>,
}

/// `capabilities.notifications`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsCapabilities {
    /// e.g. `list, get, delete, delete-all, icons, rich-strings, action-web, user-status,
    /// exists, test-push`.
    #[serde(rename = "ocs-endpoints", default, deserialize_with = "de::strings")]
    pub ocs_endpoints: Vec<String>,
}

impl NotificationsCapabilities {
    /// Whether the server lists `endpoint` (e.g. `"delete-all"`, `"exists"`).
    pub fn supports(&self, endpoint: &str) -> bool {
        self.ocs_endpoints.iter().any(|e| e == endpoint)
    }
}

/// `capabilities.user_status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserStatusCapabilities {
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub enabled: bool,
    /// The backup status / revert API exists.
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub restore: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub supports_emoji: bool,
    /// The `busy` status type exists.
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub supports_busy: bool,
}

/// `capabilities.theming`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theming {
    #[serde(default, deserialize_with = "de::opt_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub slogan: Option<String>,
    /// e.g. `"#00679e"`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub color: Option<String>,
    #[serde(rename = "color-text", default, deserialize_with = "de::opt_string")]
    pub color_text: Option<String>,
    #[serde(rename = "color-element", default, deserialize_with = "de::opt_string")]
    pub color_element: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub logo: Option<String>,
    /// An image URL or a colour (`#rrggbb`).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub background: Option<String>,
}

/// `capabilities.notify_push`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyPush {
    /// e.g. `["files", "activities", "notifications"]`.
    #[serde(rename = "type", default, deserialize_with = "de::strings")]
    pub types: Vec<String>,
    #[serde(default)]
    pub endpoints: NotifyPushEndpoints,
}

/// `capabilities.notify_push.endpoints`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyPushEndpoints {
    #[serde(default, deserialize_with = "de::opt_string")]
    pub websocket: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub pre_auth: Option<String>,
}

impl Capabilities {
    /// Builds the typed view from the OCS `data` (`{"version": …, "capabilities": …}`).
    pub fn from_data(data: Value) -> Result<Self> {
        let Value::Object(mut data) = data else {
            return Err(Error::Decode(
                "capabilities: expected an object with version and capabilities".into(),
            ));
        };
        let raw = data.remove("capabilities").unwrap_or(Value::Null);
        let version = data
            .remove("version")
            .and_then(|v| part::<Version>(v, "version"))
            .unwrap_or_default();
        let section = |name: &str| raw.get(name).cloned();
        Ok(Capabilities {
            version,
            core: section("core")
                .and_then(|v| part(v, "core"))
                .unwrap_or_default(),
            notifications: section("notifications").and_then(|v| part(v, "notifications")),
            user_status: section("user_status").and_then(|v| part(v, "user_status")),
            theming: section("theming").and_then(|v| part(v, "theming")),
            notify_push: section("notify_push").and_then(|v| part(v, "notify_push")),
            raw,
        })
    }

    /// Whether the user_status app is there and enabled.
    pub fn has_user_status(&self) -> bool {
        self.user_status.as_ref().is_some_and(|u| u.enabled)
    }

    /// Whether the notifications app lists `endpoint` (e.g. `"list"`, `"delete-all"`).
    pub fn supports_notifications(&self, endpoint: &str) -> bool {
        self.notifications
            .as_ref()
            .is_some_and(|n| n.supports(endpoint))
    }
}

/// One capabilities section; a section of the wrong shape is skipped (and logged), not fatal.
fn part<T: DeserializeOwned>(value: Value, name: &str) -> Option<T> {
    match serde_json::from_value(value) {
        Ok(part) => Some(part),
        Err(err) => {
            tracing::debug!(section = name, %err, "capabilities section ignored");
            None
        }
    }
}

impl Client {
    /// `GET /ocs/v2.php/cloud/capabilities`, conditional on `etag` (as returned last time).
    pub async fn capabilities(&self, etag: Option<&str>) -> Result<Etagged<Capabilities>> {
        let (reply, data) = self.get_if_changed(self.url(PATH, &[]), etag).await?;
        Ok(Etagged {
            etag: reply.etag_after(etag),
            value: data.map(Capabilities::from_data).transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn decodes_the_capabilities_of_nextcloud_32() {
        for name in [
            "001-capabilities-v2-admin.json",
            "002-capabilities-v2-bob.json",
            "004-capabilities-v1-admin.json",
        ] {
            let caps = Capabilities::from_data(fixtures::data(name)).unwrap();
            assert_eq!(caps.version.major, 32, "{name}");
            assert_eq!(caps.version.string, "32.0.1");
            assert_eq!(caps.core.pollinterval, Some(60));
            assert!(caps.has_user_status());
            let status = caps.user_status.as_ref().unwrap();
            assert!(status.restore && status.supports_emoji && status.supports_busy);
            for endpoint in [
                "list",
                "get",
                "delete",
                "delete-all",
                "exists",
                "user-status",
            ] {
                assert!(caps.supports_notifications(endpoint), "{endpoint}");
            }
            let theming = caps.theming.as_ref().unwrap();
            assert_eq!(theming.name.as_deref(), Some("Nextcloud"));
            assert_eq!(theming.color.as_deref(), Some("#00679e"));
            assert_eq!(theming.color_text.as_deref(), Some("#ffffff"));
            assert_eq!(theming.color_element.as_deref(), Some("#00679e"));
            assert!(theming.logo.as_deref().unwrap().ends_with("logo.svg?v=0"));
            assert!(theming.background.is_some() && theming.url.is_some());
            assert!(theming.slogan.is_some());
            assert_eq!(caps.notify_push, None);
            assert!(caps.raw["spreed"]["features"].is_array());
        }
    }

    #[test]
    fn anonymous_capabilities_lack_the_user_apps() {
        let caps =
            Capabilities::from_data(fixtures::data("003-capabilities-v2-anonymous.json")).unwrap();
        assert_eq!(caps.version.major, 32);
        assert!(!caps.has_user_status());
        assert!(!caps.supports_notifications("list"));
        assert_eq!(caps.core.pollinterval, None);
        assert!(caps.theming.is_some());
    }

    #[test]
    fn other_servers_decode_whatever_is_missing_or_odd() {
        let caps = Capabilities::from_data(serde_json::json!({
            "version": {"major": "27", "string": "27.1"},
            "capabilities": {
                "core": {"pollinterval": "30"},
                "user_status": {"enabled": true},
                "theming": "broken",
                "notifications": {"ocs-endpoints": ["list", 3]},
                "notify_push": {
                    "type": ["files", "notifications"],
                    "endpoints": {"websocket": "wss://cloud.example.com/push/ws",
                                  "pre_auth": "https://cloud.example.com/apps/notify_push/pre_auth"}
                }
            }
        }))
        .unwrap();
        assert_eq!(caps.version.major, 27);
        assert_eq!(caps.version.minor, 0);
        assert_eq!(caps.core.pollinterval, Some(30));
        assert!(caps.has_user_status());
        assert!(!caps.user_status.as_ref().unwrap().supports_busy);
        assert_eq!(caps.theming, None);
        assert_eq!(caps.notifications.unwrap().ocs_endpoints, ["list"]);
        let push = caps.notify_push.unwrap();
        assert_eq!(push.types, ["files", "notifications"]);
        assert_eq!(
            push.endpoints.websocket.as_deref(),
            Some("wss://cloud.example.com/push/ws")
        );
        assert!(push.endpoints.pre_auth.is_some());

        let empty = Capabilities::from_data(serde_json::json!({})).unwrap();
        assert_eq!(empty.version, Version::default());
        assert!(Capabilities::from_data(serde_json::json!([])).is_err());
    }
}
