//! The user_status app (`/apps/user_status/api/v1/…`, fixtures 017–061 and 144–154).
//!
//! The rules follow the server's StatusService:
//! - Reads "process" a row first: a status older than 15 minutes that is not user-defined (or is
//!   a user-defined `online`) becomes `offline`; a passed `clearAt` clears the message and sets
//!   `offline`; a predefined message id is resolved to its text and icon for the answer only.
//! - Writes answer with the stored row, so `PUT message/predefined` says `message: null` (032).
//! - Backups are rows named `_<uid>`; a Talk call (here [`start_call`]) moves the current row
//!   there. `PUT status` and `PUT message/*` drop the backup; `DELETE message` keeps it, as the
//!   server does.

use crate::emoji::is_single_emoji;
use crate::json::{empty, obj, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, StatusRow};

/// Seconds after which a status counts as stale (StatusService::INVALIDATE_STATUS_THRESHOLD).
const INVALIDATE_STATUS_THRESHOLD: i64 = 15 * 60;
/// Longest custom message, counted in characters (042/043).
const MAXIMUM_MESSAGE_LENGTH: usize = 80;
/// What `PUT status` accepts, most important first (the order decides heartbeats).
const PRIORITY_ORDERED_STATUSES: [&str; 6] =
    ["online", "away", "dnd", "busy", "invisible", "offline"];
/// User-defined statuses a heartbeat must not touch (059).
const PERSISTENT_STATUSES: [&str; 4] = ["away", "busy", "dnd", "invisible"];
const CALL_MESSAGE_ID: &str = "call";

enum ClearAt {
    Never,
    Period(i64),
    EndOf(&'static str),
}

struct Predefined {
    id: &'static str,
    icon: &'static str,
    message: &'static str,
    clear_at: ClearAt,
    /// `call` and `out-of-office` are valid ids but not offered (031).
    visible: bool,
}

const PREDEFINED: [Predefined; 8] = [
    Predefined {
        id: "meeting",
        icon: "📅",
        message: "In a meeting",
        clear_at: ClearAt::Period(3600),
        visible: true,
    },
    Predefined {
        id: "commuting",
        icon: "🚌",
        message: "Commuting",
        clear_at: ClearAt::Period(1800),
        visible: true,
    },
    Predefined {
        id: "be-right-back",
        icon: "⏳",
        message: "Be right back",
        clear_at: ClearAt::Period(900),
        visible: true,
    },
    Predefined {
        id: "remote-work",
        icon: "🏡",
        message: "Working remotely",
        clear_at: ClearAt::EndOf("day"),
        visible: true,
    },
    Predefined {
        id: "sick-leave",
        icon: "🤒",
        message: "Out sick",
        clear_at: ClearAt::EndOf("day"),
        visible: true,
    },
    Predefined {
        id: "vacationing",
        icon: "🌴",
        message: "Vacationing",
        clear_at: ClearAt::Never,
        visible: true,
    },
    Predefined {
        id: CALL_MESSAGE_ID,
        icon: "💬",
        message: "In a call",
        clear_at: ClearAt::Never,
        visible: false,
    },
    Predefined {
        id: "out-of-office",
        icon: "🛑",
        message: "Out of office",
        clear_at: ClearAt::Never,
        visible: false,
    },
];

fn predefined(id: &str) -> Option<&'static Predefined> {
    PREDEFINED.iter().find(|p| p.id == id)
}

// ---------------------------------------------------------------- row logic

/// The server's `processStatus`: applies expiry to the stored row.
fn expire(row: &mut StatusRow, now: i64) {
    let clear_at = row.clear_at;
    if row.status_timestamp < now - INVALIDATE_STATUS_THRESHOLD
        && (!row.is_user_defined || row.status == "online")
    {
        clean_status(row, now);
    }
    if clear_at.is_some_and(|at| at < now) {
        clean_status(row, now);
        row.message_id = None;
        row.custom_icon = None;
        row.custom_message = None;
        row.clear_at = None;
    }
}

fn clean_status(row: &mut StatusRow, now: i64) {
    if row.status == "offline" && !row.is_user_defined {
        return;
    }
    row.status = "offline".to_owned();
    row.status_timestamp = now;
    row.is_user_defined = false;
}

/// The row as reads show it: a predefined message id filled in with its text and icon.
fn resolved(row: &StatusRow) -> StatusRow {
    let mut row = row.clone();
    if let Some(p) = row.message_id.as_deref().and_then(predefined) {
        if row.custom_message.as_deref().unwrap_or_default().is_empty() {
            row.custom_message = Some(p.message.to_owned());
        }
        if row.custom_icon.as_deref().unwrap_or_default().is_empty() {
            row.custom_icon = Some(p.icon.to_owned());
        }
    }
    row
}

/// Looks a row up (exact `user_id`, so `_admin` finds a backup), expires it, resolves it.
fn find(inner: &mut Inner, user_id: &str) -> Option<StatusRow> {
    let now = inner.now();
    let index = inner.status_index(user_id)?;
    let row = &mut inner.statuses[index];
    expire(row, now);
    Some(resolved(row))
}

/// Stores `row` in place of the user's current row, or appends it as a new row.
fn save(inner: &mut Inner, row: StatusRow) {
    match inner.status_index(&row.user_id) {
        Some(index) => inner.statuses[index] = row,
        None => inner.statuses.push(row),
    }
}

fn remove_backup(inner: &mut Inner, uid: &str) {
    let backup = format!("_{uid}");
    inner.statuses.retain(|r| r.user_id != backup);
}

fn stored(inner: &Inner, uid: &str) -> Option<StatusRow> {
    inner
        .status_index(uid)
        .map(|index| inner.statuses[index].clone())
}

/// The own-status object (`UserStatusPrivate`).
fn private(row: &StatusRow) -> Node {
    obj([
        ("userId", Node::from(&row.user_id)),
        ("message", row.custom_message.as_deref().into()),
        ("messageId", row.message_id.as_deref().into()),
        ("messageIsPredefined", row.message_id.is_some().into()),
        ("icon", row.custom_icon.as_deref().into()),
        ("clearAt", row.clear_at.into()),
        ("status", Node::from(&row.status)),
        ("statusIsUserDefined", row.is_user_defined.into()),
    ])
}

/// What other users see (`UserStatusPublic`): invisible shows as offline.
fn public(row: &StatusRow) -> Node {
    let status = if row.status == "invisible" {
        "offline"
    } else {
        &row.status
    };
    obj([
        ("userId", Node::from(&row.user_id)),
        ("message", row.custom_message.as_deref().into()),
        ("icon", row.custom_icon.as_deref().into()),
        ("clearAt", row.clear_at.into()),
        ("status", status.into()),
    ])
}

/// `clearAt` as PHP's `?int` sees it: absent or empty is null, junk is 0.
fn clear_at_param(ctx: &Ctx) -> Option<i64> {
    match ctx.params.get("clearAt") {
        None | Some("") => None,
        Some(text) => Some(text.trim().parse().unwrap_or(0)),
    }
}

// ---------------------------------------------------------------- endpoints

pub(crate) fn own(inner: &mut Inner, ctx: &Ctx) -> Reply {
    match find(inner, ctx.uid()) {
        Some(row) => Reply::ok(private(&row)),
        None => Reply::error(404, "No status for the current user"),
    }
}

pub(crate) fn set_status(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid();
    let status = ctx.params.get("statusType").unwrap_or_default();
    if !PRIORITY_ORDERED_STATUSES.contains(&status) {
        return Reply::error(400, format!("Status-type \"{status}\" is not supported"));
    }
    let mut row = stored(inner, uid).unwrap_or_else(|| StatusRow::offline(uid));
    let changed = row.status != status;
    row.status = status.to_owned();
    row.status_timestamp = inner.now();
    row.is_user_defined = true;
    save(inner, row.clone());
    remove_backup(inner, uid);
    if changed {
        crate::activity::status_changed(inner, uid, status);
    }
    Reply::ok(private(&row))
}

pub(crate) fn set_predefined_message(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid();
    let message_id = ctx.params.get("messageId").unwrap_or_default();
    if predefined(message_id).is_none() {
        return Reply::error(400, format!("Message-Id \"{message_id}\" is not supported"));
    }
    let clear_at = clear_at_param(ctx);
    if clear_at.is_some_and(|at| at < inner.now()) {
        return Reply::error(400, "ClearAt is in the past");
    }
    let mut row = stored(inner, uid).unwrap_or_else(|| StatusRow::offline(uid));
    row.message_id = Some(message_id.to_owned());
    row.custom_icon = None;
    row.custom_message = None;
    row.clear_at = clear_at;
    save(inner, row.clone());
    remove_backup(inner, uid);
    Reply::ok(private(&row))
}

pub(crate) fn set_custom_message(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid();
    let icon = ctx.params.get("statusIcon");
    let message = ctx.params.get("message");
    let clear_at = clear_at_param(ctx);

    let reply = if message.is_some_and(|m| !m.is_empty()) || clear_at.is_some_and(|at| at != 0) {
        // The server checks in this order and names every bad icon "longer than one
        // character", even a single letter (040/041).
        if icon.is_some_and(|i| !is_single_emoji(i)) {
            return Reply::error(400, "Status-Icon is longer than one character");
        }
        if message.is_some_and(|m| m.chars().count() > MAXIMUM_MESSAGE_LENGTH) {
            return Reply::error(
                400,
                format!(
                    "Message is longer than supported length of {MAXIMUM_MESSAGE_LENGTH} characters"
                ),
            );
        }
        if clear_at.is_some_and(|at| at < inner.now()) {
            return Reply::error(400, "ClearAt is in the past");
        }
        let mut row = stored(inner, uid).unwrap_or_else(|| StatusRow::offline(uid));
        row.message_id = None;
        row.custom_icon = icon.map(str::to_owned);
        row.custom_message = message.map(str::to_owned);
        row.clear_at = clear_at;
        save(inner, row.clone());
        Reply::ok(private(&row))
    } else {
        // Neither message nor clearAt: the server clears the message instead.
        clear(inner, uid);
        match find(inner, uid) {
            Some(row) => Reply::ok(private(&row)),
            None => Reply::error(404, "No status for the current user"),
        }
    };
    remove_backup(inner, uid);
    reply
}

fn clear(inner: &mut Inner, uid: &str) {
    if let Some(index) = inner.status_index(uid) {
        let row = &mut inner.statuses[index];
        row.message_id = None;
        row.custom_icon = None;
        row.custom_message = None;
        row.clear_at = None;
    }
}

pub(crate) fn clear_message(inner: &mut Inner, ctx: &Ctx) -> Reply {
    clear(inner, ctx.uid());
    Reply::ok(empty())
}

pub(crate) fn revert(inner: &mut Inner, ctx: &Ctx, message_id: &str) -> Reply {
    match restore_backup(inner, ctx.uid(), message_id, true) {
        Some(row) => Reply::ok(private(&row)),
        // No backup, or the current status is not the one to revert: 200 with [] (061).
        None => Reply::ok(empty()),
    }
}

/// The server's `revertUserStatus`: only while the current row still has `message_id`.
fn restore_backup(
    inner: &mut Inner,
    uid: &str,
    message_id: &str,
    reverted_manually: bool,
) -> Option<StatusRow> {
    let backup_index = inner.status_index(&format!("_{uid}"))?;
    let current = inner
        .statuses
        .iter()
        .position(|r| r.user_id == uid && r.message_id.as_deref() == Some(message_id))?;
    inner.statuses.remove(current);
    let backup_index = if current < backup_index {
        backup_index - 1
    } else {
        backup_index
    };
    let row = &mut inner.statuses[backup_index];
    // Someone who clicks "restore" is evidently online.
    if reverted_manually && row.status == "offline" {
        row.status = "online".to_owned();
    }
    row.user_id = uid.to_owned();
    Some(row.clone())
}

pub(crate) fn heartbeat(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid();
    let status = ctx.params.get("status").unwrap_or_default();
    if status != "online" && status != "away" {
        return Reply::error(400, "");
    }
    let now = inner.now();
    let mut row = find(inner, uid).unwrap_or_else(|| StatusRow::offline(uid));
    if row.is_user_defined && PERSISTENT_STATUSES.contains(&row.status.as_str()) {
        // Nothing to keep alive: 204 with an empty body (059).
        return Reply::error(204, "");
    }
    let priority = |s: &str| PRIORITY_ORDERED_STATUSES.iter().position(|p| *p == s);
    let stale = row.status_timestamp < now - INVALIDATE_STATUS_THRESHOLD;
    if stale || priority(status) < priority(&row.status) {
        row.status = status.to_owned();
        row.status_timestamp = now;
        row.is_user_defined = false;
        // Store the row without the resolved predefined text, as the server does.
        let mut stored_row = stored(inner, uid).unwrap_or_else(|| StatusRow::offline(uid));
        stored_row.status = row.status.clone();
        stored_row.status_timestamp = now;
        stored_row.is_user_defined = false;
        save(inner, stored_row);
    }
    Reply::ok(private(&row))
}

pub(crate) fn predefined_statuses() -> Reply {
    let list = PREDEFINED
        .iter()
        .filter(|p| p.visible)
        .map(|p| {
            let clear_at = match p.clear_at {
                ClearAt::Never => Node::Null,
                ClearAt::Period(secs) => obj([("type", "period".into()), ("time", secs.into())]),
                ClearAt::EndOf(unit) => obj([("type", "end-of".into()), ("time", unit.into())]),
            };
            obj([
                ("id", p.id.into()),
                ("icon", p.icon.into()),
                ("message", p.message.into()),
                ("clearAt", clear_at),
            ])
        })
        .collect();
    Reply::ok(Node::List(list))
}

pub(crate) fn statuses(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let number = |name: &str| {
        ctx.params
            .get(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
    };
    let offset = number("offset").unwrap_or(0);
    let limit = number("limit").unwrap_or(usize::MAX);
    let now = inner.now();
    let list = inner
        .statuses
        .iter_mut()
        .skip(offset)
        .take(limit)
        .map(|row| {
            expire(row, now);
            public(&resolved(row))
        })
        .collect();
    Reply::ok(Node::List(list))
}

pub(crate) fn status_of(inner: &mut Inner, user_id: &str) -> Reply {
    match find(inner, user_id) {
        Some(row) => Reply::ok(public(&row)),
        None => Reply::error(404, "No status for the requested userId"),
    }
}

// ---------------------------------------------------------------- for other modules

/// The status type other apps see for `uid` (e.g. `X-Nextcloud-User-Status`).
pub(crate) fn current_type(inner: &mut Inner, uid: &str) -> Option<String> {
    find(inner, uid).map(|row| row.status)
}

/// The own-status object as `GET user_status` would answer it, or `None` (404).
pub(crate) fn own_status(inner: &mut Inner, uid: &str) -> Option<Node> {
    find(inner, uid).map(|row| private(&row))
}

/// What Talk does when `uid` joins a call (fixtures 149–151): the current row becomes the
/// backup `_uid` and a new row says busy / "In a call". While a backup exists the server
/// refuses to make another one, so a second call changes nothing.
pub(crate) fn start_call(inner: &mut Inner, uid: &str) {
    let backup = format!("_{uid}");
    if inner.status_index(&backup).is_some() {
        return;
    }
    let now = inner.now();
    if let Some(index) = inner.status_index(uid) {
        inner.statuses[index].user_id = backup;
    }
    inner.statuses.push(StatusRow {
        user_id: uid.to_owned(),
        status: "busy".to_owned(),
        status_timestamp: now,
        is_user_defined: true,
        message_id: Some(CALL_MESSAGE_ID.to_owned()),
        custom_icon: None,
        custom_message: None,
        clear_at: None,
    });
}

/// What Talk does when `uid` leaves the call: revert to the backup if the call status is
/// still current (not "manually", so an offline backup stays offline).
pub(crate) fn end_call(inner: &mut Inner, uid: &str) {
    restore_backup(inner, uid, CALL_MESSAGE_ID, false);
}

/// Sets a user-defined status with a predefined message, as the demo seed needs.
pub(crate) fn seed(inner: &mut Inner, uid: &str, status: &str, message_id: &str) {
    let mut row = StatusRow::offline(uid);
    row.status = status.to_owned();
    row.status_timestamp = inner.now();
    row.is_user_defined = true;
    row.message_id = Some(message_id.to_owned());
    save(inner, row);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(status: &str, ts: i64, user_defined: bool) -> StatusRow {
        StatusRow {
            status: status.to_owned(),
            status_timestamp: ts,
            is_user_defined: user_defined,
            ..StatusRow::offline("u")
        }
    }

    #[test]
    fn stale_statuses_go_offline() {
        let now = 10_000;
        let mut r = row("away", now - 901, false);
        expire(&mut r, now);
        assert_eq!((r.status.as_str(), r.status_timestamp), ("offline", now));

        // User-defined persistent statuses stay, user-defined online does not.
        let mut r = row("dnd", now - 5000, true);
        expire(&mut r, now);
        assert_eq!(r.status, "dnd");
        let mut r = row("online", now - 901, true);
        expire(&mut r, now);
        assert_eq!((r.status.as_str(), r.is_user_defined), ("offline", false));
    }

    #[test]
    fn clear_at_clears_message_and_status() {
        let now = 10_000;
        let mut r = row("dnd", now - 10, true);
        r.custom_message = Some("Focus".into());
        r.clear_at = Some(now - 1);
        expire(&mut r, now);
        assert_eq!(r.status, "offline");
        assert_eq!((r.custom_message, r.clear_at), (None, None));
    }

    #[test]
    fn predefined_ids_resolve_only_when_read() {
        let mut r = row("online", 0, true);
        r.message_id = Some("vacationing".into());
        let shown = resolved(&r);
        assert_eq!(shown.custom_message.as_deref(), Some("Vacationing"));
        assert_eq!(shown.custom_icon.as_deref(), Some("🌴"));
        assert_eq!(r.custom_message, None);
    }
}
