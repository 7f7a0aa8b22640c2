//! The notifications app: `/ocs/v2.php/apps/notifications/api/v2/notifications`.

use std::fmt;

use reqwest::{Method, StatusCode};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use url::Url;

use crate::{de, Client, Error, Result, StatusType};

const PATH: &str = "ocs/v2.php/apps/notifications/api/v2/notifications";
/// The server accepts at most this many ids per `exists` call.
const EXISTS_CHUNK: usize = 200;

/// The answer to [`NotificationsApi::list`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationList {
    /// The ETag to send next time, exactly as received (quotes included). It covers the set of
    /// ids only.
    pub etag: Option<String>,
    /// `X-Nextcloud-User-Status` (e.g. `online`, `dnd`): sent with every list answer, the 304
    /// too, so each cheap poll also tells the current status type.
    pub user_status: Option<String>,
    /// The notifications, newest first; `None` means unchanged (304, or 200 with the ETag that
    /// was sent): keep the previous list.
    pub notifications: Option<Vec<Notification>>,
    /// The server answered 204: no app can send notifications (poll rarely, e.g. hourly).
    /// `notifications` is then `Some(vec![])`.
    pub disabled: bool,
}

impl NotificationList {
    /// [`user_status`](Self::user_status) as a [`StatusType`], when it is a known one.
    pub fn user_status_type(&self) -> Option<StatusType> {
        self.user_status.as_deref()?.parse().ok()
    }

    /// Whether the server said nothing changed.
    pub fn is_unchanged(&self) -> bool {
        self.notifications.is_none()
    }
}

/// One notification. Optional texts the server sends as `""` (or leaves out, as API v1 does
/// for the rich fields) are `None`; rich parameters sent as `[]` are empty maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    #[serde(rename = "notification_id", deserialize_with = "de::i64_or_zero")]
    pub notification_id: i64,
    /// The app that sent it (`spreed`, `files_sharing`, `admin_notifications`…).
    #[serde(default, deserialize_with = "de::string")]
    pub app: String,
    /// The user it is for.
    #[serde(default, deserialize_with = "de::string")]
    pub user: String,
    /// ISO 8601 (`2026-11-25T23:03:30+00:00`); see [`Notification::timestamp`].
    #[serde(default, deserialize_with = "de::string")]
    pub datetime: String,
    /// e.g. `chat`, `call`, `room`, `share`.
    #[serde(rename = "object_type", default, deserialize_with = "de::string")]
    pub object_type: String,
    /// For Talk chat `token/messageId`, for a call the room token.
    #[serde(rename = "object_id", default, deserialize_with = "de::string")]
    pub object_id: String,
    /// The short, translated text.
    #[serde(default, deserialize_with = "de::string")]
    pub subject: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
    /// Where clicking the notification leads.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub link: Option<String>,
    /// `subject` with `{placeholders}` for [`subject_rich_parameters`](Self::subject_rich_parameters).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub subject_rich: Option<String>,
    /// Rich objects by placeholder name (`{"type","id","name",…}`).
    #[serde(default, deserialize_with = "de::object")]
    pub subject_rich_parameters: Map<String, Value>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message_rich: Option<String>,
    #[serde(default, deserialize_with = "de::object")]
    pub message_rich_parameters: Map<String, Value>,
    /// URL of an icon (an SVG on Nextcloud 32).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    /// `false`: keep it in the list, no popup. Missing (API v1) counts as `true`.
    #[serde(default = "yes", deserialize_with = "de::bool_default_true")]
    pub should_notify: bool,
    #[serde(default, deserialize_with = "actions")]
    pub actions: Vec<Action>,
}

fn yes() -> bool {
    true
}

impl Notification {
    /// [`datetime`](Self::datetime) as unix seconds (`None` if it is not ISO 8601).
    pub fn timestamp(&self) -> Option<i64> {
        parse_iso8601(&self.datetime)
    }
}

/// A button of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    #[serde(default, deserialize_with = "de::string")]
    pub label: String,
    /// The URL to request (or, for [`ActionType::Web`], to open in the browser).
    #[serde(default, deserialize_with = "de::string")]
    pub link: String,
    #[serde(rename = "type")]
    pub kind: ActionType,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub primary: bool,
}

/// How an [`Action`] is carried out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActionType {
    Get,
    Post,
    Delete,
    Put,
    /// Open `link` in the browser.
    Web,
    /// A type this client does not know (kept as sent).
    Other(String),
}

impl ActionType {
    /// The wire name (`GET`, `POST`, `DELETE`, `PUT`, `WEB`, or the unknown text).
    pub fn as_str(&self) -> &str {
        match self {
            ActionType::Get => "GET",
            ActionType::Post => "POST",
            ActionType::Delete => "DELETE",
            ActionType::Put => "PUT",
            ActionType::Web => "WEB",
            ActionType::Other(other) => other,
        }
    }

    fn method(&self) -> Option<Method> {
        match self {
            ActionType::Get => Some(Method::GET),
            ActionType::Post => Some(Method::POST),
            ActionType::Delete => Some(Method::DELETE),
            ActionType::Put => Some(Method::PUT),
            ActionType::Web | ActionType::Other(_) => None,
        }
    }
}

impl From<&str> for ActionType {
    fn from(text: &str) -> Self {
        match text.to_ascii_uppercase().as_str() {
            "GET" => ActionType::Get,
            "POST" => ActionType::Post,
            "DELETE" => ActionType::Delete,
            "PUT" => ActionType::Put,
            "WEB" => ActionType::Web,
            _ => ActionType::Other(text.to_owned()),
        }
    }
}

impl fmt::Display for ActionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ActionType {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActionType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(ActionType::from(de::string(d)?.as_str()))
    }
}

/// `actions`: a list, or `[]`/`null`/missing → empty.
fn actions<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<Action>, D::Error> {
    Ok(Option::<Vec<Action>>::deserialize(d)?.unwrap_or_default())
}

/// The notifications endpoints, from [`Client::notifications`].
#[derive(Debug, Clone, Copy)]
pub struct NotificationsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// The notifications app's endpoints.
    pub fn notifications(&self) -> NotificationsApi<'_> {
        NotificationsApi { client: self }
    }
}

impl NotificationsApi<'_> {
    fn url(&self, segments: &[&str]) -> Url {
        self.client.url(PATH, segments)
    }

    /// `GET …/notifications`, conditional on `etag` (as returned last time, sent back byte for
    /// byte).
    pub async fn list(&self, etag: Option<&str>) -> Result<NotificationList> {
        let (reply, data) = self.client.get_if_changed(self.url(&[]), etag).await?;
        let disabled = reply.status == StatusCode::NO_CONTENT;
        let notifications = match data {
            _ if disabled => Some(Vec::new()),
            Some(data) => Some(
                serde_json::from_value(data)
                    .map_err(|e| Error::Decode(format!("notifications: {e}")))?,
            ),
            None => None,
        };
        Ok(NotificationList {
            etag: reply.etag_after(etag),
            user_status: reply.header("X-Nextcloud-User-Status"),
            notifications,
            disabled,
        })
    }

    /// `GET …/notifications/{id}`; [`Error::NotFound`] when it is gone.
    pub async fn get(&self, id: i64) -> Result<Notification> {
        let id = id.to_string();
        let request = self.client.request(Method::GET, self.url(&[&id]));
        self.client.ocs(request).await
    }

    /// `DELETE …/notifications/{id}`. Deleting one that is already gone succeeds too.
    pub async fn delete(&self, id: i64) -> Result<()> {
        let id = id.to_string();
        let request = self.client.request(Method::DELETE, self.url(&[&id]));
        self.client.send(request).await?.data().map(drop)
    }

    /// `DELETE …/notifications`: all of them (capability `delete-all`).
    pub async fn delete_all(&self) -> Result<()> {
        let request = self.client.request(Method::DELETE, self.url(&[]));
        self.client.send(request).await?.data().map(drop)
    }

    /// `POST …/notifications/exists` with `ids[]` (capability `exists`): which of `ids` still
    /// exist. Sends nothing for an empty slice; splits into calls of 200 ids.
    pub async fn exists(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut existing = Vec::new();
        for chunk in ids.chunks(EXISTS_CHUNK) {
            let form: Vec<(&str, i64)> = chunk.iter().map(|id| ("ids[]", *id)).collect();
            let request = self
                .client
                .request(Method::POST, self.url(&["exists"]))
                .form(&form);
            let found: Vec<Value> = self.client.ocs(request).await?;
            existing.extend(found.iter().filter_map(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            }));
        }
        Ok(existing)
    }

    /// Carries out a GET/POST/DELETE/PUT action of a notification (e.g. accept a share): sends
    /// the request to `action.link` with the OCS headers and the credentials. A link that is
    /// not on the account's origin and below its base path, and a `WEB` or unknown action,
    /// are refused unsent with [`Error::Invalid`] (statuscode 0): open WEB ones in the browser.
    ///
    /// Success is any 2xx answer; an OCS error answer is mapped like every other call.
    pub async fn run_action(&self, action: &Action) -> Result<()> {
        let Some(method) = action.kind.method() else {
            return Err(Error::refused(format!(
                "The action \"{}\" opens in the browser",
                action.label
            )));
        };
        let url = self
            .client
            .server()
            .join(&action.link)
            .map_err(|e| Error::refused(format!("Bad action link {:?}: {e}", action.link)))?;
        // An action is a request with the account's weight behind it: one that points at
        // another server (or another app on this host, or a private address that is not the
        // server's) is refused rather than sent, with or without credentials.
        if !self.client.is_account_url(&url) {
            return Err(Error::refused(format!(
                "The action \"{}\" points away from your server ({}), to {}; nctray did not \
                 send it",
                action.label,
                self.client.server(),
                url.origin().ascii_serialization()
            )));
        }
        let reply = self.client.send(self.client.request(method, url)).await?;
        match reply.data() {
            // A 2xx that is not OCS (an app's plain JSON or HTML) still means "done".
            Ok(_) | Err(Error::Decode(_)) if reply.status.is_success() => Ok(()),
            result => result.map(drop),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS` followed by `Z`, `+HH:MM`, `-HH:MM` or `+HHMM` (fractions ignored).
pub(crate) fn parse_iso8601(text: &str) -> Option<i64> {
    let text = text.trim();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let separators = (
        text.get(4..5),
        text.get(7..8),
        text.get(13..14),
        text.get(16..17),
    );
    if separators != (Some("-"), Some("-"), Some(":"), Some(":"))
        || !matches!(text.get(10..11), Some("T" | "t" | " "))
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        rest = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let hours: i64 = digits[..2].parse().ok()?;
            let minutes: i64 = digits[2..].parse().ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12; // March = 0
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn list_of(name: &str) -> Vec<Notification> {
        fixtures::reply(name).decode().unwrap()
    }

    #[test]
    fn decodes_every_notifications_fixture() {
        for name in fixtures::names_containing("notifications") {
            let fixture = fixtures::load(&name);
            let reply = fixtures::reply(&name);
            let method = fixture["request"]["method"].as_str().unwrap();
            let path = fixture["request"]["path_and_query"].as_str().unwrap();
            match (reply.status.as_u16(), method) {
                (200, "GET") if path.ends_with("/notifications") => {
                    let list: Vec<Notification> = reply.decode().unwrap();
                    assert!(list.iter().all(|n| n.notification_id > 0), "{name}");
                }
                (200, "GET") => {
                    reply.decode::<Notification>().unwrap();
                }
                (200, "POST") => {
                    reply.decode::<Vec<i64>>().unwrap();
                }
                (200, "DELETE") => {
                    reply.data().unwrap();
                }
                (304, _) => assert!(reply.body.is_empty(), "{name}"),
                (404, _) => assert_eq!(
                    reply.data(),
                    Err(Error::NotFound {
                        message: String::new()
                    })
                ),
                (401, _) => assert_eq!(reply.data(), Err(Error::Unauthorized)),
                (status, _) => panic!("{name}: unexpected {status}"),
            }
        }
    }

    #[test]
    fn every_field_of_the_dummy_notification() {
        let list = list_of("063-notifications-list.json");
        assert_eq!(list.len(), 3);
        let n = &list[0];
        assert_eq!(n.notification_id, 36);
        assert_eq!(n.app, "admin_notifications");
        assert_eq!(n.user, "admin");
        assert_eq!(n.datetime, "2026-11-25T23:03:30+00:00");
        assert_eq!(n.timestamp(), Some(1_795_647_810));
        assert_eq!(n.object_type, "admin_notifications");
        assert_eq!(n.object_id, "6b076942");
        assert_eq!(n.subject, "User @admin owns a file test-upload.txt");
        assert!(n
            .message
            .as_deref()
            .unwrap()
            .starts_with("Lorem @admin dolor"));
        assert_eq!(n.link, None);
        assert_eq!(
            n.subject_rich.as_deref(),
            Some("User {actor} owns a file {item}")
        );
        assert_eq!(n.subject_rich_parameters["actor"]["id"], "admin");
        assert_eq!(n.subject_rich_parameters["item"]["mimetype"], "text/plain");
        assert!(n.message_rich.as_deref().unwrap().contains("{file-3}"));
        assert_eq!(
            n.message_rich_parameters["file-3"]["path"],
            "Documents/Example.md"
        );
        assert_eq!(
            n.icon.as_deref(),
            Some("http://127.0.0.1:8080/apps/notifications/img/notifications-dark.svg")
        );
        assert!(n.should_notify);
        assert_eq!(
            n.actions,
            [
                Action {
                    label: "3 is prim(e|ary)".into(),
                    link: "https://en.wikipedia.org/wiki/3#Mathematics".into(),
                    kind: ActionType::Web,
                    primary: true,
                },
                Action {
                    label: "Delete status.php".into(),
                    link: "http://127.0.0.1:8080/status.php".into(),
                    kind: ActionType::Delete,
                    primary: false,
                },
                Action {
                    label: "Get status".into(),
                    link: "http://127.0.0.1:8080/status.php".into(),
                    kind: ActionType::Get,
                    primary: false,
                },
            ]
        );
        // Empty optionals ("" and []) decode as None / empty.
        let plain = &list[1];
        assert_eq!(plain.message, None);
        assert_eq!(plain.subject_rich, None);
        assert!(plain.subject_rich_parameters.is_empty());
        assert!(plain.message_rich_parameters.is_empty());
        assert!(plain.actions.is_empty());
        // Our own serialisation reads back (the engine may cache it).
        let again: Notification = serde_json::from_value(serde_json::to_value(n).unwrap()).unwrap();
        assert_eq!(&again, n);
    }

    #[test]
    fn talk_and_share_notifications() {
        let list = list_of("158-notifications-list-bob-with-actions.json");
        let kinds: Vec<(&str, &str)> = list
            .iter()
            .map(|n| (n.object_type.as_str(), n.object_id.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("call", "pj4sxr7h"),
                ("chat", "9ms96875/233"),
                ("chat", "pj4sxr7h/228"),
                ("share", "ocinternal:5")
            ]
        );
        assert_eq!(
            list[2].message_rich_parameters["mention-user1"]["mention-id"],
            "bob"
        );
        let share = &list[3];
        assert_eq!(share.actions[0].kind, ActionType::Post);
        assert!(share.actions[0].primary);
        assert_eq!(share.actions[1].kind, ActionType::Delete);
        assert!(list[..3]
            .iter()
            .all(|n| n.actions.len() == 1 && n.actions[0].kind == ActionType::Web));
    }

    #[test]
    fn api_v1_notifications_without_rich_fields_decode() {
        let list = list_of("072-notifications-v1-api-list.json");
        assert_eq!(list.len(), 2);
        assert!(list.iter().all(|n| n.should_notify && n.icon.is_none()));
        assert!(list[0].subject_rich_parameters.is_empty());
    }

    #[test]
    fn missing_and_odd_fields_are_tolerated() {
        let n: Notification = serde_json::from_value(serde_json::json!({
            "notification_id": "7", "app": "x", "object_id": 12, "message": null,
            "shouldNotify": false, "actions": [{"label": "Go", "link": "/x", "type": "patch"}]
        }))
        .unwrap();
        assert_eq!(n.notification_id, 7);
        assert_eq!(n.object_id, "12");
        assert_eq!(n.message, None);
        assert!(!n.should_notify);
        assert_eq!(n.actions[0].kind, ActionType::Other("patch".into()));
        assert!(!n.actions[0].primary);
        assert_eq!(n.timestamp(), None);
    }

    #[test]
    fn iso8601_dates() {
        assert_eq!(parse_iso8601("1970-01-01T00:00:00+00:00"), Some(0));
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso8601("2000-03-01T12:30:15+02:00"),
            Some(951_906_615)
        );
        assert_eq!(
            parse_iso8601("2000-03-01T12:30:15.123-0130"),
            Some(951_919_215)
        );
        assert_eq!(
            parse_iso8601("2024-02-29T00:00:00+00:00"),
            Some(1_709_164_800)
        );
        for bad in [
            "",
            "yesterday",
            "2024-13-01T00:00:00Z",
            "2024-01-01T00:00:00+1",
            "2024-01-01",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
