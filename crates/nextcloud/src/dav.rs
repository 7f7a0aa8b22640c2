//! The dav app's OCS endpoint for direct downloads: `POST /ocs/v2.php/apps/dav/api/v1/direct`
//! (fixtures 077–079).
//!
//! The answer is a public URL (`…/remote.php/direct/<token>`) that serves the file without
//! credentials for 24 hours (seed), for handing to another program, e.g. a media player.
//! Nothing here sends credentials to it: fetch it with any HTTP client.

use reqwest::Method;
use serde::Deserialize;
use url::Url;

use crate::{de, Client, Error, Result};

const DIRECT: &str = "ocs/v2.php/apps/dav/api/v1/direct";

/// The dav app's endpoints, from [`Client::dav`].
#[derive(Debug, Clone, Copy)]
pub struct DavApi<'a> {
    client: &'a Client,
}

impl Client {
    /// The dav app's OCS endpoints.
    pub fn dav(&self) -> DavApi<'_> {
        DavApi { client: self }
    }
}

#[derive(Deserialize)]
struct Direct {
    #[serde(default, deserialize_with = "de::string")]
    url: String,
}

impl DavApi<'_> {
    /// A direct-download link for the file `file_id` (`oc:fileid` in WebDAV). The server
    /// answers [`Error::NotFound`] for a file that does not exist or the user cannot see, and
    /// refuses folders.
    pub async fn direct_download(&self, file_id: i64) -> Result<Url> {
        let request = self
            .client
            .request(Method::POST, self.client.url(DIRECT, &[]))
            .form(&[("fileId", file_id)]);
        let direct: Direct = self.client.ocs(request).await?;
        let url: Url = direct
            .url
            .parse()
            .map_err(|e| Error::Decode(format!("direct download URL {:?}: {e}", direct.url)))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Decode(format!(
                "direct download URL {:?} is not http(s)",
                direct.url
            )));
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn the_recorded_answers() {
        let created: Direct = fixtures::reply("077-dav-direct-create.json")
            .decode()
            .unwrap();
        assert!(created
            .url
            .starts_with("http://127.0.0.1:8080/remote.php/direct/"));
        assert_eq!(
            fixtures::reply("079-dav-direct-unknown-file.json")
                .decode::<Direct>()
                .err(),
            Some(Error::NotFound {
                message: String::new()
            })
        );
    }
}
