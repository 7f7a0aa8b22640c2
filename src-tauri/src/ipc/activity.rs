//! The popover's activity commands: pages from the cache, paging from the server, search,
//! and the direct download of a file.

use nctray_engine::nextcloud::{Activity, ActivityFilter};
use tauri::State;

use super::{blocking, CommandResult};
use crate::links;
use crate::session::Session;

/// A page of cached activity, newest first, older than `before` when given.
#[tauri::command]
pub async fn activity_page(
    session: State<'_, Session>,
    filter: Option<String>,
    before: Option<i64>,
    limit: usize,
) -> CommandResult<Vec<Activity>> {
    let engine = session.current()?;
    blocking(move || engine.activity_page(filter.as_deref(), before, limit)).await
}

/// Fetches what is new since the last sync; returns how many entries arrived.
#[tauri::command]
pub async fn activity_load_newer(session: State<'_, Session>) -> CommandResult<usize> {
    Ok(session.current()?.sync_activity().await?)
}

/// Fetches the next older page from the server into the cache; 0 when there is none.
#[tauri::command]
pub async fn activity_load_older(session: State<'_, Session>) -> CommandResult<usize> {
    let engine = session.current()?;
    let cache = engine.clone();
    if !blocking(move || cache.has_older_activity()).await? {
        return Ok(0);
    }
    Ok(engine.load_older_activity().await?)
}

#[tauri::command]
pub async fn activity_filters(session: State<'_, Session>) -> CommandResult<Vec<ActivityFilter>> {
    Ok(session.current()?.activity_filters().await?)
}

/// The cached entries whose text matches, offline.
#[tauri::command]
pub async fn activity_search(
    session: State<'_, Session>,
    filter: Option<String>,
    text: String,
    limit: usize,
) -> CommandResult<Vec<Activity>> {
    let engine = session.current()?;
    blocking(move || engine.search_activity(filter.as_deref(), &text, limit)).await
}

/// Asks the server for a direct download link of the file and opens it in the browser.
#[tauri::command]
pub async fn activity_download(session: State<'_, Session>, file_id: i64) -> CommandResult<()> {
    let engine = session.current()?;
    let url = engine
        .client()
        .dav()
        .direct_download(file_id)
        .await
        .map_err(nctray_engine::Error::from)?;
    links::open_in_browser(url.as_str())
}
