//! Which server certificates a connection trusts, in one place for every request and the push
//! socket: the certificates the operating system trusts (`/etc/ssl/certs`, or `SSL_CERT_FILE` /
//! `SSL_CERT_DIR` where set), or, for a server with a certificate of its own, exactly the one
//! certificate the person trusted for that account ([`Fingerprint`]). There is no way to
//! accept any certificate.
//!
//! Also: rustls's refusals in words ([`CertificateProblem`]), and [`inspect`], which fetches a
//! server's certificate to show it before anyone trusts it.

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, OtherError, SignatureScheme};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{proxy, Connection, Error, Result};

/// The SHA-256 fingerprint of a server's own (end-entity) certificate, written as OpenSSH
/// and Firefox show it: `SHA256:` then 32 upper-case hex bytes separated by colons.
/// Parsing also takes lower case and the bytes without colons.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

const FINGERPRINT_PREFIX: &str = "SHA256:";

impl Fingerprint {
    /// The fingerprint of a DER-encoded certificate.
    pub fn of(der: &[u8]) -> Fingerprint {
        let digest = ring::digest::digest(&ring::digest::SHA256, der);
        let mut bytes = [0; 32];
        bytes.copy_from_slice(digest.as_ref());
        Fingerprint(bytes)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FINGERPRINT_PREFIX)?;
        for (i, byte) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Fingerprint {
    type Err = Error;

    fn from_str(text: &str) -> Result<Fingerprint> {
        let bad = || {
            Error::refused(format!(
                "{text:?} is not a certificate fingerprint: expected SHA256: and 32 hex bytes, \
                 e.g. SHA256:AB:CD:…"
            ))
        };
        let text = text.trim();
        let hex = match text.get(..FINGERPRINT_PREFIX.len()) {
            Some(prefix) if prefix.eq_ignore_ascii_case(FINGERPRINT_PREFIX) => {
                &text[FINGERPRINT_PREFIX.len()..]
            }
            _ => return Err(bad()),
        };
        let digits: Vec<u8> = hex.bytes().filter(|b| *b != b':').collect();
        if digits.len() != 64 {
            return Err(bad());
        }
        let mut bytes = [0; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| bad())?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| bad())?;
        }
        Ok(Fingerprint(bytes))
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a server's certificate was refused, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateProblem {
    /// Signed by a CA the system does not trust, or signed by itself.
    #[error("the server's certificate is signed by an unknown authority")]
    UnknownAuthority,
    /// Valid, but for another name than the server address.
    #[error("the server's certificate is for another host")]
    WrongHost,
    #[error("the server's certificate has expired")]
    Expired,
    #[error("the server's certificate is not valid yet")]
    NotYetValid,
    /// The account has a pinned certificate and the server shows another one.
    #[error("the server's certificate changed since it was trusted for this account")]
    Changed,
    /// Anything else rustls refused (a bad signature, a broken encoding…), in its words.
    #[error("the server's certificate was refused: {0}")]
    Other(String),
}

impl CertificateProblem {
    /// Whether the person may look at the certificate and trust it for the account (a
    /// certificate that is broken cannot be trusted, whatever anyone says).
    pub fn can_be_trusted(&self) -> bool {
        !matches!(self, CertificateProblem::Other(_))
    }
}

/// What a person sees before trusting a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateInfo {
    /// E.g. `CN=cloud.example.com, O=Example`.
    pub subject: String,
    pub issuer: String,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub not_before: String,
    pub not_after: String,
    pub fingerprint: Fingerprint,
}

impl fmt::Display for CertificateInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Subject:     {}", self.subject)?;
        writeln!(f, "Issuer:      {}", self.issuer)?;
        writeln!(f, "Valid from:  {}", self.not_before)?;
        writeln!(f, "Valid until: {}", self.not_after)?;
        write!(f, "Fingerprint: {}", self.fingerprint)
    }
}

/// ALPN for HTTP requests (HTTP/2 where the server speaks it) or for the push socket (a
/// WebSocket upgrade needs HTTP/1.1, so it must not offer h2).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Http,
    WebSocket,
}

/// The one crypto provider of the build: ring (see the root Cargo.toml).
fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// The system's trusted certificates, read once per process.
fn system_roots() -> Arc<rustls::RootCertStore> {
    static ROOTS: OnceLock<Arc<rustls::RootCertStore>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            let found = rustls_native_certs::load_native_certs();
            for error in &found.errors {
                tracing::warn!("reading the system's trusted certificates: {error}");
            }
            let mut roots = rustls::RootCertStore::empty();
            let (added, ignored) = roots.add_parsable_certificates(found.certs);
            tracing::debug!(added, ignored, "system certificates loaded");
            Arc::new(roots)
        })
        .clone()
}

/// The rustls configuration of a connection: the pinned certificate only, or the system's
/// roots with the usual checks (chain, name, validity).
pub(crate) fn client_config(connection: &Connection, usage: Use) -> Result<Arc<ClientConfig>> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::refused(format!("TLS setup: {e}")))?;
    let mut config = match connection.pinned_certificate {
        Some(pin) => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(PinnedCertificate {
                pin,
                algorithms: provider().signature_verification_algorithms,
            }))
            .with_no_client_auth(),
        None => builder
            .with_root_certificates(system_roots())
            .with_no_client_auth(),
    };
    if usage == Use::Http {
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    }
    Ok(Arc::new(config))
}

/// Accepts exactly the pinned certificate and refuses every other.
///
/// The host name is not checked: the person trusted this very certificate for this account's
/// address, and self-signed certificates of home servers often name no host or another one
/// (an IP address, `localhost`). Nobody else can use the certificate without its private key,
/// which the handshake signature (checked below) proves the server has. Validity dates are
/// not checked either, for the same reason: the pin, not a CA's promise, is the trust.
#[derive(Debug)]
struct PinnedCertificate {
    pin: Fingerprint,
    algorithms: WebPkiSupportedAlgorithms,
}

/// The marker inside rustls's error for "not the pinned certificate".
#[derive(Debug, thiserror::Error)]
#[error("not the certificate trusted for this account")]
struct NotThePinnedCertificate;

impl ServerCertVerifier for PinnedCertificate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if Fingerprint::of(end_entity) == self.pin {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(CertificateError::Other(
                OtherError(Arc::new(NotThePinnedCertificate)),
            )))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// The certificate problem somewhere in an error's chain of causes (reqwest, hyper,
/// tungstenite and tokio-rustls wrap rustls's error in their own and in `io::Error`s).
pub(crate) fn problem_in(error: &(dyn std::error::Error + 'static)) -> Option<CertificateProblem> {
    let mut next = Some(error);
    while let Some(error) = next {
        if let Some(rustls) = error.downcast_ref::<rustls::Error>() {
            return problem_of(rustls);
        }
        // `io::Error::source` skips the error it wraps, so look inside by hand.
        if let Some(inner) = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            if let Some(problem) = problem_in(inner) {
                return Some(problem);
            }
        }
        next = error.source();
    }
    None
}

/// rustls's refusal of a certificate in words; `None` for TLS failures that are not about the
/// certificate (those stay network errors).
fn problem_of(error: &rustls::Error) -> Option<CertificateProblem> {
    let rustls::Error::InvalidCertificate(error) = error else {
        return None;
    };
    Some(match error {
        CertificateError::UnknownIssuer => CertificateProblem::UnknownAuthority,
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            CertificateProblem::WrongHost
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            CertificateProblem::Expired
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            CertificateProblem::NotYetValid
        }
        CertificateError::Other(OtherError(other))
            if other.downcast_ref::<NotThePinnedCertificate>().is_some() =>
        {
            CertificateProblem::Changed
        }
        other => CertificateProblem::Other(other.to_string()),
    })
}

/// Fetches the certificate `server` shows (through the account's proxy, if any) and
/// describes it. Nothing is sent over the connection: the handshake is broken off as soon as
/// the certificate has arrived, whether it would be trusted or not.
pub async fn inspect(server: &Url, connection: &Connection) -> Result<CertificateInfo> {
    if server.scheme() != "https" {
        return Err(Error::refused(format!(
            "{} does not use https, so it has no certificate",
            server.as_str()
        )));
    }
    let host = server
        .host_str()
        .ok_or_else(|| Error::refused(format!("{} has no host", server.as_str())))?;
    let name = ServerName::try_from(host.trim_matches(['[', ']']).to_owned())
        .map_err(|e| Error::refused(format!("{host:?} is not a host name: {e}")))?;
    let stream = proxy::connect(server, connection.proxy.as_ref()).await?;
    let recorder = Arc::new(Recorder {
        seen: Mutex::new(None),
        algorithms: provider().signature_verification_algorithms,
    });
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::refused(format!("TLS setup: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let handshake = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, stream);
    // The recorder always refuses, so the handshake always fails; what counts is what it saw.
    let outcome = tokio::time::timeout(crate::client::CONNECT_TIMEOUT, handshake).await;
    let seen = recorder
        .seen
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take();
    match (seen, outcome) {
        (Some(der), _) => describe(&der),
        (None, Err(_)) => Err(Error::Network(
            "the server did not complete the TLS handshake in time".into(),
        )),
        (None, Ok(Err(e))) => Err(Error::Network(format!("TLS handshake failed: {e}"))),
        (None, Ok(Ok(_))) => Err(Error::Network("the server sent no certificate".into())),
    }
}

/// Keeps the server's certificate and refuses it, so [`inspect`] never completes a handshake.
#[derive(Debug)]
struct Recorder {
    seen: Mutex<Option<Vec<u8>>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        *self.seen.lock().unwrap_or_else(|p| p.into_inner()) = Some(end_entity.to_vec());
        Err(rustls::Error::InvalidCertificate(
            CertificateError::ApplicationVerificationFailure,
        ))
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            CertificateError::ApplicationVerificationFailure,
        ))
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            CertificateError::ApplicationVerificationFailure,
        ))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// The details of a DER certificate.
fn describe(der: &[u8]) -> Result<CertificateInfo> {
    let (_, certificate) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| Error::Decode(format!("the server's certificate cannot be read: {e}")))?;
    let validity = certificate.validity();
    Ok(CertificateInfo {
        subject: certificate.subject().to_string(),
        issuer: certificate.issuer().to_string(),
        not_before: utc_text(validity.not_before.timestamp()),
        not_after: utc_text(validity.not_after.timestamp()),
        fingerprint: Fingerprint::of(der),
    })
}

/// Unix seconds as `YYYY-MM-DD HH:MM UTC` (the seconds themselves where chrono's calendar
/// ends).
fn utc_text(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0).map_or_else(
        || format!("{unix} s since 1970 UTC"),
        |time| time.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_reads_back_what_it_writes() {
        let fingerprint = Fingerprint::of(b"certificate");
        let text = fingerprint.to_string();
        assert!(text.starts_with("SHA256:"), "{text}");
        assert_eq!(text.len(), "SHA256:".len() + 32 * 3 - 1);
        assert_eq!(text.parse::<Fingerprint>().unwrap(), fingerprint);
        let plain = text.replace(':', "").replacen("SHA256", "sha256:", 1);
        assert_eq!(
            plain.to_lowercase().parse::<Fingerprint>().unwrap(),
            fingerprint
        );
        let json = serde_json::to_string(&fingerprint).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(
            serde_json::from_str::<Fingerprint>(&json).unwrap(),
            fingerprint
        );
    }

    #[test]
    fn a_malformed_fingerprint_is_refused_in_words() {
        for bad in [
            "",
            "AB:CD",
            "SHA256:AB:CD",
            "MD5:00:11",
            &format!("SHA256:{}", "ZZ".repeat(32)),
        ] {
            let error = bad.parse::<Fingerprint>().unwrap_err();
            assert!(
                error.to_string().contains("not a certificate fingerprint"),
                "{error}"
            );
        }
    }

    #[test]
    fn dates_are_shown_in_utc() {
        assert_eq!(utc_text(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_text(1_798_761_599), "2026-12-31 23:59 UTC");
        assert_eq!(utc_text(-86_400), "1969-12-31 00:00 UTC");
    }

    #[test]
    fn rustls_refusals_are_named_in_words() {
        let cases = [
            (
                CertificateError::UnknownIssuer,
                "signed by an unknown authority",
            ),
            (CertificateError::NotValidForName, "is for another host"),
            (CertificateError::Expired, "has expired"),
            (CertificateError::NotValidYet, "not valid yet"),
            (
                CertificateError::Other(OtherError(Arc::new(NotThePinnedCertificate))),
                "changed since it was trusted",
            ),
        ];
        for (error, words) in cases {
            let io = std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                rustls::Error::InvalidCertificate(error),
            );
            let problem = problem_in(&io).unwrap();
            assert!(problem.to_string().contains(words), "{problem}");
        }
        let other = rustls::Error::General("handshake broke".into());
        assert_eq!(problem_in(&other), None);
    }
}
