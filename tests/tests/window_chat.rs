//! The Talk quick chat in the real webview, against the simulator: a message another user
//! writes shows up within a second, what the user sends (a reply, a mention chosen from the
//! autocomplete, a reaction) is what the server stores, and a room created and renamed here
//! is created and renamed on the server.

use std::time::Duration;

use anyhow::{Context, Result};
use nctray_e2e::{wait_until, BrowserRecorder, Desktop, Webview, WindowOptions, PATIENCE};
use nctray_sim::StoredMessage;
use serde_json::Value;

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

/// bob's group room "Team" with admin and carol in it, and a first message from bob.
fn team_room(desktop: &Desktop) -> String {
    let control = desktop.control();
    let team = control
        .create_room("bob", 2, "Team")
        .expect("bob can make a room");
    assert!(control.add_room_participant(&team, "admin"));
    assert!(control.add_room_participant(&team, "carol"));
    control.post_chat_message("bob", &team, "Welcome to the team, @admin!");
    team
}

fn room_css(token: &str) -> String {
    format!("[data-testid=room][data-token=\"{token}\"]")
}

/// Opens the room from the list and waits for its history.
async fn open_room(webview: &Webview, token: &str, first_text: &str) -> Result<()> {
    webview.click(&room_css(token)).await?;
    webview
        .wait_for_text("[data-testid=messages]", first_text)
        .await
}

/// Waits until the server has a message in `token` that passes `check`, and returns it.
async fn wait_for_stored(
    desktop: &Desktop,
    token: &str,
    what: &str,
    check: impl Fn(&StoredMessage) -> bool,
) -> Result<StoredMessage> {
    let found = || {
        desktop
            .control()
            .talk_messages(token)
            .into_iter()
            .find(&check)
    };
    wait_until(&format!("the server to store {what}"), PATIENCE, || {
        let there = found().is_some();
        async move { there }
    })
    .await
    .with_context(|| format!("{:#?}", desktop.control().talk_messages(token)))?;
    Ok(found().expect("found above"))
}

/// The token of the room the list shows as open.
async fn selected_room(webview: &Webview) -> Result<String> {
    webview
        .wait_for("[data-testid=room][aria-selected=true]")
        .await?
        .attr("data-token")
        .await?
        .context("the open room has no token")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_from_another_user_arrives_through_the_open_chats_long_poll() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_room(&desktop);
    let webview = desktop.open_window("chat").await?;
    open_room(&webview, &team, "Welcome to the team").await?;
    // The mention of the user is its own element, not the raw text.
    let mention = webview
        .text("[data-testid=message-text] [data-testid=rich-mention]")
        .await?;
    assert_eq!(mention, "@admin");
    // bob's avatar comes through Rust (nctray-img:), not from the server directly.
    let avatar = webview
        .wait_for("[data-testid=message] img.avatar")
        .await?
        .attr("src")
        .await?;
    assert_eq!(
        avatar.as_deref(),
        Some("nctray-img://localhost/avatar/bob?size=64")
    );
    wait_until("bob's avatar to load", PATIENCE, || async {
        webview
            .script(
                "return document.querySelector('[data-testid=message] img.avatar').naturalWidth",
                vec![],
            )
            .await
            .ok()
            .and_then(|width| width.as_u64())
            .is_some_and(|width| width > 0)
    })
    .await?;

    // How fast it arrives is the latency benchmark's; here: that it comes through the long
    // poll (lookIntoFuture=1), never by asking for the history again.
    let chat_path = format!("/ocs/v2.php/apps/spreed/api/v1/chat/{team}");
    for (who, text) in [("bob", "Standup in 5?"), ("carol", "On my way <b>now</b>")] {
        desktop.control().clear_requests();
        desktop.control().post_chat_message(who, &team, text);
        webview
            .wait_for_text("[data-testid=messages]", text)
            .await?;
        let history: Vec<String> = desktop
            .control()
            .requests()
            .into_iter()
            .filter(|r| r.method == "GET" && r.path == chat_path)
            .filter(|r| !r.query.contains("lookIntoFuture=1"))
            .map(|r| r.query)
            .collect();
        assert!(
            history.is_empty(),
            "{who}'s message was fetched as history: {history:?}"
        );
    }
    // Markup in a message is shown as the text it is.
    let html = webview
        .script(
            "return [...document.querySelectorAll('[data-testid=message-text]')].at(-1).innerHTML",
            vec![],
        )
        .await?;
    assert!(
        html.as_str()
            .unwrap_or_default()
            .contains("&lt;b&gt;now&lt;/b&gt;"),
        "{html}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn sending_a_reply_with_a_mention_from_the_autocomplete_and_a_reaction() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_room(&desktop);
    let question =
        desktop
            .control()
            .post_chat_message("bob", &team, "Who reviews the release notes?");
    let webview = desktop.open_window("chat").await?;
    open_room(&webview, &team, "Who reviews the release notes?").await?;

    // A plain message.
    webview
        .type_text("[data-testid=composer-input]", "Good morning")
        .await?;
    webview
        .type_text("[data-testid=composer-input]", ENTER)
        .await?;
    wait_for_stored(&desktop, &team, "the plain message", |m| {
        m.author.as_deref() == Some("admin") && m.text == "Good morning"
    })
    .await?;

    // A reply that mentions carol, chosen from the server's suggestions.
    let question_css = format!("[data-testid=message][data-id=\"{question}\"]");
    webview
        .script(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![Value::from(question_css.clone())],
        )
        .await?;
    webview
        .click_in_page(&format!("{question_css} [data-testid=message-reply]"))
        .await?;
    webview
        .wait_for_text("[data-testid=composer-reply]", "Who reviews")
        .await?;
    webview
        .type_text("[data-testid=composer-input]", "I think @car")
        .await?;
    webview
        .wait_for("[data-testid=mention-option][data-id=carol]")
        .await?;
    webview
        .type_text("[data-testid=composer-input]", ENTER)
        .await?;
    let written = webview
        .script(
            "return document.querySelector('[data-testid=composer-input]').value",
            vec![],
        )
        .await?;
    assert_eq!(written, Value::from("I think @carol "));
    webview
        .type_text("[data-testid=composer-input]", "can do it")
        .await?;
    webview
        .type_text("[data-testid=composer-input]", ENTER)
        .await?;
    let reply = wait_for_stored(&desktop, &team, "the reply", |m| {
        m.author.as_deref() == Some("admin") && m.text.starts_with("I think")
    })
    .await?;
    assert_eq!(reply.text, "I think @carol can do it");
    assert_eq!(reply.reply_to, Some(question));
    assert_eq!(reply.mentions, ["carol"]);
    // The window shows it once, with the quote and the mention as an element.
    let reply_css = format!("[data-testid=message][data-id=\"{}\"]", reply.id);
    webview
        .wait_for_text(
            &format!("{reply_css} [data-testid=message-quote]"),
            "Who reviews",
        )
        .await?;
    assert_eq!(
        webview.find_all(&reply_css).await?.len(),
        1,
        "shown once, though both the send and the long poll bring it"
    );

    // A reaction to bob's question.
    webview
        .click_in_page(&format!("{question_css} [data-testid=message-react]"))
        .await?;
    webview
        .click(&format!(
            "{question_css} [data-testid=quick-reaction][data-emoji=\"👍\"]"
        ))
        .await?;
    wait_for_stored(&desktop, &team, "admin's reaction", |m| {
        m.id == question && m.reactions.contains(&("👍".into(), "admin".into()))
    })
    .await?;
    webview
        .wait_for_text(&format!("{question_css} [data-testid=reaction]"), "👍 1")
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_room_created_and_renamed_in_the_window_is_so_on_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let options = WindowOptions {
        env: vec![browser.env()],
        ..WindowOptions::default()
    };
    let webview = desktop.open_window_with("chat", options).await?;
    webview.wait_for("[data-testid=room-search]").await?;

    webview.click("[data-testid=room-new]").await?;
    webview.click("[data-testid=new-room-kind-group]").await?;
    webview
        .type_text("[data-testid=new-room-name]", "Launch")
        .await?;
    webview.click("[data-testid=new-room-create]").await?;
    webview
        .wait_for_text("[data-testid=room-title]", "Launch")
        .await?;
    let token = selected_room(&webview).await?;
    let control = desktop.control();
    assert!(control.talk_rooms("admin").contains(&token));
    assert_eq!(control.talk_room_name(&token).as_deref(), Some("Launch"));

    webview.click("[data-testid=room-settings-toggle]").await?;
    webview.clear("[data-testid=room-rename-input]").await?;
    webview
        .type_text("[data-testid=room-rename-input]", "Launch 2026")
        .await?;
    webview.click("[data-testid=room-rename]").await?;
    webview
        .wait_for_text("[data-testid=room-title]", "Launch 2026")
        .await?;
    assert_eq!(
        control.talk_room_name(&token).as_deref(),
        Some("Launch 2026")
    );
    webview
        .wait_for_text(
            &format!("{} [data-testid=room-name]", room_css(&token)),
            "Launch 2026",
        )
        .await?;

    // Favorite from the header; the call opens in the browser.
    webview.click("[data-testid=room-favorite]").await?;
    wait_until("the room to be a favorite", PATIENCE, || {
        let favorite = control.talk_favorite("admin", &token);
        async move { favorite }
    })
    .await?;
    webview.click("[data-testid=room-join-call]").await?;
    browser
        .wait_for(
            &format!("{}/index.php/call/{token}", desktop.sim.base_url()),
            PATIENCE,
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_the_quick_chat_in_light_and_dark() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let control = desktop.control();
    let team = control
        .create_room("bob", 2, "Project Phoenix")
        .expect("bob can make a room");
    assert!(control.add_room_participant(&team, "admin"));
    assert!(control.add_room_participant(&team, "carol"));
    control.post_chat_message(
        "bob",
        &team,
        "Morning! The release candidate is on the test server.",
    );
    let plan = control.post_chat_message(
        "carol",
        &team,
        "I'll run the upgrade checklist after lunch.",
    );
    control.post_chat_message("bob", &team, "@admin could you look at the release notes?");
    let other = control
        .create_room("carol", 2, "Open day")
        .expect("carol can make a room");
    assert!(control.add_room_participant(&other, "admin"));
    control.post_chat_message("carol", &other, "Visitors arrive at 10:00.");
    let direct = control
        .create_one_to_one("bob", "admin")
        .expect("bob and admin exist");
    control.post_chat_message("bob", &direct, "Coffee in five minutes?");

    for appearance in ["light", "dark"] {
        let options = WindowOptions {
            appearance: Some(appearance.to_owned()),
            ..WindowOptions::default()
        };
        let webview = desktop.open_window_with("chat", options).await?;
        open_room(&webview, &team, "release notes").await?;
        let theme = webview
            .script("return document.documentElement.dataset.theme", vec![])
            .await?;
        assert_eq!(theme, Value::from(appearance));
        if appearance == "light" {
            // A reply and a reaction, so the picture shows them.
            let plan_css = format!("[data-testid=message][data-id=\"{plan}\"]");
            webview
                .click_in_page(&format!("{plan_css} [data-testid=message-reply]"))
                .await?;
            webview
                .type_text(
                    "[data-testid=composer-input]",
                    "Thanks, I'll take the notes.",
                )
                .await?;
            webview
                .type_text("[data-testid=composer-input]", ENTER)
                .await?;
            webview
                .wait_for_text("[data-testid=messages]", "I'll take the notes")
                .await?;
            webview
                .click_in_page(&format!("{plan_css} [data-testid=message-react]"))
                .await?;
            webview
                .click(&format!(
                    "{plan_css} [data-testid=quick-reaction][data-emoji=\"👍\"]"
                ))
                .await?;
            webview
                .wait_for(&format!("{plan_css} [data-testid=reaction]"))
                .await?;
        }
        // The focus ring of the composer would be in the picture: focus the search instead.
        webview
            .script(
                "document.querySelector('[data-testid=room-search]').focus()",
                vec![],
            )
            .await?;
        webview.screenshot(&format!("chat-{appearance}")).await?;
        webview.close().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn scrolling_up_loads_older_messages_back_to_the_start() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_room(&desktop);
    for n in 0..120 {
        desktop
            .control()
            .post_chat_message("bob", &team, &format!("message number {n}"));
    }
    let webview = desktop.open_window("chat").await?;
    open_room(&webview, &team, "message number 119").await?;
    let shown = || async {
        webview
            .script(
                "return document.querySelectorAll('[data-testid=message]').length",
                vec![],
            )
            .await
            .ok()
            .and_then(|n| n.as_u64())
            .unwrap_or(0)
    };
    let first_page = shown().await;
    assert!(first_page < 100, "{first_page} messages at first");
    assert!(webview
        .find_all("[data-testid=history-start]")
        .await?
        .is_empty());

    // Scroll to the top until the conversation's start is there.
    wait_until("the start of the conversation", PATIENCE, || async {
        webview
            .script(
                "const s = document.querySelector('[data-testid=message-scroller]');
                 s.scrollTop = 0;
                 return !!document.querySelector('[data-testid=history-start]');",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    })
    .await?;
    let first = webview
        .script(
            "return [...document.querySelectorAll('[data-testid=message-text]')]
                 .some((m) => m.textContent.trim() === 'message number 0')",
            vec![],
        )
        .await?;
    assert_eq!(first, Value::Bool(true), "the oldest message is shown");
    let all = desktop.control().talk_messages(&team).len() as u64;
    assert_eq!(shown().await, all, "every message once");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_the_window_stops_the_long_poll() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_room(&desktop);
    let webview = desktop.open_window("chat").await?;
    open_room(&webview, &team, "Welcome to the team").await?;
    let control = desktop.control();
    // The window is live: a message wakes its long poll.
    control.post_chat_message("bob", &team, "still there?");
    webview
        .wait_for_text("[data-testid=messages]", "still there?")
        .await?;

    // As the window's close button does (WebDriver's own close kills the process instead).
    // The window may be gone before WebDriver answers: the answer does not matter.
    let _ = webview
        .script(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'chat' })",
            vec![],
        )
        .await;
    // The window process exits with its last window; from then on no poll may start.
    wait_until("the window process to exit", PATIENCE, || {
        let gone = desktop.session.window_processes().is_empty();
        async move { gone }
    })
    .await?;
    control.clear_requests();
    // Were the poll still running, each message would answer it and a new one would follow.
    for text in ["one", "two", "three"] {
        control.post_chat_message("bob", &team, text);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let chat_path = format!("/ocs/v2.php/apps/spreed/api/v1/chat/{team}");
    let polls: Vec<_> = control
        .requests()
        .into_iter()
        .filter(|r| r.user.as_deref() == Some("admin") && r.path == chat_path)
        .collect();
    assert!(polls.len() <= 1, "the app kept polling: {polls:#?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_has_conversations_to_read_and_answer() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let options = WindowOptions {
        args: vec!["--demo".into()],
        ..WindowOptions::default()
    };
    let webview = desktop.open_window_with("chat", options).await?;
    webview
        .wait_for_text("[data-testid=room-list]", "Project Phoenix")
        .await?;
    // The demo's favorite group comes right after "Note to self", with its unread mention.
    let phoenix = webview
        .script(
            "return [...document.querySelectorAll('[data-testid=room]')]
                 .find((r) => r.textContent.includes('Project Phoenix')).dataset.token",
            vec![],
        )
        .await?;
    let phoenix = phoenix.as_str().context("no Project Phoenix")?.to_owned();
    webview
        .wait_for(&format!(
            "{} [data-testid=room-mention]",
            room_css(&phoenix)
        ))
        .await?;
    open_room(&webview, &phoenix, "release notes").await?;
    webview
        .wait_gone(&format!(
            "{} [data-testid=room-mention]",
            room_css(&phoenix)
        ))
        .await?;
    webview
        .type_text("[data-testid=composer-input]", "thanks @ca")
        .await?;
    webview
        .wait_for("[data-testid=mention-option][data-id=carol]")
        .await?;
    Ok(())
}
