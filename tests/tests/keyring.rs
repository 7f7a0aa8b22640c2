//! The app password is kept in the Secret Service keyring and nowhere else.

use std::fs;
use std::time::Duration;

use anyhow::{ensure, Result};
use nctray_e2e::{app_password, Desktop, PATIENCE};

const LOCKED_LINE: &str = "The keyring is locked: sync waits for it";
const LOCKED_ERROR: &str =
    "nctray: the keyring is locked: unlock it (log in to the desktop session) and try again\n";
/// How often the tray under test asks a locked keyring again.
const RETRY_SECS: u64 = 2;

#[tokio::test(flavor = "multi_thread")]
async fn the_app_password_lives_only_in_the_keyring() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let password = app_password("admin");
    // Let the app use the account, so that its cache is written too.
    desktop
        .session
        .run_nctray(&["status"], None)
        .await?
        .success()?;

    let search = ["search", "--all", "service", "nctray"];
    let found = desktop.session.run("secret-tool", &search, None).await?;
    let listing = format!("{}{}", found.stdout, found.stderr);
    assert!(
        listing.contains(&format!("secret = {password}")),
        "not in the keyring:\n{found}"
    );
    assert!(
        listing.contains(&format!("attribute.username = {}", desktop.account_key())),
        "the keyring entry is not named after the account:\n{found}"
    );

    let config: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(desktop.session.config_file())?)?;
    assert_eq!(
        config["accounts"][0]["server"],
        desktop.sim.base_url().as_str()
    );
    assert_eq!(config["accounts"][0]["login_name"], "admin");
    let leaks = desktop.session.files_containing(&password)?;
    assert!(leaks.is_empty(), "the app password is written in {leaks:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_locked_keyring_leaves_the_tray_waiting_with_unlock_and_the_sync_starts_once_it_opens(
) -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.session.lock_keyring().await?;
    let before = desktop.requests_of_user();
    let retry = RETRY_SECS.to_string();
    let (app, tray) = desktop
        .start_tray_with_env(&[("NCTRAY_KEYRING_RETRY_SECS", retry.as_str())])
        .await?;

    let line = tray.wait_for_label(LOCKED_LINE, PATIENCE).await?;
    assert!(
        !line.enabled,
        "the locked line is a statement, not a choice"
    );
    let unlock = tray.wait_for_label("Unlock", PATIENCE).await?;
    assert!(unlock.enabled);
    // Several retries later: still waiting, still running, nothing sent for the account.
    tokio::time::sleep(Duration::from_secs(3 * RETRY_SECS)).await;
    app.ensure_running()?;
    assert!(tray.item(LOCKED_LINE).await?.is_some());
    assert_eq!(
        desktop.requests_of_user(),
        before,
        "requests sent while locked"
    );

    // "Unlock" asks the Secret Service, which has no prompter here: the tray stays as it is.
    tray.click("Unlock").await?;
    tokio::time::sleep(Duration::from_secs(RETRY_SECS)).await;
    app.ensure_running()?;
    assert!(tray.item(LOCKED_LINE).await?.is_some());

    desktop.session.unlock_keyring().await?;
    let within = PATIENCE + Duration::from_secs(RETRY_SECS);
    tray.wait_until_gone(LOCKED_LINE, within).await?;
    tray.wait_for_label("Online", PATIENCE).await?;
    desktop.wait_for_polls(0, 1, &app).await?;
    ensure!(
        desktop.requests_of_user() > before,
        "no request after the unlock"
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_command_line_says_in_one_line_that_the_keyring_is_locked() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.session.lock_keyring().await?;
    let before = desktop.requests_of_user();

    let status = desktop.session.run_nctray(&["status"], None).await?;
    status.failure()?;
    assert_eq!(status.stderr, LOCKED_ERROR, "{status}");
    assert_eq!(desktop.requests_of_user(), before);
    // The list of accounts still knows the password is there, without unlocking.
    let accounts = desktop.session.run_nctray(&["accounts"], None).await?;
    accounts.success()?;
    assert!(
        accounts.stdout.contains("app password in the keyring"),
        "{accounts}"
    );

    desktop.session.unlock_keyring().await?;
    desktop
        .session
        .run_nctray(&["status"], None)
        .await?
        .success()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_secret_service_the_command_line_says_the_keyring_cannot_be_reached() -> Result<()>
{
    let desktop = Desktop::signed_in_as("admin").await?;
    let mut status = desktop.session.nctray()?;
    let no_bus = format!(
        "unix:path={}",
        desktop.session.root().join("no-bus").display()
    );
    status.arg("status").env("DBUS_SESSION_BUS_ADDRESS", no_bus);
    let output = tokio::task::spawn_blocking(move || status.output()).await??;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.starts_with("nctray: the keyring cannot be reached (is a Secret Service such as gnome-keyring running?)"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    Ok(())
}
