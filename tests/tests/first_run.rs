//! A person's first start: no account yet. The app leads to sign-in, pops up nothing made up,
//! and the demo runs only when asked for in the tray menu. And the log a person can find.

use std::fs;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use nctray_e2e::{wait_until, Desktop, Tray, Webview, WindowOptions, PATIENCE};

const SIGNED_OUT_MENU: [&str; 3] = ["Sign in…", "Try the demo", "Quit"];

/// The window a first start shows, driven under WebDriver: the window process started without
/// `--window` asks the daemon (which it starts) which window to show.
#[tokio::test(flavor = "multi_thread")]
async fn a_first_start_opens_the_sign_in_window_and_pops_up_nothing() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let window = Webview::start(
        &desktop.session,
        "accounts",
        WindowOptions {
            without_window_arg: true,
            ..WindowOptions::default()
        },
    )
    .await?;
    window.wait_for("[data-window=Accounts]").await?;
    window
        .wait_for_text("[data-testid=welcome]", "Welcome to nctray")
        .await?;
    // The address field comes first, ready for the server's address.
    window.wait_for("[data-testid=server-input]").await?;
    window.screenshot("first-run-sign-in").await?;

    // No demo ran behind the person's back: nothing popped up, even after a few polls' time.
    tokio::time::sleep(Duration::from_secs(8)).await;
    let popups = desktop.notifications.notifications();
    assert!(popups.is_empty(), "popups on a first start: {popups:#?}");
    assert!(
        window
            .find_all("[data-testid=demo-banner]")
            .await?
            .is_empty(),
        "the demo banner on a first start"
    );
    Ok(())
}

/// `nctray` started as a person (or the autostart) does: the daemon opens the sign-in window
/// by itself, in the window process it starts.
#[tokio::test(flavor = "multi_thread")]
async fn a_first_start_of_the_daemon_shows_the_sign_in_window() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let (app, _tray) = desktop.start_tray().await?;
    wait_until("the sign-in window on the screen", PATIENCE, || {
        let shown = desktop.session.has_window("Accounts and settings — nctray");
        async move { shown }
    })
    .await
    .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?;
    assert!(
        !desktop.session.window_processes().is_empty(),
        "the window is not shown by a window process"
    );
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_signed_out_tray_offers_sign_in_and_the_demo_on_request() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let (app, tray) = desktop.start_tray().await?;
    assert_eq!(tray.visible_labels().await?, SIGNED_OUT_MENU);
    assert!(desktop.notifications.notifications().is_empty());

    // "Try the demo": the demo's account syncs, its waiting notification pops up, and the
    // menu says whose status it shows.
    tray.click("Try the demo").await?;
    let first = desktop
        .notifications
        .wait_for("a popup from the demo", |_| true, PATIENCE)
        .await?;
    let demo_line =
        |items: &[nctray_e2e::MenuItem]| items.iter().any(|item| item.label.starts_with("Demo: "));
    tray.wait_for_menu("the demo's status line", demo_line, PATIENCE)
        .await?;

    // One more only when asked for.
    let before = desktop.notifications.notifications().len();
    tray.wait_for_label("Show a demo notification", PATIENCE)
        .await?;
    tray.click("Show a demo notification").await?;
    desktop
        .notifications
        .wait_for(
            "the asked-for demo notification",
            // Ids grow: a later popup has a larger one.
            |n| n.id > first.id,
            PATIENCE,
        )
        .await?;
    assert!(desktop.notifications.notifications().len() > before);
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tray_logs_to_a_daily_file_that_keeps_a_week_and_holds_panics_but_no_password(
) -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let logs = desktop.session.log_dir();
    fs::create_dir_all(&logs)?;
    // Ten earlier days: the week before today stays, the rest goes.
    for day in 1..=10 {
        fs::write(logs.join(format!("nctray.2026-01-{day:02}.log")), "old\n")?;
        std::thread::sleep(Duration::from_millis(15));
    }
    let app = desktop.session.start_tray()?;
    let _tray = Tray::wait_for(&desktop.session, &app, PATIENCE).await?;
    desktop.wait_for_polls(0, 2, &app).await?;
    drop(app);

    let today = todays_log(&logs)?;
    let log = fs::read_to_string(&today)?;
    assert!(!log.is_empty(), "{} is empty", today.display());
    let files: Vec<String> = fs::read_dir(&logs)?
        .map(|entry| Ok(entry?.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_>>()?;
    assert!(files.len() <= 7, "{files:?}");
    assert!(!files.iter().any(|f| f.contains("2026-01-01")), "{files:?}");

    // A panic: its message and place are in the log, not only on a terminal nobody reads.
    let crashed = desktop.session.run_nctray(&["--debug-panic"], None).await?;
    crashed.failure()?;
    let log = fs::read_to_string(&today)?;
    assert!(
        log.contains("panic at ") && log.contains("a panic asked for with --debug-panic"),
        "{log}"
    );
    assert!(
        log.contains("main.rs"),
        "the panic's place is missing: {log}"
    );

    let password = nctray_e2e::app_password("admin");
    for entry in fs::read_dir(&logs)? {
        let text = fs::read_to_string(entry?.path())?;
        assert!(!text.contains(&password), "the app password is in the log");
    }
    Ok(())
}

/// Today's log file: the one the app wrote that is not one of the planted old days.
fn todays_log(logs: &std::path::Path) -> Result<std::path::PathBuf> {
    fs::read_dir(logs)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("nctray.") && name.ends_with(".log") && !name.contains("2026-01-")
        })
        .context("no log file of today")
}
