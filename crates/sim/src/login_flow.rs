//! Login Flow v2 (fixtures 180–183) and app password revocation:
//! - `POST /index.php/login/v2` (anonymous, no CSRF header needed) → plain JSON, no envelope:
//!   `{"poll":{"token","endpoint"},"login"}`;
//! - the login page at `login` (`/index.php/login/v2/flow/<token>`): HTML with a form whose
//!   "Approve" button posts back and grants the app access to the chosen user (the simulator
//!   asks for no password); [`crate::Control::approve_login`] and `POST /_sim/login-flow/approve`
//!   do the same without a browser;
//! - `POST /index.php/login/v2/poll` with `token`: 404 with body `[]` until approved (and for
//!   unknown tokens), then **once** 200 `{"server","loginName","appPassword"}`; the new app
//!   password works for Basic auth from then on. A flow expires 20 minutes after it started
//!   (on the simulator's clock, see [`crate::Control::advance_clock`]);
//! - `DELETE /ocs/v2.php/core/apppassword`: revokes the app password the request used (sign-out);
//!   a request made with the login password gets 403.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, USER_AGENT};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::json;

use crate::dav::{respond, serve, token};
use crate::json::empty;
use crate::ocs::{Ctx, Reply, JSON_CONTENT_TYPE};
use crate::params::Params;
use crate::state::{Inner, Shared};

/// A flow lives this long (the server's LoginFlowV2Service).
const FLOW_LIFETIME: i64 = 20 * 60;
/// Length of the poll token, the login token and the app password the server hands out.
const POLL_TOKEN_LEN: usize = 128;
const LOGIN_TOKEN_LEN: usize = 128;
const APP_PASSWORD_LEN: usize = 72;
const HTML: &str = "text/html; charset=utf-8";
const NO_CACHE: &str = "no-cache, no-store, must-revalidate";

#[derive(Debug, Clone)]
struct Flow {
    poll_token: String,
    login_token: String,
    created: i64,
    /// The client's User-Agent: the name the app password gets.
    client: String,
    /// `(user, app password)` once approved.
    granted: Option<(String, String)>,
}

/// Every running flow.
#[derive(Debug, Default)]
pub(crate) struct LoginFlows {
    flows: Vec<Flow>,
    issued: u64,
    /// Whom the login page offers first; empty → `admin`.
    user: String,
    /// What a misconfigured or hostile server names instead of its own address
    /// ([`crate::Control::misdirect_login_flow`]).
    misdirect: Misdirect,
}

/// Addresses the flow's answers name in place of the simulator's own.
#[derive(Debug, Default, Clone)]
struct Misdirect {
    /// Replaces the base of the poll endpoint in the start answer (the login URL stays).
    poll: Option<String>,
    /// Replaces `server` in the grant.
    server: Option<String>,
}

impl LoginFlows {
    fn forget_expired(&mut self, now: i64) {
        self.flows.retain(|f| now - f.created < FLOW_LIFETIME);
    }

    fn default_user(&self) -> &str {
        if self.user.is_empty() {
            "admin"
        } else {
            &self.user
        }
    }
}

/// The flow `reference` names: a poll token, a login token or a whole login URL.
fn find<'a>(flows: &'a mut [Flow], reference: &str) -> Option<&'a mut Flow> {
    let reference = reference.trim().trim_end_matches('/');
    let token = reference.rsplit('/').next().unwrap_or(reference);
    flows
        .iter_mut()
        .find(|f| f.poll_token == token || f.login_token == token)
}

/// Approves the flow for `user` with a new app password; `None` when the flow is unknown,
/// expired, already approved or the user does not exist.
fn approve(inner: &mut Inner, reference: Option<&str>, user: &str) -> Option<String> {
    let now = inner.now();
    inner.login_flows.forget_expired(now);
    inner.user(user)?;
    let flows = &mut inner.login_flows.flows;
    let flow = match reference {
        Some(reference) => find(flows, reference)?,
        None => flows.iter_mut().rev().find(|f| f.granted.is_none())?,
    };
    if flow.granted.is_some() {
        return None;
    }
    inner.login_flows.issued += 1;
    let password = token("app-password", inner.login_flows.issued, APP_PASSWORD_LEN);
    flow.granted = Some((user.to_owned(), password.clone()));
    let account = inner.users.iter_mut().find(|u| u.id == user)?;
    account.app_passwords.push(password.clone());
    tracing::debug!(user, "login flow approved");
    Some(password)
}

fn json_answer(status: StatusCode, body: String) -> Response {
    let mut response = respond(status, JSON_CONTENT_TYPE, body);
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

fn html(status: StatusCode, body: String) -> Response {
    let mut response = respond(status, HTML, body);
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

fn method_not_allowed() -> Response {
    respond(StatusCode::METHOD_NOT_ALLOWED, JSON_CONTENT_TYPE, "")
}

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/index.php/login/v2", any(init))
        .route("/index.php/login/v2/poll", any(poll))
        .route("/index.php/login/v2/flow/{token}", any(page))
}

/// `POST /index.php/login/v2` (180, 183).
async fn init(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    serve(&shared, &method, &uri, &headers, |inner| {
        if method != Method::POST {
            return (method_not_allowed(), None);
        }
        let now = inner.now();
        let flows = &mut inner.login_flows;
        flows.forget_expired(now);
        flows.issued += 1;
        let poll_token = token("poll", flows.issued, POLL_TOKEN_LEN);
        let login_token = token("login", flows.issued, LOGIN_TOKEN_LEN);
        let client = headers
            .get(USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("unknown")
            .to_owned();
        flows.flows.push(Flow {
            poll_token: poll_token.clone(),
            login_token: login_token.clone(),
            created: now,
            client,
            granted: None,
        });
        let own = shared.base_url.as_str();
        let poll_base = flows.misdirect.poll.as_deref().unwrap_or(own);
        let body = json!({
            "poll": {
                "token": poll_token,
                "endpoint": format!("{poll_base}/index.php/login/v2/poll"),
            },
            "login": format!("{own}/index.php/login/v2/flow/{login_token}"),
        });
        (json_answer(StatusCode::OK, body.to_string()), None)
    })
}

/// `POST /index.php/login/v2/poll` (181, 182).
async fn poll(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    serve(&shared, &method, &uri, &headers, |inner| {
        if method != Method::POST {
            return (method_not_allowed(), None);
        }
        let content_type = headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        let params = Params::new(uri.query().unwrap_or_default(), content_type, &body);
        let poll_token = params.get("token").unwrap_or_default().to_owned();
        let now = inner.now();
        inner.login_flows.forget_expired(now);
        let flows = &mut inner.login_flows.flows;
        let ready = flows
            .iter()
            .position(|f| f.poll_token == poll_token && f.granted.is_some());
        let Some(at) = ready.filter(|_| !poll_token.is_empty()) else {
            return (json_answer(StatusCode::NOT_FOUND, "[]".to_owned()), None);
        };
        // One answer only: the flow is gone afterwards.
        let flow = flows.remove(at);
        let (user, password) = flow.granted.unwrap_or_default();
        let server = inner.login_flows.misdirect.server.clone();
        let body = json!({
            "server": server.as_deref().unwrap_or(&shared.base_url),
            "loginName": user,
            "appPassword": password,
        });
        (json_answer(StatusCode::OK, body.to_string()), None)
    })
}

/// `GET` shows the login page; `POST` (its form) approves.
async fn page(
    State(shared): State<Arc<Shared>>,
    Path(login_token): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    serve(&shared, &method, &uri, &headers, |inner| {
        let now = inner.now();
        inner.login_flows.forget_expired(now);
        let Some(flow) = inner
            .login_flows
            .flows
            .iter()
            .find(|f| f.login_token == login_token)
            .cloned()
        else {
            return (
                html(
                    StatusCode::FORBIDDEN,
                    page_html(
                        "Access forbidden",
                        "<p>Your login token is invalid or has expired</p>",
                    ),
                ),
                None,
            );
        };
        match method {
            Method::GET | Method::HEAD => {
                if flow.granted.is_some() {
                    return (html(StatusCode::OK, connected_html()), None);
                }
                let default = inner.login_flows.default_user().to_owned();
                let options: String = inner
                    .users
                    .iter()
                    .map(|u| {
                        let selected = if u.id == default { " selected" } else { "" };
                        format!(
                            "<option value=\"{}\"{selected}>{}</option>",
                            escape(&u.id),
                            escape(&u.display_name)
                        )
                    })
                    .collect();
                let content = format!(
                    "<h2>Connect to your account</h2>\n\
                     <p>Please log in before granting <strong>{}</strong> access to your Nextcloud \
                     account.</p>\n\
                     <form method=\"post\" action=\"/index.php/login/v2/flow/{login_token}\">\n\
                     <label for=\"user\">Account</label>\n<select id=\"user\" name=\"user\">{options}</select>\n\
                     <button type=\"submit\" id=\"approve\" name=\"approve\" value=\"1\">Approve</button>\n\
                     </form>",
                    escape(&flow.client)
                );
                (html(StatusCode::OK, page_html("Nextcloud", &content)), None)
            }
            Method::POST => {
                let content_type = headers
                    .get(axum::http::header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok());
                let params = Params::new("", content_type, &body);
                let user = params.get("user").map_or_else(
                    || inner.login_flows.default_user().to_owned(),
                    str::to_owned,
                );
                if flow.granted.is_none() && approve(inner, Some(&login_token), &user).is_none() {
                    return (
                        html(
                            StatusCode::BAD_REQUEST,
                            page_html("Nextcloud", "<p>No such account</p>"),
                        ),
                        None,
                    );
                }
                (html(StatusCode::OK, connected_html()), Some(user))
            }
            _ => (method_not_allowed(), None),
        }
    })
}

fn connected_html() -> String {
    page_html(
        "Nextcloud",
        "<h2>Account connected</h2>\n<p>Your client should now be connected!<br>You can close this window.</p>",
    )
}

fn page_html(title: &str, content: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body id=\"body-login\">\n<main class=\"guest-box\">\n{content}\n</main>\n</body>\n</html>\n"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `DELETE /ocs/v2.php/core/apppassword`: revokes the app password of this request.
pub(crate) fn revoke_app_password(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let password = ctx
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .and_then(|(_, encoded)| STANDARD.decode(encoded.trim()).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.split_once(':').map(|(_, p)| p.to_owned()))
        .unwrap_or_default();
    let uid = ctx.uid().to_owned();
    let Some(user) = inner.users.iter_mut().find(|u| u.id == uid) else {
        return Reply::error(403, "no app password in use");
    };
    if !password.is_empty() && user.app_password == password {
        user.app_password.clear();
    } else if let Some(at) = user.app_passwords.iter().position(|p| *p == password) {
        user.app_passwords.remove(at);
    } else {
        return Reply::error(403, "no app password in use");
    }
    Reply::ok(empty())
}

// ------------------------------------------------------------------ Control

impl crate::Control {
    /// Approves a Login Flow v2 for `user`, as clicking "Approve" on the login page does.
    /// `flow` is the login URL, its token or the poll token. Returns the new app password;
    /// `None` when the flow is unknown, expired or already approved, or the user does not exist.
    pub fn approve_login(&self, flow: &str, user: &str) -> Option<String> {
        let mut inner = self.shared.lock();
        approve(&mut inner, Some(flow), user)
    }

    /// Approves the newest flow that is still waiting (see [`Self::approve_login`]).
    pub fn approve_latest_login(&self, user: &str) -> Option<String> {
        let mut inner = self.shared.lock();
        approve(&mut inner, None, user)
    }

    /// Makes the flow's answers name other addresses, as a server behind a misconfigured proxy
    /// (or a hostile one) does: `poll` replaces the simulator's address in the poll endpoint
    /// of new flows (where the poll token goes), `server` the `server` of the grant. `None`
    /// restores it.
    pub fn misdirect_login_flow(&self, poll: Option<&str>, server: Option<&str>) {
        self.shared.lock().login_flows.misdirect = Misdirect {
            poll: poll.map(str::to_owned),
            server: server.map(str::to_owned),
        };
    }

    /// Whom the login page offers first (default `admin`).
    pub fn set_login_flow_user(&self, user: &str) {
        self.shared.lock().login_flows.user = user.to_owned();
    }

    /// Whether `password` currently signs `user` in as an app password (not revoked).
    pub fn app_password_valid(&self, user: &str, password: &str) -> bool {
        let inner = self.shared.lock();
        inner.user(user).is_some_and(|u| {
            !password.is_empty()
                && (u.app_password == password || u.app_passwords.iter().any(|p| p == password))
        })
    }
}

/// `POST /_sim/login-flow/approve {"flow"?: login URL or token, "user"?: id}` → 200
/// `{"login_name","app_password"}`, 404 when there is nothing to approve.
pub(crate) fn control_routes() -> Router<Arc<Shared>> {
    use axum::response::IntoResponse;
    use axum::routing::post;
    use axum::Json;

    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct Body {
        flow: Option<String>,
        user: Option<String>,
    }

    async fn approve_route(
        State(shared): State<Arc<Shared>>,
        body: Option<Json<Body>>,
    ) -> Response {
        let Json(body) = body.unwrap_or_default();
        let mut inner = shared.lock();
        let user = body
            .user
            .unwrap_or_else(|| inner.login_flows.default_user().to_owned());
        match approve(&mut inner, body.flow.as_deref(), &user) {
            Some(password) => {
                Json(json!({ "login_name": user, "app_password": password })).into_response()
            }
            None => (
                StatusCode::NOT_FOUND,
                Json(json!({ "error": "no such login flow waiting, or no such user" })),
            )
                .into_response(),
        }
    }

    Router::new().route("/login-flow/approve", post(approve_route))
}
