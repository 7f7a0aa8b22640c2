//! The footprint of the real app, as a desktop runs it: the daemon started like autostart does,
//! signed in to the simulator with the app's own poll schedule, its windows opened by clicks on
//! the tray icon (`Activate` over D-Bus, as a panel sends it). Every process of the app counts:
//! the daemon, the window process and every process under them (WebKit's web and network
//! processes), PSS and RSS from /proc/PID/smaps_rollup, CPU from /proc/PID/stat. The simulator
//! runs inside this program and is not counted. Anonymous memory (heaps, stacks) is printed
//! beside them. Phases:
//!
//! 1. tray only, idle for `--minutes` (default 10): PSS, RSS at the end, CPU over the whole time;
//! 2. `--opens` (default 20) tray clicks, each timed from the click to the popover's page having
//!    loaded (the window process logs it), each closed again by a second click, timing how long
//!    the window processes take to end; the last one is read 8 s after it opened;
//! 3. 10 s after the last window closed;
//! 4. the quick chat opened over the API and the popover by a click beside it.
//!
//! Run under Xvfb with a built app (a release build gives the numbers users see; the window
//! binary is taken from beside the daemon's):
//!
//! `NCTRAY_BIN=$PWD/target/release/nctray xvfb-run -a -s "-screen 0 1280x800x24" cargo run -p
//! nctray-e2e --bin window-memory -- [--minutes M] [--opens N] [--env NAME=VALUE]…`
//!
//! `--env` sets a variable for the app (and so for its window process), e.g. to measure what
//! `WEBKIT_DISABLE_COMPOSITING_MODE=1` saves. `--mappings N` prints, for each process with the
//! popover open, its N largest mappings by PSS (libraries by file, anonymous memory by kind):
//! where the memory goes.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use nctray_api::Nctray1Proxy;
use nctray_e2e::{
    all_processes, env_assignment, wait_until, Desktop, RunningApp, Session, Tray, PATIENCE,
};

/// Let start-up work (first sync, first paint) settle before reading.
const SETTLE: Duration = Duration::from_secs(8);
/// How long after the last window closed the "after close" figure is read.
const AFTER_CLOSE: Duration = Duration::from_secs(10);
/// Where the clicks land: the icon of a panel at the top right of the 1280×800 screen.
const CLICK: (i32, i32) = (1200, 4);
/// What the window process logs when a window's page has loaded (src-tauri/src/windows).
const LOADED: &str = "window's page has loaded";
/// The quick chat's title in English.
const CHAT_TITLE: &str = "Talk — nctray";

struct Options {
    minutes: u64,
    opens: usize,
    env: Vec<(String, String)>,
    mappings: usize,
}

impl Options {
    fn from_args() -> Result<Self> {
        let mut options = Options {
            minutes: 10,
            opens: 20,
            env: Vec::new(),
            mappings: 0,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--minutes" => options.minutes = value()?.parse().context("--minutes")?,
                "--opens" => options.opens = value()?.parse().context("--opens")?,
                "--mappings" => options.mappings = value()?.parse().context("--mappings")?,
                "--env" => options.env.push(env_assignment(&value()?)?),
                other => {
                    bail!(
                        "unknown argument {other:?} (--minutes M, --opens N, --env NAME=VALUE, \
                     --mappings N)"
                    )
                }
            }
        }
        if options.opens == 0 {
            bail!("--opens must be at least 1");
        }
        Ok(options)
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let options = Options::from_args()?;
    let desktop = Desktop::signed_in_as("admin").await?;
    // The app's own poll schedule, not the tests' one second.
    desktop
        .session
        .set_config("poll_interval_secs", serde_json::Value::Null)?;
    let env: Vec<(&str, &str)> = options
        .env
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let (app, tray) = desktop.start_tray_with_env(&env).await?;
    let session = &desktop.session;
    tokio::time::sleep(SETTLE).await;

    let start = Tree::read(session);
    let began = Instant::now();
    tokio::time::sleep(Duration::from_secs(options.minutes * 60)).await;
    let idle = Tree::read(session);
    let idle_cpu = cpu_percent(&start, &idle, began.elapsed());

    let mut to_loaded = Vec::new();
    let mut to_gone = Vec::new();
    let mut open = None;
    for round in 0..options.opens {
        to_loaded.push(click_open(&app, &tray).await?);
        if round + 1 == options.opens {
            tokio::time::sleep(SETTLE).await;
            let tree = Tree::read(session);
            if options.mappings > 0 {
                tree.print_largest_mappings(options.mappings);
            }
            open = Some(tree);
        }
        to_gone.push(click_close(session, &app, &tray).await?);
    }
    tokio::time::sleep(AFTER_CLOSE).await;
    let after_close = Tree::read(session);

    let api = Nctray1Proxy::new(&session.connect().await?).await?;
    let loaded = loaded_count(&app);
    api.open_window("chat", -1, -1).await?;
    wait_for_loaded(&app, loaded + 1).await?;
    click_open(&app, &tray).await?;
    tokio::time::sleep(SETTLE).await;
    let with_chat = Tree::read(session);
    let both_open = session.has_window(CHAT_TITLE) && session.has_window("nctray");

    println!("| | processes (RSS/PSS/anonymous MB each) | RSS MB | PSS MB | anonymous MB | CPU % of a core |");
    println!("|---|---|---|---|---|---|");
    let idle_label = format!("tray only, idle {} min", options.minutes);
    let rows = [
        (idle_label.as_str(), &idle, format!("{idle_cpu:.3}")),
        (
            "popover open",
            open.as_ref().expect("at least one open"),
            String::new(),
        ),
        ("10 s after it closed", &after_close, String::new()),
        ("popover and quick chat open", &with_chat, String::new()),
    ];
    for (label, tree, cpu) in rows {
        println!(
            "| {label} | {} | {:.1} | {:.1} | {:.1} | {cpu} |",
            tree.names(),
            tree.rss_kb as f64 / 1024.0,
            tree.pss_kb as f64 / 1024.0,
            tree.anon_kb as f64 / 1024.0
        );
    }
    if !both_open {
        println!("\n(the popover and the quick chat were not both open when read)");
    }
    println!();
    println!(
        "| {} opens | median ms | p95 ms | min ms | max ms |",
        options.opens
    );
    println!("|---|---|---|---|---|");
    for (label, times) in [
        ("click → popover's page loaded", &mut to_loaded),
        ("closing click → window processes gone", &mut to_gone),
    ] {
        times.sort();
        let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {label} | {:.0} | {:.0} | {:.0} | {:.0} |",
            ms(&percentile(times, 50)),
            ms(&percentile(times, 95)),
            ms(&times[0]),
            ms(&times[times.len() - 1])
        );
    }
    if !options.env.is_empty() {
        println!("\nwith {:?}", options.env);
    }
    Ok(())
}

/// Clicks the tray icon and waits until the popover's page has loaded: the time that took.
async fn click_open(app: &RunningApp, tray: &Tray) -> Result<Duration> {
    let loaded = loaded_count(app);
    let clicked = Instant::now();
    tray.activate(CLICK.0, CLICK.1).await?;
    wait_for_loaded(app, loaded + 1).await?;
    Ok(clicked.elapsed())
}

/// Clicks the tray icon again (which closes the open popover) and waits until no window
/// process is left: the time that took.
async fn click_close(session: &Session, app: &RunningApp, tray: &Tray) -> Result<Duration> {
    let clicked = Instant::now();
    tray.activate(CLICK.0, CLICK.1).await?;
    wait_until("the window process to end", PATIENCE, || {
        let gone = session.window_processes().is_empty();
        async move { gone }
    })
    .await
    .with_context(|| app.logs())?;
    Ok(clicked.elapsed())
}

/// How many window pages have loaded since the app started, from its log.
fn loaded_count(app: &RunningApp) -> usize {
    app.logs().matches(LOADED).count()
}

async fn wait_for_loaded(app: &RunningApp, count: usize) -> Result<()> {
    // Polled often: the poll's own delay is part of what is timed.
    let deadline = Instant::now() + PATIENCE;
    while loaded_count(app) < count {
        app.ensure_running()?;
        if Instant::now() > deadline {
            bail!("no window page loaded within {PATIENCE:?}:\n{}", app.logs());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(())
}

/// The `percent`th percentile of sorted `times` (nearest rank).
fn percentile(times: &[Duration], percent: usize) -> Duration {
    let rank = (times.len() * percent).div_ceil(100).max(1);
    times[rank - 1]
}

/// CPU time the processes read in both `start` and `end` spent in between, as a share of one
/// core over `elapsed`.
fn cpu_percent(start: &Tree, end: &Tree, elapsed: Duration) -> f64 {
    let ticks: u64 = end
        .processes
        .iter()
        .filter_map(|process| {
            let before = start.processes.iter().find(|p| p.pid == process.pid)?;
            Some(process.cpu_ticks.saturating_sub(before.cpu_ticks))
        })
        .sum();
    ticks as f64 / clock_ticks_per_second() / elapsed.as_secs_f64() * 100.0
}

/// `getconf CLK_TCK`: the unit of the CPU times in /proc/PID/stat (100 on Linux).
fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

struct Process {
    pid: u32,
    name: String,
    rss_kb: u64,
    pss_kb: u64,
    /// Anonymous pages (heaps, stacks, GL buffers): unlike PSS (and private pages) it does not
    /// change when other programs on the machine map the same libraries (another WebKit app,
    /// or a test running beside), so it compares runs best.
    anon_kb: u64,
    /// User and system time so far, in clock ticks.
    cpu_ticks: u64,
}

struct Tree {
    processes: Vec<Process>,
    rss_kb: u64,
    pss_kb: u64,
    anon_kb: u64,
}

impl Tree {
    /// The session's daemon and window process, and every process under them.
    fn read(session: &Session) -> Self {
        let all: BTreeMap<u32, (u32, String)> = all_processes()
            .into_iter()
            .map(|p| (p.pid, (p.parent, p.name)))
            .collect();
        let mut pids: Vec<u32> = session
            .daemons()
            .into_iter()
            .chain(session.window_processes())
            .collect();
        let mut index = 0;
        while index < pids.len() {
            let pid = pids[index];
            // One of the two may be the other's child: count each process once.
            let children: Vec<u32> = all
                .iter()
                .filter(|(child, (p, _))| *p == pid && !pids.contains(child))
                .map(|(child, _)| *child)
                .collect();
            pids.extend(children);
            index += 1;
        }
        let mut tree = Tree {
            processes: Vec::new(),
            rss_kb: 0,
            pss_kb: 0,
            anon_kb: 0,
        };
        for pid in pids {
            // A short-lived helper process may be gone by now.
            let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
                continue;
            };
            let (rss_kb, pss_kb) = (field(&rollup, "Rss:"), field(&rollup, "Pss:"));
            let anon_kb = field(&rollup, "Anonymous:");
            tree.rss_kb += rss_kb;
            tree.pss_kb += pss_kb;
            tree.anon_kb += anon_kb;
            tree.processes.push(Process {
                pid,
                name: all.get(&pid).map(|(_, n)| n.clone()).unwrap_or_default(),
                rss_kb,
                pss_kb,
                anon_kb,
                cpu_ticks: cpu_ticks(pid),
            });
        }
        tree
    }

    /// Each process's `count` largest mappings by PSS, summed per file (or per kind of
    /// anonymous memory), as Markdown.
    fn print_largest_mappings(&self, count: usize) {
        for process in &self.processes {
            let Ok(smaps) = std::fs::read_to_string(format!("/proc/{}/smaps", process.pid)) else {
                continue;
            };
            let mut sizes = largest_mappings(&smaps);
            sizes.truncate(count);
            println!("\n{} ({} MB PSS):", process.name, process.pss_kb / 1024);
            for (name, kb) in sizes {
                println!("- {name}: {:.1} MB", kb as f64 / 1024.0);
            }
        }
        println!();
    }

    fn names(&self) -> String {
        let names: Vec<_> = self
            .processes
            .iter()
            .map(|p| {
                format!(
                    "{} ({:.0}/{:.0}/{:.0})",
                    p.name,
                    p.rss_kb as f64 / 1024.0,
                    p.pss_kb as f64 / 1024.0,
                    p.anon_kb as f64 / 1024.0
                )
            })
            .collect();
        names.join(", ")
    }
}

/// PSS per mapped file (or `[heap]`, `[stack]`, `anonymous`) in `/proc/PID/smaps`, largest
/// first.
fn largest_mappings(smaps: &str) -> Vec<(String, u64)> {
    let mut sizes: BTreeMap<String, u64> = BTreeMap::new();
    let mut current = String::new();
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or("");
        if first == "Pss:" {
            *sizes.entry(current.clone()).or_default() += words
                .next()
                .and_then(|kb| kb.parse::<u64>().ok())
                .unwrap_or(0);
        } else if first.contains('-') && !first.ends_with(':') {
            // A mapping's header: address range, perms, offset, device, inode, then the path.
            let path = line.split_whitespace().nth(5).unwrap_or("anonymous");
            current = path.rsplit('/').next().unwrap_or(path).to_owned();
        }
    }
    let mut sizes: Vec<(String, u64)> = sizes.into_iter().collect();
    sizes.sort_by_key(|(_, kb)| std::cmp::Reverse(*kb));
    sizes
}

/// utime + stime of `pid` (fields 14 and 15 of /proc/PID/stat, counted after the command
/// name, which may hold spaces).
fn cpu_ticks(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    let Some((_, after_name)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    let at = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    at(11) + at(12)
}

fn field(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}
