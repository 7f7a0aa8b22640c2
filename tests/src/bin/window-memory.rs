//! Resident memory of the tray app with the popover open and after it is closed again: the
//! app's process and every process under it (WebKit's web and network processes), read from
//! /proc. Run under Xvfb with a built app (a release build gives the numbers users see):
//!
//! `NCTRAY_BIN=target/release/nctray xvfb-run -a cargo run -p nctray-e2e --bin window-memory`

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{bail, Result};
use nctray_e2e::{Desktop, Webview};

/// Let start-up work (first sync, first paint) settle before reading.
const SETTLE: Duration = Duration::from_secs(8);

#[tokio::main]
async fn main() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("popover").await?;
    webview.wait_for("[data-window]").await?;
    tokio::time::sleep(SETTLE).await;
    let app = app_pid(&webview)?;
    let open = Tree::read(app)?;
    // Closed by the app itself, as its close button does (WebDriver's own "close window"
    // would end the whole app with the session).
    webview
        .script(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'popover' }); return true;",
            vec![],
        )
        .await
        .ok();
    tokio::time::sleep(SETTLE).await;
    let closed = Tree::read(app)?;
    println!("| | processes (RSS/PSS MB each) | RSS MB | PSS MB |");
    println!("|---|---|---|---|");
    for (label, tree) in [("popover open", &open), ("popover closed again", &closed)] {
        println!(
            "| {label} | {} | {:.1} | {:.1} |",
            tree.names(),
            tree.rss_kb as f64 / 1024.0,
            tree.pss_kb as f64 / 1024.0
        );
    }
    drop(webview);
    Ok(())
}

/// The app: the `nctray` process under WebKitWebDriver under tauri-driver.
fn app_pid(webview: &Webview) -> Result<u32> {
    let all = processes()?;
    let driver = webview.driver_pid();
    let mut stack = vec![driver];
    while let Some(pid) = stack.pop() {
        for (child, (parent, name)) in &all {
            if *parent == pid {
                if name == "nctray" {
                    return Ok(*child);
                }
                stack.push(*child);
            }
        }
    }
    bail!("no nctray process under tauri-driver {driver}")
}

struct Tree {
    /// pid, name, RSS kB, PSS kB.
    processes: Vec<(u32, String, u64, u64)>,
    rss_kb: u64,
    pss_kb: u64,
}

impl Tree {
    fn read(root: u32) -> Result<Self> {
        let all = processes()?;
        let mut pids = vec![root];
        let mut index = 0;
        while index < pids.len() {
            let pid = pids[index];
            pids.extend(all.iter().filter(|(_, (p, _))| *p == pid).map(|(c, _)| *c));
            index += 1;
        }
        let mut tree = Tree {
            processes: Vec::new(),
            rss_kb: 0,
            pss_kb: 0,
        };
        for pid in pids {
            // A short-lived helper process may be gone by now.
            let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
                continue;
            };
            let (rss, pss) = (field(&rollup, "Rss:"), field(&rollup, "Pss:"));
            tree.rss_kb += rss;
            tree.pss_kb += pss;
            let name = all.get(&pid).map(|(_, n)| n.clone()).unwrap_or_default();
            tree.processes.push((pid, name, rss, pss));
        }
        Ok(tree)
    }

    fn names(&self) -> String {
        let names: Vec<_> = self
            .processes
            .iter()
            .map(|(_, name, rss, pss)| {
                format!(
                    "{name} ({:.0}/{:.0})",
                    *rss as f64 / 1024.0,
                    *pss as f64 / 1024.0
                )
            })
            .collect();
        names.join(", ")
    }
}

fn field(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}

/// pid → (parent pid, command name) of every process.
fn processes() -> Result<BTreeMap<u32, (u32, String)>> {
    let mut all = BTreeMap::new();
    for entry in std::fs::read_dir("/proc")? {
        let entry = entry?;
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // `pid (name) state ppid …`; the name may hold spaces and parentheses.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = stat[open + 1..close].to_owned();
        let ppid = stat[close + 1..]
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        all.insert(pid, (ppid, name));
    }
    Ok(all)
}
