//! The command line changes the status on the server, prints it, and fails clearly.

use anyhow::Result;
use nctray_e2e::Desktop;
use nctray_sim::Fault;

#[tokio::test(flavor = "multi_thread")]
async fn status_set_away_json_prints_the_new_status_and_sets_it_on_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let output = desktop
        .session
        .run_nctray(&["status", "set", "away", "--json"], None)
        .await?;
    let report = output.success()?.json()?;
    assert_eq!(report["status"], "away", "{output}");
    assert_eq!(
        desktop.status().as_deref(),
        Some("away"),
        "{}",
        desktop.describe_status()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn status_message_predefined_sets_that_message_on_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let args = ["status", "message", "--predefined", "meeting", "--json"];
    let output = desktop.session.run_nctray(&args, None).await?;
    let report = output.success()?.json()?;
    assert_eq!(report["message_id"], "meeting", "{output}");
    assert_eq!(
        desktop.message_id().as_deref(),
        Some("meeting"),
        "{}",
        desktop.describe_status()
    );

    let output = desktop
        .session
        .run_nctray(&["status", "message", "--clear"], None)
        .await?;
    output.success()?;
    assert_eq!(desktop.message_id(), None, "{}", desktop.describe_status());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn status_restore_brings_back_the_status_a_call_overwrote() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop
        .session
        .run_nctray(&["status", "set", "dnd"], None)
        .await?
        .success()?;
    assert!(desktop.control().start_call("admin"));

    let output = desktop
        .session
        .run_nctray(&["status", "--json"], None)
        .await?;
    let report = output.success()?.json()?;
    assert_eq!(report["status"], "busy", "{output}");
    assert_eq!(report["can_restore"], true, "{output}");

    let output = desktop
        .session
        .run_nctray(&["status", "restore", "--json"], None)
        .await?;
    let report = output.success()?.json()?;
    assert_eq!(report["status"], "dnd", "{output}");
    assert_eq!(report["can_restore"], false, "{output}");
    assert_eq!(
        desktop.status().as_deref(),
        Some("dnd"),
        "{}",
        desktop.describe_status()
    );
    assert_eq!(desktop.message_id(), None, "{}", desktop.describe_status());

    let output = desktop
        .session
        .run_nctray(&["status", "restore"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("no previous status"),
        "unclear error:\n{output}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn account_add_with_a_wrong_password_fails_clearly_and_keeps_nothing() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let server = desktop.sim.base_url();
    let output = desktop
        .session
        .run_account_add(&server, "admin", "not-the-app-password", &[])
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("did not accept these credentials"),
        "unclear error:\n{output}"
    );
    assert!(
        !desktop.session.config_file().exists(),
        "an account was saved anyway"
    );
    let search = desktop
        .session
        .run(
            "secret-tool",
            &["search", "--all", "service", "nctray"],
            None,
        )
        .await?;
    assert!(
        !search.stdout.contains("secret ="),
        "a password was kept anyway:\n{search}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_app_password_makes_status_commands_fail_clearly() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.control().set_fault(Fault::Unauthorized);
    let output = desktop
        .session
        .run_nctray(&["status", "set", "away", "--json"], None)
        .await?;
    output.failure()?;
    let report: serde_json::Value = serde_json::from_str(output.stderr.trim())
        .map_err(|error| anyhow::anyhow!("--json errors are not JSON ({error}):\n{output}"))?;
    assert_eq!(report["kind"], "unauthorized", "{output}");
    assert!(
        report["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{output}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_status_is_refused_without_asking_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.control().clear_requests();
    let output = desktop
        .session
        .run_nctray(&["status", "set", "sleepy"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("sleepy"),
        "the error does not name the value:\n{output}"
    );
    assert!(
        desktop.control().requests().is_empty(),
        "the server was asked anyway"
    );
    assert_eq!(desktop.status(), None, "{}", desktop.describe_status());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn status_without_an_account_says_how_to_add_one() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let output = desktop.session.run_nctray(&["status"], None).await?;
    output.failure()?;
    assert!(
        output.stderr.contains("nctray account add"),
        "unclear error:\n{output}"
    );
    Ok(())
}

/// Server text that would retitle the window, plant a hyperlink, clear the screen and flip
/// the text's direction, if a terminal got it raw.
const HOSTILE: &str =
    "\u{1b}]0;owned\u{7}\u{1b}]8;;https://evil.example/\u{1b}\\Team\u{1b}]8;;\u{1b}\\\u{1b}[2J\u{202E}x";

fn assert_inert(what: &str, text: &str, output: &impl std::fmt::Display) {
    assert!(
        !text.contains('\u{1b}'),
        "{what}: an ESC reached the terminal:\n{output}"
    );
    assert!(
        !text.contains('\u{202E}'),
        "{what}: a bidi override reached the terminal"
    );
    assert!(
        text.contains("Team"),
        "{what}: the readable part is shown:\n{output}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn server_text_reaches_the_terminal_without_escape_sequences() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let control = desktop.control();
    assert!(control.set_display_name("admin", HOSTILE));
    control
        .create_room("admin", 2, HOSTILE)
        .ok_or_else(|| anyhow::anyhow!("no room created"))?;
    let server = desktop.sim.base_url();
    let answer = reqwest::Client::new()
        .put(format!(
            "{server}/ocs/v2.php/apps/user_status/api/v1/user_status/message/custom"
        ))
        .basic_auth("admin", Some("admin-app-password"))
        .header("OCS-APIRequest", "true")
        .form(&[("message", HOSTILE)])
        .send()
        .await?;
    assert!(answer.status().is_success(), "{answer:?}");

    let added = desktop
        .session
        .run_account_add(&server, "admin", "admin-app-password", &[])
        .await?;
    added.success()?;
    assert_inert("display name", &added.stdout, &added);
    assert!(
        !added.stderr.contains("unencrypted"),
        "this machine is no network:\n{added}"
    );

    let status = desktop.session.run_nctray(&["status"], None).await?;
    status.success()?;
    assert_inert("status message", &status.stdout, &status);

    let rooms = desktop.session.run_nctray(&["talk", "rooms"], None).await?;
    rooms.success()?;
    assert_inert("room name", &rooms.stdout, &rooms);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn account_add_warns_that_plain_http_to_another_machine_is_unencrypted() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    // `.invalid` never resolves: the warning comes first, then the failure to reach it.
    let output = desktop
        .session
        .run_account_add(
            "http://cloud.nctray-test.invalid/nextcloud",
            "admin",
            "admin-app-password",
            &[],
        )
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("warning") && output.stderr.contains("unencrypted"),
        "no warning:\n{output}"
    );
    Ok(())
}
