//! A Nextcloud installed below a path (`http://127.0.0.1:PORT/nextcloud`): every API works
//! through the base path, and credentials never go to another path on the same host.

mod common;

use std::time::Duration;

use common::{basic, Answer, Canned};
use nctray_sim::{NewNotification, NotificationAction, Sim, SimConfig};
use nextcloud::{
    talk::{NewMessage, NewRoom},
    ActivityQuery, Client, Credentials, LoginFlow, LoginPoll, PushOptions, PushUpdate, StatusType,
};

const PREFIX: &str = "/nextcloud";

async fn sim() -> Sim {
    Sim::start(SimConfig {
        path_prefix: Some(PREFIX.into()),
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn client(server: &str, login: &str) -> Client {
    Client::new(Credentials {
        server: server.parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

#[tokio::test]
async fn every_api_works_below_the_base_path() {
    let sim = sim().await;
    assert!(sim.base_url().ends_with(PREFIX), "{}", sim.base_url());
    let admin = client(&sim.base_url(), "admin");

    assert_eq!(admin.current_user().await.unwrap().id, "admin");
    let caps = admin.capabilities(None).await.unwrap().value.unwrap();
    assert_eq!(caps.version.major, 32);
    let status = admin
        .user_status()
        .set_status(StatusType::Dnd)
        .await
        .unwrap();
    assert_eq!(status.status, StatusType::Dnd);

    // Notifications and one of their actions.
    let id = sim.control().inject_notification(NewNotification {
        actions: vec![NotificationAction {
            label: "Dismiss".into(),
            link: format!(
                "{}/ocs/v2.php/apps/notifications/api/v2/notifications/1",
                sim.base_url()
            ),
            request_type: "DELETE".into(),
            primary: true,
        }],
        ..NewNotification::new("admin", "Hello below a path")
    });
    let list = admin.notifications().list(None).await.unwrap();
    let notification = &list.notifications.unwrap()[0];
    assert_eq!(notification.notification_id, id);
    admin
        .notifications()
        .run_action(&notification.actions[0])
        .await
        .unwrap();

    // Activity pages follow their next link, which names the base path.
    sim.control().seed_activities("admin", 5);
    let first = admin
        .activity()
        .list(&ActivityQuery::new().limit(2), None)
        .await
        .unwrap()
        .value
        .unwrap();
    let next = first.next.clone().expect("a full page links the next one");
    assert!(next.path().starts_with(PREFIX), "{next}");
    assert!(!first
        .next_page(&admin)
        .await
        .unwrap()
        .unwrap()
        .items
        .is_empty());

    // Images: an avatar and an icon the server names by path.
    let avatar = admin.images().avatar("admin", 64).await.unwrap();
    assert_eq!(avatar.content_type, "image/png");
    let icon = admin
        .images()
        .fetch(&format!("{PREFIX}/apps/files/img/add-color.svg"))
        .await
        .unwrap();
    assert_eq!(icon.content_type, "image/svg+xml");

    // A direct download link, fetched without credentials.
    let direct = admin.dav().direct_download(187).await.unwrap();
    assert!(direct.path().starts_with(PREFIX), "{direct}");
    let body = reqwest::get(direct).await.unwrap().text().await.unwrap();
    assert_eq!(body, "hello 1\n");

    // Talk.
    let talk = admin.talk();
    let token = talk
        .create_room(&NewRoom::group("Below a path"))
        .await
        .unwrap()
        .room
        .token;
    let sent = talk.send(&token, &NewMessage::new("hi")).await.unwrap();
    assert_eq!(sent.message.message, "hi");

    // Nothing reached the server outside its base path (the sim logs paths below it).
    for request in sim.control().requests() {
        assert!(
            request.status != 404 || request.path.contains("/avatar"),
            "{request:?}"
        );
    }
}

#[tokio::test]
async fn push_connects_through_the_capability_below_the_base_path() {
    let sim = sim().await;
    let carol = client(&sim.base_url(), "carol");
    let caps = carol.capabilities(None).await.unwrap().value.unwrap();
    let capability = caps.notify_push.unwrap();
    let websocket = capability.websocket_url().unwrap();
    assert!(websocket.path().starts_with(PREFIX), "{websocket}");
    let options = PushOptions {
        retry_min: Duration::from_millis(50),
        retry_max: Duration::from_millis(200),
        ..PushOptions::default()
    };
    let mut listener = carol.push().listen_to(&capability, options).unwrap();
    let first = tokio::time::timeout(Duration::from_secs(10), listener.next())
        .await
        .unwrap();
    assert_eq!(first, PushUpdate::Connected);
    let pre_auth = sim
        .control()
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/pre_auth") && r.user.as_deref() == Some("carol"))
        .count();
    assert_eq!(
        pre_auth, 1,
        "logged in with a token from below the base path"
    );
}

#[tokio::test]
async fn sign_in_below_the_base_path_keeps_it() {
    let sim = sim().await;
    let typed = sim.base_url();
    let flow = LoginFlow::start(&typed.parse().unwrap()).await.unwrap();
    assert!(flow.poll_endpoint().path().starts_with(PREFIX));
    sim.control()
        .approve_login(flow.login_url().as_str(), "bob")
        .unwrap();
    let LoginPoll::Approved(credentials) = flow.poll().await.unwrap() else {
        panic!("approved");
    };
    assert_eq!(credentials.server.as_str(), format!("{typed}/"));
    assert_eq!(
        Client::new(credentials)
            .unwrap()
            .current_user()
            .await
            .unwrap()
            .id,
        "bob"
    );
}

#[tokio::test]
async fn another_path_on_the_same_host_gets_no_credentials() {
    // One host, two apps: the account lives at /nextcloud, something else at /other.
    let host = Canned::fixed(Answer::new(200, "").header("Content-Type", "image/png")).await;
    let account = client(&format!("{}{PREFIX}", host.url()), "admin");
    let other = format!("{}/other/steal.png", host.url());
    assert!(account.is_same_origin(&other.parse().unwrap()));
    assert!(!account.is_account_url(&other.parse().unwrap()));
    for look_alike in [
        "/nextcloud-evil/x",
        "/nextcloud/../other/x",
        "/nextcloud/%2e%2e/other/x",
    ] {
        let url = format!("{}{look_alike}", host.url()).parse().unwrap();
        assert!(!account.is_account_url(&url), "{look_alike}");
    }

    let refused = account
        .images()
        .fetch("/other/steal.png")
        .await
        .unwrap_err();
    assert_eq!(refused.statuscode(), Some(0), "{refused:?}");
    let action = nextcloud::Action {
        label: "Accept".into(),
        link: other.clone(),
        kind: nextcloud::ActionType::Post,
        primary: true,
    };
    let refused = account
        .notifications()
        .run_action(&action)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("points away"), "{refused}");
    assert!(host.requests().is_empty(), "{:?}", host.requests());

    // Below the base path: with credentials.
    account
        .images()
        .fetch(&format!("{PREFIX}/core/img/logo.png"))
        .await
        .unwrap();
    let sent = host.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].header("authorization"),
        Some(basic("admin").as_str())
    );
}
