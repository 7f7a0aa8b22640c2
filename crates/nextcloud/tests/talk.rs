//! The Talk client against the simulated Nextcloud 32 (`nctray-sim`): every endpoint, every
//! documented error status, the API version picked from the capabilities (v4 today, v1 on a
//! seed-era server) and the chat long poll.

use std::time::{Duration, Instant};

use nctray_sim::{Sim, SimConfig, TalkApi as SimTalk};
use nextcloud::{
    talk::{
        CallFlags, ChatQuery, MessageType, NewMessage, NewRoom, NotificationLevel, ParticipantId,
        ParticipantType, RichKind, RichPart, RoomQuery, RoomType,
    },
    Client, Credentials, Error, TalkApi, TalkVersion,
};

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

async fn seed_era_sim() -> Sim {
    Sim::start(SimConfig {
        talk: SimTalk::SeedV1,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn client(sim: &Sim, login: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

fn talk(sim: &Sim, login: &str) -> TalkApi {
    client(sim, login).talk()
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

/// The Talk requests the simulator saw, as `METHOD path?query`.
fn talk_requests(sim: &Sim) -> Vec<String> {
    sim.control()
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("/apps/spreed/"))
        .map(|r| {
            if r.query.is_empty() {
                format!("{} {}", r.method, r.path)
            } else {
                format!("{} {}?{}", r.method, r.path, r.query)
            }
        })
        .collect()
}

/// A group room of admin's with bob in it.
async fn group_with_bob(admin: &TalkApi, name: &str) -> String {
    let token = admin
        .create_room(&NewRoom::group(name))
        .await
        .unwrap()
        .room
        .token;
    admin.add_participant(&token, "bob", None).await.unwrap();
    token
}

/// A sim, admin's Talk API, and admin's group room `name` with bob in it.
async fn admin_in_a_group(name: &str) -> (Sim, TalkApi, String) {
    let sim = sim().await;
    let admin = talk(&sim, "admin");
    let token = group_with_bob(&admin, name).await;
    (sim, admin, token)
}

/// A sim, admin's and bob's Talk APIs, and admin's group room `name` with bob in it.
async fn admin_and_bob_in_a_group(name: &str) -> (Sim, TalkApi, TalkApi, String) {
    let sim = sim().await;
    let admin = talk(&sim, "admin");
    let bob = talk(&sim, "bob");
    let token = group_with_bob(&admin, name).await;
    (sim, admin, bob, token)
}

#[tokio::test]
async fn the_v4_api_is_picked_from_the_capabilities_and_the_list_polls_in_the_background() {
    let sim = sim().await;
    let talk = talk(&sim, "admin");
    assert_eq!(talk.version().await.unwrap(), TalkVersion::V4);
    let caps = talk.capabilities().await.unwrap();
    assert_eq!(caps.chat_max_length, Some(32_000));

    let list = talk.rooms(&RoomQuery::background()).await.unwrap();
    let types: Vec<RoomType> = list.rooms.iter().map(|r| r.room_type).collect();
    assert!(types.contains(&RoomType::Changelog), "{types:?}");
    assert!(types.contains(&RoomType::NoteToSelf), "{types:?}");
    assert!(list.modified_before.is_some());
    assert!(list.talk_hash.is_some());
    assert_eq!(talk.talk_hash(), list.talk_hash);

    // One capabilities request for both calls (cached), then the v4 list without a status
    // update.
    let capability_requests = sim
        .control()
        .requests()
        .iter()
        .filter(|r| r.path == "/ocs/v2.php/cloud/capabilities")
        .count();
    assert_eq!(capability_requests, 1);
    assert_eq!(
        talk_requests(&sim),
        ["GET /ocs/v2.php/apps/spreed/api/v4/room?noStatusUpdate=1"]
    );

    // Incremental: only rooms changed since the last answer. The server compares whole
    // seconds (`>=`), so the rooms made by the first list belong to the second it answered in:
    // move on, take a fresh `X-Nextcloud-Talk-Modified-Before`, then change one room.
    sim.control().advance_clock(Duration::from_secs(10));
    let full = talk.rooms(&RoomQuery::background()).await.unwrap();
    let modified_before = full.modified_before.unwrap();
    let token = group_with_bob(&talk, "Incremental").await;
    let changed = talk
        .rooms(&RoomQuery::background().modified_since(modified_before))
        .await
        .unwrap();
    let tokens: Vec<&str> = changed.rooms.iter().map(|r| r.token.as_str()).collect();
    assert!(tokens.contains(&token.as_str()), "{tokens:?}");
    assert_eq!(tokens, [token.as_str()], "the unchanged rooms are left out");
}

#[tokio::test]
async fn creating_rooms_of_every_type_and_the_existing_one_to_one() {
    let sim = sim().await;
    let talk = talk(&sim, "admin");

    let first = talk.create_room(&NewRoom::one_to_one("bob")).await.unwrap();
    assert!(first.created, "201 the first time");
    assert_eq!(first.room.room_type, RoomType::OneToOne);
    assert_eq!(first.room.name, "bob");
    let again = talk.create_room(&NewRoom::one_to_one("bob")).await.unwrap();
    assert!(!again.created, "200 with the same room the second time");
    assert_eq!(again.room.token, first.room.token);

    let group = talk
        .create_room(&NewRoom::group("Fixture group"))
        .await
        .unwrap();
    assert!(group.created);
    assert_eq!(group.room.room_type, RoomType::Group);
    assert_eq!(group.room.participant_type, ParticipantType::Owner);
    let last = group.room.last_message.as_deref().unwrap();
    assert_eq!(last.system_message.as_deref(), Some("conversation_created"));

    let public = talk
        .create_room(&NewRoom::public("Fixture public"))
        .await
        .unwrap();
    assert_eq!(public.room.room_type, RoomType::Public);

    assert_eq!(
        talk.create_room(&NewRoom::new(RoomType::Other(9)).name("Bad"))
            .await
            .unwrap_err(),
        invalid(400, "type")
    );
    assert_eq!(
        talk.create_room(&NewRoom::one_to_one("nosuchuser"))
            .await
            .unwrap_err(),
        not_found("invite")
    );
}

#[tokio::test]
async fn getting_renaming_and_deleting_a_room() {
    let (_sim, admin, bob, token) = admin_and_bob_in_a_group("Fixture group").await;

    let room = admin.room(&token).await.unwrap();
    assert_eq!(room.token, token);
    assert_eq!(room.display_name, "Fixture group");
    assert_eq!(
        admin.room("zzzzzzzz").await.unwrap_err(),
        not_found(""),
        "unknown token"
    );

    let renamed = admin.rename_room(&token, "Renamed").await.unwrap().unwrap();
    assert_eq!(renamed.name, "Renamed");
    // The real limits: 255 characters pass (the seed said 200), 256 and empty do not.
    let long = "q".repeat(255);
    assert_eq!(
        admin
            .rename_room(&token, &long)
            .await
            .unwrap()
            .unwrap()
            .name,
        long
    );
    assert_eq!(
        admin
            .rename_room(&token, &"r".repeat(256))
            .await
            .unwrap_err(),
        invalid(400, "value")
    );
    assert_eq!(
        admin.rename_room(&token, "").await.unwrap_err(),
        invalid(400, "value")
    );
    let one_to_one = admin
        .create_room(&NewRoom::one_to_one("bob"))
        .await
        .unwrap()
        .room
        .token;
    assert_eq!(
        admin.rename_room(&one_to_one, "Nope").await.unwrap_err(),
        invalid(400, "type"),
        "a one-to-one room cannot be renamed (400 type, not the seed's 405)"
    );
    assert_eq!(
        bob.rename_room(&token, "Bob's").await.unwrap_err(),
        invalid(403, ""),
        "only moderators rename"
    );
    assert_eq!(
        admin.rename_room("zzzzzzzz", "x").await.unwrap_err(),
        not_found("")
    );

    assert_eq!(bob.delete_room(&token).await.unwrap_err(), invalid(403, ""));
    assert_eq!(
        admin.delete_room("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );
    admin.delete_room(&token).await.unwrap();
    assert_eq!(admin.room(&token).await.unwrap_err(), not_found(""));
}

#[tokio::test]
async fn public_password_favorite_and_notification_level() {
    let (_sim, admin, bob, token) = admin_and_bob_in_a_group("Settings").await;

    assert_eq!(
        admin.set_password(&token, "secret").await.unwrap_err(),
        invalid(400, "type"),
        "only public rooms have a password (400 type, not the seed's 403)"
    );
    let public = admin.make_public(&token).await.unwrap().unwrap();
    assert_eq!(public.room_type, RoomType::Public);
    assert_eq!(bob.make_public(&token).await.unwrap_err(), invalid(403, ""));
    assert_eq!(
        admin.make_public("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );
    let protected = admin.set_password(&token, "secret").await.unwrap().unwrap();
    assert!(protected.has_password);
    assert_eq!(
        bob.set_password(&token, "mine").await.unwrap_err(),
        invalid(403, "")
    );
    let open = admin.set_password(&token, "").await.unwrap().unwrap();
    assert!(!open.has_password);
    let private = admin.make_private(&token).await.unwrap().unwrap();
    assert_eq!(private.room_type, RoomType::Group);
    assert_eq!(
        bob.make_private(&token).await.unwrap_err(),
        invalid(403, "")
    );

    assert!(
        admin
            .add_favorite(&token)
            .await
            .unwrap()
            .unwrap()
            .is_favorite
    );
    assert!(admin.room(&token).await.unwrap().is_favorite);
    assert!(!bob.room(&token).await.unwrap().is_favorite, "per user");
    assert!(
        !admin
            .remove_favorite(&token)
            .await
            .unwrap()
            .unwrap()
            .is_favorite
    );
    assert_eq!(
        admin.add_favorite("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );
    assert_eq!(
        admin.remove_favorite("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );

    for level in [
        NotificationLevel::Always,
        NotificationLevel::Mention,
        NotificationLevel::Never,
    ] {
        let room = admin
            .set_notification_level(&token, level)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(room.notification_level, level);
    }
    for level in [NotificationLevel::Default, NotificationLevel::Other(9)] {
        assert_eq!(
            admin
                .set_notification_level(&token, level)
                .await
                .unwrap_err(),
            invalid(400, "level"),
            "{level:?}"
        );
    }
    assert_eq!(
        admin
            .set_notification_level("zzzzzzzz", NotificationLevel::Always)
            .await
            .unwrap_err(),
        not_found("")
    );
}

#[tokio::test]
async fn participants_moderators_and_removal_by_attendee_id() {
    let (sim, admin, bob, token) = admin_and_bob_in_a_group("People").await;
    admin.add_participant(&token, "carol", None).await.unwrap();
    assert_eq!(
        admin
            .add_participant(&token, "nosuchuser", Some("users"))
            .await
            .unwrap_err(),
        not_found("new-participant")
    );
    assert_eq!(
        admin
            .add_participant(&token, "x", Some("spaceships"))
            .await
            .unwrap_err(),
        invalid(400, "source")
    );
    assert_eq!(
        bob.add_participant(&token, "carol", None)
            .await
            .unwrap_err(),
        invalid(403, "")
    );
    assert_eq!(
        admin
            .add_participant("zzzzzzzz", "bob", None)
            .await
            .unwrap_err(),
        not_found("")
    );

    let people = admin.participants(&token).await.unwrap();
    let ids: Vec<&str> = people.iter().map(|p| p.actor_id.as_str()).collect();
    assert_eq!(ids, ["admin", "bob", "carol"]);
    assert!(people.iter().all(|p| p.attendee_id.is_some()));
    assert_eq!(people[0].participant_type, ParticipantType::Owner);
    assert_eq!(
        admin.participants("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );

    // By user id: the client looks up bob's attendee id (v4 has no `participant=`).
    let bob_id = ParticipantId::User("bob".into());
    admin.promote_moderator(&token, &bob_id).await.unwrap();
    let promoted = admin.participants(&token).await.unwrap();
    assert_eq!(promoted[1].participant_type, ParticipantType::Moderator);
    assert!(talk_requests(&sim)
        .iter()
        .any(|r| r == &format!("GET /ocs/v2.php/apps/spreed/api/v4/room/{token}/participants")));
    assert_eq!(
        admin.promote_moderator(&token, &bob_id).await.unwrap_err(),
        invalid(400, ""),
        "a moderator is not promoted again"
    );
    admin
        .demote_moderator(&token, &promoted[1].id())
        .await
        .unwrap();
    assert_eq!(
        admin.demote_moderator(&token, &bob_id).await.unwrap_err(),
        invalid(400, ""),
        "demoting a non-moderator (116)"
    );
    assert_eq!(
        bob.promote_moderator(&token, &ParticipantId::User("carol".into()))
            .await
            .unwrap_err(),
        invalid(403, "")
    );
    assert_eq!(
        admin
            .promote_moderator(&token, &ParticipantId::User("nosuchuser".into()))
            .await
            .unwrap_err(),
        not_found("participant"),
        "an unknown user has no attendee id"
    );
    assert_eq!(
        admin
            .demote_moderator(&token, &ParticipantId::Attendee(99_999))
            .await
            .unwrap_err(),
        not_found("")
    );

    let carol = promoted
        .iter()
        .find(|p| p.actor_id == "carol")
        .unwrap()
        .id();
    assert_eq!(
        bob.remove_participant(&token, &carol).await.unwrap_err(),
        invalid(403, "")
    );
    assert_eq!(
        admin
            .remove_participant(&token, &ParticipantId::User("admin".into()))
            .await
            .unwrap_err(),
        invalid(400, "last-moderator"),
        "the last moderator cannot go while others stay"
    );
    admin.remove_participant(&token, &carol).await.unwrap();
    assert_eq!(
        admin.remove_participant(&token, &carol).await.unwrap_err(),
        not_found("")
    );
    let owner = ParticipantId::User("admin".into());
    admin.promote_moderator(&token, &bob_id).await.unwrap();
    assert_eq!(
        bob.remove_participant(&token, &owner).await.unwrap_err(),
        invalid(403, ""),
        "an owner cannot be removed"
    );
    let left: Vec<String> = admin
        .participants(&token)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.actor_id)
        .collect();
    assert_eq!(left, ["admin", "bob"]);
    assert!(talk_requests(&sim)
        .iter()
        .any(|r| r == &format!("DELETE /ocs/v2.php/apps/spreed/api/v4/room/{token}/attendees")));

    // Leaving for good, and the guest-only endpoints a signed-in user cannot use.
    bob.leave_room_for_good(&token).await.unwrap();
    assert_eq!(bob.room(&token).await.unwrap_err(), not_found(""));
    assert_eq!(
        bob.leave_room_for_good(&token).await.unwrap_err(),
        not_found("")
    );
    assert_eq!(
        admin.set_guest_name(&token, "Guest").await.unwrap_err(),
        invalid(403, ""),
        "signed-in users have no guest name"
    );
    assert_eq!(
        admin
            .remove_guest(&token, "session")
            .await
            .unwrap_err()
            .statuscode(),
        Some(0),
        "v4 removes guests by attendee id"
    );
}

#[tokio::test]
async fn a_call_needs_the_room_session_and_leaves_system_messages() {
    let (_sim, admin, token) = admin_in_a_group("Call").await;

    let session = admin.join_room(&token, None).await.unwrap();
    assert_eq!(session.token, token);
    assert!(!session.session_id.is_empty());
    assert_eq!(session.room.as_ref().unwrap().token, token);
    assert!(session.room.as_ref().unwrap().is_connected());
    admin.leave_room(&session).await.unwrap();
    // Without a session in the room the server finds no participant for the call (146).
    assert_eq!(
        admin
            .join_call(&session, CallFlags::IN_CALL | CallFlags::WITH_AUDIO, false)
            .await
            .unwrap_err(),
        not_found("")
    );

    let session = admin.join_room(&token, None).await.unwrap();
    admin
        .join_call(&session, CallFlags::IN_CALL | CallFlags::WITH_AUDIO, false)
        .await
        .unwrap();
    let peers = admin.call_peers(&token).await.unwrap();
    assert_eq!(peers.len(), 1);
    assert_eq!(peers[0].actor_id, "admin");
    assert_eq!(peers[0].session_id, session.session_id);
    assert!(admin.room(&token).await.unwrap().has_call);
    assert_eq!(
        admin.call_peers("zzzzzzzz").await.unwrap_err(),
        not_found("")
    );

    admin.leave_call(&session, false).await.unwrap();
    admin.leave_room(&session).await.unwrap();
    assert_eq!(
        admin.leave_call(&session, false).await.unwrap_err(),
        not_found(""),
        "no session any more"
    );
    assert_eq!(
        admin.join_room("zzzzzzzz", None).await.unwrap_err(),
        not_found("")
    );

    let page = admin
        .chat(
            &token,
            &ChatQuery::history().limit(5).set_read_marker(false),
        )
        .await
        .unwrap();
    let system: Vec<&str> = page
        .messages
        .iter()
        .filter_map(|m| m.system_message.as_deref())
        .collect();
    assert_eq!(system[..3], ["call_ended", "call_left", "call_started"]);
    assert!(page.messages[0]
        .plain_text()
        .starts_with("Call with admin ended"));
}

#[tokio::test]
async fn a_password_protected_public_room_needs_the_password_to_join() {
    let sim = sim().await;
    let admin = talk(&sim, "admin");
    let carol = talk(&sim, "carol");
    let token = admin
        .create_room(&NewRoom::public("Open house"))
        .await
        .unwrap()
        .room
        .token;
    admin.set_password(&token, "s3cret").await.unwrap();
    assert_eq!(
        carol.join_room(&token, Some("wrong")).await.unwrap_err(),
        invalid(403, "password")
    );
    let session = carol.join_room(&token, Some("s3cret")).await.unwrap();
    let room = session.room.unwrap();
    assert_eq!(room.participant_type, ParticipantType::UserFollowingLink);
}

#[tokio::test]
async fn signaling_settings_come_from_the_v3_endpoint() {
    let sim = sim().await;
    let admin = talk(&sim, "admin");
    let settings = admin.signaling_settings(None).await.unwrap();
    assert!(!settings.stun_servers.is_empty());
    assert!(settings.stun_servers[0].urls[0].contains("stun.nextcloud.com"));
    assert!(talk_requests(&sim)
        .iter()
        .any(|r| r == "GET /ocs/v2.php/apps/spreed/api/v3/signaling/settings"));
}

#[tokio::test]
async fn sending_mentions_replies_and_the_length_limit() {
    let (sim, admin, token) = admin_in_a_group("Chat").await;

    let reference = "a".repeat(64);
    let hello = admin
        .send(
            &token,
            &NewMessage::new("Hello from the client").reference_id(&reference),
        )
        .await
        .unwrap();
    assert_eq!(hello.message.message, "Hello from the client");
    assert_eq!(
        hello.message.reference_id.as_deref(),
        Some(reference.as_str())
    );
    assert_eq!(hello.message.message_type, MessageType::Comment);
    assert!(hello.message.is_replyable && hello.message.markdown);
    assert!(hello.last_common_read.is_some());

    let mention = admin
        .send(&token, &NewMessage::new("Hi @bob, please review"))
        .await
        .unwrap()
        .message;
    assert_eq!(mention.message, "Hi {mention-user1}, please review");
    assert!(mention.mentions_user("bob"));
    let parts = mention.parts();
    let RichPart::Object { parameter, .. } = &parts[1] else {
        panic!("{parts:?}")
    };
    assert_eq!(parameter.kind(), RichKind::User);
    assert_eq!(mention.plain_text(), "Hi @bob, please review");

    let reply = admin
        .send(
            &token,
            &NewMessage::new("**bold** reply").reply_to(hello.message.id),
        )
        .await
        .unwrap()
        .message;
    assert_eq!(reply.parent.as_deref().unwrap().id, hello.message.id);
    assert_eq!(reply.thread_id, hello.message.thread_id);

    // A silent mention notifies nobody; a normal one does.
    let chat_notifications = || {
        sim.control()
            .notifications("bob")
            .iter()
            .filter(|n| n["object_type"] == "chat")
            .count()
    };
    let before = chat_notifications();
    admin
        .send(&token, &NewMessage::new("@bob psst").silent(true))
        .await
        .unwrap();
    assert_eq!(chat_notifications(), before);
    admin
        .send(&token, &NewMessage::new("@bob hey"))
        .await
        .unwrap();
    assert_eq!(chat_notifications(), before + 1);

    // 413 above config.chat.max-length, with an error that names the limit.
    let err = admin
        .send(&token, &NewMessage::new("x".repeat(32_001)))
        .await
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(413));
    assert!(err.to_string().contains("32000 characters"), "{err}");
    admin
        .send(&token, &NewMessage::new("y".repeat(32_000)))
        .await
        .unwrap();
    assert_eq!(
        admin.send(&token, &NewMessage::new("")).await.unwrap_err(),
        invalid(400, "message")
    );
    assert_eq!(
        admin
            .send(&token, &NewMessage::new("to nothing").reply_to(999_999))
            .await
            .unwrap_err(),
        invalid(400, "reply-to")
    );
    assert_eq!(
        admin
            .send("zzzzzzzz", &NewMessage::new("hi"))
            .await
            .unwrap_err(),
        not_found("")
    );
}

#[tokio::test]
async fn history_pages_back_with_last_given_and_ends_with_304() {
    let (_sim, admin, token) = admin_in_a_group("History").await;
    for n in 1..=5 {
        admin
            .send(&token, &NewMessage::new(format!("message {n}")))
            .await
            .unwrap();
    }
    let first = admin
        .chat(
            &token,
            &ChatQuery::history().limit(2).set_read_marker(false),
        )
        .await
        .unwrap();
    let texts: Vec<&str> = first.messages.iter().map(|m| m.message.as_str()).collect();
    assert_eq!(texts, ["message 5", "message 4"], "newest first");
    let last_given = first.last_given.unwrap();
    assert_eq!(last_given, first.messages[1].id);
    assert!(first.last_common_read.is_some());

    let second = admin
        .chat(
            &token,
            &ChatQuery::history()
                .limit(3)
                .last_known_message_id(last_given)
                .set_read_marker(false),
        )
        .await
        .unwrap();
    let texts: Vec<&str> = second.messages.iter().map(|m| m.message.as_str()).collect();
    assert_eq!(texts, ["message 3", "message 2", "message 1"]);

    // Everything up to the room's first message, then nothing older: 304, an empty page.
    let all = admin
        .chat(&token, &ChatQuery::history().limit(200))
        .await
        .unwrap();
    let oldest = all.messages.last().unwrap();
    assert_eq!(
        oldest.system_message.as_deref(),
        Some("conversation_created")
    );
    let end = admin
        .chat(
            &token,
            &ChatQuery::history().last_known_message_id(oldest.id),
        )
        .await
        .unwrap();
    assert!(end.is_empty());
    assert_eq!(end.last_given, None);

    let with_known = admin
        .chat(
            &token,
            &ChatQuery::history()
                .limit(1)
                .last_known_message_id(last_given)
                .include_last_known(true),
        )
        .await
        .unwrap();
    assert_eq!(with_known.messages[0].id, last_given);

    assert_eq!(
        admin
            .chat("zzzzzzzz", &ChatQuery::history())
            .await
            .unwrap_err(),
        not_found("")
    );
}

#[tokio::test]
async fn a_message_posted_during_a_long_poll_returns_it_at_once() {
    let (sim, admin, token) = admin_in_a_group("Long poll").await;
    let newest = admin
        .chat(&token, &ChatQuery::history().limit(1))
        .await
        .unwrap()
        .last_given
        .unwrap();

    let control = sim.control();
    let room = token.clone();
    let poster = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let posted_at = Instant::now();
        let id = control.post_chat_message("bob", &room, "Are you there?");
        (posted_at, id)
    });
    let started = Instant::now();
    let page = admin.wait_for_messages(&token, newest, 30).await.unwrap();
    let returned_at = Instant::now();
    let (posted_at, id) = poster.await.unwrap();

    assert_eq!(page.messages.len(), 1);
    assert_eq!(page.messages[0].id, id);
    assert_eq!(page.messages[0].actor_id, "bob");
    assert_eq!(page.messages[0].message, "Are you there?");
    assert_eq!(page.last_given, Some(id));
    let after_post = returned_at.saturating_duration_since(posted_at);
    assert!(
        after_post < Duration::from_millis(300),
        "returned {after_post:?} after the post"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let query = talk_requests(&sim)
        .into_iter()
        .find(|r| r.contains("lookIntoFuture=1"))
        .unwrap();
    assert!(query.contains("timeout=30"), "{query}");
    assert!(
        query.contains(&format!("lastKnownMessageId={newest}")),
        "{query}"
    );
}

#[tokio::test]
async fn a_long_poll_with_nothing_new_is_empty_after_its_timeout() {
    let (_sim, admin, token) = admin_in_a_group("Quiet").await;
    let newest = admin
        .chat(&token, &ChatQuery::history().limit(1))
        .await
        .unwrap()
        .last_given
        .unwrap();
    let started = Instant::now();
    let page = admin.wait_for_messages(&token, newest, 1).await.unwrap();
    assert!(page.is_empty());
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "the server waited: {:?}",
        started.elapsed()
    );
    // Messages that already exist come at once, oldest first.
    let a = admin.send(&token, &NewMessage::new("a")).await.unwrap();
    let b = admin.send(&token, &NewMessage::new("b")).await.unwrap();
    let page = admin.wait_for_messages(&token, newest, 30).await.unwrap();
    let ids: Vec<i64> = page.messages.iter().map(|m| m.id).collect();
    assert_eq!(ids, [a.message.id, b.message.id]);
}

#[tokio::test]
async fn mentions_read_marker_and_reactions() {
    let (_sim, admin, bob, token) = admin_and_bob_in_a_group("Reactions").await;

    let found = admin.mentions(&token, "b", Some(20)).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "bob");
    assert_eq!(found[0].mention_text(), "@bob");
    let everyone = admin.mentions(&token, "", None).await.unwrap();
    assert!(everyone
        .iter()
        .any(|m| m.id == "all" && m.source == "calls"));
    assert_eq!(
        admin.mentions("zzzzzzzz", "b", None).await.unwrap_err(),
        not_found("")
    );

    let message = admin
        .send(&token, &NewMessage::new("React to me"))
        .await
        .unwrap()
        .message;
    let room = bob.room(&token).await.unwrap();
    assert!(room.unread_messages > 0);
    let read = bob
        .set_read_marker(&token, Some(message.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.last_read_message, Some(message.id));
    assert_eq!(read.unread_messages, 0);
    assert_eq!(
        bob.set_read_marker("zzzzzzzz", None).await.unwrap_err(),
        not_found("")
    );

    let added = admin.add_reaction(&token, message.id, "👍").await.unwrap();
    assert_eq!(added["👍"].len(), 1);
    let both = bob.add_reaction(&token, message.id, "👍").await.unwrap();
    let who: Vec<&str> = both["👍"].iter().map(|a| a.actor_id.as_str()).collect();
    assert_eq!(who.len(), 2);
    assert!(who.contains(&"bob") && who.contains(&"admin"));
    assert_eq!(
        admin.reactions(&token, message.id, None).await.unwrap(),
        both
    );
    let only = admin
        .reactions(&token, message.id, Some("👍"))
        .await
        .unwrap();
    assert_eq!(only, both);
    let left = admin
        .remove_reaction(&token, message.id, "👍")
        .await
        .unwrap();
    assert_eq!(left["👍"].len(), 1);
    assert_eq!(left["👍"][0].actor_id, "bob");
    let counted = admin
        .chat(&token, &ChatQuery::history().limit(20))
        .await
        .unwrap()
        .messages
        .into_iter()
        .find(|m| m.id == message.id)
        .unwrap();
    assert_eq!(counted.reactions.get("👍"), Some(&1));

    assert_eq!(
        admin
            .add_reaction(&token, message.id, "")
            .await
            .unwrap_err()
            .statuscode(),
        Some(400)
    );
    assert_eq!(
        admin.add_reaction(&token, 999_999, "👍").await.unwrap_err(),
        not_found("")
    );
}

#[tokio::test]
async fn a_wrong_app_password_is_unauthorized_for_talk_too() {
    let sim = sim().await;
    let talk = Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "revoked".into(),
    })
    .unwrap()
    .talk()
    .with_version(TalkVersion::V4);
    assert_eq!(
        talk.rooms(&RoomQuery::new()).await.unwrap_err(),
        Error::Unauthorized
    );
    assert_eq!(
        talk.chat("x", &ChatQuery::history()).await.unwrap_err(),
        Error::Unauthorized
    );
}

// --- a seed-era server: no `conversation-v4`, rooms on /api/v1, 1000 characters ---

#[tokio::test]
async fn a_seed_era_server_gets_the_v1_api_of_the_seed() {
    let sim = seed_era_sim().await;
    let admin = talk(&sim, "admin");
    assert_eq!(admin.version().await.unwrap(), TalkVersion::V1);
    assert_eq!(admin.capabilities().await.unwrap().chat_limit(), Some(1000));

    let created = admin
        .create_room(&NewRoom::group("Seed room"))
        .await
        .unwrap();
    assert!(created.created);
    let token = created.room.token.clone();
    assert_eq!(created.room.name, "Seed room");
    let list = admin.rooms(&RoomQuery::background()).await.unwrap();
    let room = list.rooms.iter().find(|r| r.token == token).unwrap();
    assert_eq!(room.room_type, RoomType::Group);
    assert_eq!(room.attendee_id, None, "v1 rooms have no attendees");
    let one_to_one = admin
        .create_room(&NewRoom::one_to_one("bob"))
        .await
        .unwrap();
    assert!(one_to_one.created);
    assert!(
        !admin
            .create_room(&NewRoom::one_to_one("bob"))
            .await
            .unwrap()
            .created
    );

    // Participants by user id (`participant=bob`).
    admin.add_participant(&token, "bob", None).await.unwrap();
    admin.add_participant(&token, "carol", None).await.unwrap();
    let people = admin.participants(&token).await.unwrap();
    let bob = people.iter().find(|p| p.actor_id == "bob").unwrap();
    assert_eq!(bob.actor_type, "users");
    assert_eq!(bob.attendee_id, None);
    assert_eq!(bob.id(), ParticipantId::User("bob".into()));
    admin.promote_moderator(&token, &bob.id()).await.unwrap();
    admin.demote_moderator(&token, &bob.id()).await.unwrap();
    assert_eq!(
        admin
            .promote_moderator(&token, &ParticipantId::Attendee(3))
            .await
            .unwrap_err()
            .statuscode(),
        Some(0),
        "v1 has no attendee ids: refused before sending"
    );
    admin
        .remove_participant(&token, &ParticipantId::User("carol".into()))
        .await
        .unwrap();
    assert_eq!(
        admin
            .remove_participant(&token, &ParticipantId::User("carol".into()))
            .await
            .unwrap_err(),
        not_found("")
    );
    assert_eq!(
        admin
            .remove_guest(&token, "no-such-session")
            .await
            .unwrap_err(),
        not_found("")
    );

    // The seed's statuses where today's server differs: 405 and 403.
    assert_eq!(
        admin
            .rename_room(&one_to_one.room.token, "Nope")
            .await
            .unwrap_err(),
        invalid(405, ""),
        "the seed's 405 for a one-to-one room (today: 400 type)"
    );
    assert_eq!(
        admin.set_password(&token, "pw").await.unwrap_err(),
        invalid(403, "")
    );
    assert!(admin.rename_room(&token, "Renamed").await.is_ok());

    // Session, call and chat.
    let session = admin.join_room(&token, None).await.unwrap();
    assert!(session.room.is_none(), "v1 answers only the session id");
    admin
        .join_call(&session, CallFlags::IN_CALL, false)
        .await
        .unwrap();
    assert_eq!(admin.call_peers(&token).await.unwrap()[0].actor_id, "admin");
    admin.leave_call(&session, false).await.unwrap();
    admin.leave_room(&session).await.unwrap();

    let err = admin
        .send(&token, &NewMessage::new("x".repeat(1001)))
        .await
        .unwrap_err();
    assert_eq!(err.statuscode(), Some(413));
    assert!(err.to_string().contains("1000 characters"), "{err}");
    let sent = admin
        .send(&token, &NewMessage::new("x".repeat(1000)))
        .await
        .unwrap();
    let page = admin
        .chat(&token, &ChatQuery::history().limit(1))
        .await
        .unwrap();
    assert_eq!(page.messages[0].id, sent.message.id);
    admin.signaling_settings(None).await.unwrap();

    let requests = talk_requests(&sim);
    for expected in [
        "GET /ocs/v2.php/apps/spreed/api/v1/room?noStatusUpdate=1".to_owned(),
        "POST /ocs/v2.php/apps/spreed/api/v1/room".to_owned(),
        format!("DELETE /ocs/v2.php/apps/spreed/api/v1/room/{token}/participants"),
        format!("POST /ocs/v2.php/apps/spreed/api/v1/room/{token}/moderators"),
        format!("POST /ocs/v2.php/apps/spreed/api/v1/call/{token}"),
        format!("POST /ocs/v2.php/apps/spreed/api/v1/chat/{token}"),
        "GET /ocs/v2.php/apps/spreed/api/v1/signaling/settings".to_owned(),
    ] {
        assert!(requests.contains(&expected), "{expected} in {requests:#?}");
    }
    assert!(
        !requests.iter().any(|r| r.contains("/api/v4/")),
        "{requests:#?}"
    );
}

#[tokio::test]
async fn a_pinned_version_skips_the_capabilities_and_gets_what_the_server_has() {
    let sim = seed_era_sim().await;
    let pinned = talk(&sim, "admin").with_version(TalkVersion::V4);
    match pinned.rooms(&RoomQuery::new()).await.unwrap_err() {
        Error::NotFound { message } => assert!(message.starts_with("Invalid query"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(!sim
        .control()
        .requests()
        .iter()
        .any(|r| r.path == "/ocs/v2.php/cloud/capabilities"));
    let right = talk(&sim, "admin").with_version(TalkVersion::V1);
    assert!(right.rooms(&RoomQuery::new()).await.is_ok());
}
