//! The images a client shows next to notifications and activities, answered the way
//! Nextcloud 32 does (no fixtures cover them; this follows core's controllers):
//! - `GET /index.php/avatar/{user}/{size}[/dark]` (AvatarController, a public page): a PNG of
//!   64 px when 64 or less is asked for, else 512 px, with `X-NC-IsCustomAvatar: 0`; an unknown
//!   user → 404 with the JSON body `[]`.
//! - `GET /index.php/core/preview?fileId=…&x=…&y=…` (PreviewController, login required): a
//!   PNG of the file the user can see; `fileId` missing or `x`/`y` 0 → 400, a folder → 400, an
//!   unknown or foreign file or one without a preview (only images and text have one here)
//!   → 404, each with `[]`. Without credentials core redirects to the login page (303).
//! - `GET /core/img/…` and `GET /apps/{app}/img/…` (static files the web server serves to
//!   anyone): an SVG for every `.svg`, 404 for anything else.
//!
//! Simplifications: generated avatars are a plain initial on a colour, and a wrong password
//! is answered 401 like the OCS endpoints do.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, LOCATION};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use crate::auth::{authenticate, Auth};
use crate::dav::{accessible, respond, serve};
use crate::params::Params;
use crate::picture;
use crate::state::Shared;

/// The largest preview made (core's `preview_max_x`/`_y` default to 4096; smaller is cheaper).
const MAX_PREVIEW: u32 = 1024;
const PNG: &str = "image/png";
const JSON: &str = "application/json; charset=utf-8";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/index.php/avatar/{user}/{size}", get(avatar))
        .route("/index.php/avatar/{user}/{size}/dark", get(avatar))
        .route("/index.php/core/preview", get(preview))
        .route("/core/img/{*path}", get(core_icon))
        .route("/apps/{app}/img/{*path}", get(app_icon))
}

/// Core serves two avatar sizes and rounds every other request to one of them.
fn avatar_size(asked: i64) -> u32 {
    if asked <= 64 {
        64
    } else {
        512
    }
}

async fn avatar(
    State(shared): State<Arc<Shared>>,
    Path(segments): Path<Vec<(String, String)>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let segment = |name: &str| {
        segments
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let (user, size) = (segment("user"), segment("size"));
    serve(&shared, &method, &uri, &headers, |inner| {
        let viewer = match authenticate(&inner.users, &headers) {
            Auth::Invalid => return (unauthorised(), None),
            Auth::User(uid) => Some(uid),
            Auth::Anonymous => None,
        };
        // The route takes an int; anything else is no route at all.
        let Ok(asked) = size.parse::<i64>() else {
            return (not_found_page(), viewer);
        };
        let Some(found) = inner.user(&user) else {
            return (respond(StatusCode::NOT_FOUND, JSON, "[]"), viewer);
        };
        let bytes = picture::avatar(&found.display_name, avatar_size(asked));
        let mut response = respond(StatusCode::OK, PNG, bytes);
        let h = response.headers_mut();
        h.insert("X-NC-IsCustomAvatar", HeaderValue::from_static("0"));
        h.insert(
            CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=86400, immutable"),
        );
        (response, viewer)
    })
}

async fn preview(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let params = Params::new(uri.query().unwrap_or_default(), None, b"");
    let number = |name: &str, default: i64| {
        params
            .get(name)
            .map_or(Some(default), |v| v.trim().parse::<i64>().ok())
    };
    let (file_id, x, y) = (number("fileId", -1), number("x", 32), number("y", 32));
    serve(&shared, &method, &uri, &headers, |inner| {
        let uid = match authenticate(&inner.users, &headers) {
            Auth::User(uid) => uid,
            Auth::Invalid => return (unauthorised(), None),
            Auth::Anonymous => return (to_login(&uri), None),
        };
        let empty = |status| respond(status, JSON, "[]");
        let (Some(file_id), Some(x), Some(y)) = (file_id, x, y) else {
            return (empty(StatusCode::BAD_REQUEST), Some(uid));
        };
        if file_id == -1 || x == 0 || y == 0 {
            return (empty(StatusCode::BAD_REQUEST), Some(uid));
        }
        crate::files::home(inner, &uid);
        let Some(node) = accessible(inner, &uid, file_id) else {
            return (empty(StatusCode::NOT_FOUND), Some(uid));
        };
        if node.is_dir {
            return (empty(StatusCode::BAD_REQUEST), Some(uid));
        }
        let mime = node.mime();
        if !(mime.starts_with("image/") || mime.starts_with("text/")) {
            return (empty(StatusCode::NOT_FOUND), Some(uid));
        }
        let side = |n: i64| u32::try_from(n.clamp(1, i64::from(MAX_PREVIEW))).unwrap_or(32);
        let bytes = picture::preview(mime, side(x), side(y));
        let mut response = respond(StatusCode::OK, PNG, bytes);
        response.headers_mut().insert(
            CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=86400, immutable"),
        );
        (response, Some(uid))
    })
}

async fn core_icon(
    State(shared): State<Arc<Shared>>,
    Path(path): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    static_icon(&shared, &path, &method, &uri, &headers)
}

async fn app_icon(
    State(shared): State<Arc<Shared>>,
    Path((_app, path)): Path<(String, String)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    static_icon(&shared, &path, &method, &uri, &headers)
}

fn static_icon(
    shared: &Shared,
    path: &str,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Response {
    serve(shared, method, uri, headers, |_| {
        let name = path.rsplit('/').next().unwrap_or_default();
        if !name.ends_with(".svg") || name.len() <= ".svg".len() {
            return (not_found_page(), None);
        }
        let mut response = respond(StatusCode::OK, "image/svg+xml", picture::icon(name));
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("max-age=15778463"));
        (response, None)
    })
}

fn unauthorised() -> Response {
    respond(
        StatusCode::UNAUTHORIZED,
        JSON,
        r#"{"message":"Current user is not logged in"}"#,
    )
}

/// Core sends a browser without a session to the login page.
fn to_login(uri: &Uri) -> Response {
    let target = crate::params::encode(&uri.to_string());
    let mut response = respond(StatusCode::SEE_OTHER, "text/html; charset=utf-8", "");
    if let Ok(location) = HeaderValue::from_str(&format!("/index.php/login?redirect_url={target}"))
    {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

fn not_found_page() -> Response {
    respond(
        StatusCode::NOT_FOUND,
        "text/html; charset=utf-8",
        "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head>\
         <body><h2>Page not found</h2></body></html>\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avatar_sizes_round_to_64_or_512() {
        assert_eq!(avatar_size(-1), 64);
        assert_eq!(avatar_size(32), 64);
        assert_eq!(avatar_size(64), 64);
        assert_eq!(avatar_size(65), 512);
        assert_eq!(avatar_size(2048), 512);
    }
}
