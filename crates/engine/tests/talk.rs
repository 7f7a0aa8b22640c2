//! Talk in the engine against the simulated server, on a real SQLite file: the room list
//! synced with `modifiedSince`, a full refresh that notices deleted rooms, unread and mention
//! counts, the open chat's long poll, sending, and the cached history.

mod common;

use std::time::{Duration, Instant};

use nctray_engine::nextcloud::{self, talk::TalkVersion};
use nctray_engine::{ChatMessage, Engine, SearchHit, SearchKind, UnreadCounts};
use nctray_sim::{Control, Fault, LoggedRequest, Sim, SimConfig, TalkApi};

struct Setup {
    sim: Sim,
    dir: tempfile::TempDir,
    /// bob's group room with admin in it.
    team: String,
    /// Another room of bob's with admin in it.
    other: String,
}

impl Setup {
    async fn new() -> Self {
        Self::with(SimConfig::default()).await
    }

    async fn with(config: SimConfig) -> Self {
        let sim = Sim::start(config).await.unwrap();
        let control = sim.control();
        let team = control.create_room("bob", 2, "Team").unwrap();
        let other = control.create_room("bob", 2, "Other").unwrap();
        assert!(control.add_room_participant(&team, "admin"));
        assert!(control.add_room_participant(&other, "admin"));
        // admin's own rooms ("Talk updates", "Note to self") are made on the first list.
        control.talk_room_list("admin");
        // Room lists answer with the server's time in seconds: what happens later must be
        // in a later second to count as a change.
        control.advance_clock(Duration::from_secs(10));
        control.clear_requests();
        Self {
            sim,
            dir: tempfile::tempdir().unwrap(),
            team,
            other,
        }
    }

    /// admin's engine after a first sync, with the "Talk updates" room (three unread
    /// messages on a new account) read, so that counts start at zero.
    async fn synced_engine(&self) -> Engine {
        let engine = self.engine();
        engine.talk().sync_rooms().await.unwrap();
        for room in engine.talk().cached_rooms().unwrap() {
            if room.kind == "changelog" {
                engine.talk().mark_read(&room.token).await.unwrap();
            }
        }
        assert_eq!(
            engine.talk().unread_counts().unwrap(),
            UnreadCounts::default()
        );
        engine
    }

    fn control(&self) -> Control {
        self.sim.control()
    }

    fn database(&self) -> std::path::PathBuf {
        common::database(&self.dir)
    }

    /// admin's engine on the same database file (a new one is a restart of the app).
    fn engine(&self) -> Engine {
        common::engine(&self.sim, &self.dir)
    }

    /// bob, writing from another client.
    fn bob(&self) -> nextcloud::TalkApi {
        nextcloud::Client::new(nextcloud::Credentials {
            server: self.sim.base_url().parse().unwrap(),
            login_name: "bob".into(),
            app_password: "bob-app-password".into(),
        })
        .unwrap()
        .talk()
        .with_version(TalkVersion::V4)
    }

    fn later(&self) {
        self.control().advance_clock(Duration::from_secs(10));
    }

    /// admin's requests to a path ending in `suffix`.
    fn requests_to(&self, suffix: &str) -> Vec<LoggedRequest> {
        self.control()
            .requests()
            .into_iter()
            .filter(|r| r.user.as_deref() == Some("admin") && r.path.ends_with(suffix))
            .collect()
    }

    fn room_list_queries(&self) -> Vec<String> {
        self.requests_to("/apps/spreed/api/v4/room")
            .into_iter()
            .map(|r| r.query)
            .collect()
    }

    fn chat_queries(&self, token: &str) -> Vec<String> {
        self.requests_to(&format!("/apps/spreed/api/v1/chat/{token}"))
            .into_iter()
            .filter(|r| r.method == "GET")
            .map(|r| r.query)
            .collect()
    }
}

fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

fn texts(messages: &[ChatMessage]) -> Vec<&str> {
    messages.iter().map(|m| m.text.as_str()).collect()
}

fn unread_of(counts: &UnreadCounts, token: &str) -> Option<(i64, bool)> {
    counts
        .rooms
        .iter()
        .find(|r| r.token == token)
        .map(|r| (r.unread, r.mentioned))
}

#[tokio::test]
async fn the_second_room_sync_asks_only_for_rooms_changed_since_the_first() {
    let setup = Setup::new().await;
    let engine = setup.engine();

    let first = engine.talk().sync_rooms().await.unwrap();
    assert!(first.full);
    let names: Vec<String> = engine
        .talk()
        .cached_rooms()
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert!(names.contains(&"Team".into()) && names.contains(&"Other".into()));
    assert_eq!(first.updated.len(), names.len());

    setup.later();
    setup
        .control()
        .post_chat_message("bob", &setup.team, "anyone?");
    setup.later();
    let second = engine.talk().sync_rooms().await.unwrap();
    assert!(!second.full);
    assert_eq!(
        second.updated,
        std::slice::from_ref(&setup.team),
        "only the changed room"
    );
    assert!(second.removed.is_empty());

    let queries = setup.room_list_queries();
    assert_eq!(queries.len(), 2, "{queries:?}");
    for query in &queries {
        assert_eq!(param(query, "noStatusUpdate"), Some("1"), "{query}");
    }
    assert_eq!(param(&queries[0], "modifiedSince"), None);
    let since: i64 = param(&queries[1], "modifiedSince")
        .unwrap()
        .parse()
        .unwrap();
    assert!(since > 0);

    // Nothing changed since: an empty answer, also after a restart (the state is in the
    // file).
    drop(engine);
    setup.later();
    let restarted = setup.engine();
    let quiet = restarted.talk().sync_rooms().await.unwrap();
    assert!(!quiet.full, "{quiet:?}");
    assert!(
        quiet.updated.is_empty() && quiet.unread.is_none(),
        "{quiet:?}"
    );
    let queries = setup.room_list_queries();
    let later_since: i64 = param(queries.last().unwrap(), "modifiedSince")
        .unwrap()
        .parse()
        .unwrap();
    assert!(later_since > since);
}

#[tokio::test]
async fn a_deleted_room_stays_until_the_full_refresh_five_minutes_later() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    engine.talk().sync_rooms().await.unwrap();
    setup
        .control()
        .post_chat_message("bob", &setup.other, "last words");
    engine.talk().room_messages(&setup.other, 20).await.unwrap();

    setup.later();
    setup.bob().delete_room(&setup.other).await.unwrap();
    let incremental = engine.talk().sync_rooms().await.unwrap();
    assert!(!incremental.full && incremental.removed.is_empty());
    assert!(
        engine.talk().find_room(&setup.other).is_ok(),
        "modifiedSince never reports a deletion"
    );

    // Five minutes after the last full list (moved back in the file, as if time passed).
    let db = rusqlite::Connection::open(setup.database()).unwrap();
    let moved = db
        .execute(
            "UPDATE sync_state SET updated_at = updated_at - 301 WHERE resource = 'talk.rooms.full'",
            [],
        )
        .unwrap();
    assert_eq!(moved, 1);
    let full = engine.talk().sync_rooms().await.unwrap();
    assert!(full.full);
    assert_eq!(full.removed, std::slice::from_ref(&setup.other));
    assert!(engine.talk().find_room(&setup.other).is_err());
    assert!(engine.talk().find_room(&setup.team).is_ok());
    assert!(
        engine
            .talk()
            .cached_messages(&setup.other, 20)
            .unwrap()
            .is_empty(),
        "the history of a room that is gone goes with it"
    );
    let last = setup.room_list_queries().pop().unwrap();
    assert_eq!(param(&last, "modifiedSince"), None, "{last}");
}

#[tokio::test]
async fn unread_and_mention_counts_follow_what_others_write_and_what_is_read() {
    let setup = Setup::new().await;
    let engine = setup.synced_engine().await;

    setup.later();
    let control = setup.control();
    control.post_chat_message("bob", &setup.team, "hello");
    control.post_chat_message("bob", &setup.team, "@admin can you look?");
    control.post_chat_message("bob", &setup.other, "fyi");
    let change = engine.talk().sync_rooms().await.unwrap();
    let counts = change.unread.expect("the counts changed");
    assert_eq!(unread_of(&counts, &setup.team), Some((2, true)));
    assert_eq!(unread_of(&counts, &setup.other), Some((1, false)));
    assert_eq!((counts.total_unread, counts.total_mentions), (3, 1));
    assert_eq!(engine.talk().unread_counts().unwrap(), counts);

    let room = engine.talk().find_room("Team").unwrap();
    assert!(room.unread_mention_direct);
    assert_eq!(
        room.last_message.as_deref(),
        Some("bob: @admin can you look?")
    );

    engine.talk().room_messages(&setup.team, 20).await.unwrap();
    let after_read = engine.talk().mark_read(&setup.team).await.unwrap();
    assert_eq!(unread_of(&after_read, &setup.team), None);
    assert_eq!((after_read.total_unread, after_read.total_mentions), (1, 0));

    // The server agrees: the next sync changes no count.
    setup.later();
    let again = engine.talk().sync_rooms().await.unwrap();
    assert_eq!(again.unread, None);
    assert_eq!(engine.talk().unread_counts().unwrap(), after_read);
}

#[tokio::test]
async fn the_open_chat_hears_a_message_posted_while_it_waits() {
    let setup = Setup::new().await;
    let engine = setup.synced_engine().await;
    engine.talk().room_messages(&setup.team, 20).await.unwrap();
    setup.control().clear_requests();

    let started = Instant::now();
    let control = setup.control();
    let (heard, posted) = tokio::join!(engine.talk().wait_for_messages(&setup.team), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        control.post_chat_message("bob", &setup.team, "are you there, @admin?")
    });
    let heard = heard.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the poll waited on"
    );
    assert_eq!(heard.len(), 1);
    assert_eq!(heard[0].id, posted);
    assert_eq!(heard[0].text, "are you there, @admin?");
    assert_eq!(heard[0].author, "bob");
    assert_eq!(
        texts(&engine.talk().cached_messages(&setup.team, 1).unwrap()),
        ["are you there, @admin?"]
    );

    let queries = setup.chat_queries(&setup.team);
    assert_eq!(queries.len(), 1, "{queries:?}");
    let poll = &queries[0];
    assert_eq!(param(poll, "lookIntoFuture"), Some("1"));
    assert_eq!(param(poll, "noStatusUpdate"), Some("1"));
    assert_eq!(param(poll, "setReadMarker"), Some("0"));
    assert!(
        param(poll, "lastKnownMessageId")
            .unwrap()
            .parse::<i64>()
            .unwrap()
            < posted
    );

    // Waiting does not read: the message still counts as unread.
    setup.later();
    engine.talk().sync_rooms().await.unwrap();
    let counts = engine.talk().unread_counts().unwrap();
    assert_eq!(unread_of(&counts, &setup.team), Some((1, true)));
}

#[tokio::test]
async fn a_sent_message_is_cached_and_the_room_counts_as_read() {
    let setup = Setup::new().await;
    let engine = setup.synced_engine().await;
    setup.later();
    let question = setup
        .control()
        .post_chat_message("bob", &setup.team, "lunch?");
    engine.talk().sync_rooms().await.unwrap();
    assert_eq!(engine.talk().unread_counts().unwrap().total_unread, 1);
    engine.talk().room_messages(&setup.team, 20).await.unwrap();

    let sent = engine
        .talk()
        .send_message(&setup.team, "yes @bob", Some(question))
        .await
        .unwrap();
    assert_eq!(sent.text, "yes @bob");
    assert_eq!(sent.reply_to, Some(question));
    assert_eq!(engine.talk().unread_counts().unwrap().total_unread, 0);
    let cached = engine.talk().cached_messages(&setup.team, 2).unwrap();
    assert_eq!(texts(&cached), ["lunch?", "yes @bob"]);
    assert_eq!(cached[1].reply_to, Some(question));

    setup.later();
    engine.talk().sync_rooms().await.unwrap();
    assert_eq!(
        engine.talk().unread_counts().unwrap().total_unread,
        0,
        "the server moved the read marker too"
    );

    let refused = engine.talk().send_message(&setup.team, "  ", None).await;
    assert!(matches!(refused, Err(nctray_engine::Error::Invalid(_))));
}

#[tokio::test]
async fn history_is_fetched_once_then_only_what_is_new_and_stays_readable_offline() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    engine.talk().sync_rooms().await.unwrap();
    let control = setup.control();
    for text in ["one", "two", "three"] {
        control.post_chat_message("bob", &setup.team, text);
    }

    let newest_two = engine.talk().room_messages(&setup.team, 2).await.unwrap();
    assert_eq!(texts(&newest_two), ["two", "three"]);
    let all = engine.talk().room_messages(&setup.team, 50).await.unwrap();
    assert_eq!(
        all[0].system_message.as_deref(),
        Some("conversation_created")
    );
    assert_eq!(all[0].text, "bob created the conversation");
    assert_eq!(texts(&all[all.len() - 3..]), ["one", "two", "three"]);
    let queries = setup.chat_queries(&setup.team);
    assert_eq!(
        param(&queries[0], "lookIntoFuture"),
        Some("0"),
        "first a page of history"
    );
    assert!(
        queries.iter().any(|q| param(q, "lastKnownMessageId")
            == Some(&newest_two[0].id.to_string())
            && param(q, "lookIntoFuture") == Some("0")),
        "older messages are asked for before the oldest cached one: {queries:?}"
    );

    // Asked again: only what is newer than the newest cached message, without waiting.
    setup.control().clear_requests();
    let four = control.post_chat_message("bob", &setup.team, "four");
    let again = engine.talk().room_messages(&setup.team, 50).await.unwrap();
    assert_eq!(again.last().map(|m| m.id), Some(four));
    let queries = setup.chat_queries(&setup.team);
    assert_eq!(queries.len(), 1, "{queries:?}");
    assert_eq!(param(&queries[0], "lookIntoFuture"), Some("1"));
    assert_eq!(param(&queries[0], "timeout"), Some("0"));
    assert_eq!(param(&queries[0], "setReadMarker"), Some("0"));
    assert_eq!(
        param(&queries[0], "lastKnownMessageId"),
        Some(all.last().unwrap().id.to_string().as_str())
    );

    // After a restart, with the server down, the cache still reads.
    drop(engine);
    setup.control().set_fault(Fault::ServerError);
    let restarted = setup.engine();
    let offline = restarted.talk().cached_messages(&setup.team, 50).unwrap();
    assert_eq!(offline, again);
    assert!(restarted
        .talk()
        .room_messages(&setup.team, 50)
        .await
        .is_err());
    assert_eq!(
        restarted.talk().find_room("team").unwrap().token,
        setup.team
    );
}

#[tokio::test]
async fn rooms_are_found_by_token_or_name() {
    let setup = Setup::new().await;
    let twin = setup.control().create_room("bob", 2, "team").unwrap();
    assert!(setup.control().add_room_participant(&twin, "admin"));
    let engine = setup.engine();
    engine.talk().sync_rooms().await.unwrap();

    assert_eq!(engine.talk().find_room(&setup.team).unwrap().name, "Team");
    assert_eq!(engine.talk().find_room("Team").unwrap().token, setup.team);
    assert_eq!(engine.talk().find_room("team").unwrap().token, twin);
    assert_eq!(engine.talk().find_room("OTHER").unwrap().token, setup.other);
    let unknown = engine.talk().find_room("nope").unwrap_err().to_string();
    assert!(unknown.contains("\"nope\""), "{unknown}");

    let third = setup.control().create_room("bob", 2, "Other").unwrap();
    assert!(setup.control().add_room_participant(&third, "admin"));
    engine.talk().refresh_all_rooms().await.unwrap();
    let ambiguous = engine.talk().find_room("Other").unwrap_err().to_string();
    assert!(
        ambiguous.contains(&setup.other) && ambiguous.contains(&third),
        "{ambiguous}"
    );
}

#[tokio::test]
async fn a_seed_era_server_without_modified_since_gets_a_full_list_every_time() {
    let setup = Setup::with(SimConfig {
        talk: TalkApi::SeedV1,
        ..SimConfig::default()
    })
    .await;
    let engine = setup.engine();
    assert!(engine.talk().has_talk().await.unwrap());
    assert!(engine.talk().sync_rooms().await.unwrap().full);
    setup.later();
    setup.control().post_chat_message("bob", &setup.team, "hi");
    let second = engine.talk().sync_rooms().await.unwrap();
    assert!(second.full);
    assert_eq!(second.unread.unwrap().total_unread, 1);
    let lists: Vec<LoggedRequest> = setup.requests_to("/apps/spreed/api/v1/room");
    assert_eq!(lists.len(), 2);
    assert!(lists
        .iter()
        .all(|r| param(&r.query, "modifiedSince").is_none()));
}

#[tokio::test]
async fn cached_messages_are_found_by_search_until_their_room_is_gone() {
    let setup = Setup::new().await;
    let engine = setup.engine();
    engine.talk().sync_rooms().await.unwrap();
    let lunch =
        setup
            .control()
            .post_chat_message("bob", &setup.other, "Lunch at the Café, @admin?");
    engine.talk().room_messages(&setup.other, 20).await.unwrap();

    let hits = engine
        .search("cafe lun", &[SearchKind::Message], 10)
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(matches!(
        &hits[0],
        SearchHit::Message { message_id, .. } if *message_id == lunch
    ));
    assert!(
        engine
            .search("created conversation", &[SearchKind::Message], 10)
            .unwrap()
            .is_empty(),
        "system messages are not indexed"
    );

    setup.bob().delete_room(&setup.other).await.unwrap();
    engine.talk().refresh_all_rooms().await.unwrap();
    assert!(engine
        .search("cafe", &[SearchKind::Message], 10)
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_message_heard_in_the_open_chat_moves_its_room_up_with_the_new_preview() {
    let setup = Setup::new().await;
    let control = setup.control();
    let engine = setup.synced_engine().await;
    control.post_chat_message("bob", &setup.other, "the other room is newer");
    setup.later();
    engine.talk().sync_rooms().await.unwrap();
    let position = |token: &str| {
        let rooms = engine.talk().cached_rooms().unwrap();
        rooms.iter().position(|r| r.token == token).unwrap()
    };
    assert!(position(&setup.other) < position(&setup.team));
    engine.talk().room_messages(&setup.team, 20).await.unwrap();
    control.clear_requests();

    setup.later();
    let (heard, _) = tokio::join!(engine.talk().wait_for_messages(&setup.team), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        control.post_chat_message("bob", &setup.team, "moving up")
    });
    assert_eq!(heard.unwrap().len(), 1);
    // No room list was fetched: the cache moved the room itself.
    assert!(setup.room_list_queries().is_empty());
    assert!(position(&setup.team) < position(&setup.other));
    let team = engine.talk().find_room(&setup.team).unwrap();
    let preview = team.last_message.unwrap();
    assert!(preview.ends_with(": moving up"), "{preview}");
}
