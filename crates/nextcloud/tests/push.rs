//! notify_push: the client's socket and listener against the simulated server.

use std::time::Duration;

use nctray_sim::{Fault, NewNotification, PushMessage, PushPort, PushSocket, Sim, SimConfig};
use nextcloud::{
    Client, Credentials, Error, PushEvent, PushListener, PushOptions, PushStream, PushUpdate, Url,
};
use tokio::net::TcpListener;

const WAIT: Duration = Duration::from_secs(5);

async fn sim_with_push() -> Sim {
    Sim::start(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn client_with_password(sim: &Sim, login: &str, password: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: password.into(),
    })
    .unwrap()
}

fn client(sim: &Sim, login: &str) -> Client {
    client_with_password(sim, login, &format!("{login}-app-password"))
}

fn websocket(sim: &Sim) -> Url {
    format!("ws://{}/push/ws", sim.addr()).parse().unwrap()
}

fn fast_options() -> PushOptions {
    PushOptions {
        retry_min: Duration::from_millis(20),
        retry_max: Duration::from_millis(100),
        ..PushOptions::default()
    }
}

async fn next_event(stream: &mut PushStream) -> PushEvent {
    tokio::time::timeout(WAIT, stream.next())
        .await
        .expect("an event in time")
        .expect("the socket is alive")
}

async fn next_update(listener: &mut PushListener) -> PushUpdate {
    tokio::time::timeout(WAIT, listener.next())
        .await
        .expect("an update in time")
}

#[tokio::test]
async fn the_capability_leads_to_a_socket_that_reports_every_kind_of_change() {
    let sim = sim_with_push().await;
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let push = caps.notify_push.expect("push is on");
    assert_eq!(push.types, ["files", "activities", "notifications"]);
    let url = push.websocket_url().unwrap();
    assert_eq!(url, websocket(&sim));
    assert!(push.pre_auth_url().is_some());

    let mut stream = client.push().connect(&url).await.unwrap();
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
    sim.control()
        .inject_notification(NewNotification::new("bob", "Hello"));
    assert_eq!(next_event(&mut stream).await, PushEvent::Notification);
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(next_event(&mut stream).await, PushEvent::Activity);
    sim.control().push_to("bob", PushMessage::File(vec![5]));
    assert_eq!(next_event(&mut stream).await, PushEvent::File);
    sim.control().push_to(
        "bob",
        PushMessage::Custom("notify_talk".into(), serde_json::json!({"room": "abc"})),
    );
    assert_eq!(
        next_event(&mut stream).await,
        PushEvent::Other {
            kind: "notify_talk".into(),
            body: Some(serde_json::json!({"room": "abc"}))
        }
    );
    // Someone else's change is not bob's business.
    sim.control()
        .inject_notification(NewNotification::new("carol", "Not for bob"));
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(next_event(&mut stream).await, PushEvent::Activity);
    stream.close().await;
    assert!(sim.control().wait_for_push_sockets(0, WAIT).await);
}

#[tokio::test]
async fn file_ids_come_once_asked_for() {
    let sim = sim_with_push().await;
    let mut stream = client(&sim, "admin")
        .push()
        .connect(&websocket(&sim))
        .await
        .unwrap();
    stream.listen_file_ids().await.unwrap();
    let mut event = PushEvent::File;
    for _ in 0..50 {
        sim.control()
            .push_to("admin", PushMessage::File(vec![7, 8]));
        event = next_event(&mut stream).await;
        if event != PushEvent::File {
            break;
        }
    }
    assert_eq!(event, PushEvent::FileIds(vec![7, 8]));
}

#[tokio::test]
async fn a_wrong_app_password_is_unauthorized() {
    let sim = sim_with_push().await;
    let err = client_with_password(&sim, "bob", "revoked")
        .push()
        .connect(&websocket(&sim))
        .await
        .unwrap_err();
    assert_eq!(err, Error::Unauthorized);
}

#[tokio::test]
async fn maintenance_during_the_login_is_a_transient_error() {
    let sim = sim_with_push().await;
    sim.control().set_fault(Fault::Maintenance);
    let err = client(&sim, "bob")
        .push()
        .connect(&websocket(&sim))
        .await
        .unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert!(err.to_string().contains("authentication request"), "{err}");
}

#[tokio::test]
async fn without_the_daemon_the_socket_is_an_http_404() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    assert!(caps.notify_push.is_none());
    let err = client.push().connect(&websocket(&sim)).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 404, .. }), "{err:?}");
}

/// A TCP listener that counts the connections it gets.
async fn bystander() -> (std::net::SocketAddr, tokio::task::JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        let mut count = 0;
        while let Ok(Ok(_)) =
            tokio::time::timeout(Duration::from_millis(300), listener.accept()).await
        {
            count += 1;
        }
        count
    });
    (addr, task)
}

#[tokio::test]
async fn a_socket_on_another_origin_gets_no_credentials_and_no_connection() {
    let sim = sim_with_push().await;
    let client = client(&sim, "bob");
    let (other, connections) = bystander().await;
    let port = sim.addr().port();
    for url in [
        format!("ws://{other}/push/ws"),
        format!("ws://localhost:{port}/push/ws"),
        format!("wss://127.0.0.1:{port}/push/ws"),
        format!("http://127.0.0.1:{port}/push/ws"),
    ] {
        let err = client
            .push()
            .connect(&url.parse().unwrap())
            .await
            .unwrap_err();
        assert_eq!(err.statuscode(), Some(0), "{url}: {err:?}");
    }
    let pre_auth: Url = format!("http://{other}/index.php/apps/notify_push/pre_auth")
        .parse()
        .unwrap();
    let err = client.push().pre_auth(&pre_auth).await.unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
    assert_eq!(connections.await.unwrap(), 0);
    assert_eq!(sim.control().push_sockets(), 0);
}

#[tokio::test]
async fn pre_auth_logs_in_with_a_token_instead_of_the_password() {
    let sim = sim_with_push().await;
    let client = client(&sim, "carol");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let push = caps.notify_push.unwrap();
    let mut stream = PushStream::connect_pre_authenticated(
        &client,
        &push.websocket_url().unwrap(),
        &push.pre_auth_url().unwrap(),
    )
    .await
    .unwrap();
    sim.control()
        .inject_notification(NewNotification::new("carol", "Hi"));
    assert_eq!(next_event(&mut stream).await, PushEvent::Notification);
    let log = sim.control().requests();
    let pre_auth = log
        .iter()
        .find(|r| r.path.ends_with("/pre_auth"))
        .expect("pre_auth was called");
    assert_eq!(pre_auth.method, "POST");
    assert_eq!(pre_auth.user.as_deref(), Some("carol"));

    let wrong = client_with_password(&sim, "carol", "revoked");
    let err = wrong
        .push()
        .pre_auth(&push.pre_auth_url().unwrap())
        .await
        .unwrap_err();
    assert_eq!(err, Error::Unauthorized);
}

#[tokio::test]
async fn the_listener_reconnects_after_the_server_drops_the_sockets() {
    let sim = sim_with_push().await;
    let client = client(&sim, "bob");
    let mut listener = client.push().listen(websocket(&sim), fast_options());
    assert!(!listener.is_connected());
    assert_eq!(next_update(&mut listener).await, PushUpdate::Connected);
    assert!(listener.is_connected());
    sim.control()
        .inject_notification(NewNotification::new("bob", "one"));
    assert_eq!(
        next_update(&mut listener).await,
        PushUpdate::Event(PushEvent::Notification)
    );

    sim.control().drop_push_sockets();
    assert!(matches!(
        next_update(&mut listener).await,
        PushUpdate::Disconnected(Error::Network(_))
    ));
    assert!(!listener.is_connected());
    assert_eq!(next_update(&mut listener).await, PushUpdate::Connected);
    assert!(sim.control().wait_for_push_sockets(1, WAIT).await);
    sim.control()
        .inject_notification(NewNotification::new("bob", "two"));
    assert_eq!(
        next_update(&mut listener).await,
        PushUpdate::Event(PushEvent::Notification)
    );
}

#[tokio::test]
async fn an_outage_is_reported_once_and_ends_with_connected() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = client(&sim, "bob");
    let mut listener = client.push().listen(websocket(&sim), fast_options());
    assert!(matches!(
        next_update(&mut listener).await,
        PushUpdate::Disconnected(Error::Http { status: 404, .. })
    ));
    // Several failed attempts later the daemon comes up: the next update is Connected, not
    // another Disconnected.
    let control = sim.control();
    let enabler = tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + WAIT;
        while control
            .requests()
            .iter()
            .filter(|r| r.path == "/push/ws")
            .count()
            < 3
        {
            assert!(tokio::time::Instant::now() < deadline, "no retries");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        control.enable_push(true);
    });
    assert_eq!(next_update(&mut listener).await, PushUpdate::Connected);
    enabler.await.unwrap();
}

#[tokio::test]
async fn a_revoked_app_password_is_reported_as_unauthorized() {
    let sim = sim_with_push().await;
    let client = client_with_password(&sim, "bob", "revoked");
    let mut listener = client.push().listen(websocket(&sim), fast_options());
    assert_eq!(
        next_update(&mut listener).await,
        PushUpdate::Disconnected(Error::Unauthorized)
    );
}

#[tokio::test]
async fn the_listener_can_log_in_with_pre_auth_and_ask_for_file_ids() {
    let sim = sim_with_push().await;
    let client = client(&sim, "admin");
    let options = PushOptions {
        pre_auth: Some(
            format!("{}/index.php/apps/notify_push/pre_auth", sim.base_url())
                .parse()
                .unwrap(),
        ),
        file_ids: true,
        ..fast_options()
    };
    let mut listener = client.push().listen(websocket(&sim), options);
    assert_eq!(next_update(&mut listener).await, PushUpdate::Connected);
    let mut update = PushUpdate::Connected;
    for _ in 0..50 {
        sim.control().push_to("admin", PushMessage::File(vec![3]));
        update = next_update(&mut listener).await;
        if update != PushUpdate::Event(PushEvent::File) {
            break;
        }
    }
    assert_eq!(update, PushUpdate::Event(PushEvent::FileIds(vec![3])));
}

#[tokio::test]
async fn listening_to_the_capability_logs_in_with_a_pre_auth_token() {
    let sim = sim_with_push().await;
    let client = client(&sim, "carol");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    let mut listener = client
        .push()
        .listen_to(&capability, fast_options())
        .expect("the capability names a websocket");
    assert_eq!(next_update(&mut listener).await, PushUpdate::Connected);
    let pre_auth_calls = sim
        .control()
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/pre_auth") && r.user.as_deref() == Some("carol"))
        .count();
    assert_eq!(pre_auth_calls, 1);
    sim.control()
        .inject_notification(NewNotification::new("carol", "Hi"));
    assert_eq!(
        next_update(&mut listener).await,
        PushUpdate::Event(PushEvent::Notification)
    );

    let no_socket = nextcloud::NotifyPush::default();
    let err = client
        .push()
        .listen_to(&no_socket, PushOptions::default())
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
}

#[tokio::test]
async fn pings_keep_a_quiet_socket_alive_past_the_idle_timeout() {
    let sim = sim_with_push().await;
    // Margins generous enough for a loaded CI machine: the client answers each ping within
    // the interval, and never goes a whole idle timeout without a frame.
    sim.control()
        .set_push_ping_interval(Duration::from_millis(250));
    let mut stream = client(&sim, "bob")
        .push()
        .connect(&websocket(&sim))
        .await
        .unwrap();
    stream.set_idle_timeout(Duration::from_secs(1));
    // Two idle timeouts without an event: the pings (answered) keep it open.
    let quiet = tokio::time::timeout(Duration::from_secs(2), stream.next()).await;
    assert!(quiet.is_err(), "expected no event and no error: {quiet:?}");
    assert_eq!(sim.control().push_sockets(), 1);
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(next_event(&mut stream).await, PushEvent::Activity);
}

#[tokio::test]
async fn a_server_silent_past_the_idle_timeout_is_given_up() {
    let sim = sim_with_push().await;
    // The server would ping only after a minute.
    sim.control()
        .set_push_ping_interval(Duration::from_secs(60));
    let mut stream = client(&sim, "bob")
        .push()
        .connect(&websocket(&sim))
        .await
        .unwrap();
    stream.set_idle_timeout(Duration::from_millis(100));
    let err = tokio::time::timeout(WAIT, stream.next())
        .await
        .unwrap()
        .unwrap_err();
    assert!(matches!(err, Error::Network(_)), "{err:?}");
    assert!(err.to_string().contains("not even a ping"), "{err}");
}

#[tokio::test]
async fn wss_to_a_server_without_tls_fails_cleanly() {
    // Builds the TLS configuration for real (a panic here would mean no crypto provider).
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::AsyncWriteExt;
            let _ = socket.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
        }
    });
    let client = Client::new(Credentials {
        server: format!("https://{addr}").parse().unwrap(),
        login_name: "bob".into(),
        app_password: "bob-app-password".into(),
    })
    .unwrap();
    let url: Url = format!("wss://{addr}/push/ws").parse().unwrap();
    let err = client.push().connect(&url).await.unwrap_err();
    assert!(matches!(err, Error::Network(_)), "{err:?}");
    server.abort();
}

/// The daemon on its own port, as `notify_push:setup` allows and real servers run it.
async fn sim_with_push_on_its_own_port() -> Sim {
    Sim::start(SimConfig {
        push: true,
        push_socket: PushSocket::OwnPort,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

/// Runs `listener` in the background (so it keeps reading, as the engine does) and hands its
/// updates over.
fn drive(mut listener: PushListener) -> tokio::sync::mpsc::UnboundedReceiver<PushUpdate> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            if tx.send(listener.next().await).is_err() {
                return;
            }
        }
    });
    rx
}

async fn next_driven(updates: &mut tokio::sync::mpsc::UnboundedReceiver<PushUpdate>) -> PushUpdate {
    tokio::time::timeout(WAIT, updates.recv())
        .await
        .expect("an update in time")
        .expect("the listener runs")
}

#[tokio::test]
async fn a_daemon_on_its_own_port_is_reached_with_a_pre_auth_token_and_never_gets_the_app_password()
{
    let sim = sim_with_push_on_its_own_port().await;
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    let websocket = capability.websocket_url().unwrap();
    assert_ne!(websocket.port(), Some(sim.addr().port()));

    let listener = client
        .push()
        .listen_to(&capability, fast_options())
        .unwrap();
    let mut updates = drive(listener);
    assert_eq!(next_driven(&mut updates).await, PushUpdate::Connected);
    sim.control()
        .inject_notification(NewNotification::new("bob", "Hello over there"));
    assert_eq!(
        next_driven(&mut updates).await,
        PushUpdate::Event(PushEvent::Notification)
    );
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(
        next_driven(&mut updates).await,
        PushUpdate::Event(PushEvent::Activity)
    );

    // The app password itself is refused for that socket before anything is sent.
    let err = client.push().connect(&websocket).await.unwrap_err();
    assert_eq!(err.statuscode(), Some(0), "{err:?}");
    assert!(
        err.to_string().contains("not on the account's server"),
        "{err}"
    );

    let records = sim.control().push_socket_records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].listener, PushPort::OwnPort);
    assert_eq!(records[0].user.as_deref(), Some("bob"));
    assert_eq!(records[0].received[0], "", "an empty login name");
    assert!(records
        .iter()
        .flat_map(|r| &r.received)
        .all(|text| !text.contains("bob-app-password")));
    // The token came from the account's own server, with its Authorization.
    let pre_auth = sim
        .control()
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/pre_auth") && r.user.as_deref() == Some("bob"))
        .count();
    assert_eq!(pre_auth, 1);
}

#[tokio::test]
async fn a_daemon_on_another_port_without_pre_auth_is_not_used_at_all() {
    let sim = sim_with_push_on_its_own_port().await;
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let mut capability = caps.notify_push.unwrap();
    capability.endpoints.pre_auth = None;
    let err = client
        .push()
        .listen_to(&capability, fast_options())
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
    assert!(err.to_string().contains("no pre_auth login"), "{err}");
    assert!(sim.control().push_socket_records().is_empty());
}

#[tokio::test]
async fn a_pre_auth_endpoint_outside_the_accounts_server_gets_no_credentials() {
    let sim = sim_with_push_on_its_own_port().await;
    let client = client(&sim, "bob");
    let (other, connections) = bystander().await;
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let mut capability = caps.notify_push.unwrap();
    capability.endpoints.pre_auth = Some(format!(
        "http://{other}/index.php/apps/notify_push/pre_auth"
    ));
    let err = client
        .push()
        .listen_to(&capability, fast_options())
        .unwrap_err();
    assert!(err.to_string().contains("push login address"), "{err}");
    assert_eq!(connections.await.unwrap(), 0);
}

#[tokio::test]
async fn our_listener_answers_every_ping_and_stays_connected() {
    let sim = sim_with_push_on_its_own_port().await;
    // Long enough for a loaded machine to answer each ping before the next one is due.
    sim.control()
        .set_push_ping_interval(Duration::from_millis(150));
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let listener = client
        .push()
        .listen_to(&caps.notify_push.unwrap(), fast_options())
        .unwrap();
    let mut updates = drive(listener);
    assert_eq!(next_driven(&mut updates).await, PushUpdate::Connected);
    let deadline = tokio::time::Instant::now() + WAIT;
    while sim.control().push_socket_records()[0].pongs < 5 {
        assert!(tokio::time::Instant::now() < deadline, "too few pongs");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let record = &sim.control().push_socket_records()[0];
    assert!(record.open, "{record:?}");
    assert!(record.pings - record.pongs <= 1, "{record:?}");
    assert!(updates.try_recv().is_err(), "no Disconnected in between");
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(
        next_driven(&mut updates).await,
        PushUpdate::Event(PushEvent::Activity)
    );
    assert_eq!(
        sim.control().push_socket_records().len(),
        1,
        "never reconnected"
    );
}

#[tokio::test]
async fn a_burst_of_notifications_is_one_event() {
    let sim = sim_with_push_on_its_own_port().await;
    let client = client(&sim, "bob");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let listener = client
        .push()
        .listen_to(&caps.notify_push.unwrap(), fast_options())
        .unwrap();
    let mut updates = drive(listener);
    assert_eq!(next_driven(&mut updates).await, PushUpdate::Connected);
    for n in 0..5 {
        sim.control()
            .inject_notification(NewNotification::new("bob", format!("Burst {n}")));
    }
    assert_eq!(
        next_driven(&mut updates).await,
        PushUpdate::Event(PushEvent::Notification)
    );
    // A change after the burst's window: the next event, with no second notification before.
    sim.control().push_to("bob", PushMessage::Activity);
    assert_eq!(
        next_driven(&mut updates).await,
        PushUpdate::Event(PushEvent::Activity)
    );
}
