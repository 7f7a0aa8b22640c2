//! Full-text search over the cache against the simulated server, on a real SQLite file:
//! notifications, activities and chat messages, offline, and gone when the item is gone.

mod common;

use common::Setup;
use nctray_engine::store::search::{self, Kind};
use nctray_engine::SearchHit;
use nctray_sim::{NewActivity, NewNotification};

impl Setup {
    fn notify(&self, subject: &str, message: &str) -> i64 {
        let mut notification = NewNotification::new("admin", subject);
        notification.message = message.into();
        self.sim.control().inject_notification(notification)
    }

    fn record(&self, subject: &str) -> i64 {
        self.sim
            .control()
            .record_activity(NewActivity::new("admin", "spreed", "spreed", subject))
    }
}

/// `(kind, id)` of each hit.
fn found(hits: &[SearchHit]) -> Vec<(Kind, i64)> {
    hits.iter()
        .map(|hit| match hit {
            SearchHit::Notification { notification, .. } => {
                (Kind::Notification, notification.notification_id)
            }
            SearchHit::Activity { activity, .. } => (Kind::Activity, activity.activity_id),
            SearchHit::Message { message, .. } => (Kind::Message, message.id),
        })
        .collect()
}

#[tokio::test]
async fn everything_cached_is_found_after_the_server_is_gone() {
    let setup = Setup::new().await;
    let notification = setup.notify("Quarterly report is ready", "Open it in Files");
    let activity = setup.record("Carol commented on the quarterly report");
    setup.record("Lunch with the team");
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    engine.activity().sync().await.unwrap();
    setup.sim.shutdown().await;
    drop(engine);

    // A restarted engine with no server at all.
    let engine = setup.engine();
    let hits = engine.search("quarter REPORT", &[], 10).unwrap();
    let mut kinds = found(&hits);
    kinds.sort_by_key(|(kind, _)| kind.as_str());
    assert_eq!(
        kinds,
        [
            (Kind::Activity, activity),
            (Kind::Notification, notification)
        ]
    );
    let SearchHit::Notification {
        snippet,
        notification,
    } = &hits
        .iter()
        .find(|h| h.kind() == Kind::Notification)
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(snippet, "[Quarterly] [report] is ready\nOpen it in Files");
    assert_eq!(notification.message.as_deref(), Some("Open it in Files"));

    assert_eq!(
        found(&engine.search("report", &[Kind::Activity], 10).unwrap()),
        [(Kind::Activity, activity)]
    );
    assert_eq!(
        found(&engine.search("open files", &[], 10).unwrap()),
        [(Kind::Notification, notification.notification_id)],
        "the message is searched too"
    );
    assert!(engine
        .search("report", &[Kind::Message], 10)
        .unwrap()
        .is_empty());
    assert!(engine
        .search("nothing like it", &[], 10)
        .unwrap()
        .is_empty());
    assert!(engine.search("\"* OR (", &[], 10).unwrap().is_empty());
}

#[tokio::test]
async fn a_dismissed_notification_is_no_longer_found() {
    let setup = Setup::new().await;
    let first = setup.notify("Backup finished", "All files are safe");
    let second = setup.notify("Backup failed", "Disk full");
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    assert_eq!(engine.search("backup", &[], 10).unwrap().len(), 2);

    engine.notifications().dismiss(first).await.unwrap();
    assert_eq!(
        found(&engine.search("backup", &[], 10).unwrap()),
        [(Kind::Notification, second)]
    );

    engine.notifications().dismiss_all().await.unwrap();
    assert!(engine.search("backup", &[], 10).unwrap().is_empty());
    assert!(engine.notifications().cached().unwrap().is_empty());
    assert!(setup.sim.control().notifications("admin").is_empty());
}

#[tokio::test]
async fn a_notification_deleted_elsewhere_leaves_the_index_with_the_next_poll() {
    let setup = Setup::new().await;
    let id = setup.notify("Share accepted", "");
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    assert_eq!(engine.search("share", &[], 10).unwrap().len(), 1);

    // Dismissed in the browser.
    engine.client().notifications().delete(id).await.unwrap();
    engine.notifications().poll().await.unwrap();
    assert!(engine.search("share", &[], 10).unwrap().is_empty());
}

#[tokio::test]
async fn chat_messages_are_found_with_the_rest_while_they_are_cached() {
    let setup = Setup::new().await;
    setup.notify("Planning meeting moved", "");
    let control = setup.sim.control();
    let room = control.create_room("admin", 2, "Planning").unwrap();
    control.add_room_participant(&room, "bob");
    let asked = control.post_chat_message("bob", &room, "Is the planning meeting still on?");
    control.post_chat_message("admin", &room, "Yes, at three");
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    engine.talk().sync_rooms().await.unwrap();
    engine.talk().room_messages(&room, 20).await.unwrap();

    let hits = engine.search("planning meet", &[], 10).unwrap();
    let mut kinds = found(&hits);
    kinds.sort_by_key(|(kind, _)| kind.as_str());
    assert_eq!(kinds.len(), 2, "{hits:?}");
    assert_eq!(kinds[0], (Kind::Message, asked));
    assert_eq!(kinds[1].0, Kind::Notification);
    let SearchHit::Message {
        snippet, message, ..
    } = hits.iter().find(|h| h.kind() == Kind::Message).unwrap()
    else {
        unreachable!()
    };
    assert_eq!(snippet, "Is the [planning] [meeting] still on?");
    assert_eq!(message.token, room);

    // What the chat cache indexes with `store::search` on its own connection is found too,
    // and what it removes is gone.
    let conn = rusqlite::Connection::open(setup.database()).unwrap();
    let key = setup.account().key();
    search::remove(&conn, &key, Kind::Message, asked).unwrap();
    assert!(engine
        .search("planning", &[Kind::Message], 10)
        .unwrap()
        .is_empty());
    search::index(&conn, &key, Kind::Message, asked, "planning again").unwrap();
    assert_eq!(
        found(&engine.search("planning again", &[], 10).unwrap()),
        [(Kind::Message, asked)]
    );
    // An index entry whose message is not cached is not a hit.
    search::index(&conn, &key, Kind::Message, 999_999, "planning ghost").unwrap();
    assert!(engine.search("ghost", &[], 10).unwrap().is_empty());
}

#[tokio::test]
async fn the_newest_hits_come_first_and_the_limit_holds() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(setup.record(&format!("Invoice {i} paid")));
    }
    engine.activity().sync().await.unwrap();
    let hits = engine.search("invoice", &[Kind::Activity], 5).unwrap();
    // Recorded in the same second they tie on the date, and the higher id is the newer.
    let mut newest: Vec<(Kind, i64)> = ids.iter().map(|id| (Kind::Activity, *id)).collect();
    newest.reverse();
    newest.truncate(5);
    assert_eq!(found(&hits), newest);
    assert_eq!(
        engine
            .activity()
            .search(Some("all"), "invoice 7", 50)
            .unwrap()
            .len(),
        1
    );
}
