//! Login Flow v2 on the simulator over loopback HTTP: init, the login page and its Approve
//! button, the control call, polling (404 `[]` until approved, then one 200), the 20-minute
//! expiry, and revoking the app password on sign-out.

use std::time::Duration;

use nctray_sim::{Sim, SimConfig};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[derive(Clone)]
struct Flow {
    token: String,
    endpoint: String,
    login: String,
}

async fn sim() -> (Sim, reqwest::Client) {
    let sim = Sim::start(SimConfig::default()).await.expect("sim starts");
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    (sim, client)
}

async fn start(sim: &Sim, client: &reqwest::Client) -> Flow {
    let response = client
        .post(format!("{}/index.php/login/v2", sim.base_url()))
        .header("User-Agent", "laptop (nctray - Linux)")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["Content-Type"],
        "application/json; charset=utf-8"
    );
    let body: Value = response.json().await.unwrap();
    Flow {
        token: body["poll"]["token"].as_str().unwrap().to_owned(),
        endpoint: body["poll"]["endpoint"].as_str().unwrap().to_owned(),
        login: body["login"].as_str().unwrap().to_owned(),
    }
}

async fn poll(client: &reqwest::Client, flow: &Flow) -> (StatusCode, Value) {
    let response = client
        .post(&flow.endpoint)
        .form(&[("token", flow.token.as_str())])
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

async fn cloud_user(
    sim: &Sim,
    client: &reqwest::Client,
    login: &str,
    password: &str,
) -> StatusCode {
    client
        .get(format!("{}/ocs/v2.php/cloud/user", sim.base_url()))
        .basic_auth(login, Some(password))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn init_answers_plain_json_with_index_php_urls() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    assert_eq!(
        flow.endpoint,
        format!("{}/index.php/login/v2/poll", sim.base_url())
    );
    let prefix = format!("{}/index.php/login/v2/flow/", sim.base_url());
    assert!(flow.login.starts_with(&prefix), "{}", flow.login);
    assert_eq!(flow.token.len(), 128);
    // With the OCS headers the answer is the same: no envelope (183).
    let body: Value = client
        .post(format!("{}/index.php/login/v2", sim.base_url()))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body.get("ocs").is_none());
    assert!(body["poll"]["token"].is_string());
}

#[tokio::test]
async fn polling_is_404_with_an_empty_list_until_approved_then_200_once() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    assert_eq!(
        poll(&client, &flow).await,
        (StatusCode::NOT_FOUND, json!([]))
    );
    let bad = Flow {
        token: "nosuchtoken".into(),
        ..flow.clone()
    };
    assert_eq!(
        poll(&client, &bad).await,
        (StatusCode::NOT_FOUND, json!([]))
    );

    let password = sim.control().approve_login(&flow.login, "bob").unwrap();
    let (status, body) = poll(&client, &flow).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"server": sim.base_url(), "loginName": "bob", "appPassword": password})
    );
    assert_eq!(password.len(), 72);
    assert_eq!(poll(&client, &flow).await.0, 404, "only one 200");
    assert_eq!(cloud_user(&sim, &client, "bob", &password).await, 200);
}

#[tokio::test]
async fn the_login_page_approves_with_its_button() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    let page = client.get(&flow.login).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.headers()["Content-Type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = page.text().await.unwrap();
    assert!(html.contains(">Approve</button>"), "{html}");
    assert!(html.contains("laptop (nctray - Linux)"), "names the client");
    assert!(html.contains("<option value=\"admin\" selected>"));
    let action = format!(
        "action=\"{}\"",
        flow.login.trim_start_matches(&sim.base_url())
    );
    assert!(html.contains(&action), "the form posts back to the page");

    let approved = client
        .post(&flow.login)
        .form(&[("user", "carol"), ("approve", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), 200);
    assert!(approved.text().await.unwrap().contains("Account connected"));
    let (status, body) = poll(&client, &flow).await;
    assert_eq!(status, 200);
    assert_eq!(body["loginName"], "carol");
    let password = body["appPassword"].as_str().unwrap();
    assert!(sim.control().app_password_valid("carol", password));
}

#[tokio::test]
async fn the_control_route_approves_the_newest_waiting_flow() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    let response = client
        .post(format!("{}/_sim/login-flow/approve", sim.base_url()))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["login_name"], "admin");
    let (status, polled) = poll(&client, &flow).await;
    assert_eq!(status, 200);
    assert_eq!(polled["appPassword"], body["app_password"]);

    let nothing = client
        .post(format!("{}/_sim/login-flow/approve", sim.base_url()))
        .json(&json!({"user": "bob"}))
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.status(), 404, "no flow is waiting");
    sim.control().set_login_flow_user("bob");
    let flow = start(&sim, &client).await;
    let html = client
        .get(&flow.login)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<option value=\"bob\" selected>"));
}

#[tokio::test]
async fn a_flow_expires_after_20_minutes() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    sim.control().advance_clock(Duration::from_secs(19 * 60));
    assert!(client
        .get(&flow.login)
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    sim.control().advance_clock(Duration::from_secs(61));
    assert_eq!(sim.control().approve_login(&flow.token, "admin"), None);
    assert_eq!(client.get(&flow.login).send().await.unwrap().status(), 403);
    assert_eq!(
        poll(&client, &flow).await,
        (StatusCode::NOT_FOUND, json!([]))
    );

    // Approved but never polled: gone after 20 minutes too.
    let flow = start(&sim, &client).await;
    assert!(sim.control().approve_login(&flow.token, "admin").is_some());
    sim.control().advance_clock(Duration::from_secs(20 * 60));
    assert_eq!(poll(&client, &flow).await.0, 404);
}

#[tokio::test]
async fn deleting_the_app_password_signs_the_device_out() {
    let (sim, client) = sim().await;
    let flow = start(&sim, &client).await;
    let password = sim.control().approve_login(&flow.login, "bob").unwrap();
    let revoke = |password: String| {
        client
            .delete(format!("{}/ocs/v2.php/core/apppassword", sim.base_url()))
            .basic_auth("bob", Some(password))
            .header("OCS-APIRequest", "true")
            .header("Accept", "application/json")
            .send()
    };
    let response = revoke(password.clone()).await.unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ocs"]["data"], json!([]));
    assert_eq!(cloud_user(&sim, &client, "bob", &password).await, 401);
    assert!(!sim.control().app_password_valid("bob", &password));
    // The seeded app password still works; the login password cannot be revoked.
    assert_eq!(
        cloud_user(&sim, &client, "bob", "bob-app-password").await,
        200
    );
    assert_eq!(revoke("bob".into()).await.unwrap().status(), 403);
    // The seeded one can be revoked too, and an emptied password never signs in.
    assert_eq!(
        revoke("bob-app-password".into()).await.unwrap().status(),
        200
    );
    assert_eq!(
        cloud_user(&sim, &client, "bob", "bob-app-password").await,
        401
    );
    assert_eq!(cloud_user(&sim, &client, "bob", "").await, 401);
}
