//! notify_push: instant "something changed" signals over a WebSocket, so the app can fetch at
//! once instead of waiting for the next poll.
//!
//! The server offers it in the capabilities (`notify_push.endpoints.websocket`, only with the
//! push daemon installed). A socket logs in with two text messages, the login name and then the
//! app password (or an empty name and a one-time token from `POST endpoints.pre_auth`), and the
//! server answers `authenticated` or `err: <reason>`. Afterwards every text line is one
//! [`PushEvent`]; the daemon pings every 30 s (4 random bytes) and drops a socket whose pong
//! does not carry the same bytes, so the reader answers every ping at once.
//!
//! Where the socket may be, and what it gets ([`PushApi::listen_to`] applies all of this):
//! - The daemon often has its own port or host (`ws://127.0.0.1:7867/ws`, which
//!   `notify_push:setup` allows) or sits below the domain's `/push/`. Any of these is fine.
//! - The app password goes over the socket only when it is on the account's own origin
//!   (scheme, host and port); anywhere else the socket logs in with a `pre_auth` token, and
//!   without a `pre_auth` endpoint it is not used at all.
//! - `pre_auth` is called (with the account's Authorization) only on the account's own origin
//!   and base path.
//! - An `https` account accepts only a `wss://` socket.
//! - The account's proxy applies to the socket like to every request. A pinned certificate
//!   belongs to the account's host: it is the trust for a socket on that host (any port),
//!   while a socket on another host must have a certificate the system trusts.
//!
//! Delivery is best effort: keep a slow poll running, fetch everything once on
//! [`PushUpdate::Connected`], and poll normally while [`PushUpdate::Disconnected`].
//!
//! ```no_run
//! # async fn demo(client: nextcloud::Client) -> nextcloud::Result<()> {
//! use nextcloud::{PushEvent, PushOptions, PushUpdate};
//! let caps = client.capabilities(None).await?.value.unwrap_or_default();
//! let Some(websocket) = caps.notify_push.as_ref().and_then(|p| p.websocket_url()) else {
//!     return Ok(()); // no push: poll
//! };
//! let mut push = client.push().listen(websocket, PushOptions::default());
//! // Or, logging in with a pre_auth token where the server offers one:
//! // client.push().listen_to(caps.notify_push.as_ref().unwrap(), PushOptions::default())
//! loop {
//!     match push.next().await {
//!         PushUpdate::Connected => { /* refresh everything once */ }
//!         PushUpdate::Event(PushEvent::Notification) => { /* fetch notifications */ }
//!         PushUpdate::Event(_) => {}
//!         PushUpdate::Disconnected(_) => { /* poll until Connected */ }
//!     }
//! }
//! # }
//! ```

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::{header, Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio::time::{timeout, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{Connector, MaybeTlsStream, WebSocketStream};
use url::Url;

use crate::client::excerpt;
use crate::{proxy, tls, user_agent, Client, Error, NotifyPush, Result};

/// The server pings every 30 s; a socket silent for this long is taken for dead.
const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(75);
/// Connecting plus the login answer (the daemon itself allows 15 s for the credentials).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(20);
const DEFAULT_RETRY_MIN: Duration = Duration::from_secs(1);
const DEFAULT_RETRY_MAX: Duration = Duration::from_secs(300);
/// Push lines are short; anything bigger is not notify_push.
const MAX_MESSAGE: usize = 64 * 1024;
const INVALID_CREDENTIALS: &str = "Invalid credentials";

/// One line from the push server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PushEvent {
    /// `notify_notification`: the user's notifications changed (new or dismissed).
    Notification,
    /// `notify_activity`: there is a new activity.
    Activity,
    /// `notify_file`: some file the user can see changed.
    File,
    /// `notify_file_id [ids]` (after [`PushStream::listen_file_ids`]): these files changed.
    FileIds(Vec<u64>),
    /// Anything else: `<kind>` alone, or `<kind> <body>` with the body as JSON (a string
    /// when it is not JSON).
    Other { kind: String, body: Option<Value> },
}

impl PushEvent {
    /// Reads one text line as the daemon writes it. Never fails: unknown lines are
    /// [`PushEvent::Other`].
    pub fn parse(line: &str) -> PushEvent {
        let line = line.trim();
        let (kind, body) = match line.split_once(char::is_whitespace) {
            Some((kind, body)) => (kind, Some(body.trim())),
            None => (line, None),
        };
        match kind {
            "notify_notification" => PushEvent::Notification,
            "notify_activity" => PushEvent::Activity,
            "notify_file" => PushEvent::File,
            "notify_file_id" => body
                .and_then(|ids| serde_json::from_str::<Vec<u64>>(ids).ok())
                .map_or(PushEvent::File, PushEvent::FileIds),
            _ => PushEvent::Other {
                kind: kind.to_owned(),
                body: body.map(|text| {
                    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
                }),
            },
        }
    }
}

impl NotifyPush {
    /// `endpoints.websocket` as a URL, when it is a `ws`/`wss` URL.
    pub fn websocket_url(&self) -> Option<Url> {
        let url = Url::parse(self.endpoints.websocket.as_deref()?).ok()?;
        matches!(url.scheme(), "ws" | "wss").then_some(url)
    }

    /// `endpoints.pre_auth` as a URL, when it is an `http`/`https` URL.
    pub fn pre_auth_url(&self) -> Option<Url> {
        let url = Url::parse(self.endpoints.pre_auth.as_deref()?).ok()?;
        matches!(url.scheme(), "http" | "https").then_some(url)
    }
}

/// The notify_push calls, from [`Client::push`].
#[derive(Debug, Clone, Copy)]
pub struct PushApi<'a> {
    client: &'a Client,
}

impl Client {
    /// notify_push: connect to the push server and get events.
    pub fn push(&self) -> PushApi<'_> {
        PushApi { client: self }
    }
}

impl PushApi<'_> {
    /// One socket, logged in with the login name and app password.
    pub async fn connect(&self, websocket: &Url) -> Result<PushStream> {
        PushStream::connect(self.client, websocket).await
    }

    /// `POST endpoints.pre_auth`: a one-time token (valid about 15 s) that logs a socket in
    /// with an empty login name, so the app password never travels over the socket.
    pub async fn pre_auth(&self, pre_auth: &Url) -> Result<String> {
        if !self.client.is_account_url(pre_auth) {
            return Err(pre_auth_elsewhere(pre_auth));
        }
        let request = self.client.request(Method::POST, pre_auth.clone());
        let reply = self.client.send(request).await?;
        match reply.status {
            StatusCode::OK => {}
            StatusCode::UNAUTHORIZED => return Err(Error::Unauthorized),
            StatusCode::SERVICE_UNAVAILABLE => return Err(Error::Maintenance),
            status => {
                return Err(Error::Http {
                    status: status.as_u16(),
                    message: excerpt(&reply.body),
                })
            }
        }
        let token = String::from_utf8_lossy(&reply.body).trim().to_owned();
        let plausible =
            !token.is_empty() && token.len() <= 256 && token.chars().all(|c| c.is_ascii_graphic());
        if !plausible {
            return Err(Error::Decode(format!(
                "pre_auth: expected a token, got {}",
                excerpt(&reply.body)
            )));
        }
        Ok(token)
    }

    /// A socket that reconnects by itself; see [`PushListener`].
    pub fn listen(&self, websocket: Url, options: PushOptions) -> PushListener {
        PushListener::new(self.client, websocket, options)
    }

    /// A listener on the socket the capability names, wherever it is, logging in with a
    /// `pre_auth` token whenever the capability names that endpoint (and `options.pre_auth` is
    /// not set), so the app password never crosses the socket, nor any frame log.
    ///
    /// Refused with [`Error::Invalid`] (statuscode 0, a sentence for the log) before anything
    /// is sent when push cannot be used safely: no usable websocket URL, a `ws://` socket for
    /// an `https` account, a `pre_auth` endpoint outside the account's origin and base path, or
    /// a socket outside the account's origin without a `pre_auth` endpoint (the app password
    /// is never sent there). The caller polls instead.
    pub fn listen_to(&self, capability: &NotifyPush, options: PushOptions) -> Result<PushListener> {
        let websocket = capability.websocket_url().ok_or_else(|| {
            Error::refused(format!(
                "The server names no usable push socket address ({:?})",
                capability
                    .endpoints
                    .websocket
                    .as_deref()
                    .unwrap_or_default()
            ))
        })?;
        let pre_auth = options.pre_auth.or_else(|| capability.pre_auth_url());
        let place = SocketPlace::of(self.client, &websocket)?;
        match &pre_auth {
            Some(pre_auth) if !self.client.is_account_url(pre_auth) => {
                return Err(pre_auth_elsewhere(pre_auth))
            }
            Some(_) => {}
            None if !place.same_origin => {
                return Err(Error::refused(format!(
                    "The push server {:?} is not on the account's server and the server offers \
                     no pre_auth login; the app password is not sent there",
                    websocket.origin().ascii_serialization()
                )))
            }
            None => {}
        }
        Ok(self.listen(
            websocket,
            PushOptions {
                pre_auth,
                ..options
            },
        ))
    }
}

/// One logged-in push socket. It ends with the first error; [`PushListener`] reconnects.
pub struct PushStream {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    idle_timeout: Duration,
}

impl std::fmt::Debug for PushStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PushStream")
            .field("idle_timeout", &self.idle_timeout)
            .finish_non_exhaustive()
    }
}

/// How a socket logs in.
enum Login {
    AppPassword,
    Token(String),
}

/// A socket URL (without credentials) and where it is relative to the account.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SocketPlace {
    url: Url,
    /// Scheme (ws ↔ http, wss ↔ https), host and port of the account: may get the app password.
    same_origin: bool,
    /// The account's host, any port: a pinned certificate applies.
    same_host: bool,
}

impl SocketPlace {
    /// Refuses what is no WebSocket URL, and `ws://` for an `https` account (https never
    /// silently becomes plain text).
    fn of(client: &Client, websocket: &Url) -> Result<SocketPlace> {
        let http_scheme = match websocket.scheme() {
            "ws" => "http",
            "wss" => "https",
            _ => {
                return Err(Error::refused(format!(
                    "The push address must start with wss:// or ws://, not {:?}",
                    websocket.as_str()
                )))
            }
        };
        let account = client.server();
        if account.scheme() == "https" && http_scheme == "http" {
            return Err(Error::refused(format!(
                "The push server {:?} is unencrypted (ws://) while the account uses https; \
                 push is not used",
                websocket.origin().ascii_serialization()
            )));
        }
        let mut as_http = websocket.clone();
        let same_origin =
            as_http.set_scheme(http_scheme).is_ok() && client.is_same_origin(&as_http);
        let same_host = websocket.host() == account.host();
        let mut url = websocket.clone();
        let _ = url.set_username("");
        let _ = url.set_password(None);
        url.set_fragment(None);
        Ok(SocketPlace {
            url,
            same_origin,
            same_host,
        })
    }
}

impl PushStream {
    /// Opens `websocket` and logs in with the client's login name and app password.
    ///
    /// `websocket` must be on the account's own origin: `ws://` for an `http://` account,
    /// `wss://` for `https://`, same host and port. Anything else is refused with
    /// [`Error::Invalid`] (statuscode 0) before a byte is sent: a socket elsewhere logs in
    /// with [`PushStream::connect_pre_authenticated`].
    ///
    /// The app password travels as a WebSocket text frame, and tungstenite logs frame payloads
    /// at TRACE level (`log` target `tungstenite`): where the server offers `pre_auth`, prefer
    /// [`PushStream::connect_pre_authenticated`] or [`PushApi::listen_to`].
    ///
    /// Errors: `err: Invalid credentials` → [`Error::Unauthorized`]; no socket there (e.g. 404
    /// when the daemon is not running) → [`Error::Http`]; 503 → [`Error::Maintenance`];
    /// any other refusal, a timeout or a broken connection → [`Error::Network`].
    pub async fn connect(client: &Client, websocket: &Url) -> Result<PushStream> {
        let place = SocketPlace::of(client, websocket)?;
        Self::open(client, place, Login::AppPassword).await
    }

    /// Like [`PushStream::connect`], but logs in with a fresh token from
    /// [`PushApi::pre_auth`] (which must be on the account's origin and base path) and an
    /// empty login name. The socket may be anywhere (another port, another host), but an
    /// `https` account accepts only `wss://`.
    pub async fn connect_pre_authenticated(
        client: &Client,
        websocket: &Url,
        pre_auth: &Url,
    ) -> Result<PushStream> {
        let place = SocketPlace::of(client, websocket)?;
        let token = client.push().pre_auth(pre_auth).await?;
        Self::open(client, place, Login::Token(token)).await
    }

    async fn open(client: &Client, place: SocketPlace, login: Login) -> Result<PushStream> {
        if matches!(login, Login::AppPassword) && !place.same_origin {
            return Err(not_same_origin(&place.url));
        }
        let url = place.url;
        let mut request = url
            .as_str()
            .into_client_request()
            .map_err(|e| Error::refused(format!("Bad push address {:?}: {e}", url.as_str())))?;
        if let Ok(agent) = HeaderValue::from_str(&user_agent()) {
            request.headers_mut().insert(header::USER_AGENT, agent);
        }
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_MESSAGE))
            .max_frame_size(Some(MAX_MESSAGE));
        tracing::debug!(path = url.path(), "opening the push socket");
        let deadline = Instant::now() + HANDSHAKE_TIMEOUT;
        let mut connection = client.connection().clone();
        if !place.same_host {
            // The pin is the trust for the account's host only.
            connection.pinned_certificate = None;
        }
        let connection = &connection;
        let tls = tls::client_config(connection, tls::Use::WebSocket)?;
        // The same certificate rules and proxy as every request of the account.
        let connect = async {
            let stream = proxy::connect(&url, connection.proxy.as_ref()).await?;
            let _ = stream.set_nodelay(true);
            let connector = Connector::Rustls(tls);
            tokio_tungstenite::client_async_tls_with_config(
                request,
                stream,
                Some(config),
                Some(connector),
            )
            .await
            .map_err(socket_error)
        };
        let (mut socket, _) = tokio::time::timeout_at(deadline, connect)
            .await
            .map_err(|_| handshake_timeout())??;

        let (name, secret) = match &login {
            Login::AppPassword => (client.login_name(), client.app_password()),
            Login::Token(token) => ("", token.as_str()),
        };
        for text in [name, secret] {
            socket
                .send(Message::text(text))
                .await
                .map_err(socket_error)?;
        }
        loop {
            let frame = tokio::time::timeout_at(deadline, socket.next())
                .await
                .map_err(|_| handshake_timeout())?;
            match frame {
                Some(Ok(Message::Text(text))) => {
                    let text = text.as_str().trim();
                    if text == "authenticated" {
                        break;
                    }
                    return Err(match text.strip_prefix("err: ") {
                        Some(INVALID_CREDENTIALS) => Error::Unauthorized,
                        Some(reason) => {
                            Error::Network(format!("the push server refused the login: {reason}"))
                        }
                        None => Error::Network(format!(
                            "the push server answered the login with {}",
                            excerpt(text.as_bytes())
                        )),
                    });
                }
                Some(Ok(Message::Ping(_))) => flush_pong(&mut socket).await?,
                Some(Ok(Message::Pong(_))) => {}
                Some(Ok(_)) => {
                    return Err(Error::Network(
                        "the push server answered the login with a binary message".into(),
                    ))
                }
                Some(Err(e)) => return Err(socket_error(e)),
                None => {
                    return Err(Error::Network(
                        "the push server closed the connection during the login".into(),
                    ))
                }
            }
        }
        tracing::debug!("push socket authenticated");
        Ok(PushStream {
            socket,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
        })
    }

    /// How long the socket may stay silent (the server pings every 30 s) before [`next`]
    /// gives up on it. Default 75 s.
    ///
    /// [`next`]: PushStream::next
    pub fn set_idle_timeout(&mut self, idle_timeout: Duration) {
        self.idle_timeout = idle_timeout;
    }

    /// Asks for `notify_file_id [ids]` instead of a bare `notify_file` where the server knows
    /// the ids.
    pub async fn listen_file_ids(&mut self) -> Result<()> {
        self.socket
            .send(Message::text("listen notify_file_id"))
            .await
            .map_err(socket_error)
    }

    /// The next event. Pings are answered on the way, at once (the daemon drops a socket that
    /// has not answered by its next ping). An error means the socket is gone (closed by the
    /// server, broken, or silent past the idle timeout): connect again.
    ///
    /// Cancel-safe: dropping the future loses nothing.
    pub async fn next(&mut self) -> Result<PushEvent> {
        loop {
            let frame = timeout(self.idle_timeout, self.socket.next())
                .await
                .map_err(|_| {
                    Error::Network(format!(
                        "the push server sent nothing, not even a ping, for {} s",
                        self.idle_timeout.as_secs()
                    ))
                })?;
            match frame {
                Some(Ok(Message::Text(text))) => return Ok(PushEvent::parse(text.as_str())),
                Some(Ok(Message::Ping(_))) => flush_pong(&mut self.socket).await?,
                Some(Ok(Message::Close(_))) | None => {
                    return Err(Error::Network(
                        "the push server closed the connection".into(),
                    ))
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(socket_error(e)),
            }
        }
    }

    /// Says goodbye with a close frame.
    pub async fn close(mut self) {
        let _ = self.socket.close(None).await;
    }
}

/// Settings of a [`PushListener`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushOptions {
    /// Log in with a token from this `pre_auth` endpoint instead of sending the app password
    /// over the socket.
    pub pre_auth: Option<Url>,
    /// Ask for `notify_file_id` lines ([`PushStream::listen_file_ids`]).
    pub file_ids: bool,
    /// The first wait before reconnecting; doubles on each failure up to `retry_max`, and
    /// starts over once a socket was authenticated. Default 1 s.
    pub retry_min: Duration,
    /// Default 5 minutes.
    pub retry_max: Duration,
    /// See [`PushStream::set_idle_timeout`]. Default 75 s.
    pub idle_timeout: Duration,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            pre_auth: None,
            file_ids: false,
            retry_min: DEFAULT_RETRY_MIN,
            retry_max: DEFAULT_RETRY_MAX,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
        }
    }
}

/// What a [`PushListener`] reports.
#[derive(Debug, Clone, PartialEq)]
pub enum PushUpdate {
    /// A socket is authenticated: refresh everything once (changes while disconnected were
    /// missed), then rely on events plus a slow poll.
    Connected,
    /// Something changed on the server.
    Event(PushEvent),
    /// The socket dropped or could not be opened: poll until the next `Connected`. Reported once
    /// per outage (with the first error); the listener keeps retrying with backoff.
    /// [`Error::Unauthorized`] means the app password was refused.
    Disconnected(Error),
}

/// A push socket that reconnects by itself with backoff and reports its state changes.
///
/// Pull-based (no background task): call [`PushListener::next`] in a loop, e.g. in a
/// `tokio::select!` with the poll timer. Dropping the listener closes the socket.
#[derive(Debug)]
pub struct PushListener {
    client: Client,
    websocket: Url,
    options: PushOptions,
    stream: Option<PushStream>,
    /// The last state reported: `None` before the first attempt.
    connected: Option<bool>,
    /// When the next attempt may start (`None`: at once).
    retry_at: Option<Instant>,
    /// The wait after the next failure.
    delay: Duration,
}

impl PushListener {
    /// Connects on the first [`next`](Self::next).
    pub fn new(client: &Client, websocket: Url, options: PushOptions) -> PushListener {
        let delay = options.retry_min;
        PushListener {
            client: client.clone(),
            websocket,
            options,
            stream: None,
            connected: None,
            retry_at: None,
            delay,
        }
    }

    /// Whether a socket is authenticated right now.
    pub fn is_connected(&self) -> bool {
        self.stream.is_some()
    }

    /// The next state change or event; waits (and reconnects) as long as it takes.
    ///
    /// Cancel-safe in the sense that matters: dropping the future loses no event and keeps the
    /// backoff; at most an unfinished connection attempt is started again.
    pub async fn next(&mut self) -> PushUpdate {
        loop {
            if let Some(stream) = &mut self.stream {
                match stream.next().await {
                    Ok(event) => return PushUpdate::Event(event),
                    Err(error) => {
                        tracing::debug!(%error, "push socket lost");
                        self.stream = None;
                        self.delay = self.options.retry_min;
                        self.retry_at = Some(Instant::now() + self.delay);
                        self.connected = Some(false);
                        return PushUpdate::Disconnected(error);
                    }
                }
            }
            if let Some(at) = self.retry_at {
                tokio::time::sleep_until(at).await;
            }
            match self.connect().await {
                Ok(stream) => {
                    self.stream = Some(stream);
                    self.retry_at = None;
                    self.delay = self.options.retry_min;
                    self.connected = Some(true);
                    return PushUpdate::Connected;
                }
                Err(error) => {
                    self.retry_at = Some(Instant::now() + self.delay);
                    self.delay =
                        (self.delay * 2).min(self.options.retry_max.max(self.options.retry_min));
                    if self.connected != Some(false) {
                        self.connected = Some(false);
                        return PushUpdate::Disconnected(error);
                    }
                    tracing::debug!(%error, retry_in = ?self.delay, "push socket still down");
                }
            }
        }
    }

    async fn connect(&self) -> Result<PushStream> {
        let mut stream = match &self.options.pre_auth {
            Some(pre_auth) => {
                PushStream::connect_pre_authenticated(&self.client, &self.websocket, pre_auth)
                    .await?
            }
            None => PushStream::connect(&self.client, &self.websocket).await?,
        };
        stream.set_idle_timeout(self.options.idle_timeout);
        if self.options.file_ids {
            stream.listen_file_ids().await?;
        }
        Ok(stream)
    }
}

/// tungstenite queues the pong to a ping it reads and writes it only with the next read or
/// write; sending it now does not depend on the caller reading on.
async fn flush_pong(socket: &mut WebSocketStream<MaybeTlsStream<TcpStream>>) -> Result<()> {
    socket.flush().await.map_err(socket_error)
}

fn not_same_origin(url: &Url) -> Error {
    Error::refused(format!(
        "The push server {:?} is not on the account's server; the app password is not sent there",
        url.origin().ascii_serialization()
    ))
}

fn pre_auth_elsewhere(url: &Url) -> Error {
    // Origin and path only: whatever else the server put in the address stays out of logs.
    Error::refused(format!(
        "The push login address {:?} is not on the account's server; no credentials are sent there",
        format!("{}{}", url.origin().ascii_serialization(), url.path())
    ))
}

fn handshake_timeout() -> Error {
    Error::Network("the push server did not answer the login in time".into())
}

fn socket_error(error: tungstenite::Error) -> Error {
    match error {
        tungstenite::Error::Http(response) => {
            let status = response.status().as_u16();
            match status {
                503 => Error::Maintenance,
                _ => Error::Http {
                    status,
                    message: response.body().as_deref().map(excerpt).unwrap_or_default(),
                },
            }
        }
        other => match tls::problem_in(&other) {
            Some(problem) => Error::Certificate(problem),
            None => Error::Network(format!("push socket: {other}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Credentials;

    fn client(server: &str) -> Client {
        Client::new(Credentials {
            server: server.parse().unwrap(),
            login_name: "admin".into(),
            app_password: "secret".into(),
        })
        .unwrap()
    }

    #[test]
    fn lines_become_events() {
        assert_eq!(
            PushEvent::parse("notify_notification"),
            PushEvent::Notification
        );
        assert_eq!(PushEvent::parse("notify_activity\n"), PushEvent::Activity);
        assert_eq!(PushEvent::parse("notify_file"), PushEvent::File);
        assert_eq!(
            PushEvent::parse("notify_file_id [1,22]"),
            PushEvent::FileIds(vec![1, 22])
        );
        assert_eq!(PushEvent::parse("notify_file_id oops"), PushEvent::File);
        assert_eq!(
            PushEvent::parse(r#"notify_custom {"a":1}"#),
            PushEvent::Other {
                kind: "notify_custom".into(),
                body: Some(serde_json::json!({"a": 1}))
            }
        );
        assert_eq!(
            PushEvent::parse("hello there world"),
            PushEvent::Other {
                kind: "hello".into(),
                body: Some(Value::String("there world".into()))
            }
        );
        assert_eq!(
            PushEvent::parse(""),
            PushEvent::Other {
                kind: String::new(),
                body: None
            }
        );
    }

    fn place(c: &Client, url: &str) -> Result<SocketPlace> {
        SocketPlace::of(c, &url.parse().unwrap())
    }

    #[test]
    fn a_socket_is_same_origin_only_on_the_accounts_scheme_host_and_port() {
        let https = client("https://cloud.example.com/nextcloud");
        let same = |c: &Client, u: &str| place(c, u).unwrap().same_origin;
        assert!(same(&https, "wss://cloud.example.com/push/ws"));
        assert!(same(
            &https,
            "wss://cloud.example.com:443/nextcloud/push/ws"
        ));
        assert!(!same(&https, "wss://push.example.com/ws"));
        assert!(!same(&https, "wss://cloud.example.com:8443/push/ws"));
        let http = client("http://127.0.0.1:8080");
        assert!(same(&http, "ws://127.0.0.1:8080/push/ws"));
        assert!(!same(&http, "ws://127.0.0.1:7867/ws"));
        assert!(!same(&http, "wss://127.0.0.1:8080/push/ws"));
    }

    #[test]
    fn an_https_account_accepts_only_wss_and_no_socket_is_anything_but_ws() {
        let https = client("https://cloud.example.com");
        for url in [
            "ws://cloud.example.com/push/ws",
            "ws://127.0.0.1:7867/ws",
            "https://cloud.example.com/push/ws",
        ] {
            let err = place(&https, url).unwrap_err();
            assert_eq!(err.statuscode(), Some(0), "{url}");
        }
        let err = place(&https, "ws://127.0.0.1:7867/ws").unwrap_err();
        assert!(err.to_string().contains("unencrypted"), "{err}");
        // An http account may well have an encrypted socket.
        assert!(place(
            &client("http://cloud.example.com"),
            "wss://cloud.example.com/ws"
        )
        .is_ok());
    }

    #[test]
    fn a_pinned_certificate_applies_on_the_accounts_host_only() {
        let https = client("https://cloud.example.com");
        assert!(
            place(&https, "wss://cloud.example.com:7867/ws")
                .unwrap()
                .same_host
        );
        assert!(
            !place(&https, "wss://push.example.com/ws")
                .unwrap()
                .same_host
        );
    }

    #[test]
    fn credentials_in_the_socket_url_are_dropped() {
        let http = client("http://127.0.0.1:8080");
        let url = place(&http, "ws://u:p@127.0.0.1:8080/push/ws").unwrap().url;
        assert_eq!(url.as_str(), "ws://127.0.0.1:8080/push/ws");
    }

    fn capability(websocket: &str, pre_auth: Option<&str>) -> NotifyPush {
        serde_json::from_value(serde_json::json!({
            "type": ["notifications"],
            "endpoints": {"websocket": websocket, "pre_auth": pre_auth}
        }))
        .unwrap()
    }

    #[test]
    fn listening_refuses_what_would_leak_credentials_or_downgrade_https() {
        let http = client("http://127.0.0.1:8080/nextcloud");
        let listen = |c: &Client, ws: &str, pre: Option<&str>| {
            c.push()
                .listen_to(&capability(ws, pre), PushOptions::default())
                .map(|listener| listener.options.pre_auth)
        };
        let pre_auth = "http://127.0.0.1:8080/nextcloud/index.php/apps/notify_push/pre_auth";
        // Anywhere with a pre_auth token on the account's server: fine.
        for ws in [
            "ws://127.0.0.1:8080/push/ws",
            "ws://127.0.0.1:8080/nextcloud/push/ws",
            "ws://127.0.0.1:7867/ws",
            "wss://push.example.com/ws",
        ] {
            assert_eq!(
                listen(&http, ws, Some(pre_auth)).unwrap().unwrap().as_str(),
                pre_auth,
                "{ws}"
            );
        }
        // The app password only on the account's origin.
        assert_eq!(
            listen(&http, "ws://127.0.0.1:8080/push/ws", None).unwrap(),
            None
        );
        let err = listen(&http, "ws://127.0.0.1:7867/ws", None).unwrap_err();
        assert_eq!(err.statuscode(), Some(0));
        assert!(err.to_string().contains("pre_auth"), "{err}");
        // pre_auth gets the Authorization header: only below the account's base path.
        for elsewhere in [
            "http://127.0.0.1:7867/index.php/apps/notify_push/pre_auth",
            "http://127.0.0.1:8080/other/index.php/apps/notify_push/pre_auth",
        ] {
            let err = listen(&http, "ws://127.0.0.1:7867/ws", Some(elsewhere)).unwrap_err();
            assert!(err.to_string().contains("push login address"), "{err}");
        }
        let https = client("https://cloud.example.com");
        let err = listen(
            &https,
            "ws://127.0.0.1:7867/ws",
            Some("https://cloud.example.com/index.php/apps/notify_push/pre_auth"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("unencrypted"), "{err}");
        assert!(listen(&http, "", None).is_err());
    }

    #[test]
    fn capability_urls_are_checked_for_their_scheme() {
        let push: NotifyPush = serde_json::from_value(serde_json::json!({
            "type": ["files"],
            "endpoints": {"websocket": "wss://c.example/push/ws", "pre_auth": "https://c.example/index.php/apps/notify_push/pre_auth"}
        }))
        .unwrap();
        assert_eq!(
            push.websocket_url().unwrap().as_str(),
            "wss://c.example/push/ws"
        );
        assert!(push.pre_auth_url().is_some());
        let odd: NotifyPush = serde_json::from_value(serde_json::json!({
            "endpoints": {"websocket": "https://c.example/push/ws", "pre_auth": "nope"}
        }))
        .unwrap();
        assert_eq!(odd.websocket_url(), None);
        assert_eq!(odd.pre_auth_url(), None);
    }
}
