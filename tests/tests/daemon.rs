//! The app as two processes: the daemon `nctray` (tray, accounts, desktop notifications, the
//! command line and the D-Bus API `org.nctray.Nctray1`) links no window toolkit and keeps
//! running; the windows live in `nctray-windows`, which the daemon starts when a window is asked
//! for and which goes when its last window closes, or dies, without taking the tray along.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use anyhow::{anyhow, bail, ensure, Context, Result};
use nctray_e2e::{
    all_processes, is_alive, is_reaped, kill, nctray_binary, wait_until, windows_binary, Desktop,
    RunningApp, PATIENCE,
};

/// The popover's title (`window-title-popover`).
const POPOVER: &str = "nctray";
/// The status editor's title.
const STATUS: &str = "Set status — nctray";
/// The quick chat's title.
const CHAT: &str = "Talk — nctray";
/// Libraries of the window toolkit, which only the window process may load.
const WINDOW_TOOLKIT: [&str; 4] = ["libwebkit2gtk", "libjavascriptcoregtk", "libgtk", "libgdk"];

#[test]
fn the_daemon_links_no_webkit_and_no_gtk() -> Result<()> {
    let daemon = needed_libraries(&nctray_binary()?)?;
    let toolkit: Vec<&String> = daemon
        .iter()
        .filter(|library| WINDOW_TOOLKIT.iter().any(|t| library.starts_with(t)))
        .collect();
    assert!(
        toolkit.is_empty(),
        "the daemon links {toolkit:?}; all it links: {daemon:?}"
    );
    // The same reading finds WebKit where it belongs.
    let windows = needed_libraries(&windows_binary()?)?;
    assert!(
        windows.iter().any(|l| l.starts_with("libwebkit2gtk")),
        "the window process links no WebKit: {windows:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_the_window_process_leaves_the_tray_and_the_next_open_starts_a_new_one(
) -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, tray) = desktop.start_tray().await?;

    // A left click on the icon opens the popover, in a window process of its own.
    tray.activate(600, 10).await?;
    let first = session.new_window_process(&BTreeSet::new(), &app).await?;
    session.wait_for_window(POPOVER, &app).await?;

    kill(first)?;
    // Gone, and the daemon (its parent) has seen it end.
    wait_until(
        "the daemon to reap the killed window process",
        PATIENCE,
        || {
            let gone = is_reaped(first);
            async move { gone }
        },
    )
    .await?;
    app.ensure_running()?;
    let menu = tray.visible_labels().await?;
    assert!(
        menu.iter().any(|label| label == "Quit"),
        "the tray's menu after the window process died: {menu:?}"
    );

    // The next open, through the daemon's API, starts a new one.
    session.api().await?.open_window("popover", -1, -1).await?;
    let second = session
        .new_window_process(&BTreeSet::from([first]), &app)
        .await?;
    assert_ne!(first, second);
    session.wait_for_window(POPOVER, &app).await?;
    assert_eq!(
        session.window_processes(),
        BTreeSet::from([second]),
        "one window process runs"
    );
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_nctray_hands_over_and_exits() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, _tray) = desktop.start_tray().await?;

    // `run_nctray` waits for it to end: it hands the window to the running daemon and exits.
    let second = session.run_nctray(&["--window", "status"], None).await?;
    second.success()?;
    assert_eq!(
        session.daemons(),
        BTreeSet::from([app.pid()]),
        "the second nctray left a process behind"
    );

    let windows = session.new_window_process(&BTreeSet::new(), &app).await?;
    session.wait_for_window(STATUS, &app).await?;
    let parent = session
        .processes()
        .into_iter()
        .find(|p| p.pid == windows)
        .map(|p| p.parent);
    assert_eq!(
        parent,
        Some(app.pid()),
        "the window process was not started by the running daemon"
    );
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_process_exits_with_its_last_window() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, tray) = desktop.start_tray().await?;

    session.api().await?.open_window("popover", -1, -1).await?;
    let windows = session.new_window_process(&BTreeSet::new(), &app).await?;
    session.wait_for_window(POPOVER, &app).await?;

    // A second click on the icon closes the popover, the process's only window.
    tray.activate(600, 10).await?;
    wait_until("the window process to exit", PATIENCE, || {
        let gone = !is_alive(windows);
        async move { gone }
    })
    .await
    .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?;
    ensure!(
        !session.has_window(POPOVER),
        "the popover is still on the screen"
    );
    ensure!(
        session.window_processes().is_empty(),
        "a window process still runs"
    );
    // The daemon and its tray stay.
    app.ensure_running()?;
    tray.visible_labels().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_open_windows_share_one_web_content_process() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, _tray) = desktop.start_tray().await?;
    let api = session.api().await?;

    api.open_window("status", -1, -1).await?;
    let windows = session.new_window_process(&BTreeSet::new(), &app).await?;
    wait_for_page(&app, "status").await?;
    api.open_window("chat", -1, -1).await?;
    wait_for_page(&app, "chat").await?;
    session.wait_for_window(STATUS, &app).await?;
    session.wait_for_window(CHAT, &app).await?;

    // WebKit starts a web content process for a page as it loads it.
    let web_processes: Vec<u32> = all_processes()
        .into_iter()
        .filter(|p| p.parent == windows && p.name.starts_with("WebKitWebProc"))
        .map(|p| p.pid)
        .collect();
    ensure!(
        web_processes.len() == 1,
        "two windows run {} web content processes: {web_processes:?}",
        web_processes.len()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_web_content_process_runs_with_webkits_memory_switches() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, _tray) = desktop.start_tray().await?;

    session.api().await?.open_window("status", -1, -1).await?;
    let windows = session.new_window_process(&BTreeSet::new(), &app).await?;
    wait_for_page(&app, "status").await?;
    let web_process = all_processes()
        .into_iter()
        .find(|p| p.parent == windows && p.name.starts_with("WebKitWebProc"))
        .ok_or_else(|| anyhow!("the window process runs no web content process"))?;
    // WebKit's and JavaScriptCore's own switches, which the web process reads from the
    // environment it was started with: without them the popover costs about 70 MB PSS more
    // (docs/benchmarks.md).
    let environment = std::fs::read(format!("/proc/{}/environ", web_process.pid))?;
    let entries: Vec<&[u8]> = environment.split(|byte| *byte == 0).collect();
    for switch in [
        &b"WEBKIT_DISABLE_COMPOSITING_MODE=1"[..],
        b"JSC_useDFGJIT=false",
        b"JSC_useFTLJIT=false",
        b"WEBKIT_DISABLE_DMABUF_RENDERER=1",
    ] {
        ensure!(
            entries.contains(&switch),
            "the web content process runs without {}",
            String::from_utf8_lossy(switch)
        );
    }
    Ok(())
}

/// Waits until the window process logs that the `label` window's page has loaded.
async fn wait_for_page(app: &RunningApp, label: &str) -> Result<()> {
    let line = format!("the {label} window's page has loaded");
    wait_until(&line, PATIENCE, || {
        let loaded = app.logs().contains(&line);
        async move { loaded }
    })
    .await
    .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))
}

/// The libraries `binary` names in its dynamic section (`DT_NEEDED`), as `readelf` reads them.
fn needed_libraries(binary: &Path) -> Result<Vec<String>> {
    let output = Command::new("readelf")
        .args(["--dynamic", "--wide"])
        .arg(binary)
        .output()
        .context("running readelf (binutils)")?;
    if !output.status.success() {
        bail!(
            "readelf {}: {}",
            binary.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // `0x…01 (NEEDED)  Shared library: [libc.so.6]`
    let libraries: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains("(NEEDED)"))
        .filter_map(|line| {
            let start = line.find('[')? + 1;
            let end = line.rfind(']')?;
            Some(line[start..end].to_owned())
        })
        .collect();
    ensure!(
        !libraries.is_empty(),
        "{} names no library at all: not a dynamically linked ELF file?",
        binary.display()
    );
    Ok(libraries)
}
