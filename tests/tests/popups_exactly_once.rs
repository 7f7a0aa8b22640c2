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

/// xorshift64*: random kill points, replayable from the printed seed (`NCTRAY_CRASH_SEED`).
struct Rng(u64);

impl Rng {
    fn from_env_or_clock() -> Rng {
        let seed = std::env::var("NCTRAY_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            })
            .max(1);
        eprintln!("popups crash test: NCTRAY_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// How many notifications the recorded popups stand for: one each, or a summary's count.
fn notifications_shown(desktop: &Desktop) -> usize {
    desktop
        .notifications
        .notifications()
        .iter()
        .map(|n| {
            let count = n
                .summary
                .strip_suffix(" new notifications")
                .or_else(|| n.summary.strip_suffix(" new notification"));
            count.and_then(|c| c.parse().ok()).unwrap_or(1)
        })
        .sum()
}

#[tokio::test(flavor = "multi_thread")]
async fn sigkill_at_random_points_while_notifications_arrive_shows_each_exactly_once() -> Result<()>
{
    let kills: usize = std::env::var("NCTRAY_E2E_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let desktop = Desktop::signed_in_as("admin").await?;
    let mut rng = Rng::from_env_or_clock();
    let started = std::time::Instant::now();
    let mut subjects = Vec::new();
    for run in 0..kills {
        let app = desktop.session.start_tray()?;
        let kill_at = Duration::from_millis(500 + rng.below(2500));
        let inject_at = Duration::from_millis(rng.below(kill_at.as_millis() as u64));
        tokio::time::sleep(inject_at).await;
        let subject = format!("Stream {run}");
        desktop
            .control()
            .inject_notification(NewNotification::new("admin", &subject));
        subjects.push(subject);
        tokio::time::sleep(kill_at - inject_at).await;
        app.ensure_running()?;
        drop(app); // SIGKILL
    }

    let app = desktop.session.start_tray()?;
    let what = "every notification shown";
    nctray_e2e::wait_until(what, PATIENCE * 2, || {
        let done = notifications_shown(&desktop) >= subjects.len();
        async move { done }
    })
    .await
    .map_err(|error| error.context(app.logs()))?;
    tokio::time::sleep(SETTLE).await;
    let singles = desktop
        .notifications
        .matching(|n| subjects.contains(&n.summary));
    let mut alone: Vec<&str> = singles.iter().map(|n| n.summary.as_str()).collect();
    alone.sort_unstable();
    let before = alone.len();
    alone.dedup();
    assert_eq!(alone.len(), before, "a popup came twice: {singles:#?}");
    // One popup per notification, counted over singles and summaries: one shown twice
    // would make more.
    assert_eq!(
        notifications_shown(&desktop),
        subjects.len(),
        "{:#?}",
        desktop.notifications.notifications()
    );
    // And none is left due (one never shown would be listed here).
    let due = desktop
        .session
        .run_nctray(&["--json", "notifications"], None)
        .await?;
    assert_eq!(due.success()?.json()?, serde_json::json!([]), "{due}");
    eprintln!(
        "popups crash test: {kills} SIGKILLs, {} notifications, {} popups, {:?}",
        subjects.len(),
        desktop.notifications.notifications().len(),
        started.elapsed()
    );
    app.ensure_running()
}
