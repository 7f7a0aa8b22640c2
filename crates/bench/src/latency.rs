//! Server event → popup decision: from the moment the simulator creates a notification to
//! the `EngineEvent::Popups` that carries it, with the engine's real intervals. And a chat
//! message → the open chat: from the moment another user posts to the open room until the
//! chat's long poll hands it over (what the quick chat shows).
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
/// A message in the open chat shows within a second.
const TARGET_CHAT: Duration = Duration::from_secs(1);
/// How long the long poll is left waiting before each message is posted.
const CHAT_SPACING: Duration = Duration::from_millis(300);
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
    let chat = Stats::of(&chat_latencies(samples).await?);
    out.push_str("## Chat message → open chat\n\n");
    out.push_str(
        "| samples | median | mean | p95 | max | target | |\n|---:|---:|---:|---:|---:|---|---|\n",
    );
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} | ≤ 1 s | {} |\n\n",
        chat.count,
        human(chat.median),
        human(chat.mean),
        human(chat.p95),
        human(chat.max),
        verdict(chat.max <= TARGET_CHAT),
    ));
    Ok(out)
}

/// The open chat's long poll waits on the server; each sample posts a message as bob and
/// times until the poll returns it.
async fn chat_latencies(samples: usize) -> Result<Vec<Duration>, String> {
    let sim = support::sim(false).await?;
    let control = sim.control();
    let token = control
        .create_room("bob", 2, "Latency")
        .ok_or("the simulator made no room")?;
    if !control.add_room_participant(&token, support::LOGIN) {
        return Err("cannot add the account to the room".into());
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let engine = support::engine(&sim, &dir.path().join("nctray.sqlite3"))?;
    let talk = engine.talk();
    talk.chat_entries(&token, 20)
        .await
        .map_err(|e| format!("opening the chat: {e}"))?;
    let mut measured = Vec::new();
    for n in 0..samples {
        let text = format!("Chat latency sample {n}");
        let post = async {
            tokio::time::sleep(CHAT_SPACING).await;
            let posted = Instant::now();
            control.post_chat_message("bob", &token, &text);
            posted
        };
        let (news, posted) = tokio::join!(talk.wait_for_chat_news(&token), post);
        let news = news.map_err(|e| format!("the long poll: {e}"))?;
        if !news.added.iter().any(|entry| entry.text == text) {
            return Err(format!("the long poll returned without {text:?}"));
        }
        measured.push(posted.elapsed());
        eprintln!("latency: chat sample {n}: {}", human(posted.elapsed()));
    }
    Ok(measured)
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
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
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
            EngineEvent::Popups(popups) => {
                // Shown, as the daemon reports them: otherwise every popup would be offered
                // again and again, filling the burst window.
                for popup in popups {
                    let _ = engine
                        .notifications()
                        .popups_shown(&popup.notification_ids());
                }
                popups
                    .iter()
                    .any(|p| matches!(p, Popup::One(n) if n.subject == subject))
                    .then_some(())
            }
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
