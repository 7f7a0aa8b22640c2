//! Fault modes: while one is set, every non-`/_sim/` request fails the same way, the way a real
//! server misbehaves.

use axum::body::Body;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::ocs::{self, ApiVersion, Format, JSON_CONTENT_TYPE};

/// How the simulator fails (`PUT /_sim/fault {"mode": …}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// The failing answer for `fault`, or `None` when the simulator should answer normally.
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
        Fault::None => None,
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
    fn modes_parse_from_snake_case() {
        let f: Fault = serde_json::from_str("\"server_error\"").unwrap();
        assert_eq!(f, Fault::ServerError);
        assert!(response(Fault::None, ApiVersion::V2, Format::Json).is_none());
    }
}
