//! The tray speaks its user's language: the desktop's without an account, the Nextcloud
//! user's once signed in, and the server is asked for texts in the same language.

use anyhow::Result;
use nctray_e2e::{Desktop, PATIENCE};
use nctray_sim::NewNotification;

#[tokio::test(flavor = "multi_thread")]
async fn the_signed_out_tray_menu_is_german_on_a_german_desktop() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let (app, tray) = desktop
        .start_tray_with_env(&[("LANG", "de_DE.UTF-8")])
        .await?;
    tray.wait_for_label("Anmelden …", PATIENCE).await?;
    assert_eq!(
        tray.visible_labels().await?,
        ["Anmelden …", "Demo ausprobieren", "Beenden"]
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_signed_out_tray_menu_is_english_in_the_c_locale() -> Result<()> {
    let desktop = Desktop::signed_out().await?;
    let (app, tray) = desktop.start_tray_with_env(&[("LANG", "C")]).await?;
    tray.wait_for_label("Sign in…", PATIENCE).await?;
    assert_eq!(
        tray.visible_labels().await?,
        ["Sign in…", "Try the demo", "Quit"]
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_nextcloud_users_language_wins_over_the_desktops_and_reaches_the_server() -> Result<()>
{
    let desktop = Desktop::signed_in_as("admin").await?;
    // Changed on the server after sign-in: the tray learns it from cloud/user when it starts.
    assert!(desktop.control().set_language("admin", "de", "de_CH"));
    desktop.control().clear_requests();
    let (app, tray) = desktop.start_tray_with_env(&[("LANG", "C")]).await?;

    for label in ["Abwesend", "Nicht stören", "Unsichtbar", "Beenden"] {
        tray.wait_for_label(label, PATIENCE).await?;
    }
    // Every request after the switch asks for German; none asks for anything else.
    let sent: Vec<Option<String>> = desktop
        .control()
        .requests()
        .into_iter()
        .map(|request| request.accept_language)
        .collect();
    assert!(
        sent.iter()
            .any(|value| value.as_deref() == Some("de, en;q=0.5")),
        "{sent:?}"
    );
    assert!(
        sent.iter()
            .flatten()
            .all(|value| value == "en" || value == "de, en;q=0.5"),
        "{sent:?}"
    );
    app.ensure_running()?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn five_waiting_notifications_pop_up_as_one_polish_summary_with_the_many_form() -> Result<()>
{
    let desktop = Desktop::signed_in_as("admin").await?;
    // The settings' choice wins over the user's language (English on the simulator).
    desktop.session.set_config("language", "pl".into())?;
    for n in 1..=5 {
        desktop
            .control()
            .inject_notification(NewNotification::new("admin", format!("Plik {n}")));
    }
    let (app, _tray) = desktop.start_tray().await?;
    let summary = "5 nowych powiadomień";
    desktop
        .notifications
        .wait_for(summary, |n| n.summary == summary, PATIENCE)
        .await
        .map_err(|error| error.context(app.logs()))?;
    app.ensure_running()?;
    Ok(())
}
