//! The status editor's commands: status, messages, presets, restore; and who is signed in.

use crate::app::App;
use nctray_engine::accounts::Accounts;
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{blocking, ErrorKind};
use nctray_engine::{NewCustomMessage, StatusPreset, StatusView, UserMetadata};

use super::CommandResult;
use crate::ui_events::announce_status;

/// The status as cached, or fetched when nothing is cached yet.
pub async fn status_get(app: &App) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let cache = engine.clone();
    let snapshot = match blocking(move || cache.status().cached()).await? {
        Some(snapshot) => snapshot,
        None => engine.status().refresh().await?,
    };
    Ok(StatusView::from(&snapshot))
}

pub async fn status_refresh(app: &App) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().refresh().await?;
    Ok(announce_status(app, snapshot))
}

pub async fn status_set(app: &App, status: StatusType) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().set(status).await?;
    Ok(announce_status(app, snapshot))
}

pub async fn status_set_predefined(app: &App, id: String) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().set_predefined(&id).await?;
    Ok(announce_status(app, snapshot))
}

/// A custom message; its clear-after ends in the desktop's time zone.
pub async fn status_set_custom(app: &App, message: NewCustomMessage) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let message = message.at(&chrono::Local::now());
    let snapshot = session.current()?.status().set_custom(&message).await?;
    Ok(announce_status(app, snapshot))
}

pub async fn status_clear_message(app: &App) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().clear_message().await?;
    Ok(announce_status(app, snapshot))
}

pub async fn status_restore(app: &App) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().restore().await?;
    Ok(announce_status(app, snapshot))
}

pub async fn presets_list(app: &App) -> CommandResult<Vec<StatusPreset>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    blocking(move || engine.status().presets()).await
}

/// Saves a preset, replacing one of the same name.
pub async fn preset_save(app: &App, preset: StatusPreset) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    blocking(move || engine.status().save_preset(&preset)).await
}

pub async fn preset_remove(app: &App, name: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    blocking(move || engine.status().remove_preset(&name)).await
}

pub async fn preset_apply(app: &App, name: String) -> CommandResult<StatusView> {
    let session = app.state::<Accounts>();
    let snapshot = session.current()?.status().apply_preset(&name).await?;
    Ok(announce_status(app, snapshot))
}

/// Display name and quota, asked from the server when a window opens (a rename or a new
/// quota shows at once); the cached copy when the server cannot be reached.
pub async fn user_get(app: &App) -> CommandResult<UserMetadata> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    match engine.refresh_user().await {
        Ok(user) => {
            // The person may just have changed their language in Nextcloud.
            if session.is_primary(&engine.account().key()) {
                crate::language_change::follow_user(app, Some((&user).into()));
            }
            Ok(user)
        }
        Err(error) => match blocking(move || engine.cached_user()).await? {
            Some(user) if error.kind() != ErrorKind::Unauthorized => Ok(user),
            _ => Err(error.into()),
        },
    }
}
