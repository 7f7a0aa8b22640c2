//! The OCS front door: every request that is not `/_sim/` comes through [`dispatch`].
//!
//! The order of checks follows the real server: fault mode, then HTTP Basic credentials (a wrong
//! password is refused before routing, 184/185), then routing (unknown route → 998, wrong method
//! → 405 with an empty body), then the CSRF check (`OCS-APIRequest: true`, else 412 without an
//! envelope, 188–191), then "login required" (997), then the endpoint. Answers are wrapped in the
//! v1 or v2 envelope and rendered as JSON or, when the client did not ask for JSON, XML.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, WWW_AUTHENTICATE,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;

use crate::auth::{authenticate, Auth};
use crate::fault;
use crate::json::{empty, obj, Node};
use crate::notifications::{self, NotificationApi};
use crate::params::{decode, Params};
use crate::state::{Inner, LoggedRequest, Shared};
use crate::{user_status, users};

pub(crate) const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";
const XML_CONTENT_TYPE: &str = "application/xml; charset=utf-8";
const NO_CACHE: &str = "no-cache, no-store, must-revalidate";
const INVALID_QUERY: &str = "Invalid query, please check the syntax. API specifications are \
    here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n";
/// Bodies larger than this are cut off; no OCS call needs more.
const MAX_BODY: usize = 1 << 20;

/// `/ocs/v1.php` or `/ocs/v2.php`: they differ only in the envelope and the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ApiVersion {
    V1,
    V2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Xml,
}

impl Format {
    /// `?format=json|xml` wins over `Accept` (196); without either the server speaks XML (006).
    pub(crate) fn of(query: &str, headers: &HeaderMap) -> Format {
        match Params::new(query, None, b"").get("format") {
            Some("json") => return Format::Json,
            Some("xml") => return Format::Xml,
            _ => {}
        }
        let accept = headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if accept.contains("application/json") {
            Format::Json
        } else {
            Format::Xml
        }
    }
}

/// What an endpoint answers, before the envelope is put around it.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    /// The status the controller returned: 200, 400, 404… or an OCS code such as 997/998.
    pub code: u16,
    pub message: String,
    pub data: Node,
    /// Unquoted; sent quoted, and a request with exactly that quoted value gets 304.
    pub etag: Option<String>,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub(crate) fn ok(data: Node) -> Reply {
        Reply {
            code: 200,
            message: "OK".to_owned(),
            data,
            etag: None,
            headers: Vec::new(),
        }
    }

    /// A failure with `data: []`, the way `OCS*Exception`s and empty `DataResponse`s come out.
    pub(crate) fn error(code: u16, message: impl Into<String>) -> Reply {
        Reply {
            code,
            message: message.into(),
            data: empty(),
            etag: None,
            headers: Vec::new(),
        }
    }

    pub(crate) fn data(mut self, data: Node) -> Reply {
        self.data = data;
        self
    }

    pub(crate) fn etag(mut self, etag: String) -> Reply {
        self.etag = Some(etag);
        self
    }

    pub(crate) fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
}

/// The caller of an endpoint.
pub(crate) struct Ctx {
    pub user: Option<String>,
    pub params: Params,
    /// The request headers (`If-None-Match`, `Authorization`…).
    pub headers: HeaderMap,
    /// The request path, e.g. `/ocs/v2.php/apps/activity/api/v2/activity/all`.
    pub path: String,
}

impl Ctx {
    /// The authenticated user; endpoints other than capabilities only run with one.
    pub(crate) fn uid(&self) -> &str {
        self.user.as_deref().unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Endpoint {
    Capabilities,
    CurrentUser,
    User(String),
    OwnStatus,
    SetStatus,
    SetPredefinedMessage,
    SetCustomMessage,
    ClearMessage,
    Revert(String),
    Heartbeat,
    PredefinedStatuses,
    Statuses,
    StatusOf(String),
    ListNotifications(NotificationApi),
    DeleteAllNotifications(NotificationApi),
    GetNotification(NotificationApi, i64),
    DeleteNotification(NotificationApi, i64),
    NotificationsExist(NotificationApi),
    /// `None`: `…/activity` without a filter.
    Activity(Option<String>),
    ActivityFilters,
    DirectLink,
    CreateShare,
    ListShares,
    PendingShares,
    GetShare(String),
    AcceptShare(String),
    DeleteShare(String),
    UpdateShare(String),
    InheritedShares,
    Sharees,
    ShareesRecommended,
    RevokeAppPassword,
    /// Talk (spreed): the route and the API generation its path belongs to.
    Talk(crate::talk::Route, Option<crate::talk::TalkApi>),
}

enum Miss {
    NoRoute,
    WrongMethod,
}

fn resolve(method: &Method, path: &str) -> Result<Endpoint, Miss> {
    let segments: Vec<String> = path.split('/').map(|s| decode(s, false)).collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let candidates = routes(&segments);
    if candidates.is_empty() {
        return Err(Miss::NoRoute);
    }
    // HEAD is served like GET, as Symfony's router does.
    let method = if method == Method::HEAD {
        &Method::GET
    } else {
        method
    };
    candidates
        .into_iter()
        .find(|(m, _)| m == method)
        .map(|(_, e)| e)
        .ok_or(Miss::WrongMethod)
}

/// Every route whose path matches, with its method.
fn routes(segments: &[&str]) -> Vec<(Method, Endpoint)> {
    use Endpoint::*;
    let (get, put, post, delete) = (Method::GET, Method::PUT, Method::POST, Method::DELETE);
    match segments {
        ["cloud", "capabilities"] => vec![(get, Capabilities)],
        ["cloud", "user"] => vec![(get, CurrentUser)],
        ["cloud", "users", id] => vec![(get, User((*id).to_owned()))],
        ["apps", "user_status", "api", "v1", rest @ ..] => match rest {
            ["user_status"] => vec![(get, OwnStatus)],
            ["user_status", "status"] => vec![(put, SetStatus)],
            ["user_status", "message", "predefined"] => vec![(put, SetPredefinedMessage)],
            ["user_status", "message", "custom"] => vec![(put, SetCustomMessage)],
            ["user_status", "message"] => vec![(delete, ClearMessage)],
            ["user_status", "revert", id] => vec![(delete, Revert((*id).to_owned()))],
            ["heartbeat"] => vec![(put, Heartbeat)],
            ["predefined_statuses"] => vec![(get, PredefinedStatuses)],
            ["statuses"] => vec![(get, Statuses)],
            ["statuses", id] => vec![(get, StatusOf((*id).to_owned()))],
            _ => Vec::new(),
        },
        ["apps", "notifications", "api", version, "notifications", rest @ ..] => {
            let api = match *version {
                "v1" => NotificationApi::V1,
                "v2" => NotificationApi::V2,
                _ => return Vec::new(),
            };
            match rest {
                [] => vec![
                    (get, ListNotifications(api)),
                    (delete, DeleteAllNotifications(api)),
                ],
                ["exists"] => vec![(post, NotificationsExist(api))],
                // The route requires `\d+`; anything else is not a route at all.
                [id] if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
                    // Too many digits for an id is simply an id that does not exist.
                    let id = id.parse::<i64>().unwrap_or(0);
                    vec![
                        (get, GetNotification(api, id)),
                        (delete, DeleteNotification(api, id)),
                    ]
                }
                _ => Vec::new(),
            }
        }
        ["apps", "activity", "api", "v2", "activity"] => vec![(get, Activity(None))],
        ["apps", "activity", "api", "v2", "activity", "filters"] => vec![(get, ActivityFilters)],
        ["apps", "activity", "api", "v2", "activity", filter] => {
            vec![(get, Activity(Some((*filter).to_owned())))]
        }
        ["apps", "dav", "api", "v1", "direct"] => vec![(post, DirectLink)],
        ["apps", "files_sharing", "api", "v1", "shares", rest @ ..] => match rest {
            [] => vec![(get, ListShares), (post, CreateShare)],
            ["pending"] => vec![(get, PendingShares)],
            ["pending", id] => vec![(post, AcceptShare((*id).to_owned()))],
            // `inherited` is a GET route of its own; other methods treat it as a share id.
            ["inherited"] => vec![
                (get, InheritedShares),
                (put, UpdateShare("inherited".to_owned())),
                (delete, DeleteShare("inherited".to_owned())),
            ],
            [id] => vec![
                (get, GetShare((*id).to_owned())),
                (put, UpdateShare((*id).to_owned())),
                (delete, DeleteShare((*id).to_owned())),
            ],
            _ => Vec::new(),
        },
        ["apps", "files_sharing", "api", "v1", "sharees"] => vec![(get, Sharees)],
        ["apps", "files_sharing", "api", "v1", "sharees_recommended"] => {
            vec![(get, ShareesRecommended)]
        }
        ["core", "apppassword"] => vec![(delete, RevokeAppPassword)],
        ["apps", "spreed", "api", rest @ ..] => crate::talk::routes(rest)
            .into_iter()
            .map(|(m, route, era)| (m, Talk(route, era)))
            .collect(),
        _ => Vec::new(),
    }
}

fn call(shared: &Shared, inner: &mut Inner, endpoint: Endpoint, ctx: &Ctx) -> Reply {
    use Endpoint::*;
    match endpoint {
        Capabilities => {
            let reply = shared.capabilities.reply(ctx.user.is_some());
            let reply = crate::talk::capabilities(inner, reply);
            crate::push::capabilities(shared, inner, reply, ctx.user.is_some())
        }
        CurrentUser => users::current_user(inner, ctx),
        User(id) => users::user(inner, ctx, &id),
        OwnStatus => user_status::own(inner, ctx),
        SetStatus => user_status::set_status(inner, ctx),
        SetPredefinedMessage => user_status::set_predefined_message(inner, ctx),
        SetCustomMessage => user_status::set_custom_message(inner, ctx),
        ClearMessage => user_status::clear_message(inner, ctx),
        Revert(message_id) => user_status::revert(inner, ctx, &message_id),
        Heartbeat => user_status::heartbeat(inner, ctx),
        PredefinedStatuses => user_status::predefined_statuses(),
        Statuses => user_status::statuses(inner, ctx),
        StatusOf(id) => user_status::status_of(inner, &id),
        ListNotifications(api) => notifications::list(inner, ctx, api),
        DeleteAllNotifications(_) => notifications::delete_all(inner, ctx),
        GetNotification(api, id) => notifications::get(inner, ctx, api, id),
        DeleteNotification(_, id) => notifications::delete(inner, ctx, id),
        NotificationsExist(_) => notifications::exists(inner, ctx),
        Activity(filter) => crate::activity::list(shared, inner, ctx, filter.as_deref()),
        ActivityFilters => crate::activity::filters(shared),
        DirectLink => crate::dav::direct(shared, inner, ctx),
        CreateShare => crate::sharing::create_endpoint(shared, inner, ctx),
        ListShares => crate::sharing::list(shared, inner, ctx),
        PendingShares => crate::sharing::pending(shared, inner, ctx),
        GetShare(id) => crate::sharing::get(shared, inner, ctx, &id),
        AcceptShare(id) => crate::sharing::accept(inner, ctx, &id),
        DeleteShare(id) => crate::sharing::delete(shared, inner, ctx, &id),
        UpdateShare(id) => crate::sharing::update(shared, inner, ctx, &id),
        InheritedShares => crate::sharing::inherited(shared, inner, ctx),
        Sharees => crate::sharing::sharees(inner, ctx),
        ShareesRecommended => crate::sharing::sharees_recommended(inner, ctx),
        RevokeAppPassword => crate::login_flow::revoke_app_password(inner, ctx),
        Talk(route, era) => crate::talk::call(shared, inner, route, era, ctx),
    }
}

/// The fallback handler of the router: everything but `/_sim/`.
pub(crate) async fn dispatch(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, MAX_BODY).await.unwrap_or_default();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().unwrap_or_default().to_owned();
    let fault = fault::active(&shared.lock(), &path);
    fault::hang(fault).await;

    // Talk's chat long-poll: when it finds nothing new it leaves a `Wait`; wait for the room
    // to change outside the lock, then answer the request again (talk/chat.rs).
    let mut resume = None;
    let (mut inner, (response, user)) = loop {
        let wait = {
            let mut inner = shared.lock();
            inner.talk.resume = resume.take();
            inner.talk.wait = None;
            let answer = handle(
                &shared,
                &mut inner,
                &parts.method,
                &path,
                &query,
                &parts.headers,
                &body,
            );
            match inner.talk.wait.take() {
                None => break (inner, answer),
                Some(wait) => wait,
            }
        };
        resume = Some(wait.deadline);
        wait.until_changed().await;
    };
    tracing::debug!(method = %parts.method, %path, status = response.status().as_u16(), "sim request");
    inner.log_request(LoggedRequest {
        method: parts.method.to_string(),
        path,
        query,
        status: response.status().as_u16(),
        if_none_match: parts.headers.contains_key(IF_NONE_MATCH),
        user,
        bytes: fault::bytes_sent(fault, &response),
        accept_language: crate::state::accept_language(&parts.headers),
    });
    fault::deliver(fault, response)
}

/// Answers one request; also returns the user it authenticated as, for the log.
fn handle(
    shared: &Shared,
    inner: &mut Inner,
    method: &Method,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> (Response, Option<String>) {
    let api = if path.starts_with("/ocs/v1.php/") {
        Some(ApiVersion::V1)
    } else if path.starts_with("/ocs/v2.php/") {
        Some(ApiVersion::V2)
    } else {
        None
    };
    let format = Format::of(query, headers);

    let fault = fault::active(inner, path);
    if let Some(response) = fault::response(fault, api.unwrap_or(ApiVersion::V2), format) {
        return (response, None);
    }
    let Some(api) = api else {
        return (not_found_page(), None);
    };
    let route = &path["/ocs/v2.php/".len()..];

    let user = match authenticate(&inner.users, headers) {
        Auth::Invalid => return (unauthorised(api, format), None),
        Auth::User(id) => Some(id),
        Auth::Anonymous => None,
    };
    let render = |reply: Reply| render(api, format, reply, user.as_deref(), headers);

    let endpoint = match resolve(method, route) {
        Ok(endpoint) => endpoint,
        Err(Miss::NoRoute) => return (render(Reply::error(998, INVALID_QUERY)), user),
        Err(Miss::WrongMethod) => return (method_not_allowed(), user),
    };
    let ocs_header = headers.get("OCS-APIRequest").and_then(|v| v.to_str().ok());
    if ocs_header != Some("true") {
        return (csrf_failed(user.as_deref()), user);
    }
    if user.is_none() && endpoint != Endpoint::Capabilities {
        let reply = Reply::error(997, "Current user is not logged in");
        return (render(reply), None);
    }

    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let ctx = Ctx {
        user: user.clone(),
        params: Params::new(query, content_type, body),
        headers: headers.clone(),
        path: path.to_owned(),
    };
    let reply = call(shared, inner, endpoint, &ctx);
    (render(reply), user)
}

/// Puts `reply` into the envelope of `api` and renders it as `format`.
pub(crate) fn render(
    api: ApiVersion,
    format: Format,
    reply: Reply,
    user: Option<&str>,
    request_headers: &HeaderMap,
) -> Response {
    let code = reply.code;
    let (http, statuscode, ok) = match api {
        // v1: HTTP 200 for everything but 997; success is statuscode 100.
        ApiVersion::V1 => {
            let http = if code == 997 { 401 } else { 200 };
            let statuscode = if code == 200 { 100 } else { code };
            (http, statuscode, statuscode == 100)
        }
        // v2: the real HTTP status; OCS codes map to 401/404/500, other odd codes to 400.
        ApiVersion::V2 => {
            let http = match code {
                997 => 401,
                998 => 404,
                996 | 999 => 500,
                c if !(200..=600).contains(&c) => 400,
                c => c,
            };
            (http, code, (200..300).contains(&code))
        }
    };
    let mut meta = vec![
        (
            "status".to_owned(),
            Node::from(if ok { "ok" } else { "failure" }),
        ),
        ("statuscode".to_owned(), Node::from(i64::from(statuscode))),
        ("message".to_owned(), Node::from(reply.message)),
    ];
    if api == ApiVersion::V1 {
        meta.push(("totalitems".to_owned(), Node::from("")));
        meta.push(("itemsperpage".to_owned(), Node::from("")));
    }
    let meta = Node::Map(meta);

    let not_modified = reply.etag.as_ref().is_some_and(|etag| {
        // Only the exact quoted value counts (064 vs 065).
        request_headers
            .get(IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|inm| inm == format!("\"{etag}\""))
    });
    let http = if not_modified { 304 } else { http };

    let (content_type, text) = match format {
        Format::Json => {
            let body = obj([("ocs", obj([("meta", meta), ("data", reply.data)]))]);
            (JSON_CONTENT_TYPE, body.to_json())
        }
        Format::Xml => (XML_CONTENT_TYPE, crate::xml::render(meta, reply.data)),
    };
    let body = if http == 204 || http == 304 {
        Body::empty()
    } else {
        Body::from(text)
    };

    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(http).unwrap_or(StatusCode::BAD_REQUEST);
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    if let Some(user) = user.and_then(|u| HeaderValue::from_str(u).ok()) {
        h.insert("X-User-Id", user);
    }
    if let Some(etag) = reply
        .etag
        .and_then(|e| HeaderValue::from_str(&format!("\"{e}\"")).ok())
    {
        h.insert(ETAG, etag);
    }
    for (name, value) in reply.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            h.insert(name, value);
        }
    }
    response
}

/// Wrong credentials (and the `unauthorized` fault): 997 with a Basic challenge.
pub(crate) fn unauthorised(api: ApiVersion, format: Format) -> Response {
    let mut response = render(
        api,
        format,
        Reply::error(997, "Unauthorised"),
        None,
        &HeaderMap::new(),
    );
    response.headers_mut().insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"Authorisation Required\""),
    );
    response
}

/// 412 without an envelope (surprise 1).
fn csrf_failed(user: Option<&str>) -> Response {
    let mut response = Response::new(Body::from(r#"{"message":"CSRF check failed"}"#));
    *response.status_mut() = StatusCode::PRECONDITION_FAILED;
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_CONTENT_TYPE));
    h.insert(CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    if let Some(user) = user.and_then(|u| HeaderValue::from_str(u).ok()) {
        h.insert("X-User-Id", user);
    }
    response
}

/// 405 with an empty body and no envelope (195).
fn method_not_allowed() -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(JSON_CONTENT_TYPE));
    response
}

/// Anything outside `/ocs/`: the simulator serves no web pages.
fn not_found_page() -> Response {
    let mut response = Response::new(Body::from(
        "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head>\
         <body><h2>Page not found</h2></body></html>\n",
    ));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_methods() {
        let r = |m: Method, p: &str| resolve(&m, p);
        assert_eq!(
            r(Method::GET, "cloud/user").ok(),
            Some(Endpoint::CurrentUser)
        );
        assert!(matches!(
            r(Method::POST, "apps/user_status/api/v1/user_status"),
            Err(Miss::WrongMethod)
        ));
        assert!(matches!(
            r(Method::GET, "cloud/nothing"),
            Err(Miss::NoRoute)
        ));
        assert!(matches!(
            r(
                Method::GET,
                "apps/notifications/api/v2/notifications/exists"
            ),
            Err(Miss::WrongMethod)
        ));
        assert!(matches!(
            r(Method::GET, "apps/notifications/api/v2/notifications/abc"),
            Err(Miss::NoRoute)
        ));
        assert_eq!(
            r(Method::DELETE, "apps/notifications/api/v1/notifications/7").ok(),
            Some(Endpoint::DeleteNotification(NotificationApi::V1, 7))
        );
        assert_eq!(
            r(Method::GET, "apps/user_status/api/v1/statuses/_admin").ok(),
            Some(Endpoint::StatusOf("_admin".into()))
        );
    }
}
