//! Fault modes: the ways a real server (or the network in front of it) misbehaves.
//!
//! A fault is set for every non-`/_sim/` request ([`crate::Control::set_fault`]) or only for
//! the paths under a prefix ([`crate::Control::set_fault_for`]; the longest matching prefix
//! wins over the global mode). Most modes replace the answer ([`response`]); [`Fault::Hang`]
//! delays it ([`hang`]; OCS requests only — WebDAV, Login Flow and the push routes answer at
//! once), and [`Fault::Truncated`] and [`Fault::Reset`] break the connection while it is
//! answered ([`deliver`]).

use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use futures_util::{stream, StreamExt};
use serde::{Deserialize, Serialize};

use crate::ocs::{self, ApiVersion, Format, JSON_CONTENT_TYPE};
use crate::state::Inner;

/// How the simulator fails (`PUT /_sim/fault {"mode": …}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Fault {
    /// Answer normally.
    #[default]
    None,
    /// 503 with the HTML maintenance page, `X-Nextcloud-Maintenance-Mode: 1`, `Retry-After`.
    Maintenance,
    /// 500 with the HTML error page (a PHP fatal error, a broken database…).
    ServerError,
    /// 200 `application/json` whose body is not JSON (a PHP warning printed before the output).
    Garbage,
    /// 401 statuscode 997 with the Basic challenge, as for a revoked app password.
    Unauthorized,
    /// The server takes this long before it answers (normally) — set it past the client's
    /// timeout to see the client give up. `{"mode": "hang", "hang_ms": 35000}`.
    Hang(Duration),
    /// The normal status line and headers, `Content-Length` of the whole answer, then only the
    /// first half of the body, then the connection closes (a proxy or PHP worker that died).
    Truncated,
    /// The connection closes without a single byte of answer (connection reset).
    Reset,
}

/// The wire form of a fault: `{"mode": "hang", "hang_ms": 35000}`; with `"path"` it applies to
/// the paths under that prefix only (`PUT /_sim/fault`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FaultSpec {
    pub mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hang_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Fault {
    /// The `mode` of the wire form.
    pub fn name(&self) -> &'static str {
        match self {
            Fault::None => "none",
            Fault::Maintenance => "maintenance",
            Fault::ServerError => "server_error",
            Fault::Garbage => "garbage",
            Fault::Unauthorized => "unauthorized",
            Fault::Hang(_) => "hang",
            Fault::Truncated => "truncated",
            Fault::Reset => "reset",
        }
    }

    pub(crate) fn spec(&self, path: Option<String>) -> FaultSpec {
        let hang_ms = match self {
            Fault::Hang(wait) => Some(u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            _ => None,
        };
        FaultSpec {
            mode: self.name().to_owned(),
            hang_ms,
            path,
        }
    }

    /// `None` for an unknown mode. A hang without `hang_ms` lasts 60 s (past any client's
    /// 30 s timeout).
    pub(crate) fn from_spec(spec: &FaultSpec) -> Option<Fault> {
        Some(match spec.mode.as_str() {
            "none" => Fault::None,
            "maintenance" => Fault::Maintenance,
            "server_error" => Fault::ServerError,
            "garbage" => Fault::Garbage,
            "unauthorized" => Fault::Unauthorized,
            "hang" => Fault::Hang(Duration::from_millis(spec.hang_ms.unwrap_or(60_000))),
            "truncated" => Fault::Truncated,
            "reset" => Fault::Reset,
            _ => return None,
        })
    }
}

/// The fault that applies to a request for `path`: the one of the longest matching prefix
/// set with `set_fault_for`, else the global one.
pub(crate) fn active(inner: &Inner, path: &str) -> Fault {
    inner
        .path_faults
        .iter()
        .filter(|(prefix, _)| path.starts_with(prefix.as_str()))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, fault)| *fault)
        .unwrap_or(inner.fault)
}

/// Sets (or with [`Fault::None`] removes) the fault of the paths under `prefix`.
pub(crate) fn set_for(inner: &mut Inner, prefix: &str, fault: Fault) {
    inner.path_faults.retain(|(p, _)| p != prefix);
    if fault != Fault::None {
        inner.path_faults.push((prefix.to_owned(), fault));
    }
}

/// Waits out a [`Fault::Hang`] (without holding the state lock); no-op for the other modes.
pub(crate) async fn hang(fault: Fault) {
    if let Fault::Hang(wait) = fault {
        tokio::time::sleep(wait).await;
    }
}

/// The body bytes `response` puts on the wire once [`deliver`]ed under `fault`.
pub(crate) fn bytes_sent(fault: Fault, response: &Response) -> u64 {
    let full = body_len(response);
    match fault {
        Fault::Truncated => full / 2,
        Fault::Reset => 0,
        _ => full,
    }
}

/// The length of a response body whose size is known (every simulator answer but streams).
pub(crate) fn body_len(response: &Response) -> u64 {
    response.body().size_hint().exact().unwrap_or(0)
}

/// Sends `response` the way `fault` breaks it: half the body under the full `Content-Length`
/// and then a closed connection ([`Fault::Truncated`]), or a connection closed before the
/// status line ([`Fault::Reset`]). Any other mode passes it through.
pub(crate) fn deliver(fault: Fault, response: Response) -> Response {
    match fault {
        Fault::Truncated => {
            let full = body_len(&response);
            let (mut parts, body) = response.into_parts();
            parts
                .headers
                .insert(CONTENT_LENGTH, HeaderValue::from(full));
            let half = usize::try_from(full / 2).unwrap_or(usize::MAX);
            // A body of unknown length that fails after its first chunk: hyper writes the
            // headers and the chunk under the full Content-Length, then closes the connection.
            let first = stream::once(async move {
                match axum::body::to_bytes(body, usize::MAX).await {
                    Ok(bytes) => Ok(bytes.slice(..half.min(bytes.len()))),
                    Err(_) => Err(connection_dropped()),
                }
            });
            let then_drop = stream::once(async {
                // hyper flushes what it has while the body is pending; an error right away
                // would drop the written half unsent.
                tokio::time::sleep(FLUSH_PAUSE).await;
                Err(connection_dropped())
            });
            let chunks = first.chain(then_drop);
            Response::from_parts(parts, Body::from_stream(chunks))
        }
        Fault::Reset => {
            // Failing before the first chunk: hyper drops the connection before it flushes
            // the status line.
            let chunks = stream::once(async { Err::<Bytes, _>(connection_dropped()) });
            Response::new(Body::from_stream(chunks))
        }
        _ => response,
    }
}

/// How long a truncated answer stays open after its half before the connection closes.
const FLUSH_PAUSE: Duration = Duration::from_millis(50);

fn connection_dropped() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "simulated fault: the connection drops",
    )
}

const HTML: &str = "text/html; charset=utf-8";

const MAINTENANCE_PAGE: &str = r##"<!DOCTYPE html>
<html class="ng-csp" data-placeholder-focus="false" lang="en" data-locale="en">
	<head data-requesttoken="">
		<meta charset="utf-8">
		<title>Nextcloud</title>
		<meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0">
		<meta name="theme-color" content="#00679e">
	</head>
	<body id="body-login">
		<div class="wrapper">
			<div class="v-align">
				<main>
					<div class="guest-box">
						<h2>Maintenance mode</h2>
						<p>This Nextcloud instance is currently in maintenance mode, which may take a while. This page will refresh itself when the instance is available again.</p>
						<p>Contact your system administrator if this message persists or appeared unexpectedly.</p>
					</div>
				</main>
			</div>
		</div>
	</body>
</html>
"##;

const ERROR_PAGE: &str = r##"<!DOCTYPE html>
<html class="ng-csp" data-placeholder-focus="false" lang="en" data-locale="en">
	<head data-requesttoken="">
		<meta charset="utf-8">
		<title>Nextcloud</title>
	</head>
	<body id="body-login">
		<div class="wrapper">
			<div class="v-align">
				<main>
					<div class="guest-box">
						<h2>Internal Server Error</h2>
						<p>The server was unable to complete your request.</p>
						<p>If this happens again, please send the technical details below to the server administrator.</p>
						<p>More details can be found in the server log.</p>
					</div>
				</main>
			</div>
		</div>
	</body>
</html>
"##;

/// A PHP warning in front of a cut-off envelope: labelled JSON, parses as nothing.
const GARBAGE: &str = "<br />\n<b>Warning</b>:  Undefined array key \"HTTP_USER_AGENT\" in \
    <b>/var/www/nextcloud/lib/private/AppFramework/Http/Request.php</b> on line <b>422</b><br />\n\
    {\"ocs\":{\"meta\":{\"status\":\"ok\",\"statuscode\":200,\"message\":\"OK\"},\"data\":";

/// The failing answer for `fault`, or `None` when the simulator should answer normally
/// (also for the modes that break the normal answer on its way out, see [`deliver`]).
pub(crate) fn response(fault: Fault, api: ApiVersion, format: Format) -> Option<Response> {
    let page = |status: StatusCode, body: &'static str, content_type: &'static str| {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
    };
    match fault {
        Fault::None | Fault::Hang(_) | Fault::Truncated | Fault::Reset => None,
        Fault::Maintenance => {
            let mut response = page(StatusCode::SERVICE_UNAVAILABLE, MAINTENANCE_PAGE, HTML);
            let h = response.headers_mut();
            h.insert(
                "X-Nextcloud-Maintenance-Mode",
                HeaderValue::from_static("1"),
            );
            h.insert(RETRY_AFTER, HeaderValue::from_static("120"));
            Some(response)
        }
        Fault::ServerError => Some(page(StatusCode::INTERNAL_SERVER_ERROR, ERROR_PAGE, HTML)),
        Fault::Garbage => Some(page(StatusCode::OK, GARBAGE, JSON_CONTENT_TYPE)),
        Fault::Unauthorized => Some(ocs::unauthorised(api, format)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_json() {
        assert!(serde_json::from_str::<serde_json::Value>(GARBAGE).is_err());
    }

    #[test]
    fn modes_round_trip_through_the_wire_form() {
        let spec: FaultSpec = serde_json::from_str(r#"{"mode":"server_error"}"#).unwrap();
        assert_eq!(Fault::from_spec(&spec), Some(Fault::ServerError));
        let hang = Fault::Hang(Duration::from_millis(1500));
        assert_eq!(Fault::from_spec(&hang.spec(None)), Some(hang));
        for fault in [Fault::None, Fault::Garbage, Fault::Truncated, Fault::Reset] {
            assert_eq!(Fault::from_spec(&fault.spec(None)), Some(fault));
        }
        let unknown = FaultSpec {
            mode: "meltdown".into(),
            ..FaultSpec::default()
        };
        assert_eq!(Fault::from_spec(&unknown), None);
        assert!(response(Fault::None, ApiVersion::V2, Format::Json).is_none());
    }

    #[test]
    fn the_longest_matching_prefix_wins_over_the_global_fault() {
        let mut inner = Inner::new(Vec::new());
        inner.fault = Fault::ServerError;
        set_for(&mut inner, "/ocs/v2.php/apps/", Fault::Garbage);
        set_for(&mut inner, "/ocs/v2.php/apps/notifications/", Fault::Reset);
        assert_eq!(
            active(
                &inner,
                "/ocs/v2.php/apps/notifications/api/v2/notifications"
            ),
            Fault::Reset
        );
        assert_eq!(
            active(&inner, "/ocs/v2.php/apps/user_status/api/v1/heartbeat"),
            Fault::Garbage
        );
        assert_eq!(active(&inner, "/ocs/v2.php/cloud/user"), Fault::ServerError);
        set_for(&mut inner, "/ocs/v2.php/apps/notifications/", Fault::None);
        assert_eq!(
            active(
                &inner,
                "/ocs/v2.php/apps/notifications/api/v2/notifications"
            ),
            Fault::Garbage
        );
    }
}
