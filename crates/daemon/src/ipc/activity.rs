//! The popover's activity commands: pages from the cache, paging from the server, search,
//! and the direct download of a file.

use crate::app::App;
use nctray_engine::accounts::Accounts;
use nctray_engine::blocking;
use nctray_engine::{filter_choices, ActivityFilterChoice, ActivityView};

use super::CommandResult;
use crate::links;

/// A page of cached activity, newest first, older than `before` when given.
pub async fn activity_page(
    app: &App,
    filter: Option<String>,
    before: Option<i64>,
    limit: usize,
) -> CommandResult<Vec<ActivityView>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let page = blocking(move || engine.activity().page(filter.as_deref(), before, limit)).await?;
    Ok(page.iter().map(ActivityView::from).collect())
}

/// Fetches what is new since the last sync; returns how many entries arrived.
pub async fn activity_load_newer(app: &App) -> CommandResult<usize> {
    let session = app.state::<Accounts>();
    Ok(session.current()?.activity().sync().await?)
}

/// Fetches the next older page from the server into the cache; 0 when there is none.
pub async fn activity_load_older(app: &App) -> CommandResult<usize> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let cache = engine.clone();
    if !blocking(move || cache.activity().has_older()).await? {
        return Ok(0);
    }
    Ok(engine.activity().load_older().await?)
}

/// The filters the popover offers, best first.
pub async fn activity_filters(app: &App) -> CommandResult<Vec<ActivityFilterChoice>> {
    let session = app.state::<Accounts>();
    Ok(filter_choices(
        &session.current()?.activity().filters().await?,
    ))
}

/// The cached entries whose text matches, offline.
pub async fn activity_search(
    app: &App,
    filter: Option<String>,
    text: String,
    limit: usize,
) -> CommandResult<Vec<ActivityView>> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let found = blocking(move || engine.activity().search(filter.as_deref(), &text, limit)).await?;
    Ok(found.iter().map(ActivityView::from).collect())
}

/// Asks the server for a direct download link of the file and opens it in the browser.
pub async fn activity_download(app: &App, file_id: i64) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    let engine = session.current()?;
    let url = engine
        .client()
        .dav()
        .direct_download(file_id)
        .await
        .map_err(nctray_engine::Error::from)?;
    links::open_in_browser(url.as_str())
}
