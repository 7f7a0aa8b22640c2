//! A real proxy (Debian's tinyproxy, started on loopback) between the client and the
//! simulator: the account's proxy carries every request and the push socket, and a proxy that
//! is down reads "proxy unreachable"; a proxy that refuses the login (407) reads as a proxy
//! problem, never as the server's "sign-in needed".

use nctray_sim::certificates::self_signed;
use nctray_sim::refusing_proxy::RefusingProxy;
use nctray_sim::tinyproxy::Tinyproxy;
use nctray_sim::{PushSocket, Sim, SimConfig, TlsIdentity};
use nextcloud::{
    Client, Connection, Credentials, Error, Fingerprint, Proxy, PushOptions, PushUpdate, Url,
};

async fn sim(tls: Option<TlsIdentity>) -> Sim {
    Sim::start(SimConfig {
        push: true,
        tls,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn client(sim: &Sim, connection: Connection) -> Client {
    let credentials = Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    };
    Client::with_connection(credentials, connection).unwrap()
}

fn through(proxy: &Tinyproxy) -> Connection {
    Connection {
        proxy: Some(Proxy::new(&proxy.url(), None).unwrap()),
        ..Connection::default()
    }
}

/// Some requests and the push socket, as a sync does them.
async fn sync(client: &Client) {
    assert_eq!(client.current_user().await.unwrap().id, "admin");
    client.notifications().list(None).await.unwrap();
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let push = caps.notify_push.unwrap().websocket_url().unwrap();
    client.push().connect(&push).await.unwrap().close().await;
}

#[tokio::test]
async fn every_request_and_the_push_socket_go_through_the_accounts_proxy() {
    let proxy = Tinyproxy::start().unwrap();
    let sim = sim(None).await;
    let client = client(&sim, through(&proxy));
    sync(&client).await;

    let through_proxy = proxy.requests();
    let reached_server = sim.control().requests();
    assert!(reached_server.len() >= 4, "{reached_server:?}");
    let (socket, requests): (Vec<_>, Vec<_>) =
        reached_server.iter().partition(|r| r.path == "/push/ws");
    assert_eq!(socket.len(), 1, "the socket's upgrade reached the server");
    for request in requests {
        let line = format!("{} {}{}", request.method, sim.base_url(), request.path);
        assert!(
            through_proxy.iter().any(|seen| seen.starts_with(&line)),
            "{line} did not go through the proxy: {through_proxy:?}"
        );
    }
    // The push socket is tunnelled, so the proxy passes its frames untouched.
    let tunnel = format!("CONNECT {} ", sim.addr());
    assert!(
        through_proxy.iter().any(|seen| seen.starts_with(&tunnel)),
        "{through_proxy:?}"
    );
}

#[tokio::test]
async fn the_daemon_on_its_own_port_is_reached_through_the_accounts_proxy_too() {
    let proxy = Tinyproxy::start().unwrap();
    let sim = Sim::start(SimConfig {
        push: true,
        push_socket: PushSocket::OwnPort,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let client = client(&sim, through(&proxy));
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    let websocket = capability.websocket_url().unwrap();
    let mut listener = client
        .push()
        .listen_to(&capability, PushOptions::default())
        .unwrap();
    let first = tokio::time::timeout(std::time::Duration::from_secs(10), listener.next())
        .await
        .unwrap();
    assert_eq!(first, PushUpdate::Connected);
    let tunnel = format!(
        "CONNECT {}:{} ",
        websocket.host_str().unwrap(),
        websocket.port().unwrap()
    );
    let through_proxy = proxy.requests();
    assert!(
        through_proxy.iter().any(|seen| seen.starts_with(&tunnel)),
        "{tunnel}: {through_proxy:?}"
    );
}

#[tokio::test]
async fn https_goes_through_the_proxy_as_a_tunnel_with_the_certificate_still_checked() {
    let proxy = Tinyproxy::start().unwrap();
    let identity = self_signed(&["127.0.0.1"]);
    let sim = sim(Some(identity.clone())).await;

    let unpinned = client(&sim, through(&proxy));
    let error = unpinned.current_user().await.unwrap_err();
    assert_eq!(error.kind(), "certificate", "{error}");

    let pinned = Connection {
        pinned_certificate: Some(Fingerprint::of(&identity.certificate_chain[0])),
        ..through(&proxy)
    };
    sync(&client(&sim, pinned.clone())).await;
    let tunnels = proxy
        .requests()
        .into_iter()
        .filter(|seen| seen.starts_with(&format!("CONNECT {} ", sim.addr())))
        .count();
    assert!(tunnels >= 2, "requests and socket tunnel: {tunnels}");
    let info = nextcloud::inspect(&sim.base_url().parse::<Url>().unwrap(), &pinned)
        .await
        .unwrap();
    assert_eq!(info.fingerprint, pinned.pinned_certificate.unwrap());
}

#[tokio::test]
async fn with_the_proxy_down_requests_and_the_push_socket_read_proxy_unreachable() {
    let mut proxy = Tinyproxy::start().unwrap();
    let sim = sim(None).await;
    let client = client(&sim, through(&proxy));
    proxy.stop();

    let error = client.current_user().await.unwrap_err();
    assert!(matches!(error, Error::ProxyUnreachable(_)), "{error:?}");
    assert!(
        error.to_string().starts_with("proxy unreachable"),
        "{error}"
    );
    assert!(error.is_transient());
    let websocket: Url = format!("ws://{}/push/ws", sim.addr()).parse().unwrap();
    let error = client.push().connect(&websocket).await.unwrap_err();
    assert!(matches!(error, Error::ProxyUnreachable(_)), "{error:?}");
    assert!(sim.control().requests().is_empty());
}

#[tokio::test]
async fn a_proxy_login_goes_with_every_request_and_the_push_socket() {
    let proxy = Tinyproxy::start_with_login("alice", "proxy-secret").unwrap();
    let sim = sim(None).await;
    let address = proxy.url().replace("http://", "http://alice@");
    let with_login = |password: &str| Connection {
        proxy: Some(Proxy::new(&address, Some(password.to_owned())).unwrap()),
        ..Connection::default()
    };

    sync(&client(&sim, with_login("proxy-secret"))).await;
    let tunnel = format!("CONNECT {} ", sim.addr());
    assert!(
        proxy
            .requests()
            .iter()
            .any(|seen| seen.starts_with(&tunnel)),
        "the socket's tunnel: {:?}",
        proxy.requests()
    );

    // A wrong password gets nowhere: the proxy refuses before the server sees anything.
    sim.control().clear_requests();
    let refused = client(&sim, with_login("wrong"));
    // (tinyproxy answers a wrong proxy password with 401, not 407, so the client cannot
    // tell it from the server's own refusal; what counts here is that nothing got through.)
    assert!(refused.current_user().await.is_err());
    let websocket: Url = format!("ws://{}/push/ws", sim.addr()).parse().unwrap();
    assert!(refused.push().connect(&websocket).await.is_err());
    assert!(sim.control().requests().is_empty());
}

/// The error of a proxy that answered 407: the proxy's kind, its address and what to check.
fn assert_proxy_login_refused(error: &Error, proxy: &RefusingProxy) {
    assert!(matches!(error, Error::ProxyLoginRefused(_)), "{error:?}");
    assert_eq!(error.kind(), "proxy");
    let shown = error.to_string();
    assert!(
        shown.contains("refused the login: check the proxy's user and password"),
        "{shown}"
    );
    assert!(
        shown.contains(proxy.url().trim_start_matches("http://")),
        "{shown}"
    );
}

fn through_refusing(proxy: &RefusingProxy) -> Connection {
    Connection {
        proxy: Some(Proxy::new(&proxy.url(), None).unwrap()),
        ..Connection::default()
    }
}

#[tokio::test]
async fn a_proxy_refusing_the_login_is_a_proxy_problem_for_requests_and_the_push_socket() {
    let proxy = RefusingProxy::start().await.unwrap();
    let sim = sim(None).await;
    let client = client(&sim, through_refusing(&proxy));

    // Plain http: the proxy's 407 arrives as the answer's status.
    let error = client.current_user().await.unwrap_err();
    assert_proxy_login_refused(&error, &proxy);
    // The push socket: as the answer to its CONNECT.
    let websocket: Url = format!("ws://{}/push/ws", sim.addr()).parse().unwrap();
    let error = client.push().connect(&websocket).await.unwrap_err();
    assert_proxy_login_refused(&error, &proxy);

    let asked = proxy.request_lines();
    assert!(
        asked.iter().any(|line| line.starts_with("GET http://")),
        "{asked:?}"
    );
    assert!(
        asked.iter().any(|line| line.starts_with("CONNECT ")),
        "{asked:?}"
    );
    assert!(sim.control().requests().is_empty());
}

#[tokio::test]
async fn a_proxy_refusing_the_login_to_an_https_tunnel_is_a_proxy_problem() {
    let proxy = RefusingProxy::start().await.unwrap();
    let identity = self_signed(&["127.0.0.1"]);
    let sim = sim(Some(identity.clone())).await;
    let pinned = Connection {
        pinned_certificate: Some(Fingerprint::of(&identity.certificate_chain[0])),
        ..through_refusing(&proxy)
    };
    let client = client(&sim, pinned);

    // reqwest tunnels https with CONNECT and reports the 407 as a failed tunnel.
    let error = client.current_user().await.unwrap_err();
    assert_proxy_login_refused(&error, &proxy);
    let error = client
        .push()
        .connect(&websocket_of(&sim))
        .await
        .unwrap_err();
    assert_proxy_login_refused(&error, &proxy);
    let tunnel = format!("CONNECT {} ", sim.addr());
    assert!(
        proxy
            .request_lines()
            .iter()
            .all(|line| line.starts_with(&tunnel)),
        "{:?}",
        proxy.request_lines()
    );
    assert!(sim.control().requests().is_empty());
}

fn websocket_of(sim: &Sim) -> Url {
    format!("wss://{}/push/ws", sim.addr()).parse().unwrap()
}
