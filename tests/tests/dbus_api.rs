//! The daemon's local API `org.nctray.Nctray1`, as desktop tools and the command line use it:
//! the running service matches its committed description, `nctray watch` listens to it instead
//! of polling the server itself, and the windows go when the daemon dies while a restart finds
//! everything in place.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use nctray_api::Nctray1Proxy;
use nctray_e2e::{is_alive, kill, wait_until, wait_until_some, Desktop, RunningApp, PATIENCE};
use tokio::io::{AsyncBufReadExt, BufReader};
use zbus::fdo::IntrospectableProxy;

/// The interface as committed: its methods, signals and properties with their arguments.
fn committed_interface() -> Result<BTreeSet<String>> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/org.nctray.Nctray1.xml");
    let xml =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(members(&xml, "org.nctray.Nctray1"))
}

/// `method Name(in s, in s, out s)`, `signal Name(s, s)`, `property Name s read`: one entry per
/// member of `interface` in introspection XML (comments and argument names left out).
fn members(xml: &str, interface: &str) -> BTreeSet<String> {
    let xml = strip_comments(xml);
    let start = format!("<interface name=\"{interface}\">");
    let Some(body) = xml
        .split(&start)
        .nth(1)
        .and_then(|rest| rest.split("</interface>").next())
    else {
        return BTreeSet::new();
    };
    let attribute = |tag: &str, name: &str| -> String {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    let mut found = BTreeSet::new();
    for kind in ["method", "signal"] {
        for part in body.split(&format!("<{kind} ")).skip(1) {
            let (head, rest) = part.split_once('>').unwrap_or((part, ""));
            let args: Vec<String> = if head.ends_with('/') {
                Vec::new()
            } else {
                rest.split(&format!("</{kind}>"))
                    .next()
                    .unwrap_or_default()
                    .split("<arg ")
                    .skip(1)
                    .map(|arg| {
                        let direction = attribute(arg, "direction");
                        let kind = attribute(arg, "type");
                        if direction.is_empty() {
                            kind
                        } else {
                            format!("{direction} {kind}")
                        }
                    })
                    .collect()
            };
            found.insert(format!(
                "{kind} {}({})",
                attribute(head, "name"),
                args.join(", ")
            ));
        }
    }
    for part in body.split("<property ").skip(1) {
        found.insert(format!(
            "property {} {} {}",
            attribute(part, "name"),
            attribute(part, "type"),
            attribute(part, "access")
        ));
    }
    found
}

fn strip_comments(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("-->")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// Waits until the daemon reports its primary account online.
async fn wait_online(desktop: &Desktop, app: &RunningApp) -> Result<Nctray1Proxy<'static>> {
    let api = desktop.session.api().await?;
    wait_until("the daemon's account online", PATIENCE, || {
        let api = api.clone();
        async move {
            api.account_state()
                .await
                .is_ok_and(|state| state == "online")
        }
    })
    .await
    .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?;
    Ok(api)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_running_daemon_serves_the_interface_its_committed_xml_describes() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;
    let api = wait_online(&desktop, &app).await?;

    let introspection = IntrospectableProxy::builder(api.inner().connection())
        .destination(nctray_api::BUS_NAME)?
        .path(nctray_api::OBJECT_PATH)?
        .build()
        .await?
        .introspect()
        .await?;
    let running = members(&introspection, nctray_api::INTERFACE);
    let committed = committed_interface()?;
    assert!(
        committed.len() >= 12,
        "the committed XML reads as {committed:?}"
    );
    assert_eq!(
        running, committed,
        "the running API differs from docs/org.nctray.Nctray1.xml"
    );

    // The properties say what the tray shows (once the status is in), and a status set here
    // reaches the server.
    wait_until("the Status property", PATIENCE, || {
        let api = api.clone();
        async move { api.status().await.is_ok_and(|status| status == "online") }
    })
    .await?;
    assert_eq!(api.account_state().await?, "online");
    api.set_status("dnd").await?;
    desktop.wait_for_status("dnd").await?;
    wait_until("the Status property to follow", PATIENCE, || {
        let api = api.clone();
        async move { api.status().await.is_ok_and(|status| status == "dnd") }
    })
    .await?;
    let refused = api.set_status("sleeping").await.unwrap_err();
    assert!(refused.to_string().contains("sleeping"), "{refused}");
    Ok(())
}

/// Runs `nctray watch` until it printed a status line for the account, then `linger` longer.
async fn watch_once(desktop: &Desktop, linger: Duration) -> Result<()> {
    let mut child = tokio::process::Command::from(desktop.session.nctray()?)
        .args(["watch", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    let mut lines = BufReader::new(child.stdout.take().context("stdout")?).lines();
    let status = async {
        while let Some(line) = lines.next_line().await? {
            let value: serde_json::Value = serde_json::from_str(&line)?;
            if value["event"] == "status" && value["account"] == desktop.account_key().as_str() {
                return Ok(());
            }
        }
        anyhow::bail!("nctray watch ended without a status line")
    };
    tokio::time::timeout(PATIENCE, status)
        .await
        .context("no status line from nctray watch")??;
    tokio::time::sleep(linger).await;
    child.kill().await?;
    Ok(())
}

/// Waits until the user's requests have stopped coming for `quiet` (the daemon's start is
/// over); returns their count.
async fn settled_requests(desktop: &Desktop, quiet: Duration) -> Result<usize> {
    wait_until_some(
        "the daemon's start-up requests to settle",
        PATIENCE * 2,
        || {
            let before = desktop.requests_of_user();
            async move {
                tokio::time::sleep(quiet).await;
                let after = desktop.requests_of_user();
                (after == before).then_some(after)
            }
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_attached_to_the_daemon_sends_no_request_of_its_own() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    // The daemon's own polls are an hour apart here, so every request in the window is the
    // watcher's.
    desktop.session.set_poll_interval(3600)?;
    let (app, _tray) = desktop.start_tray().await?;
    wait_online(&desktop, &app).await?;

    let before = settled_requests(&desktop, Duration::from_secs(3)).await?;
    watch_once(&desktop, Duration::from_secs(3)).await?;
    assert_eq!(
        desktop.requests_of_user(),
        before,
        "nctray watch asked the server itself while the daemon ran: {:?}",
        desktop
            .control()
            .requests()
            .iter()
            .skip(before)
            .collect::<Vec<_>>()
    );

    // Without the daemon the same watch polls by itself, which the count above would see.
    drop(app);
    let alone = desktop.requests_of_user();
    watch_once(&desktop, Duration::from_secs(1)).await?;
    assert!(
        desktop.requests_of_user() > alone,
        "the watcher on its own made no request, so the check above could not fail"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn killing_the_daemon_closes_the_windows_and_a_restart_finds_everything_in_place(
) -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let session = &desktop.session;
    let (app, tray) = desktop.start_tray().await?;
    let api = wait_online(&desktop, &app).await?;
    api.set_status("away").await?;
    desktop.wait_for_status("away").await?;
    // The tray redraws after SetStatus answered: the menu to compare with is the one that
    // shows the new status.
    let menu = wait_until_some("the tray menu to show Away", PATIENCE, || async {
        let labels = tray.visible_labels().await.ok()?;
        (labels.first().map(String::as_str) == Some("Away")).then_some(labels)
    })
    .await?;

    api.open_window("popover", -1, -1).await?;
    let windows = session.new_window_process(&BTreeSet::new(), &app).await?;
    session.wait_for_window("nctray", &app).await?;

    kill(app.pid())?;
    wait_until(
        "the window process to end with the daemon",
        PATIENCE,
        || {
            let gone = !is_alive(windows);
            async move { gone }
        },
    )
    .await
    .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?;
    assert!(
        !session.has_window("nctray"),
        "the popover stayed on the screen"
    );
    // The window process said why it closed (its output goes where the daemon's goes).
    assert!(
        app.logs().contains("stopped"),
        "no word from the window process:\n{}",
        app.logs()
    );

    // A new daemon finds the account, its status and its menu as they were.
    let (again, tray) = desktop.start_tray().await?;
    let api = wait_online(&desktop, &again).await?;
    assert_eq!(api.status().await?, "away");
    let restored = wait_until_some("the same menu after the restart", PATIENCE, || {
        let tray = &tray;
        let menu = &menu;
        async move {
            let now = tray.visible_labels().await.ok()?;
            (now == *menu).then_some(now)
        }
    })
    .await;
    assert!(
        restored.is_ok(),
        "the menu after the restart differs from {menu:?}"
    );
    Ok(())
}
