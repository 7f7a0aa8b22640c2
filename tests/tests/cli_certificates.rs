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
    let add = [
        "account",
        "add",
        "--server",
        &server,
        "--login",
        "admin",
        "--password-stdin",
    ];
    let output = session.run_nctray(&add, Some("admin-app-password")).await?;
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

    let trusted = [&add[..], &["--trust-fingerprint", &fingerprint]].concat();
    let output = session
        .run_nctray(&trusted, Some("admin-app-password"))
        .await?;
    output.success()?;
    let config = std::fs::read_to_string(session.config_file())?;
    assert!(config.contains(&fingerprint), "{config}");
    Ok(())
}
