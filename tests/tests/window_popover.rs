//! The popover in the real webview: a notification's action runs on the server, "Dismiss all"
//! empties the list there, the activity list scrolls back through pages the server is asked
//! for, the search finds entries in the cache, images come through `nctray-img:`, and
//! screenshots of both tabs in light and dark mode.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use nctray_e2e::{
    wait_until, wait_until_some, BrowserRecorder, Desktop, Webview, WindowOptions, PATIENCE,
};
use nctray_sim::{LoggedRequest, NewActivity, NewNotification};
use serde_json::{json, Value};

const ACTIVITY_PATH: &str = "/ocs/v2.php/apps/activity/api/v2/activity";
const NOTIFICATIONS_PATH: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";
/// Activities seeded for the scrolling test: several server pages of 50 behind the first.
const SEEDED_ACTIVITIES: usize = 180;

fn light() -> WindowOptions {
    WindowOptions {
        appearance: Some("light".into()),
        ..WindowOptions::default()
    }
}

/// How many entries the list at `css` holds (it renders only those in view).
async fn listed(webview: &Webview, css: &str) -> Result<u64> {
    let count = webview
        .script(
            "const list = document.querySelector(arguments[0]);
             return list ? Number(list.dataset.count) : 0;",
            vec![json!(css)],
        )
        .await?;
    Ok(count.as_u64().unwrap_or(0))
}

/// Waits until the image at `css` has loaded, and returns its natural width.
async fn loaded_image_width(webview: &Webview, css: &str) -> Result<u64> {
    webview.wait_for(css).await?;
    wait_until_some(&format!("the image {css} to load"), PATIENCE, || async {
        let answer = webview
            .script(
                "const img = document.querySelector(arguments[0]);
                 return img && img.complete ? img.naturalWidth : 0;",
                vec![json!(css)],
            )
            .await;
        answer.ok().and_then(|w| w.as_u64()).filter(|w| *w > 0)
    })
    .await
}

/// Waits until every image in the window has loaded (for a screenshot without gaps).
async fn all_images_loaded(webview: &Webview) -> Result<()> {
    wait_until("every image to load", PATIENCE, || async {
        let answer = webview
            .script(
                "return [...document.images].every((img) => img.complete && img.naturalWidth > 0);",
                vec![],
            )
            .await;
        answer.ok() == Some(Value::Bool(true))
    })
    .await
}

/// The requests for a page older than one already read (`since` without `sort=asc`).
fn older_page_requests(requests: &[LoggedRequest]) -> Vec<&LoggedRequest> {
    requests
        .iter()
        .filter(|r| r.method == "GET" && r.path == ACTIVITY_PATH)
        .filter(|r| r.query.contains("since=") && !r.query.contains("sort=asc"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_action_runs_on_the_server_and_dismiss_all_empties_the_list() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let control = desktop.control();
    control.write_file("bob", "/Plan.ods", b"the plan");
    let share = control.create_share("bob", "/Plan.ods", "admin")?;
    let share_notification = share
        .notification_id
        .context("the share waits for admin to accept it")?;
    let update_link = format!(
        "{}/index.php/settings/admin/overview",
        desktop.sim.base_url()
    );
    control.inject_notification(NewNotification {
        link: update_link.clone(),
        ..NewNotification::new("admin", "Update to Nextcloud 32.0.2 is available.")
    });
    control.inject_notification(NewNotification::new("admin", "The backup finished"));

    let browser = BrowserRecorder::new(&desktop.session)?;
    let webview = desktop
        .open_window_with(
            "popover",
            WindowOptions {
                env: vec![browser.env()],
                ..light()
            },
        )
        .await?;
    let shared = format!("[data-testid=notification][data-id=\"{share_notification}\"]");
    webview
        .wait_for_text(
            &format!("{shared} [data-testid=notification-subject]"),
            "Plan.ods",
        )
        .await?;
    webview
        .wait_for_text("[data-testid=display-name]", "admin")
        .await?;
    let avatar = loaded_image_width(&webview, "[data-testid=avatar]").await?;
    assert_eq!(avatar, 64, "the avatar came through nctray-img");

    // "Open" leads to the notification's link in the browser.
    webview
        .click("[data-testid=notification][data-app=admin_notifications] [data-testid=notification-open]")
        .await?;
    browser.wait_for(&update_link, PATIENCE).await?;

    // Accept (a POST) runs on the server, which accepts the share and drops the notification.
    webview
        .click(&format!(
            "{shared} [data-testid=notification-action][data-type=POST]"
        ))
        .await?;
    webview.wait_gone(&shared).await?;
    assert!(control.share_accepted(share.share_id, "admin"));
    let accepted_path = format!(
        "/ocs/v2.php/apps/files_sharing/api/v1/shares/pending/{}",
        share.share_id
    );
    let requests = control.requests();
    ensure!(
        requests
            .iter()
            .any(|r| r.method == "POST" && r.path == accepted_path && r.status == 200),
        "no accepted POST {accepted_path} in {requests:#?}"
    );
    assert_eq!(control.notifications("admin").len(), 2);

    webview.click("[data-testid=dismiss-all]").await?;
    webview
        .wait_for("[data-testid=notifications-empty]")
        .await?;
    assert!(control.notifications("admin").is_empty());
    let deleted_all = control
        .requests()
        .iter()
        .any(|r| r.method == "DELETE" && r.path == NOTIFICATIONS_PATH && r.status == 200);
    assert!(deleted_all, "DELETE {NOTIFICATIONS_PATH} was sent");
    webview.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_activity_list_scrolls_back_through_older_pages_and_searches_the_cache() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let control = desktop.control();
    for i in 0..SEEDED_ACTIVITIES {
        let subject = match i {
            3 => "Budget review with the llama team".to_owned(),
            170 => "Kickoff with the llama team".to_owned(),
            _ => format!("Call number {i} with the team"),
        };
        control.record_activity(NewActivity::new("admin", "spreed", "spreed", subject));
    }
    control.write_file("admin", "/Photos/Kittens.jpg", b"kittens");
    let browser = BrowserRecorder::new(&desktop.session)?;
    let webview = desktop
        .open_window_with(
            "popover",
            WindowOptions {
                env: vec![browser.env()],
                ..light()
            },
        )
        .await?;
    webview.click("[data-testid=tab-activity]").await?;
    let kittens = "[data-testid=activity][data-type=file_created]";
    webview
        .wait_for_text(
            &format!("{kittens} [data-testid=activity-subject]"),
            "Kittens.jpg",
        )
        .await?;
    let preview = loaded_image_width(
        &webview,
        &format!("{kittens} [data-testid=activity-preview]"),
    )
    .await?;
    assert_eq!(preview, 250, "the preview came through nctray-img");

    // Download: a direct link from the server, opened in the browser.
    webview
        .click(&format!("{kittens} [data-testid=activity-download]"))
        .await?;
    wait_until("the browser to open a direct link", PATIENCE, || {
        let opened = browser.opened();
        async move { opened.iter().any(|url| url.contains("/remote.php/direct/")) }
    })
    .await
    .with_context(|| format!("opened: {:?}", browser.opened()))?;

    // Scroll to the bottom until the list has reached the start of the stream.
    let list = "[data-testid=activity-list]";
    let older_before = older_page_requests(&control.requests()).len();
    wait_until(
        "the activity list to reach its end",
        PATIENCE * 2,
        || async {
            let _ = webview
                .script(
                    "const list = document.querySelector(arguments[0]);
                 list.scrollTop = list.scrollHeight;",
                    vec![json!(list)],
                )
                .await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            webview.find("[data-testid=activity-end]").await.is_ok()
        },
    )
    .await?;
    let count = listed(&webview, list).await?;
    assert!(
        count > SEEDED_ACTIVITIES as u64,
        "the whole stream is listed: {count}"
    );
    webview
        .wait_for_text(list, "Call number 0 with the team")
        .await?;
    let requests = control.requests();
    let older = older_page_requests(&requests);
    assert!(
        older.len() > older_before,
        "the server was asked for older pages: {older:#?}"
    );

    // The search runs over the cache, which now holds both llama entries.
    webview
        .type_text("[data-testid=activity-search]", "llama")
        .await?;
    wait_until(
        "the search to show the two llama entries",
        PATIENCE,
        || async { listed(&webview, list).await.ok() == Some(2) },
    )
    .await?;
    let shown = webview.text(list).await?;
    assert!(
        shown.contains("Kickoff with the llama team")
            && shown.contains("Budget review with the llama team"),
        "{shown}"
    );
    webview.close().await
}

/// The demo's believable notifications and activity, in light and in dark mode: the
/// screenshots in docs/screenshots/ (with `UPDATE_SCREENSHOTS=1`).
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_the_popover_in_light_and_dark_mode() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    for appearance in ["light", "dark"] {
        let webview = desktop
            .open_window_with(
                "popover",
                WindowOptions {
                    appearance: Some(appearance.into()),
                    args: vec!["--demo".into()],
                    ..WindowOptions::default()
                },
            )
            .await?;
        webview
            .wait_for_text("[data-testid=display-name]", "Demo User")
            .await?;
        webview.wait_for("[data-testid=notification]").await?;
        all_images_loaded(&webview).await?;
        let theme = webview
            .script(
                "return [document.documentElement.dataset.theme,
                         getComputedStyle(document.body).backgroundColor];",
                vec![],
            )
            .await?;
        let dark_background = theme[1] == "rgb(27, 29, 33)";
        assert_eq!(theme[0], appearance, "{theme}");
        assert_eq!(dark_background, appearance == "dark", "{theme}");
        webview.screenshot(&format!("popover-{appearance}")).await?;

        webview.click("[data-testid=tab-activity]").await?;
        loaded_image_width(&webview, "[data-testid=activity-preview]").await?;
        all_images_loaded(&webview).await?;
        webview
            .screenshot(&format!("popover-activity-{appearance}"))
            .await?;
        webview.close().await?;
    }
    Ok(())
}
