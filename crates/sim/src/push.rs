//! notify_push: the push daemon's WebSocket and its app's
//! `POST /index.php/apps/notify_push/pre_auth`.
//!
//! Off by default, like a server without the daemon. [`crate::SimConfig::push`] or
//! [`crate::Control::enable_push`] switch it on; only then do logged-in users see the
//! `notify_push` capability (which changes the capabilities ETag) and does the socket answer.
//! Where the socket is follows [`PushSocket`]: behind the web server (`<base>/push/ws`) or, as
//! `notify_push:setup` allows, on the daemon's own port (`ws://127.0.0.1:<port>/ws`) with
//! `pre_auth` still on the server's origin.
//!
//! The socket speaks the daemon's protocol. The client sends its login name, then its password
//! (an app password or the login password, checked like HTTP Basic) or an empty name and a
//! one-time token from `pre_auth` (valid 15 s), within 15 s of connecting. The server answers
//! `authenticated`, or `err: Invalid credentials` and drops the connection (no close frame, like
//! the daemon); at most 64 sockets per user are authenticated at once. Afterwards it sends one
//! text line per change for that user: `notify_notification`, `notify_activity`, `notify_file`
//! (`notify_file_id [ids]` to a socket that sent `listen notify_file_id`) or `<type> <json>`.
//! Every 30 s it pings with 4 random bytes; a socket whose pong did not carry the bytes of the
//! previous ping by the next one is closed.
//!
//! Like the daemon it debounces per socket and kind: the first change of a kind opens a window
//! (notifications 1 s, as the daemon; activities and files 1 s, the middle of the daemon's
//! 0.5–1.5 s), every further change of that kind in the window merges into it (file ids are
//! united), and one line goes out when the window closes. Custom messages go out at once.
//! [`crate::Control::set_push_debounce`] changes the windows for tests.
//!
//! Every socket is recorded ([`PushSocketRecord`]: where it was opened, what the client sent,
//! what it got, pings and pongs), so tests can check that no password reached a socket.
//!
//! Anything in the simulator that changes a user's data calls [`Push::send`]
//! (`inner.push.send(user, PushMessage::Activity)`); sending is cheap and a no-op when no socket
//! listens.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasher, Hasher};
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

/// Where the daemon listens behind the web server (its base endpoint is `<server>/push`).
pub(crate) const WEBSOCKET_PATH: &str = "/push/ws";
/// The daemon's own path on its own port.
pub(crate) const OWN_PORT_PATH: &str = "/ws";
/// The app's pre-auth route (`notify_push.Auth.preAuth`), without pretty URLs.
pub(crate) const PRE_AUTH_PATH: &str = "/index.php/apps/notify_push/pre_auth";
/// Where the daemon checks a socket's credentials with Nextcloud; a fault set for this path
/// (or a prefix of it) hits the socket login.
pub(crate) const UID_PATH: &str = "/index.php/apps/notify_push/uid";
const DEFAULT_PING_INTERVAL: Duration = Duration::from_secs(30);
/// The daemon gives a new socket this long to send its credentials.
const DEFAULT_AUTH_TIMEOUT: Duration = Duration::from_secs(15);
/// The daemon's debounce of notification changes.
const NOTIFICATION_DEBOUNCE: Duration = Duration::from_secs(1);
/// Activities and files: the middle of the daemon's 0.5–1.5 s.
const ACTIVITY_DEBOUNCE: Duration = Duration::from_secs(1);
const FILE_DEBOUNCE: Duration = Duration::from_secs(1);
/// Authenticated sockets per user, like the daemon.
pub(crate) const MAX_SOCKETS_PER_USER: usize = 64;
/// Pre-auth tokens older than this are forgotten.
const PRE_AUTH_LIFETIME: Duration = Duration::from_secs(15);
/// Messages a slow socket may fall behind before it misses some (best effort, like the daemon).
const CHANNEL_CAPACITY: usize = 256;

const INVALID_CREDENTIALS: &str = "Invalid credentials";
const INVALID_MESSAGE: &str = "Invalid authentication message";
const DISCONNECTED: &str = "Client disconnected unexpectedly";
/// What the daemon says when Nextcloud itself cannot check the credentials (maintenance, 500).
const NEXTCLOUD_FAILED: &str = "Error while sending authentication request to nextcloud";
/// The simulator's words for the 65th socket of a user.
const TOO_MANY_SOCKETS: &str = "Too many connections for this user";

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

impl PushMessage {
    /// The debounce window of this kind; `None`: sent at once.
    fn debounce(&self, debounce: &Debounce) -> Option<Duration> {
        match self {
            PushMessage::Notification => Some(debounce.notification),
            PushMessage::Activity => Some(debounce.activity),
            PushMessage::File(_) => Some(debounce.file),
            PushMessage::Custom(..) => None,
        }
    }

    /// Two changes of the same kind in one window become this one.
    fn merge(&mut self, later: PushMessage) {
        if let (PushMessage::File(ids), PushMessage::File(more)) = (self, later) {
            // An empty list means "unknown files": the merged line cannot name them either.
            if ids.is_empty() || more.is_empty() {
                ids.clear();
            } else {
                let all: BTreeSet<u64> = ids.iter().chain(&more).copied().collect();
                *ids = all.into_iter().collect();
            }
        }
    }

    fn same_kind(&self, other: &PushMessage) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Where the push socket listens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PushSocket {
    /// Behind the web server: `<base>/push/ws` (below the path prefix, if any).
    #[default]
    BehindProxy,
    /// The daemon on its own port of 127.0.0.1: `ws://127.0.0.1:<port>/ws` (`wss://` when the
    /// simulator serves HTTPS, with the same certificate). `<base>/push/ws` answers 404.
    OwnPort,
    /// Its own port, plain `ws://` even when the simulator serves HTTPS (a server set up
    /// without TLS for the daemon).
    OwnPortWithoutTls,
}

/// Which listener a socket came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushPort {
    /// `<base>/push/ws` on the server's own origin.
    ServerOrigin,
    /// The daemon's own port.
    OwnPort,
}

/// What one socket saw, for tests (kept for every socket, open or closed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushSocketRecord {
    pub listener: PushPort,
    /// Set once authenticated.
    pub user: Option<String>,
    /// Text frames from the client, in order (the login name and password or token first).
    pub received: Vec<String>,
    /// Text frames to the client, in order (`authenticated` first).
    pub sent: Vec<String>,
    pub pings: usize,
    /// Pongs that carried the bytes of the last ping.
    pub pongs: usize,
    pub open: bool,
}

#[derive(Debug, Clone, Copy)]
struct Debounce {
    notification: Duration,
    activity: Duration,
    file: Duration,
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
    auth_timeout: Duration,
    debounce: Debounce,
    /// Whether the socket is on the daemon's own port (then the server origin has none).
    own_port: bool,
    /// What the capability names as `endpoints.websocket`.
    websocket_url: String,
    records: Vec<PushSocketRecord>,
    /// Authenticated open sockets per user.
    per_user: HashMap<String, usize>,
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
            auth_timeout: DEFAULT_AUTH_TIMEOUT,
            debounce: Debounce {
                notification: NOTIFICATION_DEBOUNCE,
                activity: ACTIVITY_DEBOUNCE,
                file: FILE_DEBOUNCE,
            },
            own_port: false,
            websocket_url: String::new(),
            records: Vec::new(),
            per_user: HashMap::new(),
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

    /// Where the socket is, as the capability names it (set once when the simulator starts).
    pub(crate) fn set_websocket(&mut self, url: String, own_port: bool) {
        self.websocket_url = url;
        self.own_port = own_port;
    }

    fn record(&mut self, socket: usize) -> &mut PushSocketRecord {
        &mut self.records[socket]
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

    /// How long a new socket may take to send its credentials (15 s like the daemon).
    pub fn set_push_auth_timeout(&self, timeout: Duration) {
        self.shared.lock().push.auth_timeout = timeout;
    }

    /// The debounce windows (notifications, then activities and files alike), for every change
    /// from now on; zero sends every change at once. Default: 1 s each, like the daemon.
    pub fn set_push_debounce(&self, notification: Duration, activity_and_file: Duration) {
        self.shared.lock().push.debounce = Debounce {
            notification,
            activity: activity_and_file,
            file: activity_and_file,
        };
    }

    /// Every socket opened so far, in order.
    pub fn push_socket_records(&self) -> Vec<PushSocketRecord> {
        self.shared.lock().push.records.clone()
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
    let websocket = inner.push.websocket_url.clone();
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
        .route(
            WEBSOCKET_PATH,
            get(|state, method, uri, upgrade| async move {
                websocket(state, method, uri, upgrade, PushPort::ServerOrigin).await
            }),
        )
        .route(PRE_AUTH_PATH, post(pre_auth))
}

/// The daemon on its own port: only its socket.
pub(crate) fn own_port_routes() -> Router<Arc<Shared>> {
    Router::new().route(
        OWN_PORT_PATH,
        get(|state, method, uri, upgrade| async move {
            websocket(state, method, uri, upgrade, PushPort::OwnPort).await
        }),
    )
}

/// `ws://…`/`wss://…` for an `http://…`/`https://…` address.
pub(crate) fn websocket_scheme(url: &str) -> String {
    url.replacen("http", "ws", 1)
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
    listener: PushPort,
) -> Response {
    let mut inner = shared.lock();
    let behind_proxy = listener == PushPort::ServerOrigin;
    let response = if !inner.push.enabled || behind_proxy == inner.push.own_port {
        // No daemon behind the proxy (or the daemon is on its own port only).
        not_found()
    } else {
        match upgrade {
            Ok(upgrade) => {
                let shared = shared.clone();
                upgrade
                    .on_upgrade(move |socket| serve(shared, socket, listener))
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
async fn serve(shared: Arc<Shared>, socket: WebSocket, listener: PushPort) {
    let (id, auth_timeout) = {
        let mut inner = shared.lock();
        inner.push.records.push(PushSocketRecord {
            listener,
            user: None,
            received: Vec::new(),
            sent: Vec::new(),
            pings: 0,
            pongs: 0,
            open: true,
        });
        (inner.push.records.len() - 1, inner.push.auth_timeout)
    };
    let mut socket = Recorded {
        socket,
        shared: shared.clone(),
        id,
    };
    let login = tokio::time::timeout(auth_timeout, socket_login(&mut socket)).await;
    // Subscribe before saying `authenticated`, so a change right after it is not missed.
    let admitted = {
        let mut inner = shared.lock();
        match login {
            Ok(Ok(user)) => {
                let open = inner.push.per_user.entry(user.clone()).or_default();
                if *open >= MAX_SOCKETS_PER_USER {
                    Err(format!("err: {TOO_MANY_SOCKETS}"))
                } else {
                    *open += 1;
                    inner.push.sockets += 1;
                    inner.push.record(id).user = Some(user.clone());
                    Ok((
                        user,
                        inner.push.messages.subscribe(),
                        inner.push.resets.subscribe(),
                        inner.push.ping_interval,
                    ))
                }
            }
            Ok(Err(reason)) => Err(format!("err: {reason}")),
            Err(_) => Err("Authentication timeout".to_owned()),
        }
    };
    match admitted {
        Ok((user, mut messages, mut resets, ping_interval)) => {
            tracing::debug!(%user, "push socket authenticated");
            if socket.send_text("authenticated".into()).await {
                listen(
                    &mut socket,
                    &user,
                    &mut messages,
                    &mut resets,
                    ping_interval,
                )
                .await;
            }
            let mut inner = shared.lock();
            inner.push.sockets -= 1;
            if let Some(open) = inner.push.per_user.get_mut(&user) {
                *open -= 1;
            }
            tracing::debug!(%user, "push socket closed");
        }
        Err(answer) => {
            let _ = socket.send_text(answer).await;
        }
    }
    shared.lock().push.record(id).open = false;
}

/// A socket that writes what crosses it into its [`PushSocketRecord`].
struct Recorded {
    socket: WebSocket,
    shared: Arc<Shared>,
    id: usize,
}

impl Recorded {
    /// Whether the line was sent.
    async fn send_text(&mut self, line: String) -> bool {
        self.shared
            .lock()
            .push
            .record(self.id)
            .sent
            .push(line.clone());
        self.socket.send(Message::Text(line.into())).await.is_ok()
    }

    async fn recv(&mut self) -> Option<Result<Message, axum::Error>> {
        let incoming = self.socket.recv().await;
        if let Some(Ok(Message::Text(text))) = &incoming {
            let mut inner = self.shared.lock();
            inner
                .push
                .record(self.id)
                .received
                .push(text.as_str().to_owned());
        }
        incoming
    }
}

/// Changes waiting for their debounce window to close, oldest window first.
#[derive(Default)]
struct Held {
    pending: Vec<(tokio::time::Instant, PushMessage)>,
}

impl Held {
    /// Holds `message` (merged into a waiting one of its kind), or hands it back when its kind
    /// is not debounced (it goes out at once).
    fn hold(&mut self, message: PushMessage, debounce: &Debounce) -> Result<(), PushMessage> {
        let Some(window) = message.debounce(debounce).filter(|w| !w.is_zero()) else {
            return Err(message);
        };
        match self.pending.iter_mut().find(|(_, m)| m.same_kind(&message)) {
            Some((_, waiting)) => waiting.merge(message),
            None => self
                .pending
                .push((tokio::time::Instant::now() + window, message)),
        }
        Ok(())
    }

    fn next_due(&self) -> Option<tokio::time::Instant> {
        self.pending.iter().map(|(due, _)| *due).min()
    }

    fn take_due(&mut self) -> Vec<PushMessage> {
        let now = tokio::time::Instant::now();
        let (due, waiting): (Vec<_>, Vec<_>) =
            self.pending.drain(..).partition(|(at, _)| *at <= now);
        self.pending = waiting;
        due.into_iter().map(|(_, message)| message).collect()
    }
}

/// 4 random bytes, like the daemon's ping payload (std's hasher keys are random per process).
fn ping_payload() -> [u8; 4] {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    let bytes = hasher.finish().to_le_bytes();
    [bytes[0], bytes[1], bytes[2], bytes[3]]
}

async fn listen(
    socket: &mut Recorded,
    user: &str,
    messages: &mut broadcast::Receiver<Delivery>,
    resets: &mut broadcast::Receiver<()>,
    ping_interval: Duration,
) {
    let mut listen_file_id = false;
    let mut held = Held::default();
    let mut awaited_pong: Option<[u8; 4]> = None;
    let mut pings =
        tokio::time::interval_at(tokio::time::Instant::now() + ping_interval, ping_interval);
    pings.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let due = held.next_due();
        let release_at = due.unwrap_or_else(tokio::time::Instant::now);
        tokio::select! {
            delivery = messages.recv() => match delivery {
                Ok(Delivery { user: to, message }) if to == user => {
                    let debounce = socket.shared.lock().push.debounce;
                    if let Err(now) = held.hold(message, &debounce) {
                        if !socket.send_text(now.line(listen_file_id)).await {
                            return;
                        }
                    }
                }
                Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return,
            },
            () = tokio::time::sleep_until(release_at), if due.is_some() => {
                for message in held.take_due() {
                    if !socket.send_text(message.line(listen_file_id)).await {
                        return;
                    }
                }
            }
            _ = resets.recv() => {
                let _ = socket.socket.send(Message::Close(None)).await;
                return;
            }
            _ = pings.tick() => {
                if awaited_pong.is_some() {
                    tracing::debug!(%user, "push socket did not answer the ping");
                    return;
                }
                let data = ping_payload();
                if socket.socket.send(Message::Ping(data.to_vec().into())).await.is_err() {
                    return;
                }
                socket.shared.lock().push.record(socket.id).pings += 1;
                awaited_pong = Some(data);
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Pong(data))) => {
                    // Only the bytes of the last ping count; an unasked-for pong is ignored.
                    if let Some(awaited) = awaited_pong.take() {
                        if data[..] != awaited[..] {
                            tracing::debug!(%user, "push socket answered the ping wrongly");
                            return;
                        }
                        socket.shared.lock().push.record(socket.id).pongs += 1;
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
async fn socket_login(socket: &mut Recorded) -> Result<String, &'static str> {
    let login = read_text(socket).await?;
    let password = read_text(socket).await?;
    let mut inner = socket.shared.lock();
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

async fn read_text(socket: &mut Recorded) -> Result<String, &'static str> {
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
