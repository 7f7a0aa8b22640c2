//! `nctray account add --proxy` with a company proxy that asks for a login (a real tinyproxy
//! with BasicAuth on loopback): the proxy's password goes to the keyring only, and the
//! account's requests go through the proxy with it.

use anyhow::Result;
use nctray_e2e::{app_password, nctray_binary, Session};
use nctray_sim::tinyproxy::Tinyproxy;
use nctray_sim::{Sim, SimConfig};
use serde_json::Value;

const PROXY_PASSWORD: &str = "proxy-secret-7c41e";

/// `account add` for admin on `server` through `proxy`, with extra arguments.
fn add<'a>(server: &'a str, proxy: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "account",
        "add",
        "--server",
        server,
        "--login",
        "admin",
        "--password-stdin",
        "--proxy",
        proxy,
    ];
    args.extend_from_slice(extra);
    args
}

#[tokio::test(flavor = "multi_thread")]
async fn account_add_keeps_the_proxy_password_in_the_keyring_and_the_account_goes_through_the_proxy(
) -> Result<()> {
    let proxy = Tinyproxy::start_with_login("alice", PROXY_PASSWORD)?;
    let sim = Sim::start(SimConfig::default()).await?;
    let session = Session::start().await?;
    let server = sim.base_url();
    let proxy_with_login = proxy.url().replace("http://", "http://alice@");
    let password = app_password("admin");

    // A proxy login without its password, or with the password in the URL, is refused in
    // words, and nothing is kept.
    let output = session
        .run_nctray(&add(&server, &proxy_with_login, &[]), Some(&password))
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("--proxy-password-env NAME"),
        "{output}"
    );
    let in_url = proxy
        .url()
        .replace("http://", &format!("http://alice:{PROXY_PASSWORD}@"));
    let output = session
        .run_nctray(&add(&server, &in_url, &[]), Some(&password))
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("put no password in --proxy"),
        "{output}"
    );
    assert!(
        !session.config_file().exists(),
        "an account was saved anyway"
    );
    assert!(sim.control().requests().is_empty(), "something was sent");

    // The password comes from the environment variable named, through `env`.
    let nctray = nctray_binary()?.display().to_string();
    let variable = format!("NCTRAY_TEST_PROXY_PASSWORD={PROXY_PASSWORD}");
    let mut args = vec![variable.as_str(), nctray.as_str()];
    args.extend(add(
        &server,
        &proxy_with_login,
        &["--proxy-password-env", "NCTRAY_TEST_PROXY_PASSWORD"],
    ));
    session
        .run("env", &args, Some(&password))
        .await?
        .success()?;

    // The config names the proxy and its login; the keyring has the password, apart from
    // the app password; no file has it.
    let config: Value = serde_json::from_str(&std::fs::read_to_string(session.config_file())?)?;
    assert_eq!(
        config["accounts"][0]["proxy"],
        proxy_with_login.as_str(),
        "{config}"
    );
    let search = ["search", "--all", "service", "nctray-proxy"];
    let found = session.run("secret-tool", &search, None).await?;
    let listing = format!("{}{}", found.stdout, found.stderr);
    assert!(
        listing.contains(&format!("secret = {PROXY_PASSWORD}")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("attribute.username = admin@{server}")),
        "{listing}"
    );
    let leaks = session.files_containing(PROXY_PASSWORD)?;
    assert!(
        leaks.is_empty(),
        "the proxy password is written in {leaks:?}"
    );

    // A later command, with nothing in its environment, goes through the proxy with the login
    // from the keyring.
    sim.control().clear_requests();
    let output = session.run_nctray(&["status", "--json"], None).await?;
    output.success()?;
    let reached = sim.control().requests();
    assert!(!reached.is_empty(), "{output}");
    let through_proxy = proxy.requests();
    for request in &reached {
        let line = format!("{} {server}{}", request.method, request.path);
        assert!(
            through_proxy.iter().any(|seen| seen.starts_with(&line)),
            "{line} went around the proxy: {through_proxy:?}"
        );
    }
    Ok(())
}
