//! The notifications app (`/apps/notifications/api/{v1,v2}/notifications…`, fixtures 062–075).
//!
//! The list holds the newest 25, newest first; its ETag is the md5 of the JSON array of their
//! ids (so `[]` gives `d751713988987e9331980363e24189ce`) and only API v2 sends it. Every list
//! answer, the 304 too, carries `X-Nextcloud-User-Status`.

use serde::{Deserialize, Serialize};

use crate::capabilities::md5_hex;
use crate::json::{empty, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};
use crate::time::iso8601;
use crate::user_status;

/// The server's page size for the list (Handler::get's default limit).
const LIST_LIMIT: usize = 25;
/// `POST exists` refuses more ids than this.
const EXISTS_LIMIT: usize = 200;
/// The header value for a user without a status row.
///
/// The brief for this simulator says "offline"; note that the notifications app itself
/// defaults to "online" when the user_status app has no row for the user.
const NO_STATUS: &str = "offline";

/// `api/v1` omits the rich fields, `icon` and `shouldNotify`, and sends no ETag (072).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotificationApi {
    V1,
    V2,
}

/// A notification to create with [`crate::Control::inject_notification`] or
/// `POST /_sim/notifications`. Only `user` and `subject` are needed; the rest has defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewNotification {
    /// The recipient's user id.
    pub user: String,
    pub subject: String,
    pub message: String,
    pub link: String,
    /// Default `admin_notifications`.
    pub app: String,
    /// Default `admin_notifications`.
    pub object_type: String,
    /// Default: derived from the new id.
    pub object_id: String,
    /// Default `true`.
    pub should_notify: bool,
    /// Absolute URL; default: the app's icon on the simulator.
    pub icon: Option<String>,
    pub subject_rich: String,
    /// A JSON object of rich parameters; `null` or `{}` is sent as `[]` like PHP does.
    pub subject_rich_parameters: serde_json::Value,
    pub message_rich: String,
    pub message_rich_parameters: serde_json::Value,
    pub actions: Vec<NotificationAction>,
}

impl Default for NewNotification {
    fn default() -> Self {
        NewNotification {
            user: String::new(),
            subject: String::new(),
            message: String::new(),
            link: String::new(),
            app: "admin_notifications".to_owned(),
            object_type: "admin_notifications".to_owned(),
            object_id: String::new(),
            should_notify: true,
            icon: None,
            subject_rich: String::new(),
            subject_rich_parameters: serde_json::Value::Null,
            message_rich: String::new(),
            message_rich_parameters: serde_json::Value::Null,
            actions: Vec::new(),
        }
    }
}

impl NewNotification {
    pub fn new(user: impl Into<String>, subject: impl Into<String>) -> Self {
        NewNotification {
            user: user.into(),
            subject: subject.into(),
            ..NewNotification::default()
        }
    }
}

/// A button of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationAction {
    pub label: String,
    pub link: String,
    /// `GET`, `POST`, `DELETE`, `PUT` or `WEB` (open in the browser).
    #[serde(rename = "type")]
    pub request_type: String,
    #[serde(default)]
    pub primary: bool,
}

/// A stored notification.
#[derive(Debug, Clone)]
pub(crate) struct Notification {
    pub id: i64,
    pub datetime: i64,
    pub icon: String,
    pub new: NewNotification,
}

/// Stores `new` for its user and returns the new id.
pub(crate) fn inject(shared: &Shared, inner: &mut Inner, new: NewNotification) -> i64 {
    let id = inner.next_notification_id;
    inner.next_notification_id += 1;
    let icon = new
        .icon
        .clone()
        .unwrap_or_else(|| default_icon(&shared.base_url, &new.app));
    let mut new = new;
    if new.object_id.is_empty() {
        new.object_id = format!("{:08x}", 0x6b07_6900 + id);
    }
    let datetime = inner.now();
    inner
        .push
        .send(&new.user, crate::push::PushMessage::Notification);
    inner.notifications.push(Notification {
        id,
        datetime,
        icon,
        new,
    });
    id
}

fn default_icon(base_url: &str, app: &str) -> String {
    match app {
        "admin_notifications" | "" => {
            format!("{base_url}/apps/notifications/img/notifications-dark.svg")
        }
        app => format!("{base_url}/apps/{app}/img/app-dark.svg"),
    }
}

/// `{}`/`null` → `[]`, as PHP encodes an empty array.
fn rich_parameters(value: &serde_json::Value) -> Node {
    match value {
        serde_json::Value::Object(map) if !map.is_empty() => Node::from(value),
        _ => empty(),
    }
}

/// The notification object in the server's field order.
pub(crate) fn to_node(n: &Notification, api: NotificationApi) -> Node {
    let new = &n.new;
    let mut fields: Vec<(&str, Node)> = vec![
        ("notification_id", n.id.into()),
        ("app", Node::from(&new.app)),
        ("user", Node::from(&new.user)),
        ("datetime", iso8601(n.datetime).into()),
        ("object_type", Node::from(&new.object_type)),
        ("object_id", Node::from(&new.object_id)),
        ("subject", Node::from(&new.subject)),
        ("message", Node::from(&new.message)),
        ("link", Node::from(&new.link)),
    ];
    if api == NotificationApi::V2 {
        fields.extend([
            ("subjectRich", Node::from(&new.subject_rich)),
            (
                "subjectRichParameters",
                rich_parameters(&new.subject_rich_parameters),
            ),
            ("messageRich", Node::from(&new.message_rich)),
            (
                "messageRichParameters",
                rich_parameters(&new.message_rich_parameters),
            ),
            ("icon", Node::from(&n.icon)),
            ("shouldNotify", new.should_notify.into()),
        ]);
    }
    let actions = new
        .actions
        .iter()
        .map(|a| {
            crate::json::obj([
                ("label", Node::from(&a.label)),
                ("link", Node::from(&a.link)),
                ("type", Node::from(&a.request_type)),
                ("primary", a.primary.into()),
            ])
        })
        .collect();
    fields.push(("actions", Node::List(actions)));
    Node::Map(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// The user's notifications, newest first.
pub(crate) fn of_user<'a>(
    inner: &'a Inner,
    uid: &'a str,
) -> impl Iterator<Item = &'a Notification> {
    inner
        .notifications
        .iter()
        .rev()
        .filter(move |n| n.new.user == uid)
}

pub(crate) fn list(inner: &mut Inner, ctx: &Ctx, api: NotificationApi) -> Reply {
    let uid = ctx.uid();
    let status = user_status::current_type(inner, uid).unwrap_or_else(|| NO_STATUS.to_owned());
    let shown: Vec<&Notification> = of_user(inner, uid).take(LIST_LIMIT).collect();
    let ids: Vec<String> = shown.iter().map(|n| n.id.to_string()).collect();
    let data = Node::List(shown.iter().map(|n| to_node(n, api)).collect());
    let reply = Reply::ok(data).header("X-Nextcloud-User-Status", status);
    match api {
        NotificationApi::V1 => reply,
        // json_encode of the id list, e.g. `[36,35,34]`.
        NotificationApi::V2 => reply.etag(md5_hex(format!("[{}]", ids.join(",")).as_bytes())),
    }
}

pub(crate) fn get(inner: &Inner, ctx: &Ctx, api: NotificationApi, id: i64) -> Reply {
    match of_user(inner, ctx.uid()).find(|n| n.id == id) {
        Some(n) => Reply::ok(to_node(n, api)),
        None => Reply::error(404, "").data(Node::Null),
    }
}

pub(crate) fn delete(inner: &mut Inner, ctx: &Ctx, id: i64) -> Reply {
    if id == 0 {
        return Reply::error(404, "").data(Node::Null);
    }
    let uid = ctx.uid();
    // Deleting what is already gone is fine (070).
    let before = inner.notifications.len();
    inner
        .notifications
        .retain(|n| !(n.id == id && n.new.user == uid));
    if inner.notifications.len() != before {
        // The user's other devices learn of it through notify_push.
        inner.push.send(uid, crate::push::PushMessage::Notification);
    }
    Reply::ok(empty())
}

pub(crate) fn delete_all(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid();
    let before = inner.notifications.len();
    inner.notifications.retain(|n| n.new.user != uid);
    if inner.notifications.len() != before {
        inner.push.send(uid, crate::push::PushMessage::Notification);
    }
    Reply::ok(empty())
}

pub(crate) fn exists(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let requested = ctx.params.get_all("ids");
    if requested.len() > EXISTS_LIMIT {
        return Reply::error(400, "");
    }
    let mut wanted: Vec<i64> = requested
        .iter()
        .filter_map(|id| id.trim().parse::<i64>().ok())
        .filter(|id| *id != 0)
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let uid = ctx.uid();
    let existing: Vec<i64> = wanted
        .into_iter()
        .filter(|id| of_user(inner, uid).any(|n| n.id == *id))
        .collect();
    Reply::ok(Node::from(existing))
}
