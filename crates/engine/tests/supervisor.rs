//! The supervised sync of one account against the simulator: push, states, recovery.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{next_matching, wait_until, Setup};
use nctray_engine::{supervise, AccountState, Engine, EngineEvent, NeverIdle, Popup, SyncConfig};
use nctray_sim::{Fault, NewNotification, Sim, SimConfig};
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::{timeout, Instant};

fn engine(sim: &Sim, dir: &tempfile::TempDir) -> Arc<Engine> {
    Arc::new(common::engine(sim, dir))
}

fn notification_polls(sim: &Sim) -> usize {
    sim.control()
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/api/v2/notifications"))
        .count()
}

/// Waits until the push socket's first refresh (a second notifications poll) has happened.
async fn wait_for_push_refresh(sim: &Sim) {
    wait_until(
        Duration::from_secs(10),
        || notification_polls(sim) >= 2,
        || "push never refreshed".into(),
    )
    .await;
}

#[tokio::test]
async fn with_push_a_new_notification_pops_up_within_a_second_although_polls_are_slow() {
    let Setup { sim, dir } = Setup::with(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_secs(600)),
        ..SyncConfig::default()
    };
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine(&sim, &dir),
        config,
        Arc::new(NeverIdle),
        tx,
    ));

    // The first poll, then the refresh the authenticated socket triggers.
    wait_for_push_refresh(&sim).await;
    // What is measured is the wake-up by push, not the daemon's debounce (tests/push.rs).
    sim.control()
        .set_push_debounce(Duration::ZERO, Duration::ZERO);

    let injected = Instant::now();
    sim.control()
        .inject_notification(NewNotification::new("admin", "Pushed to you"));
    let subject = next_matching(&mut events, Duration::from_secs(5), |event| match event {
        EngineEvent::Popups(popups) => popups.iter().find_map(|p| match p {
            Popup::One(n) => Some(n.subject.clone()),
            Popup::Summary { .. } => None,
        }),
        _ => None,
    })
    .await;
    let latency = injected.elapsed();
    assert_eq!(subject.as_deref(), Some("Pushed to you"));
    assert!(latency < Duration::from_millis(1500), "took {latency:?}");
    task.abort();
}

#[tokio::test]
async fn maintenance_is_reported_and_sync_recovers_by_itself() {
    let Setup { sim, dir } = Setup::new().await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(200)),
        max_backoff: Duration::from_millis(400),
        ..SyncConfig::default()
    };
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine(&sim, &dir),
        config,
        Arc::new(NeverIdle),
        tx,
    ));
    let state = |event: &EngineEvent| match event {
        EngineEvent::State(state) => Some(state.clone()),
        _ => None,
    };
    let limit = Duration::from_secs(10);
    assert_eq!(
        next_matching(&mut events, limit, state).await,
        Some(AccountState::Online)
    );

    sim.control().set_fault(Fault::Maintenance);
    assert_eq!(
        next_matching(&mut events, limit, state).await,
        Some(AccountState::Maintenance)
    );
    sim.control().set_fault(Fault::None);
    assert_eq!(
        next_matching(&mut events, limit, state).await,
        Some(AccountState::Online)
    );

    sim.shutdown().await;
    let offline = next_matching(&mut events, limit, state).await;
    assert!(
        matches!(offline, Some(AccountState::Offline { .. })),
        "{offline:?}"
    );
    task.abort();
}

#[tokio::test]
async fn a_refused_app_password_stops_the_sync_and_asks_to_sign_in() {
    let Setup { sim, dir } = Setup::new().await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        ..SyncConfig::default()
    };
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine(&sim, &dir),
        config,
        Arc::new(NeverIdle),
        tx,
    ));
    sim.control().set_fault(Fault::Unauthorized);
    let signed_out = next_matching(&mut events, Duration::from_secs(10), |event| {
        matches!(event, EngineEvent::State(AccountState::SignInNeeded)).then_some(())
    })
    .await;
    assert!(signed_out.is_some());
    // The supervisor ends by itself; no more requests reach the server.
    timeout(Duration::from_secs(5), task)
        .await
        .expect("sync still running")
        .unwrap();
    let requests = sim.control().requests().len();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sim.control().requests().len(), requests);
}

struct IdleFor(Duration);

impl nctray_engine::IdleSource for IdleFor {
    fn idle_for(&self) -> Option<Duration> {
        Some(self.0)
    }
}

#[tokio::test]
async fn an_idle_desktop_turns_away_but_never_overrides_a_chosen_status() {
    let Setup { sim, dir } = Setup::new().await;
    let idle = Arc::new(IdleFor(Duration::from_secs(3600)));
    let config = SyncConfig {
        heartbeat_every: Duration::from_millis(100),
        ..SyncConfig::default()
    };
    let status_of = |sim: &Sim| {
        sim.control()
            .own_status("admin")
            .map(|s| s["status"].as_str().unwrap_or_default().to_owned())
    };

    // No status chosen: the heartbeat reports the idle desktop as away.
    let (tx, _events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine(&sim, &dir),
        config.clone(),
        idle.clone(),
        tx,
    ));
    wait_until(
        Duration::from_secs(10),
        || status_of(&sim).as_deref() == Some("away"),
        || format!("never turned away: {:?}", status_of(&sim)),
    )
    .await;
    task.abort();

    // A status the user chose (dnd) stays, however idle the desktop is: the server would
    // answer a heartbeat 204, so none is sent.
    engine(&sim, &dir)
        .status()
        .set(nctray_engine::nextcloud::StatusType::Dnd)
        .await
        .unwrap();
    let heartbeats = |sim: &Sim| {
        sim.control()
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/heartbeat"))
            .count()
    };
    let before = heartbeats(&sim);
    let (tx, _events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine(&sim, &dir), config, idle, tx));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(heartbeats(&sim), before);
    assert_eq!(status_of(&sim).as_deref(), Some("dnd"));
    task.abort();
}

#[tokio::test]
async fn with_push_a_new_activity_is_in_the_cache_within_a_second() {
    let Setup { sim, dir } = Setup::with(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await;
    let engine = engine(&sim, &dir);
    let config = SyncConfig {
        notifications_every: Some(Duration::from_secs(600)),
        ..SyncConfig::default()
    };
    let (tx, _events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
    wait_for_push_refresh(&sim).await;
    sim.control()
        .set_push_debounce(Duration::ZERO, Duration::ZERO);

    let recorded = Instant::now();
    sim.control().write_file("admin", "Pushed.md", b"hello");
    loop {
        let page = engine.activity().page(None, None, 50).unwrap();
        if page.iter().any(|a| a.subject.contains("Pushed.md")) {
            break;
        }
        assert!(
            recorded.elapsed() < Duration::from_millis(1500),
            "not synced in time: {:?}",
            page.iter().map(|a| &a.subject).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    task.abort();
}

#[tokio::test]
async fn unread_talk_messages_from_another_user_reach_the_tray_badge() {
    let Setup { sim, dir } = Setup::new().await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(200)),
        ..SyncConfig::default()
    };
    let room = sim
        .control()
        .create_room("bob", 2, "Team")
        .expect("room created");
    assert!(sim.control().add_room_participant(&room, "admin"));
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(
        engine(&sim, &dir),
        config,
        Arc::new(NeverIdle),
        tx,
    ));
    sim.control()
        .post_chat_message("bob", &room, "Lunch at noon, @admin?");
    let unread = next_matching(&mut events, Duration::from_secs(10), |event| match event {
        EngineEvent::Unread(unread) if unread.total_unread > 0 => Some(unread.clone()),
        _ => None,
    })
    .await
    .expect("no unread counts");
    assert_eq!(unread.total_mentions, 1, "{unread:?}");
    assert!(unread.rooms.iter().any(|r| r.token == room));
    task.abort();
}

#[tokio::test]
async fn notifications_of_a_silent_app_are_listed_but_never_pop_up() {
    let Setup { sim, dir } = Setup::new().await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        silent_apps: vec!["files_sharing".into()],
        ..SyncConfig::default()
    };
    let engine = engine(&sim, &dir);
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
    // After the first sync, so that the two below are not folded into its summary.
    wait_until(
        Duration::from_secs(10),
        || notification_polls(&sim) >= 1,
        || "never polled".into(),
    )
    .await;

    let from = |app: &str, subject: &str| NewNotification {
        app: app.into(),
        ..NewNotification::new("admin", subject)
    };
    sim.control()
        .inject_notification(from("files_sharing", "Shared with you"));
    sim.control()
        .inject_notification(from("spreed", "You were mentioned"));
    let mut shown = Vec::new();
    let loud = next_matching(&mut events, Duration::from_secs(10), |event| {
        let EngineEvent::Popups(popups) = event else {
            return None;
        };
        shown.extend(popups.iter().cloned());
        shown
            .iter()
            .any(|p| matches!(p, Popup::One(n) if n.app == "spreed"))
            .then_some(())
    })
    .await;
    assert!(loud.is_some(), "the Talk notification never popped up");
    assert!(
        shown
            .iter()
            .all(|p| matches!(p, Popup::One(n) if n.app == "spreed")),
        "{shown:?}"
    );
    // Listed all the same.
    let cached = engine.notifications().cached().unwrap();
    assert!(
        cached.iter().any(|n| n.app == "files_sharing"),
        "{cached:?}"
    );
    task.abort();
}

#[tokio::test]
async fn a_notification_removed_elsewhere_is_announced_but_unchanged_polls_are_not() {
    let Setup { sim, dir } = Setup::new().await;
    let id = sim
        .control()
        .inject_notification(NewNotification::new("admin", "Dismissed in the browser"));
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        ..SyncConfig::default()
    };
    let engine = engine(&sim, &dir);
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
    let first = next_matching(&mut events, Duration::from_secs(10), |event| {
        matches!(event, EngineEvent::NotificationsChanged).then_some(())
    })
    .await;
    assert!(first.is_some(), "the first download was not announced");

    // Polls answered 304 announce nothing.
    let polls = notification_polls(&sim);
    wait_until(
        Duration::from_secs(10),
        || notification_polls(&sim) >= polls + 3,
        || "never polled again".into(),
    )
    .await;
    while let Ok(event) = events.try_recv() {
        assert!(
            !matches!(event, EngineEvent::NotificationsChanged),
            "a 304 was announced as a change"
        );
    }

    // Gone on the server (dismissed in the browser): the open windows hear of it.
    // The same user's DELETE from elsewhere: the server forgets it, this cache does not yet.
    engine.client().notifications().delete(id).await.unwrap();
    let gone = next_matching(&mut events, Duration::from_secs(10), |event| {
        matches!(event, EngineEvent::NotificationsChanged).then_some(())
    })
    .await;
    assert!(gone.is_some(), "the removal was not announced");
    assert!(engine.notifications().cached().unwrap().is_empty());
    task.abort();
}

/// The subjects of single popups in an event.
fn popped_up(event: &EngineEvent) -> Vec<String> {
    match event {
        EngineEvent::Popups(popups) => popups
            .iter()
            .filter_map(|p| match p {
                Popup::One(n) => Some(n.subject.clone()),
                Popup::Summary { .. } => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether a popup of `subject` is offered within ten seconds.
async fn offered(
    events: &mut tokio::sync::mpsc::UnboundedReceiver<EngineEvent>,
    subject: &str,
) -> bool {
    next_matching(events, Duration::from_secs(10), |event| {
        popped_up(event).iter().any(|s| s == subject).then_some(())
    })
    .await
    .is_some()
}

#[tokio::test]
async fn a_popup_the_desktop_did_not_take_is_offered_again_until_it_is_shown() {
    let Setup { sim, dir } = Setup::new().await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(100)),
        ..SyncConfig::default()
    };
    let engine = engine(&sim, &dir);
    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
    wait_until(
        Duration::from_secs(10),
        || notification_polls(&sim) >= 1,
        || "never polled".into(),
    )
    .await;
    sim.control()
        .inject_notification(NewNotification::new("admin", "Missed at first"));
    // Offered, not shown (no notification server yet): offered again.
    assert!(offered(&mut events, "Missed at first").await);
    assert!(
        offered(&mut events, "Missed at first").await,
        "never offered again"
    );
    engine
        .notifications()
        .popups_shown(
            &engine.notifications().due_popups().unwrap()[0..1]
                .iter()
                .map(|n| n.notification_id)
                .collect::<Vec<_>>(),
        )
        .unwrap();
    // Shown: the next notification pops up, the shown one never again.
    sim.control()
        .inject_notification(NewNotification::new("admin", "Next"));
    let mut after = Vec::new();
    let next = next_matching(&mut events, Duration::from_secs(15), |event| {
        after.extend(popped_up(event));
        after.contains(&"Next".to_owned()).then_some(())
    })
    .await;
    assert!(next.is_some(), "the next one never popped up");
    // Events sent before the report may still carry it; none after the next one does.
    assert!(
        !offered(&mut events, "Missed at first").await,
        "offered again after it was shown"
    );
    task.abort();
}
