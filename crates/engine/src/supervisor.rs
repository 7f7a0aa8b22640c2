//! One account's sync, supervised: the notifications poll, the status heartbeat and the push
//! socket run side by side; failures back off, the account's state is reported when it
//! changes, and a refused app password stops everything until the user signs in again.
//!
//! Each job asks only as often as someone may look: the notifications (which pop up) at the
//! server's poll interval, slower while push works or the person is away from the desktop;
//! the activity stream and the Talk room list (which pop nothing up) rarely, unless a window
//! shows them ([`crate::SyncInterest`]) or push or a Talk notification says they changed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nextcloud::{CertificateProblem, NotifyPush, PushEvent, PushOptions, PushUpdate, StatusType};
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

use crate::{Engine, Error, Heartbeat, Popup, PopupDecision, StatusSnapshot, UnreadCounts};

/// What the shell hears from an account's supervisor (also as JSON: the daemon's API sends
/// it to `nctray watch`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EngineEvent {
    /// Popups to show now. The listener reports each one the desktop showed with
    /// [`Notifications::popups_shown`](crate::Notifications::popups_shown); one not reported is offered again (within
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// `None`: the server's `core.pollinterval` (at least 30 s). Also the Talk room list's
    /// interval while the quick chat is open.
    pub notifications_every: Option<Duration>,
    /// While push works, notification polls are only a safety net.
    pub push_safety_every: Duration,
    /// While push works, the activity stream and the Talk room list are fetched on push
    /// events (and Talk notifications), and this often in case one was lost.
    pub push_quiet_every: Duration,
    /// The activity stream without push: it raises no popups, and the popover fetches it
    /// when it shows it.
    pub activity_every: Duration,
    /// The Talk room list while the quick chat is closed (and push is down); a Talk
    /// notification fetches it at once.
    pub rooms_every: Duration,
    /// The whole room list, the only one that shows rooms that are gone; the polls between
    /// ask only for rooms changed since (`modifiedSince`).
    pub rooms_full_every: Duration,
    /// Safety net for status changes the list header cannot show (message, backup); the
    /// header of every notifications poll and the heartbeat answer cover the status type,
    /// and a heartbeat answer that matches the cached status counts as a check.
    pub status_every: Duration,
    pub heartbeat_every: Duration,
    /// Desktop idle for this long → heartbeat `away`.
    pub away_after_idle: Duration,
    /// Desktop idle for this long (the `IdleSource` says; a locked screen counts where the
    /// desktop's idle time keeps running) → notifications only every `idle_poll_every`,
    /// until the person is back.
    pub slow_down_after_idle: Duration,
    pub idle_poll_every: Duration,
    /// How often the desktop's idle time is read while the person is away, so that the
    /// notifications are polled as soon as they are back.
    pub idle_check_every: Duration,
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
            push_safety_every: Duration::from_secs(15 * 60),
            push_quiet_every: Duration::from_secs(60 * 60),
            activity_every: Duration::from_secs(15 * 60),
            rooms_every: Duration::from_secs(5 * 60),
            rooms_full_every: Duration::from_secs(60 * 60),
            status_every: Duration::from_secs(30 * 60),
            heartbeat_every: Duration::from_secs(5 * 60),
            away_after_idle: Duration::from_secs(5 * 60),
            slow_down_after_idle: Duration::from_secs(30 * 60),
            idle_poll_every: Duration::from_secs(5 * 60),
            idle_check_every: Duration::from_secs(5),
            max_backoff: Duration::from_secs(300),
            push: true,
            silent_apps: Vec::new(),
        }
    }
}

impl SyncConfig {
    /// These intervals divided by `divisor`, with `poll` (already real time) as the
    /// notifications interval: one real hour passes in `3600 / divisor` seconds. For the
    /// traffic bench and its tests; the server's own clock is not scaled.
    pub fn scaled(&self, poll: Duration, divisor: u32) -> Self {
        Self {
            notifications_every: Some(poll / divisor),
            push_safety_every: self.push_safety_every / divisor,
            push_quiet_every: self.push_quiet_every / divisor,
            activity_every: self.activity_every / divisor,
            rooms_every: self.rooms_every / divisor,
            rooms_full_every: self.rooms_full_every / divisor,
            status_every: self.status_every / divisor,
            heartbeat_every: self.heartbeat_every / divisor,
            away_after_idle: self.away_after_idle / divisor,
            slow_down_after_idle: self.slow_down_after_idle / divisor,
            idle_poll_every: self.idle_poll_every / divisor,
            idle_check_every: self.idle_check_every / divisor,
            max_backoff: self.max_backoff / divisor,
            ..self.clone()
        }
    }
}

const DEFAULT_POLL: Duration = Duration::from_secs(60);
const MIN_POLL: Duration = Duration::from_secs(30);
/// How often popups that were offered but not shown (no notification server yet, held back by
/// the burst gate) are offered again; only the cache is read.
const OFFER_AGAIN_EVERY: Duration = Duration::from_secs(5);
/// The app of Talk's notifications.
const TALK_APP: &str = "spreed";

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
    /// Wakes the room-list sync early (a Talk notification, a reconnected socket).
    rooms_now: Notify,
    /// A status was fetched: a heartbeat held back for a chosen status looks again.
    status_fetched: Notify,
    /// Wakes every waiting job to work out its interval again (push came or went, a window
    /// opened or closed, the person left or came back), without running it.
    rescheduled: Notify,
    push_connected: AtomicBool,
    /// The desktop has been idle for `slow_down_after_idle`.
    person_away: AtomicBool,
    /// When the own status was last confirmed (fetched, or matched by a heartbeat answer).
    status_checked: Mutex<Option<Instant>>,
    stop: watch::Sender<bool>,
    /// Offers and re-offers take turns at the one burst window.
    popups: Mutex<PopupDecision>,
    /// An offer found popups due (offered and not yet shown, or held back): the re-offers
    /// run until none is left, and sleep otherwise.
    popups_waiting: Notify,
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
        tracing::warn!(account = %self.engine.account().key(), kind = error.kind().as_str(), "sync failed: {error}");
        self.report(AccountState::after(error));
    }

    fn send(&self, event: EngineEvent) {
        if matches!(event, EngineEvent::Status(_)) {
            self.status_fetched.notify_one();
        }
        let _ = self.events.send(event);
    }

    fn push_up(&self) -> bool {
        self.push_connected.load(Ordering::SeqCst)
    }

    fn person_away(&self) -> bool {
        self.person_away.load(Ordering::SeqCst)
    }

    fn check_status(&self) {
        *self
            .status_checked
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
    }

    /// Whether the status safety net is due: nothing confirmed the status for `status_every`.
    fn status_due(&self) -> bool {
        self.status_checked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_none_or(|at| at.elapsed() >= self.config.status_every)
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
    let popups = Mutex::new(PopupDecision::new(config.silent_apps.clone()));
    let shared = Arc::new(Shared {
        engine,
        config,
        events,
        state: Mutex::new(None),
        poll_now: Notify::new(),
        activity_now: Notify::new(),
        rooms_now: Notify::new(),
        status_fetched: Notify::new(),
        rescheduled: Notify::new(),
        push_connected: AtomicBool::new(false),
        person_away: AtomicBool::new(false),
        status_checked: Mutex::new(None),
        stop,
        popups,
        popups_waiting: Notify::new(),
    });
    match shared.engine.notifications().settle_interrupted_popups() {
        Ok(ids) if !ids.is_empty() => {
            tracing::info!("popups a crash interrupted while being sent count as shown: {ids:?}");
        }
        Ok(_) => {}
        Err(error) => tracing::warn!("cannot settle interrupted popups: {error}"),
    }
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
    let has_talk = shared.engine.talk().has_talk().await.unwrap_or(false);
    let work = async {
        tokio::join!(
            notifications_loop(&shared, poll_every),
            heartbeat_loop(&shared, idle.clone()),
            presence_loop(&shared, idle),
            interest_loop(&shared),
            push_loop(&shared, push),
            activity_loop(&shared, has_activity),
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

/// Runs `step` now and then every `every()` (asked again whenever the schedule changes), at
/// once when `wake` fires, backing off on failure.
async fn run_periodically<F, Fut>(
    shared: &Shared,
    every: impl Fn() -> Duration,
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
        let ran = Instant::now();
        let jitter = jitter_factor();
        loop {
            let wait = if failures > 0 {
                backoff(every(), failures, shared.config.max_backoff)
            } else {
                every()
            };
            let rescheduled = shared.rescheduled.notified();
            tokio::select! {
                _ = tokio::time::sleep_until(ran + wait.mul_f64(jitter)) => break,
                _ = woken(wake) => break,
                _ = rescheduled => {}
            }
        }
    }
}

async fn woken(wake: Option<&Notify>) {
    match wake {
        Some(wake) => wake.notified().await,
        None => std::future::pending().await,
    }
}

/// What the notifications poll carries from one round to the next.
struct NotificationsRound {
    last_header: Option<String>,
}

async fn notifications_loop(shared: &Shared, poll_every: Duration) {
    // Each round borrows it in turn; the lock is never contended.
    let round = tokio::sync::Mutex::new(NotificationsRound { last_header: None });
    let every = || {
        let every = if shared.push_up() {
            shared.config.push_safety_every
        } else {
            poll_every
        };
        if shared.person_away() {
            every.max(shared.config.idle_poll_every)
        } else {
            every
        }
    };
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

async fn activity_loop(shared: &Shared, has_activity: bool) {
    if !has_activity {
        return;
    }
    let every = || {
        if shared.push_up() {
            shared.config.push_quiet_every
        } else {
            shared.config.activity_every
        }
    };
    run_periodically(
        shared,
        every,
        Some(&shared.activity_now),
        OnFailure::ReportSignInOnly,
        || async { shared.engine.activity().sync().await.map(drop) },
    )
    .await;
}

/// The room list: only rooms changed since the last poll (`modifiedSince`), the whole list
/// rarely. Quick while the quick chat is open; else mentions and one-to-one messages come as
/// notifications, which fetch it at once, so a slow poll suffices (Talk's own signaling is
/// not notify_push).
async fn talk_loop(shared: &Shared, poll_every: Duration, has_talk: bool) {
    if !has_talk {
        return;
    }
    // The badge from the cache at once: a sync only reports counts that changed.
    if let Ok(unread) = shared.engine.talk().unread_counts() {
        shared.send(EngineEvent::Unread(unread));
    }
    let every = || {
        if shared.engine.sync_interest().chat_open {
            poll_every
        } else if shared.push_up() {
            shared.config.push_quiet_every
        } else {
            shared.config.rooms_every
        }
    };
    run_periodically(
        shared,
        every,
        Some(&shared.rooms_now),
        OnFailure::ReportSignInOnly,
        || async {
            let change = shared
                .engine
                .talk()
                .sync_rooms_in_full_every(shared.config.rooms_full_every)
                .await?;
            if let Some(unread) = change.unread {
                shared.send(EngineEvent::Unread(unread));
            }
            Ok(())
        },
    )
    .await;
}

async fn poll_notifications(shared: &Shared, round: &mut NotificationsRound) -> crate::Result<()> {
    let poll = shared.engine.notifications().poll().await?;
    // A mention or a one-to-one message: its room's unread count changed. A list that changed
    // while rooms are unread may have lost a Talk notification because the room was read
    // elsewhere: the tray's mark must go without waiting for the next room list.
    let talk_unread = || {
        shared
            .engine
            .talk()
            .unread_counts()
            .is_ok_and(|counts| counts.total_unread > 0 || counts.awaiting_answer > 0)
    };
    if poll.new.iter().any(|n| n.app == TALK_APP) || (poll.changed && talk_unread()) {
        shared.rooms_now.notify_one();
    }
    offer_popups(shared, poll.first_sync)?;
    if poll.changed {
        shared.send(EngineEvent::NotificationsChanged);
    }
    // Every list answer names the status type: the full status is fetched only when it
    // changed, or now and then for what the header cannot show.
    let header_changed = poll.server_status.is_some()
        && poll.server_status != round.last_header
        && !renewed_by_heartbeats(shared, poll.server_status.as_deref());
    if header_changed || shared.status_due() {
        shared.send(EngineEvent::Status(Box::new(
            shared.engine.status().refresh().await?,
        )));
        round.last_header = poll.server_status;
        shared.check_status();
    }
    Ok(())
}

/// Whether a header of "offline" is only an automatic status the server let go stale: Nextcloud
/// shows a status whose timestamp is over 15 minutes old as offline and renews the timestamp
/// only with a heartbeat after that, so the header flips offline and back about every 20
/// minutes while nctray's heartbeats run. That flip is no news; a real change (offline chosen
/// on the web) reaches the next heartbeat, which refetches when the server keeps a chosen status.
fn renewed_by_heartbeats(shared: &Shared, header: Option<&str>) -> bool {
    header == Some("offline")
        && shared
            .engine
            .status()
            .cached()
            .ok()
            .flatten()
            .is_some_and(|cached| {
                !cached.is_persistent() && cached.status_type() != StatusType::Offline
            })
}

/// Offers every popup that is due and fits the burst window: new ones after a poll, and
/// those not shown yet again (the listener dedups one offered twice while on its way).
/// Whether popups were due (and so may still be when the next re-offer comes).
fn offer_popups(shared: &Shared, first_sync: bool) -> crate::Result<bool> {
    let due = shared.engine.notifications().due_popups()?;
    if due.is_empty() {
        return Ok(false);
    }
    shared.popups_waiting.notify_one();
    let offer = shared
        .popups
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .offer(
            std::time::Instant::now(),
            crate::engine::unix_now(),
            due,
            first_sync,
        );
    shared
        .engine
        .notifications()
        .silence_popups(&offer.silenced)?;
    if !offer.popups.is_empty() {
        shared.send(EngineEvent::Popups(offer.popups));
    }
    Ok(true)
}

/// Popups not shown yet (no notification server at login, a crash before the desktop took
/// them, the burst gate) get their next chance here, without waiting for a poll. With none
/// due the loop sleeps: an idle tray reads no cache.
async fn offer_popups_again(shared: &Shared) {
    loop {
        shared.popups_waiting.notified().await;
        loop {
            tokio::time::sleep(OFFER_AGAIN_EVERY).await;
            match offer_popups(shared, false) {
                Ok(true) => {}
                Ok(false) => break,
                Err(error) => tracing::debug!("offering popups again: {error}"),
            }
        }
    }
}

async fn heartbeat_loop(shared: &Shared, idle: Arc<dyn IdleSource>) {
    loop {
        // The server keeps a status the user chose whatever a heartbeat says (it answers
        // 204): none is sent until a fetched status is automatic or online again.
        let chosen = shared
            .engine
            .status()
            .cached()
            .ok()
            .flatten()
            .is_some_and(|status| status.is_persistent());
        if chosen {
            shared.status_fetched.notified().await;
            continue;
        }
        let is_idle = idle_for(&idle)
            .await
            .is_some_and(|idle| idle >= shared.config.away_after_idle);
        match shared.engine.status().heartbeat(is_idle).await {
            Ok(Heartbeat::Changed(snapshot)) => {
                shared.check_status();
                shared.send(EngineEvent::Status(snapshot));
            }
            Ok(Heartbeat::Unchanged) => shared.check_status(),
            Ok(Heartbeat::Kept) => {}
            // The notifications loop reports the state; a failed heartbeat is retried later.
            Err(error) => tracing::debug!("heartbeat failed: {error}"),
        }
        tokio::time::sleep(jittered(shared.config.heartbeat_every)).await;
    }
}

/// How long the desktop has been idle. Platform idle detection may block (D-Bus round
/// trips): it runs off the workers.
async fn idle_for(idle: &Arc<dyn IdleSource>) -> Option<Duration> {
    let source = idle.clone();
    tokio::task::spawn_blocking(move || source.idle_for())
        .await
        .ok()
        .flatten()
}

/// Follows whether the person is at the desktop: after `slow_down_after_idle` of idle the
/// notifications slow down; when they are back the notifications are polled at once. The
/// idle time is read often only while they are away; before, only when the threshold could
/// be reached.
async fn presence_loop(shared: &Shared, idle: Arc<dyn IdleSource>) {
    let threshold = shared.config.slow_down_after_idle;
    loop {
        let idle_for = idle_for(&idle).await;
        let away = idle_for.is_some_and(|idle| idle >= threshold);
        if shared.person_away.swap(away, Ordering::SeqCst) != away {
            tracing::debug!(away, "the person left or came back: polls follow");
            shared.rescheduled.notify_waiters();
            if !away {
                shared.poll_now.notify_one();
            }
        }
        let next = match idle_for {
            Some(_) if away => shared.config.idle_check_every,
            Some(idle) => threshold.saturating_sub(idle),
            None => threshold,
        };
        tokio::time::sleep(next.max(shared.config.idle_check_every)).await;
    }
}

/// Follows what the windows show ([`crate::SyncInterest`]): the jobs work out their
/// intervals again. (The quick chat fetches the whole room list itself when it opens.)
async fn interest_loop(shared: &Shared) {
    let mut interest = shared.engine.watch_interest();
    while interest.changed().await.is_ok() {
        shared.rescheduled.notify_waiters();
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
                shared.rescheduled.notify_waiters();
                // Whatever changed while the socket was down was missed: refresh once.
                shared.poll_now.notify_one();
                shared.activity_now.notify_one();
                shared.rooms_now.notify_one();
            }
            PushUpdate::Event(PushEvent::Notification) => shared.poll_now.notify_one(),
            PushUpdate::Event(PushEvent::Activity) => shared.activity_now.notify_one(),
            PushUpdate::Event(_) => {}
            PushUpdate::Disconnected(error) => {
                shared.push_connected.store(false, Ordering::SeqCst);
                shared.rescheduled.notify_waiters();
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
    wait.mul_f64(jitter_factor())
}

/// A factor between 0.9 and 1.1.
fn jitter_factor() -> f64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    0.9 + f64::from(nanos % 1000) / 1000.0 * 0.2
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
