//! Focused behaviour of the simulator over loopback HTTP: conditional requests, the status
//! header, backup and revert, heartbeat rules, validation, expiry, faults, the request log,
//! the control API and the demo seed.

mod common;

use std::time::Duration;

use nctray_sim::{Fault, LoggedRequest, NewNotification, Seed, Sim, SimConfig};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

const V2: &str = "/ocs/v2.php";
const STATUS: &str = "/ocs/v2.php/apps/user_status/api/v1";
const NOTIFICATIONS: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";

struct Fixture {
    sim: Sim,
    client: reqwest::Client,
}

impl Fixture {
    async fn start() -> Fixture {
        Fixture::with_seed(Seed::Fixture).await
    }

    async fn with_seed(seed: Seed) -> Fixture {
        let (sim, client) = common::start(SimConfig {
            seed,
            ..SimConfig::default()
        })
        .await;
        Fixture { sim, client }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sim.base_url())
    }

    /// An OCS request as `user` with their app password, asking for JSON.
    fn ocs(&self, user: &str, method: Method, path: &str) -> RequestBuilder {
        common::ocs(&self.client, user, method, self.url(path))
    }

    async fn send(
        &self,
        user: &str,
        method: Method,
        path: &str,
        form: &[(&str, &str)],
    ) -> Response {
        let mut request = self.ocs(user, method, path);
        if !form.is_empty() {
            request = request.form(form);
        }
        request.send().await.expect("request")
    }

    /// Sends and returns (HTTP status, `ocs.data`).
    async fn call(
        &self,
        user: &str,
        method: Method,
        path: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let response = self.send(user, method, path, form).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        if text.is_empty() {
            return (status, Value::Null);
        }
        let body: Value = serde_json::from_str(&text).expect("JSON body");
        (status, body["ocs"]["data"].clone())
    }

    async fn own_status(&self, user: &str) -> (StatusCode, Value) {
        self.call(user, Method::GET, &format!("{STATUS}/user_status"), &[])
            .await
    }

    async fn set_status(&self, user: &str, status: &str) -> (StatusCode, Value) {
        let path = format!("{STATUS}/user_status/status");
        self.call(user, Method::PUT, &path, &[("statusType", status)])
            .await
    }

    async fn heartbeat(&self, user: &str, status: &str) -> (StatusCode, Value) {
        let path = format!("{STATUS}/heartbeat");
        self.call(user, Method::PUT, &path, &[("status", status)])
            .await
    }

    async fn custom_message(
        &self,
        user: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value, Value) {
        let response = self
            .send(
                user,
                Method::PUT,
                &format!("{STATUS}/user_status/message/custom"),
                form,
            )
            .await;
        let status = response.status();
        let body: Value = response.json().await.expect("JSON body");
        (
            status,
            body["ocs"]["meta"]["message"].clone(),
            body["ocs"]["data"].clone(),
        )
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn capabilities_answer_304_only_to_the_exact_quoted_etag() {
    let f = Fixture::start().await;
    let path = format!("{V2}/cloud/capabilities");
    let first = f.send("admin", Method::GET, &path, &[]).await;
    assert_eq!(first.status(), StatusCode::OK);
    let etag = header(&first, "ETag").expect("ETag");
    assert!(
        etag.starts_with('"') && etag.ends_with('"') && etag.len() == 34,
        "{etag}"
    );
    let body: Value = first.json().await.unwrap();
    let caps = &body["ocs"]["data"]["capabilities"];
    assert_eq!(body["ocs"]["data"]["version"]["string"], "32.0.1");
    assert_eq!(caps["core"]["pollinterval"], 60);
    assert_eq!(caps["theming"]["color"], "#00679e");
    assert_eq!(caps["user_status"]["restore"], true);
    assert!(caps["notifications"]["ocs-endpoints"]
        .as_array()
        .unwrap()
        .contains(&json!("test-push")));
    assert!(caps["theming"]["logo"]
        .as_str()
        .unwrap()
        .starts_with(&f.sim.base_url()));

    let again = f
        .ocs("admin", Method::GET, &path)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&again, "ETag").as_deref(), Some(etag.as_str()));
    assert!(again.text().await.unwrap().is_empty());

    let unquoted = etag.trim_matches('"');
    let weak = f
        .ocs("admin", Method::GET, &path)
        .header("If-None-Match", unquoted)
        .send()
        .await
        .unwrap();
    assert_eq!(weak.status(), StatusCode::OK);

    // v1 shares the ETag; anonymous callers get the reduced list with another one.
    let v1 = f
        .send("bob", Method::GET, "/ocs/v1.php/cloud/capabilities", &[])
        .await;
    assert_eq!(header(&v1, "ETag").as_deref(), Some(etag.as_str()));
    let anonymous = f
        .client
        .get(f.url(&path))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::OK);
    assert_ne!(header(&anonymous, "ETag").as_deref(), Some(etag.as_str()));
    let body: Value = anonymous.json().await.unwrap();
    let keys: Vec<&String> = body["ocs"]["data"]["capabilities"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys.len(), 4, "{keys:?}");
}

#[tokio::test]
async fn notifications_list_etag_and_user_status_header() {
    let f = Fixture::start().await;
    let list = f.send("admin", Method::GET, NOTIFICATIONS, &[]).await;
    assert_eq!(
        header(&list, "ETag").as_deref(),
        Some("\"d751713988987e9331980363e24189ce\"")
    );
    assert_eq!(
        header(&list, "X-Nextcloud-User-Status").as_deref(),
        Some("offline")
    );

    let control = f.sim.control();
    let first = control.inject_notification(NewNotification::new("admin", "First"));
    let second = control.inject_notification(NewNotification {
        message: "Body".into(),
        should_notify: false,
        ..NewNotification::new("admin", "Second")
    });
    control.inject_notification(NewNotification::new("bob", "Not for admin"));
    f.set_status("admin", "dnd").await;

    let list = f.send("admin", Method::GET, NOTIFICATIONS, &[]).await;
    let etag = header(&list, "ETag").unwrap();
    let expected = format!("\"{}\"", md5_hex(&format!("[{second},{first}]")));
    assert_eq!(etag, expected, "ETag is md5 of the ids, newest first");
    let body: Value = list.json().await.unwrap();
    let data = body["ocs"]["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["notification_id"], second);
    assert_eq!(data[0]["shouldNotify"], false);
    assert_eq!(data[0]["subjectRichParameters"], json!([]));
    let datetime = data[0]["datetime"].as_str().unwrap();
    assert!(
        datetime.ends_with("+00:00") && datetime.len() == 25,
        "{datetime}"
    );

    // 304 on the exact quoted ETag, still with the status header.
    let cached = f
        .ocs("admin", Method::GET, NOTIFICATIONS)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        header(&cached, "X-Nextcloud-User-Status").as_deref(),
        Some("dnd")
    );
    assert_eq!(header(&cached, "ETag").as_deref(), Some(etag.as_str()));

    // exists answers only the ids that are still there, ascending.
    let ids = [
        ("ids[]", second.to_string()),
        ("ids[]", "999".to_string()),
        ("ids[]", first.to_string()),
    ];
    let exists = f
        .ocs("admin", Method::POST, &format!("{NOTIFICATIONS}/exists"))
        .form(&ids)
        .send()
        .await
        .unwrap();
    let body: Value = exists.json().await.unwrap();
    assert_eq!(body["ocs"]["data"], json!([first, second]));

    // Someone else's notification is invisible; deleting twice is fine.
    let (status, data) = f
        .call("bob", Method::GET, &format!("{NOTIFICATIONS}/{first}"), &[])
        .await;
    assert_eq!((status, data), (StatusCode::NOT_FOUND, Value::Null));
    for _ in 0..2 {
        let (status, _) = f
            .call(
                "admin",
                Method::DELETE,
                &format!("{NOTIFICATIONS}/{first}"),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let list = f.send("admin", Method::GET, NOTIFICATIONS, &[]).await;
    assert_ne!(header(&list, "ETag").unwrap(), etag);
    assert_eq!(control.notifications("admin").len(), 1);
    assert_eq!(control.notifications("bob").len(), 1);
}

#[tokio::test]
async fn the_list_shows_the_newest_25() {
    let f = Fixture::start().await;
    let ids: Vec<i64> = (0..30)
        .map(|i| {
            f.sim
                .control()
                .inject_notification(NewNotification::new("carol", format!("n{i}")))
        })
        .collect();
    let (_, data) = f.call("carol", Method::GET, NOTIFICATIONS, &[]).await;
    let shown: Vec<i64> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["notification_id"].as_i64().unwrap())
        .collect();
    let newest: Vec<i64> = ids.iter().rev().take(25).copied().collect();
    assert_eq!(shown, newest);
}

fn md5_hex(text: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_call_keeps_a_backup_that_revert_restores() {
    let f = Fixture::start().await;
    f.custom_message("admin", &[("statusIcon", "☕"), ("message", "Coffee")])
        .await;
    f.set_status("admin", "online").await;

    assert!(f.sim.control().start_call("admin"));
    let (status, own) = f.own_status("admin").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        own,
        json!({"userId": "admin", "message": "In a call", "messageId": "call",
               "messageIsPredefined": true, "icon": "💬", "clearAt": null,
               "status": "busy", "statusIsUserDefined": true})
    );
    let (status, backup) = f
        .call(
            "admin",
            Method::GET,
            &format!("{STATUS}/statuses/_admin"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(backup["userId"], "_admin");
    assert_eq!(backup["message"], "Coffee");
    assert_eq!(backup["status"], "online");
    // A second call while the backup exists changes nothing.
    assert!(f.sim.control().start_call("admin"));
    assert_eq!(
        f.call(
            "admin",
            Method::GET,
            &format!("{STATUS}/statuses/_admin"),
            &[]
        )
        .await
        .1,
        backup
    );

    // Reverting another message id does nothing and keeps the backup.
    let (status, data) = f
        .call(
            "admin",
            Method::DELETE,
            &format!("{STATUS}/user_status/revert/meeting"),
            &[],
        )
        .await;
    assert_eq!((status, data), (StatusCode::OK, json!([])));

    let (status, restored) = f
        .call(
            "admin",
            Method::DELETE,
            &format!("{STATUS}/user_status/revert/call"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(restored["userId"], "admin");
    assert_eq!(restored["message"], "Coffee");
    assert_eq!(restored["icon"], "☕");
    assert_eq!(restored["status"], "online");
    assert_eq!(f.own_status("admin").await.1, restored);
    let (status, _) = f
        .call(
            "admin",
            Method::GET,
            &format!("{STATUS}/statuses/_admin"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, again) = f
        .call(
            "admin",
            Method::DELETE,
            &format!("{STATUS}/user_status/revert/call"),
            &[],
        )
        .await;
    assert_eq!(again, json!([]));
}

#[tokio::test]
async fn manual_changes_drop_the_backup_and_leaving_the_call_restores_it() {
    let f = Fixture::start().await;
    let backup_path = format!("{STATUS}/statuses/_bob");

    // No status before the call: the backup is missing, the call status still applies.
    assert!(f.sim.control().start_call("bob"));
    assert_eq!(
        f.call("bob", Method::GET, &backup_path, &[]).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(f.own_status("bob").await.1["status"], "busy");

    f.set_status("bob", "away").await;
    f.sim.control().end_call("bob");
    assert!(f.sim.control().start_call("bob"));
    assert_eq!(
        f.call("bob", Method::GET, &backup_path, &[]).await.0,
        StatusCode::OK
    );
    // A manual status change drops the backup (and keeps the call's message).
    let (_, changed) = f.set_status("bob", "dnd").await;
    assert_eq!(changed["messageId"], "call");
    assert_eq!(
        f.call("bob", Method::GET, &backup_path, &[]).await.0,
        StatusCode::NOT_FOUND
    );

    // Leaving the call (over the control API) restores the backup.
    f.call(
        "bob",
        Method::DELETE,
        &format!("{STATUS}/user_status/message"),
        &[],
    )
    .await;
    f.set_status("bob", "away").await;
    let started = f
        .client
        .post(f.url("/_sim/users/bob/call"))
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), StatusCode::OK);
    assert_eq!(started.json::<Value>().await.unwrap()["messageId"], "call");
    let ended = f
        .client
        .delete(f.url("/_sim/users/bob/call"))
        .send()
        .await
        .unwrap();
    let own: Value = ended.json().await.unwrap();
    assert_eq!(
        (own["status"].as_str(), own["messageId"].as_str()),
        (Some("away"), None)
    );
    let unknown = f
        .client
        .post(f.url("/_sim/users/nobody/call"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn heartbeat_rules() {
    let f = Fixture::start().await;
    // No row yet: the heartbeat creates one, not user-defined.
    let (status, data) = f.heartbeat("admin", "online").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            data["status"].as_str(),
            data["statusIsUserDefined"].as_bool()
        ),
        (Some("online"), Some(false))
    );

    // Away does not beat a fresh online…
    assert_eq!(f.heartbeat("admin", "away").await.1["status"], "online");
    // …but after 15 minutes without an update it does.
    f.sim.control().advance_clock(Duration::from_secs(16 * 60));
    assert_eq!(f.heartbeat("admin", "away").await.1["status"], "away");
    // Online always beats away.
    assert_eq!(f.heartbeat("admin", "online").await.1["status"], "online");

    // User-defined online: stays online and user-defined.
    f.set_status("admin", "online").await;
    let (_, data) = f.heartbeat("admin", "away").await;
    assert_eq!(
        (
            data["status"].as_str(),
            data["statusIsUserDefined"].as_bool()
        ),
        (Some("online"), Some(true))
    );

    // User-defined persistent statuses: 204 with no body, status untouched.
    for persistent in ["away", "dnd", "busy", "invisible"] {
        f.set_status("bob", persistent).await;
        let response = f
            .send(
                "bob",
                Method::PUT,
                &format!("{STATUS}/heartbeat"),
                &[("status", "online")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT, "{persistent}");
        assert!(response.text().await.unwrap().is_empty());
        assert_eq!(f.own_status("bob").await.1["status"], persistent);
    }
    // User-defined offline is not persistent: online wins.
    f.set_status("bob", "offline").await;
    assert_eq!(f.heartbeat("bob", "online").await.1["status"], "online");

    for invalid in ["dnd", "offline", ""] {
        let response = f
            .send(
                "admin",
                Method::PUT,
                &format!("{STATUS}/heartbeat"),
                &[("status", invalid)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{invalid:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["ocs"]["meta"]["message"], "");
    }
}

#[tokio::test]
async fn statuses_expire_lazily() {
    let f = Fixture::start().await;
    let clear_at = (now() + 60).to_string();
    f.set_status("admin", "dnd").await;
    f.custom_message(
        "admin",
        &[
            ("statusIcon", "🎧"),
            ("message", "Focus"),
            ("clearAt", &clear_at),
        ],
    )
    .await;
    assert_eq!(f.own_status("admin").await.1["message"], "Focus");

    f.sim.control().advance_clock(Duration::from_secs(61));
    let (_, own) = f.own_status("admin").await;
    assert_eq!(
        own,
        json!({"userId": "admin", "message": null, "messageId": null, "messageIsPredefined": false,
               "icon": null, "clearAt": null, "status": "offline", "statusIsUserDefined": false})
    );

    // A user-defined online goes offline after 15 minutes without heartbeat; dnd stays.
    f.set_status("admin", "online").await;
    f.set_status("bob", "dnd").await;
    f.sim
        .control()
        .advance_clock(Duration::from_secs(15 * 60 + 1));
    assert_eq!(f.own_status("admin").await.1["status"], "offline");
    assert_eq!(f.own_status("bob").await.1["status"], "dnd");
    assert_eq!(f.sim.control().own_status("bob").unwrap()["status"], "dnd");
    assert_eq!(f.sim.control().own_status("carol"), None);
}

#[tokio::test]
async fn custom_message_validation() {
    let f = Fixture::start().await;
    let too_long = "Status-Icon is longer than one character";
    for icon in ["X", "🌴🍹", "ab", "", "👍 "] {
        let (status, message, _) = f
            .custom_message("admin", &[("statusIcon", icon), ("message", "m")])
            .await;
        assert_eq!(
            (status, message.as_str()),
            (StatusCode::BAD_REQUEST, Some(too_long)),
            "{icon:?}"
        );
    }
    for icon in ["🌴", "❤️", "👍🏽", "👩‍💻", "🏳️‍🌈", "🇩🇪", "1️⃣"]
    {
        let (status, _, data) = f
            .custom_message("admin", &[("statusIcon", icon), ("message", "m")])
            .await;
        assert_eq!(status, StatusCode::OK, "{icon:?}");
        assert_eq!(data["icon"], icon);
    }

    let eighty = "ä".repeat(80);
    let (status, _, data) = f.custom_message("admin", &[("message", &eighty)]).await;
    assert_eq!(
        (status, data["message"].as_str()),
        (StatusCode::OK, Some(eighty.as_str()))
    );
    assert_eq!(data["icon"], Value::Null);
    let (status, message, _) = f
        .custom_message("admin", &[("message", &"m".repeat(81))])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        message,
        "Message is longer than supported length of 80 characters"
    );

    let past = (now() - 10).to_string();
    let (status, message, _) = f
        .custom_message("admin", &[("message", "Old"), ("clearAt", &past)])
        .await;
    assert_eq!(
        (status, message.as_str()),
        (StatusCode::BAD_REQUEST, Some("ClearAt is in the past"))
    );

    // Neither message nor clearAt: the message is cleared.
    let (status, _, data) = f.custom_message("admin", &[("statusIcon", "🌴")]).await;
    assert_eq!(
        (status, data["message"].clone()),
        (StatusCode::OK, Value::Null)
    );

    // Predefined: unknown id and past clearAt fail; the answer does not resolve the text.
    let path = format!("{STATUS}/user_status/message/predefined");
    let (status, _) = f
        .call("admin", Method::PUT, &path, &[("messageId", "nope")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = f
        .call(
            "admin",
            Method::PUT,
            &path,
            &[("messageId", "meeting"), ("clearAt", &past)],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, data) = f
        .call("admin", Method::PUT, &path, &[("messageId", "meeting")])
        .await;
    assert_eq!(
        (data["message"].clone(), data["messageId"].as_str()),
        (Value::Null, Some("meeting"))
    );
    assert_eq!(f.own_status("admin").await.1["message"], "In a meeting");

    let (status, data) = f.set_status("admin", "sleeping").await;
    assert_eq!((status, data), (StatusCode::BAD_REQUEST, json!([])));
}

#[tokio::test]
async fn fault_modes() {
    let f = Fixture::start().await;
    let path = format!("{V2}/cloud/user");
    let control = f.sim.control();

    control.set_fault(Fault::Maintenance);
    let response = f.send("admin", Method::GET, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        header(&response, "X-Nextcloud-Maintenance-Mode").as_deref(),
        Some("1")
    );
    assert!(header(&response, "Content-Type")
        .unwrap()
        .starts_with("text/html"));
    assert!(response.text().await.unwrap().contains("maintenance mode"));

    control.set_fault(Fault::ServerError);
    let response = f.send("admin", Method::GET, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(header(&response, "Content-Type")
        .unwrap()
        .starts_with("text/html"));

    control.set_fault(Fault::Garbage);
    let response = f.send("admin", Method::GET, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "Content-Type")
        .unwrap()
        .starts_with("application/json"));
    assert!(serde_json::from_str::<Value>(&response.text().await.unwrap()).is_err());

    // Over HTTP too; the control API keeps working while the server "fails".
    let set = f
        .client
        .put(f.url("/_sim/fault"))
        .json(&json!({"mode": "unauthorized"}))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let response = f.send("admin", Method::GET, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header(&response, "WWW-Authenticate").as_deref(),
        Some("Basic realm=\"Authorisation Required\"")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ocs"]["meta"]["statuscode"], 997);
    assert_eq!(control.fault(), Fault::Unauthorized);

    let healed = f
        .client
        .put(f.url("/_sim/fault"))
        .json(&json!({"mode": "none"}))
        .send()
        .await
        .unwrap();
    assert_eq!(healed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        f.send("admin", Method::GET, &path, &[]).await.status(),
        StatusCode::OK
    );
    let bad = f
        .client
        .put(f.url("/_sim/fault"))
        .json(&json!({"mode": "meltdown"}))
        .send()
        .await
        .unwrap();
    assert!(bad.status().is_client_error());
}

#[tokio::test]
async fn the_request_log_records_every_ocs_request_but_not_sim_calls() {
    let f = Fixture::start().await;
    f.send(
        "admin",
        Method::GET,
        &format!("{V2}/cloud/user?format=json"),
        &[],
    )
    .await;
    f.client
        .get(f.url(&format!("{V2}/cloud/user")))
        .basic_auth("admin", Some("wrong"))
        .send()
        .await
        .unwrap();
    f.ocs("bob", Method::GET, NOTIFICATIONS)
        .header("If-None-Match", "\"x\"")
        .send()
        .await
        .unwrap();
    f.client
        .get(f.url("/_sim/users/admin/status"))
        .send()
        .await
        .unwrap();
    f.sim.control().set_fault(Fault::Maintenance);
    f.send("carol", Method::GET, "/ocs/v1.php/cloud/user", &[])
        .await;
    f.sim.control().set_fault(Fault::None);

    let log = f.sim.control().requests();
    // Every answer had a body; its size is checked apart from the rest.
    assert!(log.iter().all(|r| r.bytes > 0), "{log:?}");
    let without_bytes = |log: Vec<LoggedRequest>| -> Vec<LoggedRequest> {
        log.into_iter()
            .map(|r| LoggedRequest { bytes: 0, ..r })
            .collect()
    };
    let log = without_bytes(log);
    let expected = vec![
        LoggedRequest {
            method: "GET".into(),
            path: "/ocs/v2.php/cloud/user".into(),
            query: "format=json".into(),
            status: 200,
            if_none_match: false,
            user: Some("admin".into()),
            bytes: 0,
            accept_language: None,
        },
        LoggedRequest {
            method: "GET".into(),
            path: "/ocs/v2.php/cloud/user".into(),
            query: String::new(),
            status: 401,
            if_none_match: false,
            user: None,
            bytes: 0,
            accept_language: None,
        },
        LoggedRequest {
            method: "GET".into(),
            path: NOTIFICATIONS.into(),
            query: String::new(),
            status: 200,
            if_none_match: true,
            user: Some("bob".into()),
            bytes: 0,
            accept_language: None,
        },
        LoggedRequest {
            method: "GET".into(),
            path: "/ocs/v1.php/cloud/user".into(),
            query: String::new(),
            status: 503,
            if_none_match: false,
            user: None,
            bytes: 0,
            accept_language: None,
        },
    ];
    assert_eq!(log, expected);

    let over_http: Vec<LoggedRequest> = f
        .client
        .get(f.url("/_sim/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(without_bytes(over_http), expected);
    let cleared = f
        .client
        .delete(f.url("/_sim/requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(cleared.status(), StatusCode::NO_CONTENT);
    assert!(f.sim.control().requests().is_empty());
}

#[tokio::test]
async fn control_api_injects_notifications() {
    let f = Fixture::start().await;
    let created = f
        .client
        .post(f.url("/_sim/notifications"))
        .json(
            &json!({"user": "admin", "subject": "Hi", "message": "There", "app": "spreed",
                      "object_type": "chat", "object_id": "tok/1", "should_notify": false,
                      "actions": [{"label": "View chat", "link": "http://x/", "type": "WEB"}]}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["notification_id"]
        .as_i64()
        .unwrap();

    let (status, n) = f
        .call("admin", Method::GET, &format!("{NOTIFICATIONS}/{id}"), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (n["subject"].as_str(), n["message"].as_str()),
        (Some("Hi"), Some("There"))
    );
    assert_eq!(
        (n["app"].as_str(), n["object_id"].as_str()),
        (Some("spreed"), Some("tok/1"))
    );
    assert_eq!(n["shouldNotify"], false);
    assert_eq!(
        n["actions"],
        json!([{"label": "View chat", "link": "http://x/", "type": "WEB", "primary": false}])
    );

    let missing = f
        .client
        .post(f.url("/_sim/notifications"))
        .json(&json!({"user": "admin"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let status: Value = f
        .client
        .get(f.url("/_sim/users/admin/status"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(status, Value::Null);
}

#[tokio::test]
async fn ocs_errors_and_formats() {
    let f = Fixture::start().await;
    // Without the OCS header: 412 and no envelope, even anonymously.
    let response = f
        .client
        .get(f.url(&format!("{V2}/cloud/capabilities")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({"message": "CSRF check failed"})
    );

    // No credentials: 997 without a challenge.
    let response = f
        .client
        .get(f.url(&format!("{V2}/cloud/user")))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(header(&response, "WWW-Authenticate"), None);

    // The login password works as well as the app password.
    let response = f
        .client
        .get(f.url(&format!("{V2}/cloud/user")))
        .basic_auth("bob", Some("bob"))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    // v1 answers HTTP 200 with the OCS code inside.
    let response = f
        .send(
            "admin",
            Method::GET,
            "/ocs/v1.php/apps/user_status/api/v1/user_status",
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ocs"]["meta"]["statuscode"], 404);
    assert_eq!(body["ocs"]["meta"]["totalitems"], "");

    // Without Accept the server speaks XML.
    let response = f
        .client
        .get(f.url(&format!("{V2}/cloud/user")))
        .basic_auth("admin", Some("admin-app-password"))
        .header("OCS-APIRequest", "true")
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&response, "Content-Type").as_deref(),
        Some("application/xml; charset=utf-8")
    );
    let text = response.text().await.unwrap();
    assert!(
        text.starts_with("<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n  <status>ok</status>"),
        "{text}"
    );
    assert!(text.contains("  <id>admin</id>\n"));

    // Users: admin sees bob, bob does not see admin.
    assert_eq!(
        f.call("admin", Method::GET, &format!("{V2}/cloud/users/bob"), &[])
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        f.call("bob", Method::GET, &format!("{V2}/cloud/users/admin"), &[])
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // Pages outside /ocs/ do not exist.
    assert_eq!(
        f.client
            .get(f.url("/index.php"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn demo_seed_and_ticker() {
    let f = Fixture::with_seed(Seed::Demo).await;
    let (status, own) = f.own_status("demo").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(own["status"], "online");
    assert_eq!(own["messageId"], "remote-work");
    assert_eq!(own["message"], "Working remotely");
    assert_eq!(own["icon"], "🏡");
    let (_, user) = f
        .call("demo", Method::GET, &format!("{V2}/cloud/user"), &[])
        .await;
    assert_eq!(user["displayname"], "Demo User");
    // A quota of 10 GiB, 1.5 GiB of it used.
    assert_eq!(user["quota"]["quota"], 10_737_418_240_i64);
    assert_eq!(user["quota"]["total"], 10_737_418_240_i64);
    assert_eq!(user["quota"]["free"], 9_126_805_504_i64);
    assert_eq!(user["quota"]["relative"], 15.0);

    let (_, list) = f.call("demo", Method::GET, NOTIFICATIONS, &[]).await;
    let share = list
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["app"] == "files_sharing")
        .unwrap_or_else(|| panic!("no share notification in {list:#}"));
    assert!(share["subject"]
        .as_str()
        .unwrap()
        .contains("Budget 2027 (0).ods"));
    // A real pending share: its Accept action works and takes the notification away.
    let accept = &share["actions"][0];
    assert_eq!(accept["type"], "POST");
    let path = accept["link"]
        .as_str()
        .unwrap()
        .replace(&f.sim.base_url(), "");
    let (status, _) = f.call("demo", Method::POST, &path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let left = f.sim.control().notifications("demo");
    assert!(
        left.iter()
            .all(|n| n["notification_id"] != share["notification_id"]),
        "{left:#?}"
    );
    // A stream long enough to page through, the newest entries about real files.
    assert!(f.sim.control().activity_count("demo") > 240);
    let (_, newest) = f
        .call(
            "demo",
            Method::GET,
            &format!("{V2}/apps/activity/api/v2/activity?limit=5&previews=true"),
            &[],
        )
        .await;
    let notes = newest
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            let objects = a["objects"].as_object().unwrap();
            objects
                .values()
                .any(|name| name == "/Documents/Meeting notes.md")
        })
        .unwrap_or_else(|| panic!("no meeting notes among {newest:#}"));
    assert_eq!(notes["previews"][0]["isMimeTypeIcon"], false);
    // Other users are there as well, without notifications.
    let (_, admin_list) = f.call("admin", Method::GET, NOTIFICATIONS, &[]).await;
    assert_eq!(admin_list, json!([]));

    f.sim.spawn_demo_ticker(Duration::from_millis(40), 3);
    // Wait for two ticks, but give a busy machine time.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while f.sim.control().notifications("demo").len() < 3 && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let subjects: Vec<String> = f
        .sim
        .control()
        .notifications("demo")
        .iter()
        .map(|n| n["subject"].as_str().unwrap().to_owned())
        .collect();
    assert!(subjects.len() >= 3, "{subjects:?}");
    assert_ne!(subjects[0], subjects[1], "subjects vary");
    // Three ticks, then the ticker rests (a tick may bring more than one notification).
    tokio::time::sleep(Duration::from_millis(400)).await;
    let rested = f.sim.control().notifications("demo").len();
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(f.sim.control().notifications("demo").len(), rested);
    // More when asked for.
    f.sim.demo_tick();
    assert!(f.sim.control().notifications("demo").len() > rested);
    f.sim.shutdown().await;
    let after = f.sim.control().notifications("demo").len();
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(
        f.sim.control().notifications("demo").len(),
        after,
        "the ticker stops with the sim"
    );
}

#[tokio::test]
async fn starts_on_loopback_and_shuts_down() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    assert!(sim.addr().ip().is_loopback());
    assert_ne!(sim.addr().port(), 0);
    assert_eq!(
        sim.base_url(),
        format!("http://127.0.0.1:{}", sim.addr().port())
    );
    assert!(!sim.base_url().ends_with('/'));

    let client = common::client();
    let url = format!("{}/_sim/requests", sim.base_url());
    assert_eq!(
        client.get(&url).send().await.unwrap().status(),
        StatusCode::OK
    );
    sim.shutdown().await;
    let fresh = common::client();
    assert!(
        fresh.get(&url).send().await.is_err(),
        "nothing listens after shutdown"
    );
}
