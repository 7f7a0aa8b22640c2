//! Lists that page with `Link: <…>; rel="next"` (activity v2).

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

use crate::{client::Reply, Client, Error, Result};

/// One page of a list that continues at the URL of its `Link: <…>; rel="next"` header.
///
/// The paging headers are the activity app's: `X-Activity-First-Known` and
/// `X-Activity-Last-Given`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page is, always on the account's own origin: the `Link` target when it
    /// is there; when the server names another origin (a proxy that reports the wrong scheme or
    /// host), the `Link`'s query on the URL this page came from. `None` when there was no
    /// `Link`. The server sends one whenever a page is full, so the page after the last full
    /// one is empty ([`Page::next_page`] gives `Ok(None)`).
    pub next: Option<Url>,
    /// `X-Activity-First-Known`: sent when the request had no `since` or one the server does
    /// not know; the id of the newest (or, ascending, the oldest) item there is.
    pub first_known: Option<i64>,
    /// `X-Activity-Last-Given`: the `since` that continues after this page.
    pub last_given: Option<i64>,
}

impl<T> Page<T> {
    /// Whether the server said there may be more.
    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// Builds a page from a successful answer to `requested` and its decoded `data`.
    pub(crate) fn from_reply(
        client: &Client,
        requested: &Url,
        reply: &Reply,
        data: Value,
    ) -> Result<Page<T>> {
        let items = match data {
            // An empty list comes as `[]`; 200 with no data at all is an empty page too.
            Value::Null => Vec::new(),
            data => serde_json::from_value(data)
                .map_err(|e| Error::Decode(format!("page items: {e}")))?,
        };
        let number = |name: &str| reply.header(name).and_then(|v| v.trim().parse().ok());
        let next = reply
            .header("Link")
            .and_then(|link| next_link(&link))
            .and_then(|target| requested.join(&target).ok())
            .map(|target| home(client, requested, target));
        Ok(Page {
            items,
            next,
            first_known: number("X-Activity-First-Known"),
            last_given: number("X-Activity-Last-Given"),
        })
    }

    /// Fetches the page after this one. `Ok(None)`: there is nothing more (no `Link`, or the
    /// server answered 304, as it does after the last item). Errors as for the first page
    /// (e.g. [`Error::NoContent`] when the user turned every activity type off meanwhile).
    pub async fn next_page(&self, client: &Client) -> Result<Option<Page<T>>> {
        let Some(url) = &self.next else {
            return Ok(None);
        };
        // `next` is always same-origin by construction; check anyway, the field is public.
        if !client.is_account_url(url) {
            return Err(Error::refused(format!(
                "The next page is on another server ({url}); nctray only sends credentials to \
                 the account's own server"
            )));
        }
        let (reply, data) = client.get_if_changed(url.clone(), None).await?;
        if reply.status == StatusCode::NO_CONTENT {
            return Err(Error::NoContent);
        }
        match data {
            None => Ok(None),
            Some(data) => Page::from_reply(client, url, &reply, data).map(Some),
        }
    }
}

/// `target` if it is on the account's origin, else its query on the URL that was requested.
fn home(client: &Client, requested: &Url, target: Url) -> Url {
    if client.is_account_url(&target) {
        return target;
    }
    tracing::warn!(%target, "next-page link names another origin; staying on the account's");
    let mut url = requested.clone();
    url.set_query(target.query());
    url
}

/// The target of the `rel="next"` entry of a `Link` header (RFC 8288: comma-separated
/// `<uri>; param=value` entries; `rel` may list several relation types).
pub(crate) fn next_link(header: &str) -> Option<String> {
    let mut rest = header;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>')?;
        let target = &rest[start + 1..end];
        let after = &rest[end + 1..];
        // The parameters run to the next entry (a `,` outside quotes) or the end.
        let mut in_quotes = false;
        let params_end = after
            .char_indices()
            .find(|(_, c)| {
                if *c == '"' {
                    in_quotes = !in_quotes;
                }
                *c == ',' && !in_quotes
            })
            .map_or(after.len(), |(i, _)| i);
        let params = &after[..params_end];
        let is_next = params.split(';').any(|param| {
            let Some((name, value)) = param.split_once('=') else {
                return false;
            };
            name.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_matches('"')
                    .split_whitespace()
                    .any(|rel| rel.eq_ignore_ascii_case("next"))
        });
        if is_next {
            return Some(target.trim().to_owned());
        }
        rest = &after[params_end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixtures, Credentials};

    fn client(server: &str) -> Client {
        Client::new(Credentials {
            server: server.parse().unwrap(),
            login_name: "admin".into(),
            app_password: "x".into(),
        })
        .unwrap()
    }

    #[test]
    fn link_headers_of_every_shape() {
        let recorded = "<http://127.0.0.1:8080/ocs/v2.php/apps/activity/api/v2/activity?since=47&limit=50&sort=desc>; rel=\"next\"";
        assert_eq!(
            next_link(recorded).as_deref(),
            Some("http://127.0.0.1:8080/ocs/v2.php/apps/activity/api/v2/activity?since=47&limit=50&sort=desc")
        );
        assert_eq!(
            next_link("<a>; rel=\"prev\", <b>; title=\"x, y\"; rel=\"last next\"").as_deref(),
            Some("b")
        );
        assert_eq!(next_link("<c>;rel=next").as_deref(), Some("c"));
        for none in [
            "",
            "<a>; rel=\"prev\"",
            "garbage",
            "<unclosed; rel=next",
            "<a>",
        ] {
            assert_eq!(next_link(none), None, "{none:?}");
        }
    }

    #[test]
    fn a_page_from_fixture_163_keeps_its_headers() {
        let reply = fixtures::reply("163-activity-default.json");
        let client = client("http://127.0.0.1:8080");
        let requested: Url = "http://127.0.0.1:8080/ocs/v2.php/apps/activity/api/v2/activity"
            .parse()
            .unwrap();
        let page: Page<Value> =
            Page::from_reply(&client, &requested, &reply, reply.data().unwrap()).unwrap();
        assert_eq!(page.items.len(), 27);
        assert_eq!(page.first_known, Some(119));
        assert_eq!(page.last_given, Some(47));
        assert_eq!(
            page.next.unwrap().as_str(),
            "http://127.0.0.1:8080/ocs/v2.php/apps/activity/api/v2/activity?since=47&limit=50&sort=desc"
        );
        let without_link = fixtures::reply("174-activity-filter-files-sharing.json");
        let page: Page<Value> = Page::from_reply(
            &client,
            &requested,
            &without_link,
            without_link.data().unwrap(),
        )
        .unwrap();
        assert!(!page.has_next());
    }

    #[test]
    fn a_link_to_another_origin_stays_home() {
        // The fixture was recorded at 127.0.0.1:8080; the account here is elsewhere.
        let reply = fixtures::reply("165-activity-all-limit2.json");
        let client = client("https://cloud.example.com/nc");
        let requested: Url =
            "https://cloud.example.com/nc/ocs/v2.php/apps/activity/api/v2/activity/all?limit=2"
                .parse()
                .unwrap();
        let page: Page<Value> =
            Page::from_reply(&client, &requested, &reply, reply.data().unwrap()).unwrap();
        assert_eq!(
            page.next.unwrap().as_str(),
            "https://cloud.example.com/nc/ocs/v2.php/apps/activity/api/v2/activity/all?since=114&limit=2&sort=desc"
        );
    }
}
