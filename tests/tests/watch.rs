//! `nctray watch --json` prints one JSON line per change, for status bars.

use std::process::Stdio;
use std::time::Duration;

use anyhow::{Context, Result};
use nctray_e2e::Desktop;
use nctray_sim::NewNotification;
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
