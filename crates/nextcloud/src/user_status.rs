//! The user_status app: `/ocs/v2.php/apps/user_status/api/v1/…`.

use std::{fmt, str::FromStr};

use reqwest::{Method, StatusCode};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::{de, Client, Error, Result};

const BASE: &str = "ocs/v2.php/apps/user_status/api/v1/";

/// A status type. `busy` needs capability `user_status.supports_busy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusType {
    Online,
    Away,
    /// Do not disturb.
    Dnd,
    Busy,
    Invisible,
    Offline,
}

impl StatusType {
    /// All status types, in the order a menu shows them.
    pub const ALL: [StatusType; 6] = [
        StatusType::Online,
        StatusType::Away,
        StatusType::Dnd,
        StatusType::Busy,
        StatusType::Invisible,
        StatusType::Offline,
    ];

    /// The wire name: `online`, `away`, `dnd`, `busy`, `invisible`, `offline`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusType::Online => "online",
            StatusType::Away => "away",
            StatusType::Dnd => "dnd",
            StatusType::Busy => "busy",
            StatusType::Invisible => "invisible",
            StatusType::Offline => "offline",
        }
    }
}

impl fmt::Display for StatusType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that is not one of the status types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status type {0:?} (expected online, away, dnd, busy, invisible or offline)")]
pub struct UnknownStatusType(pub String);

impl FromStr for StatusType {
    type Err = UnknownStatusType;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        StatusType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownStatusType(s.to_owned()))
    }
}

/// The signed-in user's own status (`GET /user_status` and the answers of every change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnStatus {
    #[serde(deserialize_with = "de::string")]
    pub user_id: String,
    /// `None` right after setting a predefined message (the server fills it in on the next GET).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
    /// The predefined message's id (`meeting`, `call`…), `None` for a custom message.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message_id: Option<String>,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub message_is_predefined: bool,
    /// One emoji.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    /// Unix time when the message is cleared.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub clear_at: Option<i64>,
    pub status: StatusType,
    /// Chosen by the user (or a call) rather than derived from activity.
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub status_is_user_defined: bool,
}

/// Another user's status as everyone sees it (`GET /statuses/{userId}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicStatus {
    /// For a backup status this is `_<uid>`.
    #[serde(deserialize_with = "de::string")]
    pub user_id: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub clear_at: Option<i64>,
    pub status: StatusType,
}

/// A message the server offers ready-made (`GET /predefined_statuses`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PredefinedStatus {
    /// e.g. `meeting`, `vacationing`: pass it to [`UserStatusApi::set_predefined_message`].
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub message: String,
    /// When the message should clear, relative to the moment it is set; see [`ClearAt::resolve`].
    #[serde(default, deserialize_with = "clear_at_lenient")]
    pub clear_at: Option<ClearAt>,
}

/// When a predefined message clears, as the server describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearAt {
    /// This many seconds after it is set (`{"type":"period","time":3600}`).
    Period(i64),
    /// At the end of the current day or week (`{"type":"end-of","time":"day"}`).
    EndOf(EndOf),
}

/// See [`ClearAt::EndOf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndOf {
    Day,
    Week,
}

const DAY: i64 = 86_400;

impl ClearAt {
    /// The unix time to send as `clearAt` when the message is set at `now` (unix seconds).
    ///
    /// `utc_offset_secs` is the local time zone's offset from UTC at `now` (e.g. 3600 for
    /// CET, 0 for UTC; this crate has no time-zone database, the caller knows it). The end of
    /// a day is the next local midnight; the end of a week is the next local Monday 00:00
    /// (ISO weeks), as the desktop client does.
    pub fn resolve(&self, now: i64, utc_offset_secs: i32) -> i64 {
        match *self {
            ClearAt::Period(seconds) => now + seconds,
            ClearAt::EndOf(unit) => {
                let offset = i64::from(utc_offset_secs);
                let today = (now + offset).div_euclid(DAY);
                let next = match unit {
                    EndOf::Day => today + 1,
                    // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
                    EndOf::Week => today + 7 - (today + 3).rem_euclid(7),
                };
                next * DAY - offset
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct ClearAtWire {
    #[serde(rename = "type")]
    kind: String,
    time: Value,
}

impl Serialize for ClearAt {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (kind, time) = match self {
            ClearAt::Period(seconds) => ("period", Value::from(*seconds)),
            ClearAt::EndOf(EndOf::Day) => ("end-of", Value::from("day")),
            ClearAt::EndOf(EndOf::Week) => ("end-of", Value::from("week")),
        };
        ClearAtWire {
            kind: kind.to_owned(),
            time,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ClearAt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let wire = ClearAtWire::deserialize(d)?;
        let seconds = match &wire.time {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        };
        match (wire.kind.as_str(), seconds, wire.time.as_str()) {
            ("period", Some(seconds), _) => Ok(ClearAt::Period(seconds)),
            ("end-of", _, Some("day")) => Ok(ClearAt::EndOf(EndOf::Day)),
            ("end-of", _, Some("week")) => Ok(ClearAt::EndOf(EndOf::Week)),
            _ => Err(serde::de::Error::custom(format!(
                "unknown clearAt {{type: {:?}, time: {}}}",
                wire.kind, wire.time
            ))),
        }
    }
}

/// `null` → `None`; a clearAt this client does not understand (a future type) is dropped
/// rather than failing the list: the message is then offered without an expiry.
fn clear_at_lenient<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<ClearAt>, D::Error> {
    let value = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
    if value.is_null() {
        return Ok(None);
    }
    match serde_json::from_value(value) {
        Ok(clear_at) => Ok(Some(clear_at)),
        Err(err) => {
            tracing::debug!(%err, "predefined status clearAt ignored");
            Ok(None)
        }
    }
}

/// A message the user writes (`PUT /user_status/message/custom`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomMessage {
    /// Exactly one emoji (capability `supports_emoji`), or none.
    pub icon: Option<String>,
    /// At most 80 characters (the server counts characters, not bytes).
    pub message: String,
    /// Unix time when the server clears the message; must be in the future.
    pub clear_at: Option<i64>,
}

/// The user_status endpoints, from [`Client::user_status`].
#[derive(Debug, Clone, Copy)]
pub struct UserStatusApi<'a> {
    client: &'a Client,
}

impl Client {
    /// The user_status app's endpoints.
    pub fn user_status(&self) -> UserStatusApi<'_> {
        UserStatusApi { client: self }
    }
}

#[derive(Serialize)]
struct StatusForm {
    #[serde(rename = "statusType")]
    status_type: StatusType,
}

#[derive(Serialize)]
struct HeartbeatForm {
    status: StatusType,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PredefinedForm<'a> {
    message_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    clear_at: Option<i64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CustomForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    status_icon: Option<&'a str>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    clear_at: Option<i64>,
}

impl UserStatusApi<'_> {
    fn request(&self, method: Method, path: &str, segments: &[&str]) -> reqwest::RequestBuilder {
        let url = self.client.url(&format!("{BASE}{path}"), segments);
        self.client.request(method, url)
    }

    /// `GET /user_status`: the own status, `None` when the user has none yet (404).
    pub async fn own(&self) -> Result<Option<OwnStatus>> {
        let request = self.request(Method::GET, "user_status", &[]);
        self.client.send(request).await?.decode_optional()
    }

    /// `PUT /user_status/status`: sets the status type (drops any backup status).
    pub async fn set_status(&self, status: StatusType) -> Result<OwnStatus> {
        let form = StatusForm {
            status_type: status,
        };
        let request = self.request(Method::PUT, "user_status/status", &[]);
        self.client.ocs(request.form(&form)).await
    }

    /// `PUT /user_status/message/predefined`. `clear_at` is a unix time (see
    /// [`ClearAt::resolve`]); `None` keeps the message until changed.
    ///
    /// The answer has `message`/`icon` still `None`; the next [`own`](Self::own) fills them.
    pub async fn set_predefined_message(
        &self,
        message_id: &str,
        clear_at: Option<i64>,
    ) -> Result<OwnStatus> {
        let form = PredefinedForm {
            message_id,
            clear_at,
        };
        let request = self.request(Method::PUT, "user_status/message/predefined", &[]);
        self.client.ocs(request.form(&form)).await
    }

    /// `PUT /user_status/message/custom`. Too long a message, an icon that is not one emoji or a
    /// past `clear_at` → [`Error::Invalid`] with the server's explanation.
    pub async fn set_custom_message(&self, message: &CustomMessage) -> Result<OwnStatus> {
        let form = CustomForm {
            status_icon: message.icon.as_deref().filter(|icon| !icon.is_empty()),
            message: &message.message,
            clear_at: message.clear_at,
        };
        let request = self.request(Method::PUT, "user_status/message/custom", &[]);
        self.client.ocs(request.form(&form)).await
    }

    /// `DELETE /user_status/message`: clears message and icon; the status type stays.
    pub async fn clear_message(&self) -> Result<()> {
        let request = self.request(Method::DELETE, "user_status/message", &[]);
        self.client.send(request).await?.data().map(drop)
    }

    /// `PUT /heartbeat` with `online` or `away` (others → [`Error::Invalid`]).
    /// `None` when the server answers 204 (a user-defined status that a heartbeat does not touch).
    pub async fn heartbeat(&self, status: StatusType) -> Result<Option<OwnStatus>> {
        let request = self.request(Method::PUT, "heartbeat", &[]);
        let reply = self
            .client
            .send(request.form(&HeartbeatForm { status }))
            .await?;
        if reply.status == StatusCode::NO_CONTENT {
            return Ok(None);
        }
        reply.decode().map(Some)
    }

    /// `GET /predefined_statuses`, without the entries marked `visible: false` (call,
    /// out-of-office), which are set by automation, not by the user.
    pub async fn predefined(&self) -> Result<Vec<PredefinedStatus>> {
        let request = self.request(Method::GET, "predefined_statuses", &[]);
        let entries: Vec<Value> = self.client.ocs(request).await?;
        visible_predefined(entries)
    }

    /// `GET /statuses?limit&offset`: every status that is set, as everyone sees it, one page at
    /// a time (`None` leaves the parameter out: no limit, from the start). An offset past the
    /// end gives an empty list.
    pub async fn statuses(
        &self,
        limit: Option<u32>,
        offset: Option<u32>,
    ) -> Result<Vec<PublicStatus>> {
        let mut url = self.client.url(&format!("{BASE}statuses"), &[]);
        {
            let mut pairs = url.query_pairs_mut();
            if let Some(limit) = limit {
                pairs.append_pair("limit", &limit.to_string());
            }
            if let Some(offset) = offset {
                pairs.append_pair("offset", &offset.to_string());
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        self.client.ocs(self.client.request(Method::GET, url)).await
    }

    /// `GET /statuses/{user_id}`: another user's public status, `None` when there is none (or the
    /// user does not exist: the server does not tell them apart).
    pub async fn of_user(&self, user_id: &str) -> Result<Option<PublicStatus>> {
        let request = self.request(Method::GET, "statuses", &[user_id]);
        self.client.send(request).await?.decode_optional()
    }

    /// `GET /statuses/_{user_id}`: the status a call or automation overwrote, `None` when there
    /// is no backup. Its `user_id` is `_<uid>`. Needs capability `user_status.restore`.
    pub async fn backup_of(&self, user_id: &str) -> Result<Option<PublicStatus>> {
        self.of_user(&format!("_{user_id}")).await
    }

    /// `DELETE /user_status/revert/{message_id}`: restores the backup while the current status
    /// still has `message_id` (e.g. `call`). The restored status, or `None` when there was
    /// nothing to restore (the server answers 200 with `data: []`).
    pub async fn revert(&self, message_id: &str) -> Result<Option<OwnStatus>> {
        let request = self.request(Method::DELETE, "user_status/revert", &[message_id]);
        let data = self.client.send(request).await?.data()?;
        match data {
            Value::Null => Ok(None),
            Value::Array(items) if items.is_empty() => Ok(None),
            data => serde_json::from_value(data)
                .map(Some)
                .map_err(|e| Error::Decode(format!("revert: unexpected data ({e})"))),
        }
    }
}

fn visible_predefined(entries: Vec<Value>) -> Result<Vec<PredefinedStatus>> {
    entries
        .into_iter()
        .filter(|entry| entry.get("visible").and_then(de::truthy) != Some(false))
        .map(|entry| {
            serde_json::from_value(entry)
                .map_err(|e| Error::Decode(format!("predefined status: {e}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn decodes_every_user_status_fixture() {
        let names = fixtures::names_containing("user_status");
        assert!(names.len() >= 50, "{names:?}");
        for name in names {
            let fixture = fixtures::load(&name);
            let reply = fixtures::reply(&name);
            let path = fixture["request"]["path_and_query"].as_str().unwrap();
            let status = reply.status.as_u16();
            let route = path
                .split("/api/v1/")
                .nth(1)
                .unwrap()
                .split('?')
                .next()
                .unwrap();
            // What each route answers with, by the client's own decoding.
            let outcome: Result<String> = match route {
                "user_status" if fixture["request"]["method"] == "GET" => reply
                    .decode_optional::<OwnStatus>()
                    .map(|s| format!("{s:?}")),
                "user_status/message" | "user_status/revert/call" => {
                    reply.data().map(|d| d.to_string())
                }
                "predefined_statuses" => {
                    visible_predefined(reply.decode().unwrap()).map(|l| format!("{l:?}"))
                }
                "statuses" => reply
                    .decode::<Vec<PublicStatus>>()
                    .map(|l| format!("{l:?}")),
                r if r.starts_with("statuses/") => reply
                    .decode_optional::<PublicStatus>()
                    .map(|s| format!("{s:?}")),
                "heartbeat" if status == 204 => Ok("204".into()),
                _ => reply.decode::<OwnStatus>().map(|s| format!("{s:?}")),
            };
            match status {
                200 | 204 => {
                    outcome.unwrap_or_else(|e| panic!("{name}: {e}"));
                }
                404 => assert_eq!(outcome.unwrap(), "None", "{name}"),
                400 => assert_eq!(
                    outcome.unwrap_err(),
                    Error::Invalid {
                        statuscode: 400,
                        message: fixture["response"]["body"]["ocs"]["meta"]["message"]
                            .as_str()
                            .unwrap()
                            .to_owned()
                    },
                    "{name}"
                ),
                412 => assert!(matches!(outcome, Err(Error::Http { status: 412, .. }))),
                405 => assert!(matches!(outcome, Err(Error::Http { status: 405, .. }))),
                other => panic!("{name}: unexpected status {other}"),
            }
        }
    }

    #[test]
    fn own_status_fields_are_as_the_server_sends_them() {
        let in_call: OwnStatus = fixtures::reply("149-user_status-get-own-in-call.json")
            .decode()
            .unwrap();
        assert_eq!(
            in_call,
            OwnStatus {
                user_id: "admin".into(),
                message: Some("In a call".into()),
                message_id: Some("call".into()),
                message_is_predefined: true,
                icon: Some("💬".into()),
                clear_at: None,
                status: StatusType::Busy,
                status_is_user_defined: true,
            }
        );
        let custom: OwnStatus = fixtures::reply("038-user_status-put-message-custom-valid.json")
            .decode()
            .unwrap();
        assert_eq!(custom.clear_at, Some(1_795_651_399));
        assert_eq!(custom.message_id, None);
        let predefined: OwnStatus =
            fixtures::reply("032-user_status-put-message-predefined-valid.json")
                .decode()
                .unwrap();
        assert_eq!(predefined.message, None);
        assert_eq!(predefined.message_id.as_deref(), Some("meeting"));
        // Our own serialisation reads back (the engine may cache it).
        let again: OwnStatus =
            serde_json::from_value(serde_json::to_value(&in_call).unwrap()).unwrap();
        assert_eq!(again, in_call);
    }

    #[test]
    fn backup_status_is_the_underscored_user() {
        let backup: PublicStatus = fixtures::reply("150-user_status-get-statuses-backup.json")
            .decode()
            .unwrap();
        assert_eq!(backup.user_id, "_admin");
        assert_eq!(backup.message.as_deref(), Some("Coffee"));
        assert_eq!(backup.icon.as_deref(), Some("☕"));
        assert_eq!(backup.status, StatusType::Online);
    }

    #[test]
    fn predefined_list_skips_invisible_entries_and_reads_clear_at() {
        let mut entries: Vec<Value> = fixtures::reply("031-user_status-predefined-statuses.json")
            .decode()
            .unwrap();
        entries.push(
            serde_json::json!({"id": "call", "icon": "💬", "message": "In a call",
            "clearAt": null, "visible": false}),
        );
        entries.push(serde_json::json!({"id": "out-of-office", "icon": "🛫",
            "message": "Out of office", "clearAt": null, "visible": "0"}));
        entries.push(
            serde_json::json!({"id": "lunch", "icon": "🍽", "message": "Lunch",
            "clearAt": {"type": "end-of", "time": "month"}, "visible": true}),
        );
        let list = visible_predefined(entries).unwrap();
        let ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "meeting",
                "commuting",
                "be-right-back",
                "remote-work",
                "sick-leave",
                "vacationing",
                "lunch"
            ]
        );
        let clear: Vec<Option<ClearAt>> = list.iter().map(|p| p.clear_at).collect();
        assert_eq!(
            clear,
            [
                Some(ClearAt::Period(3600)),
                Some(ClearAt::Period(1800)),
                Some(ClearAt::Period(900)),
                Some(ClearAt::EndOf(EndOf::Day)),
                Some(ClearAt::EndOf(EndOf::Day)),
                None,
                None
            ]
        );
        assert_eq!(list[0].icon.as_deref(), Some("📅"));
        assert_eq!(list[0].message, "In a meeting");
        let again: PredefinedStatus =
            serde_json::from_value(serde_json::to_value(&list[3]).unwrap()).unwrap();
        assert_eq!(again, list[3]);
    }

    #[test]
    fn clear_at_resolves_to_unix_times() {
        // 2026-11-25 23:03:19 UTC, a Wednesday.
        let now = 1_795_647_799;
        assert_eq!(ClearAt::Period(3600).resolve(now, 0), now + 3600);
        let midnight_utc = 1_795_651_200; // 2026-11-26 00:00 UTC
        assert_eq!(ClearAt::EndOf(EndOf::Day).resolve(now, 0), midnight_utc);
        // In UTC+1 it is already Thursday 00:03: the day ends at Friday 00:00 local.
        assert_eq!(
            ClearAt::EndOf(EndOf::Day).resolve(now, 3600),
            midnight_utc + 86_400 - 3600
        );
        // In UTC-5 it is 18:03 on Wednesday: ends at Thursday 00:00 local = 05:00 UTC.
        assert_eq!(
            ClearAt::EndOf(EndOf::Day).resolve(now, -5 * 3600),
            midnight_utc + 5 * 3600
        );
        // The week ends at Monday 2026-11-30 00:00.
        let monday = midnight_utc + 4 * 86_400;
        assert_eq!(ClearAt::EndOf(EndOf::Week).resolve(now, 0), monday);
        // On a Monday morning the week ends at the next Monday.
        assert_eq!(
            ClearAt::EndOf(EndOf::Week).resolve(monday + 60, 0),
            monday + 7 * 86_400
        );
        assert_eq!(
            ClearAt::EndOf(EndOf::Week).resolve(monday - 1, 0),
            monday,
            "Sunday 23:59:59 still belongs to the week"
        );
    }

    #[test]
    fn status_types_parse_and_print() {
        for status in StatusType::ALL {
            assert_eq!(status.as_str().parse::<StatusType>(), Ok(status));
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                Value::from(status.as_str())
            );
        }
        assert_eq!("DND".parse::<StatusType>(), Ok(StatusType::Dnd));
        assert_eq!(
            "sleeping".parse::<StatusType>(),
            Err(UnknownStatusType("sleeping".into()))
        );
    }
}
