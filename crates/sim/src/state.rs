//! Everything the simulated server remembers: users, the user_status table, notifications,
//! the request log, the fault mode and the clock.
//!
//! One `std::sync::Mutex` guards it all. Every handler is synchronous and short, so a request
//! sees and changes the state atomically, like one database transaction.

use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::capabilities::Capabilities;
use crate::fault::Fault;
use crate::notifications::Notification;
use crate::time::unix_now;

/// State shared by the HTTP handlers and [`crate::Control`].
pub(crate) struct Shared {
    pub base_url: String,
    pub capabilities: Capabilities,
    inner: Mutex<Inner>,
}

impl Shared {
    pub(crate) fn new(base_url: String, inner: Inner) -> Shared {
        Shared {
            capabilities: Capabilities::new(&base_url),
            base_url,
            inner: Mutex::new(inner),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking handler must not take the whole simulator down with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub(crate) struct Inner {
    pub users: Vec<User>,
    /// The `oc_user_status` table in row order. Backups are rows whose `user_id` is `_<uid>`,
    /// exactly as the server stores them, so `GET statuses/_admin` needs no special case.
    pub statuses: Vec<StatusRow>,
    /// Oldest first; ids only grow.
    pub notifications: Vec<Notification>,
    pub next_notification_id: i64,
    /// The newest [`REQUEST_LOG_LIMIT`] requests, oldest first (see [`Inner::log_request`]).
    pub requests: std::collections::VecDeque<LoggedRequest>,
    pub fault: Fault,
    /// Faults of the paths under a prefix; they win over `fault` (`crate::fault::active`).
    pub path_faults: Vec<(String, Fault)>,
    /// Added to the host clock, so tests can jump past clearAt or the 15-minute rule.
    pub clock_offset: i64,
    /// notify_push: call `push.send(user, …)` whenever a user's data changes.
    pub push: crate::push::Push,
    /// Talk (spreed): rooms, chat, calls (`crate::talk`).
    pub talk: crate::talk::Talk,
    pub activities: crate::activity::Activities,
    pub files: crate::files::Files,
    pub shares: crate::sharing::Shares,
    pub direct: crate::dav::DirectLinks,
    pub login_flows: crate::login_flow::LoginFlows,
}

/// How many requests the log keeps: a demo left running for weeks must not grow without end.
pub const REQUEST_LOG_LIMIT: usize = 10_000;

impl Inner {
    /// Appends to the request log, forgetting the oldest entry beyond the limit.
    pub(crate) fn log_request(&mut self, request: LoggedRequest) {
        if self.requests.len() == REQUEST_LOG_LIMIT {
            self.requests.pop_front();
        }
        self.requests.push_back(request);
    }

    pub(crate) fn new(users: Vec<User>) -> Inner {
        Inner {
            users,
            statuses: Vec::new(),
            notifications: Vec::new(),
            next_notification_id: 1,
            requests: std::collections::VecDeque::new(),
            fault: Fault::None,
            path_faults: Vec::new(),
            clock_offset: 0,
            push: crate::push::Push::new(),
            talk: crate::talk::Talk::new(crate::talk::TalkApi::V4, ""),
            activities: Default::default(),
            files: Default::default(),
            shares: Default::default(),
            direct: Default::default(),
            login_flows: Default::default(),
        }
    }

    /// The simulated server's "now" in unix seconds.
    pub(crate) fn now(&self) -> i64 {
        unix_now() + self.clock_offset
    }

    pub(crate) fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub(crate) fn status_index(&self, user_id: &str) -> Option<usize> {
        self.statuses.iter().position(|r| r.user_id == user_id)
    }
}

/// A seeded account. Login name = user id.
#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: String,
    pub display_name: String,
    pub password: String,
    pub app_password: String,
    /// App passwords made by Login Flow v2 (the seeded one is `app_password`; a revoked one
    /// is emptied, and an empty one never matches).
    pub app_passwords: Vec<String>,
    pub is_admin: bool,
    pub email: Option<String>,
    pub quota_used: i64,
    /// Bytes the user may store; `None` = unlimited (the API's -3).
    pub quota: Option<i64>,
    pub first_login: i64,
    pub last_login: i64,
    pub timezone: String,
    /// `cloud/user`'s language (Nextcloud's code, "en", "de", "pt_BR") and locale ("" = unset).
    pub language: String,
    pub locale: String,
}

impl User {
    pub(crate) fn new(id: &str, display_name: &str, now: i64) -> User {
        User {
            id: id.to_owned(),
            display_name: display_name.to_owned(),
            password: id.to_owned(),
            app_password: format!("{id}-app-password"),
            app_passwords: Vec::new(),
            is_admin: false,
            email: None,
            quota_used: 0,
            quota: None,
            first_login: now - 86_400,
            last_login: now - 60,
            timezone: String::new(),
            language: "en".to_owned(),
            locale: String::new(),
        }
    }
}

/// The users every seed has (docs/architecture.md, "Seeded users").
pub(crate) fn fixture_users(now: i64) -> Vec<User> {
    let admin = User {
        is_admin: true,
        quota_used: 20_200_713,
        timezone: "UTC".to_owned(),
        ..User::new("admin", "admin", now)
    };
    vec![
        admin,
        User::new("bob", "bob", now),
        User::new("carol", "carol", now),
    ]
}

/// One row of the user_status table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StatusRow {
    pub user_id: String,
    pub status: String,
    pub status_timestamp: i64,
    pub is_user_defined: bool,
    pub message_id: Option<String>,
    pub custom_icon: Option<String>,
    pub custom_message: Option<String>,
    pub clear_at: Option<i64>,
}

impl StatusRow {
    /// What the server starts from when a message is set on a user without a row.
    pub(crate) fn offline(user_id: &str) -> StatusRow {
        StatusRow {
            user_id: user_id.to_owned(),
            status: "offline".to_owned(),
            status_timestamp: 0,
            is_user_defined: false,
            message_id: None,
            custom_icon: None,
            custom_message: None,
            clear_at: None,
        }
    }
}

/// One entry of the request log (`GET /_sim/requests`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedRequest {
    pub method: String,
    /// The path without the query, e.g. `/ocs/v2.php/cloud/user`.
    pub path: String,
    /// The raw query string without `?`; empty when there was none.
    pub query: String,
    /// The HTTP status the simulator answered with.
    pub status: u16,
    /// Whether the request carried an `If-None-Match` header.
    pub if_none_match: bool,
    /// The user the request authenticated as; `None` for anonymous, failed or faulted requests.
    pub user: Option<String>,
    /// The bytes of the response body that went on the wire (0 for 304, 204 and a reset).
    #[serde(default)]
    pub bytes: u64,
    /// The request's `Accept-Language` header, when it had one.
    #[serde(default)]
    pub accept_language: Option<String>,
}

/// The `Accept-Language` header of a request, for the request log.
pub(crate) fn accept_language(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}
