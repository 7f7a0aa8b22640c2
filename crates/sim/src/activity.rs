//! The activity app, API v2 (`/apps/activity/api/v2/activity[/{filter}]` and `…/filters`,
//! fixtures 163–179).
//!
//! Rows are stored per affected user with global ids that only grow, like the `oc_activity`
//! table. A list request works the way the app's `Data::get` and `APIv2Controller` do:
//! - `since` must be one of the caller's own rows (another user's → 403, 178); an unknown or
//!   missing `since` starts at the newest (or, with `sort=asc`, the oldest) row and says so in
//!   `X-Activity-First-Known` (163, 171).
//! - `limit` rows are read (default 50), then consecutive `files` rows are merged the way
//!   core's EventMerger does ("You changed {file3}, {file2} and {file1}", at most 5 files
//!   within 3 hours), so a page can show fewer entries than it read (163, 167, 169).
//! - `X-Activity-Last-Given` is the last row read; `Link: <…>; rel="next"` is sent whenever the
//!   page was full, so also on a last page that happens to be exactly full (179).
//! - The ETag is the md5 of the JSON answer, sent **unquoted**; `If-None-Match` with it → 304
//!   with the same headers (166). No rows → 304 with the ETag of `[]` only (168, 170).
//!
//! Deliberate simplification: rows are ordered by id only (the app orders by timestamp, then
//! id); the simulator's timestamps never go backwards, so both orders agree.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::capabilities::md5_hex;
use crate::files::FileNode;
use crate::json::{empty, obj, Node};
use crate::ocs::{Ctx, Reply};
use crate::params::encode;
use crate::state::{Inner, Shared};
use crate::time::iso8601;

/// The page size when the request gives none.
const DEFAULT_LIMIT: usize = 50;
/// Files rows this far apart (seconds) are not merged (EventMerger).
const MERGE_WINDOW: i64 = 3 * 60 * 60;
/// EventMerger merges at most this many files into one entry.
const MERGE_MAX: usize = 5;
/// The parameter files rows are merged on.
const MERGE_PARAMETER: &str = "file";

/// An activity to record with [`crate::Control::record_activity`] or `POST /_sim/activities`.
/// Only `affected_user`, `app`, `type` and `subject_rich` are needed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewActivity {
    /// Whose stream it appears in.
    pub affected_user: String,
    /// Who did it (the `user` field); empty for public-link or system actions.
    pub author: String,
    /// `files`, `files_sharing`, `spreed`, `dav`…
    pub app: String,
    /// `file_created`, `shared`, `spreed`, `calendar_event`…
    #[serde(rename = "type")]
    pub kind: String,
    /// The plain subject; empty → built from `subject_rich` (files by path, users as `@name`).
    pub subject: String,
    /// The subject with `{placeholders}`, e.g. `You created {file}`.
    pub subject_rich: String,
    /// Rich objects by placeholder (`{"type","id","name",…}`); `null`/`{}` → `[]`.
    pub subject_rich_parameters: serde_json::Value,
    pub message: String,
    pub message_rich: String,
    pub message_rich_parameters: serde_json::Value,
    /// Absolute URL, or a path below the simulator such as `/apps/files/img/add-color.svg`.
    pub icon: String,
    /// Absolute URL, or a path below the simulator; may be empty.
    pub link: String,
    pub object_type: String,
    pub object_id: i64,
    pub object_name: String,
}

impl Default for NewActivity {
    fn default() -> Self {
        NewActivity {
            affected_user: String::new(),
            author: String::new(),
            app: String::new(),
            kind: String::new(),
            subject: String::new(),
            subject_rich: String::new(),
            subject_rich_parameters: serde_json::Value::Null,
            message: String::new(),
            message_rich: String::new(),
            message_rich_parameters: serde_json::Value::Null,
            icon: String::new(),
            link: String::new(),
            object_type: String::new(),
            object_id: 0,
            object_name: String::new(),
        }
    }
}

impl NewActivity {
    pub fn new(
        affected_user: impl Into<String>,
        app: impl Into<String>,
        kind: impl Into<String>,
        subject_rich: impl Into<String>,
    ) -> Self {
        NewActivity {
            affected_user: affected_user.into(),
            app: app.into(),
            kind: kind.into(),
            subject_rich: subject_rich.into(),
            ..NewActivity::default()
        }
    }
}

/// One stored row (`oc_activity`).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub id: i64,
    pub timestamp: i64,
    pub affected: String,
    pub author: String,
    pub app: String,
    pub kind: String,
    /// Explicit plain subject, or empty to build it from the template.
    pub subject: String,
    pub template: String,
    pub params: Vec<(String, Node)>,
    pub message: String,
    pub message_template: String,
    pub message_params: Vec<(String, Node)>,
    pub icon: String,
    pub link: String,
    pub object_type: String,
    pub object_id: i64,
    pub object_name: String,
}

/// Every user's activities.
#[derive(Debug, Default)]
pub(crate) struct Activities {
    /// Ordered by id (ids only grow).
    rows: Vec<Row>,
    last_id: i64,
    /// Users who selected no activity types for their stream (the list answers 204).
    stream_off: HashSet<String>,
}

impl Activities {
    fn rows_of<'a>(&'a self, uid: &'a str) -> impl DoubleEndedIterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| r.affected == uid)
    }
}

// ------------------------------------------------------------------ recording

/// Stores `row` (its id and, when 0, its timestamp are filled in) and tells the user's push
/// sockets. Returns the new id.
pub(crate) fn store(inner: &mut Inner, mut row: Row) -> i64 {
    inner.activities.last_id += 1;
    row.id = inner.activities.last_id;
    let now = inner.now();
    // Timestamps never go backwards, so id order and time order agree.
    let floor = inner.activities.rows.last().map_or(0, |r| r.timestamp);
    row.timestamp = if row.timestamp == 0 {
        now
    } else {
        row.timestamp
    }
    .max(floor);
    inner
        .push
        .send(&row.affected, crate::push::PushMessage::Activity);
    let id = row.id;
    inner.activities.rows.push(row);
    id
}

/// `path` below the simulator, unless it is empty or already absolute.
fn absolute(base_url: &str, path: &str) -> String {
    if path.is_empty() || path.contains("://") {
        path.to_owned()
    } else {
        format!("{base_url}/{}", path.trim_start_matches('/'))
    }
}

fn params_of(value: &serde_json::Value) -> Vec<(String, Node)> {
    match Node::from(value) {
        Node::Map(entries) => entries,
        _ => Vec::new(),
    }
}

pub(crate) fn record_new(shared: &Shared, inner: &mut Inner, new: NewActivity) -> i64 {
    let base = &shared.base_url;
    let row = Row {
        id: 0,
        timestamp: 0,
        affected: new.affected_user,
        author: new.author,
        app: new.app,
        kind: new.kind,
        subject: new.subject,
        template: new.subject_rich,
        params: params_of(&new.subject_rich_parameters),
        message: new.message,
        message_template: new.message_rich,
        message_params: params_of(&new.message_rich_parameters),
        icon: absolute(base, &new.icon),
        link: absolute(base, &new.link),
        object_type: new.object_type,
        object_id: new.object_id,
        object_name: new.object_name,
    };
    store(inner, row)
}

/// A rich `file` parameter as the files and sharing apps write it.
pub(crate) fn file_parameter(base_url: &str, id: i64, path: &str) -> Node {
    let path = path.trim_start_matches('/');
    let name = path.rsplit('/').next().unwrap_or_default();
    obj([
        ("type", "file".into()),
        ("id", id.to_string().into()),
        ("name", name.into()),
        ("path", path.into()),
        ("link", format!("{base_url}/index.php/f/{id}").into()),
    ])
}

pub(crate) fn user_parameter(inner: &Inner, uid: &str) -> Node {
    let name = inner
        .user(uid)
        .map_or_else(|| uid.to_owned(), |u| u.display_name.clone());
    obj([
        ("type", "user".into()),
        ("id", uid.into()),
        ("name", name.into()),
    ])
}

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileChange {
    Created,
    Changed,
    Deleted,
}

/// The files app's row for a change `author` made to `node` (in its owner's stream).
pub(crate) fn file_row(
    base_url: &str,
    inner: &Inner,
    author: &str,
    change: FileChange,
    node: &FileNode,
) -> Row {
    let by_self = author == node.owner;
    let (kind, verb, icon) = match change {
        FileChange::Created => ("file_created", "created", "apps/files/img/add-color.svg"),
        FileChange::Changed => ("file_changed", "changed", "apps/files/img/change.svg"),
        FileChange::Deleted => ("file_deleted", "deleted", "apps/files/img/delete-color.svg"),
    };
    let mut params = vec![(
        MERGE_PARAMETER.to_owned(),
        file_parameter(base_url, node.id, &node.path),
    )];
    let template = if by_self {
        format!("You {verb} {{file}}")
    } else {
        params.push(("user".to_owned(), user_parameter(inner, author)));
        format!("{{user}} {verb} {{file}}")
    };
    Row {
        id: 0,
        timestamp: 0,
        affected: node.owner.clone(),
        author: author.to_owned(),
        app: "files".to_owned(),
        kind: kind.to_owned(),
        subject: String::new(),
        template,
        params,
        message: String::new(),
        message_template: String::new(),
        message_params: Vec::new(),
        icon: format!("{base_url}/{icon}"),
        link: format!("{base_url}/index.php/apps/files/?dir={}", node.dir()),
        object_type: "files".to_owned(),
        object_id: node.id,
        object_name: node.path.clone(),
    }
}

/// The files_sharing rows for a user share of `node` with `recipient` (`removed`: the share
/// was deleted), one in each stream.
pub(crate) fn share_rows(
    base_url: &str,
    inner: &Inner,
    node: &FileNode,
    recipient: &str,
    removed: bool,
) -> [Row; 2] {
    let owner = node.owner.as_str();
    let file = || {
        (
            "file".to_owned(),
            file_parameter(base_url, node.id, node.name()),
        )
    };
    let row = |affected: &str, template: &str, other: (String, Node)| Row {
        id: 0,
        timestamp: 0,
        affected: affected.to_owned(),
        author: owner.to_owned(),
        app: "files_sharing".to_owned(),
        kind: "shared".to_owned(),
        subject: String::new(),
        template: template.to_owned(),
        params: vec![file(), other],
        message: String::new(),
        message_template: String::new(),
        message_params: Vec::new(),
        icon: format!("{base_url}/core/img/actions/share.svg"),
        link: format!("{base_url}/index.php/apps/files/?dir={}", node.dir()),
        object_type: "files".to_owned(),
        object_id: node.id,
        object_name: format!("/{}", node.name()),
    };
    let (for_owner, for_recipient) = if removed {
        (
            "You removed {user} from {file}",
            "{actor} removed you from the share named {file}",
        )
    } else {
        (
            "You shared {file} with {user}",
            "{actor} shared {file} with you",
        )
    };
    [
        row(
            owner,
            for_owner,
            ("user".to_owned(), user_parameter(inner, recipient)),
        ),
        row(
            recipient,
            for_recipient,
            ("actor".to_owned(), user_parameter(inner, owner)),
        ),
    ]
}

/// `uid` set their status type to `status` (`PUT user_status/status`). The real server records
/// no activity for this; the simulator does, so the tray's activity view has status events
/// to show (see [`crate::Control::record_activity`]).
pub(crate) fn status_changed(inner: &mut Inner, uid: &str, status: &str) {
    let row = Row {
        id: 0,
        timestamp: 0,
        affected: uid.to_owned(),
        author: uid.to_owned(),
        app: "user_status".to_owned(),
        kind: "user_status".to_owned(),
        subject: format!("You changed your status to {status}"),
        template: format!("You changed your status to {status}"),
        params: Vec::new(),
        message: String::new(),
        message_template: String::new(),
        message_params: Vec::new(),
        icon: "apps/user_status/img/app-dark.svg".to_owned(),
        link: String::new(),
        object_type: "user_status".to_owned(),
        object_id: 0,
        object_name: String::new(),
    };
    store(inner, row);
}

// ------------------------------------------------------------------ bulk seeding

/// `n` believable rows for `uid`, cheap to make (benchmarks seed hundreds of thousands).
/// Returns the first and last new id (`None` for `n == 0`).
pub(crate) fn seed(base_url: &str, inner: &mut Inner, uid: &str, n: usize) -> Option<(i64, i64)> {
    if n == 0 {
        return None;
    }
    let now = inner.now();
    let start = now
        - i64::try_from(n)
            .unwrap_or(i64::MAX / 120)
            .saturating_mul(60);
    let other = inner
        .users
        .iter()
        .map(|u| u.id.clone())
        .find(|id| id != uid)
        .unwrap_or_else(|| "admin".to_owned());
    let mut first = None;
    let mut last = 0;
    for i in 0..n {
        let file_id = 1_000_000 + i64::try_from(i % 97).unwrap_or(0);
        let name = format!("Documents/report-{}.odt", i % 97);
        let node = FileNode {
            id: file_id,
            owner: uid.to_owned(),
            path: format!("/{name}"),
            is_dir: false,
            content: None,
            size: 0,
            mtime: now,
            etag: String::new(),
        };
        let mut row = match i % 6 {
            0 | 1 => file_row(base_url, inner, uid, FileChange::Created, &node),
            2 => file_row(base_url, inner, uid, FileChange::Changed, &node),
            3 => file_row(base_url, inner, &other, FileChange::Changed, &node),
            4 => {
                let [for_owner, _] = share_rows(base_url, inner, &node, &other, false);
                for_owner
            }
            _ => Row {
                app: "spreed".to_owned(),
                kind: "spreed".to_owned(),
                subject: "You attended a call with 0 guests (Duration 0:05)".to_owned(),
                template: "You attended a call with 0 guests (Duration 0:05)".to_owned(),
                params: Vec::new(),
                icon: format!("{base_url}/apps/spreed/img/app-dark.svg"),
                link: String::new(),
                object_type: "room".to_owned(),
                object_id: 1 + i64::try_from(i % 7).unwrap_or(0),
                object_name: String::new(),
                ..file_row(base_url, inner, uid, FileChange::Changed, &node)
            },
        };
        row.timestamp = start + i64::try_from(i).unwrap_or(0) * 60;
        let id = store(inner, row);
        first.get_or_insert(id);
        last = id;
    }
    first.map(|first| (first, last))
}

// ------------------------------------------------------------------ the API

/// The filters of fixture 172: `(id, name, icon path, priority)`.
const FILTERS: [(&str, &str, &str, i64); 12] = [
    (
        "all",
        "All activities",
        "apps/activity/img/activity-dark.svg",
        0,
    ),
    ("self", "By you", "core/img/actions/user.svg", 1),
    ("by", "By others", "core/img/places/contacts.svg", 2),
    ("circles", "Teams", "apps/circles/img/circles-dark.svg", 10),
    (
        "files_favorites",
        "Favorites",
        "core/img/actions/star-dark.svg",
        10,
    ),
    ("files", "File changes", "core/img/places/files.svg", 30),
    ("security", "Security", "core/img/actions/password.svg", 30),
    (
        "files_sharing",
        "File shares",
        "core/img/actions/share.svg",
        31,
    ),
    ("calendar", "Calendar", "core/img/places/calendar.svg", 40),
    (
        "calendar_todo",
        "Tasks",
        "core/img/actions/checkmark.svg",
        40,
    ),
    ("comments", "Comments", "core/img/actions/comment.svg", 40),
    ("contacts", "Contacts", "core/img/places/contacts.svg", 40),
];

/// `GET …/activity/filters` (172).
pub(crate) fn filters(shared: &Shared) -> Reply {
    let list = FILTERS
        .iter()
        .map(|(id, name, icon, priority)| {
            obj([
                ("id", (*id).into()),
                ("name", (*name).into()),
                ("icon", format!("{}/{icon}", shared.base_url).into()),
                ("priority", (*priority).into()),
            ])
        })
        .collect();
    Reply::ok(Node::List(list))
}

/// Whether `row` passes the filter `filter` for `uid` (`filter` is known).
fn passes(filter: &str, row: &Row, uid: &str) -> bool {
    match filter {
        "all" | "filter" => true,
        "self" => row.author == uid,
        "by" => row.author != uid,
        "files" => row.app == "files",
        "files_sharing" => row.app == "files_sharing",
        "calendar" => matches!(row.kind.as_str(), "calendar" | "calendar_event"),
        "calendar_todo" => row.kind == "calendar_todo",
        "comments" => row.kind == "comments",
        "contacts" => row.kind == "contacts",
        "security" => row.kind == "security",
        "circles" => row.app == "circles",
        // The simulator has no favourites.
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Asc,
    Desc,
}

/// `GET …/activity` (`filter: None`) and `…/activity/{filter}`.
pub(crate) fn list(shared: &Shared, inner: &mut Inner, ctx: &Ctx, filter: Option<&str>) -> Reply {
    let uid = ctx.uid().to_owned();
    let filter = filter.unwrap_or("all");
    if filter != "filter" && !FILTERS.iter().any(|(id, ..)| *id == filter) {
        return Reply::error(404, "");
    }
    if inner.activities.stream_off.contains(&uid) {
        return Reply::error(204, "").data(empty());
    }
    let param_int = |name: &str| {
        ctx.params
            .get(name)
            .and_then(|v| v.trim().parse::<i64>().ok())
            .unwrap_or(0)
    };
    let since = param_int("since");
    let limit = usize::try_from(param_int("limit"))
        .ok()
        .filter(|l| *l > 0)
        .unwrap_or(DEFAULT_LIMIT);
    let sort = match ctx.params.get("sort") {
        Some("asc") => Sort::Asc,
        _ => Sort::Desc,
    };
    let previews = matches!(ctx.params.get("previews"), Some("true" | "1" | "yes"));
    // Only together (APIv2Controller::validateParameters).
    let (object_type, object_id) = match (ctx.params.get("object_type"), param_int("object_id")) {
        (Some(kind), id) if !kind.is_empty() && id != 0 => (kind.to_owned(), id),
        _ => (String::new(), 0),
    };

    let store = &inner.activities;
    let mut headers: Vec<(&'static str, String)> = Vec::new();
    // The rows after `since` in the requested order.
    let mut bound: Option<i64> = None;
    if since > 0 {
        match store.rows.binary_search_by_key(&since, |r| r.id) {
            Ok(at) if store.rows[at].affected != uid => return Reply::error(403, ""),
            Ok(_) => bound = Some(since),
            Err(_) => {}
        }
    }
    if bound.is_none() {
        let first = match sort {
            Sort::Desc => store.rows_of(&uid).next_back(),
            Sort::Asc => store.rows_of(&uid).next(),
        };
        if let Some(first) = first {
            headers.push(("X-Activity-First-Known", first.id.to_string()));
        }
    }
    let wanted = |r: &&Row| {
        passes(filter, r, &uid)
            && (object_id == 0 || (r.object_type == object_type && r.object_id == object_id))
            && !(filter == "filter" && object_id == 0)
    };
    let read: Vec<&Row> = match sort {
        Sort::Desc => {
            let end = bound.map_or(store.rows.len(), |b| {
                store.rows.partition_point(|r| r.id < b)
            });
            store.rows[..end]
                .iter()
                .rev()
                .filter(|r| r.affected == uid)
                .filter(wanted)
                .take(limit)
                .collect()
        }
        Sort::Asc => {
            let start = bound.map_or(0, |b| store.rows.partition_point(|r| r.id <= b));
            store.rows[start..]
                .iter()
                .filter(|r| r.affected == uid)
                .filter(wanted)
                .take(limit)
                .collect()
        }
    };

    if let Some(last) = read.last() {
        headers.push(("X-Activity-Last-Given", last.id.to_string()));
        if read.len() == limit {
            let mut query = format!(
                "since={}&limit={limit}&sort={}",
                last.id,
                if sort == Sort::Asc { "asc" } else { "desc" }
            );
            if object_id != 0 {
                query.push_str(&format!(
                    "&object_type={}&object_id={object_id}",
                    encode(&object_type)
                ));
            }
            if previews {
                query.push_str("&previews=true");
            }
            headers.push((
                "Link",
                format!("<{}{}?{query}>; rel=\"next\"", shared.base_url, ctx.path),
            ));
        }
    }
    let events = merge(&read);
    let data = Node::List(
        events
            .iter()
            .map(|e| to_node(&shared.base_url, inner, e, previews))
            .collect(),
    );
    let etag = md5_hex(data.to_json().as_bytes());
    headers.push(("ETag", etag.clone()));

    let not_modified = read.is_empty()
        || ctx
            .headers
            .get(axum::http::header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            == Some(etag.as_str());
    // On OCS v1 the envelope turns the 304 into HTTP 200 with statuscode 304, like any status.
    let mut reply = if not_modified {
        Reply::error(304, "").data(empty())
    } else {
        Reply::ok(data)
    };
    for (name, value) in headers {
        reply = reply.header(name, value);
    }
    reply
}

// ------------------------------------------------------------------ merging

/// One entry of the answer: a row, or several merged `files` rows.
#[derive(Debug, Clone)]
struct Event<'a> {
    /// The row whose id and object the entry shows (the last one merged in).
    row: &'a Row,
    timestamp: i64,
    /// The `file` parameters, newest-merged first (file1 = the first of them).
    files: Vec<Node>,
    /// `(object id, object name)`, oldest-merged first.
    objects: Vec<(i64, String)>,
    merged: bool,
}

impl<'a> Event<'a> {
    fn of(row: &'a Row) -> Event<'a> {
        let files = row
            .params
            .iter()
            .filter(|(k, _)| k == MERGE_PARAMETER)
            .map(|(_, v)| v.clone())
            .collect();
        Event {
            row,
            timestamp: row.timestamp,
            files,
            objects: vec![(row.object_id, row.object_name.clone())],
            merged: false,
        }
    }

    fn others(&self) -> impl Iterator<Item = &(String, Node)> {
        self.row.params.iter().filter(|(k, _)| k != MERGE_PARAMETER)
    }
}

fn file_id(node: &Node) -> Option<&Node> {
    match node {
        Node::Map(entries) => entries.iter().find(|(k, _)| k == "id").map(|(_, v)| v),
        _ => None,
    }
}

/// core's EventMerger applied the way the activity app's GroupHelper does: each row is tried
/// against the entry before it.
fn merge<'a>(rows: &[&'a Row]) -> Vec<Event<'a>> {
    let mut events: Vec<Event<'a>> = Vec::new();
    for row in rows {
        let event = Event::of(row);
        if let Some(previous) = events.last() {
            if let Some(merged) = try_merge(previous, event.clone()) {
                *events.last_mut().expect("there is a previous entry") = merged;
                continue;
            }
        }
        events.push(event);
    }
    events
}

fn try_merge<'a>(previous: &Event<'a>, event: Event<'a>) -> Option<Event<'a>> {
    let (a, b) = (previous.row, event.row);
    let mergeable = a.app == "files"
        && b.app == "files"
        && a.kind == b.kind
        && a.author == b.author
        && a.object_type == b.object_type
        && a.template == b.template
        && (a.timestamp - b.timestamp).abs() <= MERGE_WINDOW
        && !event.files.is_empty()
        && !previous.files.is_empty()
        && previous.others().eq(event.others());
    if !mergeable {
        return None;
    }
    let mut files = event.files.clone();
    for file in &previous.files {
        if !files.iter().any(|f| file_id(f) == file_id(file)) {
            files.push(file.clone());
        }
    }
    if files.len() > MERGE_MAX {
        return None;
    }
    let mut objects = previous.objects.clone();
    for object in &event.objects {
        if !objects.iter().any(|(id, _)| *id == object.0) {
            objects.push(object.clone());
        }
    }
    Some(Event {
        row: b,
        timestamp: previous.timestamp.max(b.timestamp),
        files,
        objects,
        merged: true,
    })
}

/// `{file}` → `{file1}`, `{file2} and {file1}`, … (EventMerger::getExtendedSubject).
fn extended(count: usize) -> String {
    let names: Vec<String> = (1..=count).rev().map(|i| format!("{{file{i}}}")).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The plain text of a rich template: files by their path, users as `@name`, the rest by name.
fn plain(template: &str, params: &[(String, Node)]) -> String {
    let mut text = template.to_owned();
    for (key, value) in params {
        let field = |name: &str| match value {
            Node::Map(entries) => {
                entries
                    .iter()
                    .find(|(k, _)| k == name)
                    .and_then(|(_, v)| match v {
                        Node::String(s) => Some(s.clone()),
                        Node::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
            }
            _ => None,
        };
        let shown = match field("type").as_deref() {
            Some("file") => field("path").map(|p| p.trim_matches('/').to_owned()),
            Some("user") => field("name").map(|n| format!("@{n}")),
            _ => field("name"),
        }
        .or_else(|| field("id"))
        .unwrap_or_default();
        text = text.replace(&format!("{{{key}}}"), &shown);
    }
    text
}

fn rich(template: &str, params: Vec<(String, Node)>) -> Node {
    let params = if params.is_empty() {
        empty()
    } else {
        Node::Map(params)
    };
    Node::List(vec![template.into(), params])
}

fn to_node(base_url: &str, inner: &Inner, event: &Event<'_>, previews: bool) -> Node {
    let row = event.row;
    let (template, params) = if event.merged {
        let template = row.template.replace(
            &format!("{{{MERGE_PARAMETER}}}"),
            &extended(event.files.len()),
        );
        let mut params: Vec<(String, Node)> = event
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("{MERGE_PARAMETER}{}", i + 1), f.clone()))
            .collect();
        params.extend(event.others().cloned());
        (template, params)
    } else {
        (row.template.clone(), row.params.clone())
    };
    let subject = if row.subject.is_empty() || event.merged {
        plain(&template, &params)
    } else {
        row.subject.clone()
    };
    let objects = Node::Map(
        event
            .objects
            .iter()
            .map(|(id, name)| (id.to_string(), Node::from(name)))
            .collect(),
    );
    let mut fields: Vec<(&str, Node)> = vec![
        ("activity_id", row.id.into()),
        ("app", Node::from(&row.app)),
        ("type", Node::from(&row.kind)),
        ("user", Node::from(&row.author)),
        ("subject", subject.into()),
        ("subject_rich", rich(&template, params)),
        ("message", Node::from(&row.message)),
        (
            "message_rich",
            rich(&row.message_template, row.message_params.clone()),
        ),
        ("object_type", Node::from(&row.object_type)),
        ("object_id", row.object_id.into()),
        ("object_name", Node::from(&row.object_name)),
        ("objects", objects),
        ("link", absolute(base_url, &row.link).into()),
        ("icon", absolute(base_url, &row.icon).into()),
        ("datetime", iso8601(event.timestamp).into()),
    ];
    if previews {
        let list = if row.object_type == "files" {
            event
                .objects
                .iter()
                .filter(|(id, name)| *id != 0 && !name.is_empty())
                .map(|(id, name)| preview(base_url, inner, &row.affected, *id, name))
                .collect()
        } else {
            Vec::new()
        };
        fields.push(("previews", Node::List(list)));
    }
    Node::Map(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A preview element (seed: source, link, mimeType, fileId, view, isMimeTypeIcon).
fn preview(base_url: &str, inner: &Inner, owner: &str, id: i64, name: &str) -> Node {
    let node = inner.files.by_id(id).filter(|n| n.owner == owner);
    let (mime, view, has_preview) = match node {
        Some(node) => {
            let mime = node.mime();
            let previewable = mime.starts_with("image/") || mime.starts_with("text/");
            (mime, "files", previewable && !node.is_dir)
        }
        None => (crate::files::mime_of(name), "trashbin", false),
    };
    let source = if has_preview {
        format!("{base_url}/index.php/core/preview?fileId={id}&x=250&y=250&a=true")
    } else {
        let icon = match mime {
            "httpd/unix-directory" => "folder",
            m if m.starts_with("image/") => "image",
            m if m.starts_with("text/") => "text",
            m if m.starts_with("video/") => "video",
            _ => "file",
        };
        format!("{base_url}/core/img/filetypes/{icon}.svg")
    };
    let dir = match name.rfind('/') {
        Some(0) | None => "/",
        Some(at) => &name[..at],
    };
    let file_name = name.rsplit('/').next().unwrap_or_default();
    obj([
        (
            "link",
            format!(
                "{base_url}/index.php/apps/files/?dir={}&scrollto={}",
                encode(dir).replace("%2F", "/"),
                encode(file_name)
            )
            .into(),
        ),
        ("source", source.into()),
        ("mimeType", mime.into()),
        ("view", view.into()),
        ("fileId", id.into()),
        ("isMimeTypeIcon", (!has_preview).into()),
    ])
}

// ------------------------------------------------------------------ Control

impl crate::Control {
    /// Records an activity in `affected_user`'s stream (dated now) and returns its id; tells
    /// their notify_push sockets. Other parts of the simulator (Talk, user_status) call this
    /// for their events. The user need not exist.
    ///
    /// The simulator records activities on its own when a file is written or deleted through
    /// WebDAV or [`crate::Control::write_file`], when a share is created or deleted, and when
    /// a user's status type changes (the real server records no status activities: that one
    /// is an addition for the tray's activity view).
    pub fn record_activity(&self, activity: NewActivity) -> i64 {
        let mut inner = self.shared.lock();
        record_new(&self.shared, &mut inner, activity)
    }

    /// Bulk-creates `n` realistic activities for `user` (file creations and changes, some by
    /// another user, shares, Talk calls; one minute apart, the last one now), fast enough for
    /// benchmarks. Returns the first and last new id, `None` when `n` is 0.
    pub fn seed_activities(&self, user: &str, n: usize) -> Option<(i64, i64)> {
        let mut inner = self.shared.lock();
        seed(&self.shared.base_url, &mut inner, user, n)
    }

    /// How many activity rows `user`'s stream holds (before merging).
    pub fn activity_count(&self, user: &str) -> usize {
        self.shared.lock().activities.rows_of(user).count()
    }

    /// The id of the newest activity row of `user`.
    pub fn last_activity_id(&self, user: &str) -> Option<i64> {
        self.shared
            .lock()
            .activities
            .rows_of(user)
            .next_back()
            .map(|r| r.id)
    }

    /// Forgets every activity of every user (ids keep growing). For tests that need an exact
    /// stream, such as the fixture replay.
    pub fn clear_activities(&self) {
        self.shared.lock().activities.rows.clear();
    }

    /// `false`: `user` has selected no activity types for the stream, so the list answers 204.
    pub fn set_activity_stream(&self, user: &str, enabled: bool) {
        let mut inner = self.shared.lock();
        if enabled {
            inner.activities.stream_off.remove(user);
        } else {
            inner.activities.stream_off.insert(user.to_owned());
        }
    }
}

// ------------------------------------------------------------------ /_sim/ routes

pub(crate) fn control_routes() -> axum::Router<std::sync::Arc<Shared>> {
    use axum::extract::{Path, State};
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    use axum::routing::{post, put};
    use axum::Json;
    use serde_json::json;
    use std::sync::Arc;

    #[derive(Deserialize)]
    struct SeedBody {
        count: usize,
    }
    #[derive(Deserialize)]
    struct StreamBody {
        enabled: bool,
    }

    async fn record(
        State(shared): State<Arc<Shared>>,
        Json(activity): Json<NewActivity>,
    ) -> axum::response::Response {
        if activity.affected_user.is_empty() || activity.app.is_empty() {
            let body = json!({ "error": "affected_user and app are required" });
            return (StatusCode::BAD_REQUEST, Json(body)).into_response();
        }
        let id = crate::Control::new(shared).record_activity(activity);
        (StatusCode::CREATED, Json(json!({ "activity_id": id }))).into_response()
    }
    async fn seed_many(
        State(shared): State<Arc<Shared>>,
        Path(user): Path<String>,
        Json(body): Json<SeedBody>,
    ) -> axum::response::Response {
        let ids = crate::Control::new(shared).seed_activities(&user, body.count);
        let (first, last) = ids.map_or((None, None), |(f, l)| (Some(f), Some(l)));
        (
            StatusCode::CREATED,
            Json(json!({ "first": first, "last": last })),
        )
            .into_response()
    }
    async fn stream(
        State(shared): State<Arc<Shared>>,
        Path(user): Path<String>,
        Json(body): Json<StreamBody>,
    ) -> StatusCode {
        crate::Control::new(shared).set_activity_stream(&user, body.enabled);
        StatusCode::NO_CONTENT
    }

    axum::Router::new()
        .route("/activities", post(record))
        .route("/users/{user}/activities/seed", post(seed_many))
        .route("/users/{user}/activity-stream", put(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, ts: i64, kind: &str, file: i64, path: &str) -> Row {
        let base = "http://x";
        let node = FileNode {
            id: file,
            owner: "admin".into(),
            path: path.into(),
            is_dir: false,
            content: None,
            size: 0,
            mtime: 0,
            etag: String::new(),
        };
        let change = if kind == "file_created" {
            FileChange::Created
        } else {
            FileChange::Changed
        };
        let inner = Inner::new(crate::state::fixture_users(0));
        Row {
            id,
            timestamp: ts,
            ..file_row(base, &inner, "admin", change, &node)
        }
    }

    fn keys(node: &Node) -> Vec<String> {
        match node {
            Node::Map(entries) => entries.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn consecutive_file_changes_merge_like_the_server() {
        // Fixture 163: rows 113, 112, 111 changed fixture-3, -2, -1 → one entry, id 111.
        let rows = [
            row(113, 100, "file_changed", 189, "/fixture-3.txt"),
            row(112, 99, "file_changed", 188, "/fixture-2.txt"),
            row(111, 98, "file_changed", 187, "/fixture-1.txt"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let events = merge(&refs);
        assert_eq!(events.len(), 1);
        let inner = Inner::new(crate::state::fixture_users(0));
        let node = to_node("http://x", &inner, &events[0], false);
        let json = serde_json::Value::from(&node);
        assert_eq!(json["activity_id"], 111);
        assert_eq!(json["object_id"], 187);
        assert_eq!(
            json["subject_rich"][0],
            "You changed {file3}, {file2} and {file1}"
        );
        assert_eq!(json["subject_rich"][1]["file1"]["id"], "187");
        assert_eq!(json["subject_rich"][1]["file3"]["id"], "189");
        assert_eq!(
            json["subject"],
            "You changed fixture-3.txt, fixture-2.txt and fixture-1.txt"
        );
        let Node::Map(fields) = &node else { panic!() };
        let objects = &fields.iter().find(|(k, _)| k == "objects").unwrap().1;
        assert_eq!(keys(objects), ["189", "188", "187"]);
    }

    #[test]
    fn the_same_file_merges_into_file1_and_a_single_row_keeps_file() {
        // Fixture 176: three changes of one file → "{file1}"; one creation → "{file}".
        let rows = [
            row(111, 100, "file_changed", 187, "/fixture-1.txt"),
            row(100, 90, "file_changed", 187, "/fixture-1.txt"),
            row(89, 80, "file_changed", 187, "/fixture-1.txt"),
            row(79, 70, "file_created", 187, "/fixture-1.txt"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let events = merge(&refs);
        let inner = Inner::new(crate::state::fixture_users(0));
        let json: Vec<serde_json::Value> = events
            .iter()
            .map(|e| serde_json::Value::from(&to_node("http://x", &inner, e, false)))
            .collect();
        assert_eq!(json.len(), 2);
        assert_eq!(json[0]["activity_id"], 89);
        assert_eq!(json[0]["subject_rich"][0], "You changed {file1}");
        assert_eq!(json[1]["subject_rich"][0], "You created {file}");
        assert_eq!(json[1]["subject"], "You created fixture-1.txt");
    }

    #[test]
    fn at_most_five_files_and_three_hours_merge() {
        let rows: Vec<Row> = (0..7)
            .map(|i| {
                row(
                    100 - i,
                    1000 - i,
                    "file_created",
                    10 + i,
                    &format!("/f{i}.txt"),
                )
            })
            .collect();
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(merge(&refs).len(), 2);
        let far = [
            row(2, 20_000, "file_created", 1, "/a"),
            row(1, 20_000 - MERGE_WINDOW - 1, "file_created", 2, "/b"),
        ];
        let refs: Vec<&Row> = far.iter().collect();
        assert_eq!(merge(&refs).len(), 2);
        assert_eq!(extended(2), "{file2} and {file1}");
        assert_eq!(
            extended(5),
            "{file5}, {file4}, {file3}, {file2} and {file1}"
        );
    }
}
