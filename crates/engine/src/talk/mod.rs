//! Talk: the room list kept fresh as cheaply as the server allows, each room's history cached,
//! the open chat's long poll, sending, and the read marker. `store::rooms` and
//! `store::messages` keep the data.
//!
//! The room list is polled with `modifiedSince` = the previous answer's
//! `X-Nextcloud-Talk-Modified-Before` (kept in `sync_state` under [`ROOMS`]), so a quiet poll
//! costs an empty list. Such a list never reports a room that is gone, so every
//! [`FULL_REFRESH_EVERY`] the whole list is fetched instead (its time kept under
//! [`ROOMS_FULL`]). Servers that do not send the header (seed-era Talk) get the whole list
//! every time. Every background request says `noStatusUpdate=1`: polling must not keep the
//! user "online" (the heartbeat decides that).

mod chat_entry;
mod manage;

use std::collections::BTreeSet;
use std::time::Duration;

use nextcloud::talk::{ChatPage, ChatQuery, Message, NewMessage, RoomQuery, TalkVersion};
use nextcloud::{Capabilities, TalkApi};
use serde::Serialize;

use crate::engine::unix_now;
use crate::store::messages::{self, ChatMessage};
use crate::store::rooms::{self, ChatRoom, UnreadCounts};
use crate::store::{self, sync_state};
use crate::{Engine, Error, Result};

pub use chat_entry::{ChatEntry, ChatNews, QuotedMessage, Reaction};
pub use manage::{MentionChoice, NewChatRoom, NewRoomKind, RoomDetails, RoomParticipant};

/// `sync_state` resource of the room list; its `etag` column holds the `modifiedSince` to
/// send next (the last `X-Nextcloud-Talk-Modified-Before`).
const ROOMS: &str = "talk.rooms";
/// `sync_state` resource whose `updated_at` is the time of the last full room list.
const ROOMS_FULL: &str = "talk.rooms.full";
/// How often the whole room list is fetched, to notice rooms that are gone.
pub const FULL_REFRESH_EVERY: Duration = Duration::from_secs(300);
/// How long the open chat's long poll waits on the server (its default).
const LONG_POLL_SECS: u32 = 30;
/// Messages per request when catching up (the server's maximum).
const PAGE: u32 = 200;
/// A room further behind than this many pages is not caught up message by message: its
/// cached history is dropped and its newest messages fetched instead.
const CATCH_UP_PAGES: usize = 5;

/// What one room-list sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoomsChange {
    /// The whole list was fetched (first sync, every five minutes, or a server without
    /// `modifiedSince`).
    pub full: bool,
    /// Tokens of the rooms the server sent: changed since the last sync, or all of them.
    pub updated: Vec<String>,
    /// Tokens of the rooms that are gone (deleted, left, removed from); only a full list
    /// notices them. Their cached history is dropped too.
    pub removed: Vec<String>,
    /// The unread and mention counts, when they differ from before this sync.
    pub unread: Option<UnreadCounts>,
}

impl Engine {
    /// The Talk API in the server's version, read from the cached capabilities so that a
    /// Talk call costs no capabilities request.
    pub(crate) async fn talk_api(&self) -> Result<TalkApi> {
        let key = self.account().key();
        let stored = self.locked(|s| store::capabilities::load(s.conn(), &key))?;
        let cached = stored
            .and_then(|stored| Capabilities::from_data(stored.data).ok())
            .and_then(|caps| TalkVersion::from_capabilities(&caps));
        let version = match cached {
            Some(version) => version,
            // Never fetched, or Talk was missing then: ask again (a 304 when unchanged).
            None => TalkVersion::from_capabilities(&self.capabilities().await?)
                .ok_or_else(|| Error::Invalid("Talk is not installed on this server".into()))?,
        };
        Ok(self.client().talk().with_version(version))
    }
}

handler!(
    /// Talk for one account's engine.
    Talk,
    talk
);

impl Talk<'_> {
    /// Whether the server has Talk (from the cached capabilities when there are any).
    pub async fn has_talk(self) -> Result<bool> {
        match self.talk_api().await {
            Ok(_) => Ok(true),
            Err(Error::Invalid(_)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// One room-list poll: only the rooms changed since the last one, or the whole list when
    /// [`FULL_REFRESH_EVERY`] has passed.
    pub async fn sync_rooms(self) -> Result<RoomsChange> {
        self.sync_rooms_in_full_every(FULL_REFRESH_EVERY).await
    }

    /// One room-list poll: only the rooms changed since the last one, or the whole list when
    /// `full_every` has passed since the last whole one. The supervisor calls this on its
    /// rooms interval, with a full list rarely: only it shows rooms that are gone, and it is
    /// most of the bytes an idle hour costs.
    pub async fn sync_rooms_in_full_every(self, full_every: Duration) -> Result<RoomsChange> {
        let key = self.account().key();
        let now = unix_now();
        let (since, full_at) = self.locked(|s| {
            Ok((
                sync_state::last_sync(s.conn(), &key, ROOMS)?,
                sync_state::last_sync(s.conn(), &key, ROOMS_FULL)?,
            ))
        })?;
        let since = since.and_then(|last| last.etag?.parse::<i64>().ok());
        let full_due = full_at.is_none_or(|last| {
            let age = now - last.at;
            // A clock set back counts as due, not as "a while from now".
            age < 0 || age >= full_every.as_secs() as i64
        });
        match since {
            Some(since) if !full_due => self.fetch_rooms(Some(since)).await,
            _ => self.fetch_rooms(None).await,
        }
    }

    /// Fetches the whole room list now (e.g. when the user opens the room list window).
    pub async fn refresh_all_rooms(self) -> Result<RoomsChange> {
        self.fetch_rooms(None).await
    }

    async fn fetch_rooms(self, since: Option<i64>) -> Result<RoomsChange> {
        let talk = self.talk_api().await?;
        let mut query = RoomQuery::background();
        if let Some(since) = since {
            query = query.modified_since(since);
        }
        let list = talk.rooms(&query).await?;
        let full = since.is_none();
        let key = self.account().key();
        let now = unix_now();
        let (removed, before, after) = self.locked(|s| {
            let tx = s.conn().transaction()?;
            let before = rooms::unread_counts(&tx, &key)?;
            let removed = if full {
                rooms::replace_all(&tx, &key, &list.rooms)?
            } else {
                rooms::upsert(&tx, &key, &list.rooms)?;
                Vec::new()
            };
            for token in &removed {
                messages::forget_room(&tx, &key, token)?;
            }
            let next_since = list.modified_before.map(|t| t.to_string());
            sync_state::set_etag(&tx, &key, ROOMS, next_since.as_deref(), now)?;
            if full {
                sync_state::set_etag(&tx, &key, ROOMS_FULL, None, now)?;
            }
            let after = rooms::unread_counts(&tx, &key)?;
            tx.commit()?;
            Ok((removed, before, after))
        })?;
        tracing::debug!(
            full,
            rooms = list.rooms.len(),
            removed = removed.len(),
            "Talk rooms synced"
        );
        Ok(RoomsChange {
            full,
            updated: list.rooms.into_iter().map(|r| r.token).collect(),
            removed,
            unread: (after != before).then_some(after),
        })
    }

    /// The cached rooms, favorites first, then by last activity.
    pub fn cached_rooms(self) -> Result<Vec<ChatRoom>> {
        let key = self.account().key();
        self.locked(|s| rooms::list(s.conn(), &key))
    }

    /// Unread messages and mentions per room and in total (for the tray badge), from the
    /// cache.
    pub fn unread_counts(self) -> Result<UnreadCounts> {
        let key = self.account().key();
        self.locked(|s| rooms::unread_counts(s.conn(), &key))
    }

    /// The cached room with this token, else the one with this name (exactly, else ignoring
    /// case). A name that several rooms share is refused with their tokens.
    pub fn find_room(self, token_or_name: &str) -> Result<ChatRoom> {
        let key = self.account().key();
        let (by_token, by_name) = self.locked(|s| {
            Ok((
                rooms::get(s.conn(), &key, token_or_name)?,
                rooms::named(s.conn(), &key, token_or_name)?,
            ))
        })?;
        if let Some(room) = by_token {
            return Ok(room);
        }
        match <[ChatRoom; 1]>::try_from(by_name) {
            Ok([room]) => Ok(room),
            Err(none) if none.is_empty() => Err(Error::Invalid(format!(
                "there is no conversation {token_or_name:?} (give its token or its name)"
            ))),
            Err(several) => {
                let tokens: Vec<&str> = several.iter().map(|r| r.token.as_str()).collect();
                Err(Error::Invalid(format!(
                    "{} conversations are named {token_or_name:?}; give the token: {}",
                    several.len(),
                    tokens.join(", ")
                )))
            }
        }
    }

    /// The newest `limit` messages of the room, oldest first: what is new is fetched after
    /// the newest cached message, older ones only when the cache has fewer than `limit`.
    /// The read marker does not move (see [`Talk::mark_read`]).
    pub async fn room_messages(self, token: &str, limit: usize) -> Result<Vec<ChatMessage>> {
        self.fetch_newest(token, limit).await?;
        self.cached_messages(token, limit)
    }

    /// [`Talk::room_messages`] for the chat window: rich text, quotes and reactions.
    pub async fn chat_entries(self, token: &str, limit: usize) -> Result<Vec<ChatEntry>> {
        self.fetch_newest(token, limit).await?;
        self.cached_entries(token, None, limit)
    }

    /// The `limit` messages before message `before` (scrolling up in the chat window), oldest
    /// first; fetched from the server when the cache has fewer. Empty at the conversation's
    /// start.
    pub async fn older_chat_entries(
        &self,
        token: &str,
        before: i64,
        limit: usize,
    ) -> Result<Vec<ChatEntry>> {
        let talk = self.talk_api().await?;
        self.load_older(&talk, token, Some(before), limit).await?;
        self.cached_entries(token, Some(before), limit)
    }

    /// One cached message as the chat window shows it (e.g. the one just sent).
    pub fn cached_entry(self, token: &str, id: i64) -> Result<Option<ChatEntry>> {
        let key = self.account().key();
        let body = self.locked(|s| messages::body(s.conn(), &key, token, id))?;
        Ok(body.as_ref().map(ChatEntry::from))
    }

    /// Brings the cache up to date with the newest `limit` messages the view shows.
    async fn fetch_newest(self, token: &str, limit: usize) -> Result<()> {
        let talk = self.talk_api().await?;
        let key = self.account().key();
        match self.locked(|s| messages::bounds(s.conn(), &key, token))? {
            None => self.load_newest(&talk, token, limit).await?,
            Some((_, newest)) => self.catch_up(&talk, token, newest).await?,
        }
        // Update messages (edits, reactions) are cached but not shown: fill up with older.
        self.load_older(&talk, token, None, limit).await
    }

    fn cached_entries(
        &self,
        token: &str,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<ChatEntry>> {
        let key = self.account().key();
        let bodies =
            self.locked(|s| messages::shown_bodies(s.conn(), &key, token, before, limit))?;
        Ok(bodies.iter().map(ChatEntry::from).collect())
    }

    /// The newest `limit` cached messages of the room, oldest first, without asking the
    /// server.
    pub fn cached_messages(self, token: &str, limit: usize) -> Result<Vec<ChatMessage>> {
        let key = self.account().key();
        self.locked(|s| messages::newest(s.conn(), &key, token, limit))
    }

    /// The open chat's long poll: waits on the server (up to 30 s) for messages newer than
    /// the newest cached one and returns them, oldest first, as soon as one arrives; empty
    /// when none came in time. Call it again and again while the chat is open.
    pub async fn wait_for_messages(self, token: &str) -> Result<Vec<ChatMessage>> {
        let new = self.wait_for_new(token).await?;
        Ok(new
            .iter()
            .filter(|m| messages::is_shown(m))
            .map(ChatMessage::from)
            .collect())
    }

    /// [`Talk::wait_for_messages`] for the chat window: the new messages, and the new state
    /// of the messages they changed (edits, deletions, reactions).
    pub async fn wait_for_chat_news(self, token: &str) -> Result<ChatNews> {
        let new = self.wait_for_new(token).await?;
        let changed: BTreeSet<i64> = new.iter().filter_map(messages::changed_parent).collect();
        let key = self.account().key();
        let current = |id: i64| self.locked(|s| messages::body(s.conn(), &key, token, id));
        let mut news = ChatNews {
            token: token.to_owned(),
            ..ChatNews::default()
        };
        for message in new.iter().filter(|m| messages::is_shown(m)) {
            // Changed again in the same batch: the cache holds its newest state.
            let newest = match changed.contains(&message.id) {
                true => current(message.id)?.unwrap_or_else(|| message.clone()),
                false => message.clone(),
            };
            news.added.push(ChatEntry::from(&newest));
        }
        for id in changed {
            if news.added.iter().any(|entry| entry.id == id) {
                continue;
            }
            if let Some(message) = current(id)? {
                news.updated.push(ChatEntry::from(&message));
            }
        }
        Ok(news)
    }

    /// Gives (`on`) or takes back the user's `emoji` on a message and returns its reactions
    /// as the server now counts them.
    pub async fn react(
        &self,
        token: &str,
        message_id: i64,
        emoji: &str,
        on: bool,
    ) -> Result<Vec<Reaction>> {
        let talk = self.talk_api().await?;
        let answer = if on {
            talk.add_reaction(token, message_id, emoji).await?
        } else {
            talk.remove_reaction(token, message_id, emoji).await?
        };
        let me = self.own_actor_id(token)?;
        Ok(answer
            .into_iter()
            .filter(|(_, actors)| !actors.is_empty())
            .map(|(emoji, actors)| Reaction {
                mine: actors
                    .iter()
                    .any(|a| a.actor_type == "users" && a.actor_id == me),
                count: actors.len() as i64,
                emoji,
            })
            .collect())
    }

    /// The user's id in the room as the server named it in the room list (the login name
    /// when the room is not cached: they differ only where users log in by e-mail).
    pub(crate) fn own_actor_id(self, token: &str) -> Result<String> {
        let key = self.account().key();
        let room = self.locked(|s| rooms::body(s.conn(), &key, token))?;
        Ok(room
            .map(|room| room.actor_id)
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| self.account().login_name.clone()))
    }

    /// The long poll itself: the messages newer than the newest cached one (cached too), as
    /// soon as one arrives; empty after the timeout.
    async fn wait_for_new(self, token: &str) -> Result<Vec<Message>> {
        let talk = self.talk_api().await?;
        let key = self.account().key();
        let newest = match self.locked(|s| messages::bounds(s.conn(), &key, token))? {
            Some((_, newest)) => newest,
            None => {
                // Nothing to count from yet: what exists now is history, not news.
                self.load_newest(&talk, token, PAGE as usize).await?;
                self.locked(|s| messages::bounds(s.conn(), &key, token))?
                    .map_or(0, |(_, newest)| newest)
            }
        };
        let page = talk
            .wait_for_messages(token, newest, LONG_POLL_SECS)
            .await?;
        self.store_continuing(token, newest, &page)?;
        Ok(page.messages)
    }

    /// Sends `text` (a reply when `reply_to` is set) and returns the message as stored. The
    /// server moves the user's read marker to it, so the room counts as read.
    pub async fn send_message(
        &self,
        token: &str,
        text: &str,
        reply_to: Option<i64>,
    ) -> Result<ChatMessage> {
        if text.trim().is_empty() {
            return Err(Error::Invalid("a message needs some text".into()));
        }
        let talk = self.talk_api().await?;
        let mut message = NewMessage::new(text);
        if let Some(id) = reply_to {
            message = message.reply_to(id);
        }
        let sent = talk.send(token, &message).await?;
        let key = self.account().key();
        if let Some((_, newest)) = self.locked(|s| messages::bounds(s.conn(), &key, token))? {
            // The cache holds an unbroken stretch: what came between the newest cached message
            // and the sent one is fetched with it. Sending worked even if this fails.
            if let Err(error) = self.catch_up(&talk, token, newest).await {
                tracing::debug!("caching the sent message failed: {error}");
            }
        }
        self.locked(|s| rooms::mark_read(s.conn(), &key, token))?;
        Ok(ChatMessage::from(&sent.message))
    }

    /// Moves the user's read marker to the newest cached message of the room (the newest on
    /// the server when none is cached) and returns the new counts for the badge.
    pub async fn mark_read(self, token: &str) -> Result<UnreadCounts> {
        let talk = self.talk_api().await?;
        let key = self.account().key();
        let newest = self
            .locked(|s| messages::bounds(s.conn(), &key, token))?
            .map(|(_, newest)| newest);
        let room = talk.set_read_marker(token, newest).await?;
        self.locked(|s| {
            match room {
                // Current servers answer with the room: its counts are the truth.
                Some(room) => rooms::upsert(s.conn(), &key, std::slice::from_ref(&room))?,
                None => rooms::mark_read(s.conn(), &key, token)?,
            }
            rooms::unread_counts(s.conn(), &key)
        })
    }

    /// The newest messages of a room with nothing cached (or a cache given up on).
    async fn load_newest(self, talk: &TalkApi, token: &str, limit: usize) -> Result<()> {
        let page = talk.chat(token, &history(limit)).await?;
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            messages::forget_room(&tx, &key, token)?;
            messages::insert(&tx, &key, token, &page.messages)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Fetches everything after `newest` without waiting, page by page; a room too far
    /// behind starts over from its newest messages.
    async fn catch_up(self, talk: &TalkApi, token: &str, newest: i64) -> Result<()> {
        let mut last_known = newest;
        for _ in 0..CATCH_UP_PAGES {
            let query = ChatQuery::poll(last_known)
                .timeout(0)
                .limit(PAGE)
                .set_read_marker(false)
                .no_status_update(true);
            let page = talk.chat(token, &query).await?;
            let Some(newest) = self.store_continuing(token, last_known, &page)? else {
                return Ok(());
            };
            if page.messages.len() < PAGE as usize {
                return Ok(());
            }
            last_known = newest;
        }
        self.load_newest(talk, token, PAGE as usize).await
    }

    /// Older history until the cache shows `limit` messages (older than `before`, when set)
    /// or the conversation's start.
    async fn load_older(
        &self,
        talk: &TalkApi,
        token: &str,
        before: Option<i64>,
        limit: usize,
    ) -> Result<()> {
        let key = self.account().key();
        loop {
            let (shown, oldest) = self.locked(|s| {
                let shown = messages::shown_count(s.conn(), &key, token, before)?;
                let oldest = messages::oldest(s.conn(), &key, token)?;
                Ok((shown, oldest))
            })?;
            let Some(oldest) = oldest else {
                return Ok(());
            };
            if shown >= limit || messages::starts_history(&oldest) {
                return Ok(());
            }
            let query = history(limit - shown).last_known_message_id(oldest.id);
            let page = talk.chat(token, &query).await?;
            if page.messages.is_empty() {
                return Ok(());
            }
            self.locked(|s| messages::insert(s.conn(), &key, token, &page.messages))?;
        }
    }

    /// Stores a page that follows the cached message `after` (skipped if the cache was
    /// started over meanwhile, which would leave a gap) and returns the newest id in it.
    fn store_continuing(self, token: &str, after: i64, page: &ChatPage) -> Result<Option<i64>> {
        let newest = page.messages.iter().map(|m| m.id).max();
        if newest.is_none() {
            return Ok(None);
        }
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            let continues = messages::bounds(&tx, &key, token)?
                .is_none_or(|(oldest, newest)| oldest <= after && after <= newest);
            if continues {
                messages::insert(&tx, &key, token, &page.messages)?;
            }
            let newest_shown = page.messages.iter().filter(|m| messages::is_shown(m));
            if let Some(message) = newest_shown.max_by_key(|m| m.id) {
                rooms::note_message(&tx, &key, token, message)?;
            }
            tx.commit()?;
            Ok(())
        })?;
        Ok(newest)
    }
}

/// A history request (newest first) that does not count as user activity.
fn history(limit: usize) -> ChatQuery {
    ChatQuery::history()
        .limit(u32::try_from(limit).unwrap_or(PAGE))
        .no_status_update(true)
}
