//! What the running app works on: one engine per account, the one the windows show, and
//! (in demo mode) the built-in server. Managed Tauri state, shared by tray and commands.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use nctray_engine::{Engine, ErrorReport, SyncConfig};

use crate::demo::DemoServer;

pub struct Session {
    engines: RwLock<Vec<Arc<Engine>>>,
    /// Index into `engines` of the account the windows show.
    current: AtomicUsize,
    pub sync: SyncConfig,
    /// Kept alive for as long as the app runs, in demo mode.
    pub demo: Option<DemoServer>,
}

impl Session {
    pub fn new(engines: Vec<Arc<Engine>>, sync: SyncConfig, demo: Option<DemoServer>) -> Self {
        Self {
            engines: RwLock::new(engines),
            current: AtomicUsize::new(0),
            sync,
            demo,
        }
    }

    /// Every account's engine, primary first.
    pub fn engines(&self) -> Vec<Arc<Engine>> {
        self.engines
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The first account: the tray icon shows its status.
    pub fn primary(&self) -> Option<Arc<Engine>> {
        self.engines().into_iter().next()
    }

    /// The account the windows show, or an error the UI can show when there is none.
    pub fn current(&self) -> Result<Arc<Engine>, ErrorReport> {
        let engines = self.engines();
        let index = self.current.load(Ordering::Relaxed);
        engines
            .get(index)
            .or_else(|| engines.first())
            .cloned()
            .ok_or_else(|| ErrorReport {
                kind: "no_account",
                message: "No account is signed in. Add one in Accounts and settings.".into(),
            })
    }

    /// Makes the account with `key` (login@origin) the one the windows show.
    pub fn switch_to(&self, key: &str) -> Result<(), ErrorReport> {
        let index = self
            .engines()
            .iter()
            .position(|engine| engine.account().key() == key)
            .ok_or_else(|| ErrorReport {
                kind: "not_found",
                message: format!("no account {key}"),
            })?;
        self.current.store(index, Ordering::Relaxed);
        Ok(())
    }

    pub fn add(&self, engine: Arc<Engine>) {
        self.engines
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .push(engine);
    }

    /// Forgets the account with `key`; returns its engine when it was there.
    pub fn remove(&self, key: &str) -> Option<Arc<Engine>> {
        let mut engines = self.engines.write().unwrap_or_else(|e| e.into_inner());
        let index = engines.iter().position(|e| e.account().key() == key)?;
        self.current.store(0, Ordering::Relaxed);
        Some(engines.remove(index))
    }
}
