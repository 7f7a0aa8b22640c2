//! Nextcloud notifications reach the desktop as native notifications, each exactly once.

use anyhow::Result;
use nctray_e2e::{Desktop, PATIENCE};
use nctray_sim::NewNotification;

const SUBJECT: &str = "bob shared »Quarterly report.odt« with you";
const MESSAGE: &str = "Open it in Files to accept the share";

fn shared_file() -> NewNotification {
    NewNotification {
        message: MESSAGE.into(),
        ..NewNotification::new("admin", SUBJECT)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_injected_into_the_server_pops_up_as_a_desktop_notification() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;
    // Inject while the app is running: after its first look at the list.
    desktop.wait_for_polls(0, 1, &app).await?;

    desktop.control().inject_notification(shared_file());

    let popup = desktop
        .notifications
        .wait_for(
            "the desktop notification",
            |n| n.summary == SUBJECT,
            PATIENCE,
        )
        .await
        .map_err(|error| error.context(app.logs()))?;
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
    desktop
        .notifications
        .wait_for(
            "the first desktop notification",
            |n| n.summary == SUBJECT,
            PATIENCE,
        )
        .await
        .map_err(|error| error.context(app.logs()))?;
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
