//! Test control: the in-process [`Control`] and its HTTP twin under `/_sim/`
//! (no auth, no OCS header, plain JSON, never logged).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::fault::{Fault, FaultSpec};
use crate::json::Node;
use crate::notifications::{self, NewNotification, NotificationApi};
use crate::state::{LoggedRequest, Shared};
use crate::user_status;

/// Drives and inspects a running [`crate::Sim`]. Cheap to clone; all clones control the same
/// simulator.
#[derive(Clone)]
pub struct Control {
    pub(crate) shared: Arc<Shared>,
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("base_url", &self.shared.base_url)
            .finish()
    }
}

impl Control {
    pub(crate) fn new(shared: Arc<Shared>) -> Control {
        Control { shared }
    }

    /// Creates a notification (dated now) and returns its id. The user need not exist.
    pub fn inject_notification(&self, notification: NewNotification) -> i64 {
        let mut inner = self.shared.lock();
        notifications::inject(&self.shared, &mut inner, notification)
    }

    /// Makes `user` join a Talk call: the current status becomes the backup `_user` and the
    /// status turns busy / `call` / "In a call" / 💬 (fixtures 149–151). A second call while
    /// the backup exists changes nothing, like the server. `false` if the user does not exist.
    pub fn start_call(&self, user: &str) -> bool {
        let mut inner = self.shared.lock();
        if inner.user(user).is_none() {
            return false;
        }
        user_status::start_call(&mut inner, user);
        true
    }

    /// Makes `user` leave the call: Talk restores the backup if the call status is still
    /// current. `false` if the user does not exist.
    pub fn end_call(&self, user: &str) -> bool {
        let mut inner = self.shared.lock();
        if inner.user(user).is_none() {
            return false;
        }
        user_status::end_call(&mut inner, user);
        true
    }

    /// Renames `user` as everyone sees it (Talk, sharees, the users API), as when the user
    /// edits the profile. `false` if the user does not exist.
    pub fn set_display_name(&self, user: &str, display_name: &str) -> bool {
        let mut inner = self.shared.lock();
        match inner.users.iter_mut().find(|u| u.id == user) {
            Some(found) => {
                found.display_name = display_name.to_owned();
                true
            }
            None => false,
        }
    }

    /// Sets `user`'s language and locale as the personal settings page would (Nextcloud's
    /// codes: "de", "pt_BR"; "" for the locale = unset). `false` if the user does not exist.
    pub fn set_language(&self, user: &str, language: &str, locale: &str) -> bool {
        let mut inner = self.shared.lock();
        match inner.users.iter_mut().find(|u| u.id == user) {
            Some(found) => {
                found.language = language.to_owned();
                found.locale = locale.to_owned();
                true
            }
            None => false,
        }
    }

    /// The own-status object as `GET …/user_status` would answer it for `user` right now
    /// (expiry applied, predefined message resolved), or `None` where that answers 404.
    pub fn own_status(&self, user: &str) -> Option<serde_json::Value> {
        let mut inner = self.shared.lock();
        user_status::own_status(&mut inner, user).map(|node| serde_json::Value::from(&node))
    }

    /// All of `user`'s notifications as API v2 objects, newest first (no 25-item page limit).
    pub fn notifications(&self, user: &str) -> Vec<serde_json::Value> {
        let inner = self.shared.lock();
        notifications::of_user(&inner, user)
            .map(|n| serde_json::Value::from(&notifications::to_node(n, NotificationApi::V2)))
            .collect()
    }

    /// Every non-`/_sim/` request so far, oldest first.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.shared.lock().requests.iter().cloned().collect()
    }

    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }

    /// From now on every non-`/_sim/` request fails this way. `Fault::None` heals, also the
    /// faults set with [`Control::set_fault_for`].
    pub fn set_fault(&self, fault: Fault) {
        let mut inner = self.shared.lock();
        inner.fault = fault;
        if fault == Fault::None {
            inner.path_faults.clear();
        }
    }

    /// From now on the requests whose path starts with `path_prefix` (e.g.
    /// `/ocs/v2.php/apps/notifications/`) fail this way, whatever the global fault; the longest
    /// matching prefix wins. `Fault::None` removes the prefix's fault again.
    pub fn set_fault_for(&self, path_prefix: &str, fault: Fault) {
        crate::fault::set_for(&mut self.shared.lock(), path_prefix, fault);
    }

    /// The global fault.
    pub fn fault(&self) -> Fault {
        self.shared.lock().fault
    }

    /// The fault a request for `path` meets now (its prefix's, else the global one).
    pub fn fault_at(&self, path: &str) -> Fault {
        crate::fault::active(&self.shared.lock(), path)
    }

    /// Moves the simulator's clock forward, e.g. past a `clearAt` or the 15-minute rule after
    /// which a status without heartbeat goes offline.
    pub fn advance_clock(&self, by: Duration) {
        let secs = i64::try_from(by.as_secs()).unwrap_or(i64::MAX);
        let mut inner = self.shared.lock();
        inner.clock_offset = inner.clock_offset.saturating_add(secs);
    }
}

/// Lets through only callers that name the simulator by its own address and, if they are a
/// web page, come from it: a page elsewhere that renamed itself to 127.0.0.1 (DNS rebinding)
/// still sends its own name as `Host`, and any page sends its `Origin`. (Other local users
/// can still reach the port: the demo serves no HTTP control at all.)
pub(crate) async fn only_own_address(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let own_host = shared.base_url.strip_prefix("http://");
    let host = headers.get(HOST).and_then(|v| v.to_str().ok());
    let origin_ok = headers
        .get(ORIGIN)
        .is_none_or(|origin| origin.as_bytes() == shared.base_url.as_bytes());
    if host.is_some() && host == own_host && origin_ok {
        next.run(request).await
    } else {
        error(
            StatusCode::FORBIDDEN,
            "the /_sim/ control answers only requests to its own address",
        )
    }
}

/// The `/_sim/` routes (nested by the caller).
pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/notifications", post(inject))
        .route("/users/{user}/call", post(call_start).delete(call_end))
        .route("/users/{user}/status", get(status))
        .route("/users/{user}/notifications", get(user_notifications))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/fault", put(set_fault).get(fault))
        .route("/clock", post(advance_clock))
        .merge(crate::push::control_routes())
        .merge(crate::talk::control_routes())
        .merge(crate::activity::control_routes())
        .merge(crate::sharing::control_routes())
        .merge(crate::login_flow::control_routes())
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such /_sim/ route") })
}

fn control(shared: Arc<Shared>) -> Control {
    Control::new(shared)
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn unknown_user() -> Response {
    error(StatusCode::NOT_FOUND, "no such user")
}

async fn inject(
    State(shared): State<Arc<Shared>>,
    Json(notification): Json<NewNotification>,
) -> Response {
    if notification.user.is_empty() || notification.subject.is_empty() {
        return error(StatusCode::BAD_REQUEST, "user and subject are required");
    }
    let id = control(shared).inject_notification(notification);
    (StatusCode::CREATED, Json(json!({ "notification_id": id }))).into_response()
}

/// The user's own status after a call change (`null` if none).
fn status_answer(shared: &Shared, user: &str) -> Response {
    let mut inner = shared.lock();
    let status = user_status::own_status(&mut inner, user).unwrap_or(Node::Null);
    Json(status).into_response()
}

async fn call_start(State(shared): State<Arc<Shared>>, Path(user): Path<String>) -> Response {
    if !control(shared.clone()).start_call(&user) {
        return unknown_user();
    }
    status_answer(&shared, &user)
}

async fn call_end(State(shared): State<Arc<Shared>>, Path(user): Path<String>) -> Response {
    if !control(shared.clone()).end_call(&user) {
        return unknown_user();
    }
    status_answer(&shared, &user)
}

async fn status(State(shared): State<Arc<Shared>>, Path(user): Path<String>) -> Response {
    if shared.lock().user(&user).is_none() {
        return unknown_user();
    }
    status_answer(&shared, &user)
}

async fn user_notifications(
    State(shared): State<Arc<Shared>>,
    Path(user): Path<String>,
) -> Response {
    let inner = shared.lock();
    let list: Vec<Node> = notifications::of_user(&inner, &user)
        .map(|n| notifications::to_node(n, NotificationApi::V2))
        .collect();
    Json(Node::List(list)).into_response()
}

async fn requests(State(shared): State<Arc<Shared>>) -> Json<Vec<LoggedRequest>> {
    Json(control(shared).requests())
}

async fn clear_requests(State(shared): State<Arc<Shared>>) -> StatusCode {
    control(shared).clear_requests();
    StatusCode::NO_CONTENT
}

/// `{"mode": "…", "hang_ms"?: N, "path"?: "/prefix"}`: without `path` the global fault.
async fn set_fault(State(shared): State<Arc<Shared>>, Json(spec): Json<FaultSpec>) -> Response {
    let Some(fault) = Fault::from_spec(&spec) else {
        return error(StatusCode::BAD_REQUEST, "unknown fault mode");
    };
    match spec.path {
        Some(prefix) => control(shared).set_fault_for(&prefix, fault),
        None => control(shared).set_fault(fault),
    }
    StatusCode::NO_CONTENT.into_response()
}

/// The global fault as `{"mode", "hang_ms"?}` plus `"paths": [{"mode", "path", …}]`.
async fn fault(State(shared): State<Arc<Shared>>) -> Response {
    let inner = shared.lock();
    let mut answer = json!(inner.fault.spec(None));
    answer["paths"] = inner
        .path_faults
        .iter()
        .map(|(prefix, fault)| json!(fault.spec(Some(prefix.clone()))))
        .collect();
    Json(answer).into_response()
}

#[derive(Deserialize)]
struct ClockBody {
    advance_secs: u64,
}

async fn advance_clock(
    State(shared): State<Arc<Shared>>,
    Json(body): Json<ClockBody>,
) -> StatusCode {
    control(shared).advance_clock(Duration::from_secs(body.advance_secs));
    StatusCode::NO_CONTENT
}
