//! The files_sharing OCS API: `/ocs/v2.php/apps/files_sharing/api/v1/…` (fixtures 080, 159,
//! 161). The user_status seed names these endpoints because their answers carry the user status
//! of the recipient (shares) or of each proposed account (sharees).
//!
//! Shares are decoded leniently: ids come as strings or numbers, optional texts as `""`, `null`
//! or not at all, and a `status` that is not an object (PHP's `[]`) is `None`.

use reqwest::Method;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::{de, Client, Error, Result, StatusType};

const BASE: &str = "ocs/v2.php/apps/files_sharing/api/v1/";

/// A share as `GET/POST/PUT …/shares` describe it (080, 159).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// A number the server sends as a string (`"5"`); numbers are accepted too.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// See the `Share::USER`… constants.
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub share_type: i64,
    #[serde(default, deserialize_with = "de::string")]
    pub uid_owner: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub displayname_owner: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub uid_file_owner: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub displayname_file_owner: Option<String>,
    /// The recipient (user id, group id, e-mail…); `None` for a link share.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub share_with: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub share_with_displayname: Option<String>,
    /// The path in the viewer's own tree (`/fixture-2.txt`).
    #[serde(default, deserialize_with = "de::string")]
    pub path: String,
    /// `file` or `folder`.
    #[serde(default, deserialize_with = "de::string")]
    pub item_type: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub mimetype: Option<String>,
    /// The file id of the shared item.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub file_source: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub file_target: Option<String>,
    /// Bits: read 1, update 2, create 4, delete 8, share 16. A pending share shows 0 to its
    /// recipient (159).
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub permissions: i64,
    /// Unix time the share was made.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub stime: Option<i64>,
    /// `YYYY-MM-DD 00:00:00` as the server writes it, `None` without expiry.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub expiration: Option<String>,
    /// The link token of a link share.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub token: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub note: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub can_edit: bool,
    #[serde(default, deserialize_with = "de::bool_lenient")]
    pub can_delete: bool,
    /// The recipient's user status, when they have one.
    #[serde(default, deserialize_with = "opt_status")]
    pub status: Option<ShareStatus>,
}

impl Share {
    pub const USER: i64 = 0;
    pub const GROUP: i64 = 1;
    pub const LINK: i64 = 3;
    pub const EMAIL: i64 = 4;
    pub const FEDERATED: i64 = 6;
    pub const CIRCLE: i64 = 7;
    pub const ROOM: i64 = 10;
}

/// The user status that shares and sharees carry (`{status, message, icon, clearAt}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShareStatus {
    /// `None` for a status type this client does not know.
    #[serde(default, deserialize_with = "opt_status_type")]
    pub status: Option<StatusType>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub icon: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub clear_at: Option<i64>,
}

fn opt_status<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<ShareStatus>, D::Error> {
    let value = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
    Ok(match value {
        Value::Object(_) => serde_json::from_value(value).ok(),
        _ => None,
    })
}

fn opt_status_type<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<StatusType>, D::Error> {
    Ok(de::opt_string(d)?.and_then(|s| s.parse().ok()))
}

/// One proposed recipient of `GET …/sharees` or `…/sharees_recommended`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sharee {
    /// The answer's list it came from: `users`, `groups`, `remotes`, `emails`, `circles`,
    /// `rooms`, `lookup`…
    pub category: String,
    /// What to show, e.g. the display name.
    pub label: String,
    /// `value.shareType`: pass it as [`NewShare::share_type`].
    pub share_type: Option<i64>,
    /// `value.shareWith`: pass it as [`NewShare::share_with`].
    pub share_with: String,
    /// `shareWithDisplayNameUnique` (e.g. the user id or e-mail).
    pub unique_name: Option<String>,
    pub subline: Option<String>,
    pub status: Option<ShareStatus>,
}

/// The answer of `GET …/sharees` and `…/sharees_recommended`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sharees {
    /// Exact matches of the search (`exact.*`).
    pub exact: Vec<Sharee>,
    /// The other matches (or the recommendations), users first, then groups, remotes, e-mails,
    /// circles, rooms, lookup and any other category (see [`CATEGORY_ORDER`]).
    pub more: Vec<Sharee>,
    /// `lookupEnabled`: the global lookup server may be searched.
    pub lookup_enabled: bool,
}

impl Sharees {
    /// Exact matches first, then the others.
    pub fn all(&self) -> impl Iterator<Item = &Sharee> {
        self.exact.iter().chain(&self.more)
    }
}

impl<'de> Deserialize<'de> for Sharees {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let map = de::object(d)?;
        let mut sharees = Sharees::default();
        for (key, value) in &map {
            match key.as_str() {
                "exact" => {
                    if let Value::Object(exact) = value {
                        sharees.exact = categories(exact);
                    }
                }
                "lookupEnabled" => sharees.lookup_enabled = de::truthy(value).unwrap_or(false),
                _ => sharees.more.extend(category(key, value)),
            }
        }
        sharees.exact.sort_by_key(|s| rank(&s.category));
        sharees.more.sort_by_key(|s| rank(&s.category));
        Ok(sharees)
    }
}

/// The order [`Sharees`] lists categories in (JSON objects have none); unknown ones go last.
pub const CATEGORY_ORDER: [&str; 9] = [
    "users",
    "groups",
    "remotes",
    "remote_groups",
    "emails",
    "circles",
    "rooms",
    "deck",
    "lookup",
];

fn rank(category: &str) -> usize {
    CATEGORY_ORDER
        .iter()
        .position(|c| *c == category)
        .unwrap_or(CATEGORY_ORDER.len())
}

fn categories(map: &Map<String, Value>) -> Vec<Sharee> {
    map.iter()
        .flat_map(|(key, value)| category(key, value))
        .collect()
}

fn category(name: &str, value: &Value) -> Vec<Sharee> {
    let Value::Array(items) = value else {
        return Vec::new();
    };
    items.iter().filter_map(|item| sharee(name, item)).collect()
}

fn sharee(category: &str, item: &Value) -> Option<Sharee> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Wire {
        #[serde(default, deserialize_with = "de::string")]
        label: String,
        #[serde(default, deserialize_with = "de::object")]
        value: Map<String, Value>,
        #[serde(default, deserialize_with = "de::opt_string")]
        share_with_display_name_unique: Option<String>,
        #[serde(default, deserialize_with = "de::opt_string")]
        subline: Option<String>,
        #[serde(default, deserialize_with = "opt_status")]
        status: Option<ShareStatus>,
    }
    let wire: Wire = serde_json::from_value(item.clone()).ok()?;
    let share_with = match wire.value.get("shareWith")? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let share_type = wire.value.get("shareType").and_then(|v| match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    Some(Sharee {
        category: category.to_owned(),
        label: wire.label,
        share_type,
        share_with,
        unique_name: wire.share_with_display_name_unique,
        subline: wire.subline,
        status: wire.status,
    })
}

/// What [`SharingApi::shares`] asks for; the default lists the caller's own shares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharesQuery {
    /// Only the shares of this file or folder.
    pub path: Option<String>,
    /// Also the reshares of the caller's items by others.
    pub reshares: bool,
    /// With `path` a folder: the shares of the items inside it.
    pub subfiles: bool,
    /// The (accepted) shares others made with the caller instead of the caller's own.
    pub shared_with_me: bool,
}

/// `POST …/shares`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewShare {
    /// In the caller's tree, e.g. `/Documents/report.odt`.
    pub path: String,
    /// See the `Share::USER`… constants.
    pub share_type: i64,
    /// Recipient; not for link shares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_with: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_upload: Option<bool>,
}

/// `PUT …/shares/{id}`: only the fields that are `Some` change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShareUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// `YYYY-MM-DD`; `""` removes the expiry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_upload: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hide_download: Option<bool>,
}

/// The files_sharing endpoints, from [`Client::sharing`].
#[derive(Debug, Clone, Copy)]
pub struct SharingApi<'a> {
    client: &'a Client,
}

impl Client {
    /// The files_sharing app's OCS endpoints.
    pub fn sharing(&self) -> SharingApi<'_> {
        SharingApi { client: self }
    }
}

impl SharingApi<'_> {
    fn request(
        &self,
        method: Method,
        path: &str,
        segments: &[&str],
        query: &[(&str, &str)],
    ) -> reqwest::RequestBuilder {
        let mut url = self.client.url(&format!("{BASE}{path}"), segments);
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        self.client.request(method, url)
    }

    /// `GET …/sharees?search&itemType&perPage`: accounts, groups… to share an item of
    /// `item_type` (`file`, `folder`) with, each with its user status.
    pub async fn sharees(
        &self,
        search: &str,
        item_type: &str,
        per_page: Option<u32>,
    ) -> Result<Sharees> {
        let per_page = per_page.map(|n| n.to_string());
        let mut query = vec![("search", search), ("itemType", item_type)];
        if let Some(per_page) = per_page.as_deref() {
            query.push(("perPage", per_page));
        }
        let request = self.request(Method::GET, "sharees", &[], &query);
        self.client.ocs(request).await
    }

    /// `GET …/sharees_recommended?itemType`: the recipients the caller shared with recently.
    pub async fn sharees_recommended(&self, item_type: &str) -> Result<Sharees> {
        let query = [("itemType", item_type)];
        let request = self.request(Method::GET, "sharees_recommended", &[], &query);
        self.client.ocs(request).await
    }

    /// `GET …/shares`: the caller's shares, or as [`SharesQuery`] says.
    pub async fn shares(&self, query: &SharesQuery) -> Result<Vec<Share>> {
        let mut pairs = Vec::new();
        if let Some(path) = query.path.as_deref() {
            pairs.push(("path", path));
        }
        for (name, on) in [
            ("reshares", query.reshares),
            ("subfiles", query.subfiles),
            ("shared_with_me", query.shared_with_me),
        ] {
            if on {
                pairs.push((name, "true"));
            }
        }
        let request = self.request(Method::GET, "shares", &[], &pairs);
        self.client.ocs(request).await
    }

    /// `GET …/shares/inherited?path`: the shares of the folders above `path` that reach it.
    pub async fn inherited(&self, path: &str) -> Result<Vec<Share>> {
        let request = self.request(Method::GET, "shares/inherited", &[], &[("path", path)]);
        self.client.ocs(request).await
    }

    /// `GET …/shares/pending`: shares with the caller waiting to be accepted (159).
    pub async fn pending(&self) -> Result<Vec<Share>> {
        let request = self.request(Method::GET, "shares/pending", &[], &[]);
        self.client.ocs(request).await
    }

    /// `GET …/shares/{id}` (the server answers a list of one).
    /// [`Error::NotFound`] for a share the caller cannot see.
    pub async fn share(&self, id: &str) -> Result<Share> {
        let request = self.request(Method::GET, "shares", &[id], &[]);
        let list: Vec<Share> = self.client.ocs(request).await?;
        list.into_iter().next().ok_or_else(|| Error::NotFound {
            message: format!("share {id}: empty answer"),
        })
    }

    /// `POST …/shares` (080). Refusals (unknown path or recipient, duplicates) are
    /// [`Error::NotFound`] / [`Error::Invalid`] with the server's message.
    pub async fn create(&self, share: &NewShare) -> Result<Share> {
        let request = self.request(Method::POST, "shares", &[], &[]);
        self.client.ocs(request.form(share)).await
    }

    /// `PUT …/shares/{id}`: changes what `update` sets; the updated share.
    pub async fn update(&self, id: &str, update: &ShareUpdate) -> Result<Share> {
        let request = self.request(Method::PUT, "shares", &[id], &[]);
        self.client.ocs(request.form(update)).await
    }

    /// `POST …/shares/pending/{id}`: the recipient accepts a pending share (161).
    pub async fn accept_pending(&self, id: &str) -> Result<()> {
        let request = self.request(Method::POST, "shares/pending", &[id], &[]);
        self.client.send(request).await?.data().map(drop)
    }

    /// `DELETE …/shares/{id}` by the owner: the share is gone.
    pub async fn delete(&self, id: &str) -> Result<()> {
        let request = self.request(Method::DELETE, "shares", &[id], &[]);
        self.client.send(request).await?.data().map(drop)
    }

    /// `DELETE …/shares/{id}` by the recipient: declines a pending share or leaves an accepted
    /// one (the same request as [`delete`](Self::delete)).
    pub async fn decline(&self, id: &str) -> Result<()> {
        self.delete(id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    fn cycling() -> ShareStatus {
        ShareStatus {
            status: Some(StatusType::Away),
            message: Some("Cycling".into()),
            icon: Some("🚲".into()),
            clear_at: None,
        }
    }

    #[test]
    fn the_created_share_decodes_with_the_recipients_status() {
        let share: Share = fixtures::reply("080-sharing-create-share-bob.json")
            .decode()
            .unwrap();
        assert_eq!(
            share,
            Share {
                id: "5".into(),
                share_type: Share::USER,
                uid_owner: "admin".into(),
                displayname_owner: Some("admin".into()),
                uid_file_owner: Some("admin".into()),
                displayname_file_owner: Some("admin".into()),
                share_with: Some("bob".into()),
                share_with_displayname: Some("Bob".into()),
                path: "/fixture-2.txt".into(),
                item_type: "file".into(),
                mimetype: Some("text/plain".into()),
                file_source: Some(188),
                file_target: Some("/fixture-2.txt".into()),
                permissions: 19,
                stime: Some(1_795_647_811),
                expiration: None,
                token: None,
                note: None,
                label: None,
                can_edit: true,
                can_delete: true,
                status: Some(cycling()),
            }
        );
        let again: Share = serde_json::from_value(serde_json::to_value(&share).unwrap()).unwrap();
        assert_eq!(again, share);
    }

    #[test]
    fn the_pending_list_shows_permissions_0_and_accepting_answers_an_empty_list() {
        let pending: Vec<Share> = fixtures::reply("159-sharing-pending-shares-bob.json")
            .decode()
            .unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].id, "5");
        assert_eq!(pending[0].permissions, 0);
        assert!(!pending[0].can_edit);
        assert_eq!(pending[0].status, Some(cycling()));
        let accepted = fixtures::reply("161-sharing-accept-pending-share-bob.json")
            .data()
            .unwrap();
        assert_eq!(accepted, serde_json::json!([]));
    }

    #[test]
    fn odd_spellings_are_tolerated() {
        let share: Share = serde_json::from_value(serde_json::json!({
            "id": 7, "share_type": "3", "permissions": "1", "token": "abc",
            "status": [], "note": null, "stime": "12"
        }))
        .unwrap();
        assert_eq!(share.id, "7");
        assert_eq!(share.share_type, Share::LINK);
        assert_eq!(share.permissions, 1);
        assert_eq!(share.token.as_deref(), Some("abc"));
        assert_eq!(share.status, None);
        assert_eq!(share.stime, Some(12));
        assert_eq!(share.share_with, None);
        let status: ShareStatus =
            serde_json::from_value(serde_json::json!({"status": "sleeping", "clearAt": "5"}))
                .unwrap();
        assert_eq!(status.status, None);
        assert_eq!(status.clear_at, Some(5));
    }

    #[test]
    fn sharees_are_read_from_every_category_with_their_status() {
        let sharees: Sharees = serde_json::from_value(serde_json::json!({
            "exact": {
                "users": [{"label": "Bob", "subline": "", "icon": "icon-user",
                    "value": {"shareType": 0, "shareWith": "bob"},
                    "shareWithDisplayNameUnique": "bob",
                    "status": {"status": "away", "message": "Cycling", "icon": "🚲",
                               "clearAt": null}}],
                "groups": [], "remotes": []
            },
            "users": [{"label": "Bobby", "value": {"shareType": "0", "shareWith": "bobby"},
                       "status": []}],
            "groups": [{"label": "bobs", "value": {"shareType": 1, "shareWith": "bobs"}}],
            "emails": [{"label": "no shareWith", "value": {}}],
            "lookup": "nope",
            "lookupEnabled": false
        }))
        .unwrap();
        assert_eq!(
            sharees.exact,
            [Sharee {
                category: "users".into(),
                label: "Bob".into(),
                share_type: Some(Share::USER),
                share_with: "bob".into(),
                unique_name: Some("bob".into()),
                subline: None,
                status: Some(cycling()),
            }]
        );
        let more: Vec<(&str, &str, Option<i64>)> = sharees
            .more
            .iter()
            .map(|s| (s.category.as_str(), s.share_with.as_str(), s.share_type))
            .collect();
        assert_eq!(
            more,
            [
                ("users", "bobby", Some(Share::USER)),
                ("groups", "bobs", Some(Share::GROUP))
            ]
        );
        assert_eq!(sharees.all().count(), 3);
        assert!(!sharees.lookup_enabled);
        assert_eq!(
            serde_json::from_value::<Sharees>(serde_json::json!([])).unwrap(),
            Sharees::default()
        );
    }

    fn form<T: Serialize>(value: &T) -> String {
        let request = reqwest::Client::new()
            .post("http://localhost/")
            .form(value)
            .build()
            .unwrap();
        String::from_utf8(request.body().unwrap().as_bytes().unwrap().to_vec()).unwrap()
    }

    #[test]
    fn new_shares_and_updates_are_sent_as_the_api_names_them() {
        let form = form(&NewShare {
            path: "/a.txt".into(),
            share_type: Share::USER,
            share_with: Some("bob".into()),
            permissions: Some(1),
            ..NewShare::default()
        });
        assert_eq!(
            form,
            "path=%2Fa.txt&shareType=0&shareWith=bob&permissions=1"
        );
        let form = self::form(&ShareUpdate {
            note: Some("hi".into()),
            expire_date: Some("2030-01-01".into()),
            hide_download: Some(true),
            ..ShareUpdate::default()
        });
        assert_eq!(form, "expireDate=2030-01-01&note=hi&hideDownload=true");
    }
}
