//! `client.activity()` against the simulator (and, for what only a misbehaving server does, a
//! canned one): pages and their headers, following `Link`, conditional GETs, every documented
//! error status, filters, previews.

mod common;

use common::{basic, fixture, Answer, Canned};
use nctray_sim::{NewActivity, Sim, SimConfig};
use nextcloud::{ActivityQuery, Client, Credentials, Error, Sort};

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

fn client(sim: &Sim, login: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

/// `n` Talk activities for `user` that never merge, oldest first; returns the newest id.
fn calls(sim: &Sim, user: &str, n: i64) -> i64 {
    let mut last = 0;
    for i in 0..n {
        last = sim.control().record_activity(NewActivity {
            object_type: "room".into(),
            object_id: i + 1,
            subject: format!("You attended call {i}"),
            icon: "/apps/spreed/img/app-dark.svg".into(),
            ..NewActivity::new(user, "spreed", "spreed", format!("You attended call {i}"))
        });
    }
    last
}

#[tokio::test]
async fn pages_carry_the_paging_headers_and_follow_the_link_to_the_end() {
    let sim = sim().await;
    let newest = calls(&sim, "bob", 5);
    let client = client(&sim, "bob");
    let first = client
        .activity()
        .list(&ActivityQuery::new().filter("all").limit(2), None)
        .await
        .unwrap();
    let etag = first.etag.clone().expect("an ETag");
    assert!(
        !etag.starts_with('"'),
        "activity ETags are unquoted: {etag}"
    );
    let page = first.value.expect("a page");
    let ids: Vec<i64> = page.items.iter().map(|a| a.activity_id).collect();
    assert_eq!(ids, [newest, newest - 1]);
    assert_eq!(page.first_known, Some(newest));
    assert_eq!(page.last_given, Some(newest - 1));
    assert!(page.has_next());

    let second = page.next_page(&client).await.unwrap().expect("more");
    assert_eq!(second.items[0].activity_id, newest - 2);
    assert_eq!(second.first_known, None);
    let third = second.next_page(&client).await.unwrap().expect("more");
    assert_eq!(third.items.len(), 1);
    assert!(!third.has_next(), "a short page has no Link");
    assert_eq!(third.next_page(&client).await.unwrap(), None);

    // A full last page links on; the page after it is "nothing more" (a 304).
    let exact = client
        .activity()
        .list(&ActivityQuery::new().limit(5), None)
        .await
        .unwrap()
        .value
        .unwrap();
    assert_eq!(exact.items.len(), 5);
    assert!(exact.has_next());
    assert_eq!(exact.next_page(&client).await.unwrap(), None);
}

#[tokio::test]
async fn the_etag_makes_the_next_poll_cheap_until_something_happens() {
    let sim = sim().await;
    calls(&sim, "admin", 3);
    let client = client(&sim, "admin");
    let api = client.activity();
    let query = ActivityQuery::new();
    let first = api.list(&query, None).await.unwrap();
    let same = api.list(&query, first.etag.as_deref()).await.unwrap();
    assert!(same.is_unchanged());
    assert_eq!(same.etag, first.etag);
    let log = sim.control().requests();
    assert_eq!(log.last().unwrap().status, 304);
    assert!(log.last().unwrap().if_none_match);

    sim.control()
        .write_file("admin", "/new.txt", b"new")
        .unwrap();
    let changed = api.list(&query, first.etag.as_deref()).await.unwrap();
    let page = changed.value.expect("changed");
    assert_eq!(page.items[0].kind, "file_created");
    assert_ne!(changed.etag, first.etag);
}

#[tokio::test]
async fn nothing_after_since_is_none_in_both_directions() {
    let sim = sim().await;
    let newest = calls(&sim, "bob", 2);
    let client = client(&sim, "bob");
    let api = client.activity();
    let older = api
        .list(&ActivityQuery::new().since(newest - 1), None)
        .await
        .unwrap();
    assert!(older.is_unchanged());
    assert_eq!(
        older.etag.as_deref(),
        Some("d751713988987e9331980363e24189ce")
    );
    let newer = api
        .list(&ActivityQuery::new().since(newest).sort(Sort::Asc), None)
        .await
        .unwrap();
    assert!(newer.is_unchanged());
    let from_oldest = api
        .list(
            &ActivityQuery::new().since(newest - 1).sort(Sort::Asc),
            None,
        )
        .await
        .unwrap()
        .value
        .unwrap();
    assert_eq!(from_oldest.items[0].activity_id, newest);
    // A user without any activity: 304 for the first page.
    let carol = self::client(&sim, "carol");
    assert!(carol
        .activity()
        .list(&ActivityQuery::new(), None)
        .await
        .unwrap()
        .is_unchanged());
}

#[tokio::test]
async fn every_documented_error_status() {
    let sim = sim().await;
    let admins = calls(&sim, "admin", 1);
    calls(&sim, "bob", 1);
    let bob = client(&sim, "bob");
    let api = bob.activity();

    // 403: since belongs to another user.
    let err = api
        .list(&ActivityQuery::new().since(admins), None)
        .await
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(403));
    assert_eq!(err.kind(), "invalid");
    // 404: unknown filter.
    let err = api
        .list(&ActivityQuery::new().filter("nosuchfilter"), None)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    // 204: no activity types selected.
    sim.control().set_activity_stream("bob", false);
    let err = api.list(&ActivityQuery::new(), None).await.unwrap_err();
    assert_eq!(err, Error::NoContent);
    assert_eq!(err.kind(), "no_content");
    assert!(!err.is_transient());
    sim.control().set_activity_stream("bob", true);
    // 403: not logged in (a revoked app password).
    let revoked = Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "bob".into(),
        app_password: "revoked".into(),
    })
    .unwrap();
    assert_eq!(
        revoked
            .activity()
            .list(&ActivityQuery::new(), None)
            .await
            .unwrap_err(),
        Error::Unauthorized
    );
}

#[tokio::test]
async fn filters_objects_and_previews_are_typed() {
    let sim = sim().await;
    let control = sim.control();
    let file = control
        .write_file("admin", "/Photos/cat.png", b"png")
        .unwrap();
    control.write_file("admin", "/other.txt", b"x").unwrap();
    control
        .create_share("admin", "/Photos/cat.png", "bob")
        .unwrap();
    let client = client(&sim, "admin");
    let api = client.activity();

    let filters = api.filters().await.unwrap();
    assert_eq!(filters[0].id, "all");
    assert_eq!(filters[0].name, "All activities");
    assert!(filters
        .iter()
        .any(|f| f.id == "files_sharing" && f.priority == 31));

    let about = api
        .list(
            &ActivityQuery::new().object("files", file).previews(true),
            None,
        )
        .await
        .unwrap()
        .value
        .unwrap();
    let kinds: Vec<&str> = about.items.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, ["shared", "file_created"]);
    let shared = &about.items[0];
    assert_eq!(shared.subject, "You shared cat.png with @bob");
    assert_eq!(
        shared.subject_rich.template,
        "You shared {file} with {user}"
    );
    assert_eq!(
        shared.subject_rich.parameters["file"]["id"],
        file.to_string()
    );
    assert_eq!(shared.object_id, Some(file));
    assert_eq!(shared.user.as_deref(), Some("admin"));
    assert!(shared.timestamp().is_some());
    let preview = &about.items[1].previews[0];
    assert_eq!(preview.file_id, file);
    assert_eq!(preview.mime_type, "image/png");
    assert!(!preview.is_mime_type_icon);
    assert!(preview.source.starts_with(&sim.base_url()));

    let sharing = api
        .list(&ActivityQuery::new().filter("files_sharing"), None)
        .await
        .unwrap()
        .value
        .unwrap();
    assert_eq!(sharing.items.len(), 1);
    assert!(!sharing.has_next());
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_followed_on_the_accounts_own() {
    // Fixture 165's Link points at 127.0.0.1:8080 (where it was recorded), not at this server.
    let server = Canned::fixed(Answer::from_fixture(&fixture(
        "165-activity-all-limit2.json",
    )))
    .await;
    let client = server.client("admin");
    let first = client
        .activity()
        .list(&ActivityQuery::new().filter("all").limit(2), None)
        .await
        .unwrap();
    let page = first.value.unwrap();
    let next = page.next.clone().unwrap();
    assert!(client.is_same_origin(&next), "{next}");
    assert_eq!(next.query(), Some("since=114&limit=2&sort=desc"));
    page.next_page(&client).await.unwrap();
    let sent = server.requests();
    assert_eq!(sent.len(), 2, "nothing went to 127.0.0.1:8080");
    assert_eq!(
        sent[1].target,
        "/ocs/v2.php/apps/activity/api/v2/activity/all?since=114&limit=2&sort=desc"
    );
    assert_eq!(
        sent[1].header("authorization"),
        Some(basic("admin").as_str())
    );
}

#[tokio::test]
async fn a_foreign_next_url_set_by_hand_is_refused() {
    let sim = sim().await;
    calls(&sim, "bob", 3);
    let client = client(&sim, "bob");
    let mut page = client
        .activity()
        .list(&ActivityQuery::new().limit(1), None)
        .await
        .unwrap()
        .value
        .unwrap();
    page.next = Some("https://evil.example.com/steal".parse().unwrap());
    let err = page.next_page(&client).await.unwrap_err();
    assert_eq!(err.statuscode(), Some(0));
}
