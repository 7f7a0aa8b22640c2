//! The windows in other languages, in the real webview: German (long compound words),
//! Japanese (no spaces to break at) and Arabic (right to left, mirrored). Each is chosen the
//! way a person does, in the accounts window's settings; the window then shows the
//! catalogue's text, and no text is wider than its box or cut off. Screenshots:
//! docs/screenshots/{popover-de,status-ja,accounts-ar}.png (`UPDATE_SCREENSHOTS=1`).

use anyhow::{bail, Context, Result};
use nctray_e2e::{wait_until, Desktop, Webview, PATIENCE};
use nctray_sim::NewNotification;
use serde_json::{json, Value};

/// The text of `id` in `language`'s window catalogue (locales/<language>/ui.ftl), for a
/// message on one line.
fn catalogue_text(language: &str, id: &str) -> Result<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../locales")
        .join(language)
        .join("ui.ftl");
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("{} (the {language} translation)", path.display()))?;
    source
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .map(|text| text.trim().to_owned())
        .with_context(|| format!("{id} in {}", path.display()))
}

/// Waits until the window shows `language` (the `<html lang>` the language sets).
async fn wait_for_language(webview: &Webview, language: &str) -> Result<()> {
    wait_until(
        &format!("the window to show {language}"),
        PATIENCE,
        || async {
            webview
                .script("return document.documentElement.lang", vec![])
                .await
                .is_ok_and(|lang| lang == json!(language))
        },
    )
    .await
}

/// Chooses `language` in the accounts window's settings, as a person does, and gives back
/// that window once it has redrawn in it.
async fn choose_language(desktop: &Desktop, language: &str) -> Result<Webview> {
    let accounts = desktop.open_window("accounts").await?;
    let option = format!("[data-testid=settings-language] option[value={language:?}]");
    accounts.wait_for(&option).await?;
    accounts
        .find("[data-testid=settings-language]")
        .await?
        .select_by_value(language)
        .await?;
    wait_for_language(&accounts, language).await?;
    Ok(accounts)
}

/// Opens `window` after choosing `language` (the choice is kept in the settings).
async fn open_in(desktop: &Desktop, window: &str, language: &str) -> Result<Webview> {
    choose_language(desktop, language).await?.close().await?;
    let webview = desktop.open_window(window).await?;
    wait_for_language(&webview, language).await?;
    Ok(webview)
}

async fn assert_every_text_fits(webview: &Webview, what: &str) -> Result<()> {
    let overflowing = webview.overflowing_text().await?;
    if !overflowing.is_empty() {
        bail!(
            "{what}: text not shown whole:\n  {}",
            overflowing.join("\n  ")
        );
    }
    Ok(())
}

async fn direction(webview: &Webview) -> Result<Value> {
    webview
        .script("return getComputedStyle(document.body).direction", vec![])
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_popover_in_german_shows_its_long_words_whole() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    // A share to accept (its action buttons) and a long German subject, as the server sends
    // it in the user's language.
    let control = desktop.control();
    control.write_file("bob", "/Quartalsabschlussbericht.ods", b"the report");
    control.create_share("bob", "/Quartalsabschlussbericht.ods", "admin")?;
    control.inject_notification(NewNotification::new(
        "admin",
        "Die Datensicherungsüberprüfung wurde erfolgreich abgeschlossen",
    ));
    let popover = open_in(&desktop, "popover", "de").await?;
    popover
        .wait_for_text(
            "[data-testid=tab-notifications]",
            &catalogue_text("de", "popover-tab-notifications")?,
        )
        .await?;
    popover.wait_for("[data-testid=notification]").await?;
    assert_eq!(direction(&popover).await?, json!("ltr"));
    assert_every_text_fits(&popover, "the German popover").await?;
    popover.screenshot("popover-de").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_status_editor_in_japanese_breaks_its_lines_without_spaces() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let status = open_in(&desktop, "status", "ja").await?;
    status
        .wait_for_text("body", &catalogue_text("ja", "status-type-heading")?)
        .await?;
    assert_every_text_fits(&status, "the Japanese status editor").await?;
    status.screenshot("status-ja").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_accounts_window_in_arabic_is_mirrored_and_shows_every_text_whole() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let accounts = choose_language(&desktop, "ar").await?;
    accounts
        .wait_for_text("h1", &catalogue_text("ar", "accounts-title")?)
        .await?;
    assert_eq!(direction(&accounts).await?, json!("rtl"));
    // Mirrored: the heading starts at the right edge, the settings' labels too.
    let sides = accounts
        .script(
            "const edges = (el) => { const r = el.getBoundingClientRect();
                 return [r.left, document.documentElement.clientWidth - r.right]; };
             const text = (el) => { const range = document.createRange();
                 range.selectNodeContents(el); const r = range.getBoundingClientRect();
                 return [r.left, document.documentElement.clientWidth - r.right]; };
             return { heading: text(document.querySelector('h1')),
                      label: text(document.querySelector('label[for=language]')) };",
            vec![],
        )
        .await?;
    for (what, gaps) in sides.as_object().context("the sides")? {
        let (left, right) = (
            gaps[0].as_f64().unwrap_or(0.0),
            gaps[1].as_f64().unwrap_or(0.0),
        );
        assert!(
            right < left,
            "the {what} should sit at the right in Arabic: {left}px free at the left, {right}px at the right"
        );
    }
    assert_every_text_fits(&accounts, "the Arabic accounts window").await?;
    accounts.screenshot("accounts-ar").await?;
    accounts.close().await?;

    // Placed by a logical side (inset-inline-end): the status dot on the avatar's bottom
    // corner at the end of the line, the left one in Arabic.
    let popover = desktop.open_window("popover").await?;
    wait_for_language(&popover, "ar").await?;
    let corner = popover
        .script(
            "const avatar = document.querySelector('.avatar').getBoundingClientRect();
             const badge = document.querySelector('.badge').getBoundingClientRect();
             return [badge.left - avatar.left, avatar.right - badge.right];",
            vec![],
        )
        .await?;
    let (from_left, from_right) = (
        corner[0].as_f64().unwrap_or(0.0),
        corner[1].as_f64().unwrap_or(0.0),
    );
    assert!(
        from_left < from_right,
        "the status dot should sit at the avatar's left in Arabic: {from_left}px from its left, {from_right}px from its right"
    );
    assert_every_text_fits(&popover, "the Arabic popover").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_window_in_english_shows_every_text_whole() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    for window in ["popover", "status", "chat", "accounts"] {
        let webview = desktop.open_window(window).await?;
        wait_for_language(&webview, "en").await?;
        assert_every_text_fits(&webview, &format!("the English {window} window")).await?;
        webview.close().await?;
    }
    Ok(())
}
