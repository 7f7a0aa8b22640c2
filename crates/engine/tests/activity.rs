//! The activity stream against the simulated server, on a real SQLite file: the first sync,
//! catching up with `since` and `Link` paging, scrolling back, filters.

mod common;

use common::Setup;
use nctray_engine::nextcloud::Activity;
use nctray_sim::{LoggedRequest, NewActivity};

impl Setup {
    /// Records `n` activities in admin's stream, by `author`, that the server never merges
    /// (only files activities merge). Returns their ids, oldest first.
    fn record(&self, n: usize, app: &str, author: &str) -> Vec<i64> {
        (0..n)
            .map(|i| {
                let mut activity = NewActivity::new(
                    "admin",
                    app,
                    app,
                    format!("{author} did thing {i} in {app}"),
                );
                activity.author = author.into();
                self.control().record_activity(activity)
            })
            .collect()
    }

    /// The activity list requests since the log was last cleared.
    fn activity_requests(&self) -> Vec<LoggedRequest> {
        self.control()
            .requests()
            .into_iter()
            .filter(|r| r.path.ends_with("/apps/activity/api/v2/activity"))
            .collect()
    }
}

fn ids(list: &[Activity]) -> Vec<i64> {
    list.iter().map(|a| a.activity_id).collect()
}

fn newest_first(mut ids: Vec<i64>) -> Vec<i64> {
    ids.reverse();
    ids
}

#[tokio::test]
async fn the_first_sync_fetches_only_the_newest_page() {
    let setup = Setup::new().await;
    let recorded = setup.record(70, "spreed", "admin");
    let engine = setup.engine();

    assert_eq!(engine.activity().sync().await.unwrap(), 50);

    let requests = setup.activity_requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0].status, 200);
    assert!(!requests[0].query.contains("since"), "{requests:?}");
    let page = engine.activity().page(None, None, 100).unwrap();
    assert_eq!(ids(&page), newest_first(recorded[20..].to_vec()));
    assert!(engine.activity().has_older().unwrap());
}

#[tokio::test]
async fn a_later_sync_asks_only_for_what_came_after_the_newest_id() {
    let setup = Setup::new().await;
    let first = setup.record(60, "spreed", "admin");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    setup.control().clear_requests();

    let new = setup.record(3, "spreed", "admin");
    assert_eq!(engine.activity().sync().await.unwrap(), 3);
    let requests = setup.activity_requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(
        requests[0].query,
        format!(
            "since={}&limit=50&sort=asc&previews=true",
            first.last().unwrap()
        )
    );
    assert_eq!(requests[0].status, 200);
    let page = engine.activity().page(None, None, 4).unwrap();
    assert_eq!(
        ids(&page),
        [new[2], new[1], new[0], *first.last().unwrap()],
        "the new ones on top of the cached ones"
    );

    // Nothing happened: one conditional request, answered 304; also after a restart.
    setup.control().clear_requests();
    assert_eq!(engine.activity().sync().await.unwrap(), 0);
    drop(engine);
    assert_eq!(setup.engine().activity().sync().await.unwrap(), 0);
    let requests = setup.activity_requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    for request in &requests {
        assert_eq!(request.status, 304);
        assert!(request.if_none_match);
        assert_eq!(
            request.query,
            format!(
                "since={}&limit=50&sort=asc&previews=true",
                new.last().unwrap()
            )
        );
    }
}

#[tokio::test]
async fn catching_up_follows_the_link_pages_and_the_304_at_the_end_costs_one_request() {
    let setup = Setup::new().await;
    setup.record(5, "spreed", "admin");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    setup.control().clear_requests();

    // Two full pages: the server sends a Link after each, the one after the second is 304.
    let new = setup.record(100, "spreed", "admin");
    assert_eq!(engine.activity().sync().await.unwrap(), 100);
    let requests = setup.activity_requests();
    let shape: Vec<(u16, String)> = requests
        .iter()
        .map(|r| (r.status, r.query.clone()))
        .collect();
    assert_eq!(
        shape,
        [
            (
                200,
                format!("since={}&limit=50&sort=asc&previews=true", new[0] - 1)
            ),
            (
                200,
                format!("since={}&limit=50&sort=asc&previews=true", new[49])
            ),
            (
                304,
                format!("since={}&limit=50&sort=asc&previews=true", new[99])
            ),
        ]
    );
    assert_eq!(
        ids(&engine.activity().page(None, None, 100).unwrap()),
        newest_first(new.clone())
    );

    // A page that is not full has no Link: nothing more is asked.
    setup.control().clear_requests();
    setup.record(30, "spreed", "admin");
    assert_eq!(engine.activity().sync().await.unwrap(), 30);
    assert_eq!(setup.activity_requests().len(), 1);
}

#[tokio::test]
async fn scrolling_back_fetches_older_pages_until_the_beginning() {
    let setup = Setup::new().await;
    let recorded = setup.record(120, "spreed", "admin");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    setup.control().clear_requests();

    assert_eq!(engine.activity().load_older().await.unwrap(), 50);
    assert_eq!(engine.activity().load_older().await.unwrap(), 20);
    assert!(!engine.activity().has_older().unwrap());
    let requests = setup.activity_requests();
    let queries: Vec<&str> = requests.iter().map(|r| r.query.as_str()).collect();
    assert_eq!(
        queries,
        [
            format!("since={}&limit=50&previews=true", recorded[70]),
            format!("since={}&limit=50&previews=true", recorded[20]),
        ]
    );

    // At the beginning nothing more is asked.
    assert_eq!(engine.activity().load_older().await.unwrap(), 0);
    assert_eq!(setup.activity_requests().len(), 2);

    // The windows page through the cache newest first.
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = engine.activity().page(None, before, 50).unwrap();
        let Some(last) = page.last() else { break };
        before = Some(last.activity_id);
        seen.extend(ids(&page));
    }
    assert_eq!(seen, newest_first(recorded));
}

#[tokio::test]
async fn a_poll_during_a_scroll_back_never_undoes_it() {
    let setup = Setup::new().await;
    let recorded = setup.record(400, "spreed", "admin");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    setup.control().clear_requests();

    // The supervisor's poll and the window's scroll-back at the same time, page after page.
    let mut older = 0;
    loop {
        let (polled, scrolled) =
            tokio::join!(engine.activity().sync(), engine.activity().load_older());
        polled.unwrap();
        match scrolled.unwrap() {
            0 => break,
            n => older += n,
        }
    }
    assert_eq!(older, recorded.len() - 50);
    // Each older page was asked for once: no cursor went back.
    let scroll_backs: Vec<String> = setup
        .activity_requests()
        .into_iter()
        .filter(|r| !r.query.contains("sort=asc"))
        .map(|r| r.query)
        .collect();
    let mut unique = scroll_backs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), scroll_backs.len(), "{scroll_backs:?}");
}

#[tokio::test]
async fn filters_are_cached_a_day_and_applied_to_the_cache() {
    let setup = Setup::new().await;
    let mine = setup.record(2, "files_sharing", "admin");
    let theirs = setup.record(3, "spreed", "bob");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();

    let filters = engine.activity().filters().await.unwrap();
    assert!(filters.iter().any(|f| f.id == "files_sharing"));
    engine.activity().filters().await.unwrap();
    let asked = setup
        .control()
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/activity/filters"))
        .count();
    assert_eq!(asked, 1, "the second call reads the cache");
    assert_eq!(engine.activity().cached_filters().unwrap(), filters);

    let page = |filter| ids(&engine.activity().page(Some(filter), None, 50).unwrap());
    assert_eq!(page("files_sharing"), newest_first(mine.clone()));
    assert_eq!(page("self"), newest_first(mine.clone()));
    assert_eq!(page("by"), newest_first(theirs.clone()));
    assert!(page("calendar").is_empty());
    let unknown = engine.activity().page(Some("bogus"), None, 50).unwrap_err();
    assert_eq!(unknown.kind(), nctray_engine::ErrorKind::Invalid);
    assert!(unknown.to_string().contains("files_sharing"), "{unknown}");

    // Filters and pages come from the cache, also without the server.
    setup.sim.shutdown().await;
    assert_eq!(page("by"), newest_first(theirs));
    assert_eq!(engine.activity().filters().await.unwrap(), filters);
}

#[tokio::test]
async fn the_cache_and_the_server_agree_on_each_filter() {
    let setup = Setup::new().await;
    setup.record(2, "files_sharing", "admin");
    setup.record(2, "spreed", "bob");
    setup.record(1, "files_sharing", "bob");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    for filter in ["all", "self", "by", "files_sharing", "calendar"] {
        let answer = engine
            .client()
            .activity()
            .list(
                &nctray_engine::nextcloud::ActivityQuery::new().filter(filter),
                None,
            )
            .await
            .unwrap();
        let server = answer
            .value
            .map(|page| ids(&page.items))
            .unwrap_or_default();
        let cached = ids(&engine.activity().page(Some(filter), None, 50).unwrap());
        assert_eq!(cached, server, "filter {filter}");
    }
}

#[tokio::test]
async fn a_cursor_the_server_forgot_starts_over_from_the_newest_page() {
    let setup = Setup::new().await;
    setup.record(10, "spreed", "admin");
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();

    // The server expired every row we know; the ids go on growing.
    setup.control().clear_activities();
    let new = setup.record(4, "spreed", "admin");
    setup.control().clear_requests();
    assert_eq!(engine.activity().sync().await.unwrap(), 4);
    assert_eq!(
        ids(&engine.activity().page(None, None, 4).unwrap()),
        newest_first(new.clone())
    );
    // From there on it catches up as usual.
    setup.control().clear_requests();
    assert_eq!(engine.activity().sync().await.unwrap(), 0);
    let requests = setup.activity_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].query,
        format!("since={}&limit=50&sort=asc&previews=true", new[3])
    );
}

#[tokio::test]
async fn merged_files_activities_are_cached_once_in_either_direction() {
    let setup = Setup::new().await;
    setup.control().seed_activities("admin", 130);
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    while engine.activity().has_older().unwrap() {
        engine.activity().load_older().await.unwrap();
    }
    setup.control().seed_activities("admin", 70);
    engine.activity().sync().await.unwrap();

    let cached = engine.activity().page(None, None, 1000).unwrap();
    let mut unique = ids(&cached);
    unique.dedup();
    assert_eq!(unique.len(), cached.len(), "no entry twice");
    // Every row of the server is in exactly one cached entry.
    let rows: usize = cached.iter().map(|a| a.objects.len().max(1)).sum::<usize>();
    assert_eq!(rows, setup.control().activity_count("admin"));
}

#[tokio::test]
async fn a_user_without_activity_types_has_nothing_to_sync() {
    let setup = Setup::new().await;
    setup.record(3, "spreed", "admin");
    setup.control().set_activity_stream("admin", false);
    let engine = setup.engine();
    assert_eq!(engine.activity().sync().await.unwrap(), 0);
    assert!(engine.activity().page(None, None, 10).unwrap().is_empty());

    setup.control().set_activity_stream("admin", true);
    assert_eq!(engine.activity().sync().await.unwrap(), 3);
}

#[tokio::test]
async fn files_entries_keep_their_previews_in_the_cache() {
    let setup = Setup::new().await;
    let file_id = setup
        .control()
        .write_file("admin", "/Photos/Kittens.jpg", b"kittens")
        .unwrap();
    let engine = setup.engine();
    engine.activity().sync().await.unwrap();
    setup.control().write_file("admin", "/notes.txt", b"later");
    engine.activity().sync().await.unwrap();

    let page = engine.activity().page(None, None, 10).unwrap();
    let kittens = page
        .iter()
        .find(|a| a.object_id == Some(file_id))
        .expect("the photo's entry");
    assert_eq!(kittens.previews.len(), 1, "{kittens:?}");
    assert_eq!(kittens.previews[0].file_id, file_id);
    assert!(!kittens.previews[0].is_mime_type_icon);
    assert!(kittens.previews[0]
        .source
        .contains("/index.php/core/preview?fileId="));
    assert!(
        page.iter().all(|a| !a.previews.is_empty()),
        "catching up asks for previews too: {page:?}"
    );
}
