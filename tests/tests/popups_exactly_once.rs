//! A notification pops up exactly once: it counts as handled only once the notification server
//! took its popup, so a desktop without a notification server yet, a crash before `Notify`
//! or the burst gate only delay it.

use std::time::Duration;

use anyhow::{ensure, Result};
use nctray_e2e::{Desktop, RecordedNotification, RunningApp, PATIENCE};
use nctray_sim::NewNotification;

/// Longer than the engine takes to offer an unshown popup again (5 s) and a few polls.
const SETTLE: Duration = Duration::from_secs(8);

/// Waits for the popup whose summary is `summary`.
async fn popup(desktop: &Desktop, app: &RunningApp, summary: &str) -> Result<RecordedNotification> {
    let what = format!("the desktop notification {summary:?}");
    desktop
        .notifications
        .wait_for(&what, |n| n.summary == summary, PATIENCE)
        .await
        .map_err(|error| error.context(app.logs()))
}

/// How often each of `subjects` was shown: alone, or as a line of a summary's body.
fn times_shown(desktop: &Desktop, subjects: &[String]) -> Vec<usize> {
    let shown = desktop.notifications.notifications();
    subjects
        .iter()
        .map(|subject| {
            shown
                .iter()
                .filter(|n| n.summary == *subject || n.body.lines().any(|l| l == subject))
                .count()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_seen_while_no_notification_server_runs_pops_up_when_it_comes() -> Result<()>
{
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.notifications.leave_bus().await?;
    let (app, _tray) = desktop.start_tray().await?;
    let polls = desktop.wait_for_polls(0, 1, &app).await?;
    desktop
        .control()
        .inject_notification(NewNotification::new("admin", "Sent before the daemon ran"));
    // Polled (and offered) while nothing could show it.
    desktop.wait_for_polls(polls, 2, &app).await?;
    ensure!(desktop.notifications.notifications().is_empty());

    desktop.notifications.return_to_bus().await?;
    popup(&desktop, &app, "Sent before the daemon ran").await?;
    tokio::time::sleep(SETTLE).await;
    let subjects = ["Sent before the daemon ran".to_owned()];
    assert_eq!(times_shown(&desktop, &subjects), [1]);
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_between_the_poll_and_notify_pops_it_up_after_the_restart_once() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, tray) = desktop
        .start_tray_with_env(&[("NCTRAY_FAULT_BEFORE_NOTIFY", "1")])
        .await?;
    desktop.wait_for_polls(0, 1, &app).await?;
    desktop
        .control()
        .inject_notification(NewNotification::new("admin", "Polled, then the crash"));
    // The fault point aborts the app once the engine offered the popup, before `Notify`.
    app.wait_for_exit(PATIENCE).await?;
    drop(tray);
    drop(app);
    ensure!(desktop.notifications.notifications().is_empty());

    let (app, _tray) = desktop.start_tray().await?;
    popup(&desktop, &app, "Polled, then the crash").await?;
    tokio::time::sleep(SETTLE).await;
    let subjects = ["Polled, then the crash".to_owned()];
    assert_eq!(times_shown(&desktop, &subjects), [1]);
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn notifications_the_burst_gate_held_back_survive_a_crash_and_show_once() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, tray) = desktop.start_tray().await?;
    let polls = desktop.wait_for_polls(0, 1, &app).await?;
    let inject = |range: std::ops::Range<usize>| -> Vec<String> {
        range
            .map(|i| {
                let subject = format!("Burst {i}");
                desktop
                    .control()
                    .inject_notification(NewNotification::new("admin", &subject));
                subject
            })
            .collect()
    };
    // Three popups per ten seconds: two alone, then one summary of five fills the window.
    let mut subjects = inject(0..7);
    popup(&desktop, &app, "5 new notifications").await?;
    // These find the window full: held back.
    subjects.extend(inject(7..9));
    desktop
        .wait_for_polls(desktop.notification_polls().max(polls), 2, &app)
        .await?;
    drop(tray);
    drop(app); // SIGKILL, within the burst window.
    let before_restart = times_shown(&desktop, &subjects);
    ensure!(
        before_restart[7..] == [0, 0],
        "not held back: {before_restart:?}"
    );

    let (app, _tray) = desktop.start_tray().await?;
    popup(&desktop, &app, "Burst 8").await?;
    tokio::time::sleep(SETTLE).await;
    assert_eq!(
        times_shown(&desktop, &subjects),
        [1; 9],
        "{:#?}",
        desktop.notifications.notifications()
    );
    app.ensure_running()
}
