//! What the quick chat window asks of the engine, against the simulated server: history with
//! rich text that scrolls back to the conversation's start, the long poll's news (new
//! messages and reactions to shown ones), own reactions, and managing rooms — each change
//! checked on the server through another user's eyes or the simulator's state.

mod common;

use std::time::Duration;

use nctray_engine::nextcloud::{self, talk::TalkVersion};
use nctray_engine::{Engine, NewChatRoom, NewRoomKind, RichPart};
use nctray_sim::{Sim, SimConfig};

struct Setup {
    sim: Sim,
    dir: tempfile::TempDir,
    /// bob's group room with admin and carol in it.
    team: String,
}

impl Setup {
    async fn new() -> Self {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let control = sim.control();
        let team = control.create_room("bob", 2, "Team").unwrap();
        assert!(control.add_room_participant(&team, "admin"));
        assert!(control.add_room_participant(&team, "carol"));
        Self {
            sim,
            dir: tempfile::tempdir().unwrap(),
            team,
        }
    }

    async fn engine(&self) -> Engine {
        let engine = common::engine(&self.sim, &self.dir);
        engine.talk().refresh_all_rooms().await.unwrap();
        engine
    }

    fn client(&self, user: &str) -> nextcloud::TalkApi {
        nextcloud::Client::new(nextcloud::Credentials {
            server: self.sim.base_url().parse().unwrap(),
            login_name: user.into(),
            app_password: format!("{user}-app-password"),
        })
        .unwrap()
        .talk()
        .with_version(TalkVersion::V4)
    }

    /// The room as `user` sees it on the server.
    async fn room_of(&self, user: &str, token: &str) -> nextcloud::talk::Room {
        self.client(user).room(token).await.unwrap()
    }
}

#[tokio::test]
async fn history_keeps_markup_and_mentions_as_data_and_scrolls_back_to_the_start() {
    let setup = Setup::new().await;
    let control = setup.sim.control();
    let mut posted = Vec::new();
    for n in 0..30 {
        posted.push(control.post_chat_message("bob", &setup.team, &format!("message {n}")));
    }
    control.post_chat_message("bob", &setup.team, "<img src=x onerror=alert(1)> hi @admin");
    let engine = setup.engine().await;

    let newest = engine.talk().chat_entries(&setup.team, 10).await.unwrap();
    assert_eq!(newest.len(), 10);
    let last = newest.last().unwrap();
    let [RichPart::Text { text }, RichPart::Object(mention)] = last.parts.as_slice() else {
        panic!("{:?}", last.parts)
    };
    assert_eq!(
        text, "<img src=x onerror=alert(1)> hi ",
        "the text stays literal; the mention is an object"
    );
    assert_eq!((mention.id.as_str(), mention.mention), ("admin", true));
    assert_eq!(newest[0].text, "message 21");

    // Scrolling up, page by page, until the conversation's start.
    let mut oldest = newest[0].id;
    let mut pages = 0;
    loop {
        let older = engine
            .talk()
            .older_chat_entries(&setup.team, oldest, 10)
            .await
            .unwrap();
        if older.is_empty() {
            break;
        }
        assert!(older.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
        assert!(older.last().unwrap().id < oldest);
        oldest = older[0].id;
        pages += 1;
        assert!(pages < 10, "scrolling never ended");
    }
    let first = engine
        .talk()
        .older_chat_entries(&setup.team, posted[0] + 1, 50)
        .await
        .unwrap();
    assert_eq!(
        first[0].system_message.as_deref(),
        Some("conversation_created")
    );
    assert!(first.iter().any(|e| e.id == posted[0]));
}

#[tokio::test]
async fn the_long_poll_brings_new_messages_and_reactions_to_shown_ones() {
    let setup = Setup::new().await;
    let control = setup.sim.control();
    let question = control.post_chat_message("bob", &setup.team, "lunch?");
    let engine = setup.engine().await;
    engine.talk().chat_entries(&setup.team, 20).await.unwrap();

    let (news, _) = tokio::join!(engine.talk().wait_for_chat_news(&setup.team), async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        control.post_chat_message("carol", &setup.team, "yes!")
    });
    let news = news.unwrap();
    assert_eq!(news.token, setup.team);
    assert_eq!(news.added.len(), 1);
    assert_eq!(news.added[0].text, "yes!");
    assert!(news.updated.is_empty());

    let carol = setup.client("carol");
    let (news, _) = tokio::join!(engine.talk().wait_for_chat_news(&setup.team), async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        carol
            .add_reaction(&setup.team, question, "🎉")
            .await
            .unwrap()
    });
    let news = news.unwrap();
    assert!(news.added.is_empty(), "a reaction is no message of its own");
    assert_eq!(news.updated.len(), 1);
    assert_eq!(news.updated[0].id, question);
    let reaction = &news.updated[0].reactions[0];
    assert_eq!(
        (reaction.emoji.as_str(), reaction.count, reaction.mine),
        ("🎉", 1, false)
    );

    let mine = engine
        .talk()
        .react(&setup.team, question, "🎉", true)
        .await
        .unwrap();
    assert_eq!((mine[0].count, mine[0].mine), (2, true));
    let back = engine
        .talk()
        .react(&setup.team, question, "🎉", false)
        .await
        .unwrap();
    assert_eq!((back[0].count, back[0].mine), (1, false));
}

#[tokio::test]
async fn a_reply_shows_its_quote_even_after_a_reaction_refreshed_it() {
    let setup = Setup::new().await;
    let control = setup.sim.control();
    let question = control.post_chat_message("bob", &setup.team, "lunch?");
    let engine = setup.engine().await;
    engine.talk().chat_entries(&setup.team, 20).await.unwrap();
    let sent = engine
        .talk()
        .send_message(&setup.team, "at noon", Some(question))
        .await
        .unwrap();

    let bob = setup.client("bob");
    bob.add_reaction(&setup.team, sent.id, "👍").await.unwrap();
    let entries = engine.talk().chat_entries(&setup.team, 20).await.unwrap();
    let reply = entries.iter().find(|e| e.id == sent.id).unwrap();
    assert_eq!(reply.reactions.len(), 1);
    let quote = reply
        .parent
        .as_ref()
        .expect("the quote survived the reaction");
    assert_eq!((quote.id, quote.text.as_str()), (question, "lunch?"));
}

#[tokio::test]
async fn a_group_room_is_created_renamed_and_deleted_on_the_server() {
    let setup = Setup::new().await;
    let engine = setup.engine().await;
    let created = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::Group,
            name: "Planning".into(),
            password: None,
        })
        .await
        .unwrap();
    assert_eq!((created.kind, created.name.as_str()), ("group", "Planning"));
    assert!(created.can_rename && created.can_delete);
    assert!(setup
        .sim
        .control()
        .talk_rooms("admin")
        .contains(&created.token));
    assert!(engine
        .talk()
        .cached_rooms()
        .unwrap()
        .iter()
        .any(|r| r.token == created.token));

    let renamed = engine
        .talk()
        .rename_room(&created.token, "Planning 2026")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Planning 2026");
    engine
        .talk()
        .add_room_participant(&created.token, "bob")
        .await
        .unwrap();
    assert_eq!(
        setup.room_of("bob", &created.token).await.display_name,
        "Planning 2026"
    );
    let too_long = engine
        .talk()
        .rename_room(&created.token, &"x".repeat(256))
        .await;
    assert!(too_long.unwrap_err().to_string().contains("255"));

    engine.talk().delete_room(&created.token).await.unwrap();
    assert!(!setup
        .sim
        .control()
        .talk_rooms("admin")
        .contains(&created.token));
    assert!(engine
        .talk()
        .cached_rooms()
        .unwrap()
        .iter()
        .all(|r| r.token != created.token));
}

#[tokio::test]
async fn guests_password_favorite_and_notifications_follow_the_settings() {
    let setup = Setup::new().await;
    let engine = setup.engine().await;
    let room = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::Group,
            name: "Open day".into(),
            password: None,
        })
        .await
        .unwrap();
    let token = room.token;

    let public = engine.talk().allow_guests(&token, true).await.unwrap();
    assert!(public.guests_allowed && public.kind == "public");
    let locked = engine
        .talk()
        .set_room_password(&token, "s3cret-pass")
        .await
        .unwrap();
    assert!(locked.has_password);
    assert!(setup.room_of("admin", &token).await.has_password);
    let open = engine.talk().set_room_password(&token, "").await.unwrap();
    assert!(!open.has_password);
    let private = engine.talk().allow_guests(&token, false).await.unwrap();
    assert_eq!(private.kind, "group");

    let favorite = engine.talk().set_room_favorite(&token, true).await.unwrap();
    assert!(favorite.favorite);
    assert!(
        engine.talk().cached_rooms().unwrap()[0].favorite,
        "favorites first"
    );
    let quiet = engine
        .talk()
        .set_room_notifications(&token, "never")
        .await
        .unwrap();
    assert_eq!(quiet.notification_level, "never");
    assert!(engine
        .talk()
        .cached_rooms()
        .unwrap()
        .iter()
        .any(|r| r.token == token && r.muted));
    assert!(engine
        .talk()
        .set_room_notifications(&token, "loud")
        .await
        .is_err());
}

#[tokio::test]
async fn participants_are_added_promoted_demoted_and_removed() {
    let setup = Setup::new().await;
    let engine = setup.engine().await;
    let token = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::Group,
            name: "Crew".into(),
            password: None,
        })
        .await
        .unwrap()
        .token;
    engine
        .talk()
        .add_room_participant(&token, "carol")
        .await
        .unwrap();
    let unknown = engine.talk().add_room_participant(&token, "nobody").await;
    assert_eq!(unknown.unwrap_err().to_string(), "There is no such user");

    let carol = |list: &[nctray_engine::RoomParticipant]| {
        list.iter()
            .find(|p| p.actor_id == "carol")
            .cloned()
            .unwrap()
    };
    let list = engine.talk().room_participants(&token).await.unwrap();
    assert_eq!(list[0].actor_id, "admin", "moderators first");
    let before = carol(&list);
    assert_eq!(before.role, "user");

    engine
        .talk()
        .set_room_moderator(&token, before.attendee_id, "carol", true)
        .await
        .unwrap();
    let promoted = carol(&engine.talk().room_participants(&token).await.unwrap());
    assert!(promoted.moderator);
    assert!(setup.room_of("carol", &token).await.can_moderate());
    engine
        .talk()
        .set_room_moderator(&token, promoted.attendee_id, "carol", false)
        .await
        .unwrap();
    assert!(!setup.room_of("carol", &token).await.can_moderate());

    engine
        .talk()
        .remove_room_participant(&token, promoted.attendee_id, "carol")
        .await
        .unwrap();
    assert!(!setup.sim.control().talk_rooms("carol").contains(&token));
}

#[tokio::test]
async fn leaving_a_room_and_one_to_one_rooms() {
    let setup = Setup::new().await;
    let engine = setup.engine().await;
    let direct = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::OneToOne,
            name: "carol".into(),
            password: None,
        })
        .await
        .unwrap();
    assert_eq!(direct.kind, "one-to-one");
    assert!(!direct.can_rename);
    let again = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::OneToOne,
            name: "carol".into(),
            password: None,
        })
        .await
        .unwrap();
    assert_eq!(
        again.token, direct.token,
        "the existing room, not a second one"
    );
    let nobody = engine
        .talk()
        .create_room(&NewChatRoom {
            kind: NewRoomKind::OneToOne,
            name: "nobody".into(),
            password: None,
        })
        .await;
    assert_eq!(nobody.unwrap_err().to_string(), "There is no such user");

    engine.talk().leave_room(&setup.team).await.unwrap();
    assert!(!setup
        .sim
        .control()
        .talk_rooms("admin")
        .contains(&setup.team));
    assert!(engine
        .talk()
        .cached_rooms()
        .unwrap()
        .iter()
        .all(|r| r.token != setup.team));
}

#[tokio::test]
async fn mentions_come_from_the_server_ready_to_insert() {
    let setup = Setup::new().await;
    let engine = setup.engine().await;
    let found = engine
        .talk()
        .mention_choices(&setup.team, "car")
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].id.as_str(), found[0].text.as_str()),
        ("carol", "@carol")
    );
    let everyone = engine
        .talk()
        .mention_choices(&setup.team, "")
        .await
        .unwrap();
    assert!(everyone.iter().any(|m| m.source == "calls"), "{everyone:?}");

    assert_eq!(
        engine.talk().call_link(&setup.team),
        format!("{}/index.php/call/{}", setup.sim.base_url(), setup.team)
    );
}
