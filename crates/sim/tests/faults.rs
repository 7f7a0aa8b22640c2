//! The simulator's fault modes as a client meets them on the wire: per path or global, broken
//! connections, hangs, and the response bytes in the request log.

use std::time::{Duration, Instant};

use nctray_sim::{Fault, Sim, SimConfig};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CAPABILITIES: &str = "/ocs/v2.php/cloud/capabilities";
const USER: &str = "/ocs/v2.php/cloud/user";
const NOTIFICATIONS: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";

/// Sends one HTTP/1.1 request by hand and reads until the server closes the connection.
/// Returns everything received, and whether the read ended in an error (reset) or EOF.
async fn raw_get(sim: &Sim, path: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(sim.addr()).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Basic YWRtaW46YWRtaW4tYXBwLXBhc3N3b3Jk\r\n\
         OCS-APIRequest: true\r\nAccept: application/json\r\nConnection: keep-alive\r\n\r\n",
        sim.addr()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server kept the connection open");
    received
}

fn split_response(raw: &[u8]) -> (String, Vec<u8>) {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete header block");
    (
        String::from_utf8_lossy(&raw[..end]).into_owned(),
        raw[end + 4..].to_vec(),
    )
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .expect("a Content-Length header")
}

#[tokio::test]
async fn a_truncated_answer_promises_more_bytes_than_it_sends_and_closes() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control().set_fault(Fault::Truncated);
    let (head, body) = split_response(&raw_get(&sim, USER).await);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let promised = content_length(&head);
    assert!(promised > 0);
    assert_eq!(body.len(), promised / 2, "{head}");

    let logged = sim.control().requests().pop().unwrap();
    assert_eq!(logged.status, 200);
    assert_eq!(logged.bytes, body.len() as u64);
}

#[tokio::test]
async fn a_reset_closes_the_connection_without_a_byte() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control().set_fault(Fault::Reset);
    assert!(raw_get(&sim, USER).await.is_empty());
    assert_eq!(sim.control().requests().pop().unwrap().bytes, 0);

    let client = reqwest::Client::new();
    let error = client
        .get(format!("{}{USER}", sim.base_url()))
        .send()
        .await
        .unwrap_err();
    assert!(!error.is_status(), "{error}");
}

#[tokio::test]
async fn a_hang_outlasts_a_client_timeout_and_then_answers_normally() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control()
        .set_fault(Fault::Hang(Duration::from_millis(1500)));
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let url = format!("{}{CAPABILITIES}", sim.base_url());
    let error = impatient
        .get(&url)
        .header("OCS-APIRequest", "true")
        .send()
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error}");

    let started = Instant::now();
    let patient = reqwest::Client::new()
        .get(&url)
        .header("OCS-APIRequest", "true")
        .send()
        .await
        .unwrap();
    assert_eq!(patient.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(1400));
}

#[tokio::test]
async fn a_fault_for_a_path_prefix_leaves_other_paths_alone_and_wins_over_the_global_one() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let control = sim.control();
    control.set_fault_for("/ocs/v2.php/apps/notifications/", Fault::ServerError);
    let client = reqwest::Client::new();
    let get = |path: &str| {
        client
            .get(format!("{}{path}", sim.base_url()))
            .basic_auth("admin", Some("admin-app-password"))
            .header("OCS-APIRequest", "true")
            .header("Accept", "application/json")
            .send()
    };
    assert_eq!(get(NOTIFICATIONS).await.unwrap().status(), 500);
    assert_eq!(get(USER).await.unwrap().status(), 200);

    control.set_fault(Fault::Maintenance);
    assert_eq!(get(NOTIFICATIONS).await.unwrap().status(), 500);
    assert_eq!(get(USER).await.unwrap().status(), 503);
    assert_eq!(control.fault_at(NOTIFICATIONS), Fault::ServerError);

    // `Fault::None` heals everything, the per-path faults too.
    control.set_fault(Fault::None);
    assert_eq!(get(NOTIFICATIONS).await.unwrap().status(), 200);
}

#[tokio::test]
async fn faults_are_set_and_read_over_http() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = reqwest::Client::new();
    let url = format!("{}/_sim/fault", sim.base_url());
    for body in [
        json!({"mode": "hang", "hang_ms": 2500}),
        json!({"mode": "reset", "path": "/ocs/v2.php/apps/notifications/"}),
    ] {
        let set = client.put(&url).json(&body).send().await.unwrap();
        assert_eq!(set.status(), 204);
    }
    let state: Value = client.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        state,
        json!({
            "mode": "hang", "hang_ms": 2500,
            "paths": [{"mode": "reset", "path": "/ocs/v2.php/apps/notifications/"}]
        })
    );
    assert_eq!(sim.control().fault_at(NOTIFICATIONS), Fault::Reset);
    assert_eq!(
        sim.control().fault(),
        Fault::Hang(Duration::from_millis(2500))
    );
    let unknown = client
        .put(&url)
        .json(&json!({"mode": "meltdown"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);
}

#[tokio::test]
async fn the_log_counts_body_bytes_and_a_304_costs_none() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = reqwest::Client::new();
    let list = |etag: Option<String>| {
        let mut request = client
            .get(format!("{}{NOTIFICATIONS}", sim.base_url()))
            .basic_auth("admin", Some("admin-app-password"))
            .header("OCS-APIRequest", "true")
            .header("Accept", "application/json");
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        request.send()
    };
    let first = list(None).await.unwrap();
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let body = first.bytes().await.unwrap();
    let again = list(Some(etag)).await.unwrap();
    assert_eq!(again.status(), 304);

    let log = sim.control().requests();
    assert_eq!(log[0].bytes, body.len() as u64);
    assert_eq!(log[1].bytes, 0);
}

#[tokio::test]
async fn webdav_and_login_flow_pages_meet_the_faults_of_their_paths_too() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let control = sim.control();
    control.set_fault_for("/remote.php/", Fault::Reset);
    control.set_fault_for("/index.php/login/", Fault::ServerError);
    let client = reqwest::Client::new();
    let listing = client
        .request(
            reqwest::Method::from_bytes(b"PROPFIND").unwrap(),
            format!("{}/remote.php/dav/files/admin/", sim.base_url()),
        )
        .basic_auth("admin", Some("admin-app-password"))
        .header("Depth", "1")
        .send()
        .await;
    assert!(listing.is_err(), "{listing:?}");
    let login = client
        .post(format!("{}/index.php/login/v2", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 500);

    control.set_fault(Fault::None);
    let listing = client
        .request(
            reqwest::Method::from_bytes(b"PROPFIND").unwrap(),
            format!("{}/remote.php/dav/files/admin/", sim.base_url()),
        )
        .basic_auth("admin", Some("admin-app-password"))
        .header("Depth", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(listing.status(), 207);
}
