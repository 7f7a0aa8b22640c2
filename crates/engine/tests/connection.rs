//! How an account reaches its server: a pinned certificate that changed stops the sync, and a
//! proxy (a real tinyproxy) carries the sync until it goes down, when the account reads
//! "offline: proxy unreachable"; a proxy with a login gets its password from the secrets the
//! shell read from the keyring, and one that refuses the login reads as a proxy problem,
//! never as "sign-in needed".

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::next_matching;
use nctray_engine::{
    supervise, AccountSecrets, AccountState, Engine, EngineEvent, NeverIdle, SyncConfig,
};
use nctray_sim::certificates::self_signed;
use nctray_sim::refusing_proxy::RefusingProxy;
use nctray_sim::tinyproxy::Tinyproxy;
use nctray_sim::{Sim, SimConfig};
use nextcloud::Fingerprint;
use tokio::sync::mpsc::unbounded_channel;

fn fast() -> SyncConfig {
    SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        max_backoff: Duration::from_millis(200),
        ..SyncConfig::default()
    }
}

fn state(event: &EngineEvent) -> Option<AccountState> {
    match event {
        EngineEvent::State(state) => Some(state.clone()),
        _ => None,
    }
}

#[tokio::test]
async fn a_certificate_that_changed_stops_the_sync_and_sends_nothing() {
    let sim = Sim::start(SimConfig {
        tls: Some(self_signed(&["127.0.0.1"])),
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let trusted_before = self_signed(&["127.0.0.1"]);
    let mut account = common::account(&sim);
    account.trusted_certificate = Some(Fingerprint::of(&trusted_before.certificate_chain[0]));
    let engine = Arc::new(
        Engine::open(
            account,
            "admin-app-password".to_owned(),
            &common::database(&dir),
        )
        .unwrap(),
    );
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine, fast(), Arc::new(NeverIdle), tx));
    let changed = next_matching(&mut events, Duration::from_secs(10), |event| {
        state(event).filter(|s| *s == AccountState::CertificateChanged)
    })
    .await;
    assert_eq!(changed, Some(AccountState::CertificateChanged));
    // The sync stopped: the supervisor ends, and no request ever reached the server.
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("the sync stops")
        .unwrap();
    assert!(sim.control().requests().is_empty());
}

#[tokio::test]
async fn a_sync_goes_through_the_accounts_proxy_and_reads_proxy_unreachable_when_it_is_down() {
    let mut proxy = Tinyproxy::start().unwrap();
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut account = common::account(&sim);
    account.proxy = Some(proxy.url());
    let engine = Arc::new(
        Engine::open(
            account,
            "admin-app-password".to_owned(),
            &common::database(&dir),
        )
        .unwrap(),
    );
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine, fast(), Arc::new(NeverIdle), tx));
    let online = next_matching(&mut events, Duration::from_secs(10), |event| {
        state(event).filter(|s| *s == AccountState::Online)
    })
    .await;
    assert_eq!(online, Some(AccountState::Online));
    let through_proxy = proxy.requests();
    let reached = sim.control().requests();
    assert!(!reached.is_empty());
    for request in &reached {
        let line = format!("{} {}{}", request.method, sim.base_url(), request.path);
        assert!(
            through_proxy.iter().any(|seen| seen.starts_with(&line)),
            "{line} went around the proxy: {through_proxy:?}"
        );
    }

    proxy.stop();
    let offline = next_matching(&mut events, Duration::from_secs(10), |event| {
        match state(event) {
            Some(AccountState::Offline { reason }) => Some(reason),
            _ => None,
        }
    })
    .await
    .expect("offline");
    // As the tray's tooltip shows it.
    assert!(
        format!("offline: {offline}").starts_with("offline: proxy unreachable"),
        "{offline}"
    );
    task.abort();
}

#[tokio::test]
async fn a_proxy_login_carries_the_sync_with_the_password_from_the_secrets() {
    let proxy = Tinyproxy::start_with_login("alice", "proxy-secret").unwrap();
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut account = common::account(&sim);
    // The config names the login, never the password.
    account.proxy = Some(proxy.url().replace("http://", "http://alice@"));
    let secrets = AccountSecrets {
        app_password: "admin-app-password".to_owned(),
        proxy_password: Some("proxy-secret".to_owned()),
    };
    let engine = Arc::new(Engine::open(account, secrets, &common::database(&dir)).unwrap());
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine, fast(), Arc::new(NeverIdle), tx));
    let online = next_matching(&mut events, Duration::from_secs(10), |event| {
        state(event).filter(|s| *s == AccountState::Online)
    })
    .await;
    assert_eq!(online, Some(AccountState::Online));
    let notifications = format!(
        "GET {}/ocs/v2.php/apps/notifications/api/v2/notifications",
        sim.base_url()
    );
    assert!(
        proxy
            .requests()
            .iter()
            .any(|seen| seen.starts_with(&notifications)),
        "{:?}",
        proxy.requests()
    );
    task.abort();
}

#[tokio::test]
async fn a_proxy_refusing_the_login_leaves_the_account_offline_naming_the_proxy_not_sign_in_needed()
{
    let proxy = RefusingProxy::start().await.unwrap();
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut account = common::account(&sim);
    account.proxy = Some(proxy.url());
    let engine = Arc::new(
        Engine::open(
            account,
            "admin-app-password".to_owned(),
            &common::database(&dir),
        )
        .unwrap(),
    );
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine, fast(), Arc::new(NeverIdle), tx));
    let first_failure = next_matching(&mut events, Duration::from_secs(10), |event| {
        state(event).filter(|s| *s != AccountState::Online)
    })
    .await
    .expect("a failure state");
    let AccountState::Offline { reason } = &first_failure else {
        panic!("a refused proxy login is not {first_failure:?}");
    };
    // As the tray's tooltip shows it.
    assert!(
        format!("offline: {reason}").starts_with("offline: proxy login refused"),
        "{reason}"
    );
    assert!(reason.contains(&proxy.url()["http://".len()..]), "{reason}");
    assert!(
        reason.contains("check the proxy's user and password"),
        "{reason}"
    );
    assert!(!proxy.request_lines().is_empty());
    assert!(sim.control().requests().is_empty());
    task.abort();
}
