//! What the supervised sync of one account costs the server in an idle hour, read from the
//! simulator's request log. The hour is scaled: every interval of `SyncConfig` is divided by
//! [`SCALE`], so one hour passes in 36 s. Counts are checked against the targets from above
//! (a loaded machine fires timers late, which only lowers them) and, where a rule says
//! "nothing", against zero.

mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{next_matching, wait_until, Setup};
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{
    supervise, AccountState, Engine, EngineEvent, IdleSource, NeverIdle, SyncConfig,
};
use nctray_sim::{Fault, NewNotification, Sim, SimConfig};
use tokio::sync::mpsc::unbounded_channel;
use tokio::task::JoinHandle;

/// One real hour in 36 s.
const SCALE: u32 = 100;
const HOUR: Duration = Duration::from_secs(3600 / SCALE as u64);
/// The server's poll interval (the simulator's `pollinterval`), scaled.
const POLL: Duration = Duration::from_millis(60_000 / SCALE as u64);

/// The default intervals, scaled.
fn scaled(push: bool) -> SyncConfig {
    SyncConfig {
        push,
        ..SyncConfig::default().scaled(Duration::from_secs(60), SCALE)
    }
}

/// The desktop's idle time, as the test sets it.
#[derive(Default)]
struct Desktop(AtomicU64);

impl Desktop {
    fn idle_for(&self, idle: Duration) {
        self.0.store(idle.as_secs(), Ordering::SeqCst);
    }
}

impl IdleSource for Desktop {
    fn idle_for(&self) -> Option<Duration> {
        Some(Duration::from_secs(self.0.load(Ordering::SeqCst)))
    }
}

/// admin's sync running against `sim`, started and past its start-up (capabilities, the
/// first sync, the push socket's refresh): the request log is cleared after it.
async fn idle_sync(
    sim: &Sim,
    dir: &tempfile::TempDir,
    config: SyncConfig,
    idle: Arc<dyn IdleSource>,
) -> (Arc<Engine>, JoinHandle<()>) {
    let engine = Arc::new(common::engine(sim, dir));
    let push = config.push;
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine.clone(), config, idle, tx));
    let online = next_matching(&mut events, Duration::from_secs(10), |event| {
        matches!(event, EngineEvent::State(AccountState::Online)).then_some(())
    })
    .await;
    assert!(online.is_some(), "the sync never got online");
    if push {
        wait_until(
            Duration::from_secs(10),
            || sim.control().push_sockets() == 1,
            || "the push socket never opened".into(),
        )
        .await;
    }
    tokio::time::sleep(POLL * 3).await;
    sim.control().clear_requests();
    (engine, task)
}

/// Requests per endpoint (`GET apps/spreed/api/v4/room`) in the log.
fn per_endpoint(sim: &Sim) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for request in sim.control().requests() {
        let path = request.path.trim_start_matches("/ocs/v2.php/");
        *counts
            .entry(format!("{} {path}", request.method))
            .or_default() += 1;
    }
    counts
}

fn count(counts: &BTreeMap<String, usize>, endpoint: &str) -> usize {
    counts.get(endpoint).copied().unwrap_or_default()
}

const NOTIFICATIONS: &str = "GET apps/notifications/api/v2/notifications";
const ACTIVITY: &str = "GET apps/activity/api/v2/activity";
const ROOMS: &str = "GET apps/spreed/api/v4/room";
const HEARTBEAT: &str = "PUT apps/user_status/api/v1/heartbeat";

fn room_list_requests(sim: &Sim) -> Vec<String> {
    sim.control()
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/apps/spreed/api/v4/room"))
        .map(|r| r.query)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_hour_without_push_costs_at_most_90_requests_and_10_kb() {
    let Setup { sim, dir } = Setup::new().await;
    common::engine(&sim, &dir)
        .status()
        .set(StatusType::Online)
        .await
        .unwrap();
    let (_engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    // Two hours: the hourly whole room list falls at either end of a single hour now and then.
    tokio::time::sleep(HOUR * 2).await;
    task.abort();

    let counts = per_endpoint(&sim);
    let total: usize = counts.values().sum();
    let bytes: u64 = sim.control().requests().iter().map(|r| r.bytes).sum();
    // The heartbeat's answers confirm the status: the safety net fetches nothing.
    assert!(
        !counts.keys().any(|e| e.starts_with("GET apps/user_status")),
        "{counts:#?}"
    );
    // Per two hours; one more than the intervals allow for where they start and the jitter.
    assert!(count(&counts, NOTIFICATIONS) <= 121, "{counts:#?}");
    assert!(count(&counts, HEARTBEAT) <= 25, "{counts:#?}");
    assert!(count(&counts, ROOMS) <= 25, "every 5 minutes: {counts:#?}");
    assert!(
        count(&counts, ACTIVITY) <= 9,
        "every 15 minutes: {counts:#?}"
    );
    assert!(total <= 2 * 90, "{total} requests: {counts:#?}");
    assert!(bytes <= 2 * 10_000, "{bytes} body bytes");
    // The room list asked only for changes, but for a whole list once an hour.
    let whole = room_list_requests(&sim)
        .iter()
        .filter(|query| !query.contains("modifiedSince="))
        .count();
    assert!(whole <= 3, "{whole} whole room lists");
}

#[tokio::test(flavor = "multi_thread")]
async fn with_push_an_idle_hour_costs_at_most_20_requests_and_activity_comes_only_when_pushed() {
    let Setup { sim, dir } = Setup::with(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await;
    sim.control()
        .set_push_ping_interval(Duration::from_secs(30) / SCALE);
    let (engine, task) = idle_sync(&sim, &dir, scaled(true), Arc::new(NeverIdle)).await;
    // Three quarters of an hour: no window shows the activity and push announced none.
    tokio::time::sleep(HOUR * 3 / 4).await;
    let counts = per_endpoint(&sim);
    assert_eq!(count(&counts, ACTIVITY), 0, "{counts:#?}");
    assert_eq!(count(&counts, ROOMS), 0, "{counts:#?}");
    assert!(count(&counts, NOTIFICATIONS) <= 4, "{counts:#?}");
    let total: usize = counts.values().sum();
    assert!(total <= 15, "{total} requests in 45 minutes: {counts:#?}");

    // Push says the activity changed: it is fetched.
    sim.control().write_file("admin", "Pushed.md", b"hello");
    wait_until(
        Duration::from_secs(10),
        || {
            engine
                .activity()
                .page(None, None, 10)
                .unwrap()
                .iter()
                .any(|a| a.subject.contains("Pushed.md"))
        },
        || format!("never fetched: {:#?}", per_endpoint(&sim)),
    )
    .await;
    task.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn no_heartbeat_goes_out_while_the_status_is_one_the_user_chose_until_it_is_online_again() {
    let Setup { sim, dir } = Setup::new().await;
    common::engine(&sim, &dir)
        .status()
        .set(StatusType::Dnd)
        .await
        .unwrap();
    let (_engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    tokio::time::sleep(HOUR / 2).await;
    let counts = per_endpoint(&sim);
    assert_eq!(count(&counts, HEARTBEAT), 0, "{counts:#?}");
    assert!(count(&counts, NOTIFICATIONS) > 0, "{counts:#?}");

    // Online again, chosen on another device: the list's status header tells, the
    // heartbeat resumes.
    let elsewhere = tempfile::tempdir().unwrap();
    common::engine(&sim, &elsewhere)
        .status()
        .set(StatusType::Online)
        .await
        .unwrap();
    wait_until(
        Duration::from_secs(10),
        || count(&per_endpoint(&sim), HEARTBEAT) > 0,
        || format!("the heartbeat never resumed: {:#?}", per_endpoint(&sim)),
    )
    .await;
    task.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_room_list_comes_every_five_minutes_while_the_chat_is_closed() {
    let Setup { sim, dir } = Setup::new().await;
    let (_engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    tokio::time::sleep(HOUR / 2).await;
    task.abort();
    let rooms = count(&per_endpoint(&sim), ROOMS);
    // Six in half an hour, give or take where it starts; every minute would be thirty.
    assert!((4..=7).contains(&rooms), "{rooms} room lists");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_room_list_comes_at_once_after_a_talk_notification_and_often_while_the_chat_is_open() {
    let Setup { sim, dir } = Setup::new().await;
    // The scheduled room list would come only in an hour: each one below has another reason.
    let config = SyncConfig {
        rooms_every: Duration::from_secs(3600),
        ..scaled(false)
    };
    let (engine, task) = idle_sync(&sim, &dir, config, Arc::new(NeverIdle)).await;
    assert!(room_list_requests(&sim).is_empty());

    sim.control().inject_notification(NewNotification {
        app: "spreed".into(),
        object_type: "chat".into(),
        ..NewNotification::new("admin", "bob mentioned you")
    });
    wait_until(
        Duration::from_secs(10),
        || !room_list_requests(&sim).is_empty(),
        || "the room list did not follow the Talk notification".into(),
    )
    .await;
    let after_notification = room_list_requests(&sim).len();

    engine.set_chat_open(true);
    wait_until(
        Duration::from_secs(10),
        || room_list_requests(&sim).len() >= after_notification + 3,
        || "the open chat's room list is not polled".into(),
    )
    .await;
    // Changes only: the chat fetches the whole list itself when it opens.
    assert!(
        room_list_requests(&sim)
            .iter()
            .all(|query| query.contains("modifiedSince=")),
        "{:?}",
        room_list_requests(&sim)
    );

    engine.set_chat_open(false);
    tokio::time::sleep(POLL * 2).await;
    let closed = room_list_requests(&sim).len();
    tokio::time::sleep(POLL * 5).await;
    assert_eq!(room_list_requests(&sim).len(), closed);
    task.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn after_half_an_hour_idle_notifications_come_every_five_minutes() {
    let Setup { sim, dir } = Setup::new().await;
    let desktop = Arc::new(Desktop::default());
    desktop.idle_for(Duration::from_secs(3600));
    let (_engine, task) = idle_sync(&sim, &dir, scaled(false), desktop).await;
    tokio::time::sleep(HOUR / 2).await;
    task.abort();
    let polls = count(&per_endpoint(&sim), NOTIFICATIONS);
    // Six in half an hour; thirty if the person were here.
    assert!((4..=7).contains(&polls), "{polls} polls");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_notifications_are_polled_at_once_when_the_person_is_back() {
    let Setup { sim, dir } = Setup::new().await;
    let desktop = Arc::new(Desktop::default());
    desktop.idle_for(Duration::from_secs(3600));
    // Away, the next poll would come only in an hour.
    let config = SyncConfig {
        idle_poll_every: Duration::from_secs(3600),
        ..scaled(false)
    };
    let (_engine, task) = idle_sync(&sim, &dir, config, desktop.clone()).await;
    tokio::time::sleep(POLL * 3).await;
    assert_eq!(count(&per_endpoint(&sim), NOTIFICATIONS), 0);

    desktop.idle_for(Duration::ZERO);
    wait_until(
        Duration::from_secs(10),
        || count(&per_endpoint(&sim), NOTIFICATIONS) > 0,
        || "not polled when the person came back".into(),
    )
    .await;
    task.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_out_account_sends_nothing_for_the_rest_of_the_hour() {
    let Setup { sim, dir } = Setup::new().await;
    let (_engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    sim.control().set_fault(Fault::Unauthorized);
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("the sync did not stop")
        .unwrap();
    sim.control().set_fault(Fault::None);
    sim.control().clear_requests();
    tokio::time::sleep(HOUR / 2).await;
    assert!(
        sim.control().requests().is_empty(),
        "{:#?}",
        per_endpoint(&sim)
    );
}

const OWN_STATUS: &str = "GET apps/user_status/api/v1/user_status";

#[tokio::test(flavor = "multi_thread")]
async fn an_automatic_status_the_server_lets_go_stale_costs_no_status_fetch_while_heartbeats_renew_it(
) {
    let Setup { sim, dir } = Setup::new().await;
    let (engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    // Three times past the server's 15 minutes: the list's header says "offline" until the
    // next heartbeat renews the status, and "online" again after it.
    for _ in 0..3 {
        sim.control().advance_clock(Duration::from_secs(16 * 60));
        tokio::time::sleep(HOUR / 12).await;
    }
    let counts = per_endpoint(&sim);
    assert!(count(&counts, HEARTBEAT) >= 3, "{counts:#?}");
    assert_eq!(count(&counts, OWN_STATUS), 0, "{counts:#?}");
    let cached = engine.status().cached().unwrap().unwrap();
    assert_eq!(cached.status_type(), StatusType::Online);
    task.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn invisible_chosen_on_another_device_still_reaches_the_cache_with_the_next_heartbeat() {
    let Setup { sim, dir } = Setup::new().await;
    let (engine, task) = idle_sync(&sim, &dir, scaled(false), Arc::new(NeverIdle)).await;
    // A chosen status still arrives at once. (A real server's header may show invisible as
    // "offline", like a status gone stale; then the next heartbeat, answered 204, fetches it.)
    let elsewhere = tempfile::tempdir().unwrap();
    common::engine(&sim, &elsewhere)
        .status()
        .set(StatusType::Invisible)
        .await
        .unwrap();
    wait_until(
        Duration::from_secs(10),
        || {
            engine
                .status()
                .cached()
                .unwrap()
                .is_some_and(|status| status.status_type() == StatusType::Invisible)
        },
        || {
            format!(
                "the chosen invisible never arrived: {:#?}",
                per_endpoint(&sim)
            )
        },
    )
    .await;
    task.abort();
}
