//! Login Flow v2: how a desktop app gets an app password without ever seeing the user's
//! password (fixtures 180–183), and `DELETE /ocs/v2.php/core/apppassword` to sign out.
//!
//! 1. [`LoginFlow::start`] (anonymous `POST /index.php/login/v2`) → a login URL, a poll
//!    endpoint and a token. The answer is plain JSON, no OCS envelope.
//! 2. Open [`LoginFlow::login_url`] in the user's browser.
//! 3. [`LoginFlow::poll`] every few seconds: 404 with body `[]` means not yet; after the user
//!    approved, exactly one 200 with `server`, `loginName` and `appPassword`. The server
//!    forgets the flow after 20 minutes.
//!
//! The flow continues only where it started: the login URL, the poll endpoint and the granted
//! `server` must be on the host the user typed, and a flow started on `https://` never
//! continues over `http://` (the poll token and the app password would travel in clear). The
//! account's address is the one the user typed, not the granted `server`: that field comes
//! from the server's own idea of its address (`overwrite.cli.url`, a proxy's `Host`), which
//! is easily wrong behind a proxy, and the typed address is the one that just worked. Only an
//! upgrade to `https` on the same host is taken from it.
//!
//! The `User-Agent` names the app password on the server's security page, so it is
//! [`user_agent`] (`<hostname> (nctray - <OS>)`). The login name may differ from the user id:
//! read the id with [`Client::current_user`].

use std::{
    fmt,
    time::{Duration, Instant},
};

use reqwest::{header, redirect, Method, StatusCode};
use serde::Deserialize;
use url::Url;

use crate::client::{send_with as send, Reply, OCS_BODY_LIMIT};
use crate::{de, Client, Connection, Credentials, Error, Result};

/// How long the server keeps a flow.
pub const LOGIN_FLOW_LIFETIME: Duration = Duration::from_secs(20 * 60);
const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_REDIRECTS: usize = 5;

/// A started Login Flow v2. `Debug` never shows the token.
pub struct LoginFlow {
    http: reqwest::Client,
    /// The address the user typed, normalised (ends in `/`): where the flow must stay.
    server: Url,
    connection: Connection,
    login_url: Url,
    poll_endpoint: Url,
    token: String,
    started: Instant,
}

impl fmt::Debug for LoginFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginFlow")
            .field("login_url", &"<redacted>")
            .field("poll_endpoint", &self.poll_endpoint.as_str())
            .field("token", &"<redacted>")
            .finish()
    }
}

/// What [`LoginFlow::poll`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginPoll {
    /// The user has not approved yet: poll again in a few seconds.
    Pending,
    /// Approved. The server answers this once; sign in with these.
    Approved(Credentials),
    /// 20 minutes have passed without approval (by this machine's clock): start again.
    Expired,
}

#[derive(Deserialize)]
struct Init {
    poll: PollInit,
    #[serde(deserialize_with = "de::string")]
    login: String,
}

#[derive(Deserialize)]
struct PollInit {
    #[serde(deserialize_with = "de::string")]
    token: String,
    #[serde(deserialize_with = "de::string")]
    endpoint: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Grant {
    #[serde(deserialize_with = "de::string")]
    server: String,
    #[serde(deserialize_with = "de::string")]
    login_name: String,
    #[serde(deserialize_with = "de::string")]
    app_password: String,
}

/// An http(s) URL from the server's answer.
fn web_url(text: &str, what: &str) -> Result<Url> {
    let url: Url = text
        .trim()
        .parse()
        .map_err(|e| Error::Decode(format!("{what} {text:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::Decode(format!(
            "{what} {text:?} is not an http(s) URL"
        )));
    }
    Ok(url)
}

/// `named` (a URL from the server's answer, `what` it is) if the flow may continue there: the
/// host the flow started on, and `https` when it started on `https` (an `http` start may be
/// upgraded; the port may differ only with the scheme).
fn stays_home(start: &Url, named: Url, what: &str) -> Result<Url> {
    let origin = |url: &Url| url.origin().ascii_serialization();
    let same_host = named.host() == start.host();
    let same_port = named.scheme() != start.scheme()
        || named.port_or_known_default() == start.port_or_known_default();
    if !same_host || !same_port {
        return Err(Error::refused(format!(
            "The server named {what} on another server ({}) than the sign-in started on ({}); \
             nctray continues only where it started",
            origin(&named),
            origin(start)
        )));
    }
    if start.scheme() == "https" && named.scheme() != "https" {
        return Err(Error::refused(format!(
            "The server named {what} over unencrypted http:// ({}) although the sign-in \
             started on https://; nctray does not continue without encryption (check the \
             server's overwriteprotocol setting)",
            origin(&named)
        )));
    }
    Ok(named)
}

/// The account's address: the typed one, on `https` when the granted server upgrades it.
fn account_address(typed: &Url, granted: &Url) -> Url {
    let mut address = typed.clone();
    if typed.scheme() == "http" && granted.scheme() == "https" {
        // Both calls succeed for a special scheme with a host, which `typed` has.
        let _ = address.set_scheme("https");
        let _ = address.set_port(granted.port());
    }
    address
}

/// A non-2xx answer without OCS envelope as an [`Error`] (maintenance, 5xx, an HTML page).
fn failure(reply: &Reply) -> Error {
    match reply.data() {
        Err(error) => error,
        Ok(_) => Error::Http {
            status: reply.status.as_u16(),
            message: String::new(),
        },
    }
}

impl LoginFlow {
    /// `POST <server>/index.php/login/v2`, anonymous. `server` is the address as the user typed
    /// it (a sub-path such as `/nextcloud` is kept).
    ///
    /// Redirects are followed only within the server's host (e.g. `http` → `https`), so the
    /// flow's token never goes elsewhere.
    pub async fn start(server: &Url) -> Result<LoginFlow> {
        Self::start_with(server, Connection::default()).await
    }

    /// Like [`LoginFlow::start`], trusting the certificate and using the proxy `connection`
    /// names, for the flow's start and every poll.
    pub async fn start_with(server: &Url, connection: Connection) -> Result<LoginFlow> {
        // Client::new normalises the address (and refuses non-http(s) ones); it sends nothing.
        let base = Client::new(Credentials {
            server: server.clone(),
            login_name: String::new(),
            app_password: String::new(),
        })?
        .server()
        .clone();
        let host = base.host_str().unwrap_or_default().to_owned();
        let policy = redirect::Policy::custom(move |attempt| {
            let same_host = attempt.url().host_str() == Some(host.as_str());
            let secure_or_same = attempt.url().scheme() == "https"
                || attempt.previous().iter().all(|u| u.scheme() == "http");
            if attempt.previous().len() > MAX_REDIRECTS || !same_host || !secure_or_same {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let http = connection.http_client(policy, TIMEOUT)?;
        let url = base
            .join("index.php/login/v2")
            .map_err(|e| Error::refused(e.to_string()))?;
        let request = http.post(url).header(header::ACCEPT, "application/json");
        let reply = send(&connection, request, OCS_BODY_LIMIT).await?;
        if !reply.status.is_success() {
            return Err(failure(&reply));
        }
        let init: Init = serde_json::from_slice(&reply.body).map_err(|e| {
            Error::Decode(format!(
                "Login Flow answer ({e}): {}",
                crate::client::excerpt(&reply.body)
            ))
        })?;
        if init.poll.token.is_empty() {
            return Err(Error::Decode("Login Flow answer without a token".into()));
        }
        Ok(LoginFlow {
            http,
            connection,
            login_url: stays_home(&base, web_url(&init.login, "login URL")?, "its login page")?,
            poll_endpoint: stays_home(
                &base,
                web_url(&init.poll.endpoint, "poll endpoint")?,
                "the address to wait for the approval at",
            )?,
            server: base,
            token: init.poll.token,
            started: Instant::now(),
        })
    }

    /// The page to open in the user's browser.
    pub fn login_url(&self) -> &Url {
        &self.login_url
    }

    /// Where [`LoginFlow::poll`] asks.
    pub fn poll_endpoint(&self) -> &Url {
        &self.poll_endpoint
    }

    /// The poll token (a secret: whoever has it gets the app password once approved).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Whether 20 minutes have passed since [`LoginFlow::start`].
    pub fn is_expired(&self) -> bool {
        self.started.elapsed() >= LOGIN_FLOW_LIFETIME
    }

    /// `POST <poll endpoint>` with `token`. 404 (body `[]`) is [`LoginPoll::Pending`], or
    /// [`LoginPoll::Expired`] once 20 minutes have passed; 200 is [`LoginPoll::Approved`] with
    /// the typed address (see the module's notes); a granted `server` on another host, or on
    /// `http` after an `https` start, is refused with [`Error::Invalid`] (statuscode 0).
    pub async fn poll(&self) -> Result<LoginPoll> {
        let request = self
            .http
            .request(Method::POST, self.poll_endpoint.clone())
            .header(header::ACCEPT, "application/json")
            .form(&[("token", self.token.as_str())]);
        let reply = send(&self.connection, request, OCS_BODY_LIMIT).await?;
        if reply.status == StatusCode::NOT_FOUND {
            return Ok(if self.is_expired() {
                LoginPoll::Expired
            } else {
                LoginPoll::Pending
            });
        }
        if !reply.status.is_success() {
            return Err(failure(&reply));
        }
        let grant: Grant = serde_json::from_slice(&reply.body).map_err(|e| {
            Error::Decode(format!(
                "Login Flow grant ({e}): {}",
                crate::client::excerpt(&reply.body)
            ))
        })?;
        if grant.login_name.is_empty() || grant.app_password.is_empty() {
            return Err(Error::Decode(
                "Login Flow grant without login name or app password".into(),
            ));
        }
        let granted = match stays_home(
            &self.server,
            web_url(&grant.server, "server")?,
            "its address",
        ) {
            Ok(granted) => granted,
            Err(refused) => {
                self.revoke_refused(&grant).await;
                return Err(refused);
            }
        };
        if granted.path().trim_end_matches('/') != self.server.path().trim_end_matches('/') {
            tracing::info!(
                granted = %granted,
                "the server names another path than the one typed; keeping the typed one"
            );
        }
        Ok(LoginPoll::Approved(Credentials {
            server: account_address(&self.server, &granted),
            login_name: grant.login_name,
            app_password: grant.app_password,
        }))
    }

    /// Takes back an app password whose grant named an address the flow does not continue
    /// at, on the server the flow started on (which issued it), so none is left unused; over
    /// the flow's own connection (its pinned certificate, its proxy).
    async fn revoke_refused(&self, grant: &Grant) {
        let credentials = Credentials {
            server: self.server.clone(),
            login_name: grant.login_name.clone(),
            app_password: grant.app_password.clone(),
        };
        let client = Client::with_connection(credentials, self.connection.clone());
        let revoked = match client {
            Ok(client) => client.revoke_app_password().await,
            Err(error) => Err(error),
        };
        if let Err(error) = revoked {
            tracing::warn!("cannot revoke the app password of a refused sign-in: {error}");
        }
    }

    /// Polls every `interval` until the user approves (→ the credentials) or the flow expires
    /// (→ `None`). Errors end the wait.
    pub async fn wait_for_approval(&self, interval: Duration) -> Result<Option<Credentials>> {
        loop {
            match self.poll().await? {
                LoginPoll::Approved(credentials) => return Ok(Some(credentials)),
                LoginPoll::Expired => return Ok(None),
                LoginPoll::Pending => tokio::time::sleep(interval).await,
            }
        }
    }
}

impl Client {
    /// `DELETE /ocs/v2.php/core/apppassword`: revokes the app password this client signs in
    /// with (sign-out). Afterwards every call answers [`Error::Unauthorized`]. A login password
    /// instead of an app password is refused with [`Error::Invalid`] (403).
    pub async fn revoke_app_password(&self) -> Result<()> {
        let url = self.url("ocs/v2.php/core/apppassword", &[]);
        self.send(self.request(Method::DELETE, url))
            .await?
            .data()
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn the_recorded_init_answers_decode() {
        for name in [
            "180-loginflow-init.json",
            "183-loginflow-init-ocs-headers.json",
        ] {
            let init: Init = serde_json::from_slice(&fixtures::reply(name).body).unwrap();
            assert_eq!(init.poll.token, "<redacted>");
            assert_eq!(
                web_url(&init.poll.endpoint, "poll").unwrap().as_str(),
                "http://127.0.0.1:8080/index.php/login/v2/poll"
            );
            assert!(init
                .login
                .starts_with("http://127.0.0.1:8080/index.php/login/v2/flow/"));
        }
        for name in [
            "181-loginflow-poll-pending.json",
            "182-loginflow-poll-bad-token.json",
        ] {
            let reply = fixtures::reply(name);
            assert_eq!(reply.status, StatusCode::NOT_FOUND);
            assert_eq!(reply.body, b"[]");
        }
    }

    fn url(text: &str) -> Url {
        text.parse().unwrap()
    }

    #[test]
    fn a_flow_started_on_https_never_continues_over_http() {
        let start = url("https://cloud.example.com/nextcloud/");
        let error = stays_home(&start, url("http://cloud.example.com/poll"), "x").unwrap_err();
        assert_eq!(error.statuscode(), Some(0));
        assert!(error.to_string().contains("unencrypted http://"), "{error}");
        // Also not on port 443 spelled out.
        assert!(stays_home(&start, url("http://cloud.example.com:443/p"), "x").is_err());
        assert!(stays_home(&start, url("https://cloud.example.com/other/p"), "x").is_ok());
        assert!(stays_home(&start, url("https://cloud.example.com:443/p"), "x").is_ok());
    }

    #[test]
    fn a_flow_continues_only_on_the_host_it_started_on() {
        let start = url("https://cloud.example.com/");
        for elsewhere in [
            "https://evil.example.com/poll",
            "https://cloud.example.com.evil.net/poll",
            "https://cloud.example.com:8443/poll",
            "https://127.0.0.1/poll",
        ] {
            let error = stays_home(&start, url(elsewhere), "x").unwrap_err();
            assert!(
                error.to_string().contains("another server"),
                "{elsewhere}: {error}"
            );
        }
        // An http start may be upgraded on the same host, on its https port.
        let plain = url("http://cloud.example.com/");
        assert!(stays_home(&plain, url("https://cloud.example.com/p"), "x").is_ok());
        assert!(stays_home(&plain, url("http://cloud.example.com:8080/p"), "x").is_err());
    }

    #[test]
    fn the_account_keeps_the_typed_address_upgraded_to_https_at_most() {
        let typed = url("http://cloud.example.com/nextcloud/");
        assert_eq!(
            account_address(&typed, &url("https://cloud.example.com/")).as_str(),
            "https://cloud.example.com/nextcloud/"
        );
        assert_eq!(
            account_address(&typed, &url("http://cloud.example.com/elsewhere")).as_str(),
            typed.as_str()
        );
        let secure = url("https://cloud.example.com:8443/nc/");
        assert_eq!(
            account_address(&secure, &url("https://cloud.example.com:8443/")).as_str(),
            secure.as_str()
        );
    }

    #[test]
    fn server_answers_that_are_not_web_urls_are_refused() {
        for bad in ["", "ftp://x", "javascript:alert(1)", "http://"] {
            assert!(matches!(web_url(bad, "x"), Err(Error::Decode(_))), "{bad}");
        }
    }
}
