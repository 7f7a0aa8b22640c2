//! Replays the recorded Nextcloud 32 answers through the real client: for every fixture of an
//! endpoint the client covers, a local server answers exactly what Nextcloud answered, and the
//! test checks both directions — the client sent the same request (method, path, query, form
//! body, If-None-Match) and it turned the answer into the right value or error.

mod common;

use std::collections::BTreeMap;

use common::{basic, fixture, fixture_names, Answer, Canned};
use nextcloud::{Client, CustomMessage, Error, StatusType};
use serde_json::Value;

/// Fixtures of covered APIs the client cannot or does not send, and why.
const NOT_SENT_BY_THE_CLIENT: &[(&str, &str)] = &[
    ("003-", "anonymous: the client always authenticates"),
    ("004-", "OCS v1: the client uses v2"),
    ("005-", "OCS v1 anonymous"),
    (
        "006-",
        "XML: the client always asks for JSON (checked in the unit tests)",
    ),
    ("010-", "OCS v1"),
    ("011-", "OCS v1 XML"),
    (
        "027-",
        "an invalid status type cannot be expressed with StatusType",
    ),
    ("049-", "statuses list: not part of the client"),
    ("051-", "statuses list"),
    ("052-", "statuses list"),
    ("053-", "statuses list"),
    ("072-", "notifications API v1"),
    ("073-", "OCS v1"),
    ("185-", "OCS v1"),
    ("190-", "Talk"),
    ("195-", "POST on the own-status route: no such call"),
];

#[tokio::test]
async fn every_covered_fixture_replays_through_the_client() {
    let names = fixture_names(&[
        "-capabilities-",
        "-users-cloud-user-",
        "-user_status-",
        "-notifications-",
        "-errors-",
    ]);
    let server = Canned::fixed(Answer::new(500, "")).await;
    let mut replayed = 0;
    for name in names {
        if NOT_SENT_BY_THE_CLIENT
            .iter()
            .any(|(p, _)| name.starts_with(p))
        {
            continue;
        }
        let fixture = fixture(&name);
        let request = &fixture["request"];
        let path = request["path_and_query"].as_str().unwrap();
        // Only endpoints the client has (skips Talk/unknown-route error fixtures etc.).
        let Some(call) = Call::for_request(request) else {
            continue;
        };
        let login = match request["auth"].as_str().unwrap() {
            auth if auth.starts_with("user:bob") => "bob",
            _ => "admin",
        };
        server.set_answer(Answer::from_fixture(&fixture));
        server.take_requests();
        let client = server.client(login);
        let outcome = call.run(&client).await;

        // The request, as recorded.
        let sent = server.take_requests();
        assert_eq!(sent.len(), 1, "{name}: {sent:?}");
        let sent = &sent[0];
        assert_eq!(sent.method, request["method"], "{name}");
        assert_eq!(sent.target, path, "{name}");
        assert_eq!(sent.form(), form_of(&request["body"]), "{name}");
        assert_eq!(
            sent.header("if-none-match"),
            request["headers"]["If-None-Match"].as_str(),
            "{name}: the ETag goes back byte for byte"
        );
        assert_eq!(sent.header("ocs-apirequest"), Some("true"), "{name}");
        assert_eq!(sent.header("accept"), Some("application/json"), "{name}");
        assert_eq!(sent.header("authorization"), Some(basic(login).as_str()));

        // The answer, as decoded.
        let status = fixture["response"]["status"].as_u64().unwrap();
        let meta_message = fixture["response"]["body"]["ocs"]["meta"]["message"]
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_owned();
        match status {
            200 | 204 | 304 => {
                outcome.unwrap_or_else(|e| panic!("{name}: {e:?}"));
            }
            404 if call.none_when_missing() => {
                assert_eq!(outcome.as_deref(), Ok("None"), "{name}")
            }
            404 => assert_eq!(
                outcome,
                Err(Error::NotFound {
                    message: meta_message
                }),
                "{name}"
            ),
            400 => assert_eq!(
                outcome,
                Err(Error::Invalid {
                    statuscode: 400,
                    message: meta_message
                }),
                "{name}"
            ),
            401 => assert_eq!(outcome, Err(Error::Unauthorized), "{name}"),
            412 => assert_eq!(
                outcome,
                Err(Error::Http {
                    status: 412,
                    message: "CSRF check failed".into()
                }),
                "{name}"
            ),
            other => panic!("{name}: no expectation for {other}"),
        }
        replayed += 1;
    }
    assert!(replayed >= 60, "only {replayed} fixtures replayed");
}

#[tokio::test]
async fn replayed_values_are_the_recorded_ones() {
    let server = Canned::fixed(Answer::new(500, "")).await;
    let client = server.client("admin");
    let replay = |name: &str| server.set_answer(Answer::from_fixture(&fixture(name)));

    replay("001-capabilities-v2-admin.json");
    let caps = client.capabilities(None).await.unwrap();
    assert_eq!(
        caps.etag.as_deref(),
        Some("\"62f2cff6ea631f788fd6064aba8cb0bc\"")
    );
    assert_eq!(caps.value.unwrap().version.string, "32.0.1");

    replay("007-capabilities-v2-if-none-match.json");
    let again = client.capabilities(caps.etag.as_deref()).await.unwrap();
    assert!(again.is_unchanged());
    assert_eq!(again.etag, caps.etag);

    replay("063-notifications-list.json");
    let list = client.notifications().list(None).await.unwrap();
    assert_eq!(
        list.etag.as_deref(),
        Some("\"63333cb1338ec078eeaa88e5fd15719a\"")
    );
    assert_eq!(list.user_status_type(), Some(StatusType::Online));
    assert_eq!(list.notifications.as_ref().unwrap().len(), 3);
    assert!(!list.disabled);

    replay("064-notifications-list-if-none-match.json");
    let unchanged = client
        .notifications()
        .list(list.etag.as_deref())
        .await
        .unwrap();
    assert_eq!(unchanged.notifications, None);
    assert_eq!(unchanged.etag, list.etag);
    assert_eq!(unchanged.user_status.as_deref(), Some("online"));

    replay("068-notifications-exists.json");
    assert_eq!(
        client.notifications().exists(&[36, 34, 999_999]).await,
        Ok(vec![34, 36])
    );

    replay("059-user_status-heartbeat-away-bob.json");
    assert_eq!(
        client.user_status().heartbeat(StatusType::Away).await,
        Ok(None)
    );

    replay("152-user_status-revert-backup.json");
    let restored = client.user_status().revert("call").await.unwrap().unwrap();
    assert_eq!(restored.message.as_deref(), Some("Coffee"));
    assert_eq!(restored.status, StatusType::Online);

    replay("061-user_status-revert-none.json");
    assert_eq!(client.user_status().revert("call").await, Ok(None));

    replay("150-user_status-get-statuses-backup.json");
    let backup = client.user_status().backup_of("admin").await.unwrap();
    assert_eq!(backup.unwrap().user_id, "_admin");
    assert_eq!(
        server.requests().last().unwrap().path(),
        "/ocs/v2.php/apps/user_status/api/v1/statuses/_admin"
    );

    replay("031-user_status-predefined-statuses.json");
    assert_eq!(client.user_status().predefined().await.unwrap().len(), 6);
}

/// One client call, chosen from a fixture's request.
enum Call {
    Capabilities(Option<String>),
    CurrentUser,
    Own,
    SetStatus(StatusType),
    SetPredefined(String, Option<i64>),
    SetCustom(CustomMessage),
    ClearMessage,
    Heartbeat(StatusType),
    Predefined,
    OfUser(String),
    Backup(String),
    Revert(String),
    List(Option<String>),
    Get(i64),
    Delete(i64),
    DeleteAll,
    Exists(Vec<i64>),
}

impl Call {
    fn for_request(request: &Value) -> Option<Call> {
        let method = request["method"].as_str()?;
        let path = request["path_and_query"].as_str()?;
        let body = &request["body"];
        let text = |key: &str| body[key].as_str().map(str::to_owned);
        let number = |key: &str| text(key).and_then(|t| t.parse::<i64>().ok());
        let etag = request["headers"]["If-None-Match"]
            .as_str()
            .map(str::to_owned);
        if let Some(route) = path.strip_prefix("/ocs/v2.php/apps/user_status/api/v1/") {
            return Some(match (method, route) {
                ("GET", "user_status") => Call::Own,
                ("PUT", "user_status/status") => Call::SetStatus(text("statusType")?.parse().ok()?),
                ("PUT", "user_status/message/predefined") => {
                    Call::SetPredefined(text("messageId")?, number("clearAt"))
                }
                ("PUT", "user_status/message/custom") => Call::SetCustom(CustomMessage {
                    icon: text("statusIcon"),
                    message: text("message")?,
                    clear_at: number("clearAt"),
                }),
                ("DELETE", "user_status/message") => Call::ClearMessage,
                ("PUT", "heartbeat") => Call::Heartbeat(text("status")?.parse().ok()?),
                ("GET", "predefined_statuses") => Call::Predefined,
                ("GET", route) if route.starts_with("statuses/_") => {
                    Call::Backup(route["statuses/_".len()..].to_owned())
                }
                ("GET", route) if route.starts_with("statuses/") => {
                    Call::OfUser(route["statuses/".len()..].to_owned())
                }
                ("DELETE", route) if route.starts_with("user_status/revert/") => {
                    Call::Revert(route["user_status/revert/".len()..].to_owned())
                }
                _ => return None,
            });
        }
        if let Some(route) =
            path.strip_prefix("/ocs/v2.php/apps/notifications/api/v2/notifications")
        {
            return Some(match (method, route) {
                ("GET", "") => Call::List(etag),
                ("DELETE", "") => Call::DeleteAll,
                ("POST", "/exists") => Call::Exists(
                    body["ids[]"]
                        .as_array()?
                        .iter()
                        .map(|id| id.as_str().unwrap().parse().unwrap())
                        .collect(),
                ),
                ("GET", id) => Call::Get(id.strip_prefix('/')?.parse().ok()?),
                ("DELETE", id) => Call::Delete(id.strip_prefix('/')?.parse().ok()?),
                _ => return None,
            });
        }
        match (method, path) {
            ("GET", "/ocs/v2.php/cloud/capabilities") => Some(Call::Capabilities(etag)),
            ("GET", "/ocs/v2.php/cloud/user") => Some(Call::CurrentUser),
            _ => None,
        }
    }

    /// Calls whose "nothing there" 404 is `Ok(None)`.
    fn none_when_missing(&self) -> bool {
        matches!(self, Call::Own | Call::OfUser(_) | Call::Backup(_))
    }

    /// Runs the call; the value's Debug text (enough to tell `None` apart).
    async fn run(&self, client: &Client) -> Result<String, Error> {
        let status = client.user_status();
        let notifications = client.notifications();
        let text = match self {
            Call::Capabilities(etag) => {
                format!("{:?}", client.capabilities(etag.as_deref()).await?)
            }
            Call::CurrentUser => format!("{:?}", client.current_user().await?),
            Call::Own => format!("{:?}", status.own().await?),
            Call::SetStatus(s) => format!("{:?}", status.set_status(*s).await?),
            Call::SetPredefined(id, clear_at) => {
                format!("{:?}", status.set_predefined_message(id, *clear_at).await?)
            }
            Call::SetCustom(message) => format!("{:?}", status.set_custom_message(message).await?),
            Call::ClearMessage => format!("{:?}", status.clear_message().await?),
            Call::Heartbeat(s) => format!("{:?}", status.heartbeat(*s).await?),
            Call::Predefined => format!("{:?}", status.predefined().await?),
            Call::OfUser(id) => format!("{:?}", status.of_user(id).await?),
            Call::Backup(id) => format!("{:?}", status.backup_of(id).await?),
            Call::Revert(id) => format!("{:?}", status.revert(id).await?),
            Call::List(etag) => format!("{:?}", notifications.list(etag.as_deref()).await?),
            Call::Get(id) => format!("{:?}", notifications.get(*id).await?),
            Call::Delete(id) => format!("{:?}", notifications.delete(*id).await?),
            Call::DeleteAll => format!("{:?}", notifications.delete_all().await?),
            Call::Exists(ids) => format!("{:?}", notifications.exists(ids).await?),
        };
        Ok(text)
    }
}

/// A fixture's form body as name → values.
fn form_of(body: &Value) -> BTreeMap<String, Vec<String>> {
    let mut form = BTreeMap::new();
    for (name, value) in body.as_object().into_iter().flatten() {
        let values = match value {
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect(),
            other => vec![other.as_str().unwrap().to_owned()],
        };
        form.insert(name.clone(), values);
    }
    form
}
