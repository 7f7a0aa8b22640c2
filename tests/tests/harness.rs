//! The harness itself, without the app: each test's session has its own bus, an unlocked
//! keyring and the recording notification server, and nothing leaks to the machine's daemons.

use anyhow::Result;
use futures_util::StreamExt;
use nctray_e2e::{NotificationServer, Session, PATIENCE};
use std::collections::HashMap;
use std::process::Command;
use std::time::Duration;
use zbus::zvariant::Value;

#[tokio::test(flavor = "multi_thread")]
async fn a_session_has_its_own_bus_with_the_recording_notification_server() -> Result<()> {
    let session = Session::start().await?;
    assert_ne!(
        std::env::var("DBUS_SESSION_BUS_ADDRESS").ok().as_deref(),
        Some(session.bus_address()),
        "the session must not use the machine's bus"
    );
    let server = NotificationServer::start(&session).await?;

    let client = session.connect().await?;
    let proxy = zbus::Proxy::new(
        &client,
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        "org.freedesktop.Notifications",
    )
    .await?;
    let capabilities: Vec<String> = proxy.call("GetCapabilities", &()).await?;
    assert_eq!(capabilities, ["actions", "body"]);

    let mut actions = proxy.receive_signal("ActionInvoked").await?;
    let hints = HashMap::from([("urgency", Value::U8(1))]);
    let actions_offered = vec!["default", "Open"];
    let id: u32 = proxy
        .call(
            "Notify",
            &(
                "someapp",
                0u32,
                "",
                "The summary",
                "The body",
                actions_offered,
                hints,
                -1i32,
            ),
        )
        .await?;
    let recorded = server
        .wait_for("the Notify call", |n| n.summary == "The summary", PATIENCE)
        .await?;
    assert_eq!(recorded.id, id);
    assert_eq!(recorded.app_name, "someapp");
    assert_eq!(recorded.body, "The body");
    assert_eq!(recorded.actions, ["default", "Open"]);
    assert_eq!(
        recorded.hints.get("urgency").map(String::as_str),
        Some("byte 0x01")
    );

    server.invoke_action(id, "default").await?;
    let signal = tokio::time::timeout(PATIENCE, actions.next())
        .await?
        .expect("a signal");
    let (signal_id, key): (u32, String) = signal.body().deserialize()?;
    assert_eq!((signal_id, key.as_str()), (id, "default"));

    let () = proxy.call("CloseNotification", &(id,)).await?;
    assert_eq!(server.closed_by_client(), [id]);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_has_an_unlocked_keyring_of_its_own() -> Result<()> {
    let first = Session::start().await?;
    let second = Session::start().await?;
    let attributes = ["service", "nctray-e2e-self-check", "username", "someone"];
    let store: Vec<&str> = ["store", "--label=self-check"]
        .into_iter()
        .chain(attributes)
        .collect();
    first
        .run("secret-tool", &store, Some("s3cret"))
        .await?
        .success()?;

    let lookup: Vec<&str> = ["lookup"].into_iter().chain(attributes).collect();
    let found = first.run("secret-tool", &lookup, None).await?;
    assert_eq!(found.success()?.stdout.trim(), "s3cret");
    let elsewhere = second.run("secret-tool", &lookup, None).await?;
    assert!(
        elsewhere.stdout.is_empty(),
        "keyrings leak between sessions:\n{elsewhere}"
    );
    Ok(())
}

/// A hung test, run only by the next one.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "it hangs on purpose: the watchdog's test runs it"]
async fn hangs() -> Result<()> {
    let _session = Session::start().await?;
    tokio::time::sleep(Duration::from_secs(600)).await;
    Ok(())
}

#[test]
fn a_hung_test_ends_its_binary_with_a_message_naming_it_and_its_session() -> Result<()> {
    let run = Command::new(std::env::current_exe()?)
        .args(["--ignored", "--exact", "hangs", "--nocapture"])
        .env("NCTRAY_E2E_TEST_LIMIT_SECS", "2")
        .output()?;
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("hangs still runs after 2s: it hangs. Its session is /"),
        "{stderr}"
    );
    Ok(())
}
