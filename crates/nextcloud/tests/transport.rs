//! The HTTP side against tiny local servers: headers, where credentials go, redirects,
//! conditional GETs, and what broken answers become.

mod common;

use common::{basic, client_for, fixture, Answer, Canned};
use nextcloud::{Action, ActionType, Error};
use serde_json::json;

fn action(kind: ActionType, link: &str) -> Action {
    Action {
        label: "Do it".into(),
        link: link.into(),
        kind,
        primary: true,
    }
}

#[tokio::test]
async fn every_request_carries_the_ocs_headers_user_agent_and_basic_auth() {
    let server = Canned::fixed(Answer::from_fixture(&fixture(
        "008-users-cloud-user-admin.json",
    )))
    .await;
    let user = server.client("admin").current_user().await.unwrap();
    assert_eq!(user.id, "admin");
    let sent = &server.requests()[0];
    assert_eq!(sent.header("ocs-apirequest"), Some("true"));
    assert_eq!(sent.header("accept"), Some("application/json"));
    assert_eq!(sent.header("authorization"), Some(basic("admin").as_str()));
    let agent = sent.header("user-agent").unwrap();
    assert_eq!(agent, nextcloud::user_agent());
    assert!(agent.contains(" (nctray - "), "{agent}");
}

#[tokio::test]
async fn an_action_pointing_at_another_server_is_refused_and_never_sent() {
    let account = Canned::fixed(Answer::json(
        200,
        &json!({"ocs": {"meta": {"statuscode": 200}, "data": []}}),
    ))
    .await;
    let elsewhere = Canned::fixed(Answer::json(200, &json!({"ok": true}))).await;
    let client = account.client("admin");
    let notifications = client.notifications();

    // An absolute link on another port of the same host (a private address that is not the
    // server's): refused, nothing sent, with or without credentials.
    let foreign = format!(
        "{}/ocs/v2.php/apps/files_sharing/api/v1/shares/pending/5",
        elsewhere.url()
    );
    assert!(!client.is_same_origin(&foreign.parse().unwrap()));
    let refused = notifications
        .run_action(&action(ActionType::Post, &foreign))
        .await
        .unwrap_err();
    assert_eq!(refused.statuscode(), Some(0));
    let shown = refused.to_string();
    assert!(shown.contains("points away from your server"), "{shown}");
    assert!(shown.contains(&elsewhere.url()), "{shown}");
    assert!(
        elsewhere.requests().is_empty(),
        "{:?}",
        elsewhere.requests()
    );
    assert!(account.requests().is_empty());

    // The account's own origin, absolute or relative: with credentials.
    let own = format!(
        "{}/ocs/v2.php/apps/files_sharing/api/v1/shares/5",
        account.url()
    );
    notifications
        .run_action(&action(ActionType::Delete, &own))
        .await
        .unwrap();
    notifications
        .run_action(&action(ActionType::Get, "/ocs/v2.php/apps/x/y"))
        .await
        .unwrap();
    let sent = account.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].method, "DELETE");
    assert_eq!(sent[1].target, "/ocs/v2.php/apps/x/y");
    for request in &sent {
        assert_eq!(
            request.header("authorization"),
            Some(basic("admin").as_str())
        );
        assert_eq!(request.header("ocs-apirequest"), Some("true"));
    }

    // A WEB action is for the browser: nothing is sent.
    let web = notifications
        .run_action(&action(ActionType::Web, &own))
        .await
        .unwrap_err();
    assert_eq!(web.statuscode(), Some(0));
    assert_eq!(account.requests().len(), 2);
}

#[tokio::test]
async fn a_redirect_to_another_origin_is_not_followed() {
    let elsewhere = Canned::fixed(Answer::new(200, "stolen")).await;
    let target = format!("{}/collect", elsewhere.url());
    let account = Canned::fixed(Answer::new(302, "").header("Location", &target)).await;
    let err = account.client("admin").current_user().await.unwrap_err();
    assert_eq!(
        err,
        Error::Http {
            status: 302,
            message: format!("redirected to {target}")
        }
    );
    assert!(
        elsewhere.requests().is_empty(),
        "the other origin was contacted"
    );
}

#[tokio::test]
async fn a_redirect_within_the_base_path_is_followed_with_credentials() {
    let user = Answer::from_fixture(&fixture("009-users-cloud-user-bob.json"));
    let account = Canned::start(move |request| match request.path() {
        "/nc/ocs/v2.php/cloud/user" => {
            Answer::new(307, "").header("Location", "/nc/index.php/ocs/v2.php/cloud/user")
        }
        _ => user.clone(),
    })
    .await;
    let client = client_for(&format!("{}/nc", account.url()), "bob");
    assert_eq!(client.current_user().await.unwrap().display_name, "Bob");
    let sent = account.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].target, "/nc/index.php/ocs/v2.php/cloud/user");
    assert_eq!(sent[1].header("authorization"), Some(basic("bob").as_str()));
}

#[tokio::test]
async fn a_redirect_out_of_the_base_path_is_not_followed() {
    // Another app on the same host, e.g. a server moved from /nc to / or a hostile redirect.
    let account = Canned::start(|request| match request.path() {
        "/nc/ocs/v2.php/cloud/user" => {
            Answer::new(301, "").header("Location", "/other/ocs/v2.php/cloud/user")
        }
        _ => Answer::new(200, "stolen"),
    })
    .await;
    let client = client_for(&format!("{}/nc", account.url()), "bob");
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 301, .. }), "{err:?}");
    let sent = account.requests();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].target, "/nc/ocs/v2.php/cloud/user");
}

#[tokio::test]
async fn the_etag_goes_back_byte_for_byte_and_the_same_etag_means_unchanged() {
    // Some servers answer 200 with the same ETag instead of 304.
    let body = fixture("062-notifications-list-empty.json")["response"]["body"].clone();
    let etag = "W/\"weird etag, with: spaces\"";
    let server = Canned::fixed(
        Answer::json(200, &body)
            .header("ETag", etag)
            .header("X-Nextcloud-User-Status", "dnd"),
    )
    .await;
    let client = server.client("admin");
    let first = client.notifications().list(None).await.unwrap();
    assert_eq!(first.etag.as_deref(), Some(etag));
    assert_eq!(first.notifications, Some(vec![]));
    let second = client.notifications().list(Some(etag)).await.unwrap();
    assert_eq!(second.notifications, None);
    assert_eq!(second.etag.as_deref(), Some(etag));
    assert_eq!(second.user_status_type(), Some(nextcloud::StatusType::Dnd));
    let sent = server.requests();
    assert_eq!(sent[0].header("if-none-match"), None);
    assert_eq!(sent[1].header("if-none-match"), Some(etag));

    let caps = fixture("001-capabilities-v2-admin.json");
    server.set_answer(Answer::from_fixture(&caps));
    let tag = caps["response"]["headers"]["ETag"].as_str().unwrap();
    let same = client.capabilities(Some(tag)).await.unwrap();
    assert!(same.is_unchanged());
    assert_eq!(same.etag.as_deref(), Some(tag));
    let changed = client.capabilities(Some("\"older\"")).await.unwrap();
    assert!(changed.value.is_some());
}

#[tokio::test]
async fn a_304_without_etag_keeps_the_one_sent() {
    let server = Canned::fixed(Answer::new(304, "")).await;
    let list = server
        .client("admin")
        .notifications()
        .list(Some("\"abc\""))
        .await
        .unwrap();
    assert_eq!(list.etag.as_deref(), Some("\"abc\""));
    assert_eq!(list.notifications, None);
}

#[tokio::test]
async fn no_content_means_no_app_can_notify() {
    let server =
        Canned::fixed(Answer::new(204, "").header("X-Nextcloud-User-Status", "away")).await;
    let list = server
        .client("admin")
        .notifications()
        .list(None)
        .await
        .unwrap();
    assert!(list.disabled);
    assert_eq!(list.notifications, Some(vec![]));
    assert_eq!(list.user_status.as_deref(), Some("away"));
}

#[tokio::test]
async fn exists_sends_repeated_ids_in_chunks_of_200() {
    let server = Canned::fixed(Answer::json(
        200,
        &json!({"ocs": {"meta": {"statuscode": 200}, "data": [1, "2"]}}),
    ))
    .await;
    let api_client = server.client("admin");
    let api = api_client.notifications();
    assert_eq!(api.exists(&[]).await, Ok(vec![]));
    assert!(server.requests().is_empty(), "nothing to ask");
    let ids: Vec<i64> = (1..=250).collect();
    assert_eq!(api.exists(&ids).await, Ok(vec![1, 2, 1, 2]));
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(
        sent[0].header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(sent[0].form()["ids[]"].len(), 200);
    let second: Vec<String> = (201..=250).map(|n| n.to_string()).collect();
    assert_eq!(sent[1].form()["ids[]"], second);
}

/// What an error should look like.
type Expect = fn(&Error) -> bool;

#[tokio::test]
async fn broken_answers_become_errors_never_panics() {
    let server = Canned::fixed(Answer::new(200, "")).await;
    let client = server.client("admin");
    let html =
        "<!DOCTYPE html><html><head><title>Nextcloud</title></head><body>Login</body></html>";
    let truncated =
        r#"{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"id":"adm"#;
    let cases: Vec<(Answer, Expect)> = vec![
        (
            Answer::new(200, html).header("Content-Type", "text/html"),
            |e| matches!(e, Error::Decode(t) if t.contains("<!DOCTYPE html>")),
        ),
        (
            Answer::new(200, truncated).header("Content-Type", "application/json"),
            |e| matches!(e, Error::Decode(_)),
        ),
        (Answer::new(200, vec![0xff, 0x00, 0x9f, b'{', b'"']), |e| {
            matches!(e, Error::Decode(_))
        }),
        (
            Answer::new(200, "PHP Warning: Undefined index\n{\"ocs\":{}}"),
            |e| matches!(e, Error::Decode(t) if t.contains("PHP Warning")),
        ),
        (
            Answer::new(
                200,
                r#"{"ocs":{"meta":{"statuscode":200},"data":{"displayname":"x"}}}"#,
            ),
            |e| matches!(e, Error::Decode(t) if t.contains("id")),
        ),
        (
            Answer::json(412, &json!({"message": "CSRF check failed"})),
            |e| {
                *e == Error::Http {
                    status: 412,
                    message: "CSRF check failed".into(),
                }
            },
        ),
        (
            Answer::new(503, html).header("Content-Type", "text/html"),
            |e| *e == Error::Maintenance,
        ),
        (Answer::new(405, ""), |e| {
            *e == Error::Http {
                status: 405,
                message: String::new(),
            }
        }),
        (Answer::new(500, html), |e| {
            *e == Error::Http {
                status: 500,
                message: "Nextcloud".into(),
            }
        }),
        (Answer::new(401, "<html>Unauthorized</html>"), |e| {
            *e == Error::Unauthorized
        }),
        (
            // The connection breaks in the middle of the body.
            Answer::raw("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"ocs\":"),
            |e| matches!(e, Error::Network(_)),
        ),
        (Answer::raw("this is not HTTP at all\r\n\r\n"), |e| {
            matches!(e, Error::Network(_))
        }),
    ];
    for (answer, expected) in cases {
        let shown = format!("{answer:?}");
        server.set_answer(answer);
        let err = client.current_user().await.unwrap_err();
        assert!(expected(&err), "{shown}\n→ {err:?}");
        assert!(err.to_string().chars().count() < 400, "{err}");
    }
}

#[tokio::test]
async fn a_server_that_is_not_there_is_a_network_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = client_for(&format!("http://127.0.0.1:{port}"), "admin");
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Network(_)), "{err:?}");
    assert_eq!(err.kind(), "network");
    assert!(err.is_transient());
}
