//! One account's engine: the client, the cache, and the operations the shell calls.

use std::path::Path;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use nextcloud::{Capabilities, Client, Credentials, CustomMessage, Notification, StatusType};

use crate::status::StatusSnapshot;
use crate::store::popups::FirstSeen;
use crate::store::{self, Store};
use crate::{Account, AccountSecrets, Error, PopupDecision, Result};

const NOTIFICATIONS: &str = "notifications";

/// What one notifications poll found.
#[derive(Debug, Default)]
pub struct NotificationPoll {
    /// Notifications seen for the first time whose popup is due: `shouldNotify` not false
    /// and the user not in do-not-disturb. Oldest first. They stay due (see
    /// [`Engine::due_popups`]) until [`Engine::popups_shown`] is told they were shown.
    pub new: Vec<Notification>,
    /// False when the server answered 304 (or the same ETag): nothing was downloaded.
    pub changed: bool,
    /// The account had never been synced: what is new was waiting before nctray came.
    pub first_sync: bool,
    /// The status type from `X-Nextcloud-User-Status`, sent with every list answer.
    pub server_status: Option<String>,
}

/// The engine of one account.
pub struct Engine {
    account: Account,
    client: Client,
    store: Mutex<Store>,
    /// One activity fetch at a time: each reads the stream cursor, waits for the server and
    /// writes the cursor back, so a poll overlapping a scroll-back page would undo its move.
    pub(crate) activity_turn: tokio::sync::Mutex<()>,
    /// What the windows show of this account (`sync_interest.rs`).
    pub(crate) interest: tokio::sync::watch::Sender<crate::SyncInterest>,
}

impl Engine {
    /// Opens the cache at `database` and builds the client with the app password (and the
    /// proxy's password, if any), which the engine keeps only in memory.
    pub fn open(
        account: Account,
        secrets: impl Into<AccountSecrets>,
        database: &Path,
    ) -> Result<Self> {
        Self::from_store(account, secrets, Store::open(database)?)
    }

    pub fn from_store(
        account: Account,
        secrets: impl Into<AccountSecrets>,
        store: Store,
    ) -> Result<Self> {
        let AccountSecrets {
            app_password,
            proxy_password,
        } = secrets.into();
        let server = url::Url::parse(&account.server)
            .map_err(|e| Error::Config(format!("server URL {:?}: {e}", account.server)))?;
        // The account's trusted certificate and proxy apply to every request and the socket.
        let connection = account.connection(proxy_password)?;
        let credentials = Credentials {
            server,
            login_name: account.login_name.clone(),
            app_password,
        };
        let client = Client::with_connection(credentials, connection)?;
        Ok(Self {
            account,
            client,
            store: Mutex::new(store),
            activity_turn: tokio::sync::Mutex::new(()),
            interest: tokio::sync::watch::Sender::new(crate::SyncInterest::default()),
        })
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Every cache read and write goes through here. On a worker of a multi-threaded tokio
    /// runtime (the tray's syncs) it runs as blocking work, so a slow disk or a long
    /// transaction never holds up the other tasks on that worker; elsewhere (the command
    /// line's single-threaded runtime, a blocking thread) it simply runs.
    pub(crate) fn locked<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let run = || {
            // A panic while holding the lock cannot leave SQLite half-written (transactions),
            // so a poisoned lock is safe to keep using.
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut store)
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(run)
            }
            _ => run(),
        }
    }

    /// Fetches the notification list with the stored ETag, caches it, and records the
    /// notifications seen for the first time: due for a popup, or silenced. Each is returned
    /// in `new` once; one that was not shown stays in [`Engine::due_popups`].
    pub async fn poll_notifications(&self) -> Result<NotificationPoll> {
        let key = self.account.key();
        let last = self.locked(|s| store::sync_state::last_sync(s.conn(), &key, NOTIFICATIONS))?;
        let etag = last.as_ref().and_then(|l| l.etag.as_deref());
        let answer = self.client.notifications().list(etag).await?;
        let mut poll = NotificationPoll {
            server_status: answer.user_status.clone(),
            first_sync: last.is_none(),
            ..NotificationPoll::default()
        };
        let status = answer.user_status_type();
        let Some(mut current) = answer.notifications else {
            return Ok(poll);
        };
        poll.changed = true;
        current.sort_by_key(|n| n.notification_id);
        let now = unix_now();
        poll.new = self.locked(|s| {
            let tx = s.conn().transaction()?;
            store::notifications::replace_all(&tx, &key, &current)?;
            // Every notification is recorded the first time it is seen, due or silenced.
            let mut new = Vec::new();
            for n in &current {
                let first_seen = PopupDecision::first_seen(n, status);
                let recorded =
                    store::popups::record(&tx, &key, n.notification_id, first_seen, now)?;
                if recorded && first_seen == FirstSeen::Due {
                    new.push(n.clone());
                }
            }
            store::sync_state::set_etag(&tx, &key, NOTIFICATIONS, answer.etag.as_deref(), now)?;
            tx.commit()?;
            Ok(new)
        })?;
        Ok(poll)
    }

    /// Deletes what the cache holds of this account, keeping only which notifications it
    /// popped up (the account was removed; signing in again must not pop them up twice).
    pub fn forget_cache(&self) -> Result<()> {
        let key = self.account.key();
        self.locked(|s| s.forget_account(&key))
    }

    /// The cached notifications, newest first, without asking the server.
    pub fn cached_notifications(&self) -> Result<Vec<Notification>> {
        let key = self.account.key();
        self.locked(|s| store::notifications::list(s.conn(), &key))
    }

    pub async fn dismiss_notification(&self, id: i64) -> Result<()> {
        self.client.notifications().delete(id).await?;
        let key = self.account.key();
        self.locked(|s| store::notifications::remove(s.conn(), &key, id))
    }

    /// The status as last cached, for drawing the menu before the network answers.
    pub fn cached_status(&self) -> Result<Option<StatusSnapshot>> {
        let key = self.account.key();
        self.locked(|s| store::statuses::load(s.conn(), &key))
    }

    /// Asks the server for the own status, the predefined messages and the backup.
    pub async fn refresh_status(&self) -> Result<StatusSnapshot> {
        let api = self.client.user_status();
        let (own, predefined) = tokio::try_join!(api.own(), api.predefined())?;
        // A restorable backup needs a current status with a messageId (a call, an
        // automation); without one there is nothing to offer and no request to make.
        let backup = match &own {
            Some(own) if own.message_id.is_some() => api.backup_of(&own.user_id).await?,
            _ => None,
        };
        let snapshot = StatusSnapshot {
            own,
            predefined,
            backup,
        };
        self.remember_status(&snapshot)?;
        Ok(snapshot)
    }

    fn remember_status(&self, snapshot: &StatusSnapshot) -> Result<()> {
        let key = self.account.key();
        self.locked(|s| store::statuses::save(s.conn(), &key, snapshot, unix_now()))
    }

    pub async fn set_status(&self, status: StatusType) -> Result<StatusSnapshot> {
        self.client.user_status().set_status(status).await?;
        self.refresh_status().await
    }

    /// Sets a predefined message; its clear-at (a period or end of day/week) becomes a time.
    pub async fn set_predefined_message(&self, message_id: &str) -> Result<StatusSnapshot> {
        let predefined = self.client.user_status().predefined().await?;
        let chosen = predefined
            .iter()
            .find(|p| p.id == message_id)
            .ok_or_else(|| {
                let known: Vec<&str> = predefined.iter().map(|p| p.id.as_str()).collect();
                Error::Invalid(format!(
                    "no predefined status {message_id:?}; the server offers: {}",
                    known.join(", ")
                ))
            })?;
        let now = chrono::Local::now();
        let clear_at = chosen
            .clear_at
            .map(|c| c.resolve(now.timestamp(), now.offset().local_minus_utc()));
        self.client
            .user_status()
            .set_predefined_message(&chosen.id, clear_at)
            .await?;
        self.refresh_status().await
    }

    pub async fn set_custom_message(&self, message: &CustomMessage) -> Result<StatusSnapshot> {
        self.client
            .user_status()
            .set_custom_message(message)
            .await?;
        self.refresh_status().await
    }

    pub async fn clear_message(&self) -> Result<StatusSnapshot> {
        self.client.user_status().clear_message().await?;
        self.refresh_status().await
    }

    /// Restores the status a call or automation overwrote.
    pub async fn restore_previous_status(&self) -> Result<StatusSnapshot> {
        let current = self.refresh_status().await?;
        let message_id = current
            .restorable_message_id()
            .ok_or_else(|| Error::Invalid("there is no previous status to restore".into()))?;
        self.client.user_status().revert(message_id).await?;
        self.refresh_status().await
    }
}

impl Engine {
    /// The server's capabilities: a conditional GET with the stored ETag, the cached copy on
    /// 304. Without network the cached copy is returned too, so the app starts offline.
    pub async fn capabilities(&self) -> Result<Capabilities> {
        let key = self.account.key();
        let stored = self.locked(|s| store::capabilities::load(s.conn(), &key))?;
        let etag = stored.as_ref().and_then(|c| c.etag.clone());
        let fetched = match self.client.capabilities(etag.as_deref()).await {
            Ok(fetched) => fetched,
            Err(error) => {
                return match stored {
                    Some(stored) if error.is_transient() => {
                        Ok(Capabilities::from_data(stored.data)?)
                    }
                    _ => Err(error.into()),
                }
            }
        };
        match (fetched.value, stored) {
            (Some(fresh), _) => {
                let data =
                    serde_json::json!({ "version": fresh.version, "capabilities": fresh.raw });
                self.locked(|s| {
                    store::capabilities::save(
                        s.conn(),
                        &key,
                        fetched.etag.as_deref(),
                        &data,
                        unix_now(),
                    )
                })?;
                Ok(fresh)
            }
            (None, Some(stored)) => Ok(Capabilities::from_data(stored.data)?),
            // 304 without anything cached cannot happen unless the file was edited: ask again.
            (None, None) => Ok(self
                .client
                .capabilities(None)
                .await?
                .value
                .unwrap_or_default()),
        }
    }

    /// Tells the server the user is here (`online`) or idle (`away`). The server never lets a
    /// heartbeat override a status the user chose. The answer carries the own status, so it
    /// is compared with the cached one and the full status fetched only when they differ.
    pub async fn heartbeat(&self, idle: bool) -> Result<Heartbeat> {
        let status = if idle {
            StatusType::Away
        } else {
            StatusType::Online
        };
        let answer = self.client.user_status().heartbeat(status).await?;
        let cached = self.cached_status()?.unwrap_or_default();
        match answer {
            Some(own) if cached.matches(&own) => Ok(Heartbeat::Unchanged),
            // 204: the server keeps a status the user chose; expected when the cache says so.
            None if cached.is_persistent() => Ok(Heartbeat::Kept),
            _ => Ok(Heartbeat::Changed(Box::new(self.refresh_status().await?))),
        }
    }
}

/// What a heartbeat told about the own status.
#[derive(Debug, Clone, PartialEq)]
pub enum Heartbeat {
    /// The answer shows the cached status (type and message): it stands confirmed.
    Unchanged,
    /// The server keeps a status the user chose (204), as the cache says.
    Kept,
    /// The answer differed from the cache: the full status, fetched again.
    Changed(Box<StatusSnapshot>),
}

pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_slow_cache_call_leaves_the_other_tasks_of_its_worker_running() {
        // One worker: without handing the cache call off, the ticker beside it would stand
        // still for as long as the call takes.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let account = Account {
                server: "https://cloud.example.org".into(),
                login_name: "alice".into(),
                ..Default::default()
            };
            let engine = Arc::new(
                Engine::from_store(
                    account,
                    "secret".to_owned(),
                    Store::open_in_memory().unwrap(),
                )
                .unwrap(),
            );
            let ticks = Arc::new(AtomicUsize::new(0));
            let counted = ticks.clone();
            let ticker = tokio::spawn(async move {
                loop {
                    counted.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            });
            tokio::time::sleep(Duration::from_millis(50)).await;
            let slow = engine.clone();
            let during = tokio::spawn(async move {
                let ticks_before = ticks.load(Ordering::Relaxed);
                slow.locked(|_| {
                    std::thread::sleep(Duration::from_millis(400));
                    Ok(())
                })
                .unwrap();
                ticks.load(Ordering::Relaxed) - ticks_before
            })
            .await
            .unwrap();
            ticker.abort();
            assert!(during >= 5, "the worker's other task ticked {during} times");
        });
    }
}
