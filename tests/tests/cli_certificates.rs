//! `nctray account add` against a server with its own certificate: refused with the
//! certificate's details and the exact flag to trust it, then added with that flag.

use anyhow::Result;
use nctray_e2e::Session;
use nctray_sim::certificates::self_signed;
use nctray_sim::{Sim, SimConfig};

#[tokio::test(flavor = "multi_thread")]
async fn account_add_shows_an_untrusted_certificate_and_trusts_it_with_the_flag() -> Result<()> {
    let identity = self_signed(&["127.0.0.1"]);
    let sim = Sim::start(SimConfig {
        tls: Some(identity.clone()),
        ..SimConfig::default()
    })
    .await?;
    let session = Session::start().await?;
    let server = sim.base_url();
    let output = session
        .run_account_add(&server, "admin", "admin-app-password", &[])
        .await?;
    output.failure()?;
    let fingerprint = nextcloud::Fingerprint::of(&identity.certificate_chain[0]).to_string();
    for words in [
        "signed by an unknown authority",
        "Subject:     CN=127.0.0.1",
        "Valid until:",
        &format!("--trust-fingerprint {fingerprint}"),
    ] {
        assert!(
            output.stderr.contains(words),
            "{words:?} missing:\n{output}"
        );
    }
    assert!(
        !output.stderr.contains("did not accept these credentials"),
        "{output}"
    );
    assert!(
        !session.config_file().exists(),
        "an account was saved anyway"
    );
    assert!(sim.control().requests().is_empty(), "something was sent");

    let output = session
        .run_account_add(
            &server,
            "admin",
            "admin-app-password",
            &["--trust-fingerprint", &fingerprint],
        )
        .await?;
    output.success()?;
    let config = std::fs::read_to_string(session.config_file())?;
    assert!(config.contains(&fingerprint), "{config}");
    Ok(())
}

/// `nctray account add` against a sim serving `identity`, with the system's trust store being
/// only `trusted_ca` (rustls-native-certs reads `SSL_CERT_FILE`); returns exit status, stderr.
async fn add_with_trust_store(
    session: &Session,
    sim: &Sim,
    trusted_ca: &std::path::Path,
) -> Result<(bool, String)> {
    let mut command = session.nctray()?;
    command
        .args(["account", "add", "--server", &sim.base_url()])
        .args(["--login", "admin", "--password-stdin"])
        .env("SSL_CERT_FILE", trusted_ca)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let output = tokio::task::spawn_blocking(move || -> Result<std::process::Output> {
        use std::io::Write;
        let mut child = command.spawn()?;
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(b"admin-app-password")?;
        Ok(child.wait_with_output()?)
    })
    .await??;
    Ok((
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

#[tokio::test(flavor = "multi_thread")]
async fn account_add_names_each_certificate_problem_in_words_and_sends_nothing() -> Result<()> {
    let company = nctray_sim::certificates::TestCa::new("Company CA");
    let stranger = nctray_sim::certificates::TestCa::new("Somebody else's CA");
    let dir = tempfile::tempdir()?;
    let trusted = dir.path().join("company-ca.pem");
    std::fs::write(&trusted, company.pem())?;

    let cases = [
        (
            "signed by the company CA the system trusts",
            company.server(&["127.0.0.1"]),
            None,
        ),
        (
            "signed by a CA the system does not trust",
            stranger.server(&["127.0.0.1"]),
            Some("signed by an unknown authority"),
        ),
        (
            "for another host",
            company.server(&["cloud.example.org"]),
            Some("for another host"),
        ),
        (
            "expired",
            company.expired_server(&["127.0.0.1"]),
            Some("expired"),
        ),
    ];
    for (case, identity, problem) in cases {
        let sim = Sim::start(SimConfig {
            tls: Some(identity),
            ..SimConfig::default()
        })
        .await?;
        let session = Session::start().await?;
        let (added, stderr) = add_with_trust_store(&session, &sim, &trusted).await?;
        match problem {
            None => {
                assert!(added, "{case}: refused:\n{stderr}");
                assert!(session.config_file().exists(), "{case}: not saved");
            }
            Some(words) => {
                assert!(!added, "{case}: added anyway");
                assert!(
                    stderr.contains(words),
                    "{case}: {words:?} missing:\n{stderr}"
                );
                assert!(
                    !stderr.contains("did not accept these credentials"),
                    "{case}: {stderr}"
                );
                assert!(!session.config_file().exists(), "{case}: saved anyway");
                assert!(
                    sim.control().requests().is_empty(),
                    "{case}: something was sent"
                );
            }
        }
    }
    Ok(())
}
