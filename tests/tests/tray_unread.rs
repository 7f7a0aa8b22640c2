//! What waits shows in the tray, as a desktop shell reads it over D-Bus: a mark on the icon
//! while a Talk mention is unread, a line that says how many, and one section per account.

use anyhow::{ensure, Context, Result};
use nctray_e2e::{app_password, wait_until_some, Desktop, MenuItem, Tray, TrayIcon, PATIENCE};
use nctray_sim::{NewNotification, Sim, SimConfig};

/// How the first line of the menu ends while one mention waits (after the notifications).
const ONE_MENTION: &str = "1 mention in Talk";

/// Whether the first line of the menu counts a waiting mention.
fn says_mention(items: &[MenuItem]) -> bool {
    items
        .first()
        .is_some_and(|i| i.label.ends_with(ONE_MENTION))
}

/// Whether the icon has the unread mark: the red dot in its top-right corner (`with_mark` in
/// crates/daemon/src/tray/icon.rs), read at the dot's centre.
fn carries_mark(icon: &TrayIcon) -> bool {
    let (width, height) = (icon.width as f32, icon.height as f32);
    let radius = width.min(height) * 0.2;
    let (x, y) = ((width - radius - 1.0) as usize, (radius + 1.0) as usize);
    icon.pixel(x, y) == Some([0xe9, 0x32, 0x2d, 0xff])
}

/// Waits until the tray's icon, as D-Bus shows it, passes `check`.
async fn icon_becomes(tray: &Tray, what: &str, check: impl Fn(&TrayIcon) -> bool) -> Result<()> {
    let waited = wait_until_some(what, PATIENCE, || async {
        let icon = tray.icon().await.ok()?;
        check(&icon).then_some(())
    })
    .await;
    match waited {
        Ok(()) => Ok(()),
        Err(error) => {
            let items = tray.visible_items().await.unwrap_or_default();
            Err(error.context(format!("the menu then: {items:#?}")))
        }
    }
}

/// Marks the room read on the server, as Talk in the browser does when the person reads it.
async fn read_on_the_server(sim: &Sim, user: &str, token: &str) -> Result<()> {
    let url = format!(
        "{}/ocs/v2.php/apps/spreed/api/v1/chat/{token}/read",
        sim.base_url()
    );
    let answer = reqwest::Client::new()
        .post(url)
        .basic_auth(user, Some(app_password(user)))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
        .send()
        .await
        .context("marking the room read")?;
    ensure!(answer.status().is_success(), "{}", answer.status());
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mention_marks_the_tray_icon_and_says_so_until_the_room_is_read() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let token = desktop
        .control()
        .create_room("bob", 2, "Team")
        .context("room")?;
    ensure!(desktop.control().add_room_participant(&token, "admin"));
    let (app, tray) = desktop.start_tray().await?;
    // The menu shows the server's status first: the icon is then the status's own.
    tray.wait_for_label("📅 In a meeting", PATIENCE).await?;
    // The status's own icon changes as the status does: the test looks for the mark itself.
    icon_becomes(
        &tray,
        "the icon without a mark before any mention",
        |icon| !carries_mark(icon),
    )
    .await?;
    ensure!(!says_mention(&tray.visible_items().await?));

    desktop
        .control()
        .post_chat_message("bob", &token, "Lunch at noon, @admin?");
    tray.wait_for_menu("the mention in the first line", says_mention, PATIENCE)
        .await?;
    // The icon is set apart from the menu: it may follow a moment later.
    icon_becomes(&tray, "the icon with the mark", carries_mark).await?;

    read_on_the_server(&desktop.sim, "admin", &token).await?;
    tray.wait_for_menu(
        "the mention gone from the menu",
        |items| !says_mention(items),
        PATIENCE,
    )
    .await?;
    icon_becomes(&tray, "the icon without the mark", |icon| {
        !carries_mark(icon)
    })
    .await?;
    app.ensure_running()
}

#[tokio::test(flavor = "multi_thread")]
async fn with_two_accounts_the_menu_has_a_section_for_each_and_popups_name_their_account(
) -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let second = Sim::start(SimConfig::default()).await?;
    desktop
        .session
        .add_account(&second.base_url(), "bob", &app_password("bob"))
        .await?;
    let (app, tray) = desktop.start_tray().await?;
    let admin = format!("admin@{}", desktop.sim.base_url());
    let bob = format!("bob@{}", second.base_url());
    let what = "a status line for each account";
    tray.wait_for_menu(
        what,
        |items| {
            [&admin, &bob].iter().all(|key| {
                items
                    .iter()
                    .any(|i| i.label.starts_with(&format!("{key}: ")))
            })
        },
        PATIENCE,
    )
    .await?;

    second
        .control()
        .inject_notification(NewNotification::new("bob", "Carol shared a file"));
    let popup = desktop
        .notifications
        .wait_for(
            "bob's popup",
            |n| n.summary == "Carol shared a file",
            PATIENCE,
        )
        .await?;
    assert!(popup.app_name.ends_with(&bob), "{}", popup.app_name);
    app.ensure_running()
}
