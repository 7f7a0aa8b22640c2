//! One account's sync, supervised: the notifications poll, the status heartbeat and the push
//! socket run side by side; failures back off, the account's state is reported when it
//! changes, and a refused app password stops everything until the user signs in again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nextcloud::{CertificateProblem, NotifyPush, PushEvent, PushOptions, PushUpdate};
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

use crate::{Engine, Error, Popup, PopupGate, StatusSnapshot, UnreadCounts};

/// What the shell hears from an account's supervisor.
#[derive(Debug, Clone)]
pub enum EngineEvent {
    /// Popups to show now. The listener reports each one the desktop showed with
    /// [`Engine::popups_shown`]; one not reported is offered again (within
    /// [`POPS_UP_FOR`](crate::popup_gate::POPS_UP_FOR) of its creation as itself, later in a
    /// summary), so it may come more than once until it is shown.
    Popups(Vec<Popup>),
    /// The status (or its backup, or the predefined list) changed.
    Status(Box<StatusSnapshot>),
    /// The connection to the server changed.
    State(AccountState),
    /// Talk's unread messages and mentions changed (per room and the tray badge's total).
    Unread(UnreadCounts),
    /// The cached notification list changed (new ones, or some gone elsewhere): an open
    /// window reads it again. Sent only after a download, never after a 304.
    NotificationsChanged,
}

/// How the account's server is doing, as the tray shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountState {
    /// The last request got through.
    Online,
    /// No answer (no network, server down, timeouts) or a broken one: the cache stays
    /// readable and sync retries with backoff.
    Offline { reason: String },
    /// The server is in maintenance mode (503).
    Maintenance,
    /// The server refused the app password: sync of this account stopped, nothing deleted.
    SignInNeeded,
    /// The server shows another certificate than the one trusted for this account: sync
    /// stopped and sends nothing until the person looks at the new one and trusts it (or not).
    CertificateChanged,
}

impl AccountState {
    fn after(error: &Error) -> Self {
        match error {
            Error::Server(nextcloud::Error::Unauthorized) => AccountState::SignInNeeded,
            Error::Server(nextcloud::Error::Maintenance) => AccountState::Maintenance,
            Error::Server(nextcloud::Error::Certificate(CertificateProblem::Changed)) => {
                AccountState::CertificateChanged
            }
            other => AccountState::Offline {
                reason: other.to_string(),
            },
        }
    }

    /// Whether the account's sync stops in this state until the person acts.
    fn stops_sync(&self) -> bool {
        matches!(
            self,
            AccountState::SignInNeeded | AccountState::CertificateChanged
        )
    }
}

/// Reads how long the desktop has been idle; the shell implements it per platform. Called
/// on a blocking thread, so an implementation may block briefly.
pub trait IdleSource: Send + Sync + 'static {
    /// `None` when the platform cannot tell (the user then counts as active).
    fn idle_for(&self) -> Option<Duration>;
}

/// For platforms (and tests) without idle detection.
pub struct NeverIdle;

impl IdleSource for NeverIdle {
    fn idle_for(&self) -> Option<Duration> {
        None
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyncConfig {
    /// `None`: the server's `core.pollinterval` (at least 30 s).
    pub notifications_every: Option<Duration>,
    /// While push works, polls are only a safety net.
    pub push_safety_every: Duration,
    /// Safety net for status changes the list header cannot show (message, backup); the
    /// header of every notifications poll and the heartbeat answer cover the status type.
    pub status_every: Duration,
    pub heartbeat_every: Duration,
    /// Desktop idle for this long → heartbeat `away`.
    pub away_after_idle: Duration,
    pub max_backoff: Duration,
    /// Use notify_push when the server offers it.
    pub push: bool,
    /// Apps (`spreed`, `files_sharing`, …) whose notifications are listed but never pop up.
    /// They are settled as silenced, so turning an app's popups back on does not replay them.
    pub silent_apps: Vec<String>,
}

impl Default for SyncConfig {
    fn default() -> Self {
        Self {
            notifications_every: None,
            push_safety_every: Duration::from_secs(300),
            status_every: Duration::from_secs(1800),
            heartbeat_every: Duration::from_secs(300),
            away_after_idle: Duration::from_secs(300),
            max_backoff: Duration::from_secs(300),
            push: true,
            silent_apps: Vec::new(),
        }
    }
}

const DEFAULT_POLL: Duration = Duration::from_secs(60);
const MIN_POLL: Duration = Duration::from_secs(30);
/// How often popups that were offered but not shown (no notification server yet, held back by
/// the burst gate) are offered again; only the cache is read.
const OFFER_AGAIN_EVERY: Duration = Duration::from_secs(5);

/// What the loops of one account share.
struct Shared {
    engine: Arc<Engine>,
    config: SyncConfig,
    events: UnboundedSender<EngineEvent>,
    state: Mutex<Option<AccountState>>,
    /// Wakes the notifications poll early (a push event, a reconnected socket).
    poll_now: Notify,
    /// Wakes the activity sync early (`notify_activity`, a reconnected socket).
    activity_now: Notify,
    push_connected: AtomicBool,
    stop: watch::Sender<bool>,
    /// Offers and re-offers take turns at the one burst window.
    gate: Mutex<PopupGate>,
}

impl Shared {
    fn report(&self, state: AccountState) {
        let mut last = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if last.as_ref() != Some(&state) {
            *last = Some(state.clone());
            if state.stops_sync() {
                let _ = self.stop.send(true);
            }
            let _ = self.events.send(EngineEvent::State(state));
        }
    }

    fn failed(&self, error: &Error) {
        tracing::warn!(account = %self.engine.account().key(), kind = error.kind(), "sync failed: {error}");
        self.report(AccountState::after(error));
    }

    fn send(&self, event: EngineEvent) {
        let _ = self.events.send(event);
    }
}

/// Runs the sync of one account until the server refuses the app password or the future is
/// dropped (the shell aborts the task on quit or when the account is removed).
pub async fn supervise(
    engine: Arc<Engine>,
    config: SyncConfig,
    idle: Arc<dyn IdleSource>,
    events: UnboundedSender<EngineEvent>,
) {
    let (stop, mut stopped) = watch::channel(false);
    let shared = Arc::new(Shared {
        engine,
        config,
        events,
        state: Mutex::new(None),
        poll_now: Notify::new(),
        activity_now: Notify::new(),
        push_connected: AtomicBool::new(false),
        stop,
        gate: Mutex::new(PopupGate::default()),
    });
    let capabilities = loop {
        match shared.engine.capabilities().await {
            Ok(capabilities) => break capabilities,
            Err(error) => {
                shared.failed(&error);
                if *stopped.borrow() {
                    return;
                }
                tokio::time::sleep(shared.config.max_backoff.min(Duration::from_secs(30))).await;
            }
        }
    };
    let poll_every = shared.config.notifications_every.unwrap_or_else(|| {
        capabilities
            .core
            .pollinterval
            .and_then(|secs| u64::try_from(secs).ok())
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_POLL)
            .max(MIN_POLL)
    });
    let push = capabilities
        .notify_push
        .clone()
        .filter(|_| shared.config.push);

    let has_activity = capabilities.raw.get("activity").is_some();
    let has_talk = shared.engine.has_talk().await.unwrap_or(false);
    let work = async {
        tokio::join!(
            notifications_loop(&shared, poll_every),
            heartbeat_loop(&shared, idle),
            push_loop(&shared, push),
            activity_loop(&shared, poll_every, has_activity),
            talk_loop(&shared, poll_every, has_talk),
            offer_popups_again(&shared),
        )
    };
    tokio::select! {
        _ = work => {}
        _ = stopped.wait_for(|stop| *stop) => {}
    }
}

/// What a periodic job does after a failure besides backing off.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnFailure {
    /// Report the account's state (one job does, so the state does not flap between jobs).
    ReportState,
    /// Only a refused app password is reported (it stops everything).
    ReportSignInOnly,
}

/// Runs `step` now and then every `every` (every `push_safety_every` while the push socket
/// is up, for jobs push wakes), at once when `wake` fires, backing off on failure.
async fn run_periodically<F, Fut>(
    shared: &Shared,
    every: Duration,
    wake: Option<&Notify>,
    on_failure: OnFailure,
    mut step: F,
) where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = crate::Result<()>>,
{
    let mut failures = 0u32;
    loop {
        match step().await {
            Ok(()) => {
                failures = 0;
                if on_failure == OnFailure::ReportState {
                    shared.report(AccountState::Online);
                }
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                match on_failure {
                    OnFailure::ReportState => shared.failed(&error),
                    OnFailure::ReportSignInOnly => {
                        tracing::debug!("sync step failed: {error}");
                        let state = AccountState::after(&error);
                        if state.stops_sync() {
                            shared.report(state);
                        }
                    }
                }
            }
        }
        let wait = if failures > 0 {
            backoff(every, failures, shared.config.max_backoff)
        } else if wake.is_some() && shared.push_connected.load(Ordering::SeqCst) {
            shared.config.push_safety_every
        } else {
            every
        };
        match wake {
            Some(wake) => tokio::select! {
                _ = tokio::time::sleep(jittered(wait)) => {}
                _ = wake.notified() => {}
            },
            None => tokio::time::sleep(jittered(wait)).await,
        }
    }
}

/// What the notifications poll carries from one round to the next.
struct NotificationsRound {
    last_header: Option<String>,
    status_due: Instant,
}

async fn notifications_loop(shared: &Shared, every: Duration) {
    // Each round borrows it in turn; the lock is never contended.
    let round = tokio::sync::Mutex::new(NotificationsRound {
        last_header: None,
        status_due: Instant::now(),
    });
    run_periodically(
        shared,
        every,
        Some(&shared.poll_now),
        OnFailure::ReportState,
        || async {
            let mut round = round.lock().await;
            poll_notifications(shared, &mut round).await
        },
    )
    .await;
}

async fn activity_loop(shared: &Shared, every: Duration, has_activity: bool) {
    if !has_activity {
        return;
    }
    run_periodically(
        shared,
        every,
        Some(&shared.activity_now),
        OnFailure::ReportSignInOnly,
        || async { shared.engine.sync_activity().await.map(drop) },
    )
    .await;
}

/// Rooms are polled with `modifiedSince` (a full list every few minutes): Talk's own
/// signaling is not notify_push, so push does not slow this one down.
async fn talk_loop(shared: &Shared, every: Duration, has_talk: bool) {
    if !has_talk {
        return;
    }
    // The badge from the cache at once: a sync only reports counts that changed.
    if let Ok(unread) = shared.engine.unread_counts() {
        shared.send(EngineEvent::Unread(unread));
    }
    run_periodically(shared, every, None, OnFailure::ReportSignInOnly, || async {
        if let Some(unread) = shared.engine.sync_rooms().await?.unread {
            shared.send(EngineEvent::Unread(unread));
        }
        Ok(())
    })
    .await;
}

async fn poll_notifications(shared: &Shared, round: &mut NotificationsRound) -> crate::Result<()> {
    let poll = shared.engine.poll_notifications().await?;
    offer_popups(shared, poll.first_sync)?;
    if poll.changed {
        shared.send(EngineEvent::NotificationsChanged);
    }
    // Every list answer names the status type: the full status is fetched only when it
    // changed, or now and then for what the header cannot show.
    let header_changed = poll.server_status.is_some() && poll.server_status != round.last_header;
    if header_changed || Instant::now() >= round.status_due {
        shared.send(EngineEvent::Status(Box::new(
            shared.engine.refresh_status().await?,
        )));
        round.last_header = poll.server_status;
        round.status_due = Instant::now() + shared.config.status_every;
    }
    Ok(())
}

/// Offers every popup that is due and fits the burst window: new ones after a poll, and
/// those not shown yet again (the listener dedups one offered twice while on its way).
fn offer_popups(shared: &Shared, first_sync: bool) -> crate::Result<()> {
    let (silent, due): (Vec<_>, Vec<_>) = shared
        .engine
        .due_popups()?
        .into_iter()
        .partition(|n| shared.config.silent_apps.contains(&n.app));
    let silent: Vec<i64> = silent.iter().map(|n| n.notification_id).collect();
    shared.engine.silence_popups(&silent)?;
    if due.is_empty() {
        return Ok(());
    }
    let now = std::time::Instant::now();
    let now_unix = crate::engine::unix_now();
    let mut gate = shared.gate.lock().unwrap_or_else(|p| p.into_inner());
    let popups = if first_sync {
        gate.admit_first_sync(now, now_unix, due)
    } else {
        gate.admit(now, now_unix, due)
    };
    drop(gate);
    if !popups.is_empty() {
        shared.send(EngineEvent::Popups(popups));
    }
    Ok(())
}

/// Popups not shown yet (no notification server at login, a crash before the desktop took
/// them, the burst gate) get their next chance here, without waiting for a poll.
async fn offer_popups_again(shared: &Shared) {
    loop {
        tokio::time::sleep(OFFER_AGAIN_EVERY).await;
        if let Err(error) = offer_popups(shared, false) {
            tracing::debug!("offering popups again: {error}");
        }
    }
}

async fn heartbeat_loop(shared: &Shared, idle: Arc<dyn IdleSource>) {
    loop {
        // Platform idle detection may block (D-Bus round trips): keep it off the workers.
        let source = idle.clone();
        let idle_for = tokio::task::spawn_blocking(move || source.idle_for())
            .await
            .ok()
            .flatten();
        let is_idle = idle_for.is_some_and(|idle| idle >= shared.config.away_after_idle);
        match shared.engine.heartbeat(is_idle).await {
            Ok(Some(snapshot)) => shared.send(EngineEvent::Status(Box::new(snapshot))),
            Ok(None) => {}
            // The notifications loop reports the state; a failed heartbeat is retried later.
            Err(error) => tracing::debug!("heartbeat failed: {error}"),
        }
        tokio::time::sleep(jittered(shared.config.heartbeat_every)).await;
    }
}

async fn push_loop(shared: &Shared, capability: Option<NotifyPush>) {
    let Some(capability) = capability else {
        return;
    };
    // With a pre_auth endpoint the socket logs in with a one-time token, so the app
    // password never travels over (or gets logged from) the socket; listen_to refuses a
    // socket it could not use safely (another origin without pre_auth, ws:// for https).
    let listening = shared
        .engine
        .client()
        .push()
        .listen_to(&capability, PushOptions::default());
    let mut listener = match listening {
        Ok(listener) => listener,
        Err(error) => {
            tracing::info!("push not used, polling instead: {error}");
            return;
        }
    };
    loop {
        match listener.next().await {
            PushUpdate::Connected => {
                shared.push_connected.store(true, Ordering::SeqCst);
                // Whatever changed while the socket was down was missed: refresh once.
                shared.poll_now.notify_one();
                shared.activity_now.notify_one();
            }
            PushUpdate::Event(PushEvent::Notification) => shared.poll_now.notify_one(),
            PushUpdate::Event(PushEvent::Activity) => shared.activity_now.notify_one(),
            PushUpdate::Event(_) => {}
            PushUpdate::Disconnected(error) => {
                shared.push_connected.store(false, Ordering::SeqCst);
                tracing::info!("push socket down, polling instead: {error}");
                let state = AccountState::after(&Error::Server(error));
                if state.stops_sync() {
                    shared.report(state);
                }
            }
        }
    }
}

/// Doubles the wait per consecutive failure, capped, so a server in trouble is not hammered.
fn backoff(base: Duration, failures: u32, cap: Duration) -> Duration {
    base.saturating_mul(1u32 << failures.min(10)).min(cap)
}

/// ±10 % so that many clients started together do not poll in lockstep.
fn jittered(wait: Duration) -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let factor = 0.9 + f64::from(nanos % 1000) / 1000.0 * 0.2;
    wait.mul_f64(factor)
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

    #[test]
    fn jitter_stays_within_ten_percent() {
        let wait = Duration::from_secs(60);
        for _ in 0..100 {
            let jittered = jittered(wait);
            assert!(jittered >= Duration::from_secs(54) && jittered <= Duration::from_secs(66));
        }
    }
}
