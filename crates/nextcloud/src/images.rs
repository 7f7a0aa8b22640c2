//! Images the windows show: avatars (`GET /index.php/avatar/{user}/{size}`) and the icons and
//! previews that notifications and activities link to. Fetched with the account's
//! credentials, so only URLs on the account's own origin and below its base path are fetched
//! at all, and at most 20 MiB of each is read.

use reqwest::Method;
use url::Url;

use crate::{client::IMAGE_BODY_LIMIT, Client, Error, Result};

/// Sizes the server renders avatars in (it rounds every other size to one of them).
const AVATAR_SIZES: [u32; 2] = [64, 512];

/// An image as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `image/png`, `image/svg+xml`…
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The image endpoints, from [`Client::images`].
#[derive(Debug, Clone, Copy)]
pub struct ImagesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Avatars, icons and previews.
    pub fn images(&self) -> ImagesApi<'_> {
        ImagesApi { client: self }
    }
}

impl ImagesApi<'_> {
    /// The avatar of `user_id`, at least `size` pixels wide.
    pub async fn avatar(&self, user_id: &str, size: u32) -> Result<Image> {
        let size = AVATAR_SIZES
            .into_iter()
            .find(|s| *s >= size)
            .unwrap_or(512)
            .to_string();
        let url = self
            .client
            .url("index.php/avatar", &[user_id, size.as_str()]);
        self.get(url).await
    }

    /// An icon or preview the server linked to: an absolute URL on the account's origin or a
    /// path below it. Other origins, and paths outside the server's base path, are refused, so the
    /// credentials never leave the server.
    pub async fn fetch(&self, link: &str) -> Result<Image> {
        let url = self
            .client
            .server()
            .join(link)
            .map_err(|e| Error::refused(format!("Bad image link {link:?}: {e}")))?;
        if !self.client.is_account_url(&url) {
            return Err(Error::refused(format!(
                "Images are fetched only from the account's server ({}), not {}",
                self.client.server(),
                url.origin().ascii_serialization()
            )));
        }
        self.get(url).await
    }

    async fn get(&self, url: Url) -> Result<Image> {
        let reply = self
            .client
            .send_with_limit(self.client.request(Method::GET, url), IMAGE_BODY_LIMIT)
            .await?;
        let content_type = reply
            .header("content-type")
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if !reply.status.is_success() || !content_type.starts_with("image/") {
            // Whatever answers 404 (an unknown user, file or icon; a file without a preview)
            // means there is no such image.
            if reply.status == reqwest::StatusCode::NOT_FOUND {
                return Err(Error::NotFound {
                    message: String::new(),
                });
            }
            // Core's image controllers refuse other requests with a bare `[]` (400 for a
            // folder or a bad size).
            if reply.body == b"[]" && reply.status.is_client_error() {
                return Err(Error::Http {
                    status: reply.status.as_u16(),
                    message: String::new(),
                });
            }
            // Otherwise let the OCS decoding say what the server meant (401, 503…).
            reply.data()?;
            return Err(Error::Decode(format!(
                "expected an image, got {content_type:?} with HTTP {}",
                reply.status.as_u16()
            )));
        }
        Ok(Image {
            content_type,
            bytes: reply.body,
        })
    }
}
