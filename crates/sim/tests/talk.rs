//! Talk in the simulator, over loopback HTTP: the long-poll that answers as soon as a message
//! arrives, 304s, the chat limit, the session rule of calls, notifications, reactions, the
//! room setters, and the seed-era server (`TalkApi::SeedV1`).

mod common;

use std::time::{Duration, Instant};

use nctray_sim::{Sim, SimConfig, TalkApi};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;

const V4: &str = "/ocs/v2.php/apps/spreed/api/v4";
const V1: &str = "/ocs/v2.php/apps/spreed/api/v1";
const NOTIFICATIONS: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";

struct Server {
    sim: Sim,
    client: reqwest::Client,
}

/// What an OCS call answered.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    /// `ocs.data`, or `Null` for an empty body.
    data: Value,
    statuscode: Value,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Server {
    async fn start() -> Server {
        Server::with(TalkApi::V4).await
    }

    async fn with(talk: TalkApi) -> Server {
        let (sim, client) = common::start(SimConfig {
            talk,
            ..SimConfig::default()
        })
        .await;
        Server { sim, client }
    }

    async fn call(&self, user: &str, method: Method, path: &str, form: &[(&str, &str)]) -> Answer {
        let url = format!("{}{path}", self.sim.base_url());
        let mut request = common::ocs(&self.client, user, method, url);
        if !form.is_empty() {
            request = request.form(form);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let body: Value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("JSON body")
        };
        Answer {
            status,
            headers,
            data: body["ocs"]["data"].clone(),
            statuscode: body["ocs"]["meta"]["statuscode"].clone(),
        }
    }

    async fn get(&self, user: &str, path: &str) -> Answer {
        self.call(user, Method::GET, path, &[]).await
    }

    async fn post(&self, user: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        self.call(user, Method::POST, path, form).await
    }

    /// A group room of admin with bob in it.
    fn group_with_bob(&self) -> String {
        let control = self.sim.control();
        let token = control.create_room("admin", 2, "Team").expect("room");
        assert!(control.add_room_participant(&token, "bob"));
        token
    }
}

#[tokio::test]
async fn a_message_posted_during_a_long_poll_returns_it_at_once() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let newest = server
        .sim
        .control()
        .post_chat_message("admin", &token, "before");

    let path = format!("{V1}/chat/{token}?lookIntoFuture=1&timeout=30&lastKnownMessageId={newest}");
    let poll = server.get("bob", &path);
    let post = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let posted_at = Instant::now();
        let sent = server
            .post(
                "admin",
                &format!("{V1}/chat/{token}"),
                &[("message", "during")],
            )
            .await;
        assert_eq!(sent.status, StatusCode::CREATED);
        posted_at
    };
    let (answer, posted_at) = tokio::join!(poll, post);
    let waited = posted_at.elapsed();

    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        waited < Duration::from_millis(300),
        "the poll answered {waited:?} after the post"
    );
    let messages = answer.data.as_array().expect("list");
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["message"], "during");
    let id = messages[0]["id"].as_i64().unwrap();
    assert_eq!(
        answer.header("X-Chat-Last-Given"),
        Some(id.to_string().as_str())
    );
}

#[tokio::test]
async fn a_long_poll_with_nothing_new_answers_304_after_its_timeout() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let newest = server
        .sim
        .control()
        .post_chat_message("admin", &token, "only");
    let started = Instant::now();
    let answer = server
        .get(
            "bob",
            &format!("{V1}/chat/{token}?lookIntoFuture=1&timeout=1&lastKnownMessageId={newest}"),
        )
        .await;
    let waited = started.elapsed();
    assert_eq!(answer.status, StatusCode::NOT_MODIFIED);
    assert_eq!(answer.data, Value::Null, "304 has an empty body");
    assert!(
        waited >= Duration::from_millis(900),
        "answered after {waited:?}"
    );
    assert!(waited < Duration::from_secs(5), "answered after {waited:?}");
}

#[tokio::test]
async fn a_long_poll_does_not_hold_up_other_requests() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let newest = server.sim.control().post_chat_message("admin", &token, "x");
    let path = format!("{V1}/chat/{token}?lookIntoFuture=1&timeout=2&lastKnownMessageId={newest}");
    let poll = server.get("bob", &path);
    let other = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let started = Instant::now();
        let rooms = server
            .get("admin", &format!("{V4}/room?noStatusUpdate=1"))
            .await;
        (rooms.status, started.elapsed())
    };
    let (polled, (status, took)) = tokio::join!(poll, other);
    assert_eq!(polled.status, StatusCode::NOT_MODIFIED);
    assert_eq!(status, StatusCode::OK);
    assert!(took < Duration::from_millis(500), "room list took {took:?}");
}

#[tokio::test]
async fn messages_longer_than_max_length_are_refused_with_413() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let path = format!("{V1}/chat/{token}");
    let at_limit = "ä".repeat(32_000);
    let ok = server.post("admin", &path, &[("message", &at_limit)]).await;
    assert_eq!(
        ok.status,
        StatusCode::CREATED,
        "characters count, not bytes"
    );
    let too_long = "x".repeat(32_001);
    let refused = server.post("admin", &path, &[("message", &too_long)]).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(refused.data["error"], "message");
}

#[tokio::test]
async fn history_pages_back_with_last_given_and_ends_with_304() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let control = server.sim.control();
    for text in ["one", "two", "three"] {
        control.post_chat_message("admin", &token, text);
    }
    let first = server
        .get(
            "bob",
            &format!("{V1}/chat/{token}?lookIntoFuture=0&limit=2"),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let texts: Vec<&str> = first
        .data
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["message"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["three", "two"]);
    let mut last = first.header("X-Chat-Last-Given").unwrap().to_owned();
    let mut pages = 1;
    loop {
        let page = server
            .get(
                "bob",
                &format!("{V1}/chat/{token}?lookIntoFuture=0&limit=2&lastKnownMessageId={last}"),
            )
            .await;
        if page.status == StatusCode::NOT_MODIFIED {
            break;
        }
        assert_eq!(page.status, StatusCode::OK);
        last = page.header("X-Chat-Last-Given").unwrap().to_owned();
        pages += 1;
        assert!(pages < 10, "history never ends");
    }
    // one, two, three + created + user_added = 5 messages in pages of 2.
    assert_eq!(pages, 3);
}

#[tokio::test]
async fn a_mention_notifies_the_mentioned_user_until_they_read_it() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let sent = server
        .post(
            "admin",
            &format!("{V1}/chat/{token}"),
            &[("message", "Hi @bob, look")],
        )
        .await;
    assert_eq!(sent.data["message"], "Hi {mention-user1}, look");
    assert_eq!(sent.data["messageParameters"]["mention-user1"]["id"], "bob");
    let id = sent.data["id"].as_i64().unwrap();

    let list = server.get("bob", NOTIFICATIONS).await;
    let notifications = list.data.as_array().unwrap();
    assert_eq!(notifications.len(), 1);
    let n = &notifications[0];
    assert_eq!(n["app"], "spreed");
    assert_eq!(n["object_type"], "chat");
    assert_eq!(n["object_id"], format!("{token}/{id}"));
    assert_eq!(
        n["subjectRich"],
        "{user} mentioned you in conversation {call}"
    );
    assert_eq!(n["messageRich"], "Hi {mention-user1}, look");
    let actions = n["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["type"], "WEB");
    assert_eq!(actions[0]["label"], "View chat");
    assert_eq!(actions[0]["primary"], false);
    assert!(server
        .get("admin", NOTIFICATIONS)
        .await
        .data
        .as_array()
        .unwrap()
        .is_empty());

    let read = server
        .post(
            "bob",
            &format!("{V1}/chat/{token}/read"),
            &[("lastReadMessage", &id.to_string())],
        )
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.data["lastReadMessage"], id);
    assert_eq!(read.data["unreadMention"], false);
    assert!(server
        .get("bob", NOTIFICATIONS)
        .await
        .data
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_call_join_needs_the_room_session_and_makes_the_user_busy() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let status = "/ocs/v2.php/apps/user_status/api/v1/user_status/status";
    let online = server
        .call("admin", Method::PUT, status, &[("statusType", "online")])
        .await;
    assert_eq!(online.status, StatusCode::OK);
    let call = format!("{V4}/call/{token}");
    let refused = server.post("admin", &call, &[("flags", "3")]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(refused.data, Value::Null);

    let joined = server
        .post(
            "admin",
            &format!("{V4}/room/{token}/participants/active"),
            &[],
        )
        .await;
    assert_eq!(joined.status, StatusCode::OK);
    let session = joined.data["sessionId"].as_str().unwrap();
    assert_eq!(session.len(), 512);
    assert_eq!(
        server.post("admin", &call, &[("flags", "3")]).await.status,
        StatusCode::OK
    );

    let peers = server.get("admin", &call).await;
    assert_eq!(peers.data.as_array().unwrap().len(), 1);
    assert_eq!(peers.data[0]["sessionId"], session);
    let status = server.sim.control().own_status("admin").expect("status");
    assert_eq!(status["status"], "busy");
    assert_eq!(status["messageId"], "call");
    let room = server.get("bob", &format!("{V4}/room/{token}")).await;
    assert_eq!(room.data["hasCall"], true);

    // Bob never joined: once the call is over his notification says he missed it.
    let ringing = server.get("bob", NOTIFICATIONS).await;
    assert_eq!(ringing.data[0]["object_type"], "call");
    assert_eq!(ringing.data[0]["object_id"], token);
    let left = server.call("admin", Method::DELETE, &call, &[]).await;
    assert_eq!(left.status, StatusCode::OK);
    let missed = server.get("bob", NOTIFICATIONS).await;
    assert_eq!(
        missed.data[0]["subjectRich"],
        "You missed a group call in {call}"
    );
    assert_eq!(missed.data[0]["actions"][0]["type"], "WEB");

    let history = server
        .get("admin", &format!("{V1}/chat/{token}?limit=3"))
        .await;
    let types: Vec<&str> = history
        .data
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["systemMessage"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["call_ended", "call_left", "call_started"]);
    let restored = server.sim.control().own_status("admin").expect("status");
    assert_eq!(
        restored["status"], "online",
        "the status from before the call is back"
    );
}

#[tokio::test]
async fn one_to_one_rooms_are_made_once_and_renamed_never() {
    let server = Server::start().await;
    let form = [("roomType", "1"), ("invite", "bob")];
    let first = server.post("admin", &format!("{V4}/room"), &form).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = server.post("admin", &format!("{V4}/room"), &form).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(first.data["token"], again.data["token"]);
    assert_eq!(first.data["name"], "bob");
    let token = first.data["token"].as_str().unwrap();
    let rename = server
        .call(
            "admin",
            Method::PUT,
            &format!("{V4}/room/{token}"),
            &[("roomName", "x")],
        )
        .await;
    assert_eq!(rename.status, StatusCode::BAD_REQUEST);
    assert_eq!(rename.data["error"], "type");
    let unknown = server
        .post(
            "admin",
            &format!("{V4}/room"),
            &[("roomType", "1"), ("invite", "nosuchuser")],
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.data["error"].as_str()),
        (StatusCode::NOT_FOUND, Some("invite"))
    );
    let bad_type = server
        .post("admin", &format!("{V4}/room"), &[("roomType", "9")])
        .await;
    assert_eq!(
        (bad_type.status, bad_type.data["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("type"))
    );

    // Bob sees the room only once something happened in it.
    let bob_list = |answer: Answer| -> Vec<String> {
        answer
            .data
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["token"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = bob_list(
        server
            .get("bob", &format!("{V4}/room?noStatusUpdate=1"))
            .await,
    );
    assert!(!before.contains(&token.to_owned()));
    server
        .sim
        .control()
        .post_chat_message("admin", token, "Private hello");
    let after = bob_list(
        server
            .get("bob", &format!("{V4}/room?noStatusUpdate=1"))
            .await,
    );
    assert!(after.contains(&token.to_owned()));
    let private = server.get("bob", NOTIFICATIONS).await;
    assert_eq!(
        private.data[0]["subjectRich"],
        "{user} sent you a private message"
    );
}

#[tokio::test]
async fn room_names_take_1_to_255_characters() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let server = &server;
    let path = format!("{V4}/room/{token}");
    let path = path.as_str();
    let rename = |name: String| async move {
        server
            .call("admin", Method::PUT, path, &[("roomName", &name)])
            .await
    };
    assert_eq!(rename("y".repeat(255)).await.status, StatusCode::OK);
    let long = rename("y".repeat(256)).await;
    assert_eq!(
        (long.status, long.data["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("value"))
    );
    assert_eq!(rename(String::new()).await.status, StatusCode::BAD_REQUEST);
    let renamed = rename("Team B".to_owned()).await;
    assert_eq!(renamed.data["name"], "Team B");
    assert_eq!(
        renamed.data["lastMessage"]["systemMessage"],
        "conversation_renamed"
    );
    // Bob is no moderator.
    let path = format!("{V4}/room/{token}");
    let by_bob = server
        .call("bob", Method::PUT, &path, &[("roomName", "Mine")])
        .await;
    assert_eq!(by_bob.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn room_setters_answer_with_the_room_and_check_their_values() {
    let server = Server::start().await;
    let group = server.group_with_bob();
    let room = |token: &str, rest: &str| format!("{V4}/room/{token}/{rest}");

    let favorite = server.post("admin", &room(&group, "favorite"), &[]).await;
    assert_eq!(favorite.data["isFavorite"], true);
    for (level, status) in [("0", 400), ("1", 200), ("3", 200), ("9", 400)] {
        let answer = server
            .post("admin", &room(&group, "notify"), &[("level", level)])
            .await;
        assert_eq!(answer.status.as_u16(), status, "level {level}");
    }
    let password = server
        .call(
            "admin",
            Method::PUT,
            &room(&group, "password"),
            &[("password", "secret")],
        )
        .await;
    assert_eq!(
        (password.status, password.data["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("type"))
    );
    let public = server.post("admin", &room(&group, "public"), &[]).await;
    assert_eq!(public.data["type"], 3);
    let password = server
        .call(
            "admin",
            Method::PUT,
            &room(&group, "password"),
            &[("password", "secret")],
        )
        .await;
    assert_eq!(password.data["hasPassword"], true);

    // Since the list was fetched, only changed rooms come back.
    let list = server
        .get("admin", &format!("{V4}/room?noStatusUpdate=1"))
        .await;
    let before = list
        .header("X-Nextcloud-Talk-Modified-Before")
        .unwrap()
        .to_owned();
    assert!(list
        .header("X-Nextcloud-Talk-Hash")
        .is_some_and(|h| h.len() == 40));
    let other = server
        .sim
        .control()
        .create_room("admin", 2, "Other")
        .unwrap();
    server.sim.control().advance_clock(Duration::from_secs(5));
    server
        .sim
        .control()
        .post_chat_message("admin", &other, "new");
    let changed = server
        .get(
            "admin",
            &format!(
                "{V4}/room?noStatusUpdate=1&modifiedSince={}",
                before.parse::<i64>().unwrap() + 1
            ),
        )
        .await;
    let tokens: Vec<&str> = changed
        .data
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["token"].as_str().unwrap())
        .collect();
    assert_eq!(tokens, [other.as_str()]);

    let deleted = server
        .call("admin", Method::DELETE, &format!("{V4}/room/{group}"), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(
        server
            .get("admin", &format!("{V4}/room/{group}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn participants_are_managed_by_attendee_id() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let participants = format!("{V4}/room/{token}/participants");
    let added = server
        .post(
            "admin",
            &participants,
            &[("newParticipant", "carol"), ("source", "users")],
        )
        .await;
    assert_eq!(
        (added.status, added.data.clone()),
        (StatusCode::OK, serde_json::json!([]))
    );
    let unknown = server
        .post("admin", &participants, &[("newParticipant", "nobody")])
        .await;
    assert_eq!(unknown.data["error"], "new-participant");

    let list = server.get("admin", &participants).await;
    let id_of = |who: &str| -> String {
        list.data
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["actorId"] == who)
            .unwrap()["attendeeId"]
            .to_string()
    };
    let (bob, carol) = (id_of("bob"), id_of("carol"));
    let moderators = format!("{V4}/room/{token}/moderators");
    assert_eq!(
        server
            .post("admin", &moderators, &[("attendeeId", &bob)])
            .await
            .status,
        StatusCode::OK
    );
    let v1_style = server
        .post("admin", &moderators, &[("participant", "bob")])
        .await;
    assert_eq!(
        (v1_style.status, v1_style.statuscode.clone()),
        (StatusCode::INTERNAL_SERVER_ERROR, Value::from(996))
    );
    assert_eq!(
        server
            .call(
                "admin",
                Method::DELETE,
                &moderators,
                &[("attendeeId", &bob)]
            )
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        server
            .call(
                "admin",
                Method::DELETE,
                &moderators,
                &[("attendeeId", &bob)]
            )
            .await
            .status,
        StatusCode::BAD_REQUEST
    );

    let seed_remove = server
        .call(
            "admin",
            Method::DELETE,
            &participants,
            &[("participant", "carol")],
        )
        .await;
    assert_eq!(seed_remove.status, StatusCode::METHOD_NOT_ALLOWED);
    let removed = server
        .call(
            "admin",
            Method::DELETE,
            &format!("{V4}/room/{token}/attendees"),
            &[("attendeeId", &carol)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);
    assert_eq!(
        server
            .get("carol", &format!("{V4}/room/{token}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let history = server
        .get("admin", &format!("{V1}/chat/{token}?limit=1"))
        .await;
    assert_eq!(history.data[0]["systemMessage"], "user_removed");
    assert_eq!(history.data[0]["message"], "You removed {user}");
}

#[tokio::test]
async fn reactions_are_added_once_listed_and_removed() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let id = server
        .sim
        .control()
        .post_chat_message("admin", &token, "react to me");
    let path = format!("{V1}/reaction/{token}/{id}");
    let add = server.post("bob", &path, &[("reaction", "👍")]).await;
    assert_eq!(add.status, StatusCode::CREATED);
    assert_eq!(add.data["👍"][0]["actorId"], "bob");
    assert_eq!(
        server
            .post("bob", &path, &[("reaction", "👍")])
            .await
            .status,
        StatusCode::OK
    );
    let history = server
        .get("bob", &format!("{V1}/chat/{token}?limit=10"))
        .await;
    let reacted = history
        .data
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(reacted["reactions"]["👍"], 1);
    assert_eq!(reacted["reactionsSelf"][0], "👍");
    let removed = server
        .call("bob", Method::DELETE, &path, &[("reaction", "👍")])
        .await;
    assert_eq!(
        (removed.status, removed.data.clone()),
        (StatusCode::OK, serde_json::json!([]))
    );
    let again = server
        .call("bob", Method::DELETE, &path, &[("reaction", "👍")])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn mention_autocomplete_lists_room_users_and_all() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let found = server
        .get("admin", &format!("{V1}/chat/{token}/mentions?search=b"))
        .await;
    assert_eq!(found.data.as_array().unwrap().len(), 1);
    assert_eq!(found.data[0]["id"], "bob");
    assert_eq!(found.data[0]["mentionId"], "bob");
    let everyone = server
        .get("admin", &format!("{V1}/chat/{token}/mentions?search="))
        .await;
    let last = everyone.data.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["id"], "all");
    assert_eq!(last["source"], "calls");
    assert_eq!(last["details"], "All 2 participants");
}

#[tokio::test]
async fn todays_server_has_no_v1_rooms_and_no_v4_chat() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    for path in [
        format!("{V1}/room"),
        "/ocs/v2.php/apps/spreed/api/v3/room".to_owned(),
        format!("{V4}/chat/{token}"),
    ] {
        let answer = server.get("admin", &path).await;
        assert_eq!(
            (answer.status, answer.statuscode.clone()),
            (StatusCode::NOT_FOUND, Value::from(998)),
            "{path}"
        );
    }
    let settings = server
        .get("admin", "/ocs/v2.php/apps/spreed/api/v3/signaling/settings")
        .await;
    assert_eq!(settings.status, StatusCode::OK);
    assert_eq!(settings.data["signalingMode"], "internal");
}

#[tokio::test]
async fn the_seed_era_server_speaks_the_v1_room_api() {
    let server = Server::with(TalkApi::SeedV1).await;
    let capabilities = server.get("admin", "/ocs/v2.php/cloud/capabilities").await;
    let spreed = &capabilities.data["capabilities"]["spreed"];
    let features: Vec<&str> = spreed["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(features.contains(&"chat-v2"));
    assert!(!features.contains(&"conversation-v4"));
    assert_eq!(spreed["config"]["chat"]["max-length"], 1000);

    let v4 = server.get("admin", &format!("{V4}/room")).await;
    assert_eq!(v4.statuscode, Value::from(998));
    let created = server
        .post(
            "admin",
            &format!("{V1}/room"),
            &[("roomType", "2"), ("roomName", "Old")],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let keys: Vec<&String> = created.data.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "token, name, displayName: {keys:?}");
    let token = created.data["token"].as_str().unwrap().to_owned();

    let list = server.get("admin", &format!("{V1}/room")).await;
    assert_eq!(
        list.data.as_array().unwrap().len(),
        1,
        "no changelog or note-to-self rooms"
    );
    let room = &list.data[0];
    for field in [
        "participantInCall",
        "count",
        "numGuests",
        "lastMessage",
        "unreadMention",
    ] {
        assert!(room.get(field).is_some(), "{field} missing");
    }
    assert!(room.get("attendeeId").is_none());

    let rename = server
        .call(
            "admin",
            Method::PUT,
            &format!("{V1}/room/{token}"),
            &[("roomName", &"z".repeat(201))],
        )
        .await;
    assert_eq!(
        (rename.status, rename.data.clone()),
        (StatusCode::BAD_REQUEST, serde_json::json!([]))
    );
    let password = server
        .call(
            "admin",
            Method::PUT,
            &format!("{V1}/room/{token}/password"),
            &[("password", "x")],
        )
        .await;
    assert_eq!(password.status, StatusCode::FORBIDDEN);

    let participants = format!("{V1}/room/{token}/participants");
    assert_eq!(
        server
            .post("admin", &participants, &[("newParticipant", "bob")])
            .await
            .status,
        StatusCode::OK
    );
    let moderators = format!("{V1}/room/{token}/moderators");
    assert_eq!(
        server
            .post("admin", &moderators, &[("participant", "bob")])
            .await
            .status,
        StatusCode::OK
    );
    let people = server.get("admin", &participants).await;
    assert_eq!(people.data[1]["userId"], "bob");
    assert_eq!(people.data[1]["participantType"], 2);
    let removed = server
        .call(
            "admin",
            Method::DELETE,
            &participants,
            &[("participant", "bob")],
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);

    let chat = format!("{V1}/chat/{token}");
    let too_long = server
        .post("admin", &chat, &[("message", &"x".repeat(1001))])
        .await;
    assert_eq!(too_long.status, StatusCode::PAYLOAD_TOO_LARGE);
    let sent = server
        .post("admin", &chat, &[("message", &"x".repeat(1000))])
        .await;
    assert_eq!(sent.status, StatusCode::CREATED);
    assert!(
        sent.data.get("messageType").is_none(),
        "seed message fields only"
    );
    let joined = server
        .post(
            "admin",
            &format!("{V1}/room/{token}/participants/active"),
            &[],
        )
        .await;
    assert_eq!(joined.data["sessionId"].as_str().unwrap().len(), 512);
    assert_eq!(
        server
            .post("admin", &format!("{V1}/call/{token}"), &[])
            .await
            .status,
        StatusCode::OK
    );
    let peers = server.get("admin", &format!("{V1}/call/{token}")).await;
    assert_eq!(peers.data[0]["userId"], "admin");
    let reaction = server
        .get("admin", &format!("{V1}/reaction/{token}/1"))
        .await;
    assert_eq!(
        reaction.statuscode,
        Value::from(998),
        "no reactions in the seed's Talk"
    );
}

#[tokio::test]
async fn the_control_api_makes_rooms_and_posts_messages() {
    let server = Server::start().await;
    let url = |p: &str| format!("{}/_sim/talk{p}", server.sim.base_url());
    let created: Value = server
        .client
        .post(url("/rooms"))
        .json(&serde_json::json!({"owner": "admin", "type": 2, "name": "Ops"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = created["token"].as_str().unwrap();
    let added = server
        .client
        .post(url(&format!("/rooms/{token}/participants")))
        .json(&serde_json::json!({"user": "bob"}))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::NO_CONTENT);
    let posted = server
        .client
        .post(url(&format!("/rooms/{token}/messages")))
        .json(&serde_json::json!({"user": "bob", "message": "@admin ping"}))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::CREATED);
    let room = server.get("admin", &format!("{V4}/room/{token}")).await;
    assert_eq!(room.data["unreadMention"], true);
    assert_eq!(room.data["lastMessage"]["message"], "{mention-user1} ping");
}

#[tokio::test]
async fn every_room_event_of_the_seed_leaves_its_system_message() {
    let server = Server::start().await;
    let created = server
        .post(
            "admin",
            &format!("{V4}/room"),
            &[("roomType", "2"), ("roomName", "Events")],
        )
        .await;
    let token = created.data["token"].as_str().unwrap().to_owned();
    let room = |rest: &str| format!("{V4}/room/{token}{rest}");
    let put = |path: String, form: Vec<(&'static str, &'static str)>| {
        let server = &server;
        async move { server.call("admin", Method::PUT, &path, &form).await }
    };
    put(room(""), vec![("roomName", "Events 2")]).await;
    server.post("admin", &room("/public"), &[]).await;
    put(room("/password"), vec![("password", "secret")]).await;
    put(room("/password"), vec![("password", "")]).await;
    server
        .call("admin", Method::DELETE, &room("/public"), &[])
        .await;
    server
        .post(
            "admin",
            &room("/participants"),
            &[("newParticipant", "bob")],
        )
        .await;
    let people = server.get("admin", &room("/participants")).await;
    let bob = people.data[1]["attendeeId"].to_string();
    server
        .post("admin", &room("/moderators"), &[("attendeeId", &bob)])
        .await;
    server
        .call(
            "admin",
            Method::DELETE,
            &room("/moderators"),
            &[("attendeeId", &bob)],
        )
        .await;
    for user in ["admin", "bob"] {
        let joined = server.post(user, &room("/participants/active"), &[]).await;
        assert_eq!(joined.status, StatusCode::OK);
        let call = server.post(user, &format!("{V4}/call/{token}"), &[]).await;
        assert_eq!(call.status, StatusCode::OK);
    }
    for user in ["bob", "admin"] {
        let left = server
            .call(user, Method::DELETE, &format!("{V4}/call/{token}"), &[])
            .await;
        assert_eq!(left.status, StatusCode::OK);
    }
    server
        .call(
            "admin",
            Method::DELETE,
            &format!("{V4}/room/{token}/attendees"),
            &[("attendeeId", &bob)],
        )
        .await;

    let history = server
        .get("admin", &format!("{V1}/chat/{token}?lookIntoFuture=0"))
        .await;
    let mut types: Vec<&str> = history
        .data
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["systemMessage"].as_str().unwrap())
        .collect();
    types.reverse();
    assert_eq!(
        types,
        [
            "conversation_created",
            "conversation_renamed",
            "guests_allowed",
            "password_set",
            "password_removed",
            "guests_disallowed",
            "user_added",
            "moderator_promoted",
            "moderator_demoted",
            "call_started",
            "call_joined",
            "call_left",
            "call_left",
            "call_ended",
            "user_removed",
        ]
    );
    let ended = &history.data[1];
    let text = ended["message"].as_str().unwrap();
    assert!(
        text.starts_with("Call with {user1} and {user2} ended (Duration 0:0"),
        "{text}"
    );
    assert_eq!(ended["messageParameters"]["user2"]["id"], "bob");
}

#[tokio::test]
async fn users_join_public_rooms_by_link_with_the_password() {
    let server = Server::start().await;
    let token = server
        .sim
        .control()
        .create_room("admin", 3, "Open")
        .unwrap();
    let password = server
        .call(
            "admin",
            Method::PUT,
            &format!("{V4}/room/{token}/password"),
            &[("password", "pw")],
        )
        .await;
    assert_eq!(password.status, StatusCode::OK);
    let join = format!("{V4}/room/{token}/participants/active");
    assert_eq!(
        server
            .get("carol", &format!("{V4}/room/{token}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let wrong = server.post("carol", &join, &[("password", "nope")]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let joined = server.post("carol", &join, &[("password", "pw")]).await;
    assert_eq!(joined.status, StatusCode::OK);
    assert_eq!(
        joined.data["participantType"], 5,
        "a user who followed the link"
    );
    let group = server
        .sim
        .control()
        .create_room("admin", 2, "Closed")
        .unwrap();
    let closed = server
        .post(
            "carol",
            &format!("{V4}/room/{group}/participants/active"),
            &[],
        )
        .await;
    assert_eq!(closed.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn mark_unread_moves_the_read_marker_before_the_last_message() {
    let server = Server::start().await;
    let token = server.group_with_bob();
    let first = server
        .post(
            "admin",
            &format!("{V1}/chat/{token}"),
            &[("message", "one")],
        )
        .await;
    let second = server
        .post(
            "admin",
            &format!("{V1}/chat/{token}"),
            &[("message", "two")],
        )
        .await;
    let first = first.data["id"].as_i64().unwrap();
    let second = second.data["id"].as_i64().unwrap();
    let read = server
        .post("bob", &format!("{V1}/chat/{token}/read"), &[])
        .await;
    assert_eq!(read.data["lastReadMessage"], second);
    assert_eq!(read.data["unreadMessages"], 0);

    let unread = server
        .call(
            "bob",
            Method::DELETE,
            &format!("{V1}/chat/{token}/read"),
            &[],
        )
        .await;
    assert_eq!(unread.status, StatusCode::OK);
    assert_eq!(unread.data["token"], token.as_str());
    assert_eq!(unread.data["lastReadMessage"], first);
    assert_eq!(unread.data["unreadMessages"], 1);
    assert!(unread.header("X-Chat-Last-Common-Read").is_some());

    let unknown = server
        .call("bob", Method::DELETE, &format!("{V1}/chat/nope/read"), &[])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}
