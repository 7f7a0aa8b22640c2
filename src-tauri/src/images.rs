//! The `nctray-img:` protocol: the windows show the server's avatars, icons and previews
//! without ever holding the app password. Rust fetches each image with the current account's
//! credentials (same origin only, see `nextcloud::images`) and hands the bytes over.
//!
//! `nctray-img://localhost/avatar/<user id>?size=64` and
//! `nctray-img://localhost/fetch?url=<absolute URL or path on the server>`.

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::session::Session;

pub const SCHEME: &str = "nctray-img";

/// What the protocol is asked for.
#[derive(Debug, PartialEq, Eq)]
enum Wanted {
    Avatar { user: String, size: u32 },
    Fetch { link: String },
}

fn parse(uri: &str) -> Option<Wanted> {
    let url = url::Url::parse(uri).ok()?;
    let query = |name: &str| {
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let mut segments = url.path_segments()?;
    match segments.next()? {
        "avatar" => {
            let user = percent_decode(segments.next()?)?;
            let size = query("size").and_then(|s| s.parse().ok()).unwrap_or(64);
            Some(Wanted::Avatar { user, size })
        }
        "fetch" => Some(Wanted::Fetch {
            link: query("url")?,
        }),
        _ => None,
    }
}

fn percent_decode(segment: &str) -> Option<String> {
    url::form_urlencoded::parse(format!("x={segment}").as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .filter(|user| !user.is_empty())
}

/// Answers one request of the protocol, off the UI thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let uri = request.uri().to_string();
    tauri::async_runtime::spawn(async move {
        let response = match (parse(&uri), app.state::<Session>().current()) {
            (Some(wanted), Ok(engine)) => {
                let images = engine.client().images();
                let image = match &wanted {
                    Wanted::Avatar { user, size } => images.avatar(user, *size).await,
                    Wanted::Fetch { link } => images.fetch(link).await,
                };
                match image {
                    Ok(image) => Response::builder()
                        .status(StatusCode::OK)
                        .header(header::CONTENT_TYPE, image.content_type)
                        .header(header::CACHE_CONTROL, "max-age=3600")
                        // An SVG from the server must not run script even if opened alone.
                        .header(
                            header::CONTENT_SECURITY_POLICY,
                            "default-src 'none'; style-src 'unsafe-inline'",
                        )
                        .body(image.bytes),
                    Err(error) => {
                        tracing::debug!("image {uri}: {error}");
                        empty(StatusCode::NOT_FOUND)
                    }
                }
            }
            _ => empty(StatusCode::BAD_REQUEST),
        };
        responder.respond(response.unwrap_or_else(|_| Response::new(Vec::new())));
    });
}

fn empty(status: StatusCode) -> tauri::http::Result<Response<Vec<u8>>> {
    Response::builder().status(status).body(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avatar_and_fetch_urls_are_understood() {
        assert_eq!(
            parse("nctray-img://localhost/avatar/bob%20smith?size=128"),
            Some(Wanted::Avatar {
                user: "bob smith".into(),
                size: 128
            })
        );
        assert_eq!(
            parse("nctray-img://localhost/fetch?url=%2Fapps%2Ffiles%2Fimg%2Fx.svg"),
            Some(Wanted::Fetch {
                link: "/apps/files/img/x.svg".into()
            })
        );
        assert_eq!(parse("nctray-img://localhost/other"), None);
        assert_eq!(parse("nctray-img://localhost/fetch"), None);
    }
}
