//! Login Flow over real TLS (a self-signed certificate made at test time, trusted by its
//! pinned fingerprint): a flow started on https never continues over http, neither at a poll
//! endpoint nor at a granted `server`, and nothing is sent there.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use nctray_sim::certificates::self_signed;
use nctray_sim::{Sim, SimConfig, TlsIdentity};
use nextcloud::{Connection, Fingerprint, LoginFlow, Url};
use tokio::net::TcpListener;

/// A plain TCP port on the simulator's host that counts who connects to it: where a
/// downgraded flow would send its poll token or app password.
struct PlainPort {
    url: String,
    connections: Arc<AtomicUsize>,
}

impl PlainPort {
    async fn start() -> PlainPort {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = connections.clone();
        tokio::spawn(async move {
            // Accepted connections are dropped at once: the count is all that matters.
            while listener.accept().await.is_ok() {
                counted.fetch_add(1, Ordering::SeqCst);
            }
        });
        PlainPort { url, connections }
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

async fn https_sim() -> (Sim, Connection) {
    let identity: TlsIdentity = self_signed(&["127.0.0.1"]);
    let pinned = Connection {
        pinned_certificate: Some(Fingerprint::of(&identity.certificate_chain[0])),
        proxy: None,
    };
    let sim = Sim::start(SimConfig {
        tls: Some(identity),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    assert!(sim.base_url().starts_with("https://"), "{}", sim.base_url());
    (sim, pinned)
}

fn server(sim: &Sim) -> Url {
    sim.base_url().parse().unwrap()
}

#[tokio::test]
async fn a_flow_started_on_https_refuses_a_poll_endpoint_on_http_and_never_asks_it() {
    let (sim, pinned) = https_sim().await;
    let plain = PlainPort::start().await;
    sim.control().misdirect_login_flow(Some(&plain.url), None);

    let error = LoginFlow::start_with(&server(&sim), pinned)
        .await
        .unwrap_err();
    assert_eq!(error.statuscode(), Some(0), "{error:?}");
    let shown = error.to_string();
    assert!(
        shown.contains("the address to wait for the approval at"),
        "{shown}"
    );
    assert!(shown.contains("unencrypted http://"), "{shown}");
    assert!(shown.contains(&plain.url), "{shown}");
    assert_eq!(plain.connections(), 0, "the poll token went over http");
}

#[tokio::test]
async fn a_grant_naming_the_server_on_http_after_an_https_start_is_refused_and_revoked() {
    let (sim, pinned) = https_sim().await;
    let plain = PlainPort::start().await;
    sim.control().misdirect_login_flow(None, Some(&plain.url));
    let flow = LoginFlow::start_with(&server(&sim), pinned).await.unwrap();
    let password = sim
        .control()
        .approve_login(flow.login_url().as_str(), "bob")
        .unwrap();

    let error = flow.poll().await.unwrap_err();
    assert_eq!(error.statuscode(), Some(0), "{error:?}");
    let shown = error.to_string();
    assert!(shown.contains("unencrypted http://"), "{shown}");
    assert!(shown.contains(&plain.url), "{shown}");
    assert_eq!(plain.connections(), 0, "nothing goes to the http address");
    assert!(
        !sim.control().app_password_valid("bob", &password),
        "the unused app password was revoked over the flow's https connection"
    );
}
