//! Errors in words a person reads, in the language spoken now: the engine's and the server's
//! error kinds mapped to app.ftl. The English `Display` of the errors stays for the logs.

use nctray_engine::nextcloud::Error as ServerError;
use nctray_engine::Error;
use nctray_i18n::{tr, Localizer};

/// Makes every `ErrorReport` the windows get speak the language spoken now.
pub fn install() {
    nctray_engine::set_wording(|error| word(&crate::language::app(), error));
}

/// `error` for a person, in the language spoken now.
pub fn explain(error: &Error) -> String {
    word(&crate::language::app(), error).unwrap_or_else(|| error.to_string())
}

/// `error` in `text`'s language; None where nctray has no wording of its own (a refusal the
/// shell itself worded, which is already a sentence for people).
pub fn word(text: &Localizer, error: &Error) -> Option<String> {
    Some(match error {
        Error::Server(server) => return word_server(text, server),
        Error::Database(detail) => tr!(text, "error-database", detail = detail.to_string()),
        Error::NewerDatabase { found, known } => {
            tr!(text, "error-newer-database", found = *found, known = *known)
        }
        Error::Config(detail) => tr!(text, "error-config", detail = detail.as_str()),
        Error::Invalid(_) => return None,
    })
}

fn word_server(text: &Localizer, error: &ServerError) -> Option<String> {
    Some(match error {
        ServerError::Unauthorized => text.text("error-unauthorized"),
        ServerError::NotFound { message } if message.is_empty() => text.text("error-not-found"),
        // The server's own message, already in the person's language (Accept-Language).
        ServerError::NotFound { message } => {
            tr!(text, "error-not-found-detail", detail = message.as_str())
        }
        ServerError::Invalid { statuscode: 0, .. } => return None,
        ServerError::Invalid {
            statuscode,
            message,
        } if message.is_empty() => tr!(text, "error-refused", code = *statuscode),
        ServerError::Invalid { message, .. } => {
            tr!(text, "error-refused-detail", detail = message.as_str())
        }
        ServerError::NoContent => text.text("error-no-content"),
        ServerError::Maintenance => text.text("error-maintenance"),
        ServerError::Http { status, message } if message.is_empty() => {
            tr!(text, "error-http", status = *status)
        }
        ServerError::Http { status, message } => tr!(
            text,
            "error-http-detail",
            status = *status,
            detail = message.as_str()
        ),
        ServerError::Decode(detail) => tr!(text, "error-decode", detail = detail.as_str()),
        ServerError::TooLarge { limit_mib } => tr!(text, "error-too-large", limit = *limit_mib),
        ServerError::Network(detail) => tr!(text, "error-network", detail = detail.as_str()),
        ServerError::Certificate(problem) => {
            tr!(text, "error-certificate", detail = problem.to_string())
        }
        ServerError::ProxyUnreachable(detail) => {
            tr!(text, "error-proxy-unreachable", detail = detail.as_str())
        }
        ServerError::ProxyLoginRefused(detail) => {
            tr!(text, "error-proxy-login-refused", detail = detail.as_str())
        }
    })
}

#[cfg(test)]
mod tests {
    use nctray_i18n::{Catalogue, Language};

    use super::*;

    fn in_language(tag: &str) -> Localizer {
        Localizer::new(&Language::negotiate(&[tag]), Catalogue::App)
    }

    #[test]
    fn a_revoked_app_password_is_explained_in_the_persons_language() {
        let error = Error::Server(ServerError::Unauthorized);
        let german = word(&in_language("de"), &error).unwrap();
        assert!(german.contains("App-Passwort"), "{german}");
        let english = word(&in_language("en"), &error).unwrap();
        assert_eq!(
            english,
            error.to_string(),
            "English wording = the log's text"
        );
    }

    #[test]
    fn the_servers_own_message_is_kept_inside_the_wording() {
        let error = Error::Server(ServerError::Invalid {
            statuscode: 400,
            message: "Nachricht zu lang".into(),
        });
        let german = word(&in_language("de"), &error).unwrap();
        assert!(german.ends_with("Nachricht zu lang"), "{german}");
        assert!(!german.contains(['\u{2068}', '\u{2069}']), "{german:?}");
    }

    #[test]
    fn the_shells_own_refusals_keep_their_words() {
        let error = Error::Invalid("no such room".into());
        assert_eq!(word(&in_language("de"), &error), None);
        assert_eq!(explain(&error), "no such room");
    }
}
