//! Nextcloud notifications reach the desktop as native notifications, each exactly once, with
//! their action buttons; what a click on a popup or one of its buttons does.

use std::time::Duration;

use anyhow::{bail, Context, Result};
use nctray_e2e::{
    app_password, wait_until, BrowserRecorder, Desktop, RecordedNotification, RunningApp, PATIENCE,
};
use nctray_sim::NewNotification;

const SUBJECT: &str = "bob shared »Quarterly report.odt« with you";
const MESSAGE: &str = "Open it in Files to accept the share";

fn shared_file() -> NewNotification {
    NewNotification {
        message: MESSAGE.into(),
        ..NewNotification::new("admin", SUBJECT)
    }
}

/// The popup whose summary is `summary`.
async fn popup(desktop: &Desktop, app: &RunningApp, summary: &str) -> Result<RecordedNotification> {
    let what = format!("the desktop notification {summary:?}");
    desktop
        .notifications
        .wait_for(&what, |n| n.summary == summary, PATIENCE)
        .await
        .map_err(|error| error.context(app.logs()))
}

/// Waits until the app's log has `line` in it.
async fn wait_for_log(app: &RunningApp, line: &str) -> Result<()> {
    let what = format!("the app to log {line:?}");
    wait_until(&what, PATIENCE, || {
        let found = app.logs().contains(line);
        async move { found }
    })
    .await
    .map_err(|error| error.context(app.logs()))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_injected_into_the_server_pops_up_as_a_desktop_notification() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;
    // Inject while the app is running: after its first look at the list.
    desktop.wait_for_polls(0, 1, &app).await?;

    desktop.control().inject_notification(shared_file());

    let popup = popup(&desktop, &app, SUBJECT).await?;
    assert_eq!(popup.app_name, "nctray");
    assert_eq!(popup.body, MESSAGE);

    // Later polls see the same notification again: it must not pop up again.
    let polls = desktop.notification_polls();
    desktop.wait_for_polls(polls, 3, &app).await?;
    let popups = desktop.notifications.matching(|n| n.summary == SUBJECT);
    assert_eq!(popups.len(), 1, "popped up more than once: {popups:#?}");
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_pops_up_once_even_across_restarts() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.control().inject_notification(shared_file());

    let (app, tray) = desktop.start_tray().await?;
    popup(&desktop, &app, SUBJECT).await?;
    drop(tray);
    drop(app);

    let (app, _tray) = desktop.start_tray().await?;
    let polls = desktop.notification_polls();
    desktop.wait_for_polls(polls, 3, &app).await?;
    let popups = desktop.notifications.matching(|n| n.summary == SUBJECT);
    assert_eq!(
        popups.len(),
        1,
        "popped up again after the restart: {popups:#?}"
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_accept_button_of_a_share_runs_its_post_and_the_notification_is_gone() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;
    desktop.wait_for_polls(0, 1, &app).await?;

    let share = desktop
        .control()
        .create_share("bob", "/Readme.md", "admin")
        .map_err(|e| anyhow::anyhow!("sharing: {e:?}"))?;
    let notification_id = share
        .notification_id
        .context("the share has a notification")?;
    let popup = popup(&desktop, &app, "You received /Readme.md as a share by @bob").await?;

    // The server's actions, primary first, after the click on the popup itself.
    let labels: Vec<String> = popup.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["Open", "Accept", "Decline"], "{popup:#?}");
    assert_eq!(popup.key_of("Open").as_deref(), Some("default"));

    let accept = popup.key_of("Accept").unwrap();
    desktop
        .notifications
        .invoke_action(popup.id, &accept)
        .await?;

    let pending = format!(
        "/ocs/v2.php/apps/files_sharing/api/v1/shares/pending/{}",
        share.share_id
    );
    wait_until("the server to get the Accept request", PATIENCE, || {
        let posted = desktop
            .control()
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.path == pending && r.status == 200);
        async move { posted }
    })
    .await
    .map_err(|error| error.context(app.logs()))?;
    assert!(desktop.control().share_accepted(share.share_id, "admin"));
    let left = desktop.control().notifications("admin");
    assert!(
        !left.iter().any(|n| n["notification_id"] == notification_id),
        "the notification is still on the server: {left:#?}"
    );
    wait_until("the app to close the popup", PATIENCE, || {
        let closed = desktop.notifications.closed_by_client().contains(&popup.id);
        async move { closed }
    })
    .await?;
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_click_on_a_popup_opens_its_link_and_never_a_link_that_is_not_http() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let (app, _tray) = desktop.start_tray_with_browser(&browser).await?;
    desktop.wait_for_polls(0, 1, &app).await?;

    let evil = "javascript:alert(document.cookie)";
    let good = format!("{}/index.php/apps/files/?fileid=66", desktop.sim.base_url());
    let dismissed = format!("{}/index.php/apps/files/?fileid=13", desktop.sim.base_url());
    for (subject, link) in [("evil", evil), ("good", &good), ("dismissed", &dismissed)] {
        desktop.control().inject_notification(NewNotification {
            link: link.to_owned(),
            ..NewNotification::new("admin", subject)
        });
    }
    let evil_popup = popup(&desktop, &app, "evil").await?;
    let good_popup = popup(&desktop, &app, "good").await?;
    let dismissed_popup = popup(&desktop, &app, "dismissed").await?;

    desktop
        .notifications
        .invoke_action(evil_popup.id, "default")
        .await?;
    wait_for_log(&app, &format!("not opening {evil:?}")).await?;

    // Dismissed by the user: the app lets go of it, so a late click does nothing.
    desktop.notifications.close(dismissed_popup.id, 2).await?;
    desktop
        .notifications
        .invoke_action(dismissed_popup.id, "default")
        .await?;

    desktop
        .notifications
        .invoke_action(good_popup.id, "default")
        .await?;
    browser.wait_for(&good, PATIENCE).await?;
    // The clicks are handled in order; give a wrongly opened one time to show up anyway.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(browser.opened(), [good], "{}", app.logs());
    app.ensure_running()?;
    Ok(())
}

/// bob's one-to-one room with admin, and bob's message in it; the token and message id.
fn message_from_bob(desktop: &Desktop, text: &str) -> (String, i64) {
    let control = desktop.control();
    let room = control.create_one_to_one("bob", "admin").unwrap();
    let message = control.post_chat_message("bob", &room, text);
    (room, message)
}

#[tokio::test(flavor = "multi_thread")]
async fn reply_on_a_talk_message_opens_the_quick_chat() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;
    desktop.wait_for_polls(0, 1, &app).await?;

    let (room, _) = message_from_bob(&desktop, "lunch?");
    let popup = popup(&desktop, &app, "bob sent you a private message").await?;
    assert_eq!(popup.body, "lunch?");
    assert_eq!(
        popup.key_of("Reply").as_deref(),
        Some("reply"),
        "{popup:#?}"
    );
    assert_eq!(
        popup.hints.get("category").map(String::as_str),
        Some("\"im.received\"")
    );

    desktop
        .notifications
        .invoke_action(popup.id, "reply")
        .await?;
    wait_for_log(&app, &format!("opening the quick chat on Talk room {room}")).await?;
    // The daemon's window process shows it.
    wait_until("the chat window on the screen", PATIENCE, || {
        let shown = desktop.session.has_window("Talk — nctray");
        async move { shown }
    })
    .await
    .map_err(|error| error.context(app.logs()))?;
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inline_reply_is_sent_into_the_room_as_an_answer() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.notifications.advertise("inline-reply");
    let (app, _tray) = desktop.start_tray().await?;
    desktop.wait_for_polls(0, 1, &app).await?;

    let (room, message) = message_from_bob(&desktop, "lunch?");
    let popup = popup(&desktop, &app, "bob sent you a private message").await?;
    assert_eq!(
        popup.key_of("Reply").as_deref(),
        Some("inline-reply"),
        "{popup:#?}"
    );
    assert!(popup.hints.contains_key("x-kde-reply-placeholder-text"));

    desktop.notifications.reply(popup.id, "on my way").await?;
    let answer = wait_for_chat_message(&desktop, &room, "on my way").await?;
    assert_eq!(answer["actorId"], "admin", "{answer:#}");
    assert_eq!(answer["parent"]["id"], message, "not an answer: {answer:#}");
    app.ensure_running()?;
    Ok(())
}

/// Waits until bob sees a message with `text` in `room`; returns it (Talk's message object).
async fn wait_for_chat_message(
    desktop: &Desktop,
    room: &str,
    text: &str,
) -> Result<serde_json::Value> {
    let url = format!(
        "{}/ocs/v2.php/apps/spreed/api/v1/chat/{room}?lookIntoFuture=0&limit=50",
        desktop.sim.base_url()
    );
    let client = reqwest::Client::new();
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let history: serde_json::Value = client
            .get(&url)
            .basic_auth("bob", Some(app_password("bob")))
            .header("OCS-APIRequest", "true")
            .header("Accept", "application/json")
            .send()
            .await?
            .json()
            .await?;
        let messages = history["ocs"]["data"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if let Some(found) = messages.into_iter().find(|m| m["message"] == text) {
            return Ok(found);
        }
        if tokio::time::Instant::now() >= deadline {
            bail!("no message {text:?} in room {room}: {history:#}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_a_talk_message_reaches_a_markup_rendering_server_as_text() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.notifications.advertise("body-markup");
    let (app, _tray) = desktop.start_tray().await?;
    desktop.wait_for_polls(0, 1, &app).await?;

    let subject = "bob sent you a <b>private</b> message";
    let message =
        r#"<a href="https://evil.example/">x</a> <img src="https://evil.example/t.png"> & more"#;
    desktop.control().inject_notification(NewNotification {
        app: "spreed".into(),
        object_type: "chat".into(),
        object_id: "tok3n/17".into(),
        message: message.into(),
        ..NewNotification::new("admin", subject)
    });

    let shown = "bob sent you a \u{2039}b\u{203A}private\u{2039}/b\u{203A} message";
    let popup = popup(&desktop, &app, shown).await?;
    assert_eq!(
        popup.body,
        "&lt;a href=\"https://evil.example/\"&gt;x&lt;/a&gt; \
         &lt;img src=\"https://evil.example/t.png\"&gt; &amp; more"
    );
    Ok(())
}
