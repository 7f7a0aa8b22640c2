//! `GET cloud/capabilities`: the recorded answer of the real server (fixtures 001 and 003), with
//! its URLs pointing at the simulator, and an ETag for conditional requests (007).

use md5::{Digest, Md5};

use crate::json::Node;
use crate::ocs::Reply;

/// Fixture 001's `data` (what any logged-in user sees; admin and bob get the same).
const USER: &str = include_str!("capabilities/user.json");
/// Fixture 003's `data`: anonymous callers see only bruteforce, app_api, spreed and theming.
const ANONYMOUS: &str = include_str!("capabilities/anonymous.json");
/// The recorded server's base URL appears as this placeholder in the files above.
const BASE_URL_PLACEHOLDER: &str = "{base_url}";

pub(crate) struct Capabilities {
    user: (Node, String),
    anonymous: (Node, String),
}

impl Capabilities {
    pub(crate) fn new(base_url: &str) -> Capabilities {
        let load = |text: &str| {
            let mut node = Node::parse(text).expect("embedded capabilities are valid JSON");
            node.map_strings(&|s| s.replace(BASE_URL_PLACEHOLDER, base_url));
            // Like the server: the ETag is the md5 of the JSON-encoded data, so v1 and v2
            // (and JSON and XML) share it.
            let etag = md5_hex(node.to_json().as_bytes());
            (node, etag)
        };
        Capabilities {
            user: load(USER),
            anonymous: load(ANONYMOUS),
        }
    }

    pub(crate) fn reply(&self, logged_in: bool) -> Reply {
        let (data, etag) = if logged_in {
            &self.user
        } else {
            &self.anonymous
        };
        Reply::ok(data.clone()).etag(etag.clone())
    }
}

pub(crate) fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_of_empty_list_is_the_recorded_etag() {
        assert_eq!(md5_hex(b"[]"), "d751713988987e9331980363e24189ce");
    }

    #[test]
    fn urls_point_at_the_simulator() {
        let caps = Capabilities::new("http://127.0.0.1:4711");
        let json = caps.user.0.to_json();
        assert!(json.contains("http://127.0.0.1:4711/core/img/logo/logo.svg"));
        assert!(!json.contains("8080"));
        assert_ne!(caps.user.1, caps.anonymous.1);
    }
}
