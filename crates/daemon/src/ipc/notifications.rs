//! The popover's notification commands.

use crate::app::App;
use nctray_engine::accounts::Accounts;
use nctray_engine::blocking;
use nctray_engine::NotificationView;

use super::CommandResult;

/// The cached notifications, newest first (the tray's poll keeps them fresh).
pub async fn notifications_list(app: &App) -> CommandResult<Vec<NotificationView>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let cached = blocking(move || engine.notifications().cached()).await?;
    Ok(cached.iter().map(NotificationView::from).collect())
}

/// Asks the server now (conditionally); pops nothing up, the tray's poll does that.
pub async fn notifications_refresh(app: &App) -> CommandResult<Vec<NotificationView>> {
    let session = app.state::<Accounts>();
    let check = session.current()?.notifications().check().await?;
    Ok(check
        .notifications
        .iter()
        .map(NotificationView::from)
        .collect())
}

pub async fn notification_dismiss(app: &App, id: i64) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.notifications().dismiss(id).await?)
}

pub async fn notifications_dismiss_all(app: &App) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.notifications().dismiss_all().await?)
}

/// Runs the action number `index` of notification `id` through Rust (the webview never
/// talks to the server); WEB actions are opened by the window with `open_link`.
pub async fn notification_action(app: &App, id: i64, index: usize) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    Ok(session
        .current()?
        .notifications()
        .run_action(id, index)
        .await?)
}
