//! Requests and bytes per idle hour per account, with and without notify_push, counted from
//! the simulator's request log.
//!
//! An idle hour is simulated faster: every interval of the sync (the notifications poll at
//! the server's `pollinterval`, the push safety net, the status refresh, the heartbeat, the
//! daemon's ping) is divided by `scale`, the engine runs for `3600 / scale` seconds after its
//! start-up, and the counts are divided by the simulated hours that passed.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use nctray_engine::nextcloud::StatusType;
use nctray_engine::{supervise, AccountState, EngineEvent, NeverIdle, SyncConfig};
use nctray_sim::LoggedRequest;
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::Instant;

use crate::support::{self, next_matching, wait_until};

/// The push daemon pings a silent socket every 30 s (`ping` 2 + 8 bytes, the client's masked
/// `pong` 6 + 8 bytes).
const DAEMON_PING: Duration = Duration::from_secs(30);
const PING_PONG_BYTES: u64 = 10 + 14;

#[derive(Debug, Default, Clone)]
struct Endpoint {
    requests: u64,
    conditional: u64,
    not_modified: u64,
    bytes: u64,
}

struct Idle {
    push: bool,
    /// The notifications poll interval the engine used, unscaled.
    poll: Duration,
    hours: f64,
    endpoints: BTreeMap<(String, String), Endpoint>,
}

pub async fn measure(scale: u32) -> Result<String, String> {
    eprintln!(
        "traffic: an idle hour in {} s, push off and on side by side",
        3600 / scale
    );
    let (without_push, with_push) = tokio::join!(idle_hour(false, scale), idle_hour(true, scale));
    Ok(report(&[without_push?, with_push?], scale))
}

async fn idle_hour(push: bool, scale: u32) -> Result<Idle, String> {
    let sim = support::sim(push).await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let engine = support::engine(&sim, &dir.path().join("nctray.sqlite3"))?;
    // A user with a status, as most have: the status refresh then also asks for the backup.
    engine
        .status()
        .set(StatusType::Online)
        .await
        .map_err(|e| format!("setting the status: {e}"))?;
    // The interval the supervisor derives: the server's pollinterval, at least 30 s.
    let pollinterval = engine
        .capabilities()
        .await
        .map_err(|e| e.to_string())?
        .core
        .pollinterval
        .unwrap_or(60)
        .max(30);
    let poll = Duration::from_secs(pollinterval as u64);
    let config = SyncConfig {
        push,
        ..SyncConfig::default().scaled(poll, scale)
    };
    sim.control().set_push_ping_interval(DAEMON_PING / scale);

    let (tx, mut events) = unbounded_channel();
    let task = tokio::spawn(supervise(engine, config, Arc::new(NeverIdle), tx));
    let online = next_matching(&mut events, Duration::from_secs(10), |e| match e {
        EngineEvent::State(AccountState::Online) => Some(()),
        _ => None,
    })
    .await;
    if online.is_none() {
        return Err("the engine never got online".into());
    }
    if push
        && !wait_until(Duration::from_secs(10), || {
            sim.control().push_sockets() == 1
        })
        .await
    {
        return Err("the push socket never opened".into());
    }
    // Start-up (capabilities, the first poll, the refresh after the socket's login, the first
    // `modifiedSince` room list, which lists again the rooms the first list created in its
    // second) is not idle: count from after the first room-list interval.
    tokio::time::sleep(poll.max(SyncConfig::default().rooms_every) / scale + poll / scale).await;
    sim.control().clear_requests();
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(3600) / scale).await;
    let requests = sim.control().requests();
    let hours = started.elapsed().as_secs_f64() * f64::from(scale) / 3600.0;
    task.abort();

    Ok(Idle {
        push,
        poll,
        hours,
        endpoints: by_endpoint(&requests),
    })
}

/// An ETag sent back, or Talk's `modifiedSince` (rooms changed since then, else an empty
/// list).
fn is_conditional(request: &LoggedRequest) -> bool {
    request.if_none_match
        || request
            .query
            .split('&')
            .any(|pair| pair.starts_with("modifiedSince=") && pair != "modifiedSince=0")
}

fn by_endpoint(requests: &[LoggedRequest]) -> BTreeMap<(String, String), Endpoint> {
    let mut endpoints: BTreeMap<(String, String), Endpoint> = BTreeMap::new();
    for r in requests {
        let e = endpoints
            .entry((r.method.clone(), r.path.clone()))
            .or_default();
        e.requests += 1;
        e.conditional += u64::from(is_conditional(r));
        e.not_modified += u64::from(r.status == 304);
        e.bytes += r.bytes;
    }
    endpoints
}

fn report(runs: &[Idle], scale: u32) -> String {
    let mut out = String::from("## Requests and bytes per idle hour per account\n\n");
    if scale == 1 {
        out.push_str(
            "Measured in real time: one idle hour of the engine with its default intervals.\n\n",
        );
    } else {
        out.push_str(&format!(
            "Simulated: every interval of `SyncConfig` divided by {scale}, one idle hour in {} s \
             of wall time, counts divided by the simulated hours that passed (the room list's \
             full refresh is timed in whole seconds, so keep the scale at most {}).\n\n",
            3600 / scale,
            SyncConfig::default().rooms_full_every.as_secs() / 10,
        ));
    }
    out.push_str(
        "| notify_push | request | per hour | conditional (ETag or `modifiedSince`) | answered 304 | body bytes per hour |\n\
         |---|---|---:|---:|---:|---:|\n",
    );
    for run in runs {
        let per_hour = |n: u64| n as f64 / run.hours;
        let mut total = Endpoint::default();
        for ((method, path), e) in &run.endpoints {
            out.push_str(&format!(
                "| {} | `{method} {}` | {:.1} | {:.1} | {:.1} | {:.0} |\n",
                if run.push { "on" } else { "off" },
                short(path),
                per_hour(e.requests),
                per_hour(e.conditional),
                per_hour(e.not_modified),
                per_hour(e.bytes),
            ));
            total.requests += e.requests;
            total.conditional += e.conditional;
            total.not_modified += e.not_modified;
            total.bytes += e.bytes;
        }
        out.push_str(&format!(
            "| {} | **all HTTP** | **{:.1}** | {:.1} | {:.1} | **{:.0}** |\n",
            if run.push { "on" } else { "off" },
            per_hour(total.requests),
            per_hour(total.conditional),
            per_hour(total.not_modified),
            per_hour(total.bytes),
        ));
        if run.push {
            let pings = 3600 / DAEMON_PING.as_secs();
            out.push_str(&format!(
                "| on | WebSocket ping/pong (computed, not logged) | {pings} | – | – | {} |\n",
                pings * PING_PONG_BYTES
            ));
        }
    }
    out.push('\n');
    for run in runs {
        let polls = run
            .endpoints
            .iter()
            .find(|((m, p), _)| m == "GET" && p.ends_with("/api/v2/notifications"))
            .map(|(_, e)| e.clone())
            .unwrap_or_default();
        let all_conditional = polls.requests > 0 && polls.conditional == polls.requests;
        let all_304 = polls.not_modified == polls.requests;
        out.push_str(&format!(
            "- push {}: {} notification polls per hour (interval {} s{}), {} conditional, {} answered 304 \
             ({} body bytes).\n",
            if run.push { "on" } else { "off" },
            format_args!("{:.1}", polls.requests as f64 / run.hours),
            run.poll.as_secs(),
            if run.push {
                format!(
                    ", slowed to the {} min safety net while the socket is up",
                    SyncConfig::default().push_safety_every.as_secs() / 60
                )
            } else {
                String::new()
            },
            if all_conditional { "all" } else { "NOT all" },
            if all_304 { "all" } else { "NOT all" },
            polls.bytes,
        ));
    }
    out.push('\n');
    for run in runs {
        let requests: u64 = run.endpoints.values().map(|e| e.requests).sum();
        let bytes: u64 = run.endpoints.values().map(|e| e.bytes).sum();
        let (requests, bytes) = (requests as f64 / run.hours, bytes as f64 / run.hours);
        let limit = if run.push { 20.0 } else { 90.0 };
        out.push_str(&format!(
            "- push {}: {requests:.1} requests per idle hour (target ≤ {limit}: {}), {bytes:.0} body \
             bytes{}.\n",
            if run.push { "on" } else { "off" },
            support::verdict(requests <= limit),
            if run.push {
                String::new()
            } else {
                format!(" (target ≤ 10 KB: {})", support::verdict(bytes <= 10_000.0))
            },
        ));
    }
    out.push('\n');
    out
}

/// The path without the OCS prefix, to keep the table narrow.
fn short(path: &str) -> &str {
    path.strip_prefix("/ocs/v2.php/").unwrap_or(path)
}
