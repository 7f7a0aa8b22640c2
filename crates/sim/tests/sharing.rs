//! files_sharing in the simulator, over loopback HTTP: the sharee search and recommendations
//! with the user status, inherited shares, and the owner's share updates.

mod common;

use nctray_sim::{Sim, SimConfig};
use reqwest::{Method, StatusCode};
use serde_json::Value;

const API: &str = "/ocs/v2.php/apps/files_sharing/api/v1";
const STATUS: &str = "/ocs/v2.php/apps/user_status/api/v1/user_status";

struct Server {
    sim: Sim,
    client: reqwest::Client,
}

impl Server {
    async fn start() -> Server {
        let (sim, client) = common::start(SimConfig::default()).await;
        Server { sim, client }
    }

    /// The HTTP status and `ocs.data` of an OCS call.
    async fn call(
        &self,
        user: &str,
        method: Method,
        path: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let url = format!("{}{path}", self.sim.base_url());
        let mut request = common::ocs(&self.client, user, method.clone(), url);
        if !form.is_empty() {
            request = if method == Method::GET {
                request.query(form)
            } else {
                request.form(form)
            };
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let body: Value = response.json().await.expect("JSON body");
        (status, body["ocs"]["data"].clone())
    }

    async fn get(&self, user: &str, path: &str, query: &[(&str, &str)]) -> (StatusCode, Value) {
        self.call(user, Method::GET, path, query).await
    }

    /// bob is away with a custom message.
    async fn bob_is_away(&self) {
        let (status, _) = self
            .call(
                "bob",
                Method::PUT,
                &format!("{STATUS}/status"),
                &[("statusType", "away")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = self
            .call(
                "bob",
                Method::PUT,
                &format!("{STATUS}/message/custom"),
                &[("statusIcon", "🏖"), ("message", "On holiday")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }

    fn share(&self, owner: &str, path: &str, with: &str) -> i64 {
        self.sim
            .control()
            .create_share(owner, path, with)
            .expect("share")
            .share_id
    }
}

fn users(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|u| u["value"]["shareWith"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn sharees_find_other_users_with_their_status() {
    let server = Server::start().await;
    server.bob_is_away().await;
    let (status, data) = server
        .get(
            "admin",
            &format!("{API}/sharees"),
            &[("search", ""), ("itemType", "file"), ("perPage", "20")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(users(&data["users"]), vec!["bob", "carol"]);
    assert!(data["exact"]["users"].as_array().unwrap().is_empty());
    for key in ["groups", "remotes", "emails", "circles", "rooms", "lookup"] {
        assert_eq!(data[key], Value::Array(Vec::new()), "{key}");
        assert_eq!(data["exact"][key], Value::Array(Vec::new()), "exact {key}");
    }
    assert_eq!(data["lookupEnabled"], false);
    let bob = &data["users"][0];
    assert_eq!(bob["label"], "bob");
    assert_eq!(bob["value"]["shareType"], 0);
    assert_eq!(bob["shareWithDisplayNameUnique"], "bob");
    assert_eq!(bob["status"]["status"], "away");
    assert_eq!(bob["status"]["message"], "On holiday");
    assert_eq!(bob["status"]["icon"], "🏖");
    assert!(bob["status"].get("clearAt").is_some());
    // carol has no status: the server's empty array.
    assert_eq!(data["users"][1]["status"], Value::Array(Vec::new()));

    // An exact match goes to `exact`; the caller is never found.
    let (_, data) = server
        .get("admin", &format!("{API}/sharees"), &[("search", "BOB")])
        .await;
    assert_eq!(users(&data["exact"]["users"]), vec!["bob"]);
    assert!(data["users"].as_array().unwrap().is_empty());
    let (_, data) = server
        .get("admin", &format!("{API}/sharees"), &[("search", "adm")])
        .await;
    assert!(data["users"].as_array().unwrap().is_empty());
    let (_, data) = server
        .get("admin", &format!("{API}/sharees"), &[("perPage", "1")])
        .await;
    assert_eq!(users(&data["users"]), vec!["bob"]);
}

#[tokio::test]
async fn recommended_sharees_are_recent_share_partners() {
    let server = Server::start().await;
    let (status, data) = server
        .get(
            "admin",
            &format!("{API}/sharees_recommended"),
            &[("itemType", "file")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(data["users"].as_array().unwrap().is_empty());
    assert_eq!(data["lookupEnabled"], false);

    server.bob_is_away().await;
    server.share("admin", "/Readme.md", "carol");
    server
        .sim
        .control()
        .advance_clock(std::time::Duration::from_secs(5));
    server.share("admin", "/Documents", "bob");
    let (_, data) = server
        .get("admin", &format!("{API}/sharees_recommended"), &[])
        .await;
    assert_eq!(users(&data["users"]), vec!["bob", "carol"]);
    assert_eq!(data["users"][0]["status"]["status"], "away");
    assert!(data["exact"]["users"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn inherited_shares_are_the_shares_of_parent_folders() {
    let server = Server::start().await;
    server.bob_is_away().await;
    let control = server.sim.control();
    control
        .write_file("admin", "/Team/Plans/notes.md", b"plans")
        .expect("written");
    let team = server.share("admin", "/Team", "bob");
    server.share("admin", "/Team/Plans/notes.md", "carol");

    let inherited = |path: &'static str| {
        let server = &server;
        async move {
            server
                .get(
                    "admin",
                    &format!("{API}/shares/inherited"),
                    &[("path", path)],
                )
                .await
        }
    };
    let (status, data) = inherited("/Team/Plans/notes.md").await;
    assert_eq!(status, StatusCode::OK);
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], team.to_string());
    assert_eq!(list[0]["path"], "/Team");
    assert_eq!(list[0]["share_with"], "bob");
    assert_eq!(list[0]["status"]["status"], "away");

    let (status, data) = inherited("/Team").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(data, Value::Array(Vec::new()));
    let (status, _) = inherited("/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_owner_updates_permissions_note_and_expiry() {
    let server = Server::start().await;
    let id = server.share("admin", "/Documents", "bob");
    let path = format!("{API}/shares/{id}");
    let put = |user: &'static str, form: &'static [(&'static str, &'static str)]| {
        let server = &server;
        let path = path.clone();
        async move { server.call(user, Method::PUT, &path, form).await }
    };

    let (status, data) = put(
        "admin",
        &[
            ("permissions", "1"),
            ("note", "Read only, please"),
            ("expireDate", "2030-01-31"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(data["id"], id.to_string());
    assert_eq!(data["permissions"], 1);
    assert_eq!(data["note"], "Read only, please");
    assert_eq!(data["expiration"], "2030-01-31 00:00:00");
    let (_, list) = server.get("admin", &format!("{API}/shares"), &[]).await;
    assert_eq!(list[0]["note"], "Read only, please");

    let (status, data) = put("admin", &[("expireDate", "")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(data["expiration"], Value::Null);
    assert_eq!(data["permissions"], 1);

    assert_eq!(put("admin", &[("permissions", "2")]).await.0, 400);
    assert_eq!(put("admin", &[("permissions", "x")]).await.0, 400);
    assert_eq!(put("admin", &[]).await.0, 400);
    assert_eq!(put("admin", &[("expireDate", "31.01.2030")]).await.0, 404);
    assert_eq!(put("bob", &[("permissions", "31")]).await.0, 403);
    assert_eq!(put("carol", &[("permissions", "31")]).await.0, 404);
    let (status, _) = server
        .call(
            "admin",
            Method::PUT,
            &format!("{API}/shares/999"),
            &[("note", "x")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
