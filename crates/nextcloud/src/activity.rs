//! The activity app, API v2: `/ocs/v2.php/apps/activity/api/v2/activity[/{filter}]` and
//! `…/activity/filters`.
//!
//! What the server does (fixtures 163–179): the ETag is **unquoted** and `If-None-Match` with it
//! answers 304; a request past the end of the list (a `since` with nothing after it) answers
//! 304 too, so both come back as [`Etagged::value`] `None`: nothing (more). A `Link` to the next
//! page is sent whenever a page is full, also on a last page that happens to be full. Files
//! activities come merged ("You changed {file3}, {file2} and {file1}"), so a page can hold
//! fewer entries than `limit`.
//!
//! To watch for new activities, poll the first page with its ETag (`list(&query, etag)`), or
//! ask with `sort=asc` and `since` = the newest id seen.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use url::Url;

use crate::{de, notifications::parse_iso8601, Client, Error, Etagged, Page, Result};

const PATH: &str = "ocs/v2.php/apps/activity/api/v2/activity";

/// Ascending or descending ids.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    Asc,
    /// Newest first (the server's default).
    #[default]
    Desc,
}

/// What [`ActivityApi::list`] asks for. Serialises into the query string.
///
/// ```
/// # use nextcloud::{ActivityQuery, Sort};
/// let newest_shares = ActivityQuery::new().filter("files_sharing").limit(10);
/// let of_a_file = ActivityQuery::new().object("files", 187); // filter "filter"
/// let newer_than = ActivityQuery::new().since(114).sort(Sort::Asc);
/// # let _ = (newest_shares, of_a_file, newer_than);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ActivityQuery {
    /// The path segment (`all`, `self`, `by`, `files`, `files_sharing`, `filter`, …).
    #[serde(skip)]
    filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<Sort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previews: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_id: Option<String>,
}

impl ActivityQuery {
    /// Every activity (`/activity`), newest first, 50 per page.
    pub fn new() -> Self {
        ActivityQuery::default()
    }

    /// Only what the filter lets through (ids from [`ActivityApi::filters`]; unknown → 404).
    pub fn filter(mut self, filter: impl Into<String>) -> Self {
        self.filter = Some(filter.into());
        self
    }

    /// After this activity id (older with [`Sort::Desc`], newer with [`Sort::Asc`]). It must be
    /// one of the user's own (another user's → 403); an unknown one starts from the beginning.
    pub fn since(mut self, activity_id: i64) -> Self {
        self.since = Some(activity_id);
        self
    }

    /// Rows to read (server default 50); merged files activities can make a page shorter.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit.max(1));
        self
    }

    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// `previews=true`: every activity gets `previews` (for files activities, one per file).
    pub fn previews(mut self, on: bool) -> Self {
        self.previews = on.then_some("true");
        self
    }

    /// Only the activities about one object, e.g. `("files", file_id)`; sets the filter
    /// `filter`, which the server requires for this.
    pub fn object(mut self, object_type: impl Into<String>, object_id: impl ToString) -> Self {
        self.object_type = Some(object_type.into());
        self.object_id = Some(object_id.to_string());
        self.filter = Some("filter".to_owned());
        self
    }

    /// The filter path segment, if any.
    pub fn filter_id(&self) -> Option<&str> {
        self.filter.as_deref()
    }
}

/// `subject_rich` / `message_rich`: the text with `{placeholders}` and the rich objects they
/// stand for (`{"type","id","name",…}`; ids of files are strings here).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RichText {
    pub template: String,
    pub parameters: Map<String, Value>,
}

impl RichText {
    /// Whether there is no template.
    pub fn is_empty(&self) -> bool {
        self.template.is_empty()
    }
}

impl Serialize for RichText {
    /// As the server sends it: `[template, parameters]`.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        (&self.template, &self.parameters).serialize(s)
    }
}

impl<'de> Deserialize<'de> for RichText {
    /// `[template, params]` (current servers), `{"0": template, "1": params}` (the seed's
    /// example); params `[]` → empty; anything else → empty.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let value = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
        let (template, parameters) = match value {
            Value::Array(mut items) => {
                let parameters = if items.len() > 1 {
                    items.swap_remove(1)
                } else {
                    Value::Null
                };
                (items.into_iter().next().unwrap_or(Value::Null), parameters)
            }
            Value::Object(mut map) => (
                map.remove("0").unwrap_or(Value::Null),
                map.remove("1").unwrap_or(Value::Null),
            ),
            _ => (Value::Null, Value::Null),
        };
        Ok(RichText {
            template: match template {
                Value::String(s) => s,
                _ => String::new(),
            },
            parameters: match parameters {
                Value::Object(map) => map,
                _ => Map::new(),
            },
        })
    }
}

/// A preview of a file an activity is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The image URL.
    #[serde(default, deserialize_with = "de::string")]
    pub source: String,
    /// Where the preview leads.
    #[serde(default, deserialize_with = "de::string")]
    pub link: String,
    /// Of the file, not the preview.
    #[serde(default, deserialize_with = "de::string")]
    pub mime_type: String,
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub file_id: i64,
    /// `files` or `trashbin`.
    #[serde(default, deserialize_with = "de::string")]
    pub view: String,
    /// `source` is a generic icon for the type, not a real preview.
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub is_mime_type_icon: bool,
}

/// One entry of the stream. Empty optional texts (`""`) are `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub activity_id: i64,
    /// ISO 8601; see [`Activity::timestamp`].
    #[serde(default, deserialize_with = "de::string")]
    pub datetime: String,
    /// The app that made it (`files`, `files_sharing`, `spreed`, `dav`…).
    #[serde(default, deserialize_with = "de::string")]
    pub app: String,
    /// `file_created`, `file_changed`, `shared`, `spreed`, `calendar_event`…
    #[serde(rename = "type", default, deserialize_with = "de::string")]
    pub kind: String,
    /// Who did it (may be missing for public-link or system actions).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user: Option<String>,
    /// Whose stream it is (older servers send it).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub affecteduser: Option<String>,
    /// The plain, translated text.
    #[serde(default, deserialize_with = "de::string")]
    pub subject: String,
    #[serde(default)]
    pub subject_rich: RichText,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
    #[serde(default)]
    pub message_rich: RichText,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub link: Option<String>,
    /// e.g. `files`, `room`, `calendar`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub object_type: Option<String>,
    /// An int at this level (in `subject_rich` parameters the same id is a string).
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub object_id: Option<i64>,
    /// For files the path in the user's home (`/fixture-2.txt`).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub object_name: Option<String>,
    /// Every object of a merged activity: id (as text) → name.
    #[serde(default, deserialize_with = "objects")]
    pub objects: BTreeMap<String, String>,
    /// Only with [`ActivityQuery::previews`].
    #[serde(default, deserialize_with = "previews")]
    pub previews: Vec<Preview>,
}

impl Activity {
    /// [`datetime`](Self::datetime) as unix seconds (`None` if it is not ISO 8601).
    pub fn timestamp(&self) -> Option<i64> {
        parse_iso8601(&self.datetime)
    }
}

/// `objects`: a map (or PHP's `[]`); values stringified, `null` → `""`.
fn objects<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    Ok(de::object(d)?
        .into_iter()
        .map(|(k, v)| {
            let name = match v {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (k, name)
        })
        .collect())
}

/// `previews`: a list; anything else → empty; items that are not previews are skipped.
fn previews<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<Preview>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// An entry of `GET …/activity/filters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFilter {
    /// What goes into [`ActivityQuery::filter`].
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Translated, e.g. "File shares".
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    /// Lower first.
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub priority: i64,
}

/// The activity endpoints, from [`Client::activity`].
#[derive(Debug, Clone, Copy)]
pub struct ActivityApi<'a> {
    client: &'a Client,
}

impl Client {
    /// The activity app's endpoints (capability `activity.apiv2`).
    pub fn activity(&self) -> ActivityApi<'_> {
        ActivityApi { client: self }
    }
}

impl ActivityApi<'_> {
    fn url(&self, query: &ActivityQuery) -> Result<Url> {
        let segments: Vec<&str> = query.filter.as_deref().into_iter().collect();
        let mut url = self.client.url(PATH, &segments);
        let encoded = serde_urlencoded_query(query)?;
        url.set_query((!encoded.is_empty()).then_some(encoded.as_str()));
        Ok(url)
    }

    /// `GET …/activity[/{filter}]`, conditional on `etag` (sent back byte for byte; the server's
    /// are unquoted).
    ///
    /// `value: None` means nothing (more): the ETag matched, or there is nothing after `since`
    /// (both are 304). Errors: [`Error::NoContent`] (204, the user selected no activity types),
    /// [`Error::Invalid`] with statuscode 403 (`since` is another user's activity),
    /// [`Error::NotFound`] (unknown filter).
    pub async fn list(
        &self,
        query: &ActivityQuery,
        etag: Option<&str>,
    ) -> Result<Etagged<Page<Activity>>> {
        let url = self.url(query)?;
        let (reply, data) = self.client.get_if_changed(url.clone(), etag).await?;
        if reply.status == reqwest::StatusCode::NO_CONTENT {
            return Err(Error::NoContent);
        }
        let value = match data {
            Some(data) => Some(Page::from_reply(self.client, &url, &reply, data)?),
            None => None,
        };
        Ok(Etagged {
            etag: reply.etag_after(etag),
            value,
        })
    }

    /// `GET …/activity/filters`, in the server's order.
    pub async fn filters(&self) -> Result<Vec<ActivityFilter>> {
        let url = self.client.url(PATH, &["filters"]);
        self.client
            .ocs(self.client.request(reqwest::Method::GET, url))
            .await
    }
}

/// The query string of `query` (`since=1&limit=2&sort=asc…`).
fn serde_urlencoded_query(query: &ActivityQuery) -> Result<String> {
    let value = serde_json::to_value(query).map_err(|e| Error::refused(e.to_string()))?;
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    if let Value::Object(map) = value {
        // The server reads them by name; keep a stable, readable order.
        for key in [
            "since",
            "limit",
            "sort",
            "previews",
            "object_type",
            "object_id",
        ] {
            match map.get(key) {
                Some(Value::String(s)) => {
                    out.append_pair(key, s);
                }
                Some(Value::Number(n)) => {
                    out.append_pair(key, &n.to_string());
                }
                _ => {}
            }
        }
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn activities(name: &str) -> Vec<Activity> {
        fixtures::reply(name).decode().unwrap()
    }

    #[test]
    fn decodes_every_activity_fixture() {
        for name in fixtures::names_containing("activity") {
            let reply = fixtures::reply(&name);
            match reply.status.as_u16() {
                200 if name.contains("filters") => {
                    let filters: Vec<ActivityFilter> = reply.decode().unwrap();
                    assert_eq!(filters.len(), 12, "{name}");
                }
                200 => {
                    let list: Vec<Activity> = reply.decode().unwrap();
                    assert!(!list.is_empty(), "{name}");
                    assert!(list
                        .iter()
                        .all(|a| a.activity_id > 0 && a.timestamp().is_some()));
                }
                304 => assert!(reply.body.is_empty(), "{name}"),
                403 => assert_eq!(reply.data().unwrap_err().statuscode(), Some(403)),
                404 => assert!(matches!(reply.data(), Err(Error::NotFound { .. }))),
                other => panic!("{name}: {other}"),
            }
        }
    }

    #[test]
    fn every_field_of_a_merged_files_activity() {
        let list = activities("163-activity-default.json");
        let merged = list.iter().find(|a| a.activity_id == 111).unwrap();
        assert_eq!(merged.app, "files");
        assert_eq!(merged.kind, "file_changed");
        assert_eq!(merged.user.as_deref(), Some("admin"));
        assert_eq!(merged.affecteduser, None);
        assert_eq!(
            merged.subject,
            "You changed fixture-3.txt, fixture-2.txt and fixture-1.txt"
        );
        assert_eq!(
            merged.subject_rich.template,
            "You changed {file3}, {file2} and {file1}"
        );
        let file1 = &merged.subject_rich.parameters["file1"];
        assert_eq!(file1["id"], "187", "a string in the parameters");
        assert_eq!(file1["path"], "fixture-1.txt");
        assert_eq!(merged.message, None);
        assert!(merged.message_rich.is_empty());
        assert_eq!(merged.object_type.as_deref(), Some("files"));
        assert_eq!(merged.object_id, Some(187), "an int at the top level");
        assert_eq!(merged.object_name.as_deref(), Some("/fixture-1.txt"));
        assert_eq!(merged.objects.len(), 3);
        assert_eq!(merged.objects["189"], "/fixture-3.txt");
        assert_eq!(
            merged.link.as_deref(),
            Some("http://127.0.0.1:8080/index.php/apps/files/?dir=/")
        );
        assert_eq!(
            merged.icon.as_deref(),
            Some("http://127.0.0.1:8080/apps/files/img/change.svg")
        );
        assert_eq!(merged.datetime, "2026-11-25T23:03:23+00:00");
        assert!(merged.previews.is_empty());
        // A Talk one: no parameters (`[]`), an empty object name, no link.
        let call = &list[0];
        assert_eq!(call.app, "spreed");
        assert!(call.subject_rich.parameters.is_empty());
        assert_eq!(call.object_name, None);
        assert_eq!(call.link, None);
        assert_eq!(call.objects["18"], "");
        // Own serialisation reads back.
        let again: Activity =
            serde_json::from_value(serde_json::to_value(merged).unwrap()).unwrap();
        assert_eq!(&again, merged);
    }

    #[test]
    fn the_seed_example_with_numbered_rich_objects_and_previews() {
        let example = serde_json::json!({
            "activity_id": 1, "timestamp": 1446137950, "app": "files", "type": "file_created",
            "user": "test1", "affecteduser": "admin", "subject": "test1 created hello.txt",
            "subject_rich": {"0": "test1 created {file1}", "1": {"file1": {
                "type": "file", "id": 23, "name": "hello.txt", "path": "/test/hello.txt"}}},
            "message": null, "message_rich": {"0": "", "1": []},
            "icon": "https://localhost/apps/files/img/add-color.svg", "link": "",
            "object_type": "files", "object_id": 23, "object_name": "/test/hello.txt",
            "previews": [{"link": "https://localhost/index.php/apps/files/?dir=/test&scrollto=hello.txt",
                "source": "https://localhost/index.php/core/preview.png?file=/hello.txt&x=150&y=150",
                "mimeType": "text/plain", "view": "files", "fileId": 23, "isMimeTypeIcon": false},
                "not a preview"]
        });
        let activity: Activity = serde_json::from_value(example).unwrap();
        assert_eq!(activity.affecteduser.as_deref(), Some("admin"));
        assert_eq!(activity.subject_rich.template, "test1 created {file1}");
        assert_eq!(activity.subject_rich.parameters["file1"]["id"], 23);
        assert_eq!(activity.datetime, "");
        assert_eq!(activity.timestamp(), None);
        assert_eq!(activity.link, None);
        assert_eq!(activity.previews.len(), 1);
        let preview = &activity.previews[0];
        assert_eq!(preview.mime_type, "text/plain");
        assert_eq!(preview.file_id, 23);
        assert_eq!(preview.view, "files");
        assert!(!preview.is_mime_type_icon);
    }

    #[test]
    fn queries_serialise_into_the_url() {
        let client = Client::new(crate::Credentials {
            server: "https://cloud.example.com/nc".parse().unwrap(),
            login_name: "a".into(),
            app_password: "b".into(),
        })
        .unwrap();
        let api = client.activity();
        let url = |q: ActivityQuery| api.url(&q).unwrap().to_string();
        let base = "https://cloud.example.com/nc/ocs/v2.php/apps/activity/api/v2/activity";
        assert_eq!(url(ActivityQuery::new()), base);
        assert_eq!(
            url(ActivityQuery::new().filter("all").since(114).limit(2)),
            format!("{base}/all?since=114&limit=2")
        );
        assert_eq!(
            url(ActivityQuery::new().sort(Sort::Asc).previews(true).limit(0)),
            format!("{base}?limit=1&sort=asc&previews=true")
        );
        assert_eq!(
            url(ActivityQuery::new().object("files", 187)),
            format!("{base}/filter?object_type=files&object_id=187")
        );
        assert_eq!(
            url(ActivityQuery::new().filter("a b/c")),
            format!("{base}/a%20b%2Fc")
        );
    }

    #[test]
    fn odd_shapes_never_fail_the_whole_activity() {
        let odd: Activity = serde_json::from_value(serde_json::json!({
            "activity_id": "7", "subject_rich": "not a pair", "message_rich": [],
            "objects": [], "object_id": "", "previews": {"x": 1}
        }))
        .unwrap();
        assert_eq!(odd.activity_id, 7);
        assert!(odd.subject_rich.is_empty());
        assert!(odd.objects.is_empty());
        assert_eq!(odd.object_id, None);
        assert!(odd.previews.is_empty());
    }
}
