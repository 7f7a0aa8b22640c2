//! The activity stream: catching up with `since` and `Link` paging, scrolling back, the
//! server's filters, and the pages the windows read from the cache
//! (`store::activities` keeps them).
//!
//! The first sync of an account fetches the newest page only. Every later sync asks for what
//! came after the newest id read (`since`, `sort=asc`) and follows `Link: rel="next"` until the
//! server has nothing more; when nothing happened that is one conditional request answered
//! 304. Older entries are fetched only when the user scrolls back
//! ([`ActivityStream::load_older`]). Every request asks for `previews`, which the windows
//! show next to files entries (they are cached with the entry).

mod view;

use nextcloud::{Activity, ActivityFilter, ActivityQuery, Page, Sort};

use crate::engine::unix_now;
use crate::store::activities::{self, Cursor, Scope};
use crate::{Error, Result};

pub use view::{filter_choices, ActivityFile, ActivityFilterChoice, ActivityPreview, ActivityView};

/// Entries asked for per request (the server's default).
const PAGE_SIZE: u32 = 50;
/// Catch-up pages one sync follows at most; the next sync continues where this one stopped,
/// so an account that was offline for long catches up in steps instead of in one burst.
const MAX_PAGES_PER_SYNC: usize = 20;
/// How long the cached filter list is used before it is asked for again.
const FILTERS_MAX_AGE_SECS: i64 = 24 * 60 * 60;

handler!(
    /// The activity stream of one account's engine.
    ActivityStream,
    activity
);

impl ActivityStream<'_> {
    /// Brings the cached stream up to date and returns how many entries were new.
    ///
    /// The supervisor calls this on every activity poll and on `notify_activity`. It costs one
    /// request when nothing happened (304), one more per further page of new entries.
    /// A user who turned every activity type off (204) has nothing to sync: `Ok(0)`.
    pub async fn sync(self) -> Result<usize> {
        let _turn = self.activity_turn.lock().await;
        self.sync_activity_in_turn().await
    }

    async fn sync_activity_in_turn(self) -> Result<usize> {
        self.learn_user_id().await?;
        let key = self.account().key();
        let cursor = self.locked(|s| activities::cursor(s.conn(), &key))?;
        let synced = match cursor.newest_id {
            None => self.fetch_newest_activity(cursor).await,
            Some(newest) => self.catch_up_activity(cursor, newest).await,
        };
        match synced {
            Err(Error::Server(nextcloud::Error::NoContent)) => Ok(0),
            other => other,
        }
    }

    /// The first sync (or one after the server forgot our `since`): the newest page only.
    async fn fetch_newest_activity(self, mut cursor: Cursor) -> Result<usize> {
        let query = ActivityQuery::new().limit(PAGE_SIZE).previews(true);
        let answer = self
            .client()
            .activity()
            .list(&query, cursor.etag.as_deref())
            .await?;
        cursor.etag = answer.etag;
        let Some(page) = answer.value else {
            // 304: the stream is empty, or unchanged since the ETag was given.
            self.save_activity_cursor(&cursor)?;
            return Ok(0);
        };
        let (newest_read, oldest_read) = id_range(&page.items);
        cursor.newest_id = page.first_known.or(newest_read).or(cursor.newest_id);
        cursor.oldest_id = page.last_given.or(oldest_read).or(cursor.oldest_id);
        cursor.reached_end = !page.has_next();
        self.store_activity_page(&page.items, &cursor)
    }

    /// Everything after `newest`, oldest first, page by page.
    async fn catch_up_activity(self, mut cursor: Cursor, newest: i64) -> Result<usize> {
        let query = ActivityQuery::new()
            .since(newest)
            .sort(Sort::Asc)
            .limit(PAGE_SIZE)
            .previews(true);
        let api = self.client().activity();
        let answer = match api.list(&query, cursor.etag.as_deref()).await {
            // `since` is not one of this user's activities: start over from the newest page.
            Err(nextcloud::Error::Invalid {
                statuscode: 403, ..
            }) => return self.fetch_newest_activity(Cursor::default()).await,
            other => other?,
        };
        cursor.etag = answer.etag;
        let Some(mut page) = answer.value else {
            self.save_activity_cursor(&cursor)?;
            return Ok(0);
        };
        if page.first_known.is_some() {
            // The server only names the first id when it does not know `since` (expired):
            // this page starts at the oldest activity there is. Start over from the newest.
            tracing::info!(since = newest, "the server forgot the activity cursor");
            let restart = Cursor {
                oldest_id: None,
                ..Cursor::default()
            };
            return self.fetch_newest_activity(restart).await;
        }
        let mut new = 0;
        for pages in 1.. {
            let (newest_read, _) = id_range(&page.items);
            cursor.newest_id = page.last_given.or(newest_read).or(cursor.newest_id);
            new += self.store_activity_page(&page.items, &cursor)?;
            if pages >= MAX_PAGES_PER_SYNC {
                break;
            }
            // The page after a full one; `None` when the server answers 304 (nothing more).
            match page.next_page(self.client()).await? {
                Some(next) => page = next,
                None => break,
            }
        }
        Ok(new)
    }

    /// Fetches the page before the oldest cached entry, for scrolling back. Returns how many
    /// entries were new; 0 once the beginning of the stream is cached (then no request is
    /// made).
    pub async fn load_older(self) -> Result<usize> {
        let _turn = self.activity_turn.lock().await;
        let key = self.account().key();
        let mut cursor = self.locked(|s| activities::cursor(s.conn(), &key))?;
        let Some(oldest) = cursor.oldest_id else {
            // Nothing cached yet: the first sync fetches the newest page.
            return self.sync_activity_in_turn().await;
        };
        if cursor.reached_end {
            return Ok(0);
        }
        let query = ActivityQuery::new()
            .since(oldest)
            .limit(PAGE_SIZE)
            .previews(true);
        let answer = match self.client().activity().list(&query, None).await {
            Err(nextcloud::Error::NoContent) => return Ok(0),
            other => other?,
        };
        let page: Page<Activity> = match answer.value {
            // Not known any more (expired): nothing older is left on the server either.
            Some(page) if page.first_known.is_none() => page,
            _ => {
                cursor.reached_end = true;
                self.save_activity_cursor(&cursor)?;
                return Ok(0);
            }
        };
        let (_, oldest_read) = id_range(&page.items);
        cursor.oldest_id = page.last_given.or(oldest_read).or(cursor.oldest_id);
        cursor.reached_end = !page.has_next();
        self.store_activity_page(&page.items, &cursor)
    }

    /// Up to `limit` cached entries, newest first, older than the activity id `before` when
    /// given (pass the last id of the previous page), through the server filter `filter` (an
    /// id from [`ActivityStream::filters`]; `None` = all). Reads only the cache.
    pub fn page(
        &self,
        filter: Option<&str>,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Activity>> {
        let key = self.account().key();
        self.locked(|s| {
            let scope = self.activity_scope(s.conn(), filter)?;
            activities::page(s.conn(), &key, &scope, before, limit)
        })
    }

    /// The cached entries through `filter` whose text matches `text`, newest first.
    pub fn search(&self, filter: Option<&str>, text: &str, limit: usize) -> Result<Vec<Activity>> {
        let key = self.account().key();
        self.locked(|s| {
            let scope = self.activity_scope(s.conn(), filter)?;
            activities::search(s.conn(), &key, &scope, text, limit)
        })
    }

    /// Whether older entries than the cached ones may exist on the server.
    pub fn has_older(self) -> Result<bool> {
        let key = self.account().key();
        let cursor = self.locked(|s| activities::cursor(s.conn(), &key))?;
        Ok(!cursor.reached_end)
    }

    /// The server's activity filters: the cached list while it is younger than a day, else
    /// asked for again. Without network the cached list is returned however old.
    pub async fn filters(self) -> Result<Vec<ActivityFilter>> {
        let key = self.account().key();
        let cached = self.locked(|s| activities::filters(s.conn(), &key))?;
        if let Some((filters, at)) = &cached {
            if unix_now() - at < FILTERS_MAX_AGE_SECS {
                return Ok(filters.clone());
            }
        }
        match self.client().activity().filters().await {
            Ok(filters) => {
                self.locked(|s| activities::save_filters(s.conn(), &key, &filters, unix_now()))?;
                Ok(filters)
            }
            Err(error) if error.is_transient() && cached.is_some() => {
                Ok(cached.map(|(filters, _)| filters).unwrap_or_default())
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The filter list as last fetched, without asking the server (empty before that).
    pub fn cached_filters(self) -> Result<Vec<ActivityFilter>> {
        let key = self.account().key();
        let cached = self.locked(|s| activities::filters(s.conn(), &key))?;
        Ok(cached.map(|(filters, _)| filters).unwrap_or_default())
    }

    /// The cache scope of the filter `filter`, checked against the server's list when that
    /// is cached.
    fn activity_scope(self, conn: &rusqlite::Connection, filter: Option<&str>) -> Result<Scope> {
        let Some(filter) = filter else {
            return Ok(Scope::All);
        };
        let key = self.account().key();
        if let Some((known, _)) = activities::filters(conn, &key)? {
            if !known.iter().any(|f| f.id == filter) {
                let ids: Vec<&str> = known.iter().map(|f| f.id.as_str()).collect();
                return Err(Error::Invalid(format!(
                    "there is no activity filter {filter:?}; the server offers: {}",
                    ids.join(", ")
                )));
            }
        }
        // Until the server named the user id, the login name is the best guess.
        let user_id =
            activities::user_id(conn, &key)?.unwrap_or_else(|| self.account().login_name.clone());
        Scope::of_filter(filter, &user_id)
    }

    /// Asks the server for the user id once per account (the "by you" filter compares it
    /// with each entry's author; the login name may differ from it).
    async fn learn_user_id(self) -> Result<()> {
        let key = self.account().key();
        if self
            .locked(|s| activities::user_id(s.conn(), &key))?
            .is_some()
        {
            return Ok(());
        }
        let user = self.client().current_user().await?;
        self.locked(|s| activities::set_user_id(s.conn(), &key, &user.id))
    }

    fn save_activity_cursor(self, cursor: &Cursor) -> Result<()> {
        let key = self.account().key();
        self.locked(|s| activities::save_cursor(s.conn(), &key, cursor, unix_now()))
    }

    /// Stores a page and the cursor it moved in one transaction, so a crash never leaves a
    /// cursor past entries that are not stored. Returns how many entries were new.
    fn store_activity_page(self, items: &[Activity], cursor: &Cursor) -> Result<usize> {
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            let new = activities::upsert(&tx, &key, items)?;
            activities::save_cursor(&tx, &key, cursor, unix_now())?;
            tx.commit()?;
            Ok(new)
        })
    }
}

/// The highest and lowest activity id on a page.
fn id_range(items: &[Activity]) -> (Option<i64>, Option<i64>) {
    let ids = items.iter().map(|a| a.activity_id);
    (ids.clone().max(), ids.min())
}
