//! Real TLS against the simulator with certificates made at test time: the system's trusted
//! certificates (pointed at a test CA through `SSL_CERT_FILE`, which rustls-native-certs reads
//! instead of /etc/ssl/certs), refusals in words, and a pinned certificate — for requests and
//! the push socket alike.

use std::sync::OnceLock;

use nctray_sim::certificates::{self, TestCa};
use nctray_sim::{PushSocket, Sim, SimConfig, TlsIdentity};
use nextcloud::{
    CertificateProblem, Client, Connection, Credentials, Error, Fingerprint, LoginFlow,
    PushOptions, PushUpdate, Url,
};

const HOSTS: &[&str] = &["127.0.0.1", "localhost"];

/// The CA "installed on the system" for this test process. Set once, before any client reads
/// the system's certificates (they are read once per process).
fn system_ca() -> &'static TestCa {
    static CA: OnceLock<(TestCa, tempfile::NamedTempFile)> = OnceLock::new();
    &CA.get_or_init(|| {
        let ca = TestCa::new("nctray test system CA");
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), ca.pem()).unwrap();
        std::env::set_var("SSL_CERT_FILE", file.path());
        std::env::remove_var("SSL_CERT_DIR");
        (ca, file)
    })
    .0
}

async fn https_sim(identity: TlsIdentity) -> Sim {
    https_sim_with_push(identity, PushSocket::BehindProxy).await
}

async fn https_sim_with_push(identity: TlsIdentity, push_socket: PushSocket) -> Sim {
    https_sim_with(SimConfig {
        tls: Some(identity),
        push_socket,
        ..SimConfig::default()
    })
    .await
}

async fn https_sim_with(config: SimConfig) -> Sim {
    system_ca();
    Sim::start(SimConfig {
        push: true,
        ..config
    })
    .await
    .unwrap()
}

/// The daemon on its own port under the name `localhost`: another host than the account's
/// `127.0.0.1`.
async fn https_sim_with_push_on_another_host(identity: TlsIdentity) -> Sim {
    https_sim_with(SimConfig {
        tls: Some(identity),
        push_socket: PushSocket::OwnPort,
        push_host: Some("localhost".into()),
        ..SimConfig::default()
    })
    .await
}

async fn first_update(client: &Client) -> PushUpdate {
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let mut listener = client
        .push()
        .listen_to(&caps.notify_push.unwrap(), PushOptions::default())
        .unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), listener.next())
        .await
        .unwrap()
}

fn credentials(sim: &Sim) -> Credentials {
    assert!(sim.base_url().starts_with("https://"), "{}", sim.base_url());
    Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    }
}

fn pinned(identity: &TlsIdentity) -> Connection {
    Connection {
        pinned_certificate: Some(Fingerprint::of(&identity.certificate_chain[0])),
        proxy: None,
    }
}

fn websocket(sim: &Sim) -> Url {
    format!("wss://{}/push/ws", sim.addr()).parse().unwrap()
}

/// The request fails with `problem`, the push socket too, and the server saw no request.
async fn refused_with(sim: &Sim, client: &Client, problem: CertificateProblem) {
    let error = client.current_user().await.unwrap_err();
    assert_eq!(error, Error::Certificate(problem.clone()), "{error}");
    let words = problem.to_string();
    assert!(
        error.to_string().to_lowercase().contains(&words),
        "{error} names {words}"
    );
    let error = client.push().connect(&websocket(sim)).await.unwrap_err();
    assert_eq!(error, Error::Certificate(problem), "{error}");
    assert!(sim.control().requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn a_server_signed_by_a_ca_the_system_trusts_works_for_requests_and_the_push_socket() {
    let sim = https_sim(system_ca().server(HOSTS)).await;
    let client = Client::new(credentials(&sim)).unwrap();
    assert_eq!(client.current_user().await.unwrap().id, "admin");
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let push = caps.notify_push.unwrap().websocket_url().unwrap();
    assert_eq!(push.scheme(), "wss");
    let stream = client.push().connect(&push).await.unwrap();
    stream.close().await;
    // Login Flow too.
    let flow = LoginFlow::start(&sim.base_url().parse().unwrap()).await;
    assert!(flow.is_ok(), "{flow:?}");
}

#[tokio::test]
async fn a_ca_the_system_does_not_trust_is_an_unknown_authority() {
    let other = TestCa::new("somebody else's CA");
    let sim = https_sim(other.server(HOSTS)).await;
    let client = Client::new(credentials(&sim)).unwrap();
    refused_with(&sim, &client, CertificateProblem::UnknownAuthority).await;
}

#[tokio::test]
async fn a_self_signed_certificate_is_an_unknown_authority() {
    let sim = https_sim(certificates::self_signed(HOSTS)).await;
    let client = Client::new(credentials(&sim)).unwrap();
    refused_with(&sim, &client, CertificateProblem::UnknownAuthority).await;
    let error = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        Error::Certificate(CertificateProblem::UnknownAuthority)
    );
}

#[tokio::test]
async fn a_certificate_for_another_host_is_named_so() {
    let sim = https_sim(system_ca().server(&["cloud.example.com"])).await;
    let client = Client::new(credentials(&sim)).unwrap();
    refused_with(&sim, &client, CertificateProblem::WrongHost).await;
}

#[tokio::test]
async fn an_expired_certificate_is_named_so() {
    let sim = https_sim(system_ca().expired_server(HOSTS)).await;
    let client = Client::new(credentials(&sim)).unwrap();
    refused_with(&sim, &client, CertificateProblem::Expired).await;
}

#[tokio::test]
async fn a_pinned_self_signed_certificate_is_trusted_for_requests_and_the_push_socket() {
    // A home server's certificate for a name that is not its address: the pin is the trust.
    let identity = certificates::self_signed(&["nextcloud.home"]);
    let sim = https_sim(identity.clone()).await;
    let client = Client::with_connection(credentials(&sim), pinned(&identity)).unwrap();
    assert_eq!(client.current_user().await.unwrap().id, "admin");
    let stream = client.push().connect(&websocket(&sim)).await.unwrap();
    stream.close().await;
    let flow = LoginFlow::start_with(&sim.base_url().parse().unwrap(), pinned(&identity)).await;
    assert!(flow.is_ok(), "{flow:?}");
}

#[tokio::test]
async fn a_certificate_that_changed_since_it_was_pinned_is_refused() {
    let old = certificates::self_signed(HOSTS);
    let sim = https_sim(certificates::self_signed(HOSTS)).await;
    let client = Client::with_connection(credentials(&sim), pinned(&old)).unwrap();
    refused_with(&sim, &client, CertificateProblem::Changed).await;
}

#[tokio::test]
async fn a_pin_refuses_even_a_certificate_the_system_trusts() {
    // Pinning is exact: another certificate, however valid, is not the one the person trusted.
    let old = certificates::self_signed(HOSTS);
    let sim = https_sim(system_ca().server(HOSTS)).await;
    let client = Client::with_connection(credentials(&sim), pinned(&old)).unwrap();
    refused_with(&sim, &client, CertificateProblem::Changed).await;
}

#[tokio::test]
async fn inspect_shows_what_the_certificate_is_without_sending_a_request() {
    let identity = certificates::self_signed(&["nextcloud.home"]);
    let sim = https_sim(identity.clone()).await;
    let server: Url = sim.base_url().parse().unwrap();
    let info = nextcloud::inspect(&server, &Connection::default())
        .await
        .unwrap();
    assert_eq!(info.subject, "CN=nextcloud.home");
    assert_eq!(info.issuer, "CN=nextcloud.home");
    assert_eq!(
        info.fingerprint,
        Fingerprint::of(&identity.certificate_chain[0])
    );
    assert!(info.not_before.ends_with("UTC") && info.not_after.ends_with("UTC"));
    let shown = info.to_string();
    assert!(shown.contains(&info.fingerprint.to_string()), "{shown}");
    assert!(sim.control().requests().is_empty());

    let expired = https_sim(system_ca().expired_server(HOSTS)).await;
    let info = nextcloud::inspect(&expired.base_url().parse().unwrap(), &Connection::default())
        .await
        .unwrap();
    assert_eq!(info.issuer, "CN=nctray test system CA");
    assert_eq!(info.not_after, "2001-01-01 00:00 UTC");
}

#[tokio::test]
async fn the_pinned_certificate_also_trusts_the_daemon_on_its_own_port_of_the_same_host() {
    let identity = certificates::self_signed(&["nextcloud.home"]);
    let sim = https_sim_with_push(identity.clone(), PushSocket::OwnPort).await;
    let client = Client::with_connection(credentials(&sim), pinned(&identity)).unwrap();
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    let websocket = capability.websocket_url().unwrap();
    assert_eq!(websocket.scheme(), "wss");
    assert_ne!(websocket.port(), Some(sim.addr().port()));
    let mut listener = client
        .push()
        .listen_to(&capability, PushOptions::default())
        .unwrap();
    let first = tokio::time::timeout(std::time::Duration::from_secs(10), listener.next())
        .await
        .unwrap();
    assert_eq!(first, PushUpdate::Connected);
}

#[tokio::test]
async fn an_https_account_does_not_use_a_plain_ws_daemon() {
    let sim = https_sim_with_push(system_ca().server(HOSTS), PushSocket::OwnPortWithoutTls).await;
    let client = Client::new(credentials(&sim)).unwrap();
    let caps = client.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    assert_eq!(capability.websocket_url().unwrap().scheme(), "ws");
    let err = client
        .push()
        .listen_to(&capability, PushOptions::default())
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
    assert!(err.to_string().contains("unencrypted"), "{err}");
    // Not even with a token by hand: nothing reached the daemon.
    let err = nextcloud::PushStream::connect_pre_authenticated(
        &client,
        &capability.websocket_url().unwrap(),
        &capability.pre_auth_url().unwrap(),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("unencrypted"), "{err}");
    assert!(sim.control().push_socket_records().is_empty());
}

#[tokio::test]
async fn a_daemon_on_another_host_is_reached_when_the_system_trusts_its_certificate() {
    let sim = https_sim_with_push_on_another_host(system_ca().server(HOSTS)).await;
    let client = Client::new(credentials(&sim)).unwrap();
    assert_eq!(first_update(&client).await, PushUpdate::Connected);
    let records = sim.control().push_socket_records();
    assert_eq!(records.len(), 1);
    assert!(records[0]
        .received
        .iter()
        .all(|text| !text.contains("admin-app-password")));
}

#[tokio::test]
async fn the_accounts_pinned_certificate_is_no_trust_for_a_daemon_on_another_host() {
    // The same self-signed certificate on both ports: trusted by pin for the account's host,
    // unknown for the other host.
    let identity = certificates::self_signed(HOSTS);
    let sim = https_sim_with_push_on_another_host(identity.clone()).await;
    let client = Client::with_connection(credentials(&sim), pinned(&identity)).unwrap();
    assert_eq!(client.current_user().await.unwrap().id, "admin");
    match first_update(&client).await {
        PushUpdate::Disconnected(Error::Certificate(problem)) => {
            assert_eq!(problem, CertificateProblem::UnknownAuthority)
        }
        other => panic!("expected a certificate refusal, got {other:?}"),
    }
    assert!(sim.control().push_socket_records().is_empty());
}
