//! Who may drive the simulator over HTTP: only callers naming it by its own address (no DNS
//! rebinding, no other web page), and nobody at all when it runs as the demo. The request
//! log stays bounded.

use nctray_sim::{NewNotification, Sim, SimConfig, REQUEST_LOG_LIMIT};
use reqwest::header::{HOST, ORIGIN};
use serde_json::json;

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

fn notification() -> serde_json::Value {
    json!({ "user": "admin", "subject": "Injected over HTTP" })
}

#[tokio::test]
async fn the_control_api_answers_only_requests_to_its_own_address() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let url = format!("{}/_sim/notifications", sim.base_url());
    let port = sim.addr().port();

    // A page on a rebound name sends that name as Host.
    let rebound = client()
        .post(&url)
        .header(HOST, format!("attacker.example:{port}"))
        .json(&notification())
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status(), 403);
    // A page elsewhere posting to 127.0.0.1 sends its Origin.
    let cross_site = client()
        .post(&url)
        .header(ORIGIN, "https://attacker.example")
        .json(&notification())
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    assert!(sim.control().notifications("admin").is_empty());

    // The test's own call, by the address, works.
    let own = client()
        .post(&url)
        .json(&notification())
        .send()
        .await
        .unwrap();
    assert!(own.status().is_success(), "{own:?}");
    assert_eq!(sim.control().notifications("admin").len(), 1);
}

#[tokio::test]
async fn the_demo_has_no_control_over_http_only_in_process() {
    let sim = Sim::start(SimConfig {
        in_process_control_only: true,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let base = sim.base_url();
    let injected = client()
        .post(format!("{base}/_sim/notifications"))
        .json(&notification())
        .send()
        .await
        .unwrap();
    assert_eq!(injected.status(), 404);
    let approved = client()
        .post(format!("{base}/_sim/login-flow/approve"))
        .json(&json!({ "user": "admin" }))
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), 404);
    assert!(sim.control().notifications("admin").is_empty());

    sim.control()
        .inject_notification(NewNotification::new("admin", "From the process itself"));
    assert_eq!(sim.control().notifications("admin").len(), 1);
}

#[tokio::test]
async fn the_request_log_keeps_only_the_newest_requests() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = client();
    let extra = 25;
    for i in 0..REQUEST_LOG_LIMIT + extra {
        client
            .get(format!("{}/status.php?n={i}", sim.base_url()))
            .send()
            .await
            .unwrap();
    }
    let log = sim.control().requests();
    assert_eq!(log.len(), REQUEST_LOG_LIMIT);
    assert_eq!(log.first().unwrap().query, format!("n={extra}"));
    let last = REQUEST_LOG_LIMIT + extra - 1;
    assert_eq!(log.last().unwrap().query, format!("n={last}"));
}
