//! notify_push in the simulator: the capability, the socket handshake, the pushed lines, pings,
//! pre-auth and the control calls, over real loopback sockets.

mod common;

use std::time::Duration;

use common::client as http;
use futures_util::{SinkExt, StreamExt};
use nctray_sim::{Fault, NewNotification, PushMessage, PushPort, PushSocket, Sim, SimConfig};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

const WAIT: Duration = Duration::from_secs(5);

async fn sim_with_push() -> Sim {
    Sim::start(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn ws_url(sim: &Sim) -> String {
    format!("ws://{}/push/ws", sim.addr())
}

async fn capabilities(sim: &Sim, login: Option<&str>) -> (Value, String) {
    let mut request = http()
        .get(format!("{}/ocs/v2.php/cloud/capabilities", sim.base_url()))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json");
    if let Some(login) = login {
        request = request.basic_auth(login, Some(format!("{login}-app-password")));
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    (body["ocs"]["data"]["capabilities"].clone(), etag)
}

/// The next text frame (pings are skipped; tungstenite answers them).
async fn next_text(socket: &mut Socket) -> Option<String> {
    loop {
        let frame = tokio::time::timeout(WAIT, socket.next())
            .await
            .expect("the server said something in time");
        match frame {
            Some(Ok(Message::Text(text))) => return Some(text.as_str().to_owned()),
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return None,
            Some(Ok(other)) => panic!("unexpected frame {other:?}"),
        }
    }
}

/// Whether the server ended the socket (close frame, reset or end of stream) within `WAIT`.
async fn closed(socket: &mut Socket) -> bool {
    let ended = tokio::time::timeout(WAIT, async {
        loop {
            match socket.next().await {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return true,
                Some(Ok(_)) => continue,
            }
        }
    })
    .await;
    ended.unwrap_or(false)
}

/// Whether `condition` held within `WAIT`.
async fn eventually(condition: impl Fn() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !condition() {
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    true
}

async fn login(sim: &Sim, name: &str, password: &str) -> (Socket, Option<String>) {
    let (mut socket, _) = connect_async(ws_url(sim)).await.unwrap();
    socket.send(Message::text(name)).await.unwrap();
    socket.send(Message::text(password)).await.unwrap();
    let answer = next_text(&mut socket).await;
    (socket, answer)
}

async fn authenticated(sim: &Sim, user: &str) -> Socket {
    let (socket, answer) = login(sim, user, &format!("{user}-app-password")).await;
    assert_eq!(answer.as_deref(), Some("authenticated"));
    socket
}

#[tokio::test]
async fn without_push_there_is_no_capability_and_no_socket() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let (caps, _) = capabilities(&sim, Some("admin")).await;
    assert!(caps.get("notify_push").is_none());
    let err = connect_async(ws_url(&sim)).await.unwrap_err();
    match err {
        tokio_tungstenite::tungstenite::Error::Http(response) => {
            assert_eq!(response.status(), 404)
        }
        other => panic!("expected an HTTP 404, got {other:?}"),
    }
}

#[tokio::test]
async fn enabling_push_adds_the_capability_for_logged_in_users_and_changes_the_etag() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let (_, etag_before) = capabilities(&sim, Some("bob")).await;
    let (_, anonymous_before) = capabilities(&sim, None).await;

    sim.control().enable_push(true);
    let (caps, etag_after) = capabilities(&sim, Some("bob")).await;
    assert_ne!(etag_before, etag_after);
    let push = &caps["notify_push"];
    assert_eq!(
        push["type"],
        serde_json::json!(["files", "activities", "notifications"])
    );
    assert_eq!(
        push["endpoints"]["websocket"],
        format!("ws://{}/push/ws", sim.addr())
    );
    assert_eq!(
        push["endpoints"]["pre_auth"],
        format!("{}/index.php/apps/notify_push/pre_auth", sim.base_url())
    );

    let (anonymous, anonymous_after) = capabilities(&sim, None).await;
    assert!(anonymous.get("notify_push").is_none());
    assert_eq!(anonymous_before, anonymous_after);

    sim.control().enable_push(false);
    let (caps, etag_off) = capabilities(&sim, Some("bob")).await;
    assert!(caps.get("notify_push").is_none());
    assert_eq!(etag_off, etag_before);
}

#[tokio::test]
async fn the_capability_keeps_the_servers_key_order() {
    let sim = sim_with_push().await;
    let text = http()
        .get(format!("{}/ocs/v2.php/cloud/capabilities", sim.base_url()))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .basic_auth("admin", Some("admin-app-password"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let notifications = text.find("\"notifications\":{").unwrap();
    let push = text.find("\"notify_push\":").unwrap();
    let provisioning = text.find("\"provisioning_api\":").unwrap();
    assert!(notifications < push && push < provisioning, "{text}");
}

#[tokio::test]
async fn login_name_then_app_password_is_authenticated() {
    let sim = sim_with_push().await;
    let _socket = authenticated(&sim, "bob").await;
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
    // The login password works too: the daemon checks like HTTP Basic.
    let (_second, answer) = login(&sim, "admin", "admin").await;
    assert_eq!(answer.as_deref(), Some("authenticated"));
    assert!(sim.control().wait_for_push_sockets(2, WAIT).await);
}

#[tokio::test]
async fn a_wrong_password_gets_invalid_credentials_and_the_socket_ends() {
    let sim = sim_with_push().await;
    let (mut socket, answer) = login(&sim, "bob", "revoked").await;
    assert_eq!(answer.as_deref(), Some("err: Invalid credentials"));
    assert!(closed(&mut socket).await);
    assert_eq!(sim.control().push_sockets(), 0);

    let (_, answer) = login(&sim, "", "bob-app-password").await;
    assert_eq!(answer.as_deref(), Some("err: Invalid credentials"));
}

#[tokio::test]
async fn a_binary_first_message_is_an_invalid_authentication_message() {
    let sim = sim_with_push().await;
    let (mut socket, _) = connect_async(ws_url(&sim)).await.unwrap();
    socket.send(Message::binary(b"bob".to_vec())).await.unwrap();
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("err: Invalid authentication message")
    );
}

#[tokio::test]
async fn a_revoked_password_fault_refuses_and_maintenance_fails_the_check() {
    let sim = sim_with_push().await;
    sim.control().set_fault(Fault::Unauthorized);
    let (_, answer) = login(&sim, "bob", "bob-app-password").await;
    assert_eq!(answer.as_deref(), Some("err: Invalid credentials"));
    sim.control().set_fault(Fault::Maintenance);
    let (_, answer) = login(&sim, "bob", "bob-app-password").await;
    assert_eq!(
        answer.as_deref(),
        Some("err: Error while sending authentication request to nextcloud")
    );
}

#[tokio::test]
async fn a_fault_on_the_daemons_credential_check_fails_only_the_socket_login() {
    let sim = sim_with_push().await;
    sim.control()
        .set_fault_for("/index.php/apps/notify_push/uid", Fault::ServerError);
    let (_, answer) = login(&sim, "bob", "bob-app-password").await;
    assert_eq!(
        answer.as_deref(),
        Some("err: Error while sending authentication request to nextcloud")
    );
    // Everything else answers normally, pre_auth and a token login included.
    let token = http()
        .post(format!(
            "{}/index.php/apps/notify_push/pre_auth",
            sim.base_url()
        ))
        .basic_auth("bob", Some("bob-app-password"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (_, answer) = login(&sim, "", &token).await;
    assert_eq!(answer.as_deref(), Some("authenticated"));
}

#[tokio::test]
async fn a_pre_auth_token_logs_in_with_an_empty_name_once() {
    let sim = sim_with_push().await;
    let url = format!("{}/index.php/apps/notify_push/pre_auth", sim.base_url());
    let response = http()
        .post(&url)
        .basic_auth("carol", Some("carol-app-password"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let token = response.text().await.unwrap();
    assert_eq!(token.len(), 32);

    let (mut socket, answer) = login(&sim, "", &token).await;
    assert_eq!(answer.as_deref(), Some("authenticated"));
    let (_, again) = login(&sim, "", &token).await;
    assert_eq!(again.as_deref(), Some("err: Invalid credentials"));

    // The socket is carol's: her notification reaches it.
    sim.control()
        .inject_notification(NewNotification::new("carol", "Hello"));
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
    let log = sim.control().requests();
    let pre_auth = log
        .iter()
        .find(|r| r.path == "/index.php/apps/notify_push/pre_auth")
        .unwrap();
    assert_eq!(pre_auth.user.as_deref(), Some("carol"));
}

#[tokio::test]
async fn pre_auth_needs_a_login() {
    let sim = sim_with_push().await;
    let url = format!("{}/index.php/apps/notify_push/pre_auth", sim.base_url());
    let anonymous = http().post(&url).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["message"], "Current user is not logged in");
    let wrong = http()
        .post(&url)
        .basic_auth("carol", Some("nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    sim.control().set_fault(Fault::Maintenance);
    let maintenance = http()
        .post(&url)
        .basic_auth("carol", Some("carol-app-password"))
        .send()
        .await
        .unwrap();
    assert_eq!(maintenance.status(), 503);
}

#[tokio::test]
async fn a_new_notification_is_pushed_to_that_user_only() {
    let sim = sim_with_push().await;
    let mut bob = authenticated(&sim, "bob").await;
    let mut carol = authenticated(&sim, "carol").await;
    sim.control()
        .inject_notification(NewNotification::new("bob", "Hello bob"));
    assert_eq!(
        next_text(&mut bob).await.as_deref(),
        Some("notify_notification")
    );
    // carol hears only her own: the next thing on her socket is her notification.
    sim.control()
        .inject_notification(NewNotification::new("carol", "Hello carol"));
    assert_eq!(
        next_text(&mut carol).await.as_deref(),
        Some("notify_notification")
    );
    sim.control().push_to("carol", PushMessage::Activity);
    assert_eq!(
        next_text(&mut carol).await.as_deref(),
        Some("notify_activity")
    );
}

#[tokio::test]
async fn deleting_a_notification_is_pushed_but_deleting_nothing_is_not() {
    let sim = sim_with_push().await;
    let id = sim
        .control()
        .inject_notification(NewNotification::new("bob", "Read me"));
    let mut socket = authenticated(&sim, "bob").await;
    let delete = |path: String| {
        http()
            .delete(format!(
                "{}/ocs/v2.php/apps/notifications/api/v2/notifications{path}",
                sim.base_url()
            ))
            .header("OCS-APIRequest", "true")
            .basic_auth("bob", Some("bob-app-password"))
            .send()
    };
    assert_eq!(delete("/999".into()).await.unwrap().status(), 200);
    assert_eq!(delete(format!("/{id}")).await.unwrap().status(), 200);
    sim.control().push_to("bob", PushMessage::Activity);
    // The delete of nothing sent no line: the first is the real delete, then the marker.
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_activity")
    );

    sim.control()
        .inject_notification(NewNotification::new("bob", "Another"));
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
    assert_eq!(delete(String::new()).await.unwrap().status(), 200);
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
}

#[tokio::test]
async fn custom_messages_go_out_at_once_and_files_and_activities_after_their_window() {
    let sim = sim_with_push().await;
    let mut socket = authenticated(&sim, "admin").await;
    let control = sim.control();
    control.push_to("admin", PushMessage::File(vec![12, 13]));
    control.push_to("admin", PushMessage::Activity);
    control.push_to(
        "admin",
        PushMessage::Custom("notify_talk".into(), serde_json::json!({"token": "abc"})),
    );
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some(r#"notify_talk {"token":"abc"}"#)
    );
    // The file window opened first, so it closes first.
    assert_eq!(next_text(&mut socket).await.as_deref(), Some("notify_file"));
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_activity")
    );

    socket
        .send(Message::text("listen notify_file_id"))
        .await
        .unwrap();
    // The option is read by the server before the next message it handles; a marker line
    // round trip is not possible, so wait until the file line carries ids.
    let mut line = String::new();
    for _ in 0..50 {
        control.push_to("admin", PushMessage::File(vec![12, 13]));
        line = next_text(&mut socket).await.unwrap();
        if line != "notify_file" {
            break;
        }
    }
    assert_eq!(line, "notify_file_id [12,13]");
}

#[tokio::test]
async fn a_burst_of_changes_is_one_line_per_kind_with_the_file_ids_merged() {
    let sim = sim_with_push().await;
    let mut socket = authenticated(&sim, "admin").await;
    socket
        .send(Message::text("listen notify_file_id"))
        .await
        .unwrap();
    assert!(
        eventually(|| sim.control().push_socket_records()[0]
            .received
            .iter()
            .any(|text| text == "listen notify_file_id"))
        .await
    );
    let control = sim.control();
    for n in 0..5 {
        control.inject_notification(NewNotification::new("admin", format!("Burst {n}")));
    }
    control.push_to("admin", PushMessage::File(vec![3, 1]));
    control.push_to("admin", PushMessage::File(vec![2, 3]));
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_file_id [1,2,3]")
    );
    // A marker sent after the windows closed comes next: nothing of the burst was left over.
    control.push_to("admin", PushMessage::Custom("marker".into(), Value::Null));
    assert_eq!(next_text(&mut socket).await.as_deref(), Some("marker"));
    let record = &sim.control().push_socket_records()[0];
    assert_eq!(
        record.sent,
        [
            "authenticated",
            "notify_notification",
            "notify_file_id [1,2,3]",
            "marker"
        ]
    );
}

#[tokio::test]
async fn without_debounce_every_change_is_its_own_line() {
    let sim = sim_with_push().await;
    sim.control()
        .set_push_debounce(Duration::ZERO, Duration::ZERO);
    let mut socket = authenticated(&sim, "bob").await;
    sim.control().push_to("bob", PushMessage::Activity);
    sim.control().push_to("bob", PushMessage::Activity);
    for _ in 0..2 {
        assert_eq!(
            next_text(&mut socket).await.as_deref(),
            Some("notify_activity")
        );
    }
}

#[tokio::test]
async fn the_daemon_on_its_own_port_is_named_by_the_capability_with_pre_auth_on_the_server() {
    let sim = Sim::start(SimConfig {
        push: true,
        push_socket: PushSocket::OwnPort,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let (caps, _) = capabilities(&sim, Some("bob")).await;
    let websocket = caps["notify_push"]["endpoints"]["websocket"]
        .as_str()
        .unwrap()
        .to_owned();
    let own_port = websocket
        .strip_prefix("ws://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix("/ws"))
        .unwrap_or_else(|| panic!("not the daemon's own port: {websocket}"));
    assert_ne!(own_port, sim.addr().port().to_string());
    assert_eq!(
        caps["notify_push"]["endpoints"]["pre_auth"],
        format!("{}/index.php/apps/notify_push/pre_auth", sim.base_url())
    );
    // No daemon behind the web server.
    assert!(connect_async(ws_url(&sim)).await.is_err());

    let token = pre_auth_token(&sim, "bob").await;
    let (mut socket, _) = connect_async(&websocket).await.unwrap();
    socket.send(Message::text("")).await.unwrap();
    socket.send(Message::text(token.clone())).await.unwrap();
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("authenticated")
    );
    sim.control()
        .inject_notification(NewNotification::new("bob", "Hi"));
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_notification")
    );
    let records = sim.control().push_socket_records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].listener, PushPort::OwnPort);
    assert_eq!(records[0].user.as_deref(), Some("bob"));
    assert_eq!(records[0].received, ["", token.as_str()]);
}

async fn pre_auth_token(sim: &Sim, user: &str) -> String {
    http()
        .post(format!(
            "{}/index.php/apps/notify_push/pre_auth",
            sim.base_url()
        ))
        .basic_auth(user, Some(format!("{user}-app-password")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_user_gets_at_most_64_sockets() {
    let sim = sim_with_push().await;
    let mut sockets = Vec::new();
    for _ in 0..64 {
        sockets.push(authenticated(&sim, "bob").await);
    }
    let (_, answer) = login(&sim, "bob", "bob-app-password").await;
    assert_eq!(
        answer.as_deref(),
        Some("err: Too many connections for this user")
    );
    // Others are not affected, and a closed socket frees its place.
    let _carol = authenticated(&sim, "carol").await;
    sockets.pop().unwrap().close(None).await.unwrap();
    assert!(sim.control().wait_for_push_sockets(64, WAIT).await);
    let _again = authenticated(&sim, "bob").await;
}

#[tokio::test]
async fn a_socket_that_sends_no_credentials_in_time_is_told_so_and_closed() {
    let sim = sim_with_push().await;
    sim.control()
        .set_push_auth_timeout(Duration::from_millis(100));
    let (mut socket, _) = connect_async(ws_url(&sim)).await.unwrap();
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("Authentication timeout")
    );
    assert!(closed(&mut socket).await);
}

#[tokio::test]
async fn a_silent_socket_gets_pings_and_stays_open_while_it_answers() {
    let sim = sim_with_push().await;
    // Long enough for a loaded machine to answer each ping before the next one is due.
    sim.control()
        .set_push_ping_interval(Duration::from_millis(200));
    let mut socket = authenticated(&sim, "bob").await;
    let mut pings = 0;
    while pings < 3 {
        match tokio::time::timeout(WAIT, socket.next()).await.unwrap() {
            Some(Ok(Message::Ping(data))) => {
                assert_eq!(data.len(), 4);
                pings += 1;
            }
            other => panic!("expected a ping, got {other:?}"),
        }
    }
    assert_eq!(sim.control().push_sockets(), 1);
    // The first two pongs reached the server (the third may still be on its way).
    let record = &sim.control().push_socket_records()[0];
    assert!(record.pongs >= 2, "{record:?}");
    assert!(record.open);
}

#[tokio::test]
async fn a_pong_with_other_bytes_than_the_ping_gets_the_socket_closed() {
    let sim = sim_with_push().await;
    sim.control()
        .set_push_ping_interval(Duration::from_millis(100));
    let mut socket = authenticated(&sim, "bob").await;
    match tokio::time::timeout(WAIT, socket.next()).await.unwrap() {
        Some(Ok(Message::Ping(data))) => {
            let wrong: Vec<u8> = data.iter().map(|b| b.wrapping_add(1)).collect();
            // Replaces the pong tungstenite queued with the right bytes.
            socket.send(Message::Pong(wrong.into())).await.unwrap();
        }
        other => panic!("expected a ping, got {other:?}"),
    }
    assert!(closed(&mut socket).await);
    assert!(sim.control().wait_for_push_sockets(0, WAIT).await);
    assert_eq!(sim.control().push_socket_records()[0].pongs, 0);
}

#[tokio::test]
async fn a_socket_that_leaves_a_ping_unanswered_is_closed() {
    let sim = sim_with_push().await;
    sim.control()
        .set_push_ping_interval(Duration::from_millis(50));
    // Not reading means tungstenite never sends the pong.
    let _socket = authenticated(&sim, "bob").await;
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
    assert!(sim.control().wait_for_push_sockets(0, WAIT).await);
}

#[tokio::test]
async fn dropping_the_sockets_closes_them_and_new_ones_are_welcome() {
    let sim = sim_with_push().await;
    let mut first = authenticated(&sim, "bob").await;
    let mut second = authenticated(&sim, "carol").await;
    assert!(sim.control().wait_for_push_sockets(2, WAIT).await);
    sim.control().drop_push_sockets();
    assert!(matches!(
        tokio::time::timeout(WAIT, first.next()).await.unwrap(),
        Some(Ok(Message::Close(_)))
    ));
    assert!(closed(&mut second).await);
    assert!(sim.control().wait_for_push_sockets(0, WAIT).await);
    let _third = authenticated(&sim, "bob").await;
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
}

#[tokio::test]
async fn turning_push_off_drops_the_sockets_and_refuses_new_ones() {
    let sim = sim_with_push().await;
    let mut socket = authenticated(&sim, "bob").await;
    sim.control().enable_push(false);
    assert!(closed(&mut socket).await);
    assert!(connect_async(ws_url(&sim)).await.is_err());
    sim.control()
        .inject_notification(NewNotification::new("bob", "nobody hears this"));
}

#[tokio::test]
async fn the_control_api_over_http() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let base = format!("{}/_sim/push", sim.base_url());
    let client = http();
    let put = client
        .put(&base)
        .json(&serde_json::json!({"enabled": true, "ping_interval_ms": 20000}))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 204);
    let mut socket = authenticated(&sim, "bob").await;
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
    let state: Value = client
        .get(&base)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        state,
        serde_json::json!({"enabled": true, "sockets": 1, "ping_interval_ms": 20000})
    );

    let sent = client
        .post(format!("{base}/users/bob"))
        .json(&serde_json::json!({"type": "custom", "data": ["notify_custom", null]}))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 204);
    assert_eq!(
        next_text(&mut socket).await.as_deref(),
        Some("notify_custom")
    );

    let dropped = client
        .delete(format!("{base}/sockets"))
        .send()
        .await
        .unwrap();
    assert_eq!(dropped.status(), 204);
    assert!(closed(&mut socket).await);
}

#[tokio::test]
async fn the_socket_and_pre_auth_appear_in_the_request_log() {
    let sim = sim_with_push().await;
    let _socket = authenticated(&sim, "bob").await;
    let log = sim.control().requests();
    let upgrade = log.iter().find(|r| r.path == "/push/ws").unwrap();
    assert_eq!(upgrade.method, "GET");
    assert_eq!(upgrade.status, 101);
}
