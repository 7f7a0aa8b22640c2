//! The idle footprint of the headless engine process (`nctray-engine`, one account, the
//! engine's real intervals): resident memory and CPU time from `/proc`, and, as a check on the
//! simulated idle hour, the requests it made, extrapolated to an hour.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use crate::support::{self, verdict, wait_until};

const TARGET_RSS_KB: u64 = 15 * 1024;
/// Start-up is not idle: the measurement starts this long after the engine is online.
const WARM_UP: Duration = Duration::from_secs(10);

struct Footprint {
    push: bool,
    minutes: u64,
    rss_kb: Vec<u64>,
    peak_kb: u64,
    threads: u64,
    cpu_secs: f64,
    wall_secs: f64,
    requests: usize,
    bytes: u64,
}

pub async fn measure(minutes: u64) -> Result<String, String> {
    let binary = engine_binary()?;
    eprintln!(
        "footprint: {} idling for {minutes} min, push on and off side by side",
        binary.display()
    );
    let (with_push, without_push) =
        tokio::join!(idle(&binary, true, minutes), idle(&binary, false, minutes));
    Ok(report(&[with_push?, without_push?], &binary))
}

/// `nctray-engine` next to this binary (both built by the same `cargo build`).
fn engine_binary() -> Result<PathBuf, String> {
    let here = std::env::current_exe().map_err(|e| e.to_string())?;
    let binary = here.with_file_name("nctray-engine");
    if binary.exists() {
        Ok(binary)
    } else {
        Err(format!(
            "{} is missing: build it with `cargo build --release -p nctray-engine -p nctray-bench`",
            binary.display()
        ))
    }
}

async fn idle(binary: &PathBuf, push: bool, minutes: u64) -> Result<Footprint, String> {
    let sim = support::sim(push).await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut command = Command::new(binary);
    command
        .args([
            "--server",
            &sim.base_url(),
            "--login",
            support::LOGIN,
            "--database",
        ])
        .arg(dir.path().join("nctray.sqlite3"))
        .env("NCTRAY_APP_PASSWORD", support::APP_PASSWORD)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if !push {
        command.arg("--no-push");
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("starting {binary:?}: {e}"))?;
    let guard = KillOnDrop(&mut child);
    let pid = guard.0.id();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let stdout = guard.0.stdout.take().ok_or("no stdout")?;
    let sink = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            sink.lock().unwrap_or_else(|p| p.into_inner()).push(line);
        }
    });
    let online = wait_until(Duration::from_secs(20), || {
        lines
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .any(|l| l.contains(r#""state":"online""#))
    })
    .await;
    if !online {
        return Err(format!("the engine process (push {push}) never got online"));
    }
    tokio::time::sleep(WARM_UP).await;
    sim.control().clear_requests();
    let cpu_before = cpu_ticks(pid)?;
    let started = Instant::now();
    let mut rss_kb = Vec::new();
    while started.elapsed() < Duration::from_secs(minutes * 60) {
        rss_kb.push(status_field(pid, "VmRSS:")?);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let cpu_secs = (cpu_ticks(pid)? - cpu_before) as f64 / clock_ticks_per_second();
    let wall_secs = started.elapsed().as_secs_f64();
    let requests = sim.control().requests();
    let footprint = Footprint {
        push,
        minutes,
        rss_kb,
        peak_kb: status_field(pid, "VmHWM:")?,
        threads: status_field(pid, "Threads:")?,
        cpu_secs,
        wall_secs,
        requests: requests.len(),
        bytes: requests.iter().map(|r| r.bytes).sum(),
    };
    drop(guard);
    Ok(footprint)
}

struct KillOnDrop<'a>(&'a mut Child);

impl Drop for KillOnDrop<'_> {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A `Name:  value kB` line of `/proc/<pid>/status`, the number only.
fn status_field(pid: u32, name: &str) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("reading /proc/{pid}/status: {e}"))?;
    status
        .lines()
        .find_map(|line| {
            line.strip_prefix(name)?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .ok_or_else(|| format!("no {name} in /proc/{pid}/status"))
}

/// User plus system CPU time of the process, in clock ticks (`/proc/<pid>/stat` fields 14, 15).
fn cpu_ticks(pid: u32) -> Result<u64, String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_err(|e| format!("reading /proc/{pid}/stat: {e}"))?;
    // The command name (field 2) may hold spaces; the fields after its `)` are plain.
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // `after_name` starts at field 3, so field n is at index n - 3.
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
    match (field(14), field(15)) {
        (Some(user), Some(system)) => Ok(user + system),
        _ => Err(format!("unexpected /proc/{pid}/stat: {stat}")),
    }
}

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

fn report(runs: &[Footprint], binary: &std::path::Path) -> String {
    let size = std::fs::metadata(binary).map(|m| m.len()).unwrap_or(0);
    let mut out = String::from("## Engine-only process, idle\n\n");
    out.push_str(&format!(
        "`nctray-engine` ({} build, {:.1} MB binary), one account, default intervals, measured \
         from /proc over {} min after a {} s warm-up; RSS sampled every second.\n\n",
        binary
            .parent()
            .and_then(|dir| dir.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size as f64 / 1e6,
        runs.first().map(|r| r.minutes).unwrap_or_default(),
        WARM_UP.as_secs(),
    ));
    out.push_str(
        "| notify_push | RSS median | RSS max | peak (VmHWM, incl. start-up) | threads | CPU time | CPU share | HTTP requests per hour | body bytes per hour | RSS target ≤ 15 MB |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for run in runs {
        let mut sorted = run.rss_kb.clone();
        sorted.sort_unstable();
        let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
        let max = sorted.last().copied().unwrap_or_default();
        let per_hour = 3600.0 / run.wall_secs;
        out.push_str(&format!(
            "| {} | {:.1} MB | {:.1} MB | {:.1} MB | {} | {:.2} s | {:.4} % | {:.0} | {:.0} | {} |\n",
            if run.push { "on" } else { "off" },
            median as f64 / 1024.0,
            max as f64 / 1024.0,
            run.peak_kb as f64 / 1024.0,
            run.threads,
            run.cpu_secs,
            run.cpu_secs / run.wall_secs * 100.0,
            run.requests as f64 * per_hour,
            run.bytes as f64 * per_hour,
            verdict(max <= TARGET_RSS_KB),
        ));
    }
    out.push('\n');
    out
}
