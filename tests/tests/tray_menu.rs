//! The tray menu, clicked the way a desktop shell clicks it (com.canonical.dbusmenu), changes
//! the status on the server and shows what the server has.

use anyhow::Result;
use nctray_e2e::{Desktop, MenuItem, Tray, PATIENCE};

const STATUS_LABELS: [&str; 5] = ["Online", "Away", "Do not disturb", "Invisible", "Offline"];
const MEETING: &str = "📅 In a meeting";
const RESTORE: &str = "Restore previous status";

/// Whether exactly the status item `label` is checked.
fn only_checked(items: &[MenuItem], label: &str) -> bool {
    STATUS_LABELS.iter().all(|status| {
        let checked = items
            .iter()
            .any(|item| item.label == *status && item.is_checked());
        checked == (*status == label)
    })
}

/// Waits until the menu shows what the server has (its predefined messages are listed only
/// then), so that clicks go to the menu that stays.
async fn wait_for_the_server_in_the_menu(tray: &Tray) -> Result<()> {
    tray.wait_for_label(MEETING, PATIENCE).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_a_status_in_the_tray_menu_changes_it_on_the_server() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, tray) = desktop.start_tray().await?;
    wait_for_the_server_in_the_menu(&tray).await?;

    for (label, status) in [("Away", "away"), ("Do not disturb", "dnd")] {
        let on_server = || async { desktop.status().as_deref() == Some(status) };
        tray.choose(label, on_server, PATIENCE).await?;
        let what = format!("only {label:?} to be checked");
        tray.wait_for_menu(&what, |items| only_checked(items, label), PATIENCE)
            .await?;
    }
    assert_eq!(
        desktop.status().as_deref(),
        Some("dnd"),
        "{}",
        desktop.describe_status()
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn restore_previous_status_appears_with_a_backup_and_restores_it() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let (app, tray) = desktop.start_tray().await?;
    wait_for_the_server_in_the_menu(&tray).await?;
    let away = || async { desktop.status().as_deref() == Some("away") };
    tray.choose("Away", away, PATIENCE).await?;
    let in_a_meeting = || async { desktop.message_id().as_deref() == Some("meeting") };
    tray.choose(MEETING, in_a_meeting, PATIENCE).await?;
    assert!(
        tray.item(RESTORE).await?.is_none(),
        "{RESTORE:?} shown without a backup"
    );

    assert!(desktop.control().start_call("admin"));
    assert_eq!(
        desktop.status().as_deref(),
        Some("busy"),
        "{}",
        desktop.describe_status()
    );
    tray.wait_for_label(RESTORE, PATIENCE).await?;

    let restored = || async {
        desktop.status().as_deref() == Some("away")
            && desktop.message_id().as_deref() == Some("meeting")
    };
    tray.choose(RESTORE, restored, PATIENCE).await?;
    tray.wait_until_gone(RESTORE, PATIENCE).await?;
    tray.wait_for_menu(
        "only \"Away\" to be checked",
        |items| only_checked(items, "Away"),
        PATIENCE,
    )
    .await?;
    app.ensure_running()?;
    Ok(())
}
