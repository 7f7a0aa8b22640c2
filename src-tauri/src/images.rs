//! The `nctray-img:` protocol: the windows show the server's avatars, icons and previews
//! without ever holding the app password. The daemon fetches each image with the account's
//! credentials (`FetchImage`) and the shell hands the bytes to the webview.

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::daemon::Daemon;

pub const SCHEME: &str = "nctray-img";

/// Answers one request of the protocol, off the UI thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let daemon = ctx.app_handle().state::<Daemon>().inner().clone();
    let uri = request.uri().to_string();
    tauri::async_runtime::spawn(async move {
        let response = match daemon.fetch_image(&uri).await {
            Ok((bytes, mime)) => image(bytes, &mime),
            Err(error) => {
                tracing::debug!("image {uri}: {error}");
                not_found()
            }
        };
        responder.respond(response);
    });
}

fn image(bytes: Vec<u8>, mime: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, mime)
        .header(header::CACHE_CONTROL, "max-age=3600")
        // An SVG from the server must not run script even if opened alone.
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'",
        )
        .body(bytes)
        // Only a MIME type that is no header value gets here.
        .unwrap_or_else(|_| not_found())
}

fn not_found() -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_carries_its_type_and_may_run_no_script() {
        let response = image(b"<svg/>".to_vec(), "image/svg+xml");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/svg+xml");
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
        assert_eq!(response.body(), b"<svg/>");
    }

    #[test]
    fn a_type_that_is_no_header_value_gives_nothing() {
        let response = image(b"x".to_vec(), "image/png\r\nSet-Cookie: a=b");
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(response.body().is_empty());
    }
}
