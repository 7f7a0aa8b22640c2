//! The accounts window in the real webview (WebDriver) against the simulator: sign in with
//! Login Flow v2, remove an account, pause one, change settings; and the one-instance rule,
//! which needs no WebDriver.

use std::fs;
use std::time::Duration;

use anyhow::{Context, Result};
use nctray_e2e::{
    app_password, wait_until, wait_until_some, BrowserRecorder, Desktop, Webview, WindowOptions,
};
use nctray_sim::certificates::self_signed;
use nctray_sim::SimConfig;
use serde_json::Value;

/// The Tab key for WebDriver's send_keys: leaving a field fires its change.
const TAB: &str = "\u{e004}";

/// The first URL the app asked the browser to open.
async fn first_opened(browser: &BrowserRecorder) -> Result<String> {
    wait_until_some("the app to open the browser", nctray_e2e::PATIENCE, || {
        let first = browser.opened().into_iter().next();
        async move { first }
    })
    .await
}

fn with_browser(browser: &BrowserRecorder) -> WindowOptions {
    WindowOptions {
        env: vec![browser.env()],
        ..WindowOptions::default()
    }
}

fn config(desktop: &Desktop) -> Result<Value> {
    let text = fs::read_to_string(desktop.session.config_file())?;
    Ok(serde_json::from_str(&text)?)
}

/// Waits until the config file satisfies `holds` (the window saves right after a change).
async fn wait_for_config(
    desktop: &Desktop,
    what: &str,
    holds: impl Fn(&Value) -> bool,
) -> Result<()> {
    let result = wait_until(what, nctray_e2e::PATIENCE, || {
        let ok = config(desktop).is_ok_and(|config| holds(&config));
        async move { ok }
    })
    .await;
    result.with_context(|| format!("the config file: {:?}", config(desktop).ok()))
}

/// What `secret-tool` finds in the session's keyring for nctray.
async fn keyring(desktop: &Desktop) -> Result<String> {
    let search = ["search", "--all", "service", "nctray"];
    let found = desktop.session.run("secret-tool", &search, None).await?;
    Ok(format!("{}{}", found.stdout, found.stderr))
}

/// The row of the account `key`, as a CSS selector.
fn row(key: &str) -> String {
    format!("[data-testid=account][data-key=\"{key}\"]")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_self_signed_server_shows_its_certificate_and_signing_in_trusts_exactly_it() -> Result<()>
{
    // A home server with a certificate of its own, made now.
    let identity = self_signed(&["127.0.0.1"]);
    let fingerprint = nextcloud::Fingerprint::of(&identity.certificate_chain[0]).to_string();
    let desktop = Desktop::signed_out_with(SimConfig {
        tls: Some(identity),
        ..SimConfig::default()
    })
    .await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let window = desktop
        .open_window_with("accounts", with_browser(&browser))
        .await?;
    let server = desktop.sim.base_url();
    assert!(server.starts_with("https://"), "{server}");
    window
        .type_text("[data-testid=server-input]", &server)
        .await?;
    window.click("[data-testid=sign-in-start]").await?;

    // The window shows what the certificate is; nothing went to the server, no browser opened.
    window
        .wait_for_text("[data-testid=certificate-fingerprint]", &fingerprint)
        .await?;
    assert_eq!(
        window.text("[data-testid=certificate-subject]").await?,
        "CN=127.0.0.1"
    );
    assert!(window
        .text("[data-testid=certificate-valid-until]")
        .await?
        .ends_with("UTC"));
    assert!(
        desktop.control().requests().is_empty(),
        "something was sent"
    );
    assert!(browser.opened().is_empty(), "{:?}", browser.opened());

    // The person trusts it; the sign-in goes on as usual.
    window.click("[data-testid=sign-in-trust]").await?;
    let login_url = first_opened(&browser).await?;
    assert!(
        login_url.starts_with(&format!("{server}/index.php/login/v2/flow/")),
        "{login_url}"
    );
    desktop
        .control()
        .approve_login(&login_url, "admin")
        .context("the sim had no such login flow")?;
    let key = format!("admin@{server}");
    window.wait_for(&row(&key)).await?;

    // The account keeps the pin, and its sync runs over https with it.
    let config = config(&desktop)?;
    assert_eq!(config["accounts"][0]["server"], server.as_str());
    assert_eq!(
        config["accounts"][0]["trusted_certificate"],
        fingerprint.as_str()
    );
    wait_until(
        "the new account's sync to poll",
        nctray_e2e::PATIENCE,
        || {
            let polled =
                desktop.control().requests().iter().any(|r| {
                    r.user.as_deref() == Some("admin") && r.path.ends_with("/notifications")
                });
            async move { polled }
        },
    )
    .await?;
    window
        .wait_for_text(
            &format!("{} [data-testid=account-connection]", row(&key)),
            "Online",
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_that_changed_stops_the_sync_and_the_window_says_so() -> Result<()> {
    let identity = self_signed(&["127.0.0.1"]);
    let trusted = nextcloud::Fingerprint::of(&identity.certificate_chain[0]).to_string();
    let desktop = Desktop::signed_out_with(SimConfig {
        tls: Some(identity),
        ..SimConfig::default()
    })
    .await?;
    let server = desktop.sim.base_url();
    desktop
        .session
        .run_account_add(
            &server,
            "admin",
            &app_password("admin"),
            &["--trust-fingerprint", &trusted],
        )
        .await?
        .success()?;
    // The account trusted another certificate than the one the server shows now.
    let other = self_signed(&["127.0.0.1"]);
    let pinned = nextcloud::Fingerprint::of(&other.certificate_chain[0]).to_string();
    let mut accounts = config(&desktop)?["accounts"].clone();
    accounts[0]["trusted_certificate"] = Value::from(pinned);
    desktop.session.set_config("accounts", accounts)?;
    desktop.control().clear_requests();

    let window = desktop.open_window("accounts").await?;
    let key = format!("admin@{server}");
    window
        .wait_for_text(
            &format!("{} [data-testid=account-connection]", row(&key)),
            "Certificate changed: nothing is sent",
        )
        .await?;
    let text = window
        .text(&format!("{} [data-testid=account-connection]", row(&key)))
        .await?;
    assert!(text.contains("sign in again"), "{text}");
    assert!(
        desktop.control().requests().is_empty(),
        "something was sent"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_in_with_login_flow_v2_adds_the_account_and_keeps_its_password_in_the_keyring(
) -> Result<()> {
    // No account yet, as on a first run.
    let desktop = Desktop::signed_out().await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let window = desktop
        .open_window_with("accounts", with_browser(&browser))
        .await?;
    let server = desktop.sim.base_url();
    window
        .type_text("[data-testid=server-input]", &server)
        .await?;
    window.click("[data-testid=sign-in-start]").await?;
    window
        .wait_for_text("[data-testid=sign-in-countdown]", "expires in ")
        .await?;

    // The browser got the server's login page, the one the window names.
    let login_url = first_opened(&browser).await?;
    assert!(
        login_url.starts_with(&format!("{server}/index.php/login/v2/flow/")),
        "{login_url}"
    );
    assert_eq!(window.text("[data-testid=sign-in-url]").await?, login_url);

    // The user approves in the browser.
    let password = desktop
        .control()
        .approve_login(&login_url, "admin")
        .context("the sim had no such login flow")?;
    let key = format!("admin@{server}");
    window.wait_for(&row(&key)).await?;
    window
        .wait_for_text("[data-testid=sign-in-notice]", "Signed in as")
        .await?;

    // The app password is in the keyring under the account's key, nowhere in the files.
    let listing = keyring(&desktop).await?;
    assert!(
        listing.contains(&format!("secret = {password}")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("attribute.username = {key}")),
        "{listing}"
    );
    let config = config(&desktop)?;
    assert_eq!(config["accounts"][0]["server"], server.as_str());
    assert_eq!(config["accounts"][0]["login_name"], "admin");
    let leaks = desktop.session.files_containing(&password)?;
    assert!(leaks.is_empty(), "the app password is written in {leaks:?}");

    // Its sync runs at once, signed in with the new app password, without a restart.
    wait_until(
        "the new account's sync to poll",
        nctray_e2e::PATIENCE,
        || {
            let polled =
                desktop.control().requests().iter().any(|r| {
                    r.user.as_deref() == Some("admin") && r.path.ends_with("/notifications")
                });
            async move { polled }
        },
    )
    .await?;
    window
        .wait_for_text(
            &format!("{} [data-testid=account-connection]", row(&key)),
            "Online",
        )
        .await?;

    // The first account: the popover opens once beside the accounts window, to show what
    // nctray does with it.
    wait_until(
        "the popover after the first sign-in",
        nctray_e2e::PATIENCE,
        || async { window.window_count().await.is_ok_and(|count| count == 2) },
    )
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn in_demo_mode_an_account_on_the_demo_server_lives_only_as_long_as_the_app() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let window = desktop
        .open_window_with(
            "accounts",
            WindowOptions {
                args: vec!["--demo".into()],
                ..with_browser(&browser)
            },
        )
        .await?;
    // The demo's own account is listed, and its server offered to try the sign-in.
    window
        .wait_for_text("[data-testid=account]", "Demo server")
        .await?;
    window.click("[data-testid=sign-in-demo]").await?;
    window.click("[data-testid=sign-in-start]").await?;
    let login_url = first_opened(&browser).await?;
    let demo_server = login_url
        .split("/index.php/")
        .next()
        .context("a login URL on the demo server")?
        .to_owned();
    // Approved as the login page's Approve button does (the demo serves no /_sim/ control).
    let approved = reqwest::Client::new()
        .post(&login_url)
        .form(&[("user", "admin"), ("approve", "1")])
        .send()
        .await?;
    assert!(approved.status().is_success(), "{approved:?}");
    let key = format!("admin@{demo_server}");
    window.wait_for_text(&row(&key), "Demo server").await?;

    // Nothing of it is kept: no account in the config, nothing in the keyring.
    let accounts = config(&desktop)
        .map(|c| c["accounts"].clone())
        .unwrap_or(Value::Null);
    assert!(accounts.as_array().is_none_or(Vec::is_empty), "{accounts}");
    assert!(!keyring(&desktop).await?.contains(&key));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_can_be_cancelled() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let window = desktop
        .open_window_with("accounts", with_browser(&browser))
        .await?;
    window
        .type_text("[data-testid=server-input]", &desktop.sim.base_url())
        .await?;
    window.click("[data-testid=sign-in-start]").await?;
    let login_url = first_opened(&browser).await?;
    window.click("[data-testid=sign-in-cancel]").await?;
    window
        .wait_for_text("[data-testid=sign-in-notice]", "Sign-in cancelled.")
        .await?;
    // Approving afterwards adds nothing: nobody polls for it any more.
    desktop.control().approve_login(&login_url, "admin");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(window
        .find_all(&row(&format!("admin@{}", desktop.sim.base_url())))
        .await?
        .is_empty());
    assert!(
        !desktop.session.config_file().exists()
            || config(&desktop)?["accounts"]
                .as_array()
                .is_none_or(Vec::is_empty)
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn removing_an_account_revokes_its_app_password_and_forgets_it() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let server = desktop.sim.base_url();
    desktop
        .session
        .add_account(&server, "bob", &app_password("bob"))
        .await?;
    let window = desktop.open_window("accounts").await?;
    let bob = format!("bob@{server}");
    window
        .click(&format!("{} [data-testid=account-remove]", row(&bob)))
        .await?;
    window.click("[data-testid=account-remove-confirm]").await?;
    window.wait_gone(&row(&bob)).await?;
    window
        .wait_for_text("[data-testid=accounts-notice]", "was removed")
        .await?;

    assert!(
        !desktop
            .control()
            .app_password_valid("bob", &app_password("bob")),
        "the server still accepts bob's app password"
    );
    let listing = keyring(&desktop).await?;
    assert!(!listing.contains(&bob), "{listing}");
    assert!(
        listing.contains(&desktop.account_key()),
        "admin's entry went too:\n{listing}"
    );
    let accounts = config(&desktop)?["accounts"].clone();
    assert_eq!(accounts.as_array().map(Vec::len), Some(1), "{accounts}");
    assert_eq!(accounts[0]["login_name"], "admin");
    window.wait_for(&row(&desktop.account_key())).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn pausing_stops_the_accounts_sync_and_is_remembered() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let window = desktop.open_window("accounts").await?;
    let admin = row(&desktop.account_key());
    window
        .wait_for_text(
            &format!("{admin} [data-testid=account-connection]"),
            "Online",
        )
        .await?;
    window
        .click(&format!("{admin} [data-testid=account-pause]"))
        .await?;
    window
        .wait_for_text(
            &format!("{admin} [data-testid=account-connection]"),
            "Paused",
        )
        .await?;
    wait_for_config(&desktop, "the pause in the config", |config| {
        config["paused_accounts"][0] == desktop.account_key().as_str()
    })
    .await?;
    // Polled every second while running; a request already on its way may still land.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let paused_at = desktop.notification_polls();
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        desktop.notification_polls(),
        paused_at,
        "polled while paused"
    );

    window
        .click(&format!("{admin} [data-testid=account-pause]"))
        .await?;
    wait_until("a poll after resuming", nctray_e2e::PATIENCE, || {
        let polled = desktop.notification_polls() > paused_at;
        async move { polled }
    })
    .await?;
    wait_for_config(&desktop, "the pause gone from the config", |config| {
        config.get("paused_accounts").is_none()
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_are_saved_in_the_config_file_and_shown_light_and_dark() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let browser = BrowserRecorder::new(&desktop.session)?;
    let window = desktop
        .open_window_with(
            "accounts",
            WindowOptions {
                appearance: Some("light".into()),
                ..with_browser(&browser)
            },
        )
        .await?;
    window.wait_for(&row(&desktop.account_key())).await?;

    // The version, and the log folder opened in the file manager.
    window
        .wait_for_text("[data-testid=app-version]", env!("CARGO_PKG_VERSION"))
        .await?;
    window.click("[data-testid=open-log-folder]").await?;
    let logs = desktop.session.log_dir().display().to_string();
    browser.wait_for(&logs, nctray_e2e::PATIENCE).await?;
    window
        .wait_for("[data-testid=settings-popups-spreed]")
        .await?;
    settled_screenshot(&window, "accounts-light").await?;

    window
        .click("[data-testid=settings-poll] option[value=\"120\"]")
        .await?;
    wait_for_config(&desktop, "the poll interval", |c| {
        c["poll_interval_secs"] == 120
    })
    .await?;
    window.click("[data-testid=settings-popups-spreed]").await?;
    wait_for_config(&desktop, "Talk's pop-ups off", |c| {
        c["silent_apps"][0] == "spreed"
    })
    .await?;
    window.clear("[data-testid=settings-away]").await?;
    window
        .type_text("[data-testid=settings-away]", &format!("15{TAB}"))
        .await?;
    wait_for_config(&desktop, "the idle minutes", |c| {
        c["away_after_idle_mins"] == 15
    })
    .await?;
    window
        .click("[data-testid=settings-appearance-dark]")
        .await?;
    wait_for_config(&desktop, "the dark appearance", |c| {
        c["appearance"] == "dark"
    })
    .await?;
    window
        .wait_for_text("[data-testid=settings-notice]", "Saved.")
        .await?;
    let theme = window
        .script("return document.documentElement.dataset.theme;", vec![])
        .await?;
    assert_eq!(theme, "dark");
    settled_screenshot(&window, "accounts-dark").await?;

    // Start at login is the desktop's autostart entry (XDG Autostart, in the session's
    // $XDG_CONFIG_HOME), not a line in the config.
    let entry = desktop
        .session
        .config_home()
        .join("autostart/nctray.desktop");
    window
        .click("[data-testid=settings-start-at-login]")
        .await?;
    // It starts the binary that runs: /usr/bin/nctray when installed from the package.
    // The program may be quoted, as the desktop entry spec allows.
    let binary = nctray_e2e::nctray_binary()?.display().to_string();
    let starts_binary = |line: &str| {
        line.strip_prefix("Exec=").is_some_and(|command| {
            let quoted = format!("\"{binary}\"");
            command == binary
                || command.starts_with(&format!("{binary} "))
                || command.starts_with(&quoted)
        })
    };
    wait_until("the autostart entry", nctray_e2e::PATIENCE, || {
        let written = fs::read_to_string(&entry).is_ok_and(|text| text.lines().any(starts_binary));
        async move { written }
    })
    .await
    .with_context(|| format!("{:?}", fs::read_to_string(&entry)))?;
    assert!(config(&desktop)?.get("start_at_login").is_none());
    window
        .click("[data-testid=settings-start-at-login]")
        .await?;
    wait_until("the autostart entry gone", nctray_e2e::PATIENCE, || {
        let gone = !entry.exists();
        async move { gone }
    })
    .await?;

    // A poll interval the sync cannot use is refused with a readable message.
    let refused = window
        .script(
            r#"return window.__TAURI_INTERNALS__
                 .invoke("settings_save", { settings: { poll_interval_secs: 5,
                   away_after_idle_mins: 15, appearance: "dark", silent_apps: [],
                   start_at_login: false } })
                 .then(() => "saved", (error) => error.message);"#,
            vec![],
        )
        .await?;
    assert!(
        refused.as_str().is_some_and(|m| m.contains("30 seconds")),
        "{refused}"
    );
    assert_eq!(config(&desktop)?["poll_interval_secs"], 120);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_opens_its_window_in_the_first_and_exits() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, _tray) = desktop.start_tray().await?;

    let second = desktop
        .session
        .run_nctray(&["--window", "chat"], None)
        .await?;
    second.success()?;
    app.ensure_running()?;
    // The running daemon shows it (in the window process it starts).
    wait_until(
        "the running app to open the chat window",
        nctray_e2e::PATIENCE,
        || {
            let shown = desktop.session.has_window("Talk — nctray");
            async move { shown }
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e:#}\n{}", app.logs()))?;

    // The command line still runs as a process of its own next to the tray app.
    let status = desktop
        .session
        .run_nctray(&["status", "--json"], None)
        .await?;
    status.success()?;
    app.ensure_running()?;
    Ok(())
}

/// A screenshot of the window from its top (`Webview::screenshot` waits for a fresh frame).
async fn settled_screenshot(window: &Webview, name: &str) -> Result<()> {
    window.script("window.scrollTo(0, 0);", vec![]).await?;
    window.screenshot(name).await?;
    Ok(())
}
