//! `HTTP_PROXY` / `NO_PROXY` from the environment carry the requests and the push socket of an
//! account without a proxy of its own. A test binary of its own, since it sets the process's
//! environment before any client is built.

use nctray_sim::tinyproxy::Tinyproxy;
use nctray_sim::{Sim, SimConfig};
use nextcloud::{Client, Credentials};

#[tokio::test]
async fn the_environments_proxy_carries_requests_and_the_push_socket_unless_no_proxy_says_not() {
    let proxy = Tinyproxy::start().unwrap();
    std::env::set_var("HTTP_PROXY", proxy.url());
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");
    let sim = Sim::start(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let client = Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    })
    .unwrap();
    client.current_user().await.unwrap();
    let websocket = format!("ws://{}/push/ws", sim.addr()).parse().unwrap();
    client
        .push()
        .connect(&websocket)
        .await
        .unwrap()
        .close()
        .await;
    let seen = proxy.requests();
    let user = format!("GET {}/ocs/v2.php/cloud/user ", sim.base_url());
    assert!(seen.iter().any(|s| s.starts_with(&user)), "{seen:?}");
    let tunnel = format!("CONNECT {} ", sim.addr());
    assert!(seen.iter().any(|s| s.starts_with(&tunnel)), "{seen:?}");

    // NO_PROXY exempts the server: a new client goes straight there.
    std::env::set_var("NO_PROXY", "127.0.0.1");
    let before = proxy.requests().len();
    let direct = Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    })
    .unwrap();
    direct.current_user().await.unwrap();
    direct
        .push()
        .connect(&websocket)
        .await
        .unwrap()
        .close()
        .await;
    assert_eq!(proxy.requests().len(), before, "{:?}", proxy.requests());
}
