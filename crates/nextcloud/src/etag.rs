//! Conditional GETs.

use reqwest::{
    header::{self, HeaderValue},
    Method, StatusCode,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use crate::{client::Reply, Client, Result};

/// The answer to a conditional GET.
///
/// `value: None` means "unchanged": the server answered 304, or (some servers do) 200 with
/// the very ETag that was sent. Keep the previous value then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Etagged<T> {
    /// The ETag to send next time, exactly as the server wrote it (quotes included).
    pub etag: Option<String>,
    /// The new value, or `None` when unchanged.
    pub value: Option<T>,
}

impl<T> Etagged<T> {
    /// Whether the server said nothing changed.
    pub fn is_unchanged(&self) -> bool {
        self.value.is_none()
    }
}

impl Client {
    /// `GET url` with `If-None-Match: etag` (byte for byte, quotes included). The reply (for
    /// its headers) and the OCS data, `None` when unchanged: a 304, or a success carrying the
    /// ETag that was sent. Errors are mapped as for every call.
    pub(crate) async fn get_if_changed(
        &self,
        url: Url,
        etag: Option<&str>,
    ) -> Result<(Reply, Option<Value>)> {
        let mut request = self.request(Method::GET, url);
        if let Some(Ok(value)) = etag.map(|tag| HeaderValue::from_bytes(tag.as_bytes())) {
            request = request.header(header::IF_NONE_MATCH, value);
        }
        let reply = self.send(request).await?;
        if reply.status == StatusCode::NOT_MODIFIED {
            return Ok((reply, None));
        }
        let data = reply.data()?;
        let same_etag = etag.is_some() && reply.etag().as_deref() == etag;
        Ok((reply, (!same_etag).then_some(data)))
    }
}

impl Reply {
    /// The `ETag` header, byte for byte.
    pub(crate) fn etag(&self) -> Option<String> {
        self.header(header::ETAG.as_str())
    }

    /// The ETag to keep after this answer: the server's, or on a 304 without one, the sent one.
    pub(crate) fn etag_after(&self, sent: Option<&str>) -> Option<String> {
        match self.etag() {
            Some(etag) => Some(etag),
            None if self.status == StatusCode::NOT_MODIFIED => sent.map(str::to_owned),
            None => None,
        }
    }
}
