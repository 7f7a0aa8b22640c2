//! The one error type of the crate.

use crate::CertificateProblem;

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong talking to a Nextcloud server.
///
/// The `Display` text is written for the user; [`Error::kind`] is a stable tag for the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// HTTP 401 or OCS statuscode 997: wrong login name or app password, or the app password
    /// was revoked.
    #[error("The server did not accept the login name and app password (the app password may have been revoked)")]
    Unauthorized,

    /// HTTP 404 with an OCS answer, or OCS statuscode 998 (unknown route) / 404.
    #[error("{}", not_found(message))]
    NotFound { message: String },

    /// The server understood the request and refused it: OCS v2 HTTP 4xx (400, 403, 413…) or an
    /// OCS v1 failure statuscode with HTTP 200. `message` is the server's own explanation
    /// (e.g. "Message is longer than supported length of 80 characters"), possibly empty.
    ///
    /// `statuscode` is the OCS `meta.statuscode`; `0` means the client refused the request
    /// itself before sending anything (e.g. a server address that is not http(s)).
    #[error("{}", invalid(*statuscode, message))]
    Invalid { statuscode: i64, message: String },

    /// HTTP 204 where a list was expected and the server has nothing to list on purpose:
    /// activity answers it when the user selected no activity types for the stream.
    #[error("The server has nothing to list: no activity types are selected for the stream")]
    NoContent,

    /// HTTP 503: the server is in maintenance mode (whatever the body says).
    #[error("The server is in maintenance mode; try again later")]
    Maintenance,

    /// Any other HTTP failure (5xx, 3xx to another address, 4xx without an OCS answer such as
    /// 405 or the 412 "CSRF check failed"). `message` is a short excerpt of what the server sent.
    #[error("{}", http(*status, message))]
    Http { status: u16, message: String },

    /// The server answered with success but a body that is not the expected JSON (an HTML page,
    /// a truncated or garbage body, an unexpected shape). Holds a short explanation and excerpt.
    #[error("The server sent an answer nctray cannot read: {0}")]
    Decode(String),

    /// The server's answer was larger than nctray reads for its kind (8 MiB for OCS, 20 MiB
    /// for images); reading stopped there and nothing of it was used.
    #[error("The server's answer is larger than {limit_mib} MiB; nctray stopped reading it")]
    TooLarge { limit_mib: u64 },

    /// The server could not be reached or the connection broke (DNS, refused, TLS, timeout).
    #[error("Could not reach the server: {0}")]
    Network(String),

    /// The server's certificate was refused: nothing was sent. An untrusted one
    /// ([`CertificateProblem::can_be_trusted`]) may be looked at with [`crate::inspect`] and
    /// trusted for the account ([`crate::Connection::pinned_certificate`]).
    #[error("{}", capitalised(&.0.to_string()))]
    Certificate(CertificateProblem),

    /// The proxy the connection should go through did not answer. Holds which and why.
    #[error("proxy unreachable: {0}")]
    ProxyUnreachable(String),

    /// The proxy answered `407 Proxy Authentication Required`: its login is missing or wrong.
    /// Nothing reached the server, so this is never the server's "sign-in needed". Holds
    /// which proxy and what to check.
    #[error("proxy login refused: {0}")]
    ProxyLoginRefused(String),
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn not_found(message: &str) -> String {
    if message.is_empty() {
        "Not found on the server".to_owned()
    } else {
        format!("Not found on the server: {message}")
    }
}

fn invalid(statuscode: i64, message: &str) -> String {
    match (statuscode, message.is_empty()) {
        (0, _) => message.to_owned(),
        (_, true) => format!("The server refused the request (code {statuscode})"),
        (_, false) => format!("The server refused the request: {message}"),
    }
}

fn http(status: u16, message: &str) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let mut text = format!("The server answered HTTP {status}");
    if !reason.is_empty() {
        text.push(' ');
        text.push_str(reason);
    }
    if !message.is_empty() && message != reason {
        text.push_str(": ");
        text.push_str(message);
    }
    text
}

impl Error {
    /// The OCS `meta.statuscode` the error carries, if any (only [`Error::Invalid`] does;
    /// `Some(0)` there means the client refused the request itself).
    pub fn statuscode(&self) -> Option<i64> {
        match self {
            Error::Invalid { statuscode, .. } => Some(*statuscode),
            _ => None,
        }
    }

    /// A stable tag for the UI: `"unauthorized"`, `"not_found"`, `"invalid"`, `"no_content"`,
    /// `"maintenance"`, `"http"`, `"decode"`, `"too_large"`, `"network"`, `"certificate"` or
    /// `"proxy"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Unauthorized => "unauthorized",
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::NoContent => "no_content",
            Error::Maintenance => "maintenance",
            Error::Http { .. } => "http",
            Error::Decode(_) => "decode",
            Error::TooLarge { .. } => "too_large",
            Error::Network(_) => "network",
            Error::Certificate(_) => "certificate",
            Error::ProxyUnreachable(_) | Error::ProxyLoginRefused(_) => "proxy",
        }
    }

    /// Whether trying the same request later may succeed without the user doing anything
    /// (network trouble, maintenance, server errors).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Network(_) | Error::Maintenance | Error::ProxyUnreachable(_) => true,
            Error::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }

    /// A client-side refusal (statuscode 0), see [`Error::Invalid`].
    pub(crate) fn refused(message: impl Into<String>) -> Self {
        Error::Invalid {
            statuscode: 0,
            message: message.into(),
        }
    }

    /// Maps a transport error from reqwest (never an HTTP status) to [`Error::Network`].
    pub(crate) fn network(err: &reqwest::Error) -> Self {
        if err.is_timeout() {
            return Error::Network("the server did not answer in time".to_owned());
        }
        // reqwest's own text names the URL (no credentials in it); the innermost cause says why.
        let mut text = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !text.contains(&cause_text) {
                text.push_str(": ");
                text.push_str(&cause_text);
            }
            source = cause.source();
        }
        Error::Network(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_kind_and_a_readable_message() {
        let cases = [
            (Error::Unauthorized, "unauthorized", "app password"),
            (
                Error::NotFound {
                    message: "No status for the current user".into(),
                },
                "not_found",
                "No status for the current user",
            ),
            (
                Error::Invalid {
                    statuscode: 400,
                    message: "ClearAt is in the past".into(),
                },
                "invalid",
                "refused the request: ClearAt is in the past",
            ),
            (Error::Maintenance, "maintenance", "maintenance mode"),
            (
                Error::Http {
                    status: 412,
                    message: "CSRF check failed".into(),
                },
                "http",
                "HTTP 412 Precondition Failed: CSRF check failed",
            ),
            (
                Error::Decode("not JSON: <html>".into()),
                "decode",
                "cannot read: not JSON",
            ),
            (
                Error::Network("connection refused".into()),
                "network",
                "Could not reach the server: connection refused",
            ),
            (
                Error::ProxyLoginRefused("the proxy p:3128 refused the login".into()),
                "proxy",
                "proxy login refused: the proxy p:3128",
            ),
        ];
        for (err, kind, text) in cases {
            assert_eq!(err.kind(), kind);
            let shown = err.to_string();
            assert!(shown.contains(text), "{shown:?} should contain {text:?}");
        }
    }

    #[test]
    fn only_invalid_carries_a_statuscode() {
        let err = Error::Invalid {
            statuscode: 400,
            message: String::new(),
        };
        assert_eq!(err.statuscode(), Some(400));
        assert_eq!(err.to_string(), "The server refused the request (code 400)");
        assert_eq!(Error::Unauthorized.statuscode(), None);
        assert_eq!(
            Error::Http {
                status: 500,
                message: String::new()
            }
            .statuscode(),
            None
        );
    }

    #[test]
    fn http_without_message_shows_the_reason() {
        let err = Error::Http {
            status: 405,
            message: String::new(),
        };
        assert_eq!(
            err.to_string(),
            "The server answered HTTP 405 Method Not Allowed"
        );
    }
}
