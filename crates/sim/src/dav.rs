//! WebDAV and direct downloads (fixtures 076–079):
//! - `POST /ocs/v2.php/apps/dav/api/v1/direct` with `fileId` → `{"url": ".../remote.php/direct/<token>"}`
//!   (unknown or foreign file → 404 `data: []`, a folder → 400);
//! - `GET /remote.php/direct/<token>`: the file, **without** authentication, while the link is
//!   valid (24 hours, as the seed says; `expirationTime` may ask for less), with an unquoted
//!   ETag (078);
//! - `/remote.php/dav/files/<user>/…` with Basic auth: `PROPFIND` (Depth 0 or 1; `oc:fileid`,
//!   `d:getetag`, `d:getcontentlength`, `d:resourcetype`, … as in 076), `GET`, `PUT` and
//!   `DELETE`. Writes and deletes record the files app's activities and tell notify_push.
//!
//! It also holds the plumbing the simulator's non-OCS pages share ([`serve`]): fault mode,
//! the request log, Sabre's XML errors.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_TYPE, ETAG, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::Router;

use crate::activity::{self, FileChange};
use crate::auth::{authenticate, Auth};
use crate::capabilities::md5_hex;
use crate::files::{self, FileNode, Written};
use crate::json::obj;
use crate::ocs::{ApiVersion, Ctx, Format, Reply};
use crate::state::{Inner, LoggedRequest, Shared};

/// How long a direct link lives (seed: "valid for 24 hours"), and the longest one may ask for.
const DIRECT_LIFETIME: i64 = 24 * 60 * 60;
const XML: &str = "application/xml; charset=utf-8";

#[derive(Debug, Clone)]
pub(crate) struct DirectLink {
    token: String,
    user: String,
    file_id: i64,
    expires: i64,
}

/// Direct links handed out so far.
#[derive(Debug, Default)]
pub(crate) struct DirectLinks {
    links: Vec<DirectLink>,
    issued: u64,
}

/// A random-looking token of `len` letters and digits (the simulator has no RNG crate: md5 of
/// a counter and the clock is unguessable enough for a test server on loopback).
pub(crate) fn token(seed: &str, counter: u64, len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut out = String::with_capacity(len);
    let mut round = 0u32;
    while out.len() < len {
        let hash = md5_hex(format!("{seed}:{counter}:{nanos}:{round}").as_bytes());
        for pair in hash.as_bytes().chunks(2) {
            let value =
                u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("0"), 16).unwrap_or(0);
            out.push(ALPHABET[usize::from(value) % ALPHABET.len()] as char);
            if out.len() == len {
                break;
            }
        }
        round += 1;
    }
    out
}

/// The node `fileId` names for `uid`: their own, or one shared with them and accepted.
pub(crate) fn accessible(inner: &Inner, uid: &str, file_id: i64) -> Option<FileNode> {
    let node = inner.files.by_id(file_id)?;
    if node.owner == uid || inner.shares.accepted_file_ids(uid).contains(&file_id) {
        Some(node.clone())
    } else {
        None
    }
}

/// `POST /ocs/v2.php/apps/dav/api/v1/direct` (077, 079).
pub(crate) fn direct(shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    files::home(inner, &uid);
    let file_id = ctx
        .params
        .get("fileId")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or(0);
    let Some(node) = accessible(inner, &uid, file_id) else {
        return Reply::error(404, "");
    };
    if node.is_dir {
        return Reply::error(400, "Direct download only works for files");
    }
    let lifetime = match ctx.params.get("expirationTime") {
        None => DIRECT_LIFETIME,
        Some(text) => match text.trim().parse::<i64>() {
            Ok(secs) if secs > 0 && secs <= DIRECT_LIFETIME => secs,
            _ => {
                return Reply::error(
                    400,
                    format!(
                        "Expiration time should be greater than 0 and less than or equal to {DIRECT_LIFETIME}"
                    ),
                )
            }
        },
    };
    inner.direct.issued += 1;
    let token = token("direct", inner.direct.issued, 60);
    let expires = inner.now() + lifetime;
    inner.direct.links.push(DirectLink {
        token: token.clone(),
        user: uid,
        file_id,
        expires,
    });
    Reply::ok(obj([(
        "url",
        format!("{}/remote.php/direct/{token}", shared.base_url).into(),
    )]))
}

// ------------------------------------------------------------------ plain HTTP plumbing

/// Runs a non-OCS handler under the lock, with fault mode and the request log, like
/// [`crate::ocs`] does for OCS. `handler` returns the answer and the authenticated user.
/// (A [`crate::Fault::Hang`] does not delay these answers: they are made under the lock.)
pub(crate) fn serve(
    shared: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    handler: impl FnOnce(&mut Inner) -> (Response, Option<String>),
) -> Response {
    let mut inner = shared.lock();
    let fault = crate::fault::active(&inner, uri.path());
    let (response, user) = match crate::fault::response(fault, ApiVersion::V2, Format::Json) {
        Some(response) => (response, None),
        None => handler(&mut inner),
    };
    tracing::debug!(%method, path = uri.path(), status = response.status().as_u16(), "sim request");
    inner.log_request(LoggedRequest {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or_default().to_owned(),
        status: response.status().as_u16(),
        if_none_match: headers.contains_key(axum::http::header::IF_NONE_MATCH),
        user,
        bytes: crate::fault::bytes_sent(fault, &response),
        accept_language: crate::state::accept_language(headers),
    });
    crate::fault::deliver(fault, response)
}

pub(crate) fn respond(status: StatusCode, content_type: &str, body: impl Into<Body>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

/// Sabre's XML error body.
fn sabre_error(status: StatusCode, exception: &str, message: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:error xmlns:d=\"DAV:\" \
         xmlns:s=\"http://sabredav.org/ns\">\n  <s:exception>Sabre\\DAV\\Exception\\{exception}</s:exception>\n  \
         <s:message>{}</s:message>\n</d:error>\n",
        escape(message)
    );
    respond(status, XML, body)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `/remote.php/direct/…` and `/remote.php/dav/files/…`.
pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/remote.php/direct/{token}", any(direct_download))
        .route("/remote.php/dav/files/{user}", any(webdav_root))
        .route("/remote.php/dav/files/{user}/", any(webdav_root))
        .route("/remote.php/dav/files/{user}/{*path}", any(webdav))
}

async fn direct_download(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    serve(&shared, &method, &uri, &headers, |inner| {
        if method != Method::GET && method != Method::HEAD {
            return (
                sabre_error(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed", ""),
                None,
            );
        }
        let now = inner.now();
        let link = inner
            .direct
            .links
            .iter()
            .find(|l| l.token == token && l.expires > now)
            .cloned();
        let node = link.and_then(|l| accessible(inner, &l.user, l.file_id));
        let Some(node) = node.filter(|n| !n.is_dir) else {
            return (sabre_error(StatusCode::NOT_FOUND, "NotFound", ""), None);
        };
        (download(&node, method == Method::HEAD), None)
    })
}

/// The file as Sabre serves it: its type (text with the charset, as 078), the unquoted ETag.
fn download(node: &FileNode, head: bool) -> Response {
    let mime = node.mime();
    let content_type = if mime.starts_with("text/") {
        format!("{mime};charset=UTF-8")
    } else {
        mime.to_owned()
    };
    let body = if head { Vec::new() } else { node.bytes() };
    let mut response = respond(StatusCode::OK, &content_type, body);
    if let Ok(etag) = HeaderValue::from_str(&node.etag) {
        response.headers_mut().insert(ETAG, etag);
    }
    response
}

async fn webdav_root(
    State(shared): State<Arc<Shared>>,
    Path(user): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    dav(&shared, &user, "/", &method, &uri, &headers, &body)
}

async fn webdav(
    State(shared): State<Arc<Shared>>,
    Path((user, path)): Path<(String, String)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    dav(&shared, &user, &path, &method, &uri, &headers, &body)
}

#[allow(clippy::too_many_arguments)]
fn dav(
    shared: &Shared,
    user: &str,
    path: &str,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    serve(shared, method, uri, headers, |inner| {
        let uid = match authenticate(&inner.users, headers) {
            Auth::User(uid) => uid,
            Auth::Anonymous | Auth::Invalid => {
                let mut response = sabre_error(
                    StatusCode::UNAUTHORIZED,
                    "NotAuthenticated",
                    "No public access to this resource., No 'Authorization: Basic' header found. \
                     Either the client didn't send one, or the server is misconfigured",
                );
                response.headers_mut().insert(
                    WWW_AUTHENTICATE,
                    HeaderValue::from_static("Basic realm=\"Nextcloud\", charset=\"UTF-8\""),
                );
                return (response, None);
            }
        };
        if uid != user {
            let message = format!(
                "File with name /{} could not be located",
                path.trim_matches('/')
            );
            return (
                sabre_error(StatusCode::NOT_FOUND, "NotFound", &message),
                Some(uid),
            );
        }
        files::home(inner, &uid);
        let path = files::normalise(path);
        let answer = match method.as_str() {
            "PROPFIND" => propfind(shared, inner, &uid, &path, headers, body),
            "GET" | "HEAD" => match inner.files.find(&uid, &path) {
                Some(node) if !node.is_dir => download(node, method == Method::HEAD),
                Some(_) => respond(StatusCode::OK, "text/html; charset=utf-8", ""),
                None => not_located(&path),
            },
            "PUT" => put(shared, inner, &uid, &path, body),
            "DELETE" => remove(shared, inner, &uid, &path),
            _ => sabre_error(StatusCode::NOT_IMPLEMENTED, "NotImplemented", ""),
        };
        (answer, Some(uid))
    })
}

fn not_located(path: &str) -> Response {
    let message = format!("File with name {path} could not be located");
    sabre_error(StatusCode::NOT_FOUND, "NotFound", &message)
}

fn put(shared: &Shared, inner: &mut Inner, uid: &str, path: &str, body: &[u8]) -> Response {
    let now = inner.now();
    let Some(written) = inner.files.write(uid, path, body, now) else {
        return sabre_error(StatusCode::CONFLICT, "Conflict", "A folder is in the way");
    };
    let node = inner
        .files
        .by_id(written.id())
        .cloned()
        .expect("the file was just written");
    let change = match written {
        Written::Created(_) => FileChange::Created,
        Written::Changed(_) => FileChange::Changed,
    };
    file_changed(shared, inner, uid, change, &node);
    let status = match written {
        Written::Created(_) => StatusCode::CREATED,
        Written::Changed(_) => StatusCode::NO_CONTENT,
    };
    let mut response = respond(status, "text/html; charset=UTF-8", "");
    let h = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", node.etag)) {
        h.insert(ETAG, etag.clone());
        h.insert("OC-ETag", etag);
    }
    if let Ok(id) = HeaderValue::from_str(&oc_id(node.id)) {
        h.insert("OC-FileId", id);
    }
    response
}

fn remove(shared: &Shared, inner: &mut Inner, uid: &str, path: &str) -> Response {
    let now = inner.now();
    let removed = inner.files.delete(uid, path, now);
    let Some(node) = removed.first().cloned() else {
        return not_located(path);
    };
    file_changed(shared, inner, uid, FileChange::Deleted, &node);
    respond(StatusCode::NO_CONTENT, "text/html; charset=UTF-8", "")
}

/// The activity for the owner and the push for everyone who can see the file.
pub(crate) fn file_changed(
    shared: &Shared,
    inner: &mut Inner,
    author: &str,
    change: FileChange,
    node: &FileNode,
) {
    let row = activity::file_row(&shared.base_url, inner, author, change, node);
    activity::store(inner, row);
    let id = u64::try_from(node.id).unwrap_or(0);
    inner
        .push
        .send(&node.owner, crate::push::PushMessage::File(vec![id]));
}

/// `00000187ocinstance`: the file id with the instance id, as `OC-FileId` and `oc:id` carry it.
fn oc_id(id: i64) -> String {
    format!("{id:08}ocnctraysim")
}

// ------------------------------------------------------------------ PROPFIND

/// The properties a PROPFIND asks for, as `(namespace prefix, local name)`; `None` = allprop.
fn requested(body: &[u8]) -> Option<Vec<(String, String)>> {
    let text = String::from_utf8_lossy(body);
    let start = text.find(":prop>").or_else(|| text.find("<prop>"))?;
    // `:prop>` and `<prop>` have the same length.
    let rest = &text[start + ":prop>".len()..];
    let end = rest.find("prop>").unwrap_or(rest.len());
    let inner = &rest[..end];
    let props = inner
        .split('<')
        .filter_map(|tag| {
            let tag = tag.trim();
            if tag.is_empty() || tag.starts_with('/') {
                return None;
            }
            let name = tag.trim_end_matches('>').trim_end_matches('/').trim();
            let name = name.split_whitespace().next()?;
            let (prefix, local) = name.split_once(':').unwrap_or(("d", name));
            Some((prefix.to_owned(), local.to_owned()))
        })
        .collect();
    Some(props)
}

fn propfind(
    shared: &Shared,
    inner: &mut Inner,
    uid: &str,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Response {
    let Some(node) = inner.files.find(uid, path).cloned() else {
        return not_located(path);
    };
    let depth = headers
        .get("Depth")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("1");
    let mut nodes = vec![node.clone()];
    if node.is_dir && depth.trim() != "0" {
        nodes.extend(inner.files.children(uid, &node.path).into_iter().cloned());
        if node.path == "/" {
            // Accepted shares are mounted in the recipient's home.
            for id in inner.shares.accepted_file_ids(uid) {
                if let Some(mut shared_node) = inner.files.by_id(id).cloned() {
                    shared_node.path = format!("/{}", shared_node.name());
                    nodes.push(shared_node);
                }
            }
            nodes[1..].sort_by(|a, b| a.name().cmp(b.name()));
        }
    }
    let props = requested(body).unwrap_or_else(|| {
        [
            "getetag",
            "getcontentlength",
            "resourcetype",
            "getlastmodified",
            "getcontenttype",
        ]
        .iter()
        .map(|p| ("d".to_owned(), (*p).to_owned()))
        .chain([("oc".to_owned(), "fileid".to_owned())])
        .collect()
    });
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<d:multistatus xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\" \
         xmlns:oc=\"http://owncloud.org/ns\" xmlns:nc=\"http://nextcloud.org/ns\">",
    );
    for node in &nodes {
        let mut href = format!("/remote.php/dav/files/{uid}{}", href_path(&node.path));
        if node.is_dir && !href.ends_with('/') {
            href.push('/');
        }
        let mut found = String::new();
        let mut missing = String::new();
        for (prefix, name) in &props {
            match value(shared, node, prefix, name) {
                Some(value) => found.push_str(&value),
                None => missing.push_str(&format!("<{prefix}:{name}/>")),
            }
        }
        xml.push_str(&format!("<d:response><d:href>{href}</d:href>"));
        if !found.is_empty() {
            xml.push_str(&format!(
                "<d:propstat><d:prop>{found}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
            ));
        }
        if !missing.is_empty() {
            xml.push_str(&format!(
                "<d:propstat><d:prop>{missing}</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>"
            ));
        }
        xml.push_str("</d:response>");
    }
    xml.push_str("</d:multistatus>\n");
    respond(StatusCode::MULTI_STATUS, XML, xml)
}

/// Each segment percent-encoded the way Sabre writes hrefs (`Nextcloud%20intro.mp4`).
fn href_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            segment
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// One property element of `node`, or `None` when the node does not have it (→ 404 propstat).
fn value(shared: &Shared, node: &FileNode, prefix: &str, name: &str) -> Option<String> {
    let _ = shared;
    let element = |content: String| format!("<{prefix}:{name}>{content}</{prefix}:{name}>");
    match (prefix, name) {
        ("oc", "fileid") => Some(element(node.id.to_string())),
        ("oc", "id") => Some(element(oc_id(node.id))),
        ("d", "getetag") => Some(element(format!("&quot;{}&quot;", node.etag))),
        ("d", "getcontentlength") if !node.is_dir => Some(element(node.size.to_string())),
        ("d", "getcontenttype") if !node.is_dir => Some(element(node.mime().to_owned())),
        ("d", "resourcetype") if node.is_dir => Some(element("<d:collection/>".to_owned())),
        ("d", "resourcetype") => Some(format!("<{prefix}:{name}/>")),
        ("d", "getlastmodified") => Some(element(http_date(node.mtime))),
        ("oc", "size") => Some(element(node.size.to_string())),
        ("oc", "permissions") => Some(element(
            if node.is_dir { "RGDNVCK" } else { "RGDNVW" }.to_owned(),
        )),
        _ => None,
    }
}

/// `Wed, 25 Nov 2026 23:03:30 GMT`.
fn http_date(ts: i64) -> String {
    let iso = crate::time::iso8601(ts);
    let (date, time) = (&iso[..10], &iso[11..19]);
    let days = ts.div_euclid(86_400);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let month = date[5..7].parse::<usize>().unwrap_or(1);
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{weekday}, {} {} {} {time} GMT",
        &date[8..10],
        months[(month - 1).min(11)],
        &date[..4]
    )
}

// ------------------------------------------------------------------ Control

impl crate::Control {
    /// Writes `content` to `user`'s `path` (creating folders), as a WebDAV `PUT` would: the
    /// files activity ("You created …" / "You changed …") and `notify_file`. Returns the file
    /// id, `None` when a folder is in the way.
    pub fn write_file(&self, user: &str, path: &str, content: &[u8]) -> Option<i64> {
        let mut inner = self.shared.lock();
        files::home(&mut inner, user);
        let now = inner.now();
        let written = inner.files.write(user, path, content, now)?;
        let node = inner.files.by_id(written.id()).cloned()?;
        let change = match written {
            Written::Created(_) => FileChange::Created,
            Written::Changed(_) => FileChange::Changed,
        };
        file_changed(&self.shared, &mut inner, user, change, &node);
        Some(node.id)
    }

    /// Deletes `user`'s file or folder `path`, as a WebDAV `DELETE` would. `false` if absent.
    pub fn delete_file(&self, user: &str, path: &str) -> bool {
        let mut inner = self.shared.lock();
        files::home(&mut inner, user);
        let now = inner.now();
        let removed = inner.files.delete(user, path, now);
        let Some(node) = removed.first().cloned() else {
            return false;
        };
        file_changed(&self.shared, &mut inner, user, FileChange::Deleted, &node);
        true
    }

    /// The file id of `user`'s `path` (admin's files have the ids of fixture 076).
    pub fn file_id(&self, user: &str, path: &str) -> Option<i64> {
        let mut inner = self.shared.lock();
        files::home(&mut inner, user);
        inner.files.find(user, path).map(|n| n.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_the_length_and_alphabet_asked_for() {
        let a = token("x", 1, 60);
        let b = token("x", 2, 60);
        assert_eq!(a.len(), 60);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }

    #[test]
    fn propfind_bodies_name_their_properties() {
        let body = br#"<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><oc:fileid/><d:getetag/><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>"#;
        let props = requested(body).unwrap();
        let names: Vec<String> = props.iter().map(|(p, n)| format!("{p}:{n}")).collect();
        assert_eq!(
            names,
            [
                "oc:fileid",
                "d:getetag",
                "d:getcontentlength",
                "d:resourcetype"
            ]
        );
        assert_eq!(requested(b""), None);
    }

    #[test]
    fn hrefs_and_dates() {
        assert_eq!(href_path("/Nextcloud intro.mp4"), "/Nextcloud%20intro.mp4");
        assert_eq!(http_date(1_795_647_810), "Wed, 25 Nov 2026 23:03:30 GMT");
    }
}
