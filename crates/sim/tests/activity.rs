//! The simulator's activity stream and what feeds it, over loopback HTTP: the activity v2 API
//! (paging, ETags, filters, errors), WebDAV and direct downloads, and user shares with their
//! pending-share notification.

mod common;

use std::time::Duration;

use nctray_sim::{NewActivity, Sim, SimConfig};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};

const ACTIVITY: &str = "/ocs/v2.php/apps/activity/api/v2/activity";
const SHARES: &str = "/ocs/v2.php/apps/files_sharing/api/v1/shares";
const NOTIFICATIONS: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";
const EMPTY_ETAG: &str = "d751713988987e9331980363e24189ce";

struct Fixture {
    sim: Sim,
    client: reqwest::Client,
}

/// One answer, read whole.
struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    text: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {:?}", self.text))
    }

    fn data(&self) -> Value {
        self.json()["ocs"]["data"].clone()
    }

    fn ids(&self) -> Vec<i64> {
        self.data()
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["activity_id"].as_i64().unwrap())
            .collect()
    }
}

impl Fixture {
    async fn start() -> Fixture {
        let (sim, client) = common::start(SimConfig::default()).await;
        Fixture { sim, client }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.sim.base_url())
        }
    }

    fn ocs(&self, user: &str, method: Method, path: &str) -> RequestBuilder {
        common::ocs(&self.client, user, method, self.url(path))
    }

    async fn answer(request: RequestBuilder) -> Answer {
        let response = request.send().await.expect("request");
        Answer {
            status: response.status(),
            headers: response.headers().clone(),
            text: response.text().await.expect("body"),
        }
    }

    async fn get(&self, user: &str, path: &str) -> Answer {
        Fixture::answer(self.ocs(user, Method::GET, path)).await
    }

    async fn post(&self, user: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        Fixture::answer(self.ocs(user, Method::POST, path).form(form)).await
    }

    async fn dav(&self, user: &str, method: &str, path: &str, body: &str) -> Answer {
        let request = self
            .client
            .request(
                Method::from_bytes(method.as_bytes()).unwrap(),
                self.url(&format!("/remote.php/dav/files/{user}{path}")),
            )
            .basic_auth(user, Some(format!("{user}-app-password")))
            .header("Depth", "1")
            .body(body.to_owned());
        Fixture::answer(request).await
    }
}

// ------------------------------------------------------------------ the activity API

#[tokio::test]
async fn a_user_without_activities_gets_304_with_the_etag_of_an_empty_list() {
    let f = Fixture::start().await;
    let answer = f.get("carol", ACTIVITY).await;
    assert_eq!(answer.status, 304);
    assert_eq!(answer.text, "");
    assert_eq!(answer.header("ETag"), Some(EMPTY_ETAG));
    assert_eq!(answer.header("Link"), None);
}

#[tokio::test]
async fn writing_files_records_activities_and_consecutive_ones_merge() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    for n in 1..=3 {
        control
            .write_file("bob", &format!("/notes-{n}.txt"), b"x")
            .unwrap();
    }
    assert_eq!(control.activity_count("bob"), 3);
    let answer = f.get("bob", &format!("{ACTIVITY}/all")).await;
    assert_eq!(answer.status, 200);
    let data = answer.data();
    assert_eq!(data.as_array().unwrap().len(), 1, "three rows, one entry");
    let entry = &data[0];
    assert_eq!(entry["type"], "file_created");
    assert_eq!(
        entry["subject_rich"][0],
        "You created {file3}, {file2} and {file1}"
    );
    assert_eq!(
        entry["subject"],
        "You created notes-3.txt, notes-2.txt and notes-1.txt"
    );
    assert_eq!(entry["subject_rich"][1]["file1"]["path"], "notes-1.txt");
    // The entry shows the oldest row's id and object; object_id is an int, the param id a
    // string.
    let ids: Vec<i64> = (1..=3)
        .map(|n| control.file_id("bob", &format!("/notes-{n}.txt")).unwrap())
        .collect();
    assert_eq!(entry["object_id"], ids[0]);
    assert_eq!(entry["subject_rich"][1]["file1"]["id"], ids[0].to_string());
    assert_eq!(entry["objects"].as_object().unwrap().len(), 3);
    assert_eq!(
        answer.header("X-Activity-Last-Given"),
        Some(entry["activity_id"].to_string().as_str())
    );

    control
        .write_file("bob", "/notes-1.txt", b"changed")
        .unwrap();
    let again = f.get("bob", &format!("{ACTIVITY}/all?limit=1")).await;
    assert_eq!(again.data()[0]["type"], "file_changed");
    assert_eq!(again.data()[0]["subject"], "You changed notes-1.txt");
}

#[tokio::test]
async fn pages_follow_the_link_until_a_304_at_the_end() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    for n in 0..5 {
        control.record_activity(NewActivity {
            object_type: "room".into(),
            object_id: n,
            ..NewActivity::new("bob", "spreed", "spreed", format!("Call {n}"))
        });
    }
    let first = f.get("bob", &format!("{ACTIVITY}/all?limit=2")).await;
    assert_eq!(first.status, 200);
    let newest = control.last_activity_id("bob").unwrap();
    assert_eq!(first.ids(), [newest, newest - 1]);
    assert_eq!(
        first.header("X-Activity-First-Known"),
        Some(newest.to_string().as_str())
    );
    assert_eq!(
        first.header("X-Activity-Last-Given"),
        Some((newest - 1).to_string().as_str())
    );
    let link = first.header("Link").unwrap().to_owned();
    let next = format!(
        "{}/ocs/v2.php/apps/activity/api/v2/activity/all?since={}&limit=2&sort=desc",
        f.sim.base_url(),
        newest - 1
    );
    assert_eq!(link, format!("<{next}>; rel=\"next\""));

    let second = f.get("bob", &next).await;
    assert_eq!(second.ids(), [newest - 2, newest - 3]);
    assert_eq!(
        second.header("X-Activity-First-Known"),
        None,
        "since was known"
    );
    let third_url = second.header("Link").unwrap();
    let third_url = &third_url[1..third_url.find('>').unwrap()];
    let third = f.get("bob", third_url).await;
    assert_eq!(third.ids(), [newest - 4]);
    assert_eq!(third.header("Link"), None, "the page was not full");
    let end = f
        .get("bob", &format!("{ACTIVITY}/all?since={}", newest - 4))
        .await;
    assert_eq!(end.status, 304);
    assert_eq!(end.header("ETag"), Some(EMPTY_ETAG));
    assert_eq!(end.header("X-Activity-Last-Given"), None);
}

#[tokio::test]
async fn a_full_last_page_still_has_a_link_and_the_next_one_is_304() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    for n in 0..2 {
        control.record_activity(NewActivity::new(
            "bob",
            "spreed",
            "spreed",
            format!("Call {n}"),
        ));
    }
    let page = f.get("bob", &format!("{ACTIVITY}/all?limit=2")).await;
    assert_eq!(page.ids().len(), 2);
    let link = page.header("Link").expect("a full page links on");
    let url = &link[1..link.find('>').unwrap()];
    assert_eq!(f.get("bob", url).await.status, 304);
}

#[tokio::test]
async fn the_etag_is_unquoted_and_a_match_answers_304_with_the_paging_headers() {
    let f = Fixture::start().await;
    f.sim.control().seed_activities("admin", 4);
    let page = f.get("admin", &format!("{ACTIVITY}/all?limit=2")).await;
    let etag = page.header("ETag").unwrap().to_owned();
    assert!(!etag.starts_with('"') && etag.len() == 32, "{etag}");

    let same = Fixture::answer(
        f.ocs("admin", Method::GET, &format!("{ACTIVITY}/all?limit=2"))
            .header("If-None-Match", &etag),
    )
    .await;
    assert_eq!(same.status, 304);
    assert_eq!(same.text, "");
    for header in [
        "ETag",
        "Link",
        "X-Activity-Last-Given",
        "X-Activity-First-Known",
    ] {
        assert_eq!(same.header(header), page.header(header), "{header}");
    }
    // Quoted, it is a different value: the server compares byte for byte.
    let quoted = Fixture::answer(
        f.ocs("admin", Method::GET, &format!("{ACTIVITY}/all?limit=2"))
            .header("If-None-Match", format!("\"{etag}\"")),
    )
    .await;
    assert_eq!(quoted.status, 200);
}

#[tokio::test]
async fn since_of_another_user_is_403_and_an_unknown_since_starts_at_the_newest() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    control.seed_activities("bob", 3);
    control.seed_activities("admin", 3);
    let admins = control.last_activity_id("admin").unwrap();
    let bobs = control.last_activity_id("bob").unwrap();

    let forbidden = f
        .get("bob", &format!("{ACTIVITY}/all?since={admins}"))
        .await;
    assert_eq!(forbidden.status, 403);
    assert_eq!(forbidden.json()["ocs"]["meta"]["statuscode"], 403);
    assert_eq!(forbidden.data(), json!([]));

    let unknown = f
        .get("bob", &format!("{ACTIVITY}/all?since=99999999&limit=1"))
        .await;
    assert_eq!(unknown.status, 200);
    assert_eq!(unknown.ids(), [bobs]);
    assert_eq!(
        unknown.header("X-Activity-First-Known"),
        Some(bobs.to_string().as_str())
    );
}

#[tokio::test]
async fn sort_asc_starts_at_the_oldest_and_newest_since_is_304() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    for n in 0..3 {
        control.record_activity(NewActivity::new(
            "bob",
            "spreed",
            "spreed",
            format!("Call {n}"),
        ));
    }
    let newest = control.last_activity_id("bob").unwrap();
    let asc = f
        .get("bob", &format!("{ACTIVITY}/all?sort=asc&limit=2"))
        .await;
    assert_eq!(asc.ids(), [newest - 2, newest - 1]);
    assert_eq!(
        asc.header("X-Activity-First-Known"),
        Some((newest - 2).to_string().as_str())
    );
    assert!(asc.header("Link").unwrap().contains("sort=asc"));
    let none = f
        .get("bob", &format!("{ACTIVITY}/all?since={newest}&sort=asc"))
        .await;
    assert_eq!(none.status, 304);
}

#[tokio::test]
async fn filters_are_listed_and_an_unknown_one_is_404() {
    let f = Fixture::start().await;
    let filters = f.get("admin", &format!("{ACTIVITY}/filters")).await;
    assert_eq!(filters.status, 200);
    let ids: Vec<String> = filters
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids[..3], ["all", "self", "by"]);
    assert!(ids.contains(&"files_sharing".to_owned()));
    assert_eq!(filters.data()[0]["priority"], 0);

    let unknown = f.get("admin", &format!("{ACTIVITY}/nosuchfilter")).await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json()["ocs"]["meta"]["statuscode"], 404);
}

#[tokio::test]
async fn filters_by_author_app_and_object() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    control.write_file("admin", "/a.txt", b"1").unwrap();
    control.create_share("admin", "/a.txt", "bob").unwrap();
    control.record_activity(NewActivity {
        author: "carol".into(),
        ..NewActivity::new("admin", "spreed", "spreed", "{actor} invited you")
    });
    let file = control.file_id("admin", "/a.txt").unwrap();

    let types = |answer: &Answer| -> Vec<String> {
        answer
            .data()
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["type"].as_str().unwrap().to_owned())
            .collect()
    };
    let by = f.get("admin", &format!("{ACTIVITY}/by")).await;
    assert_eq!(types(&by), ["spreed"]);
    let own = f.get("admin", &format!("{ACTIVITY}/self")).await;
    assert_eq!(types(&own), ["shared", "file_created"]);
    let sharing = f.get("admin", &format!("{ACTIVITY}/files_sharing")).await;
    assert_eq!(types(&sharing), ["shared"]);
    assert_eq!(sharing.data()[0]["subject"], "You shared a.txt with @bob");
    let object = f
        .get(
            "admin",
            &format!("{ACTIVITY}/filter?object_type=files&object_id={file}"),
        )
        .await;
    assert_eq!(types(&object), ["shared", "file_created"]);
    // Bob's side of the share.
    let bobs = f.get("bob", &format!("{ACTIVITY}/all")).await;
    assert_eq!(
        bobs.data()[0]["subject_rich"][0],
        "{actor} shared {file} with you"
    );
    assert_eq!(bobs.data()[0]["user"], "admin");
}

#[tokio::test]
async fn previews_come_with_files_activities_when_asked_for() {
    let f = Fixture::start().await;
    let control = f.sim.control();
    control.write_file("bob", "/photo.png", b"png").unwrap();
    control.record_activity(NewActivity::new("bob", "spreed", "spreed", "Call"));
    let plain = f.get("bob", &format!("{ACTIVITY}/all")).await;
    assert!(plain.data()[0].get("previews").is_none());

    let with = f.get("bob", &format!("{ACTIVITY}/all?previews=true")).await;
    let data = with.data();
    assert_eq!(data[0]["previews"], json!([]), "not a file activity");
    let preview = &data[1]["previews"][0];
    let id = control.file_id("bob", "/photo.png").unwrap();
    assert_eq!(preview["fileId"], id);
    assert_eq!(preview["mimeType"], "image/png");
    assert_eq!(preview["view"], "files");
    assert_eq!(preview["isMimeTypeIcon"], false);
    assert!(preview["source"]
        .as_str()
        .unwrap()
        .starts_with(&f.sim.base_url()));
    assert!(preview["link"]
        .as_str()
        .unwrap()
        .contains("scrollto=photo.png"));
}

#[tokio::test]
async fn a_user_who_chose_no_activity_types_gets_204() {
    let f = Fixture::start().await;
    f.sim.control().seed_activities("bob", 2);
    f.sim.control().set_activity_stream("bob", false);
    let answer = f.get("bob", ACTIVITY).await;
    assert_eq!(answer.status, 204);
    assert_eq!(answer.text, "");
    f.sim.control().set_activity_stream("bob", true);
    assert_eq!(f.get("bob", ACTIVITY).await.status, 200);
}

#[tokio::test]
async fn status_changes_and_recorded_events_appear_in_the_stream() {
    let f = Fixture::start().await;
    let set = f
        .ocs(
            "bob",
            Method::PUT,
            "/ocs/v2.php/apps/user_status/api/v1/user_status/status",
        )
        .form(&[("statusType", "dnd")]);
    assert_eq!(Fixture::answer(set).await.status, 200);
    let stream = f.get("bob", ACTIVITY).await;
    assert_eq!(stream.data()[0]["app"], "user_status");
    assert_eq!(
        stream.data()[0]["subject"],
        "You changed your status to dnd"
    );

    let recorded = f
        .client
        .post(f.url("/_sim/activities"))
        .json(&json!({
            "affected_user": "bob", "author": "admin", "app": "spreed", "type": "spreed",
            "subject_rich": "{actor} invited you to {call}",
            "subject_rich_parameters": {
                "actor": {"type": "user", "id": "admin", "name": "admin"},
                "call": {"type": "call", "id": "1", "name": "Standup", "call-type": "group"}
            },
            "icon": "/apps/spreed/img/app-dark.svg",
            "object_type": "room", "object_id": 1, "object_name": "Standup"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(recorded.status(), 201);
    let id = recorded.json::<Value>().await.unwrap()["activity_id"]
        .as_i64()
        .unwrap();
    let stream = f.get("bob", ACTIVITY).await;
    let entry = &stream.data()[0];
    assert_eq!(entry["activity_id"], id);
    assert_eq!(entry["subject"], "@admin invited you to Standup");
    assert_eq!(
        entry["icon"],
        format!("{}/apps/spreed/img/app-dark.svg", f.sim.base_url())
    );
    assert_eq!(entry["objects"], json!({"1": "Standup"}));
}

#[tokio::test]
async fn bulk_seeding_is_fast_and_pages_stay_bounded() {
    let f = Fixture::start().await;
    let started = std::time::Instant::now();
    let (first, last) = f.sim.control().seed_activities("admin", 100_000).unwrap();
    assert_eq!(last - first + 1, 100_000);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let page = f.get("admin", ACTIVITY).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("X-Activity-First-Known"),
        Some(last.to_string().as_str())
    );
    assert!(page.header("Link").is_some());
    let entries = page.data().as_array().unwrap().len();
    assert!((1..=50).contains(&entries), "{entries}");
    let seeded = f
        .client
        .post(f.url("/_sim/users/bob/activities/seed"))
        .json(&json!({"count": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(seeded.status(), 201);
    assert_eq!(f.sim.control().activity_count("bob"), 3);
}

// ------------------------------------------------------------------ WebDAV and direct links

#[tokio::test]
async fn propfind_lists_admins_recorded_file_ids() {
    let f = Fixture::start().await;
    let body = r#"<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><oc:fileid/><d:getetag/><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>"#;
    let answer = f.dav("admin", "PROPFIND", "/", body).await;
    assert_eq!(answer.status, 207);
    assert_eq!(
        answer.header("Content-Type"),
        Some("application/xml; charset=utf-8")
    );
    let xml = &answer.text;
    assert!(xml.starts_with("<?xml version=\"1.0\"?>\n<d:multistatus"));
    assert!(xml.contains(
        "<d:href>/remote.php/dav/files/admin/</d:href><d:propstat><d:prop><oc:fileid>2</oc:fileid>"
    ));
    assert!(xml.contains("<d:href>/remote.php/dav/files/admin/Nextcloud%20intro.mp4</d:href>"));
    assert!(xml.contains("<oc:fileid>187</oc:fileid>"));
    assert!(xml.contains("<d:getcontentlength>8</d:getcontentlength>"));
    // Folders have no content length: a 404 propstat.
    assert!(xml.contains(
        "<d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status>"
    ));

    let depth0 = Fixture::answer(
        f.client
            .request(
                Method::from_bytes(b"PROPFIND").unwrap(),
                f.url("/remote.php/dav/files/admin/fixture-1.txt"),
            )
            .basic_auth("admin", Some("admin-app-password"))
            .header("Depth", "0"),
    )
    .await;
    assert_eq!(depth0.status, 207);
    assert_eq!(depth0.text.matches("<d:response>").count(), 1);

    let foreign = Fixture::answer(
        f.client
            .request(
                Method::from_bytes(b"PROPFIND").unwrap(),
                f.url("/remote.php/dav/files/admin/"),
            )
            .basic_auth("bob", Some("bob-app-password")),
    )
    .await;
    assert_eq!(foreign.status, 404);
    let anonymous = Fixture::answer(f.client.request(
        Method::from_bytes(b"PROPFIND").unwrap(),
        f.url("/remote.php/dav/files/admin/"),
    ))
    .await;
    assert_eq!(anonymous.status, 401);
    assert!(anonymous
        .header("WWW-Authenticate")
        .unwrap()
        .starts_with("Basic"));
}

#[tokio::test]
async fn put_and_delete_over_webdav_record_activities() {
    let f = Fixture::start().await;
    let put = f.dav("bob", "PUT", "/Documents/plan.md", "# Plan").await;
    assert_eq!(put.status, 201);
    assert!(put.header("OC-FileId").is_some());
    assert!(put.header("ETag").unwrap().starts_with('"'));
    assert_eq!(
        f.dav("bob", "PUT", "/Documents/plan.md", "# Plan 2")
            .await
            .status,
        204
    );
    let get = f.dav("bob", "GET", "/Documents/plan.md", "").await;
    assert_eq!(get.text, "# Plan 2");
    assert_eq!(
        f.dav("bob", "DELETE", "/Documents/plan.md", "")
            .await
            .status,
        204
    );
    assert_eq!(
        f.dav("bob", "DELETE", "/Documents/plan.md", "")
            .await
            .status,
        404
    );
    let types: Vec<String> = f
        .get("bob", ACTIVITY)
        .await
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(types, ["file_deleted", "file_changed", "file_created"]);
}

#[tokio::test]
async fn a_direct_link_serves_the_file_without_auth_for_24_hours() {
    let f = Fixture::start().await;
    let created = f
        .post(
            "admin",
            "/ocs/v2.php/apps/dav/api/v1/direct",
            &[("fileId", "187")],
        )
        .await;
    assert_eq!(created.status, 200);
    let url = created.data()["url"].as_str().unwrap().to_owned();
    let prefix = format!("{}/remote.php/direct/", f.sim.base_url());
    assert!(url.starts_with(&prefix), "{url}");

    let download = Fixture::answer(f.client.get(&url)).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.text, "hello 1\n");
    assert_eq!(
        download.header("Content-Type"),
        Some("text/plain;charset=UTF-8")
    );
    let etag = download.header("ETag").unwrap();
    assert!(!etag.starts_with('"') && etag.len() == 32, "{etag}");

    f.sim
        .control()
        .advance_clock(Duration::from_secs(24 * 3600 + 1));
    assert_eq!(Fixture::answer(f.client.get(&url)).await.status, 404);
    assert_eq!(
        Fixture::answer(f.client.get(format!("{prefix}nosuchtoken")))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn direct_links_refuse_unknown_files_folders_and_other_users_files() {
    let f = Fixture::start().await;
    let direct = "/ocs/v2.php/apps/dav/api/v1/direct";
    let unknown = f.post("admin", direct, &[("fileId", "99999999")]).await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.data(), json!([]));
    assert_eq!(
        f.post("admin", direct, &[("fileId", "13")]).await.status,
        400
    );
    assert_eq!(
        f.post("bob", direct, &[("fileId", "187")]).await.status,
        404
    );
    assert_eq!(
        f.post(
            "admin",
            direct,
            &[("fileId", "187"), ("expirationTime", "90000")]
        )
        .await
        .status,
        400
    );
    let short = f
        .post(
            "admin",
            direct,
            &[("fileId", "187"), ("expirationTime", "60")],
        )
        .await;
    let url = short.data()["url"].as_str().unwrap().to_owned();
    f.sim.control().advance_clock(Duration::from_secs(61));
    assert_eq!(Fixture::answer(f.client.get(&url)).await.status, 404);
}

// ------------------------------------------------------------------ sharing

#[tokio::test]
async fn a_share_is_pending_with_a_notification_whose_accept_action_works() {
    let f = Fixture::start().await;
    let created = f
        .post(
            "admin",
            SHARES,
            &[
                ("path", "/fixture-2.txt"),
                ("shareType", "0"),
                ("shareWith", "bob"),
            ],
        )
        .await;
    assert_eq!(created.status, 200);
    let share = created.data();
    assert_eq!(share["share_with"], "bob");
    assert_eq!(share["item_source"], 188);
    assert_eq!(share["permissions"], 19);
    assert_eq!(share["mail_send"], 1);
    let id = share["id"].as_str().unwrap().to_owned();

    let pending = f.get("bob", &format!("{SHARES}/pending")).await;
    assert_eq!(pending.data()[0]["id"], id.as_str());
    assert_eq!(pending.data()[0]["permissions"], 0);

    let notifications = f.get("bob", NOTIFICATIONS).await.data();
    let notification = &notifications[0];
    assert_eq!(notification["object_type"], "share");
    assert_eq!(notification["object_id"], format!("ocinternal:{id}"));
    assert_eq!(
        notification["subject"],
        "You received /fixture-2.txt as a share by @admin"
    );
    let accept = &notification["actions"][0];
    assert_eq!(
        (accept["label"].as_str(), accept["type"].as_str()),
        (Some("Accept"), Some("POST"))
    );
    assert_eq!(notification["actions"][1]["type"], "DELETE");

    // The action link is a real endpoint of the simulator.
    let accepted =
        Fixture::answer(f.ocs("bob", Method::POST, accept["link"].as_str().unwrap())).await;
    assert_eq!(accepted.status, 200);
    assert_eq!(accepted.data(), json!([]));
    assert!(f.sim.control().share_accepted(id.parse().unwrap(), "bob"));
    assert_eq!(f.get("bob", NOTIFICATIONS).await.data(), json!([]));
    assert_eq!(
        f.get("bob", &format!("{SHARES}/pending")).await.data(),
        json!([])
    );
    let listing = f.dav("bob", "PROPFIND", "/", "").await;
    assert!(
        listing.text.contains("<oc:fileid>188</oc:fileid>"),
        "mounted in bob's home"
    );
    let direct = f
        .post(
            "bob",
            "/ocs/v2.php/apps/dav/api/v1/direct",
            &[("fileId", "188")],
        )
        .await;
    assert_eq!(direct.status, 200, "bob may fetch a file shared with him");
}

#[tokio::test]
async fn declining_a_share_removes_it_and_its_notification() {
    let f = Fixture::start().await;
    let created = f
        .sim
        .control()
        .create_share("admin", "/fixture-3.txt", "bob")
        .unwrap();
    let notification = created.notification_id.unwrap();
    let decline = f
        .get("bob", &format!("{NOTIFICATIONS}/{notification}"))
        .await
        .data()["actions"][1]["link"]
        .as_str()
        .unwrap()
        .to_owned();
    let answer = Fixture::answer(f.ocs("bob", Method::DELETE, &decline)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(f.get("bob", NOTIFICATIONS).await.data(), json!([]));
    assert_eq!(
        f.get("bob", &format!("{SHARES}/{}", created.share_id))
            .await
            .status,
        404
    );
    assert_eq!(
        f.get("admin", &format!("{SHARES}/{}", created.share_id))
            .await
            .status,
        200,
        "the owner still has it"
    );
    // The owner deletes it: both streams learn of it.
    let deleted = Fixture::answer(f.ocs(
        "admin",
        Method::DELETE,
        &format!("{SHARES}/{}", created.share_id),
    ))
    .await;
    assert_eq!(deleted.status, 200);
    let bobs = f.get("bob", &format!("{ACTIVITY}/files_sharing")).await;
    assert_eq!(
        bobs.data()[0]["subject_rich"][0],
        "{actor} removed you from the share named {file}"
    );
}

#[tokio::test]
async fn share_errors_answer_like_the_api() {
    let f = Fixture::start().await;
    async fn share(f: &Fixture, path: &str, with: &str) -> Answer {
        f.post(
            "admin",
            SHARES,
            &[("path", path), ("shareType", "0"), ("shareWith", with)],
        )
        .await
    }
    assert_eq!(share(&f, "/nope.txt", "bob").await.status, 404);
    assert_eq!(share(&f, "/fixture-1.txt", "nosuchuser").await.status, 404);
    assert_eq!(share(&f, "/fixture-1.txt", "bob").await.status, 200);
    let again = share(&f, "/fixture-1.txt", "bob").await;
    assert_eq!(again.status, 403);
    assert!(again.json()["ocs"]["meta"]["message"]
        .as_str()
        .unwrap()
        .contains("already shared"));
    let link = f
        .post(
            "admin",
            SHARES,
            &[("path", "/fixture-1.txt"), ("shareType", "3")],
        )
        .await;
    assert_eq!(link.status, 400);
    assert_eq!(
        Fixture::answer(f.ocs("bob", Method::POST, &format!("{SHARES}/pending/999")))
            .await
            .status,
        404
    );
    let created = f
        .client
        .post(f.url("/_sim/shares"))
        .json(&json!({"owner": "admin", "path": "/fixture-3.txt", "share_with": "carol"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
}
