//! notify_push: the push daemon's WebSocket (`/push/ws`) and its app's
//! `POST /index.php/apps/notify_push/pre_auth`.
//!
//! Off by default, like a server without the daemon. [`crate::SimConfig::push`] or
//! [`crate::Control::enable_push`] switch it on; only then do logged-in users see the
//! `notify_push` capability (which changes the capabilities ETag) and does the socket answer.
//!
//! The socket speaks the daemon's protocol. The client sends its login name, then its password
//! (an app password or the login password, checked like HTTP Basic) or an empty name and a
//! one-time token from `pre_auth` (valid 15 s). The server answers `authenticated`, or
//! `err: Invalid credentials` and drops the connection (no close frame, like the daemon).
//! Afterwards it sends one text line per change for that user: `notify_notification`,
//! `notify_activity`, `notify_file` (`notify_file_id [ids]` to a socket that sent
//! `listen notify_file_id`) or `<type> <json>`, and a ping frame whenever it has sent nothing for
//! the ping interval (30 s); a socket that left the previous ping unanswered is closed.
//!
//! Anything in the simulator that changes a user's data calls [`Push::send`]
//! (`inner.push.send(user, PushMessage::Activity)`); sending is cheap and a no-op when no socket
//! listens. Unlike the daemon, the simulator does not debounce (the daemon holds back repeats of
//! a type for about a second and merges file ids), so every change is one line at once.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::broadcast;

use crate::auth::{authenticate, Auth};
use crate::capabilities::md5_hex;
use crate::control::Control;
use crate::fault::{self, Fault};
use crate::json::{obj, Node};
use crate::ocs::{ApiVersion, Format, Reply};
use crate::state::{Inner, LoggedRequest, Shared};

/// Where the daemon listens (its base endpoint is `<server>/push`).
pub(crate) const WEBSOCKET_PATH: &str = "/push/ws";
/// The app's pre-auth route (`notify_push.Auth.preAuth`), without pretty URLs.
pub(crate) const PRE_AUTH_PATH: &str = "/index.php/apps/notify_push/pre_auth";
/// Where the daemon checks a socket's credentials with Nextcloud; a fault set for this path
/// (or a prefix of it) hits the socket login.
pub(crate) const UID_PATH: &str = "/index.php/apps/notify_push/uid";
const DEFAULT_PING_INTERVAL: Duration = Duration::from_secs(30);
/// The daemon gives a new socket this long to send its credentials.
const AUTH_TIMEOUT: Duration = Duration::from_secs(15);
/// Pre-auth tokens older than this are forgotten.
const PRE_AUTH_LIFETIME: Duration = Duration::from_secs(15);
/// Messages a slow socket may fall behind before it misses some (best effort, like the daemon).
const CHANNEL_CAPACITY: usize = 256;
/// How often an open socket checks whether a ping is due (the daemon: every 500 ms).
const MAX_TICK: Duration = Duration::from_millis(500);

const INVALID_CREDENTIALS: &str = "Invalid credentials";
const INVALID_MESSAGE: &str = "Invalid authentication message";
const DISCONNECTED: &str = "Client disconnected unexpectedly";
/// What the daemon says when Nextcloud itself cannot check the credentials (maintenance, 500).
const NEXTCLOUD_FAILED: &str = "Error while sending authentication request to nextcloud";

/// One line the push daemon sends to a user's sockets.
///
/// As JSON (for `POST /_sim/push/users/{user}`): `{"type":"notification"}`,
/// `{"type":"activity"}`, `{"type":"file","data":[12,13]}` or
/// `{"type":"custom","data":["notify_talk",{"token":"abc"}]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum PushMessage {
    /// `notify_notification`: the user's notifications changed.
    Notification,
    /// `notify_activity`: a new activity for the user.
    Activity,
    /// `notify_file`: a file the user can see changed. The ids of the changed files (may be
    /// empty when unknown) go as `notify_file_id [ids]` to sockets that asked for them.
    File(#[serde(default)] Vec<u64>),
    /// `<type>` alone when the body is `null`, else `<type> <json>`: what apps send through the
    /// daemon's custom-message queue.
    Custom(String, #[serde(default)] serde_json::Value),
}

impl PushMessage {
    /// The text frame as the daemon writes it.
    pub fn line(&self, listen_file_id: bool) -> String {
        match self {
            PushMessage::Notification => "notify_notification".to_owned(),
            PushMessage::Activity => "notify_activity".to_owned(),
            PushMessage::File(ids) if listen_file_id && !ids.is_empty() => {
                let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
                format!("notify_file_id [{}]", ids.join(","))
            }
            PushMessage::File(_) => "notify_file".to_owned(),
            PushMessage::Custom(kind, serde_json::Value::Null) => kind.clone(),
            PushMessage::Custom(kind, body) => format!("{kind} {body}"),
        }
    }
}

#[derive(Debug, Clone)]
struct Delivery {
    user: String,
    message: PushMessage,
}

/// The push daemon's state; lives in [`Inner`] so every handler can reach it.
pub(crate) struct Push {
    enabled: bool,
    ping_interval: Duration,
    messages: broadcast::Sender<Delivery>,
    /// One value per "drop every socket" (the daemon's reset).
    resets: broadcast::Sender<()>,
    /// token → (issued, user id).
    pre_auth: HashMap<String, (Instant, String)>,
    tokens_issued: u64,
    /// Sockets that are authenticated and open right now.
    sockets: usize,
}

impl Push {
    pub(crate) fn new() -> Push {
        Push {
            enabled: false,
            ping_interval: DEFAULT_PING_INTERVAL,
            messages: broadcast::channel(CHANNEL_CAPACITY).0,
            resets: broadcast::channel(4).0,
            pre_auth: HashMap::new(),
            tokens_issued: 0,
            sockets: 0,
        }
    }

    /// Tells every open socket of `user` that something changed. Nothing happens while push is
    /// off or nobody listens.
    pub(crate) fn send(&self, user: &str, message: PushMessage) {
        if !self.enabled {
            return;
        }
        let _ = self.messages.send(Delivery {
            user: user.to_owned(),
            message,
        });
    }

    fn issue_token(&mut self, user: &str) -> String {
        let now = Instant::now();
        self.pre_auth
            .retain(|_, (issued, _)| now.duration_since(*issued) < PRE_AUTH_LIFETIME);
        self.tokens_issued += 1;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        // 32 characters like the server's; unguessable enough for a simulator.
        let token = md5_hex(format!("{}:{nanos}:{user}", self.tokens_issued).as_bytes());
        self.pre_auth.insert(token.clone(), (now, user.to_owned()));
        token
    }

    /// The user of a fresh token, which is used up; `None` if unknown or expired.
    fn redeem_token(&mut self, token: &str) -> Option<String> {
        let (issued, user) = self.pre_auth.remove(token)?;
        (issued.elapsed() < PRE_AUTH_LIFETIME).then_some(user)
    }
}

impl Control {
    /// Switches notify_push on or off. On: logged-in users get the `notify_push` capability
    /// (with a new capabilities ETag) and `/push/ws` accepts sockets. Off: the capability
    /// disappears, new sockets get 404 and open ones are dropped.
    pub fn enable_push(&self, enabled: bool) {
        let mut inner = self.shared.lock();
        inner.push.enabled = enabled;
        if !enabled {
            let _ = inner.push.resets.send(());
        }
    }

    pub fn push_enabled(&self) -> bool {
        self.shared.lock().push.enabled
    }

    /// How long a socket may stay silent before the server pings it (30 s like the daemon).
    /// Applies to sockets opened afterwards; tests set it short to see pings and timeouts.
    pub fn set_push_ping_interval(&self, interval: Duration) {
        self.shared.lock().push.ping_interval = interval.max(Duration::from_millis(1));
    }

    /// Sends `message` to every open socket of `user` (if push is on).
    pub fn push_to(&self, user: &str, message: PushMessage) {
        self.shared.lock().push.send(user, message);
    }

    /// Closes every open socket (with a close frame, as the daemon does on a reset), e.g. to
    /// test that clients reconnect. Push stays on.
    pub fn drop_push_sockets(&self) {
        let _ = self.shared.lock().push.resets.send(());
    }

    /// Sockets that are authenticated and open right now.
    pub fn push_sockets(&self) -> usize {
        self.shared.lock().push.sockets
    }

    /// Waits until exactly `count` sockets are open, at most `timeout`; whether that happened.
    pub async fn wait_for_push_sockets(&self, count: usize, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if self.push_sockets() == count {
                return true;
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

/// `GET cloud/capabilities` with `notify_push` added (after `notifications`, the server's
/// order) when push is on and the caller is logged in. The ETag is recomputed from the data.
pub(crate) fn capabilities(
    shared: &Shared,
    inner: &Inner,
    mut reply: Reply,
    logged_in: bool,
) -> Reply {
    if !logged_in || !inner.push.enabled {
        return reply;
    }
    let websocket = format!(
        "{}{WEBSOCKET_PATH}",
        shared.base_url.replacen("http", "ws", 1)
    );
    let capability = obj([
        (
            "type",
            Node::from(vec!["files", "activities", "notifications"]),
        ),
        (
            "endpoints",
            obj([
                ("websocket", Node::from(websocket)),
                (
                    "pre_auth",
                    Node::from(format!("{}{PRE_AUTH_PATH}", shared.base_url)),
                ),
            ]),
        ),
    ]);
    if let Node::Map(top) = &mut reply.data {
        if let Some((_, Node::Map(caps))) = top.iter_mut().find(|(key, _)| key == "capabilities") {
            caps.retain(|(key, _)| key != "notify_push");
            let at = caps
                .iter()
                .position(|(key, _)| key == "notifications")
                .map_or(caps.len(), |i| i + 1);
            caps.insert(at, ("notify_push".to_owned(), capability));
        }
    }
    reply.etag = Some(md5_hex(reply.data.to_json().as_bytes()));
    reply
}

/// The daemon's socket and the app's pre-auth route (merged into the main router).
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(WEBSOCKET_PATH, get(websocket))
        .route(PRE_AUTH_PATH, post(pre_auth))
}

/// The `/_sim/push…` twin of the [`Control`] calls above (merged into the control router).
pub(crate) fn control_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/push", put(configure).get(push_state))
        .route("/push/sockets", delete(drop_sockets))
        .route("/push/users/{user}", post(push_to_user))
}

fn log(inner: &mut Inner, method: &Method, uri: &Uri, response: &Response, user: Option<String>) {
    inner.log_request(LoggedRequest {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        status: response.status().as_u16(),
        if_none_match: false,
        user,
        bytes: fault::body_len(response),
        accept_language: None,
    });
}

fn text(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn not_found() -> Response {
    text(
        StatusCode::NOT_FOUND,
        "text/plain; charset=utf-8",
        "404 page not found\n".to_owned(),
    )
}

async fn websocket(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let mut inner = shared.lock();
    let response = if !inner.push.enabled {
        // No daemon behind the proxy.
        not_found()
    } else {
        match upgrade {
            Ok(upgrade) => {
                let shared = shared.clone();
                upgrade
                    .on_upgrade(move |socket| serve(shared, socket))
                    .into_response()
            }
            Err(rejection) => rejection.into_response(),
        }
    };
    log(&mut inner, &method, &uri, &response, None);
    response
}

/// `POST pre_auth`: a one-time token (plain text) for an empty-name socket login.
async fn pre_auth(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let mut inner = shared.lock();
    let (response, user) = if !inner.push.enabled {
        (not_found(), None)
    } else if let Some(response) = fault::response(
        fault::active(&inner, uri.path()),
        ApiVersion::V2,
        Format::Json,
    ) {
        (response, None)
    } else {
        match authenticate(&inner.users, &headers) {
            Auth::User(user) => {
                let token = inner.push.issue_token(&user);
                let response = text(StatusCode::OK, "text/plain; charset=utf-8", token);
                (response, Some(user))
            }
            // A non-OCS controller without a session: the security middleware's JSON 401.
            Auth::Anonymous | Auth::Invalid => (
                (
                    StatusCode::UNAUTHORIZED,
                    Json(json!({ "message": "Current user is not logged in" })),
                )
                    .into_response(),
                None,
            ),
        }
    };
    log(&mut inner, &method, &uri, &response, user);
    response
}

/// One socket, from the credentials to the end.
async fn serve(shared: Arc<Shared>, mut socket: WebSocket) {
    let user = match tokio::time::timeout(AUTH_TIMEOUT, socket_login(&shared, &mut socket)).await {
        Ok(Ok(user)) => user,
        Ok(Err(reason)) => {
            let _ = socket
                .send(Message::Text(format!("err: {reason}").into()))
                .await;
            return;
        }
        Err(_) => {
            let _ = socket
                .send(Message::Text("Authentication timeout".into()))
                .await;
            return;
        }
    };
    // Subscribe before saying `authenticated`, so a change right after it is not missed.
    let (mut messages, mut resets, ping_interval) = {
        let mut inner = shared.lock();
        inner.push.sockets += 1;
        (
            inner.push.messages.subscribe(),
            inner.push.resets.subscribe(),
            inner.push.ping_interval,
        )
    };
    tracing::debug!(%user, "push socket authenticated");
    if socket
        .send(Message::Text("authenticated".into()))
        .await
        .is_ok()
    {
        listen(
            &mut socket,
            &user,
            &mut messages,
            &mut resets,
            ping_interval,
        )
        .await;
    }
    shared.lock().push.sockets -= 1;
    tracing::debug!(%user, "push socket closed");
}

async fn listen(
    socket: &mut WebSocket,
    user: &str,
    messages: &mut broadcast::Receiver<Delivery>,
    resets: &mut broadcast::Receiver<()>,
    ping_interval: Duration,
) {
    let mut listen_file_id = false;
    let mut last_send = Instant::now();
    let mut pings_sent: u64 = 0;
    let mut awaited_pong: Option<[u8; 8]> = None;
    let mut ticks = tokio::time::interval(
        MAX_TICK
            .min(ping_interval / 2)
            .max(Duration::from_millis(1)),
    );
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            delivery = messages.recv() => match delivery {
                Ok(Delivery { user: to, message }) if to == user => {
                    let line = message.line(listen_file_id);
                    if socket.send(Message::Text(line.into())).await.is_err() {
                        return;
                    }
                    last_send = Instant::now();
                }
                Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return,
            },
            _ = resets.recv() => {
                let _ = socket.send(Message::Close(None)).await;
                return;
            }
            _ = ticks.tick() => {
                if last_send.elapsed() < ping_interval {
                    continue;
                }
                if awaited_pong.is_some() {
                    tracing::debug!(%user, "push socket did not answer the ping");
                    return;
                }
                pings_sent += 1;
                let data = pings_sent.to_le_bytes();
                if socket.send(Message::Ping(data.to_vec().into())).await.is_err() {
                    return;
                }
                awaited_pong = Some(data);
                last_send = Instant::now();
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Pong(data))) => {
                    // Like the daemon: only the answer to the last ping is welcome.
                    if awaited_pong.take().as_ref().map(<[u8; 8]>::as_slice) != Some(&data[..]) {
                        return;
                    }
                }
                Some(Ok(Message::Text(text))) => {
                    if text.as_str() == "listen notify_file_id" {
                        listen_file_id = true;
                    }
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
        }
    }
}

/// The two-message login; the user id, or the reason the daemon gives.
async fn socket_login(shared: &Shared, socket: &mut WebSocket) -> Result<String, &'static str> {
    let login = read_text(socket).await?;
    let password = read_text(socket).await?;
    let mut inner = shared.lock();
    if let Some(user) = inner.push.redeem_token(&password) {
        return Ok(user);
    }
    if login.is_empty() {
        return Err(INVALID_CREDENTIALS);
    }
    // The daemon asks Nextcloud (`GET /index.php/apps/notify_push/uid` with Basic auth).
    match fault::active(&inner, UID_PATH) {
        Fault::Unauthorized => return Err(INVALID_CREDENTIALS),
        Fault::Maintenance | Fault::ServerError => return Err(NEXTCLOUD_FAILED),
        // The daemon's own request to Nextcloud times out or breaks.
        Fault::Hang(_) | Fault::Truncated | Fault::Reset => return Err(NEXTCLOUD_FAILED),
        Fault::None | Fault::Garbage => {}
    }
    let mut headers = HeaderMap::new();
    let basic = format!("Basic {}", STANDARD.encode(format!("{login}:{password}")));
    let Ok(value) = HeaderValue::from_str(&basic) else {
        return Err(INVALID_CREDENTIALS);
    };
    headers.insert(AUTHORIZATION, value);
    match authenticate(&inner.users, &headers) {
        Auth::User(user) => Ok(user),
        Auth::Anonymous | Auth::Invalid => Err(INVALID_CREDENTIALS),
    }
}

async fn read_text(socket: &mut WebSocket) -> Result<String, &'static str> {
    match socket.recv().await {
        Some(Ok(Message::Text(text))) => Ok(text.as_str().to_owned()),
        Some(Ok(_)) => Err(INVALID_MESSAGE),
        Some(Err(_)) | None => Err(DISCONNECTED),
    }
}

#[derive(Deserialize)]
struct PushSettings {
    enabled: Option<bool>,
    ping_interval_ms: Option<u64>,
}

async fn configure(
    State(shared): State<Arc<Shared>>,
    Json(settings): Json<PushSettings>,
) -> StatusCode {
    let control = Control::new(shared);
    if let Some(ms) = settings.ping_interval_ms {
        control.set_push_ping_interval(Duration::from_millis(ms));
    }
    if let Some(enabled) = settings.enabled {
        control.enable_push(enabled);
    }
    StatusCode::NO_CONTENT
}

async fn push_state(State(shared): State<Arc<Shared>>) -> Response {
    let inner = shared.lock();
    let ping_ms = u64::try_from(inner.push.ping_interval.as_millis()).unwrap_or(u64::MAX);
    Json(json!({
        "enabled": inner.push.enabled,
        "sockets": inner.push.sockets,
        "ping_interval_ms": ping_ms,
    }))
    .into_response()
}

async fn drop_sockets(State(shared): State<Arc<Shared>>) -> StatusCode {
    Control::new(shared).drop_push_sockets();
    StatusCode::NO_CONTENT
}

async fn push_to_user(
    State(shared): State<Arc<Shared>>,
    Path(user): Path<String>,
    Json(message): Json<PushMessage>,
) -> StatusCode {
    Control::new(shared).push_to(&user, message);
    StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_written_like_the_daemon() {
        assert_eq!(PushMessage::Notification.line(false), "notify_notification");
        assert_eq!(PushMessage::Activity.line(true), "notify_activity");
        assert_eq!(PushMessage::File(vec![3, 4]).line(false), "notify_file");
        assert_eq!(
            PushMessage::File(vec![3, 4]).line(true),
            "notify_file_id [3,4]"
        );
        assert_eq!(PushMessage::File(vec![]).line(true), "notify_file");
        let custom = PushMessage::Custom("notify_talk".into(), json!({"token": "abc"}));
        assert_eq!(custom.line(false), r#"notify_talk {"token":"abc"}"#);
        let bare = PushMessage::Custom("notify_x".into(), serde_json::Value::Null);
        assert_eq!(bare.line(false), "notify_x");
    }

    #[test]
    fn messages_have_a_json_form_for_the_control_api() {
        let file: PushMessage = serde_json::from_str(r#"{"type":"file","data":[7]}"#).unwrap();
        assert_eq!(file, PushMessage::File(vec![7]));
        let note: PushMessage = serde_json::from_str(r#"{"type":"notification"}"#).unwrap();
        assert_eq!(note, PushMessage::Notification);
    }

    #[test]
    fn a_pre_auth_token_works_once() {
        let mut push = Push::new();
        let token = push.issue_token("bob");
        assert_eq!(token.len(), 32);
        assert_eq!(push.redeem_token(&token).as_deref(), Some("bob"));
        assert_eq!(push.redeem_token(&token), None);
    }
}
