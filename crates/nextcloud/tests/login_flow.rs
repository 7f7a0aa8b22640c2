//! Login Flow v2 and sign-out against the simulator, and what goes over the wire (canned
//! server): no credentials, the nctray User-Agent.

mod common;

use std::time::Duration;

use common::{Answer, Canned};
use nctray_sim::{Fault, Sim, SimConfig};
use nextcloud::{user_agent, Client, Error, LoginFlow, LoginPoll};
use serde_json::json;

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

#[tokio::test]
async fn sign_in_by_login_flow_then_read_the_user_id() {
    let sim = sim().await;
    let flow = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap();
    assert!(flow
        .login_url()
        .as_str()
        .starts_with(&format!("{}/index.php/login/v2/flow/", sim.base_url())));
    assert_eq!(
        flow.poll_endpoint().as_str(),
        format!("{}/index.php/login/v2/poll", sim.base_url())
    );
    assert!(!flow.is_expired());
    assert_eq!(flow.poll().await.unwrap(), LoginPoll::Pending);

    let password = sim
        .control()
        .approve_login(flow.login_url().as_str(), "bob")
        .unwrap();
    let LoginPoll::Approved(credentials) = flow.poll().await.unwrap() else {
        panic!("approved");
    };
    assert_eq!(credentials.login_name, "bob");
    assert_eq!(credentials.app_password, password);
    assert_eq!(credentials.server.as_str(), format!("{}/", sim.base_url()));
    // The server answers 200 once.
    assert_eq!(flow.poll().await.unwrap(), LoginPoll::Pending);

    let client = Client::new(credentials).unwrap();
    assert_eq!(client.current_user().await.unwrap().id, "bob");
    assert!(
        !format!("{flow:?}").contains(flow.token()),
        "Debug hides the token"
    );
}

#[tokio::test]
async fn waiting_returns_as_soon_as_the_user_approves() {
    let sim = sim().await;
    let flow = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap();
    let control = sim.control();
    let login = flow.login_url().to_string();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        control.approve_login(&login, "carol").unwrap();
    });
    let credentials = tokio::time::timeout(
        Duration::from_secs(10),
        flow.wait_for_approval(Duration::from_millis(20)),
    )
    .await
    .expect("approved in time")
    .unwrap()
    .expect("not expired");
    assert_eq!(credentials.login_name, "carol");
}

#[tokio::test]
async fn a_flow_the_server_forgot_stays_pending_and_errors_are_typed() {
    let sim = sim().await;
    let server = sim.base_url().parse().unwrap();
    let flow = LoginFlow::start(&server).await.unwrap();
    sim.control().advance_clock(Duration::from_secs(21 * 60));
    assert_eq!(
        sim.control().approve_login(flow.token(), "admin"),
        None,
        "expired on the server"
    );
    assert_eq!(flow.poll().await.unwrap(), LoginPoll::Pending);

    sim.control().set_fault(Fault::Maintenance);
    assert_eq!(
        LoginFlow::start(&server).await.unwrap_err(),
        Error::Maintenance
    );
    assert_eq!(flow.poll().await.unwrap_err(), Error::Maintenance);
    sim.control().set_fault(Fault::ServerError);
    assert!(matches!(
        LoginFlow::start(&server).await,
        Err(Error::Http { status: 500, .. })
    ));
    sim.control().set_fault(Fault::Garbage);
    assert!(matches!(
        LoginFlow::start(&server).await,
        Err(Error::Decode(_))
    ));
    let err = LoginFlow::start(&"ftp://example.com".parse().unwrap())
        .await
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
}

#[tokio::test]
async fn login_flow_requests_carry_the_user_agent_and_no_credentials() {
    let server = Canned::start(|request| {
        let base = format!("http://{}/nextcloud", request.header("host").unwrap());
        if request.path().ends_with("/login/v2") {
            Answer::json(
                200,
                &json!({
                    "poll": {"token": "t0k3n", "endpoint": format!("{base}/index.php/login/v2/poll")},
                    "login": format!("{base}/index.php/login/v2/flow/x")
                }),
            )
        } else {
            Answer::json(
                200,
                &json!({"server": base, "loginName": "alice", "appPassword": "secret"}),
            )
        }
    })
    .await;
    let typed = format!("{}/nextcloud", server.url());
    let flow = LoginFlow::start(&typed.parse().unwrap()).await.unwrap();
    let sent = &server.requests()[0];
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.target, "/nextcloud/index.php/login/v2");
    assert_eq!(sent.header("user-agent"), Some(user_agent().as_str()));
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(flow.token(), "t0k3n");

    // The poll goes to the endpoint the server named, with the token as a form field.
    let LoginPoll::Approved(credentials) = flow.poll().await.unwrap() else {
        panic!("approved");
    };
    assert_eq!(credentials.server.as_str(), format!("{typed}/"));
    assert_eq!(credentials.login_name, "alice");
    let polled = &server.requests()[1];
    assert_eq!(polled.target, "/nextcloud/index.php/login/v2/poll");
    assert_eq!(polled.form()["token"], ["t0k3n"]);
    assert_eq!(polled.header("user-agent"), Some(user_agent().as_str()));
    assert_eq!(polled.header("authorization"), None);
}

/// `http://localhost:PORT` of a server that records what reaches it: another host name than
/// the simulator's `127.0.0.1`, though on this machine.
async fn bystander() -> (Canned, String) {
    let server = Canned::fixed(Answer::new(200, "{}")).await;
    let url = format!("http://localhost:{}", server.port);
    (server, url)
}

#[tokio::test]
async fn a_poll_endpoint_on_another_host_is_refused_and_never_asked() {
    let sim = sim().await;
    let (elsewhere, elsewhere_url) = bystander().await;
    sim.control()
        .misdirect_login_flow(Some(&elsewhere_url), None);
    let error = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.statuscode(), Some(0), "{error:?}");
    let shown = error.to_string();
    assert!(shown.contains("another server"), "{shown}");
    assert!(shown.contains(&elsewhere_url), "{shown}");
    assert!(elsewhere.requests().is_empty(), "the token went elsewhere");
}

#[tokio::test]
async fn a_grant_naming_another_host_is_refused_and_its_app_password_taken_back() {
    let sim = sim().await;
    let (elsewhere, elsewhere_url) = bystander().await;
    sim.control()
        .misdirect_login_flow(None, Some(&elsewhere_url));
    let flow = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap();
    let password = sim
        .control()
        .approve_login(flow.login_url().as_str(), "bob")
        .unwrap();
    let error = flow.poll().await.unwrap_err();
    assert!(error.to_string().contains("another server"), "{error}");
    assert!(elsewhere.requests().is_empty());
    assert!(
        !sim.control().app_password_valid("bob", &password),
        "the unused app password was revoked on the server that issued it"
    );
}

#[tokio::test]
async fn the_account_keeps_the_typed_address_when_the_server_names_another_path() {
    let sim = sim().await;
    let typed = sim.base_url();
    sim.control()
        .misdirect_login_flow(None, Some(&format!("{typed}/elsewhere")));
    let flow = LoginFlow::start(&typed.parse().unwrap()).await.unwrap();
    sim.control()
        .approve_login(flow.login_url().as_str(), "bob")
        .unwrap();
    let LoginPoll::Approved(credentials) = flow.poll().await.unwrap() else {
        panic!("approved");
    };
    assert_eq!(credentials.server.as_str(), format!("{typed}/"));
}

#[tokio::test]
async fn signing_out_revokes_the_app_password() {
    let sim = sim().await;
    let flow = LoginFlow::start(&sim.base_url().parse().unwrap())
        .await
        .unwrap();
    sim.control()
        .approve_login(flow.token(), "admin")
        .expect("approved");
    let LoginPoll::Approved(credentials) = flow.poll().await.unwrap() else {
        panic!("approved");
    };
    let password = credentials.app_password.clone();
    let client = Client::new(credentials).unwrap();
    client.revoke_app_password().await.unwrap();
    assert!(!sim.control().app_password_valid("admin", &password));
    assert_eq!(
        client.current_user().await.unwrap_err(),
        Error::Unauthorized
    );
    assert_eq!(
        client.revoke_app_password().await.unwrap_err(),
        Error::Unauthorized
    );

    // Signed in with the login password: there is no app password to revoke.
    let with_password = Client::new(nextcloud::Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "bob".into(),
        app_password: "bob".into(),
    })
    .unwrap();
    let err = with_password.revoke_app_password().await.unwrap_err();
    assert_eq!(err.statuscode(), Some(403));
}
