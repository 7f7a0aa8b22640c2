//! The background loop of one account: polls notifications cheaply (ETag → 304) and notices
//! status changes through the `X-Nextcloud-User-Status` header each list answer carries, so
//! the full status is fetched only when it changed or every few minutes.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use crate::{Engine, Error, Popup, PopupGate, StatusSnapshot};

/// What the shell hears from the engine.
#[derive(Debug, Clone)]
pub enum EngineEvent {
    /// Popups to show now; each notification is in one of them once in the account's life.
    Popups(Vec<Popup>),
    /// The status (or its backup, or the predefined list) changed.
    Status(StatusSnapshot),
    /// Talking to the server failed; polling goes on with backoff.
    SyncFailed { kind: &'static str, message: String },
    /// The server rejected the app password: polling stopped until the user signs in again.
    SignInNeeded,
}

#[derive(Debug, Clone)]
pub struct PollerConfig {
    pub notifications_every: Duration,
    /// Safety net for status changes the header cannot show (message, backup).
    pub status_every: Duration,
    pub max_backoff: Duration,
}

impl Default for PollerConfig {
    fn default() -> Self {
        Self {
            notifications_every: Duration::from_secs(30),
            status_every: Duration::from_secs(300),
            max_backoff: Duration::from_secs(300),
        }
    }
}

/// The poll loop of one account. It ends when the receiver of `events` is gone or the server
/// rejects the app password; the shell spawns it on its runtime and aborts it on quit.
pub async fn run_poller(
    engine: Arc<Engine>,
    config: PollerConfig,
    events: UnboundedSender<EngineEvent>,
) {
    let mut last_server_status: Option<String> = None;
    let mut status_due = tokio::time::Instant::now();
    let mut failures: u32 = 0;
    let mut gate = PopupGate::default();
    loop {
        let outcome = poll_once(
            &engine,
            &mut gate,
            &mut last_server_status,
            &mut status_due,
            &config,
        )
        .await;
        let wait = match outcome {
            Ok(found) => {
                failures = 0;
                for event in found {
                    if events.send(event).is_err() {
                        return;
                    }
                }
                config.notifications_every
            }
            Err(Error::Server(nextcloud::Error::Unauthorized)) => {
                let _ = events.send(EngineEvent::SignInNeeded);
                return;
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                tracing::warn!(kind = error.kind(), "poll failed: {error}");
                let failed = EngineEvent::SyncFailed {
                    kind: error.kind(),
                    message: error.to_string(),
                };
                if events.send(failed).is_err() {
                    return;
                }
                backoff(config.notifications_every, failures, config.max_backoff)
            }
        };
        tokio::time::sleep(wait).await;
    }
}

async fn poll_once(
    engine: &Engine,
    gate: &mut PopupGate,
    last_server_status: &mut Option<String>,
    status_due: &mut tokio::time::Instant,
    config: &PollerConfig,
) -> crate::Result<Vec<EngineEvent>> {
    let mut found = Vec::new();
    let poll = engine.poll_notifications().await?;
    let now = std::time::Instant::now();
    let popups = if poll.first_sync {
        gate.admit_first_sync(now, poll.new)
    } else {
        gate.admit(now, poll.new)
    };
    if !popups.is_empty() {
        found.push(EngineEvent::Popups(popups));
    }
    let status_changed = poll.server_status.is_some() && poll.server_status != *last_server_status;
    if status_changed || tokio::time::Instant::now() >= *status_due {
        found.push(EngineEvent::Status(engine.refresh_status().await?));
        *last_server_status = poll.server_status;
        *status_due = tokio::time::Instant::now() + config.status_every;
    }
    Ok(found)
}

/// Doubles the wait per consecutive failure, capped, so a server in trouble is not hammered.
fn backoff(base: Duration, failures: u32, cap: Duration) -> Duration {
    base.saturating_mul(1u32 << failures.min(10)).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_stops_at_the_cap() {
        let base = Duration::from_secs(30);
        let cap = Duration::from_secs(300);
        assert_eq!(backoff(base, 1, cap), Duration::from_secs(60));
        assert_eq!(backoff(base, 2, cap), Duration::from_secs(120));
        assert_eq!(backoff(base, 3, cap), Duration::from_secs(240));
        assert_eq!(backoff(base, 4, cap), cap);
        assert_eq!(backoff(base, 40, cap), cap);
    }
}
