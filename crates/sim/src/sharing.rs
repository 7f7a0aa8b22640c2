//! The bits of files_sharing the fixtures touch (`/apps/files_sharing/api/v1/shares…`,
//! 080, 158, 159, 161, 162): user shares (share type 0) that wait for the recipient to accept
//! them, the recipient's "You received … as a share" notification whose Accept (POST
//! `shares/pending/{id}`) and Decline (DELETE `shares/{id}`) actions point at these very
//! endpoints, and the files_sharing activities of both users.
//!
//! Every recipient has "accept shares automatically" off, as bob had in the capture; a test can
//! turn it on with [`crate::Control::set_share_auto_accept`]. Other share types (links, groups,
//! federation) are refused with 400 "Unknown share type".

use std::collections::HashSet;

use serde_json::json;

use crate::activity;
use crate::files::FileNode;
use crate::json::{empty, obj, Node};
use crate::notifications::{self, NewNotification, NotificationAction};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};
use crate::user_status;

const API: &str = "/ocs/v2.php/apps/files_sharing/api/v1";
const WRONG_ID: &str = "Wrong share ID, share does not exist";

/// The share permission bits: read 1, update 2, create 4, delete 8, share 16.
const FILE_PERMISSIONS: i64 = 19;
const FOLDER_PERMISSIONS: i64 = 31;
/// What the owner may do with the item itself (`item_permissions`).
const FILE_ITEM_PERMISSIONS: i64 = 27;
const FOLDER_ITEM_PERMISSIONS: i64 = 31;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    Accepted,
    /// The recipient declined or left it; only the owner still sees it.
    Rejected,
}

#[derive(Debug, Clone)]
pub(crate) struct Share {
    id: i64,
    owner: String,
    file_id: i64,
    share_with: String,
    permissions: i64,
    stime: i64,
    state: State,
    note: String,
    /// `expireDate` as the owner set it (`YYYY-MM-DD`).
    expiration: Option<String>,
    /// The recipient's "You received …" notification, while the share is pending.
    notification: Option<i64>,
}

#[derive(Debug, Default)]
pub(crate) struct Shares {
    list: Vec<Share>,
    last_id: i64,
    auto_accept: HashSet<String>,
}

impl Shares {
    /// The files shared with `uid` that they accepted (their mounts).
    pub(crate) fn accepted_file_ids(&self, uid: &str) -> Vec<i64> {
        self.list
            .iter()
            .filter(|s| s.share_with == uid && s.state == State::Accepted)
            .map(|s| s.file_id)
            .collect()
    }
}

/// What [`crate::Control::create_share`] made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreatedShare {
    pub share_id: i64,
    /// The recipient's notification with Accept/Decline; `None` when they accept
    /// automatically.
    pub notification_id: Option<i64>,
}

/// Why a share could not be made: the OCS status and message the API answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareError {
    pub status: u16,
    pub message: String,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.message)
    }
}

impl std::error::Error for ShareError {}

fn refuse(status: u16, message: impl Into<String>) -> ShareError {
    ShareError {
        status,
        message: message.into(),
    }
}

/// Creates a user share of `owner`'s `path` with `share_with`: activities for both, and the
/// pending-share notification unless the recipient accepts automatically.
pub(crate) fn create(
    shared: &Shared,
    inner: &mut Inner,
    owner: &str,
    path: &str,
    share_with: &str,
    permissions: Option<i64>,
) -> Result<Share, ShareError> {
    crate::files::home(inner, owner);
    if path.trim().is_empty() {
        return Err(refuse(404, "Please specify a file or folder path"));
    }
    let Some(node) = inner.files.find(owner, path).cloned() else {
        return Err(refuse(404, "Wrong path, file/folder does not exist"));
    };
    if node.path == "/" {
        return Err(refuse(403, "You cannot share your root folder"));
    }
    if inner.user(share_with).is_none() {
        return Err(refuse(404, "Please specify a valid account to share with"));
    }
    if share_with == owner {
        return Err(refuse(403, "Cannot share with the share owner"));
    }
    let duplicate = inner
        .shares
        .list
        .iter()
        .any(|s| s.owner == owner && s.file_id == node.id && s.share_with == share_with);
    if duplicate {
        return Err(refuse(
            403,
            format!(
                "Sharing {} failed, because this item is already shared with the account {share_with}",
                node.name()
            ),
        ));
    }
    let full = if node.is_dir {
        FOLDER_PERMISSIONS
    } else {
        FILE_PERMISSIONS
    };
    let permissions = permissions.map_or(full, |p| p & full);
    if permissions & 1 == 0 {
        return Err(refuse(400, "Invalid permissions"));
    }
    inner.shares.last_id += 1;
    let mut share = Share {
        id: inner.shares.last_id,
        owner: owner.to_owned(),
        file_id: node.id,
        share_with: share_with.to_owned(),
        permissions,
        stime: inner.now(),
        state: State::Pending,
        note: String::new(),
        expiration: None,
        notification: None,
    };
    if inner.shares.auto_accept.contains(share_with) {
        share.state = State::Accepted;
        inner.push.send(
            share_with,
            crate::push::PushMessage::File(vec![id_u64(node.id)]),
        );
    } else {
        let notification = pending_notification(shared, inner, &share, &node);
        share.notification = Some(notifications::inject(shared, inner, notification));
    }
    for row in activity::share_rows(&shared.base_url, inner, &node, share_with, false) {
        activity::store(inner, row);
    }
    inner.shares.list.push(share.clone());
    Ok(share)
}

fn id_u64(id: i64) -> u64 {
    u64::try_from(id).unwrap_or(0)
}

/// The recipient's notification (fixture 158, notification 37).
fn pending_notification(
    shared: &Shared,
    inner: &Inner,
    share: &Share,
    node: &FileNode,
) -> NewNotification {
    let base = &shared.base_url;
    let owner_name = inner
        .user(&share.owner)
        .map_or_else(|| share.owner.clone(), |u| u.display_name.clone());
    let object_id = format!("ocinternal:{}", share.id);
    let target = format!("/{}", node.name());
    NewNotification {
        app: "files_sharing".to_owned(),
        object_type: "share".to_owned(),
        object_id: object_id.clone(),
        icon: Some(format!("{base}/core/img/actions/share.svg")),
        subject_rich: "You received {share} as a share by {user}".to_owned(),
        subject_rich_parameters: json!({
            "share": { "type": "highlight", "id": object_id, "name": target },
            "user": { "type": "user", "id": share.owner, "name": owner_name },
        }),
        actions: vec![
            NotificationAction {
                label: "Accept".to_owned(),
                link: format!("{base}{API}/shares/pending/{}", share.id),
                request_type: "POST".to_owned(),
                primary: true,
            },
            NotificationAction {
                label: "Decline".to_owned(),
                link: format!("{base}{API}/shares/{}", share.id),
                request_type: "DELETE".to_owned(),
                primary: false,
            },
        ],
        ..NewNotification::new(
            share.share_with.clone(),
            format!("You received {target} as a share by @{owner_name}"),
        )
    }
}

/// Removes the share's notification, if it still has one.
fn dismiss(inner: &mut Inner, share_id: i64) {
    let Some(share) = inner.shares.list.iter_mut().find(|s| s.id == share_id) else {
        return;
    };
    let Some(notification) = share.notification.take() else {
        return;
    };
    let user = share.share_with.clone();
    let before = inner.notifications.len();
    inner.notifications.retain(|n| n.id != notification);
    if inner.notifications.len() != before {
        inner
            .push
            .send(&user, crate::push::PushMessage::Notification);
    }
}

/// `{status, message, icon, clearAt}` picked from an own-status object.
fn status_object(own: Option<Node>) -> Option<Node> {
    let Some(Node::Map(own)) = own else {
        return None;
    };
    let pick = |key: &str| {
        own.iter()
            .find(|(k, _)| k == key)
            .map_or(Node::Null, |(_, v)| v.clone())
    };
    Some(obj([
        ("status", pick("status")),
        ("message", pick("message")),
        ("icon", pick("icon")),
        ("clearAt", pick("clearAt")),
    ]))
}

/// The share object in the server's field order; `viewer` decides the recipient's view of a
/// pending share (permissions 0, 159).
fn to_node(shared: &Shared, inner: &mut Inner, share: &Share, viewer: &str) -> Node {
    let display = |inner: &Inner, uid: &str| {
        inner
            .user(uid)
            .map_or_else(|| uid.to_owned(), |u| u.display_name.clone())
    };
    let node = inner.files.by_id(share.file_id).cloned();
    let (path, is_dir, mime, size, mtime, parent) = match &node {
        Some(n) => {
            let parent = inner.files.find(&n.owner, n.dir()).map_or(0, |p| p.id);
            (n.path.clone(), n.is_dir, n.mime(), n.size, n.mtime, parent)
        }
        None => (String::new(), false, "application/octet-stream", 0, 0, 0),
    };
    let name = path.rsplit('/').next().unwrap_or_default().to_owned();
    let pending_for_viewer = viewer == share.share_with && share.state == State::Pending;
    let permissions = if pending_for_viewer {
        0
    } else {
        share.permissions
    };
    let storage = inner
        .users
        .iter()
        .position(|u| u.id == share.owner)
        .map_or(0, |i| i as i64 + 1);
    let status = user_status::own_status(inner, &share.share_with);
    let mut fields: Vec<(&str, Node)> = vec![
        ("id", share.id.to_string().into()),
        ("share_type", Node::from(0_i64)),
        ("uid_owner", Node::from(&share.owner)),
        ("displayname_owner", display(inner, &share.owner).into()),
        ("permissions", permissions.into()),
        ("can_edit", (viewer == share.owner).into()),
        ("can_delete", true.into()),
        ("stime", share.stime.into()),
        ("parent", Node::Null),
        (
            "expiration",
            share
                .expiration
                .as_ref()
                .map_or(Node::Null, |d| format!("{d} 00:00:00").into()),
        ),
        ("token", Node::Null),
        ("uid_file_owner", Node::from(&share.owner)),
        ("note", share.note.as_str().into()),
        ("label", "".into()),
        (
            "displayname_file_owner",
            display(inner, &share.owner).into(),
        ),
        ("path", path.clone().into()),
        ("item_type", if is_dir { "folder" } else { "file" }.into()),
        (
            "item_permissions",
            if is_dir {
                FOLDER_ITEM_PERMISSIONS
            } else {
                FILE_ITEM_PERMISSIONS
            }
            .into(),
        ),
        ("is-mount-root", false.into()),
        ("mount-type", "".into()),
        ("mimetype", mime.into()),
        ("has_preview", (!is_dir).into()),
        ("storage_id", format!("home::{}", share.owner).into()),
        ("storage", storage.into()),
        ("item_source", share.file_id.into()),
        ("file_source", share.file_id.into()),
        ("file_parent", parent.into()),
        ("file_target", format!("/{name}").into()),
        ("item_size", i64::try_from(size).unwrap_or(i64::MAX).into()),
        ("item_mtime", mtime.into()),
        ("share_with", Node::from(&share.share_with)),
        (
            "share_with_displayname",
            display(inner, &share.share_with).into(),
        ),
        (
            "share_with_displayname_unique",
            Node::from(&share.share_with),
        ),
    ];
    // Only users with a status get the field (the server asks the user_status app).
    if let Some(status) = status_object(status) {
        fields.push(("status", status));
    }
    let _ = shared;
    fields.extend([
        ("mail_send", i64::from(!pending_for_viewer).into()),
        ("hide_download", Node::from(0_i64)),
        ("attributes", Node::Null),
    ]);
    Node::Map(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

// ------------------------------------------------------------------ endpoints

/// `POST …/shares` (080).
pub(crate) fn create_endpoint(shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    match ctx.params.get("shareType").map(str::trim) {
        Some("0") => {}
        None | Some("") => return Reply::error(400, "Unknown share type"),
        Some(_) => return Reply::error(400, "Unknown share type"),
    }
    let path = ctx.params.get("path").unwrap_or_default().to_owned();
    let share_with = ctx.params.get("shareWith").unwrap_or_default().to_owned();
    let permissions = ctx
        .params
        .get("permissions")
        .and_then(|p| p.trim().parse::<i64>().ok());
    match create(shared, inner, &uid, &path, &share_with, permissions) {
        Ok(share) => Reply::ok(to_node(shared, inner, &share, &uid)),
        Err(e) => Reply::error(e.status, e.message),
    }
}

/// `GET …/shares`: the caller's own shares, or with `shared_with_me=true` the accepted ones
/// shared with them.
pub(crate) fn list(shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    let with_me = matches!(ctx.params.get("shared_with_me"), Some("true" | "1"));
    let shares: Vec<Share> = inner
        .shares
        .list
        .iter()
        .filter(|s| {
            if with_me {
                s.share_with == uid && s.state == State::Accepted
            } else {
                s.owner == uid
            }
        })
        .cloned()
        .collect();
    let list = shares
        .iter()
        .map(|s| to_node(shared, inner, s, &uid))
        .collect();
    Reply::ok(Node::List(list))
}

/// `GET …/shares/pending` (159).
pub(crate) fn pending(shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    let shares: Vec<Share> = inner
        .shares
        .list
        .iter()
        .filter(|s| s.share_with == uid && s.state == State::Pending)
        .cloned()
        .collect();
    let list = shares
        .iter()
        .map(|s| to_node(shared, inner, s, &uid))
        .collect();
    Reply::ok(Node::List(list))
}

/// `GET …/shares/{id}`: for its owner and its recipient.
pub(crate) fn get(shared: &Shared, inner: &mut Inner, ctx: &Ctx, id: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let found = id.parse::<i64>().ok().and_then(|id| {
        inner
            .shares
            .list
            .iter()
            .find(|s| {
                s.id == id
                    && (s.owner == uid || (s.share_with == uid && s.state != State::Rejected))
            })
            .cloned()
    });
    match found {
        Some(share) => Reply::ok(Node::List(vec![to_node(shared, inner, &share, &uid)])),
        None => Reply::error(404, WRONG_ID),
    }
}

/// `POST …/shares/pending/{id}`: the recipient accepts (161).
pub(crate) fn accept(inner: &mut Inner, ctx: &Ctx, id: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let Some(at) = id.parse::<i64>().ok().and_then(|id| {
        inner
            .shares
            .list
            .iter()
            .position(|s| s.id == id && s.share_with == uid)
    }) else {
        return Reply::error(404, WRONG_ID);
    };
    let share_id = inner.shares.list[at].id;
    let file_id = inner.shares.list[at].file_id;
    inner.shares.list[at].state = State::Accepted;
    dismiss(inner, share_id);
    inner
        .push
        .send(&uid, crate::push::PushMessage::File(vec![id_u64(file_id)]));
    Reply::ok(empty())
}

/// `DELETE …/shares/{id}`: the owner deletes the share; the recipient declines or leaves it.
pub(crate) fn delete(shared: &Shared, inner: &mut Inner, ctx: &Ctx, id: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let Some(at) = id.parse::<i64>().ok().and_then(|id| {
        inner.shares.list.iter().position(|s| {
            s.id == id && (s.owner == uid || (s.share_with == uid && s.state != State::Rejected))
        })
    }) else {
        return Reply::error(404, WRONG_ID);
    };
    let share = inner.shares.list[at].clone();
    dismiss(inner, share.id);
    if share.owner == uid {
        inner.shares.list.remove(at);
        if let Some(node) = inner.files.by_id(share.file_id).cloned() {
            for row in activity::share_rows(&shared.base_url, inner, &node, &share.share_with, true)
            {
                activity::store(inner, row);
            }
        }
    } else {
        inner.shares.list[at].state = State::Rejected;
    }
    inner.push.send(
        &share.share_with,
        crate::push::PushMessage::File(vec![id_u64(share.file_id)]),
    );
    Reply::ok(empty())
}

/// One `users` entry of the sharee search: `status` is `[]` for users without a status, as
/// the server's UserPlugin sends it.
fn sharee_user(inner: &mut Inner, uid: &str) -> Node {
    let label = inner
        .user(uid)
        .map_or_else(|| uid.to_owned(), |u| u.display_name.clone());
    let status = status_object(user_status::own_status(inner, uid));
    let subline = match &status {
        Some(Node::Map(fields)) => fields
            .iter()
            .find(|(k, _)| k == "message")
            .and_then(|(_, v)| match v {
                Node::String(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    obj([
        ("label", label.into()),
        ("subline", subline.into()),
        ("icon", "icon-user".into()),
        (
            "value",
            obj([("shareType", Node::from(0_i64)), ("shareWith", uid.into())]),
        ),
        ("shareWithDisplayNameUnique", uid.into()),
        ("status", status.unwrap_or(Node::List(Vec::new()))),
    ])
}

/// The sharee answer: `exact` and the wide lists; only users are ever found.
fn sharees_node(inner: &mut Inner, exact: &[String], wide: &[String]) -> Node {
    let exact: Vec<Node> = exact.iter().map(|u| sharee_user(inner, u)).collect();
    let wide: Vec<Node> = wide.iter().map(|u| sharee_user(inner, u)).collect();
    let none = || Node::List(Vec::new());
    obj([
        (
            "exact",
            obj([
                ("users", Node::List(exact)),
                ("groups", none()),
                ("remotes", none()),
                ("remote_groups", none()),
                ("emails", none()),
                ("circles", none()),
                ("rooms", none()),
                ("lookup", none()),
            ]),
        ),
        ("users", Node::List(wide)),
        ("groups", none()),
        ("remotes", none()),
        ("remote_groups", none()),
        ("emails", none()),
        ("circles", none()),
        ("rooms", none()),
        ("lookup", none()),
        ("lookupEnabled", false.into()),
    ])
}

/// `GET …/sharees?search=&itemType=&perPage=`: users other than the caller whose id or
/// display name contains `search` (case-insensitive); an exact match goes to `exact.users`.
pub(crate) fn sharees(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    let search = ctx
        .params
        .get("search")
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let per_page = match ctx.params.get("perPage").map(str::trim) {
        None | Some("") => 200,
        Some(p) => match p.parse::<usize>() {
            Ok(n) if n >= 1 => n,
            _ => return Reply::error(400, "Invalid perPage argument"),
        },
    };
    let mut exact = Vec::new();
    let mut wide = Vec::new();
    for user in inner.users.iter().filter(|u| u.id != uid) {
        let id = user.id.to_lowercase();
        let name = user.display_name.to_lowercase();
        if !search.is_empty() && (id == search || name == search) {
            exact.push(user.id.clone());
        } else if id.contains(&search) || name.contains(&search) {
            wide.push(user.id.clone());
        }
    }
    wide.truncate(per_page);
    Reply::ok(sharees_node(inner, &exact, &wide))
}

/// `GET …/sharees_recommended?itemType=`: the caller's recent share partners, newest first.
pub(crate) fn sharees_recommended(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    let mut partners: Vec<String> = Vec::new();
    let mut shares: Vec<&Share> = inner
        .shares
        .list
        .iter()
        .filter(|s| s.owner == uid)
        .collect();
    shares.sort_by_key(|s| std::cmp::Reverse((s.stime, s.id)));
    for share in shares {
        if !partners.contains(&share.share_with) && inner.user(&share.share_with).is_some() {
            partners.push(share.share_with.clone());
        }
    }
    Reply::ok(sharees_node(inner, &[], &partners))
}

/// `GET …/shares/inherited?path=`: the caller's shares of the folders above `path`.
pub(crate) fn inherited(shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    crate::files::home(inner, &uid);
    let path = ctx.params.get("path").unwrap_or_default().to_owned();
    let Some(node) = inner.files.find(&uid, &path).cloned() else {
        return Reply::error(404, "Wrong path, file/folder does not exist");
    };
    // Every folder above the node, up to the home (the home itself cannot be shared).
    let mut parents = Vec::new();
    let mut dir = (node.path != "/").then(|| node.dir().to_owned());
    while let Some(current) = dir {
        if let Some(parent) = inner.files.find(&uid, &current) {
            parents.push(parent.id);
        }
        dir = match current.rfind('/') {
            _ if current == "/" => None,
            Some(0) | None => Some("/".to_owned()),
            Some(at) => Some(current[..at].to_owned()),
        };
    }
    let shares: Vec<Share> = inner
        .shares
        .list
        .iter()
        .filter(|s| s.owner == uid && parents.contains(&s.file_id))
        .cloned()
        .collect();
    let list = shares
        .iter()
        .map(|s| to_node(shared, inner, s, &uid))
        .collect();
    Reply::ok(Node::List(list))
}

/// Whether `date` is `YYYY-MM-DD`.
fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (m, d) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// `PUT …/shares/{id}`: the owner changes `permissions`, `note` and `expireDate` (`""`
/// removes it); 404 for a share the caller cannot see, 403 for its recipient.
pub(crate) fn update(shared: &Shared, inner: &mut Inner, ctx: &Ctx, id: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let Some(at) = id.parse::<i64>().ok().and_then(|id| {
        inner.shares.list.iter().position(|s| {
            s.id == id && (s.owner == uid || (s.share_with == uid && s.state != State::Rejected))
        })
    }) else {
        return Reply::error(404, WRONG_ID);
    };
    if inner.shares.list[at].owner != uid {
        return Reply::error(403, "You are not allowed to edit incoming shares");
    }
    let permissions = ctx.params.get("permissions").map(str::trim);
    let note = ctx.params.get("note").map(str::to_owned);
    let expire = ctx.params.get("expireDate").map(|d| d.trim().to_owned());
    if permissions.is_none() && note.is_none() && expire.is_none() {
        return Reply::error(400, "Wrong or no update parameter given");
    }
    let is_dir = inner
        .files
        .by_id(inner.shares.list[at].file_id)
        .is_some_and(|n| n.is_dir);
    let full = if is_dir {
        FOLDER_PERMISSIONS
    } else {
        FILE_PERMISSIONS
    };
    let permissions = match permissions {
        None => None,
        Some(p) => match p.parse::<i64>() {
            Ok(p) if (1..=31).contains(&p) && (p & full) & 1 == 1 => Some(p & full),
            _ => return Reply::error(400, "Invalid permissions"),
        },
    };
    let expire = match expire.as_deref() {
        None => None,
        Some("") => Some(None),
        Some(d) if valid_date(d) => Some(Some(d.to_owned())),
        Some(_) => return Reply::error(404, "Invalid date. Format must be YYYY-MM-DD"),
    };
    let share = &mut inner.shares.list[at];
    if let Some(p) = permissions {
        share.permissions = p;
    }
    if let Some(note) = note {
        share.note = note;
    }
    if let Some(expire) = expire {
        share.expiration = expire;
    }
    let share = share.clone();
    if share.state == State::Accepted {
        inner.push.send(
            &share.share_with,
            crate::push::PushMessage::File(vec![id_u64(share.file_id)]),
        );
    }
    Reply::ok(to_node(shared, inner, &share, &uid))
}

// ------------------------------------------------------------------ Control

impl crate::Control {
    /// Shares `owner`'s file or folder `path` with `share_with` the way
    /// `POST …/files_sharing/api/v1/shares` does: a pending share, the recipient's notification
    /// "You received … as a share" with Accept (POST `…/shares/pending/{id}`) and Decline
    /// (DELETE `…/shares/{id}`) actions that work against this simulator, and an activity for
    /// each user. Fails like the API (404 for an unknown path or user, 403 for a duplicate).
    pub fn create_share(
        &self,
        owner: &str,
        path: &str,
        share_with: &str,
    ) -> Result<CreatedShare, ShareError> {
        let mut inner = self.shared.lock();
        let share = create(&self.shared, &mut inner, owner, path, share_with, None)?;
        Ok(CreatedShare {
            share_id: share.id,
            notification_id: share.notification,
        })
    }

    /// Whether shares with `user` skip the pending state (default: off, as in the capture).
    pub fn set_share_auto_accept(&self, user: &str, accept: bool) {
        let mut inner = self.shared.lock();
        if accept {
            inner.shares.auto_accept.insert(user.to_owned());
        } else {
            inner.shares.auto_accept.remove(user);
        }
    }

    /// Whether `user` has accepted the share `share_id`.
    pub fn share_accepted(&self, share_id: i64, user: &str) -> bool {
        self.shared
            .lock()
            .shares
            .list
            .iter()
            .any(|s| s.id == share_id && s.share_with == user && s.state == State::Accepted)
    }
}

/// `POST /_sim/shares {"owner","path","share_with"}` → 201 `{"share_id","notification_id"}`.
pub(crate) fn control_routes() -> axum::Router<std::sync::Arc<Shared>> {
    use axum::extract::State as AxumState;
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    use axum::routing::post;
    use axum::Json;
    use std::sync::Arc;

    #[derive(serde::Deserialize)]
    struct Body {
        owner: String,
        path: String,
        share_with: String,
    }

    async fn create_share(
        AxumState(shared): AxumState<Arc<Shared>>,
        Json(body): Json<Body>,
    ) -> axum::response::Response {
        match crate::Control::new(shared).create_share(&body.owner, &body.path, &body.share_with) {
            Ok(created) => (
                StatusCode::CREATED,
                Json(json!({
                    "share_id": created.share_id,
                    "notification_id": created.notification_id,
                })),
            )
                .into_response(),
            Err(e) => (
                StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST),
                Json(json!({ "error": e.message })),
            )
                .into_response(),
        }
    }

    axum::Router::new().route("/shares", post(create_share))
}
