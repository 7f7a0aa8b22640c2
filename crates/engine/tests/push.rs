//! notify_push as real servers run it: the daemon on its own port, logged in with a pre_auth
//! token, waking the sync so popups do not wait for the poll.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{next_matching, wait_until, Setup, PASSWORD};
use nctray_engine::{supervise, EngineEvent, NeverIdle, Popup, SyncConfig};
use nctray_sim::{NewNotification, PushPort, PushSocket, SimConfig};
use tokio::sync::mpsc::unbounded_channel;

#[tokio::test]
async fn with_the_daemon_on_its_own_port_a_notification_pops_up_without_waiting_for_the_hourly_poll(
) {
    let Setup { sim, dir } = Setup::with(SimConfig {
        push: true,
        push_socket: PushSocket::OwnPort,
        ..SimConfig::default()
    })
    .await;
    let config = SyncConfig {
        notifications_every: Some(Duration::from_secs(3600)),
        push_safety_every: Duration::from_secs(3600),
        ..SyncConfig::default()
    };
    let (tx, mut events) = unbounded_channel();
    let engine = Arc::new(common::engine(&sim, &dir));
    let task = tokio::spawn(supervise(engine, config, Arc::new(NeverIdle), tx));
    let notification_polls = || {
        sim.control()
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/api/v2/notifications"))
            .count()
    };
    // The first poll, then the refresh the authenticated socket triggers; the next poll is an
    // hour away.
    wait_until(
        Duration::from_secs(20),
        || sim.control().push_sockets() == 1 && notification_polls() >= 2,
        || format!("no push socket: {:?}", sim.control().push_socket_records()),
    )
    .await;

    sim.control().inject_notification(NewNotification::new(
        "admin",
        "Pushed from the daemon's port",
    ));
    let subject = next_matching(&mut events, Duration::from_secs(20), |event| match event {
        EngineEvent::Popups(popups) => popups.iter().find_map(|p| match p {
            Popup::One(n) => Some(n.subject.clone()),
            Popup::Summary { .. } => None,
        }),
        _ => None,
    })
    .await;
    assert_eq!(subject.as_deref(), Some("Pushed from the daemon's port"));
    task.abort();

    let records = sim.control().push_socket_records();
    assert!(records.iter().all(|r| r.listener == PushPort::OwnPort));
    assert!(records
        .iter()
        .flat_map(|r| &r.received)
        .all(|text| !text.contains(PASSWORD)));
}
