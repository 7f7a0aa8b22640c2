//! The HTTP side: credentials, the one place that builds requests, and OCS envelope decoding.

use std::{
    fmt,
    sync::{Arc, RwLock},
    time::Duration,
};

use reqwest::{
    header::{self, HeaderMap},
    redirect, Method, RequestBuilder, StatusCode,
};
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;
use url::Url;

use crate::proxy::{self, Proxy};
use crate::tls::{self, Fingerprint};
use crate::{de, Error, Result};

pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;
/// Characters of a bad body quoted in an error.
const EXCERPT_CHARS: usize = 120;
/// Items of one list answer kept (notifications, activities, rooms, messages…): far above
/// what a page of a real server holds, low enough that a hostile list cannot fill the cache.
pub const MAX_LIST_ITEMS: usize = 5_000;
const MIB: usize = 1024 * 1024;
/// The most an OCS (or other JSON) answer may weigh; Nextcloud's largest, a full
/// notifications or capabilities list, is well under 1 MiB. A bigger answer is refused
/// rather than held in memory.
pub(crate) const OCS_BODY_LIMIT: usize = 8 * MIB;
/// The most an avatar, icon or preview may weigh.
pub(crate) const IMAGE_BODY_LIMIT: usize = 20 * MIB;

/// What a client needs to sign in: the server address and an app password.
///
/// `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The server's address as the user typed it, e.g. `https://cloud.example.com` or
    /// `https://example.com/nextcloud` (a sub-path is kept; query and fragment are dropped).
    pub server: Url,
    /// The login name (may differ from the user id: read that from [`Client::current_user`]).
    pub login_name: String,
    /// An app password (from Login Flow v2), never the account password.
    pub app_password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("server", &self.server.as_str())
            .field("login_name", &self.login_name)
            .field("app_password", &"<redacted>")
            .finish()
    }
}

/// How an account's connections reach its server, besides the address: which certificate
/// they trust and which proxy they go through. The default trusts the system's certificates
/// and takes the proxy from `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Connection {
    /// Trust exactly this certificate of the server (and no other), for a self-signed or
    /// unknown-CA certificate the person looked at and trusted; see [`crate::inspect`].
    pub pinned_certificate: Option<Fingerprint>,
    /// The account's own proxy, instead of the environment's.
    pub proxy: Option<Proxy>,
}

impl Connection {
    /// The HTTP client of every request of an account (and of Login Flow): rustls with the
    /// certificate rules of [`tls`], the account's proxy or the environment's, the user agent
    /// and timeouts, and `redirects`.
    pub(crate) fn http_client(
        &self,
        redirects: redirect::Policy,
        timeout: Duration,
    ) -> Result<reqwest::Client> {
        let tls = tls::client_config(self, tls::Use::Http)?;
        let mut builder = reqwest::Client::builder()
            .use_preconfigured_tls((*tls).clone())
            .user_agent(user_agent())
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(timeout)
            .redirect(redirects);
        // Without an account proxy, reqwest reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY itself;
        // adding one replaces those.
        if let Some(proxy) = &self.proxy {
            builder = builder.proxy(proxy.for_reqwest()?);
        }
        builder.build().map_err(|e| Error::network(&e))
    }

    /// A transport failure of a request to `url` in words: a certificate problem, an
    /// unreachable proxy, or another network error.
    pub(crate) fn transport_error(&self, error: &reqwest::Error, url: &Url) -> Error {
        if let Some(problem) = tls::problem_in(error) {
            return Error::Certificate(problem);
        }
        if error.is_connect() {
            if let Some(proxy) = proxy::route(self.proxy.as_ref(), url) {
                // A proxy that is up but cannot reach the server answers CONNECT with an
                // error status, which reqwest reports as an unsuccessful tunnel; a 407 to
                // CONNECT only as this text (hyper-util's error type is not public).
                let text = Error::network(error).to_string();
                if text.contains("proxy authorization required") {
                    return proxy::login_refused(&proxy);
                }
                if !text.contains("tunnel") {
                    return proxy::unreachable(&proxy, innermost(error));
                }
            }
        }
        Error::network(error)
    }

    /// An answer's status that came from the proxy rather than the server: a `407` to a
    /// plain-http request sent through it (an https one gets it as a failed tunnel, see
    /// [`Connection::transport_error`]).
    fn proxy_refusal(&self, status: StatusCode, url: &Url) -> Option<Error> {
        if status != StatusCode::PROXY_AUTHENTICATION_REQUIRED {
            return None;
        }
        proxy::route(self.proxy.as_ref(), url).map(|proxy| proxy::login_refused(&proxy))
    }
}

/// The innermost cause of an error, e.g. "Connection refused (os error 111)".
fn innermost(error: &(dyn std::error::Error + 'static)) -> String {
    let mut last = error;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

/// A typed OCS client for one account. Cheap to clone (shared connection pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    connection: Connection,
    /// The server address, always ending in `/`, without credentials, query or fragment.
    base: Url,
    login_name: String,
    app_password: String,
    /// Sent with every request so that the server's own texts (notification subjects,
    /// activity, Talk's system messages) come in the person's language; shared by all clones,
    /// so a change of language reaches every handle at once.
    accept_language: RwLock<Option<header::HeaderValue>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("server", &self.inner.base.as_str())
            .field("login_name", &self.inner.login_name)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Builds a client. Sends nothing yet.
    ///
    /// Fails with [`Error::Invalid`] (statuscode 0) when the server address is not an
    /// `http`/`https` URL with a host.
    ///
    /// Redirects: only those to the account's own origin and below its base path are followed
    /// (at most 5, with the credentials); a redirect anywhere else is not followed and the call fails with
    /// [`Error::Http`] naming the target. (reqwest's default policy would follow it and strip
    /// `Authorization` only when host or port change, not on a scheme change.)
    pub fn new(credentials: Credentials) -> Result<Self> {
        Self::with_connection(credentials, Connection::default())
    }

    /// Like [`Client::new`], with the account's certificate and proxy settings; they apply to
    /// every request and to the push socket.
    pub fn with_connection(credentials: Credentials, connection: Connection) -> Result<Self> {
        let base = base_url(&credentials.server)?;
        let home = base.clone();
        let policy = redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > MAX_REDIRECTS || !is_below(&home, attempt.url()) {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let http = connection.http_client(policy, REQUEST_TIMEOUT)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                connection,
                base,
                login_name: credentials.login_name,
                app_password: credentials.app_password,
                accept_language: RwLock::new(None),
            }),
        })
    }

    /// The languages the server should answer in, as an `Accept-Language` value
    /// (`"de, en;q=0.5"`), on every request from now on, this handle's and its clones';
    /// `None` sends none (the server then uses the user's own setting or its default).
    /// A value that cannot be a header is refused with [`Error::Invalid`].
    pub fn set_accept_language(&self, languages: Option<&str>) -> Result<()> {
        let value = languages
            .map(|text| {
                header::HeaderValue::from_str(text)
                    .map_err(|_| Error::refused(format!("{text:?} is not a list of languages")))
            })
            .transpose()?;
        *self
            .inner
            .accept_language
            .write()
            .unwrap_or_else(|e| e.into_inner()) = value;
        Ok(())
    }

    /// The server address requests are built on (ends in `/`).
    pub fn server(&self) -> &Url {
        &self.inner.base
    }

    /// The login name the client signs in with.
    pub fn login_name(&self) -> &str {
        &self.inner.login_name
    }

    /// The account's certificate and proxy settings.
    pub fn connection(&self) -> &Connection {
        &self.inner.connection
    }

    /// The app password, for logins that are not HTTP Basic (the push socket).
    pub(crate) fn app_password(&self) -> &str {
        &self.inner.app_password
    }

    /// Whether `url` has the account's scheme, host and port (the push socket's check: the
    /// push daemon often sits at the domain's `/push/` even when Nextcloud is in a sub-path).
    pub fn is_same_origin(&self, url: &Url) -> bool {
        url.origin() == self.inner.base.origin()
    }

    /// Whether `url` is on the account's origin and below its base path (`/nextcloud/…` for a
    /// server at `https://host/nextcloud`): only such URLs get credentials. Another app on the
    /// same host (`https://host/other/…`) gets none.
    pub fn is_account_url(&self, url: &Url) -> bool {
        is_below(&self.inner.base, url)
    }

    /// `path` (relative, no leading `/`) below the server address, then `segments`
    /// percent-encoded one by one (user ids, message ids).
    pub(crate) fn url(&self, path: &str, segments: &[&str]) -> Url {
        let mut url = self
            .inner
            .base
            .join(path)
            .unwrap_or_else(|_| self.inner.base.clone());
        if !segments.is_empty() {
            if let Ok(mut path) = url.path_segments_mut() {
                path.pop_if_empty().extend(segments);
            }
        }
        url
    }

    /// The one place that builds requests: OCS and JSON headers on every request, Basic auth
    /// only when `url` is on the account's own origin and below its base path.
    pub(crate) fn request(&self, method: Method, url: Url) -> RequestBuilder {
        let same_origin = self.is_account_url(&url);
        tracing::debug!(%method, path = url.path(), same_origin, "OCS request");
        let request = self
            .inner
            .http
            .request(method, url)
            .header("OCS-APIRequest", "true")
            .header(header::ACCEPT, "application/json");
        let accept_language = self
            .inner
            .accept_language
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let request = match accept_language {
            Some(languages) => request.header(header::ACCEPT_LANGUAGE, languages),
            None => request,
        };
        if same_origin {
            request.basic_auth(&self.inner.login_name, Some(&self.inner.app_password))
        } else {
            request
        }
    }

    /// Sends a request and reads the whole answer, at most [`OCS_BODY_LIMIT`] bytes. Only
    /// transport failures and oversized answers are errors here; the HTTP status is judged
    /// by [`Reply`].
    pub(crate) async fn send(&self, request: RequestBuilder) -> Result<Reply> {
        self.send_with_limit(request, OCS_BODY_LIMIT).await
    }

    /// [`Client::send`] with another cap on the body (images).
    pub(crate) async fn send_with_limit(
        &self,
        request: RequestBuilder,
        limit: usize,
    ) -> Result<Reply> {
        send_with(&self.inner.connection, request, limit).await
    }

    /// Builds, sends and decodes an OCS call in one go.
    pub(crate) async fn ocs<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T> {
        self.send(request).await?.decode()
    }
}

/// Sends a request of a client built by [`Connection::http_client`] and reads the whole
/// answer; transport failures are mapped by [`Connection::transport_error`].
pub(crate) async fn send_with(
    connection: &Connection,
    request: RequestBuilder,
    limit: usize,
) -> Result<Reply> {
    let (client, request) = request.build_split();
    let request = request.map_err(|e| Error::network(&e))?;
    let url = request.url().clone();
    let response = client
        .execute(request)
        .await
        .map_err(|e| connection.transport_error(&e, &url))?;
    if let Some(refused) = connection.proxy_refusal(response.status(), &url) {
        return Err(refused);
    }
    let reply = Reply::read(response, limit).await?;
    tracing::debug!(
        status = reply.status.as_u16(),
        bytes = reply.body.len(),
        "OCS answer"
    );
    Ok(reply)
}

/// The server address normalised into a base for joining: http(s) with a host, no
/// credentials, query or fragment, path ending in `/`.
fn base_url(server: &Url) -> Result<Url> {
    if !matches!(server.scheme(), "http" | "https") || server.host_str().is_none() {
        return Err(Error::refused(format!(
            "The server address must start with https:// or http://, not {:?}",
            server.as_str()
        )));
    }
    let mut base = server.clone();
    // Credentials travel in the Authorization header only; never in the URL.
    let _ = base.set_username("");
    let _ = base.set_password(None);
    base.set_query(None);
    base.set_fragment(None);
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

/// Whether `url` is on `base`'s origin and below its path (`base` ends in `/`; its form
/// without that slash names the server too). `url` is parsed, so dot segments (also `%2e`)
/// are already resolved.
fn is_below(base: &Url, url: &Url) -> bool {
    let path = base.path();
    url.origin() == base.origin()
        && (url.path().starts_with(path) || url.path() == path.trim_end_matches('/'))
}

/// Whether talking to `server` crosses the network in clear: `http://` to anything but this
/// machine (`localhost`, 127.0.0.0/8, `::1`). The app password and every answer could be
/// read on the way; sign-in warns about it.
pub fn travels_unencrypted(server: &Url) -> bool {
    let loopback = match server.host() {
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.');
            name.eq_ignore_ascii_case("localhost")
                || name.to_ascii_lowercase().ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    server.scheme() == "http" && !loopback
}

/// `User-Agent` of every request: `<hostname> (nctray - <OS>)`. The server shows it as the
/// name of the app password, so Login Flow should send the same.
pub fn user_agent() -> String {
    format!("{} (nctray - {})", hostname(), os_name())
}

fn hostname() -> String {
    let from_file = std::fs::read_to_string("/etc/hostname").ok();
    let from_env = std::env::var("HOSTNAME").ok();
    [from_file, from_env]
        .into_iter()
        .flatten()
        .map(|name| {
            // Header values must be visible ASCII; keep the name readable and safe.
            name.trim()
                .chars()
                .filter(|c| c.is_ascii_graphic() || *c == ' ')
                .collect::<String>()
        })
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "nctray".to_owned())
}

fn os_name() -> &'static str {
    match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "macOS",
        "windows" => "Windows",
        "freebsd" => "FreeBSD",
        "openbsd" => "OpenBSD",
        "netbsd" => "NetBSD",
        other => other,
    }
}

/// A whole HTTP answer, read into memory.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

#[derive(Deserialize)]
struct Envelope {
    ocs: Ocs,
}

#[derive(Deserialize)]
struct Ocs {
    meta: Meta,
    #[serde(default)]
    data: Value,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(deserialize_with = "de::i64_or_zero")]
    statuscode: i64,
    #[serde(default, deserialize_with = "de::string")]
    message: String,
}

impl Reply {
    /// Reads an answer of at most `limit` bytes: an announced `Content-Length` above it is
    /// refused before reading anything, and an answer without one is cut off as soon as it
    /// passes the limit, so a hostile or broken server cannot fill the memory.
    pub(crate) async fn read(mut response: reqwest::Response, limit: usize) -> Result<Reply> {
        let too_large = || Error::TooLarge {
            limit_mib: (limit / MIB).max(1) as u64,
        };
        if response
            .content_length()
            .is_some_and(|length| length > limit as u64)
        {
            return Err(too_large());
        }
        let status = response.status();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| Error::network(&e))? {
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// A header as text, byte for byte (`None` when absent or not UTF-8).
    pub(crate) fn header(&self, name: &str) -> Option<String> {
        let value = self.headers.get(name)?;
        String::from_utf8(value.as_bytes().to_vec()).ok()
    }

    /// Decodes the OCS `data` into `T`, or maps the failure to an [`Error`].
    pub(crate) fn decode<T: DeserializeOwned>(&self) -> Result<T> {
        let mut data = self.data()?;
        if let Value::Array(items) = &mut data {
            if items.len() > MAX_LIST_ITEMS {
                tracing::warn!(
                    items = items.len(),
                    kept = MAX_LIST_ITEMS,
                    "the server's list is longer than nctray keeps; the rest is left out"
                );
                items.truncate(MAX_LIST_ITEMS);
            }
        }
        serde_json::from_value(data)
            .map_err(|e| Error::Decode(format!("unexpected data ({e}) in {}", excerpt(&self.body))))
    }

    /// Like [`Reply::decode`], but "nothing there" (HTTP 404 with OCS statuscode 404, as for a
    /// user without a status) is `None`. A 998 (unknown route) stays [`Error::NotFound`].
    pub(crate) fn decode_optional<T: DeserializeOwned>(&self) -> Result<Option<T>> {
        if self.status == StatusCode::NOT_FOUND
            && self.envelope().map(|e| e.ocs.meta.statuscode) == Some(404)
        {
            return Ok(None);
        }
        self.decode().map(Some)
    }

    fn envelope(&self) -> Option<Envelope> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The OCS `data` of a successful answer; every failure mapped to an [`Error`].
    ///
    /// - 503 → `Maintenance` and 401 → `Unauthorized`, whatever the body.
    /// - 204 → `Value::Null`.
    /// - An OCS envelope: success is statuscode 100 (v1) or 2xx (v2) with a 2xx HTTP status;
    ///   997 → `Unauthorized`; 998, 404 or HTTP 404 → `NotFound`; 996, 999 or HTTP 5xx → `Http`
    ///   (500 when OCS v1 hid it behind HTTP 200); anything else → `Invalid` with the server's
    ///   message.
    /// - No envelope: HTTP 2xx → `Decode`; otherwise `Http` with an excerpt (e.g. the 412
    ///   `{"message":"CSRF check failed"}`, a 405 with an empty body, a 3xx elsewhere).
    pub(crate) fn data(&self) -> Result<Value> {
        let status = self.status;
        if status == StatusCode::SERVICE_UNAVAILABLE {
            return Err(Error::Maintenance);
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(Error::Unauthorized);
        }
        if status == StatusCode::NO_CONTENT {
            return Ok(Value::Null);
        }
        let Some(Envelope { ocs }) = self.envelope() else {
            return Err(self.not_ocs());
        };
        let Meta {
            statuscode,
            message,
        } = ocs.meta;
        let success = statuscode == 100 || (200..300).contains(&statuscode);
        if status.is_success() && success {
            return Ok(ocs.data);
        }
        if statuscode == 997 {
            return Err(Error::Unauthorized);
        }
        let message = message.trim().to_owned();
        if statuscode == 998 || statuscode == 404 || status == StatusCode::NOT_FOUND {
            return Err(Error::NotFound { message });
        }
        if statuscode == 996 || statuscode == 999 || status.is_server_error() {
            let status = if status.is_server_error() {
                status.as_u16()
            } else {
                500
            };
            return Err(Error::Http { status, message });
        }
        // Talk explains 4xx in `data.error` ("type", "value"…) and leaves the message empty.
        let message = match (message.is_empty(), ocs.data.get("error")) {
            (true, Some(Value::String(key))) => key.clone(),
            _ => message,
        };
        Err(Error::Invalid {
            statuscode,
            message,
        })
    }

    /// The error for an answer without an OCS envelope.
    fn not_ocs(&self) -> Error {
        if self.status.is_success() {
            let what = if self.body.is_empty() {
                "an empty answer".to_owned()
            } else {
                excerpt(&self.body)
            };
            return Error::Decode(format!("expected OCS JSON, got {what}"));
        }
        let message = if self.status.is_redirection() {
            match self.header(header::LOCATION.as_str()) {
                Some(target) => format!("redirected to {target}"),
                None => "redirected".to_owned(),
            }
        } else {
            plain_message(&self.body)
        };
        Error::Http {
            status: self.status.as_u16(),
            message,
        }
    }
}

/// What a non-OCS error body says: the `message` of a plain JSON object (the 412
/// `{"message":"CSRF check failed"}`), the `<title>` of an HTML page, or an excerpt.
fn plain_message(body: &[u8]) -> String {
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        if let Some(Value::String(message)) = map.get("message") {
            return shorten(message);
        }
    }
    let text = String::from_utf8_lossy(body);
    let lower = text.to_ascii_lowercase();
    if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>")) {
        let start = start + "<title>".len();
        if start <= end {
            return shorten(&text[start..end]);
        }
    }
    shorten(&text)
}

/// A short, one-line, quoted excerpt of a body for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    format!("{:?}", shorten(&String::from_utf8_lossy(body)))
}

fn shorten(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let mut short: String = flat.chars().take(EXCERPT_CHARS).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_list_longer_than_nctray_keeps_is_cut_not_refused() {
        let items: Vec<u32> = (0..(MAX_LIST_ITEMS as u32 + 10)).collect();
        let body = serde_json::json!({
            "ocs": { "meta": { "status": "ok", "statuscode": 200, "message": "OK" }, "data": items }
        });
        let reply = Reply {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: serde_json::to_vec(&body).unwrap(),
        };
        let list: Vec<u32> = reply.decode().unwrap();
        assert_eq!(list.len(), MAX_LIST_ITEMS);
        assert_eq!(list.last(), Some(&(MAX_LIST_ITEMS as u32 - 1)));
    }
    use reqwest::header::HeaderValue;

    use super::*;
    use crate::fixtures;

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status: StatusCode::from_u16(status).unwrap(),
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn credentials(server: &str) -> Credentials {
        Credentials {
            server: server.parse().unwrap(),
            login_name: "admin".into(),
            app_password: "admin-app-password".into(),
        }
    }

    #[test]
    fn ocs_v1_and_v2_success_envelopes_give_the_data() {
        for name in [
            "008-users-cloud-user-admin.json",
            "010-users-cloud-user-v1-bob.json",
            "004-capabilities-v1-admin.json",
            "073-notifications-ocs-v1-list.json",
            "196-errors-format-json-query.json",
        ] {
            let data = fixtures::reply(name)
                .data()
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!data.is_null(), "{name}");
        }
    }

    #[test]
    fn error_fixtures_map_to_the_right_error() {
        let not_found = |m: &str| Error::NotFound { message: m.into() };
        let csrf = Error::Http {
            status: 412,
            message: "CSRF check failed".into(),
        };
        let invalid_query = "Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.";
        let cases = [
            ("184-errors-wrong-password-v2.json", Error::Unauthorized),
            ("185-errors-wrong-password-v1.json", Error::Unauthorized),
            ("186-errors-no-auth-v2.json", Error::Unauthorized),
            (
                "187-errors-no-auth-v2-notifications.json",
                Error::Unauthorized,
            ),
            ("188-errors-missing-ocs-header-get.json", csrf.clone()),
            ("189-errors-missing-ocs-header-put.json", csrf.clone()),
            ("190-errors-missing-ocs-header-talk.json", csrf.clone()),
            ("191-errors-missing-ocs-header-anon-capabilities.json", csrf),
            (
                "192-errors-unknown-endpoint-v2.json",
                not_found(invalid_query),
            ),
            (
                "193-errors-unknown-endpoint-v1.json",
                not_found(invalid_query),
            ),
            (
                "194-errors-unknown-endpoint-cloud-v2.json",
                not_found(invalid_query),
            ),
            (
                "195-errors-wrong-method.json",
                Error::Http {
                    status: 405,
                    message: String::new(),
                },
            ),
            ("015-users-cloud-users-admin-by-bob.json", not_found("")),
            (
                "016-users-cloud-users-unknown.json",
                not_found("User does not exist"),
            ),
            (
                "027-user_status-put-status-invalid.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "Status-type \"sleeping\" is not supported".into(),
                },
            ),
            (
                "058-user_status-heartbeat-invalid.json",
                Error::Invalid {
                    statuscode: 400,
                    message: String::new(),
                },
            ),
            ("067-notifications-get-one-unknown.json", not_found("")),
            (
                "088-talk-create-room-invalid-type.json",
                Error::Invalid {
                    statuscode: 400,
                    message: "type".into(),
                },
            ),
            (
                "122-talk-chat-send-too-long.json",
                Error::Invalid {
                    statuscode: 413,
                    message: "message".into(),
                },
            ),
        ];
        for (name, expected) in cases {
            assert_eq!(
                fixtures::reply(name).data().unwrap_err(),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn xml_answers_are_decode_errors_with_an_excerpt() {
        for name in [
            "006-capabilities-v2-admin-xml.json",
            "011-users-cloud-user-v1-xml.json",
        ] {
            match fixtures::reply(name).data() {
                Err(Error::Decode(text)) => assert!(text.contains("<?xml"), "{text}"),
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    #[test]
    fn maintenance_and_unauthorized_win_whatever_the_body() {
        let page = "<!DOCTYPE html><html><head><title>Maintenance mode</title></head></html>";
        assert_eq!(reply(503, page).data(), Err(Error::Maintenance));
        assert_eq!(reply(503, "").data(), Err(Error::Maintenance));
        assert_eq!(
            reply(503, r#"{"ocs":{"meta":{"statuscode":503},"data":[]}}"#).data(),
            Err(Error::Maintenance)
        );
        assert_eq!(reply(401, "garbage").data(), Err(Error::Unauthorized));
    }

    #[test]
    fn bad_bodies_never_panic() {
        let long = "x".repeat(10_000);
        let bodies = [
            "",
            "<html><body>Hello</body></html>",
            r#"{"ocs":{"meta":{"statuscode":200},"da"#,
            "\u{0}\u{1}\u{2}",
            "[]",
            "null",
            r#"{"ocs":[]}"#,
            r#"{"ocs":{"meta":"x"}}"#,
            long.as_str(),
        ];
        for body in bodies {
            match reply(200, body).data() {
                Err(Error::Decode(text)) => assert!(text.chars().count() < 200, "{text}"),
                other => panic!("{body:?}: {other:?}"),
            }
            match reply(500, body).data() {
                Err(Error::Http {
                    status: 500,
                    message,
                }) => {
                    assert!(message.chars().count() <= EXCERPT_CHARS + 1)
                }
                other => panic!("{body:?}: {other:?}"),
            }
        }
        // Invalid UTF-8 too.
        let bytes = Reply {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: vec![0xff, 0xfe, b'{'],
        };
        assert!(matches!(bytes.data(), Err(Error::Decode(_))));
    }

    #[test]
    fn html_error_pages_are_quoted_by_their_title() {
        let page =
            "<html><head><title>\n  502 Bad Gateway\n</title></head><body>nginx</body></html>";
        assert_eq!(
            reply(502, page).data(),
            Err(Error::Http {
                status: 502,
                message: "502 Bad Gateway".into()
            })
        );
    }

    #[test]
    fn ocs_v1_server_errors_behind_http_200_become_http_500() {
        let body = r#"{"ocs":{"meta":{"status":"failure","statuscode":996,"message":"Server error"},"data":[]}}"#;
        assert_eq!(
            reply(200, body).data(),
            Err(Error::Http {
                status: 500,
                message: "Server error".into()
            })
        );
        let v1_invalid =
            r#"{"ocs":{"meta":{"status":"failure","statuscode":102,"message":"Bad"},"data":[]}}"#;
        assert_eq!(
            reply(200, v1_invalid).data(),
            Err(Error::Invalid {
                statuscode: 102,
                message: "Bad".into()
            })
        );
    }

    #[test]
    fn own_status_404_is_none_but_an_unknown_route_is_not_found() {
        let none = fixtures::reply("017-user_status-get-own-none-admin.json");
        assert_eq!(none.decode_optional::<Value>(), Ok(None));
        let route = fixtures::reply("192-errors-unknown-endpoint-v2.json");
        assert!(matches!(
            route.decode_optional::<Value>(),
            Err(Error::NotFound { .. })
        ));
    }

    #[test]
    fn base_url_is_normalised_for_joining() {
        let client =
            Client::new(credentials("https://u:p@cloud.example.com/nextcloud?x=1#f")).unwrap();
        assert_eq!(
            client.server().as_str(),
            "https://cloud.example.com/nextcloud/"
        );
        assert_eq!(
            client.url("ocs/v2.php/cloud/user", &[]).as_str(),
            "https://cloud.example.com/nextcloud/ocs/v2.php/cloud/user"
        );
        let client = Client::new(credentials("http://127.0.0.1:4711")).unwrap();
        assert_eq!(
            client
                .url("ocs/v2.php/apps/user_status/api/v1/statuses", &["_a b/c?"])
                .as_str(),
            "http://127.0.0.1:4711/ocs/v2.php/apps/user_status/api/v1/statuses/_a%20b%2Fc%3F"
        );
    }

    #[test]
    fn only_http_servers_are_accepted() {
        for server in ["ftp://example.com", "file:///tmp/x", "mailto:a@b.c"] {
            let err = Client::new(credentials(server)).unwrap_err();
            assert_eq!(err.statuscode(), Some(0), "{server}");
        }
    }

    #[test]
    fn same_origin_means_scheme_host_and_port() {
        let client = Client::new(credentials("https://cloud.example.com/nc")).unwrap();
        let same = |u: &str| client.is_same_origin(&u.parse().unwrap());
        assert!(same("https://cloud.example.com/other/path?q=1"));
        assert!(same("https://cloud.example.com:443/"));
        assert!(!same("http://cloud.example.com/"));
        assert!(!same("https://cloud.example.com:8443/"));
        assert!(!same("https://evil.example.com/"));
        assert!(!same("https://cloud.example.com.evil.net/"));
    }

    #[test]
    fn http_is_unencrypted_except_to_this_machine() {
        let unencrypted = |u: &str| travels_unencrypted(&u.parse().unwrap());
        assert!(unencrypted("http://cloud.example.com/nextcloud"));
        assert!(unencrypted("http://192.168.1.10:8080"));
        assert!(unencrypted("http://localhost.evil.example"));
        for local in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://[::1]:80",
            "http://localhost",
            "http://LOCALHOST.:8080",
            "https://cloud.example.com",
        ] {
            assert!(!unencrypted(local), "{local}");
        }
    }

    #[test]
    fn debug_output_never_shows_the_app_password() {
        let creds = credentials("https://cloud.example.com");
        let client = Client::new(creds.clone()).unwrap();
        for text in [format!("{creds:?}"), format!("{client:?}")] {
            assert!(!text.contains("admin-app-password"), "{text}");
            assert!(text.contains("admin"), "{text}");
        }
    }

    #[test]
    fn user_agent_names_host_app_and_os() {
        let agent = user_agent();
        assert!(
            agent.ends_with(&format!("(nctray - {})", os_name())),
            "{agent}"
        );
        assert!(!agent.starts_with(' '), "{agent}");
        assert!(HeaderValue::from_str(&agent).is_ok());
    }
}
