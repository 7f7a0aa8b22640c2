//! The status editor in the real webview: what a person sets there is what the server then
//! has — a custom message with emoji and clear-after, a preset, a restored backup.

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use nctray_e2e::{wait_until, Desktop, Webview, WindowOptions, PATIENCE};
use serde_json::Value;

const HOUR: i64 = 3600;

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs() as i64
}

/// The server's own status of the desktop's user, as JSON.
fn own_status(desktop: &Desktop) -> Value {
    desktop
        .control()
        .own_status(&desktop.user)
        .unwrap_or(Value::Null)
}

fn field<'a>(status: &'a Value, name: &str) -> Option<&'a str> {
    status.get(name)?.as_str()
}

/// Waits until the server's own status passes `check`, and returns it.
async fn wait_for_server(
    desktop: &Desktop,
    what: &str,
    check: impl Fn(&Value) -> bool,
) -> Result<Value> {
    let what = format!("the server to have {what}");
    wait_until(&what, PATIENCE, || {
        let matches = check(&own_status(desktop));
        async move { matches }
    })
    .await
    .with_context(|| desktop.describe_status())?;
    Ok(own_status(desktop))
}

/// Checks that `clearAt` is `after` seconds from some moment between `before` and `after_set`.
fn assert_clears_after(status: &Value, after: i64, before: i64, after_set: i64) {
    let clear_at = status["clearAt"]
        .as_i64()
        .unwrap_or_else(|| panic!("no clearAt in {status}"));
    // The window takes whole seconds of its clock, so allow one second below.
    assert!(
        (before + after - 1..=after_set + after).contains(&clear_at),
        "clearAt {clear_at} is not {after} s after the click ({before}..={after_set}): {status}"
    );
}

/// Chooses an emoji from the picker's grid.
async fn pick_emoji(webview: &Webview, scope: &str, emoji: &str) -> Result<()> {
    webview
        .click(&format!("{scope} [data-testid=emoji-trigger]"))
        .await?;
    webview
        .click(&format!(
            "{scope} [data-testid=emoji-option][data-emoji=\"{emoji}\"]"
        ))
        .await?;
    webview
        .wait_gone(&format!("{scope} [data-testid=emoji-panel]"))
        .await
}

/// Adds `text` at the end of the field `css` as a paste would. WebKitWebDriver drops characters
/// outside the Basic Multilingual Plane (most emoji) from typed keys, so those arrive this way.
async fn paste(webview: &Webview, css: &str, text: &str) -> Result<()> {
    webview.wait_for(css).await?;
    webview
        .script(
            "const field = document.querySelector(arguments[0]);
             field.value += arguments[1];
             field.dispatchEvent(new InputEvent('input', { bubbles: true }));",
            vec![Value::from(css), Value::from(text)],
        )
        .await?;
    Ok(())
}

async fn select(webview: &Webview, css: &str, value: &str) -> Result<()> {
    webview
        .wait_for(css)
        .await?
        .select_by_value(value)
        .await
        .with_context(|| format!("selecting {value:?} in {css:?}"))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_custom_message_with_emoji_and_clear_after_reaches_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("status").await?;
    let form = "[data-testid=custom-form]";

    pick_emoji(&webview, form, "🌴").await?;
    webview
        .type_text("[data-testid=message-input]", "Off until Monday ")
        .await?;
    paste(&webview, "[data-testid=message-input]", "🏖️").await?;
    // The count is in characters as the server counts them (🏖️ is two: the beach and the
    // emoji presentation selector), not in bytes (24) or UTF-16 units (20).
    webview
        .wait_for_text("[data-testid=message-input-count]", "19/80")
        .await?;
    select(&webview, "[data-testid=clear-after]", "four-hours").await?;

    let before = unix_now();
    webview.click("[data-testid=set-message]").await?;
    let status = wait_for_server(&desktop, "the custom message", |status| {
        field(status, "message") == Some("Off until Monday 🏖️")
    })
    .await?;
    let after_set = unix_now();
    assert_eq!(field(&status, "icon"), Some("🌴"), "{status}");
    assert_eq!(status["messageId"], Value::Null, "{status}");
    assert_clears_after(&status, 4 * HOUR, before, after_set);
    webview
        .wait_for_text("[data-testid=current-message]", "🌴 Off until Monday 🏖️")
        .await?;

    // Too long is refused in the window, before anything is sent.
    webview.clear("[data-testid=message-input]").await?;
    webview
        .type_text("[data-testid=message-input]", &"x".repeat(81))
        .await?;
    webview
        .wait_for_text(
            "[data-testid=message-input-too-long]",
            "The message has 81 characters; at most 80 are allowed.",
        )
        .await?;
    let set = webview.find("[data-testid=set-message]").await?;
    assert!(
        !set.is_enabled().await?,
        "Set message stays enabled past 80"
    );

    webview.click("[data-testid=clear-message]").await?;
    wait_for_server(&desktop, "no message", |status| {
        field(status, "message").is_none() && field(status, "icon").is_none()
    })
    .await?;
    webview.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preset_saved_in_the_window_applies_its_status_message_and_clear_after() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("status").await?;
    let editor = "[data-testid=preset-editor]";

    webview.click("[data-testid=preset-save-current]").await?;
    webview
        .type_text("[data-testid=preset-name]", "Focus")
        .await?;
    select(&webview, "[data-testid=preset-status]", "dnd").await?;
    // This emoji is typed, not picked from the grid.
    webview
        .click(&format!("{editor} [data-testid=emoji-trigger]"))
        .await?;
    webview
        .type_text(&format!("{editor} [data-testid=emoji-input]"), "⚽")
        .await?;
    webview
        .click(&format!("{editor} [data-testid=emoji-use]"))
        .await?;
    webview.clear("[data-testid=preset-message]").await?;
    webview
        .type_text("[data-testid=preset-message]", "Heads down")
        .await?;
    // The durations: don't clear, 30 minutes, 1 hour, 4 hours.
    select(&webview, "[data-testid=preset-clear-after]", "2").await?;
    webview.click("[data-testid=preset-save]").await?;
    webview.wait_gone(editor).await?;
    webview
        .wait_for_text(
            "[data-testid=preset][data-name=Focus]",
            "Do not disturb · ⚽ Heads down · clears after 1 hour",
        )
        .await?;
    assert_ne!(
        desktop.status().as_deref(),
        Some("dnd"),
        "saving applied it"
    );

    let before = unix_now();
    webview
        .click("[data-testid=preset][data-name=Focus] [data-testid=preset-apply]")
        .await?;
    let status = wait_for_server(&desktop, "the preset", |status| {
        field(status, "status") == Some("dnd") && field(status, "message") == Some("Heads down")
    })
    .await?;
    let after_set = unix_now();
    assert_eq!(field(&status, "icon"), Some("⚽"), "{status}");
    assert_clears_after(&status, HOUR, before, after_set);
    webview
        .wait_for_text("[data-testid=current-type]", "Do not disturb")
        .await?;
    webview.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_status_a_call_overwrote_is_offered_back_and_restored() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("status").await?;
    webview.click("[data-testid=status-away] input").await?;
    desktop.wait_for_status("away").await?;
    webview
        .click("[data-testid=predefined-vacationing]")
        .await?;
    wait_for_server(&desktop, "the vacation message", |status| {
        field(status, "messageId") == Some("vacationing")
    })
    .await?;
    assert!(
        webview
            .find_all("[data-testid=restore-backup]")
            .await?
            .is_empty(),
        "a restore is offered without a backup"
    );

    // A call overwrites the status; the window hears of it through the app's poll.
    assert!(desktop.control().start_call(&desktop.user));
    webview
        .wait_for_text(
            "[data-testid=restore-backup]",
            "Your status was set automatically (💬 In a call).",
        )
        .await?;
    webview
        .wait_for_text(
            "[data-testid=restore-button]",
            "Restore: 🌴 Vacationing (Away)",
        )
        .await?;

    webview.click("[data-testid=restore-button]").await?;
    wait_for_server(&desktop, "the status from before the call", |status| {
        field(status, "status") == Some("away") && field(status, "messageId") == Some("vacationing")
    })
    .await?;
    webview.wait_gone("[data-testid=restore-backup]").await?;
    webview
        .wait_for_text("[data-testid=current-type]", "Away")
        .await?;
    webview.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_the_status_editor_in_light_and_dark() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    // A message and a call's backup, so the picture shows the restore as well.
    {
        let webview = desktop.open_window("status").await?;
        webview.click("[data-testid=predefined-meeting]").await?;
        wait_for_server(&desktop, "the meeting message", |status| {
            field(status, "messageId") == Some("meeting")
        })
        .await?;
        webview.close().await?;
    }
    assert!(desktop.control().start_call(&desktop.user));
    for appearance in ["light", "dark"] {
        let options = WindowOptions {
            appearance: Some(appearance.to_owned()),
            ..WindowOptions::default()
        };
        let webview = desktop.open_window_with("status", options).await?;
        webview.wait_for("[data-testid=restore-backup]").await?;
        let theme = webview
            .script("return document.documentElement.dataset.theme", vec![])
            .await?;
        assert_eq!(theme, Value::from(appearance));
        webview.screenshot(&format!("status-{appearance}")).await?;
        webview.close().await?;
    }
    Ok(())
}
