//! The daemon's answer to `Invoke` as the windows get it: the value the command returned, or
//! its error as `{kind, message}` (the shape `ErrorReport` had when the commands ran in this
//! process; `ui/src/lib/ipc.ts` reads it). An error may carry more than kind and message
//! (a sign-in refused for a certificate also has the `certificate` to show): it goes to the
//! window whole.

use nctray_api::InvokeReply;
use serde_json::Value;

/// What a command gives the window: resolve with the value, or reject with the report.
pub type Answer = Result<Value, Value>;

/// The answer in the daemon's reply text (an [`InvokeReply`]).
pub fn answer(reply: &str) -> Answer {
    match serde_json::from_str::<InvokeReply>(reply) {
        Ok(InvokeReply::Ok(value)) => Ok(value),
        Ok(InvokeReply::Err(report)) => Err(report),
        Err(error) => Err(report(
            "internal",
            format!(
                "nctray's background service gave an answer the window does not understand ({error})"
            ),
        )),
    }
}

/// The daemon could not be asked (it stopped, or the session bus failed).
pub fn unreachable(error: &zbus::Error) -> Value {
    report(
        "internal",
        format!("nctray's background service did not answer: {error}"),
    )
}

/// An error made here, in the shape the windows read.
pub fn report(kind: &str, message: impl Into<String>) -> Value {
    serde_json::json!({ "kind": kind, "message": message.into() })
}

#[cfg(test)]
mod tests {
    use nctray_api::InvokeReply;
    use serde_json::json;

    use super::*;

    fn sent(reply: InvokeReply) -> String {
        serde_json::to_string(&reply).unwrap()
    }

    #[test]
    fn a_value_resolves_the_call_as_it_is() {
        let status = json!({"status": "online", "message": null, "clearAt": 1700000000});
        assert_eq!(answer(&sent(InvokeReply::Ok(status.clone()))), Ok(status));
        assert_eq!(answer(&sent(InvokeReply::Ok(Value::Null))), Ok(Value::Null));
    }

    #[test]
    fn an_error_rejects_the_call_with_kind_and_message() {
        let reply = sent(InvokeReply::Err(
            json!({"kind": "offline", "message": "The server cannot be reached."}),
        ));
        assert_eq!(
            answer(&reply),
            Err(json!({"kind": "offline", "message": "The server cannot be reached."}))
        );
    }

    #[test]
    fn an_errors_further_fields_reach_the_window() {
        let reply = sent(InvokeReply::Err(json!({
            "kind": "untrusted_certificate",
            "message": "Not trusted",
            "certificate": {"sha256": "ab:cd"}
        })));
        assert_eq!(
            answer(&reply),
            Err(json!({
                "kind": "untrusted_certificate",
                "message": "Not trusted",
                "certificate": {"sha256": "ab:cd"}
            }))
        );
    }

    #[test]
    fn an_answer_that_is_neither_becomes_an_internal_error_the_window_can_show() {
        for odd in [
            "",
            "[1]",
            r#"{"okay":1}"#,
            r#"{"error":"boom"}"#,
            r#"{"error":{"kind":"x"}}"#,
        ] {
            let report = answer(odd).unwrap_err();
            assert_eq!(report["kind"], "internal", "{odd}");
            assert!(
                report["message"]
                    .as_str()
                    .unwrap()
                    .contains("background service"),
                "{odd}"
            );
        }
    }

    #[test]
    fn a_daemon_that_does_not_answer_is_an_internal_error() {
        let report = unreachable(&zbus::Error::InterfaceNotFound);
        assert_eq!(report["kind"], "internal");
        assert!(report["message"]
            .as_str()
            .unwrap()
            .starts_with("nctray's background service did not answer"));
    }
}
