//! Waiting for the user to approve a sign-in (Login Flow v2): poll the server until the user
//! approved, cancelled, the 20 minutes the server keeps a flow have passed, or the server
//! stayed unreachable. One sign-in at a time: a new one replaces the one before. Starting the
//! flow (the address, the certificate, the browser) and the words for how a wait ended are the
//! front end's.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::setup::Approved;
use crate::nextcloud::LOGIN_FLOW_LIFETIME;
use crate::nextcloud::{Error as ServerError, Fingerprint, LoginFlow, LoginPoll, Url};

/// Network failures in a row after which the wait stops: one is a hiccup while the user is in
/// the browser, this many (a minute at the window's pace) is a server that is gone.
pub const MAX_NETWORK_FAILURES: u32 = 20;

/// Why a wait ended without an approval.
#[derive(Debug)]
pub enum Unapproved {
    /// No sign-in was started (or the last one already ended).
    NoneWaiting,
    /// Cancelled, or replaced by a newer sign-in.
    Cancelled,
    /// The server forgot the flow.
    Expired,
    /// The server could not be reached [`MAX_NETWORK_FAILURES`] times in a row.
    Unreachable { login_url: Url, reason: String },
    /// The server refused in another way.
    Server(ServerError),
}

/// A sign-in waiting for the user's approval.
struct Attempt {
    flow: LoginFlow,
    trusted_certificate: Option<Fingerprint>,
    cancelled: watch::Sender<bool>,
    /// When the server forgets the flow: waiting longer cannot succeed.
    expires: Instant,
}

/// The sign-in waiting for approval, if any.
pub struct LoginWait {
    attempt: Mutex<Option<Arc<Attempt>>>,
    /// How long a flow lives: the server's 20 minutes (shorter in tests).
    lifetime: Duration,
}

impl Default for LoginWait {
    fn default() -> Self {
        Self::with_lifetime(LOGIN_FLOW_LIFETIME)
    }
}

impl LoginWait {
    /// Flows that live `lifetime` (tests; the server keeps one [`LOGIN_FLOW_LIFETIME`]).
    pub fn with_lifetime(lifetime: Duration) -> Self {
        Self {
            attempt: Mutex::default(),
            lifetime,
        }
    }

    /// Waits for `flow` from now on, started trusting `trusted_certificate` (kept with the
    /// account); a sign-in waited for before is cancelled.
    pub fn begin(&self, flow: LoginFlow, trusted_certificate: Option<Fingerprint>) {
        let (cancelled, _) = watch::channel(false);
        let expires = Instant::now() + self.lifetime;
        let previous = self.slot().replace(Arc::new(Attempt {
            flow,
            trusted_certificate,
            cancelled,
            expires,
        }));
        if let Some(previous) = previous {
            previous.cancelled.send_replace(true);
        }
    }

    /// The login page of the sign-in waiting for approval.
    pub fn login_url(&self) -> Option<Url> {
        self.slot()
            .as_ref()
            .map(|attempt| attempt.flow.login_url().clone())
    }

    /// Stops waiting; the flow is left to expire on the server.
    pub fn cancel(&self) {
        if let Some(attempt) = self.slot().take() {
            attempt.cancelled.send_replace(true);
        }
    }

    /// Polls every `every` until the user approved (→ the new app password), cancelled, the
    /// flow expired, or the server could not be reached [`MAX_NETWORK_FAILURES`] times in a row.
    pub async fn wait(&self, every: Duration) -> Result<Approved, Unapproved> {
        let attempt = self.slot().clone().ok_or(Unapproved::NoneWaiting)?;
        let mut cancelled = attempt.cancelled.subscribe();
        let mut network_failures = 0;
        let outcome = loop {
            if *cancelled.borrow_and_update() {
                break Err(Unapproved::Cancelled);
            }
            if Instant::now() >= attempt.expires {
                break Err(Unapproved::Expired);
            }
            match attempt.flow.poll().await {
                Ok(LoginPoll::Approved(credentials)) => {
                    break Ok(Approved {
                        credentials,
                        trusted_certificate: attempt.trusted_certificate,
                    })
                }
                Ok(LoginPoll::Expired) => break Err(Unapproved::Expired),
                Ok(LoginPoll::Pending) => network_failures = 0,
                // A network hiccup while the user is in the browser is no reason to give up.
                Err(ServerError::Network(reason)) => {
                    network_failures += 1;
                    tracing::info!("Login Flow poll failed ({network_failures}): {reason}");
                    if network_failures >= MAX_NETWORK_FAILURES {
                        break Err(Unapproved::Unreachable {
                            login_url: attempt.flow.login_url().clone(),
                            reason,
                        });
                    }
                }
                Err(error) => break Err(Unapproved::Server(error)),
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = cancelled.changed() => {}
            }
        };
        // Done with this attempt, unless a newer one has taken its place meanwhile.
        let mut slot = self.slot();
        if slot.as_ref().is_some_and(|a| Arc::ptr_eq(a, &attempt)) {
            *slot = None;
        }
        outcome
    }

    fn slot(&self) -> MutexGuard<'_, Option<Arc<Attempt>>> {
        // Nothing here is left half-changed by a panic: a poisoned lock is safe to use.
        self.attempt.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use nctray_sim::{Sim, SimConfig};

    use super::*;

    const QUICK: Duration = Duration::from_millis(50);

    async fn flow_at(sim: &Sim) -> LoginFlow {
        let server = Url::parse(&sim.base_url()).unwrap();
        LoginFlow::start(&server).await.unwrap()
    }

    #[tokio::test]
    async fn waiting_without_a_started_sign_in_says_so() {
        let flows = LoginWait::default();
        assert!(flows.login_url().is_none());
        assert!(matches!(
            flows.wait(QUICK).await,
            Err(Unapproved::NoneWaiting)
        ));
        flows.cancel();
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn an_approved_sign_in_brings_the_new_app_password() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let flows = LoginWait::default();
        flows.begin(flow_at(&sim).await, None);
        let login_url = flows.login_url().unwrap().to_string();

        let approve = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sim.control().approve_login(&login_url, "bob").unwrap()
        };
        let (approved, password) = tokio::join!(flows.wait(QUICK), approve);
        let approved = approved.unwrap();
        assert_eq!(approved.trusted_certificate, None);
        assert_eq!(approved.credentials.login_name, "bob");
        assert_eq!(approved.credentials.app_password, password);
        assert!(sim.control().app_password_valid("bob", &password));
        // The attempt is over.
        assert!(flows.login_url().is_none());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_cancelled_or_replaced_sign_in_stops_waiting() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let flows = LoginWait::default();
        flows.begin(flow_at(&sim).await, None);
        let cancel = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flows.cancel();
        };
        let (outcome, ()) = tokio::join!(flows.wait(QUICK), cancel);
        assert!(matches!(outcome, Err(Unapproved::Cancelled)), "{outcome:?}");

        flows.begin(flow_at(&sim).await, None);
        let first_url = flows.login_url().unwrap();
        let restart = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flows.begin(flow_at(&sim).await, None);
        };
        let (outcome, ()) = tokio::join!(flows.wait(QUICK), restart);
        assert!(matches!(outcome, Err(Unapproved::Cancelled)), "{outcome:?}");
        // The newer attempt still waits.
        assert_ne!(flows.login_url(), Some(first_url));
        assert!(flows.login_url().is_some());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_wait_ends_when_the_server_stays_unreachable() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let flows = LoginWait::default();
        flows.begin(flow_at(&sim).await, None);
        let login_url = flows.login_url().unwrap();
        sim.shutdown().await;

        let outcome = tokio::time::timeout(Duration::from_secs(20), flows.wait(QUICK / 5))
            .await
            .expect("the sign-in kept polling a server that is gone");

        match outcome {
            Err(Unapproved::Unreachable { login_url: url, .. }) => assert_eq!(url, login_url),
            other => panic!("{other:?}"),
        }
        assert!(flows.login_url().is_none());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_wait_ends_when_the_flow_expires() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let flows = LoginWait::with_lifetime(Duration::from_millis(300));
        flows.begin(flow_at(&sim).await, None);

        let outcome = tokio::time::timeout(Duration::from_secs(10), flows.wait(QUICK))
            .await
            .expect("the sign-in kept polling past the flow's lifetime");

        assert!(matches!(outcome, Err(Unapproved::Expired)), "{outcome:?}");
    }
}
