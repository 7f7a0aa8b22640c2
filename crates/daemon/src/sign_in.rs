//! Signing in from the accounts window with Login Flow v2: the user types the server's
//! address, the browser opens the server's login page, and the engine's `LoginWait` polls
//! until the user approves, cancels, or the 20 minutes the server keeps a flow have passed.
//! One sign-in at a time: a new one replaces the one before. This side speaks to the person:
//! the address, the certificate, the browser, and every refusal in their language.
//!
//! A server whose certificate the system does not trust (self-signed, own CA) is refused with
//! the certificate's details; the person may then start again trusting exactly that
//! certificate, which the account keeps and checks on every connection.

use std::time::Duration;

use nctray_engine::accounts::login_flow::{LoginWait, Unapproved, MAX_NETWORK_FAILURES};
use nctray_engine::accounts::setup::Approved;
use nctray_engine::nextcloud::{
    self, travels_unencrypted, CertificateInfo, CertificateProblem, Connection,
    Error as ServerError, Fingerprint, LoginFlow, Url, LOGIN_FLOW_LIFETIME,
};
use nctray_engine::{ErrorKind, ErrorReport};
use nctray_i18n::tr;
use serde::Serialize;

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

/// Why a sign-in did not start: the usual `{kind, message}`, and with the kind
/// `untrusted_certificate` the certificate the server showed, for the person to look at and
/// perhaps trust.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SignInError {
    #[serde(flatten)]
    pub report: ErrorReport,
    pub certificate: Option<CertificateView>,
}

/// The certificate a server showed, as the sign-in window lays it out before the person
/// decides to trust it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CertificateView {
    /// E.g. `CN=cloud.example.com, O=Example`.
    pub subject: String,
    pub issuer: String,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub not_before: String,
    pub not_after: String,
    /// `SHA256:AB:CD:…`, as `sign_in_start` takes it to trust exactly this certificate.
    pub fingerprint: String,
}

impl From<CertificateInfo> for CertificateView {
    fn from(info: CertificateInfo) -> Self {
        CertificateView {
            subject: info.subject,
            issuer: info.issuer,
            not_before: info.not_before,
            not_after: info.not_after,
            fingerprint: info.fingerprint.to_string(),
        }
    }
}

impl From<ErrorReport> for SignInError {
    fn from(report: ErrorReport) -> Self {
        SignInError {
            report,
            certificate: None,
        }
    }
}

/// The sign-in in progress: the engine waits for its approval.
#[derive(Default)]
pub struct SignIn {
    flows: LoginWait,
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
        self.flows.begin(flow, trusted_certificate);
        Ok(started)
    }

    /// Opens the login page again (the user closed the browser tab).
    pub fn reopen(&self) -> Result<(), ErrorReport> {
        let login_url = self.flows.login_url().ok_or_else(none_waiting)?;
        links::open_in_browser(login_url.as_str())
    }

    /// Stops waiting; the flow is left to expire on the server.
    pub fn cancel(&self) {
        self.flows.cancel();
    }

    /// Waits until the user approved (→ the new app password), or says in words why not.
    pub async fn wait(&self, every: Duration) -> Result<Approved, ErrorReport> {
        self.flows.wait(every).await.map_err(unapproved)
    }
}

fn none_waiting() -> ErrorReport {
    ErrorReport {
        kind: ErrorKind::NoSignIn,
        message: crate::language::app().text("sign-in-none-waiting"),
    }
}

/// Why a sign-in ended unapproved, in the person's language.
fn unapproved(end: Unapproved) -> ErrorReport {
    match end {
        Unapproved::NoneWaiting => none_waiting(),
        Unapproved::Cancelled => cancelled_report(),
        Unapproved::Expired => expired_report(),
        Unapproved::Unreachable { login_url, reason } => unreachable_report(&login_url, &reason),
        Unapproved::Server(error) => nctray_engine::Error::from(error).into(),
    }
}

/// The address as typed, made a URL: `cloud.example.com` means `https://cloud.example.com`.
pub fn server_address(typed: &str) -> Result<Url, ErrorReport> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(ErrorReport::invalid(
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
        .map_err(|_| ErrorReport::invalid(tr!(text, "sign-in-address-invalid", address = typed)))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ErrorReport::invalid(tr!(
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
        kind: ErrorKind::of_server(error),
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
        return refused(ErrorKind::Certificate).into();
    }
    match nextcloud::inspect(server, &Connection::default()).await {
        Ok(certificate) => SignInError {
            report: refused(ErrorKind::UntrustedCertificate),
            certificate: Some(certificate.into()),
        },
        Err(error) => ErrorReport {
            kind: ErrorKind::Certificate,
            message: format!("{server}: {problem}, and its details could not be read ({error})."),
        }
        .into(),
    }
}

fn cancelled_report() -> ErrorReport {
    ErrorReport {
        kind: ErrorKind::Cancelled,
        message: crate::language::app().text("sign-in-cancelled"),
    }
}

fn unreachable_report(login_url: &Url, reason: &str) -> ErrorReport {
    let server = login_url.host_str().unwrap_or("the server");
    ErrorReport {
        kind: ErrorKind::Network,
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
        kind: ErrorKind::Expired,
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
            assert_eq!(
                server_address(bad).unwrap_err().kind,
                ErrorKind::Invalid,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn waiting_without_a_started_sign_in_says_so() {
        let sign_in = SignIn::default();
        assert_eq!(sign_in.reopen().unwrap_err().kind, ErrorKind::NoSignIn);
        sign_in.cancel();
    }

    /// The browser is `true`: it accepts the URL and opens nothing.
    fn no_browser() {
        std::env::set_var("NCTRAY_BROWSER", "true");
    }

    const QUICK: Duration = Duration::from_millis(50);

    #[tokio::test(flavor = "multi_thread")]
    async fn a_started_sign_in_tells_the_window_its_page_and_brings_the_approved_app_password() {
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
        assert_eq!(sign_in.reopen().unwrap_err().kind, ErrorKind::NoSignIn);
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

    #[test]
    fn a_wait_that_ends_unapproved_is_told_in_words_with_its_kind() {
        let told = |end| {
            let report = unapproved(end);
            (report.kind, report.message)
        };
        assert_eq!(
            told(Unapproved::NoneWaiting),
            (ErrorKind::NoSignIn, text("sign-in-none-waiting"))
        );
        assert_eq!(
            told(Unapproved::Cancelled),
            (ErrorKind::Cancelled, text("sign-in-cancelled"))
        );
        let (kind, message) = told(Unapproved::Expired);
        assert_eq!(kind, ErrorKind::Expired);
        assert!(message.contains("20"), "{message}");
        let (kind, message) = told(Unapproved::Unreachable {
            login_url: Url::parse("https://cloud.example.com/login/v2/flow/abc").unwrap(),
            reason: "connection refused".into(),
        });
        assert_eq!(kind, ErrorKind::Network);
        for part in ["cloud.example.com", "20", "connection refused"] {
            assert!(message.contains(part), "{part}: {message}");
        }
        let (kind, _) = told(Unapproved::Server(ServerError::Unauthorized));
        assert_eq!(kind, ErrorKind::Unauthorized);
    }

    fn text(id: &str) -> String {
        crate::language::app().text(id)
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
        assert_eq!(refused.report.kind, ErrorKind::UntrustedCertificate);
        assert!(
            refused.report.message.contains("unknown authority"),
            "{}",
            refused.report.message
        );
        let certificate = refused.certificate.unwrap();
        assert_eq!(certificate.fingerprint, own.to_string());
        assert_eq!(certificate.subject, "CN=127.0.0.1");
        assert!(sim.control().requests().is_empty(), "something was sent");

        // Another certificate's fingerprint is no key to this server.
        let other = Fingerprint::of(b"another certificate");
        let refused = sign_in.start(&sim.base_url(), Some(other)).await;
        assert_eq!(
            refused.unwrap_err().certificate.unwrap().fingerprint,
            own.to_string()
        );
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
