//! Reliability: whatever the server (or the network) does wrong, the supervised sync keeps
//! running, says what is wrong in the account state, keeps every cached notification and the
//! cached status, and picks up by itself once the fault is gone.
//!
//! Each fault mode of the simulator gets a test: 500, 503 maintenance, 401, garbage JSON, a
//! truncated body, a reset connection and a hang (a short one, and one past the client's 30 s
//! request timeout, which the client does not let callers shorten).

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{next_matching, wait_until, Setup};
use nctray_engine::nextcloud::{Notification, StatusType};
use nctray_engine::{
    supervise, AccountState, Engine, EngineEvent, NeverIdle, Popup, StatusSnapshot, SyncConfig,
};
use nctray_sim::{Fault, NewNotification, Sim};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};
use tokio::task::JoinHandle;
use tokio::time::{timeout, Instant};

const NOTIFICATIONS: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";
const HEARTBEAT: &str = "/ocs/v2.php/apps/user_status/api/v1/heartbeat";
/// Generous: every wait below normally ends within a few hundred milliseconds.
const LIMIT: Duration = Duration::from_secs(15);

/// One account synced by a running supervisor, on a real SQLite file.
struct Synced {
    sim: Sim,
    _dir: tempfile::TempDir,
    engine: Arc<Engine>,
    events: UnboundedReceiver<EngineEvent>,
    task: JoinHandle<()>,
}

fn fast_sync() -> SyncConfig {
    SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        status_every: Duration::from_millis(300),
        heartbeat_every: Duration::from_millis(200),
        max_backoff: Duration::from_millis(300),
        push: false,
        ..SyncConfig::default()
    }
}

impl Synced {
    /// A user with a status (away) and one notification, synced once: it popped up, and the
    /// cache holds it and the status.
    async fn start() -> Synced {
        let Setup { sim, dir } = Setup::new().await;
        let engine = Arc::new(common::engine(&sim, &dir));
        engine.status().set(StatusType::Away).await.unwrap();
        sim.control()
            .inject_notification(NewNotification::new("admin", "Kept through the fault"));
        let (events, task) = spawn_supervisor(&engine);
        let mut synced = Synced {
            sim,
            _dir: dir,
            engine,
            events,
            task,
        };
        // The poll hands over its popups before it reports the account online.
        assert_eq!(
            synced.next_popup().await.as_deref(),
            Some("Kept through the fault")
        );
        assert_eq!(synced.next_state().await, Some(AccountState::Online));
        synced
    }

    async fn next_state(&mut self) -> Option<AccountState> {
        next_matching(&mut self.events, LIMIT, |event| match event {
            EngineEvent::State(state) => Some(state.clone()),
            _ => None,
        })
        .await
    }

    async fn next_popup(&mut self) -> Option<String> {
        let engine = self.engine.clone();
        next_matching(&mut self.events, LIMIT, |event| {
            common::report_shown(&engine, event);
            match event {
                EngineEvent::Popups(popups) => popups.iter().find_map(|p| match p {
                    Popup::One(n) => Some(n.subject.clone()),
                    Popup::Summary { .. } => None,
                }),
                _ => None,
            }
        })
        .await
    }

    fn cache(&self) -> (Vec<Notification>, Option<StatusSnapshot>) {
        (
            self.engine.notifications().cached().unwrap(),
            self.engine.status().cached().unwrap(),
        )
    }

    /// Waits until `count` more requests for `path` reached the server: the engine keeps
    /// trying (with backoff) instead of giving up or spinning.
    async fn wait_for_requests(&self, path: &str, count: usize) {
        let seen = |sim: &Sim| {
            sim.control()
                .requests()
                .iter()
                .filter(|r| r.path == path)
                .count()
        };
        let start = seen(&self.sim);
        wait_until(
            LIMIT,
            || seen(&self.sim) >= start + count,
            || format!("the engine stopped asking {path}"),
        )
        .await;
    }

    /// After the fault: a notification arriving now pops up, and the cache holds both.
    async fn picks_up_new_notifications(&mut self) {
        self.sim
            .control()
            .inject_notification(NewNotification::new("admin", "After the fault"));
        assert_eq!(self.next_popup().await.as_deref(), Some("After the fault"));
        let subjects: Vec<String> = self
            .engine
            .notifications()
            .cached()
            .unwrap()
            .into_iter()
            .map(|n| n.subject)
            .collect();
        assert_eq!(subjects, ["After the fault", "Kept through the fault"]);
        assert_eq!(
            self.engine
                .status()
                .cached()
                .unwrap()
                .map(|s| s.status_type()),
            Some(StatusType::Away)
        );
    }
}

fn spawn_supervisor(engine: &Arc<Engine>) -> (UnboundedReceiver<EngineEvent>, JoinHandle<()>) {
    let (tx, events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine.clone(),
        fast_sync(),
        Arc::new(NeverIdle),
        tx,
    ));
    (events, task)
}

fn offline(state: &Option<AccountState>) -> &str {
    match state {
        Some(AccountState::Offline { reason }) => reason,
        other => panic!("expected offline, got {other:?}"),
    }
}

/// The common script: the fault sets in, the account reports `expected`, the engine keeps
/// polling with the cache untouched, the fault ends, sync resumes by itself.
async fn survives(fault: Fault) -> (Synced, AccountState) {
    let mut synced = Synced::start().await;
    let before = synced.cache();

    synced.sim.control().set_fault(fault);
    let state = synced.next_state().await.expect("no state change reported");
    synced.wait_for_requests(NOTIFICATIONS, 3).await;
    assert!(
        !synced.task.is_finished(),
        "the sync gave up during {fault:?}"
    );
    assert_eq!(synced.cache(), before, "the cache changed during {fault:?}");

    synced.sim.control().set_fault(Fault::None);
    assert_eq!(synced.next_state().await, Some(AccountState::Online));
    synced.picks_up_new_notifications().await;
    assert!(!synced.task.is_finished());
    synced.task.abort();
    (synced, state)
}

#[tokio::test]
async fn a_server_error_takes_the_account_offline_keeps_the_cache_and_recovers() {
    let (_, state) = survives(Fault::ServerError).await;
    let reason = offline(&Some(state)).to_owned();
    assert!(reason.contains("500"), "{reason}");
}

#[tokio::test]
async fn maintenance_mode_is_reported_as_maintenance_keeps_the_cache_and_recovers() {
    let (_, state) = survives(Fault::Maintenance).await;
    assert_eq!(state, AccountState::Maintenance);
}

#[tokio::test]
async fn garbage_instead_of_json_takes_the_account_offline_keeps_the_cache_and_recovers() {
    let (_, state) = survives(Fault::Garbage).await;
    let reason = offline(&Some(state)).to_owned();
    assert!(reason.contains("cannot read"), "{reason}");
}

#[tokio::test]
async fn a_truncated_answer_takes_the_account_offline_keeps_the_cache_and_recovers() {
    let (_, state) = survives(Fault::Truncated).await;
    offline(&Some(state));
}

#[tokio::test]
async fn a_reset_connection_takes_the_account_offline_keeps_the_cache_and_recovers() {
    let (_, state) = survives(Fault::Reset).await;
    offline(&Some(state));
}

#[tokio::test]
async fn a_refused_app_password_asks_to_sign_in_stops_polling_and_keeps_the_cache() {
    let mut synced = Synced::start().await;
    let before = synced.cache();
    synced.sim.control().set_fault(Fault::Unauthorized);
    assert_eq!(synced.next_state().await, Some(AccountState::SignInNeeded));
    // Polling of this account stops: the supervisor ends and nothing more reaches the server.
    timeout(LIMIT, &mut synced.task)
        .await
        .expect("the sync went on after the server refused the password")
        .unwrap();
    let asked = synced.sim.control().requests().len();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(synced.sim.control().requests().len(), asked);
    assert_eq!(synced.cache(), before, "signing out deleted cached data");

    // Once the password works again (the user signed in), a new supervisor picks up.
    synced.sim.control().set_fault(Fault::None);
    let (events, task) = spawn_supervisor(&synced.engine);
    synced.events = events;
    synced.task = task;
    assert_eq!(synced.next_state().await, Some(AccountState::Online));
    synced.picks_up_new_notifications().await;
    synced.task.abort();
}

#[tokio::test]
async fn a_slow_server_keeps_the_account_online_and_the_cache_readable_while_it_hangs() {
    let mut synced = Synced::start().await;
    let before = synced.cache();
    let hang = Duration::from_secs(3);
    synced.sim.control().set_fault(Fault::Hang(hang));
    // Let the poll (and heartbeat) get stuck in the hanging server.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    assert_eq!(synced.cache(), before);
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "reading the cache waited for the network"
    );
    // Below the client's timeout a slow answer is no failure: no state change.
    synced.sim.control().set_fault(Fault::None);
    let change = next_matching(&mut synced.events, hang, |event| match event {
        EngineEvent::State(state) => Some(state.clone()),
        _ => None,
    })
    .await;
    assert_eq!(change, None, "a slow answer changed the state");
    assert!(!synced.task.is_finished());
    synced.picks_up_new_notifications().await;
    synced.task.abort();
}

/// The client's request timeout is a fixed 30 s (`nextcloud::client::REQUEST_TIMEOUT`), so
/// this test needs a hang just past it and takes about 35 s.
#[tokio::test]
async fn a_server_that_hangs_past_the_request_timeout_takes_the_account_offline_and_recovers() {
    let mut synced = Synced::start().await;
    let before = synced.cache();
    synced
        .sim
        .control()
        .set_fault(Fault::Hang(Duration::from_secs(32)));
    let state = next_matching(
        &mut synced.events,
        Duration::from_secs(45),
        |event| match event {
            EngineEvent::State(state) => Some(state.clone()),
            _ => None,
        },
    )
    .await;
    let reason = offline(&state).to_owned();
    assert!(reason.contains("did not answer in time"), "{reason}");
    assert!(!synced.task.is_finished());
    assert_eq!(synced.cache(), before);

    synced.sim.control().set_fault(Fault::None);
    let back = next_matching(
        &mut synced.events,
        Duration::from_secs(45),
        |event| match event {
            EngineEvent::State(state) => Some(state.clone()),
            _ => None,
        },
    )
    .await;
    assert_eq!(back, Some(AccountState::Online));
    synced.picks_up_new_notifications().await;
    synced.task.abort();
}

#[tokio::test]
async fn a_fault_of_the_notifications_endpoint_alone_takes_the_account_offline() {
    let mut synced = Synced::start().await;
    let before = synced.cache();
    synced
        .sim
        .control()
        .set_fault_for("/ocs/v2.php/apps/notifications/", Fault::ServerError);
    offline(&synced.next_state().await);
    synced.wait_for_requests(NOTIFICATIONS, 2).await;
    assert_eq!(synced.cache(), before);
    synced
        .sim
        .control()
        .set_fault_for("/ocs/v2.php/apps/notifications/", Fault::None);
    assert_eq!(synced.next_state().await, Some(AccountState::Online));
    synced.picks_up_new_notifications().await;
    synced.task.abort();
}

#[tokio::test]
async fn a_failing_heartbeat_alone_leaves_the_account_online_and_notifications_flowing() {
    let mut synced = Synced::start().await;
    // Online for a while: a status heartbeats keep alive (the chosen away gets none).
    synced
        .engine
        .status()
        .set(StatusType::Online)
        .await
        .unwrap();
    synced.sim.control().set_fault_for(HEARTBEAT, Fault::Reset);
    synced.wait_for_requests(HEARTBEAT, 2).await;
    synced.engine.status().set(StatusType::Away).await.unwrap();
    synced.picks_up_new_notifications().await;
    let state = next_matching(
        &mut synced.events,
        Duration::from_millis(500),
        |event| match event {
            EngineEvent::State(state) => Some(state.clone()),
            _ => None,
        },
    )
    .await;
    assert_eq!(state, None, "a failed heartbeat changed the account state");
    synced.task.abort();
}

#[tokio::test]
async fn a_server_in_maintenance_at_startup_is_waited_for_with_the_cache_readable() {
    let mut synced = Synced::start().await;
    synced.task.abort();
    let before = synced.cache();
    // A restart while the server is down for maintenance, capabilities included.
    synced.sim.control().set_fault(Fault::Maintenance);
    let (events, task) = spawn_supervisor(&synced.engine);
    synced.events = events;
    synced.task = task;
    // The cached capabilities let the sync start; its polls then meet the maintenance.
    assert_eq!(synced.next_state().await, Some(AccountState::Maintenance));
    assert_eq!(synced.cache(), before);
    synced.sim.control().set_fault(Fault::None);
    assert_eq!(synced.next_state().await, Some(AccountState::Online));
    synced.picks_up_new_notifications().await;
    synced.task.abort();
}
