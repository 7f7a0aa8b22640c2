//! Signing in from the accounts window with Login Flow v2: the user types the server's
//! address, the browser opens the server's login page, and we poll until the user approves,
//! cancels, or the 20 minutes the server keeps a flow have passed. One sign-in at a time: a
//! new one replaces the one before.
//!
//! A server whose certificate the system does not trust (self-signed, own CA) is refused with
//! the certificate's details; the person may then start again trusting exactly that
//! certificate, which the account keeps and checks on every connection.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nctray_engine::nextcloud::{
    self, travels_unencrypted, CertificateInfo, CertificateProblem, Connection, Credentials,
    Error as ServerError, Fingerprint, LoginFlow, LoginPoll, Url, LOGIN_FLOW_LIFETIME,
};
use nctray_engine::ErrorReport;
use nctray_i18n::tr;
use serde::Serialize;
use tokio::sync::watch;

use crate::ipc;
use crate::links;

/// What the window shows while the user approves in the browser.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignInStarted {
    /// The page the browser was sent to (shown, so it can be opened by hand).
    pub login_url: String,
    /// Seconds until the server forgets the flow.
    pub expires_in_secs: u32,
    /// The address is `http://` to another machine: the window warns that the app password
    /// and everything else would travel unencrypted.
    pub unencrypted: bool,
}

/// Network failures in a row after which the sign-in stops: one is a hiccup while the user
/// is in the browser, this many (a minute at the window's pace) is a server that is gone.
const MAX_NETWORK_FAILURES: u32 = 20;

/// Why a sign-in did not start: the usual `{kind, message}`, and with the kind
/// `untrusted_certificate` the certificate the server showed, for the person to look at and
/// perhaps trust.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignInError {
    #[serde(flatten)]
    pub report: ErrorReport,
    pub certificate: Option<CertificateInfo>,
}

impl From<ErrorReport> for SignInError {
    fn from(report: ErrorReport) -> Self {
        SignInError {
            report,
            certificate: None,
        }
    }
}

/// The user approved: the new app password, and the certificate trusted on the way (kept
/// with the account). `Debug` shows no password (see `Credentials`).
#[derive(Debug)]
pub struct Approved {
    pub credentials: Credentials,
    pub trusted_certificate: Option<Fingerprint>,
}

/// A sign-in waiting for the user's approval.
struct Attempt {
    flow: LoginFlow,
    trusted_certificate: Option<Fingerprint>,
    cancelled: watch::Sender<bool>,
    /// When the server forgets the flow: waiting longer cannot succeed.
    expires: Instant,
}

pub struct SignIn {
    attempt: Mutex<Option<Arc<Attempt>>>,
    /// How long a flow lives: the server's 20 minutes (shorter in tests).
    lifetime: Duration,
}

impl Default for SignIn {
    fn default() -> Self {
        Self {
            attempt: Mutex::default(),
            lifetime: LOGIN_FLOW_LIFETIME,
        }
    }
}

impl SignIn {
    /// Starts a Login Flow at the address the user typed and opens its page in the browser.
    /// With `trusted_certificate`, the server must show exactly that certificate (one the
    /// person looked at after an `untrusted_certificate` refusal), and no other.
    pub async fn start(
        &self,
        typed: &str,
        trusted_certificate: Option<Fingerprint>,
    ) -> Result<SignInStarted, SignInError> {
        let server = server_address(typed)?;
        let connection = Connection {
            pinned_certificate: trusted_certificate,
            ..Connection::default()
        };
        let flow = match LoginFlow::start_with(&server, connection).await {
            Ok(flow) => flow,
            Err(ServerError::Certificate(problem)) => {
                return Err(untrusted_certificate(&server, &problem).await)
            }
            Err(error) => return Err(not_started(&server, &error).into()),
        };
        links::open_in_browser(flow.login_url().as_str())?;
        let started = SignInStarted {
            login_url: flow.login_url().to_string(),
            expires_in_secs: u32::try_from(LOGIN_FLOW_LIFETIME.as_secs()).unwrap_or(u32::MAX),
            unencrypted: travels_unencrypted(&server),
        };
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
        Ok(started)
    }

    /// Opens the login page again (the user closed the browser tab).
    pub fn reopen(&self) -> Result<(), ErrorReport> {
        let attempt = self.waiting()?;
        links::open_in_browser(attempt.flow.login_url().as_str())
    }

    /// Stops waiting; the flow is left to expire on the server.
    pub fn cancel(&self) {
        if let Some(attempt) = self.slot().take() {
            attempt.cancelled.send_replace(true);
        }
    }

    /// Polls every `every` until the user approved (→ the new app password), cancelled, the
    /// flow expired, or the server could not be reached [`MAX_NETWORK_FAILURES`] times in a row.
    pub async fn wait(&self, every: Duration) -> Result<Approved, ErrorReport> {
        let attempt = self.waiting()?;
        let mut cancelled = attempt.cancelled.subscribe();
        let mut network_failures = 0;
        let outcome = loop {
            if *cancelled.borrow_and_update() {
                break Err(cancelled_report());
            }
            if Instant::now() >= attempt.expires {
                break Err(expired_report());
            }
            match attempt.flow.poll().await {
                Ok(LoginPoll::Approved(credentials)) => {
                    break Ok(Approved {
                        credentials,
                        trusted_certificate: attempt.trusted_certificate,
                    })
                }
                Ok(LoginPoll::Expired) => break Err(expired_report()),
                Ok(LoginPoll::Pending) => network_failures = 0,
                // A network hiccup while the user is in the browser is no reason to give up.
                Err(ServerError::Network(reason)) => {
                    network_failures += 1;
                    tracing::info!("Login Flow poll failed ({network_failures}): {reason}");
                    if network_failures >= MAX_NETWORK_FAILURES {
                        break Err(unreachable_report(attempt.flow.login_url(), &reason));
                    }
                }
                Err(error) => break Err(nctray_engine::Error::from(error).into()),
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

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Arc<Attempt>>> {
        self.attempt.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn waiting(&self) -> Result<Arc<Attempt>, ErrorReport> {
        self.slot().clone().ok_or_else(|| ErrorReport {
            kind: "no_sign_in",
            message: crate::language::app().text("sign-in-none-waiting"),
        })
    }
}

/// The address as typed, made a URL: `cloud.example.com` means `https://cloud.example.com`.
pub fn server_address(typed: &str) -> Result<Url, ErrorReport> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(ipc::invalid(
            crate::language::app().text("sign-in-address-missing"),
        ));
    }
    let with_scheme = if typed.contains("://") {
        typed.to_owned()
    } else {
        format!("https://{typed}")
    };
    let text = crate::language::app();
    let url = Url::parse(&with_scheme)
        .map_err(|_| ipc::invalid(tr!(text, "sign-in-address-invalid", address = typed)))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ipc::invalid(tr!(
            text,
            "sign-in-address-scheme",
            address = typed
        )));
    }
    Ok(url)
}

/// Why the flow did not start, in words that say what to check.
fn not_started(server: &Url, error: &ServerError) -> ErrorReport {
    let text = crate::language::app();
    let server_name = server.to_string();
    let message = match error {
        ServerError::Network(reason) => tr!(
            text,
            "sign-in-unreachable",
            server = server_name,
            reason = reason.as_str()
        ),
        ServerError::NotFound { .. }
        | ServerError::Http { status: 404, .. }
        | ServerError::Decode(_) => tr!(text, "sign-in-no-nextcloud", server = server_name),
        other => format!(
            "{server}: {}",
            crate::errors::explain(&nctray_engine::Error::Server(other.clone()))
        ),
    };
    ErrorReport {
        kind: error.kind(),
        message,
    }
}

/// A refused certificate: one the person may trust comes with its details (read in a
/// handshake that sends nothing); a broken one is only named.
async fn untrusted_certificate(server: &Url, problem: &CertificateProblem) -> SignInError {
    let refused = |kind| ErrorReport {
        kind,
        message: format!("{server}: {problem}."),
    };
    if !problem.can_be_trusted() {
        return refused("certificate").into();
    }
    match nextcloud::inspect(server, &Connection::default()).await {
        Ok(certificate) => SignInError {
            report: refused("untrusted_certificate"),
            certificate: Some(certificate),
        },
        Err(error) => ErrorReport {
            kind: "certificate",
            message: format!("{server}: {problem}, and its details could not be read ({error})."),
        }
        .into(),
    }
}

fn cancelled_report() -> ErrorReport {
    ErrorReport {
        kind: "cancelled",
        message: crate::language::app().text("sign-in-cancelled"),
    }
}

fn unreachable_report(login_url: &Url, reason: &str) -> ErrorReport {
    let server = login_url.host_str().unwrap_or("the server");
    ErrorReport {
        kind: "network",
        message: tr!(
            crate::language::app(),
            "sign-in-stopped-unreachable",
            server = server,
            times = MAX_NETWORK_FAILURES,
            reason = reason
        ),
    }
}

fn expired_report() -> ErrorReport {
    ErrorReport {
        kind: "expired",
        message: tr!(crate::language::app(), "sign-in-expired", minutes = 20),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_address_becomes_a_server_url() {
        let url = |typed: &str| server_address(typed).map(|u| u.to_string());
        assert_eq!(
            url("cloud.example.com").unwrap(),
            "https://cloud.example.com/"
        );
        assert_eq!(
            url("  http://127.0.0.1:8080/nextcloud ").unwrap(),
            "http://127.0.0.1:8080/nextcloud"
        );
        for bad in [
            "",
            "   ",
            "ftp://cloud.example.com",
            "javascript:alert(1)",
            "http://",
        ] {
            assert_eq!(server_address(bad).unwrap_err().kind, "invalid", "{bad:?}");
        }
    }

    #[test]
    fn waiting_without_a_started_sign_in_says_so() {
        let sign_in = SignIn::default();
        assert_eq!(sign_in.reopen().unwrap_err().kind, "no_sign_in");
        sign_in.cancel();
    }

    /// The browser is `true`: it accepts the URL and opens nothing.
    fn no_browser() {
        std::env::set_var("NCTRAY_BROWSER", "true");
    }

    const QUICK: Duration = Duration::from_millis(50);

    #[tokio::test(flavor = "multi_thread")]
    async fn an_approved_sign_in_brings_the_new_app_password() {
        no_browser();
        let sim = nctray_sim::Sim::start(Default::default()).await.unwrap();
        let sign_in = SignIn::default();
        let started = sign_in.start(&sim.base_url(), None).await.unwrap();
        assert_eq!(started.expires_in_secs, 20 * 60);
        assert!(!started.unencrypted, "the simulator is on this machine");
        assert!(started.login_url.contains("/login/v2/flow/"));

        let approve = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sim.control()
                .approve_login(&started.login_url, "bob")
                .unwrap()
        };
        let (credentials, password) = tokio::join!(sign_in.wait(QUICK), approve);
        let approved = credentials.unwrap();
        assert_eq!(approved.trusted_certificate, None);
        let credentials = approved.credentials;
        assert_eq!(credentials.login_name, "bob");
        assert_eq!(credentials.app_password, password);
        assert!(sim.control().app_password_valid("bob", &password));
        // The attempt is over.
        assert_eq!(sign_in.reopen().unwrap_err().kind, "no_sign_in");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_cancelled_or_replaced_sign_in_stops_waiting() {
        no_browser();
        let sim = nctray_sim::Sim::start(Default::default()).await.unwrap();
        let sign_in = SignIn::default();
        sign_in.start(&sim.base_url(), None).await.unwrap();
        let cancel = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sign_in.cancel();
        };
        let (outcome, ()) = tokio::join!(sign_in.wait(QUICK), cancel);
        assert_eq!(outcome.unwrap_err().kind, "cancelled");

        sign_in.start(&sim.base_url(), None).await.unwrap();
        let restart = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sign_in.start(&sim.base_url(), None).await.unwrap();
        };
        let (outcome, ()) = tokio::join!(sign_in.wait(QUICK), restart);
        assert_eq!(outcome.unwrap_err().kind, "cancelled");
        // The newer attempt still waits.
        sign_in.reopen().unwrap();
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_server_that_is_not_there_is_named_in_the_error() {
        let error = SignIn::default()
            .start("http://127.0.0.1:9", None)
            .await
            .unwrap_err()
            .report;
        assert!(
            error.message.contains("Cannot reach http://127.0.0.1:9/"),
            "{}",
            error.message
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_wait_ends_when_the_server_stays_unreachable() {
        no_browser();
        let sim = nctray_sim::Sim::start(Default::default()).await.unwrap();
        let sign_in = SignIn::default();
        sign_in.start(&sim.base_url(), None).await.unwrap();
        sim.shutdown().await;

        let outcome = tokio::time::timeout(Duration::from_secs(20), sign_in.wait(QUICK / 5))
            .await
            .expect("the sign-in kept polling a server that is gone");

        let error = outcome.unwrap_err();
        assert_eq!(error.kind, "network");
        assert!(
            error.message.contains("could not be reached"),
            "{}",
            error.message
        );
        assert_eq!(sign_in.reopen().unwrap_err().kind, "no_sign_in");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_wait_ends_when_the_flow_expires() {
        no_browser();
        let sim = nctray_sim::Sim::start(Default::default()).await.unwrap();
        let sign_in = SignIn {
            lifetime: Duration::from_millis(300),
            ..SignIn::default()
        };
        sign_in.start(&sim.base_url(), None).await.unwrap();

        let outcome = tokio::time::timeout(Duration::from_secs(10), sign_in.wait(QUICK))
            .await
            .expect("the sign-in kept polling past the flow's lifetime");

        assert_eq!(outcome.unwrap_err().kind, "expired");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_self_signed_server_shows_its_certificate_and_signs_in_trusting_exactly_it() {
        no_browser();
        let identity = nctray_sim::certificates::self_signed(&["127.0.0.1"]);
        let own = Fingerprint::of(&identity.certificate_chain[0]);
        let sim = nctray_sim::Sim::start(nctray_sim::SimConfig {
            tls: Some(identity),
            ..Default::default()
        })
        .await
        .unwrap();
        let sign_in = SignIn::default();

        let refused = sign_in.start(&sim.base_url(), None).await.unwrap_err();
        assert_eq!(refused.report.kind, "untrusted_certificate");
        assert!(
            refused.report.message.contains("unknown authority"),
            "{}",
            refused.report.message
        );
        let certificate = refused.certificate.unwrap();
        assert_eq!(certificate.fingerprint, own);
        assert_eq!(certificate.subject, "CN=127.0.0.1");
        assert!(sim.control().requests().is_empty(), "something was sent");

        // Another certificate's fingerprint is no key to this server.
        let other = Fingerprint::of(b"another certificate");
        let refused = sign_in.start(&sim.base_url(), Some(other)).await;
        assert_eq!(refused.unwrap_err().certificate.unwrap().fingerprint, own);
        assert!(sim.control().requests().is_empty(), "something was sent");

        let started = sign_in.start(&sim.base_url(), Some(own)).await.unwrap();
        let approve = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sim.control()
                .approve_login(&started.login_url, "bob")
                .unwrap()
        };
        let (approved, _) = tokio::join!(sign_in.wait(QUICK), approve);
        let approved = approved.unwrap();
        assert_eq!(approved.trusted_certificate, Some(own));
        assert_eq!(approved.credentials.login_name, "bob");
    }
}
