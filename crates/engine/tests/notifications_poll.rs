//! The engine against the simulated server, on a real SQLite file.

mod common;

use common::Setup;
use nctray_sim::{Fault, NewNotification};

impl Setup {
    fn notification_requests(&self) -> Vec<(u16, bool)> {
        self.control()
            .requests()
            .into_iter()
            .filter(|r| r.path.ends_with("/api/v2/notifications"))
            .map(|r| (r.status, r.if_none_match))
            .collect()
    }
}

fn subjects(list: &[nctray_engine::nextcloud::Notification]) -> Vec<&str> {
    list.iter().map(|n| n.subject.as_str()).collect()
}

#[tokio::test]
async fn a_new_notification_is_handed_over_once_also_across_restarts() {
    let setup = Setup::new().await;
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "Alice shared a file"));

    let engine = setup.engine();
    let first = engine.notifications().poll().await.unwrap();
    assert_eq!(subjects(&first.new), ["Alice shared a file"]);
    assert!(first.changed);

    let second = engine.notifications().poll().await.unwrap();
    assert!(second.new.is_empty(), "handed over twice: {:?}", second.new);
    assert!(!second.changed);
    assert_eq!(
        setup.notification_requests(),
        [(200, false), (304, true)],
        "the second poll must send the ETag back and get 304"
    );
    drop(engine);

    // A restart: a new engine on the same file hands nothing over again and still
    // polls conditionally.
    let restarted = setup.engine();
    let after_restart = restarted.notifications().poll().await.unwrap();
    assert!(after_restart.new.is_empty());
    assert_eq!(setup.notification_requests().last(), Some(&(304, true)));
    assert_eq!(
        subjects(&restarted.notifications().cached().unwrap()),
        ["Alice shared a file"]
    );

    // Only the next new one pops up.
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "Bob mentioned you"));
    let next = restarted.notifications().poll().await.unwrap();
    assert_eq!(subjects(&next.new), ["Bob mentioned you"]);
}

#[tokio::test]
async fn silent_notifications_and_do_not_disturb_do_not_pop_up_later_either() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    engine
        .status()
        .set(nctray_engine::nextcloud::StatusType::Online)
        .await
        .unwrap();
    let mut quiet = NewNotification::new("admin", "Background job finished");
    quiet.should_notify = false;
    setup.control().inject_notification(quiet);
    assert!(engine.notifications().poll().await.unwrap().new.is_empty());

    engine
        .status()
        .set(nctray_engine::nextcloud::StatusType::Dnd)
        .await
        .unwrap();
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "During focus time"));
    let during_dnd = engine.notifications().poll().await.unwrap();
    assert_eq!(during_dnd.server_status.as_deref(), Some("dnd"));
    assert!(during_dnd.new.is_empty());

    engine
        .status()
        .set(nctray_engine::nextcloud::StatusType::Online)
        .await
        .unwrap();
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "After focus time"));
    let after = engine.notifications().poll().await.unwrap();
    assert_eq!(subjects(&after.new), ["After focus time"]);
    assert_eq!(engine.notifications().cached().unwrap().len(), 3);
}

#[tokio::test]
async fn a_server_in_maintenance_keeps_the_cache_and_the_poll_recovers() {
    let setup = Setup::new().await;
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "Kept while offline"));
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();

    for fault in [Fault::Maintenance, Fault::Garbage, Fault::ServerError] {
        setup.control().set_fault(fault);
        let error = engine.notifications().poll().await.unwrap_err();
        assert_ne!(error.kind(), nctray_engine::ErrorKind::Database, "{error}");
        assert_eq!(
            subjects(&engine.notifications().cached().unwrap()),
            ["Kept while offline"],
            "cache lost during {fault:?}"
        );
    }
    setup.control().set_fault(Fault::Maintenance);
    assert_eq!(
        engine.notifications().poll().await.unwrap_err().kind(),
        nctray_engine::ErrorKind::Maintenance
    );

    setup.control().set_fault(Fault::None);
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "Back again"));
    let recovered = engine.notifications().poll().await.unwrap();
    assert_eq!(subjects(&recovered.new), ["Back again"]);
}

#[tokio::test]
async fn a_revoked_app_password_is_reported_as_sign_in_needed() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    setup.control().set_fault(Fault::Unauthorized);
    let error = engine.notifications().poll().await.unwrap_err();
    assert_eq!(error.kind(), nctray_engine::ErrorKind::Unauthorized);
}

#[tokio::test]
async fn the_first_sync_of_an_account_is_marked_so_it_can_be_summarised() {
    let setup = Setup::new().await;
    for subject in ["one", "two", "three", "four"] {
        setup
            .control()
            .inject_notification(NewNotification::new("admin", subject));
    }
    let engine = setup.engine();
    let first = engine.notifications().poll().await.unwrap();
    assert!(first.first_sync);
    assert_eq!(first.new.len(), 4);
    setup
        .control()
        .inject_notification(NewNotification::new("admin", "five"));
    let next = engine.notifications().poll().await.unwrap();
    assert!(!next.first_sync);
    assert_eq!(subjects(&next.new), ["five"]);
}

#[tokio::test]
async fn a_popup_stays_due_until_it_is_reported_shown_also_across_restarts() {
    let setup = Setup::new().await;
    let id = setup
        .control()
        .inject_notification(NewNotification::new("admin", "Alice shared a file"));
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    assert_eq!(
        subjects(&engine.notifications().due_popups().unwrap()),
        ["Alice shared a file"]
    );
    // The desktop did not take it (no notification server, a crash): a restart offers it.
    drop(engine);
    let restarted = setup.engine();
    restarted.notifications().poll().await.unwrap();
    assert_eq!(
        subjects(&restarted.notifications().due_popups().unwrap()),
        ["Alice shared a file"]
    );
    assert_eq!(restarted.notifications().still_due(&[id]).unwrap(), [id]);

    // Shown: never offered again, and a second report of the same popup settles nothing.
    assert_eq!(restarted.notifications().popups_shown(&[id]).unwrap(), [id]);
    assert!(restarted
        .notifications()
        .popups_shown(&[id])
        .unwrap()
        .is_empty());
    assert!(restarted
        .notifications()
        .still_due(&[id])
        .unwrap()
        .is_empty());
    drop(restarted);
    let again = setup.engine();
    again.notifications().poll().await.unwrap();
    assert!(again.notifications().due_popups().unwrap().is_empty());
}

#[tokio::test]
async fn a_popup_claimed_for_sending_goes_out_once_and_a_crash_while_sending_counts_as_shown() {
    let setup = Setup::new().await;
    let control = setup.control();
    let first = control.inject_notification(NewNotification::new("admin", "first"));
    let second = control.inject_notification(NewNotification::new("admin", "second"));
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();

    // Claimed: a second offer of the same popup finds it on its way, and it is not due.
    assert!(engine.notifications().claim_popups(&[first]).unwrap());
    assert!(!engine.notifications().claim_popups(&[first]).unwrap());
    assert!(!engine
        .notifications()
        .claim_popups(&[first, second])
        .unwrap());
    assert_eq!(
        subjects(&engine.notifications().due_popups().unwrap()),
        ["second"]
    );
    // The server did not take it: due again.
    engine.notifications().popups_not_shown(&[first]).unwrap();
    assert_eq!(
        subjects(&engine.notifications().due_popups().unwrap()),
        ["first", "second"]
    );

    // Claimed, then the process dies before the server's answer: the next start counts it
    // as shown; the one never claimed stays due.
    assert!(engine.notifications().claim_popups(&[first]).unwrap());
    drop(engine);
    let restarted = setup.engine();
    assert_eq!(
        restarted
            .notifications()
            .settle_interrupted_popups()
            .unwrap(),
        [first]
    );
    assert!(restarted
        .notifications()
        .settle_interrupted_popups()
        .unwrap()
        .is_empty());
    restarted.notifications().poll().await.unwrap();
    assert_eq!(
        subjects(&restarted.notifications().due_popups().unwrap()),
        ["second"]
    );

    // Claimed and shown: settled once, nothing left on its way.
    assert!(restarted.notifications().claim_popups(&[second]).unwrap());
    assert_eq!(
        restarted.notifications().popups_shown(&[second]).unwrap(),
        [second]
    );
    assert!(restarted
        .notifications()
        .settle_interrupted_popups()
        .unwrap()
        .is_empty());
    assert!(restarted.notifications().due_popups().unwrap().is_empty());
}
