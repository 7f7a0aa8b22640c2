//! The app password is kept in the Secret Service keyring and nowhere else.

use std::fs;

use anyhow::Result;
use nctray_e2e::{app_password, Desktop};

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
