//! Crash safety: the engine process is killed with SIGKILL at random points of its sync, again
//! and again, while notifications arrive. The cache must stay a sound SQLite file, no
//! notification may go missing from it, and each must pop up exactly once: a popup counts as
//! shown when its line is printed, so one whose process died first is shown after a restart.
//!
//! The kill points are random; the seed is printed, and `NCTRAY_CRASH_SEED=<n>` replays a run.

mod common;
mod engine_process;

use std::collections::{BTreeSet, HashMap};
use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

use engine_process::{shown_ids, EngineProcess, Password};
use nctray_sim::{NewNotification, Sim, SimConfig};

const RUNS: usize = 50;
/// The server lists only the newest 25 notifications; more would push older ones out of the
/// list (and so out of the cache) before the engine could ever see them.
const LIST_LIMIT: usize = 25;
/// Kills land anywhere from the opening of the database to a few sync rounds in.
const LONGEST_RUN_MS: u64 = 350;

/// xorshift64*: enough randomness for kill points, and replayable from its seed.
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
        eprintln!("crash safety: NCTRAY_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_at_random_points_never_corrupts_the_cache_and_every_notification_pops_up_exactly_once(
) {
    let sim = Sim::start(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let control = sim.control();
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("nctray.sqlite3");
    let mut rng = Rng::from_env_or_clock();
    let started = Instant::now();

    let mut injected = BTreeSet::new();
    let mut events = Vec::new();
    let mut killed_while_running = 0;
    let mut killed_after_first_sync = 0;
    for run in 0..RUNS {
        // Half of the runs see a new notification: before the engine starts or while it syncs.
        let inject = run % 2 == 0 && injected.len() < LIST_LIMIT;
        let arrives_during_run = rng.below(2) == 0;
        let notify = |injected: &mut BTreeSet<i64>| {
            let subject = format!("Crash run {run}");
            injected.insert(control.inject_notification(NewNotification::new("admin", &subject)));
        };
        if inject && !arrives_during_run {
            notify(&mut injected);
        }
        // Short intervals keep the engine writing: polls, status snapshots, heartbeats; with
        // push in every other run, the socket's refresh too.
        let mut args = vec![
            "--poll-ms",
            "25",
            "--status-ms",
            "40",
            "--heartbeat-ms",
            "60",
            "--max-backoff-ms",
            "50",
        ];
        if run % 4 >= 2 {
            args.push("--no-push");
        }
        let engine = EngineProcess::spawn(
            &sim.base_url(),
            "admin",
            Password::Env("admin-app-password"),
            &database,
            &args,
            &[],
        );
        let kill_at = Duration::from_millis(rng.below(LONGEST_RUN_MS));
        let mut slept = Duration::ZERO;
        if inject && arrives_during_run {
            slept = Duration::from_millis(rng.below(kill_at.as_millis() as u64));
            tokio::time::sleep(slept).await;
            notify(&mut injected);
        }
        tokio::time::sleep(kill_at - slept).await;
        let finished = engine.kill();
        if finished.status.signal() == Some(9) {
            killed_while_running += 1;
            killed_after_first_sync +=
                usize::from(finished.events.iter().any(|e| e["state"] == "online"));
        } else {
            panic!(
                "run {run}: the engine ended by itself ({}): {}",
                finished.status, finished.stderr
            );
        }
        events.extend(finished.events);
    }
    assert_eq!(killed_while_running, RUNS);
    eprintln!(
        "crash safety: {killed_after_first_sync} of {RUNS} runs were killed after they had synced"
    );

    let conn = rusqlite::Connection::open(&database).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);

    // A last, clean sync.
    let last = EngineProcess::spawn(
        &sim.base_url(),
        "admin",
        Password::Env("admin-app-password"),
        &database,
        &["--once"],
        &[],
    )
    .wait();
    assert!(last.status.success(), "{}", last.stderr);
    events.extend(last.events);

    // Nothing lost: every notification the server sent is in the cache, and has its one
    // popup row, settled.
    let engine = common::engine_at(&sim, &database);
    let cached: BTreeSet<i64> = engine
        .notifications()
        .cached()
        .unwrap()
        .iter()
        .map(|n| n.notification_id)
        .collect();
    assert_eq!(cached, injected, "the cache lost notifications");
    let conn = rusqlite::Connection::open(&database).unwrap();
    let shown: i64 = conn
        .query_row(
            "SELECT count(*) FROM popups WHERE state = 'shown'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(shown as usize, injected.len());

    // Exactly once: each notification was shown by one popup or one summary, in one run.
    let shown = shown_ids(&events);
    let mut times: HashMap<i64, usize> = HashMap::new();
    for id in &shown {
        *times.entry(*id).or_default() += 1;
    }
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "popped up more than once: {twice:?}");
    let never: Vec<_> = injected
        .iter()
        .filter(|id| !times.contains_key(id))
        .collect();
    assert!(never.is_empty(), "never popped up: {never:?}");
    let in_summaries = events.iter().filter(|e| e["event"] == "summary").count();
    eprintln!(
        "crash safety: {} notifications, each shown once ({} summaries), {:?}",
        injected.len(),
        in_summaries,
        started.elapsed()
    );
}
