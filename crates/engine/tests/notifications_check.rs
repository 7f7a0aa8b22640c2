//! `Notifications::check` (what `nctray notifications` shows) beside the tray's poll,
//! on one SQLite file: looking never takes a popup away from the tray.

mod common;

use common::{engine, Setup};
use nctray_engine::Engine;
use nctray_sim::NewNotification;

fn subjects(list: &[nctray_engine::nextcloud::Notification]) -> Vec<&str> {
    list.iter().map(|n| n.subject.as_str()).collect()
}

#[tokio::test]
async fn a_look_from_the_command_line_leaves_the_popup_to_the_tray() {
    let Setup { sim, dir } = Setup::new().await;
    let tray = engine(&sim, &dir);
    let cli = engine(&sim, &dir);
    let control = sim.control();
    control.inject_notification(NewNotification::new("admin", "Old news"));
    let first = tray.notifications().poll().await.unwrap();
    assert!(first.first_sync);
    show(&tray, &first.new);

    control.inject_notification(NewNotification::new("admin", "Fresh"));
    let check = cli.notifications().check().await.unwrap();
    assert!(check.offline.is_none());
    assert_eq!(subjects(&check.notifications), ["Fresh", "Old news"]);
    let unhandled: Vec<&str> = check
        .notifications
        .iter()
        .filter(|n| check.is_unhandled(n))
        .map(|n| n.subject.as_str())
        .collect();
    assert_eq!(unhandled, ["Fresh"], "the tray handled the old one");

    // The tray still pops the new one up, once.
    let poll = tray.notifications().poll().await.unwrap();
    assert_eq!(subjects(&poll.new), ["Fresh"]);
    assert!(!poll.first_sync);
    // Seen by the tray but not shown yet (no notification server so far): still unhandled.
    let check = cli.notifications().check().await.unwrap();
    assert_eq!(check.unhandled.len(), 1);
    show(&tray, &poll.new);
    let check = cli.notifications().check().await.unwrap();
    assert!(check.unhandled.is_empty());
    assert!(tray.notifications().poll().await.unwrap().new.is_empty());
}

#[tokio::test]
async fn a_look_before_the_tray_ever_ran_keeps_its_first_sync_summary() {
    let Setup { sim, dir } = Setup::new().await;
    sim.control()
        .inject_notification(NewNotification::new("admin", "Waiting"));
    let check = engine(&sim, &dir).notifications().check().await.unwrap();
    assert_eq!(check.unhandled.len(), 1);
    let poll = engine(&sim, &dir).notifications().poll().await.unwrap();
    assert!(
        poll.first_sync,
        "the tray still summarises what was waiting"
    );
    assert_eq!(subjects(&poll.new), ["Waiting"]);
}

#[tokio::test]
async fn without_the_server_the_cached_list_is_shown_with_the_reason() {
    let Setup { sim, dir } = Setup::new().await;
    sim.control()
        .inject_notification(NewNotification::new("admin", "Cached"));
    let engine = engine(&sim, &dir);
    let poll = engine.notifications().poll().await.unwrap();
    show(&engine, &poll.new);
    sim.shutdown().await;
    let check = engine.notifications().check().await.unwrap();
    assert_eq!(subjects(&check.notifications), ["Cached"]);
    assert!(check.offline.is_some());
    assert!(check.unhandled.is_empty());
}

#[tokio::test]
async fn a_revoked_app_password_is_an_error_not_an_offline_note() {
    let Setup { sim, dir } = Setup::new().await;
    let engine = Engine::open(
        common::account(&sim),
        "wrong".to_owned(),
        &common::database(&dir),
    )
    .unwrap();
    let error = engine.notifications().check().await.unwrap_err();
    assert_eq!(error.kind(), nctray_engine::ErrorKind::Unauthorized);
}

/// What the tray does once the notification server took the popups.
fn show(engine: &Engine, popped_up: &[nctray_engine::nextcloud::Notification]) {
    let ids: Vec<i64> = popped_up.iter().map(|n| n.notification_id).collect();
    engine.notifications().popups_shown(&ids).unwrap();
}
