//! The status editor's commands: status, messages, presets, restore; and who is signed in.

use nctray_engine::nextcloud::{CustomMessage, StatusType};
use nctray_engine::{StatusPreset, StatusSnapshot, UserMetadata};
use tauri::{AppHandle, State};

use super::{blocking, CommandResult};
use crate::session::Session;
use crate::ui_events::announce_status;

/// The status as cached, or fetched when nothing is cached yet.
#[tauri::command]
pub async fn status_get(session: State<'_, Session>) -> CommandResult<StatusSnapshot> {
    let engine = session.current()?;
    let cache = engine.clone();
    match blocking(move || cache.cached_status()).await? {
        Some(snapshot) => Ok(snapshot),
        None => Ok(engine.refresh_status().await?),
    }
}

#[tauri::command]
pub async fn status_refresh(
    app: AppHandle,
    session: State<'_, Session>,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.refresh_status().await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn status_set(
    app: AppHandle,
    session: State<'_, Session>,
    status: StatusType,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.set_status(status).await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn status_set_predefined(
    app: AppHandle,
    session: State<'_, Session>,
    id: String,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.set_predefined_message(&id).await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn status_set_custom(
    app: AppHandle,
    session: State<'_, Session>,
    message: CustomMessage,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.set_custom_message(&message).await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn status_clear_message(
    app: AppHandle,
    session: State<'_, Session>,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.clear_message().await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn status_restore(
    app: AppHandle,
    session: State<'_, Session>,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.restore_previous_status().await?;
    Ok(announce_status(&app, snapshot))
}

#[tauri::command]
pub async fn presets_list(session: State<'_, Session>) -> CommandResult<Vec<StatusPreset>> {
    let engine = session.current()?;
    blocking(move || engine.presets()).await
}

/// Saves a preset, replacing one of the same name.
#[tauri::command]
pub async fn preset_save(session: State<'_, Session>, preset: StatusPreset) -> CommandResult<()> {
    let engine = session.current()?;
    blocking(move || engine.save_preset(&preset)).await
}

#[tauri::command]
pub async fn preset_remove(session: State<'_, Session>, name: String) -> CommandResult<()> {
    let engine = session.current()?;
    blocking(move || engine.remove_preset(&name)).await
}

#[tauri::command]
pub async fn preset_apply(
    app: AppHandle,
    session: State<'_, Session>,
    name: String,
) -> CommandResult<StatusSnapshot> {
    let snapshot = session.current()?.apply_preset(&name).await?;
    Ok(announce_status(&app, snapshot))
}

/// Display name and quota, asked from the server when a window opens (a rename or a new
/// quota shows at once); the cached copy when the server cannot be reached.
#[tauri::command]
pub async fn user_get(app: AppHandle, session: State<'_, Session>) -> CommandResult<UserMetadata> {
    let engine = session.current()?;
    match engine.refresh_user().await {
        Ok(user) => {
            // The person may just have changed their language in Nextcloud.
            if session.is_primary(&engine.account().key()) {
                crate::language_change::follow_user(&app, Some((&user).into()));
            }
            Ok(user)
        }
        Err(error) => match blocking(move || engine.cached_user()).await? {
            Some(user) if !matches!(error.kind(), "unauthorized") => Ok(user),
            _ => Err(error.into()),
        },
    }
}
