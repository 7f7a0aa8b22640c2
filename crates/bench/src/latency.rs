//! Server event → popup decision: from the moment the simulator creates a notification to
//! the `EngineEvent::Popups` that carries it, with the engine's real intervals.
//!
//! With push the simulator runs the daemon as real servers do: on its own port (the client logs
//! in with a pre_auth token) with the daemon's 1 s debounce of notification events, so the
//! figure is what a person waits on a real deployment. The samples are 3.5 s apart, so the
//! burst limit (3 popups per 10 s) never holds one back. Without push each notification
//! arrives at a random moment of the poll interval, so the samples show the wait for the next
//! poll.

use std::sync::Arc;
use std::time::Duration;

use nctray_engine::{supervise, EngineEvent, NeverIdle, Popup, SyncConfig};
use nctray_sim::{NewNotification, PushSocket, Sim, SimConfig};
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::Instant;

use crate::support::{self, human, next_matching, verdict, wait_until, Rng, Stats};

/// Issue 13: the daemon's 1 s debounce included.
const TARGET_WITH_PUSH: Duration = Duration::from_millis(2500);
const PUSH_SPACING: Duration = Duration::from_millis(3500);

pub async fn measure(samples: usize, poll_samples: usize) -> Result<String, String> {
    let (with_push, without_push) =
        tokio::join!(latencies(true, samples), latencies(false, poll_samples));
    let with_push = Stats::of(&with_push?);
    let mut out = String::from("## Server event → popup decision\n\n");
    out.push_str(
        "| notify_push | samples | median | mean | p95 | max | target | |\n|---|---:|---:|---:|---:|---:|---|---|\n",
    );
    out.push_str(&format!(
        "| on (daemon on its own port, 1 s debounce) | {} | {} | {} | {} | {} | ≤ 2.5 s | {} |\n",
        with_push.count,
        human(with_push.median),
        human(with_push.mean),
        human(with_push.p95),
        human(with_push.max),
        verdict(with_push.max <= TARGET_WITH_PUSH),
    ));
    let without_push = without_push?;
    if !without_push.is_empty() {
        let stats = Stats::of(&without_push);
        out.push_str(&format!(
            "| off | {} | {} | {} | {} | {} | the next poll (60 s ± 10 %) | |\n",
            stats.count,
            human(stats.median),
            human(stats.mean),
            human(stats.p95),
            human(stats.max),
        ));
    }
    out.push('\n');
    Ok(out)
}

async fn latencies(push: bool, samples: usize) -> Result<Vec<Duration>, String> {
    if samples == 0 {
        return Ok(Vec::new());
    }
    let sim = if push {
        Sim::start(SimConfig {
            push: true,
            push_socket: PushSocket::OwnPort,
            ..SimConfig::default()
        })
        .await
        .map_err(|e| format!("starting the simulator: {e}"))?
    } else {
        support::sim(false).await?
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let engine = support::engine(&sim, &dir.path().join("nctray.sqlite3"))?;
    let (tx, mut events) = unbounded_channel();
    let config = SyncConfig {
        push,
        ..SyncConfig::default()
    };
    let task = tokio::spawn(supervise(engine, config, Arc::new(NeverIdle), tx));
    let notification_polls = || {
        sim.control()
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/api/v2/notifications"))
            .count()
    };
    // Settled: the first poll done, and with push the refresh after the socket's login.
    let settled = if push {
        wait_until(Duration::from_secs(15), || {
            sim.control().push_sockets() == 1 && notification_polls() >= 2
        })
        .await
    } else {
        wait_until(Duration::from_secs(15), || notification_polls() >= 1).await
    };
    if !settled {
        return Err(format!("the engine (push {push}) never settled"));
    }

    let mut rng = Rng::from_clock();
    let mut measured = Vec::new();
    for n in 0..samples {
        let pause = if push {
            PUSH_SPACING
        } else {
            Duration::from_millis(rng.below(60_000))
        };
        tokio::time::sleep(pause).await;
        let subject = format!("Latency sample {n} (push {push})");
        let created = Instant::now();
        sim.control()
            .inject_notification(NewNotification::new(support::LOGIN, &subject));
        let decided = next_matching(&mut events, Duration::from_secs(90), |event| match event {
            EngineEvent::Popups(popups) => popups
                .iter()
                .any(|p| matches!(p, Popup::One(n) if n.subject == subject))
                .then_some(()),
            _ => None,
        })
        .await;
        if decided.is_none() {
            return Err(format!("no popup for {subject:?}"));
        }
        measured.push(created.elapsed());
        eprintln!(
            "latency: push {push}, sample {n}: {}",
            human(created.elapsed())
        );
    }
    task.abort();
    Ok(measured)
}
