//! One account's engine: the client, the cache and what every feature shares (capabilities,
//! forgetting the cache). The features are handlers borrowed from it, each in its own folder:
//! `engine.notifications()`, `engine.status()`, `engine.activity()`, `engine.talk()`.

use std::path::Path;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use nextcloud::{Capabilities, Client, Credentials};

use crate::store::{self, Store};
use crate::{Account, AccountSecrets, Error, Result};

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
    /// runtime it runs as blocking work, so a slow disk or a long transaction never holds up
    /// the other tasks on that worker; elsewhere (the daemon's and the command line's
    /// single-threaded runtimes, a blocking thread) it simply runs.
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

    /// Deletes what the cache holds of this account, keeping only which notifications it
    /// popped up (the account was removed; signing in again must not pop them up twice).
    pub fn forget_cache(&self) -> Result<()> {
        let key = self.account.key();
        self.locked(|s| s.forget_account(&key))
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
