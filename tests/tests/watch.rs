//! `nctray watch` prints one line per change, for status bars: the engine's JSON line per
//! event, or with `--format waybar` the whole state as waybar's custom module reads it.

use std::process::Stdio;
use std::time::Duration;

use anyhow::{Context, Result};
use nctray_e2e::{app_password, Desktop};
use nctray_sim::{Fault, NewNotification};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::ChildStdout;

async fn next_line_where(
    lines: &mut Lines<BufReader<ChildStdout>>,
    mut wanted: impl FnMut(&Value) -> bool,
) -> Result<Value> {
    let wait = async {
        while let Some(line) = lines.next_line().await? {
            let value: Value =
                serde_json::from_str(&line).with_context(|| format!("not a JSON line: {line}"))?;
            if wanted(&value) {
                return Ok(value);
            }
        }
        anyhow::bail!("nctray watch ended")
    };
    tokio::time::timeout(Duration::from_secs(20), wait)
        .await
        .context("no such line within 20 s")?
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_prints_a_json_line_per_status_change_and_new_notification() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let mut child = tokio::process::Command::from(desktop.session.nctray()?)
        .args(["watch", "--json"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut lines = BufReader::new(child.stdout.take().context("stdout")?).lines();

    let online = next_line_where(&mut lines, |v| v["event"] == "state").await?;
    assert_eq!(online["state"], "online");
    assert_eq!(online["account"], desktop.account_key());

    desktop
        .control()
        .inject_notification(NewNotification::new("admin", "Carol shared “Plan.odt”"));
    let popped = next_line_where(&mut lines, |v| v["event"] == "popup").await?;
    assert_eq!(popped["subject"], "Carol shared “Plan.odt”");

    desktop
        .session
        .run_nctray(&["status", "set", "dnd"], None)
        .await?
        .success()?;
    let status = next_line_where(&mut lines, |v| {
        v["event"] == "status" && v["status"] == "dnd"
    })
    .await?;
    assert_eq!(status["account"], desktop.account_key());
    child.kill().await?;
    Ok(())
}

/// Sets the status type the way the web UI does: another client, straight on the server.
async fn set_status_on_the_server(desktop: &Desktop, status: &str) -> Result<()> {
    let url = format!(
        "{}/ocs/v2.php/apps/user_status/api/v1/user_status/status",
        desktop.sim.base_url()
    );
    reqwest::Client::new()
        .put(url)
        .basic_auth(&desktop.user, Some(app_password(&desktop.user)))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .form(&[("statusType", status)])
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_for_waybar_prints_the_whole_state_once_per_change() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let mut child = tokio::process::Command::from(desktop.session.nctray()?)
        .args(["watch", "--format", "waybar"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut lines = BufReader::new(child.stdout.take().context("stdout")?).lines();

    // The admin has no status row yet, which counts as offline, until the heartbeat at start
    // makes it online; which of the two answers comes first is a race.
    let first = next_line_where(&mut lines, |_| true).await?;
    let mut fields: Vec<&str> = first
        .as_object()
        .context("an object")?
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["alt", "class", "text", "tooltip"], "{first}");
    assert_eq!(first["alt"], first["class"], "{first}");
    let online = match first["class"].as_str() {
        Some("online") => first,
        Some("offline") => next_line_where(&mut lines, |v| v["class"] != "offline").await?,
        _ => anyhow::bail!("neither online nor offline: {first}"),
    };
    assert_eq!(online["class"], "online", "{online}");
    assert_eq!(online["alt"], "online", "{online}");
    assert_eq!(online["text"], "Online", "{online}");
    assert_eq!(
        online["tooltip"],
        // The tooltip is for people: the status as Nextcloud names it (in their language).
        format!("{}: Online", desktop.account_key()),
        "{online}"
    );

    set_status_on_the_server(&desktop, "dnd").await?;
    let dnd = next_line_where(&mut lines, |v| v["class"] == "dnd").await?;
    assert_eq!(dnd["text"], "Do not disturb", "{dnd}");

    desktop.control().set_fault(Fault::Maintenance);
    let down = next_line_where(&mut lines, |v| v["class"] == "disconnected").await?;
    assert_eq!(down["text"], "Do not disturb", "{down}");
    assert!(
        down["tooltip"]
            .as_str()
            .is_some_and(|t| t.ends_with("server in maintenance mode")),
        "{down}"
    );

    desktop.control().set_fault(Fault::Unauthorized);
    next_line_where(&mut lines, |v| v["class"] == "signin").await?;
    child.kill().await?;
    Ok(())
}
