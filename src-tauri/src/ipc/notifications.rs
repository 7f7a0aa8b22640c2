//! The popover's notification commands.

use nctray_engine::nextcloud::Notification;
use tauri::State;

use super::{blocking, CommandResult};
use crate::session::Session;

/// The cached notifications, newest first (the tray's poll keeps them fresh).
#[tauri::command]
pub async fn notifications_list(session: State<'_, Session>) -> CommandResult<Vec<Notification>> {
    let engine = session.current()?;
    blocking(move || engine.cached_notifications()).await
}

/// Asks the server now (conditionally); pops nothing up, the tray's poll does that.
#[tauri::command]
pub async fn notifications_refresh(
    session: State<'_, Session>,
) -> CommandResult<Vec<Notification>> {
    let check = session.current()?.check_notifications().await?;
    Ok(check.notifications)
}

#[tauri::command]
pub async fn notification_dismiss(session: State<'_, Session>, id: i64) -> CommandResult<()> {
    Ok(session.current()?.dismiss_notification(id).await?)
}

#[tauri::command]
pub async fn notifications_dismiss_all(session: State<'_, Session>) -> CommandResult<()> {
    Ok(session.current()?.dismiss_all_notifications().await?)
}

/// Runs the action number `index` of notification `id` through Rust (the webview never
/// talks to the server); WEB actions are opened by the window with `open_link`.
#[tauri::command]
pub async fn notification_action(
    session: State<'_, Session>,
    id: i64,
    index: usize,
) -> CommandResult<()> {
    Ok(session
        .current()?
        .run_notification_action(id, index)
        .await?)
}
