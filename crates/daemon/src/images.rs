//! The `nctray-img:` protocol: the windows show the server's avatars, icons and previews
//! without ever holding the app password. Rust fetches each image with the current account's
//! credentials (same origin only, see `nextcloud::images`) and hands the bytes over.
//!
//! `nctray-img://localhost/avatar/<user id>?size=64` and
//! `nctray-img://localhost/fetch?url=<absolute URL or path on the server>`.

use nctray_engine::accounts::Accounts;

use crate::app::App;

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

/// Answers one request of the protocol (the API's `FetchImage`): the image's bytes and
/// content type, or why there is none.
pub async fn fetch(app: &App, uri: &str) -> Result<(Vec<u8>, String), String> {
    let wanted = parse(uri).ok_or_else(|| format!("not an image address: {uri}"))?;
    let engine = app
        .state::<Accounts>()
        .current()
        .map_err(|error| error.message)?;
    let images = engine.client().images();
    let image = match &wanted {
        Wanted::Avatar { user, size } => images.avatar(user, *size).await,
        Wanted::Fetch { link } => images.fetch(link).await,
    };
    match image {
        Ok(image) => Ok((image.bytes, image.content_type)),
        Err(error) => {
            tracing::debug!("image {uri}: {error}");
            Err(error.to_string())
        }
    }
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
