//! The Talk client replaying the recorded Nextcloud 32 conversation (fixtures 081–157) against
//! a local server that answers exactly what the real one did: every request the client sends
//! has the fixture's method, path, query and form, and every answer decodes. Also what only a
//! real server does and the simulator does not: the session cookie calls need (surprise 26),
//! the lobby's 412 and a changed `X-Nextcloud-Talk-Hash`.

mod common;

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
};

use common::{fixture, fixture_names, Answer, Canned, Recorded};
use nextcloud::{
    talk::{
        CallFlags, ChatQuery, NewMessage, NewRoom, NotificationLevel, ParticipantId, RoomQuery,
        RoomType,
    },
    Error, TalkApi, TalkVersion,
};
use serde_json::Value;

/// A server that answers the capabilities with fixture 001 and everything else with whatever
/// was set last.
struct Replay {
    server: Canned,
    answer: Arc<Mutex<Answer>>,
}

impl Replay {
    async fn start() -> Replay {
        let answer = Arc::new(Mutex::new(Answer::new(500, "")));
        let current = answer.clone();
        let capabilities = Answer::from_fixture(&fixture(&name_of("001")));
        let server = Canned::start(move |request| {
            if request.path() == "/ocs/v2.php/cloud/capabilities" {
                capabilities.clone()
            } else {
                current.lock().unwrap().clone()
            }
        })
        .await;
        Replay { server, answer }
    }

    fn talk(&self, login: &str) -> TalkApi {
        self.server.client(login).talk()
    }

    /// The next non-capabilities answer is fixture `number`'s.
    fn answer(&self, number: &str) {
        *self.answer.lock().unwrap() = Answer::from_fixture(&fixture(&name_of(number)));
    }

    fn answer_with(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }

    /// The Talk requests since the last call (capabilities left out).
    fn take(&self) -> Vec<Recorded> {
        self.server
            .take_requests()
            .into_iter()
            .filter(|r| r.path() != "/ocs/v2.php/cloud/capabilities")
            .collect()
    }

    /// Asserts that exactly one Talk request was sent since the last check and that it is the
    /// request of fixture `number`: method, path and query byte for byte, the same form
    /// fields (redacted values not compared), the same user.
    fn expect(&self, number: &str) -> Recorded {
        let name = name_of(number);
        let recorded = fixture(&name)["request"].clone();
        let mut sent = self.take();
        assert_eq!(sent.len(), 1, "{name}: {sent:#?}");
        let sent = sent.remove(0);
        assert_eq!(sent.method, recorded["method"], "{name}");
        assert_eq!(sent.target, recorded["path_and_query"], "{name}");
        assert_eq!(sent.header("OCS-APIRequest"), Some("true"), "{name}");
        let user = recorded["auth"]
            .as_str()
            .unwrap()
            .trim_start_matches("user:");
        assert_eq!(
            sent.header("Authorization"),
            Some(common::basic(user).as_str()),
            "{name}"
        );
        let expected: BTreeMap<String, String> = match &recorded["body"] {
            Value::Object(fields) => fields
                .iter()
                .filter(|(_, v)| v.as_str() != Some("<redacted>"))
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                .collect(),
            _ => BTreeMap::new(),
        };
        let form: BTreeMap<String, String> = sent
            .form()
            .into_iter()
            .filter(|(k, _)| expected.contains_key(k))
            .map(|(k, mut v)| (k, v.remove(0)))
            .collect();
        assert_eq!(form, expected, "{name}");
        let sent_fields: Vec<String> = sent.form().into_keys().collect();
        let recorded_fields: Vec<String> = match &recorded["body"] {
            Value::Object(fields) => fields.keys().cloned().collect(),
            _ => Vec::new(),
        };
        assert_eq!(
            sent_fields
                .iter()
                .collect::<std::collections::BTreeSet<_>>(),
            recorded_fields.iter().collect(),
            "{name}: the same form fields"
        );
        sent
    }
}

/// The fixture file whose name starts with `number`.
fn name_of(number: &str) -> String {
    fixture_names(&[number])
        .into_iter()
        .find(|n| n.starts_with(number))
        .unwrap_or_else(|| panic!("no fixture {number}"))
}

fn invalid(statuscode: i64, key: &str) -> Error {
    Error::Invalid {
        statuscode,
        message: key.into(),
    }
}

fn not_found(key: &str) -> Error {
    Error::NotFound {
        message: key.into(),
    }
}

#[tokio::test]
async fn rooms_are_created_read_and_changed_exactly_as_recorded() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    let bob = replay.talk("bob");

    replay.answer("081");
    let list = admin.rooms(&RoomQuery::background()).await.unwrap();
    replay.expect("081");
    assert_eq!(list.modified_before, Some(1_795_647_811));
    assert_eq!(
        list.talk_hash.as_deref(),
        Some("2c4968a4a455bac2680838859bfbdde92c83d28b")
    );
    assert!(list
        .rooms
        .iter()
        .any(|r| r.room_type == RoomType::NoteToSelf));

    replay.answer("084");
    let first = admin
        .create_room(&NewRoom::one_to_one("bob"))
        .await
        .unwrap();
    replay.expect("084");
    assert!(first.created);
    replay.answer("085");
    let again = admin
        .create_room(&NewRoom::one_to_one("bob"))
        .await
        .unwrap();
    replay.expect("085");
    assert!(!again.created);
    assert_eq!(again.room.token, first.room.token);
    replay.answer("086");
    let group = admin
        .create_room(&NewRoom::group("Fixture group"))
        .await
        .unwrap();
    replay.expect("086");
    assert_eq!(group.room.token, "pj4sxr7h");
    replay.answer("087");
    admin
        .create_room(&NewRoom::public("Fixture public"))
        .await
        .unwrap();
    replay.expect("087");
    replay.answer("088");
    assert_eq!(
        admin
            .create_room(&NewRoom::new(RoomType::Other(9)).name("Bad"))
            .await
            .unwrap_err(),
        invalid(400, "type")
    );
    replay.expect("088");
    replay.answer("089");
    assert_eq!(
        admin
            .create_room(&NewRoom::one_to_one("nosuchuser"))
            .await
            .unwrap_err(),
        not_found("invite")
    );
    replay.expect("089");

    replay.answer("090");
    assert_eq!(admin.room("pj4sxr7h").await.unwrap().token, "pj4sxr7h");
    replay.expect("090");
    replay.answer("091");
    assert_eq!(admin.room("zzzzzzzz").await.unwrap_err(), not_found(""));
    replay.expect("091");

    for (number, token, name, error) in [
        ("092", "pj4sxr7h", "Fixture group renamed".to_owned(), None),
        (
            "093",
            "pj4sxr7h",
            String::new(),
            Some(invalid(400, "value")),
        ),
        ("094", "zz348yh3", "n".repeat(201), None),
        ("095", "zz348yh3", "p".repeat(200), None),
        ("096", "zz348yh3", "q".repeat(255), None),
        (
            "097",
            "zz348yh3",
            "r".repeat(256),
            Some(invalid(400, "value")),
        ),
        ("098", "zz348yh3", "Fixture public".to_owned(), None),
        (
            "099",
            "9ms96875",
            "Nope".to_owned(),
            Some(invalid(400, "type")),
        ),
    ] {
        replay.answer(number);
        let result = admin.rename_room(token, &name).await;
        replay.expect(number);
        match error {
            None => assert_eq!(result.unwrap().unwrap().name, name, "{number}"),
            Some(error) => assert_eq!(result.unwrap_err(), error, "{number}"),
        }
    }

    replay.answer("100");
    assert!(
        admin
            .set_password("zz348yh3", "secret")
            .await
            .unwrap()
            .unwrap()
            .has_password
    );
    replay.expect("100");
    replay.answer("101");
    assert_eq!(
        admin.set_password("pj4sxr7h", "secret").await.unwrap_err(),
        invalid(400, "type")
    );
    replay.expect("101");
    replay.answer("102");
    assert!(
        !admin
            .set_password("zz348yh3", "")
            .await
            .unwrap()
            .unwrap()
            .has_password
    );
    replay.expect("102");

    replay.answer("103");
    assert!(
        admin
            .add_favorite("pj4sxr7h")
            .await
            .unwrap()
            .unwrap()
            .is_favorite
    );
    replay.expect("103");
    replay.answer("104");
    assert!(
        !admin
            .remove_favorite("pj4sxr7h")
            .await
            .unwrap()
            .unwrap()
            .is_favorite
    );
    replay.expect("104");

    for (number, level, error) in [
        ("105", NotificationLevel::Always, None),
        (
            "106",
            NotificationLevel::Other(9),
            Some(invalid(400, "level")),
        ),
        (
            "107",
            NotificationLevel::Default,
            Some(invalid(400, "level")),
        ),
        ("108", NotificationLevel::Mention, None),
    ] {
        replay.answer(number);
        let result = admin.set_notification_level("pj4sxr7h", level).await;
        replay.expect(number);
        match error {
            None => assert_eq!(result.unwrap().unwrap().notification_level, level),
            Some(error) => assert_eq!(result.unwrap_err(), error, "{number}"),
        }
    }

    replay.answer("139");
    let seen_by_bob = bob.room("pj4sxr7h").await.unwrap();
    replay.expect("139");
    assert!(seen_by_bob.unread_mention_direct);
    replay.answer("140");
    bob.rooms(&RoomQuery::background()).await.unwrap();
    replay.expect("140");

    // Seed-style v1 rooms do not exist on this server (082).
    let pinned_v1 = replay.talk("admin").with_version(TalkVersion::V1);
    replay.answer("082");
    match pinned_v1.rooms(&RoomQuery::new()).await.unwrap_err() {
        Error::NotFound { message } => assert!(message.starts_with("Invalid query")),
        other => panic!("{other:?}"),
    }
    replay.expect("082");
}

#[tokio::test]
async fn participants_and_moderators_by_attendee_id_as_recorded() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    let token = "pj4sxr7h";

    replay.answer("109");
    admin
        .add_participant(token, "bob", Some("users"))
        .await
        .unwrap();
    replay.expect("109");
    replay.answer("110");
    assert_eq!(
        admin
            .add_participant(token, "nosuchuser", Some("users"))
            .await
            .unwrap_err(),
        not_found("new-participant")
    );
    replay.expect("110");
    replay.answer("111");
    admin.add_participant(token, "carol", None).await.unwrap();
    replay.expect("111");
    replay.answer("112");
    let people = admin.participants(token).await.unwrap();
    replay.expect("112");
    assert_eq!(people[1].id(), ParticipantId::Attendee(29));

    replay.answer("113");
    admin
        .promote_moderator(token, &people[1].id())
        .await
        .unwrap();
    replay.expect("113");
    replay.answer("115");
    admin
        .demote_moderator(token, &people[1].id())
        .await
        .unwrap();
    replay.expect("115");
    replay.answer("116");
    assert_eq!(
        admin
            .demote_moderator(token, &people[1].id())
            .await
            .unwrap_err(),
        invalid(400, "")
    );
    replay.expect("116");
    replay.answer("118");
    admin
        .remove_participant(token, &people[2].id())
        .await
        .unwrap();
    replay.expect("118");
    replay.answer("119");
    assert_eq!(admin.participants(token).await.unwrap().len(), 2);
    replay.expect("119");
}

#[tokio::test]
async fn chat_reactions_and_read_markers_as_recorded() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    let bob = replay.talk("bob");
    let token = "pj4sxr7h";

    replay.answer("121");
    let hello = admin
        .send(
            token,
            &NewMessage::new("Hello from the fixture capture").reference_id("a".repeat(64)),
        )
        .await
        .unwrap();
    replay.expect("121");
    assert_eq!(hello.message.id, 227);
    assert_eq!(hello.last_common_read, Some(215));

    replay.answer("122");
    let err = admin
        .send(token, &NewMessage::new("x".repeat(32_001)))
        .await
        .unwrap_err();
    // The 413 names the limit from the capabilities (one extra request for them).
    assert_eq!(
        err,
        invalid(
            413,
            "The message is longer than the server's limit of 32000 characters"
        )
    );
    replay.expect("122");

    replay.answer("123");
    let mention = admin
        .send(token, &NewMessage::new("Hi @bob, please review"))
        .await
        .unwrap();
    replay.expect("123");
    assert!(mention.message.mentions_user("bob"));
    replay.answer("124");
    let reply = admin
        .send(token, &NewMessage::new("**bold** reply").reply_to(227))
        .await
        .unwrap();
    replay.expect("124");
    assert_eq!(reply.message.parent.unwrap().id, 227);

    replay.answer("125");
    assert_eq!(
        admin.add_reaction(token, 227, "👍").await.unwrap()["👍"].len(),
        1
    );
    replay.expect("125");
    replay.answer("126");
    assert_eq!(
        bob.add_reaction(token, 227, "👍").await.unwrap()["👍"].len(),
        2
    );
    replay.expect("126");
    replay.answer("127");
    assert_eq!(
        admin.reactions(token, 227, None).await.unwrap()["👍"].len(),
        2
    );
    replay.expect("127");
    replay.answer("128");
    assert_eq!(
        admin.remove_reaction(token, 227, "👍").await.unwrap()["👍"][0].actor_id,
        "bob"
    );
    replay.expect("128");

    let quiet = |query: ChatQuery| query.set_read_marker(false);
    for (number, query, first_id, last_given) in [
        (
            "129",
            quiet(ChatQuery::history().limit(100)),
            232,
            Some(213),
        ),
        ("130", quiet(ChatQuery::history().limit(2)), 232, Some(231)),
        (
            "131",
            quiet(ChatQuery::history().limit(3).last_known_message_id(228)),
            227,
            Some(225),
        ),
        (
            "133",
            quiet(ChatQuery::poll(228).timeout(2)),
            229,
            Some(232),
        ),
        ("157", quiet(ChatQuery::history().limit(15)), 236, Some(215)),
    ] {
        replay.answer(number);
        let page = admin.chat(token, &query).await.unwrap();
        replay.expect(number);
        assert_eq!(page.messages[0].id, first_id, "{number}");
        assert_eq!(page.last_given, last_given, "{number}");
        assert!(page.last_common_read.is_some(), "{number}");
    }
    for (number, query) in [
        (
            "132",
            quiet(ChatQuery::history().limit(10).last_known_message_id(213)),
        ),
        ("134", quiet(ChatQuery::poll(232).timeout(2))),
    ] {
        replay.answer(number);
        let page = admin.chat(token, &query).await.unwrap();
        replay.expect(number);
        assert!(page.is_empty(), "{number}: 304 is an empty page");
        assert_eq!(page.last_given, None);
    }

    replay.answer("135");
    assert_eq!(admin.mentions(token, "b", Some(20)).await.unwrap().len(), 1);
    replay.expect("135");
    replay.answer("136");
    assert_eq!(admin.mentions(token, "", Some(20)).await.unwrap().len(), 3);
    replay.expect("136");

    replay.answer("137");
    let room = admin
        .set_read_marker(token, Some(228))
        .await
        .unwrap()
        .unwrap();
    replay.expect("137");
    assert_eq!(room.last_read_message, Some(228));
    replay.answer("138");
    bob.set_read_marker(token, Some(227)).await.unwrap();
    replay.expect("138");

    replay.answer("141");
    admin
        .send("9ms96875", &NewMessage::new("Private hello"))
        .await
        .unwrap();
    replay.expect("141");
    replay.answer("142");
    let private = bob
        .chat("9ms96875", &ChatQuery::history().limit(20))
        .await
        .unwrap();
    replay.expect("142");
    assert_eq!(private.messages[0].message, "Private hello");
}

#[tokio::test]
async fn calls_carry_the_cookie_the_join_set_as_the_real_server_needs() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    let token = "pj4sxr7h";

    // A join answer without cookies: the call request has none and the server finds no
    // session (146).
    replay.answer("120");
    let cookieless = admin.join_room(token, None).await.unwrap();
    replay.expect("120");
    replay.answer("146");
    assert_eq!(
        admin
            .join_call(
                &cookieless,
                CallFlags::IN_CALL | CallFlags::WITH_AUDIO,
                false
            )
            .await
            .unwrap_err(),
        not_found("")
    );
    assert_eq!(replay.expect("146").header("Cookie"), None);

    // The real join sets the PHP session cookie; every call request sends it back.
    replay.answer_with(
        Answer::from_fixture(&fixture(&name_of("120")))
            .header(
                "Set-Cookie",
                "oc1234=php-session; path=/; HttpOnly; SameSite=Lax",
            )
            .header("Set-Cookie", "oc_sessionPassphrase=pass; path=/; HttpOnly"),
    );
    let session = admin.join_room(token, None).await.unwrap();
    replay.expect("120");
    assert_eq!(session.session_id, "<redacted>");
    assert_eq!(session.room.as_ref().unwrap().token, token);
    let cookie = Some("oc1234=php-session; oc_sessionPassphrase=pass");

    replay.answer("147");
    admin
        .join_call(&session, CallFlags::IN_CALL | CallFlags::WITH_AUDIO, false)
        .await
        .unwrap();
    assert_eq!(replay.expect("147").header("Cookie"), cookie);
    replay.answer("148");
    let peers = admin.call_peers(token).await.unwrap();
    replay.expect("148");
    assert_eq!(peers[0].actor_id, "admin");
    replay.answer("155");
    admin.leave_call(&session, false).await.unwrap();
    assert_eq!(replay.expect("155").header("Cookie"), cookie);
    replay.answer("156");
    admin.leave_room(&session).await.unwrap();
    assert_eq!(replay.expect("156").header("Cookie"), cookie);
}

#[tokio::test]
async fn a_closed_lobby_is_a_412_with_an_envelope_unlike_the_csrf_412() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    // spreed answers a participant waiting in the lobby with 412 and an OCS envelope.
    replay.answer_with(Answer::json(
        412,
        &serde_json::json!({"ocs": {"meta": {"status": "failure", "statuscode": 412,
            "message": ""}, "data": {"error": "lobby"}}}),
    ));
    assert_eq!(
        admin
            .chat("pj4sxr7h", &ChatQuery::history())
            .await
            .unwrap_err(),
        invalid(412, "lobby")
    );
    // Without the OCS header the server's CSRF check answers 412 without an envelope (190).
    replay.answer("190");
    assert_eq!(
        admin
            .chat("pj4sxr7h", &ChatQuery::history())
            .await
            .unwrap_err(),
        Error::Http {
            status: 412,
            message: "CSRF check failed".into()
        }
    );
}

#[tokio::test]
async fn a_changed_talk_hash_makes_the_client_read_the_capabilities_again() {
    let replay = Replay::start().await;
    let admin = replay.talk("admin");
    let capability_reads = |server: &Canned| {
        server
            .requests()
            .iter()
            .filter(|r| r.path() == "/ocs/v2.php/cloud/capabilities")
            .count()
    };
    replay.answer("081");
    admin.rooms(&RoomQuery::background()).await.unwrap();
    admin.rooms(&RoomQuery::background()).await.unwrap();
    assert_eq!(
        capability_reads(&replay.server),
        1,
        "read once, then cached"
    );

    let mut changed = Answer::from_fixture(&fixture(&name_of("081")));
    changed
        .headers
        .retain(|(name, _)| name != "X-Nextcloud-Talk-Hash");
    replay.answer_with(changed.header(
        "X-Nextcloud-Talk-Hash",
        "0000000000000000000000000000000000000000",
    ));
    let list = admin.rooms(&RoomQuery::background()).await.unwrap();
    assert_eq!(
        list.talk_hash.as_deref(),
        Some("0000000000000000000000000000000000000000")
    );
    admin.rooms(&RoomQuery::background()).await.unwrap();
    assert_eq!(
        capability_reads(&replay.server),
        2,
        "the new hash dropped the cached capabilities"
    );
}
