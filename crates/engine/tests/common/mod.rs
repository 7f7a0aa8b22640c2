//! Helpers shared by the engine's integration tests: admin's engine against the simulated
//! server on a real SQLite file in a temporary directory, and waiting with a deadline.

#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::time::Duration;

use nctray_engine::{Account, Engine, EngineEvent};
use nctray_sim::{Control, Sim, SimConfig};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::{timeout, Instant};

/// admin's app password on the simulated server.
pub const PASSWORD: &str = "admin-app-password";

/// admin's account on `sim`.
pub fn account(sim: &Sim) -> Account {
    Account {
        server: sim.base_url(),
        login_name: "admin".into(),
        ..Default::default()
    }
}

/// The database file the tests keep in `dir`.
pub fn database(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("nctray.sqlite3")
}

/// admin's engine on the database file at `database`.
pub fn engine_at(sim: &Sim, database: &Path) -> Engine {
    Engine::open(account(sim), PASSWORD.to_owned(), database).unwrap()
}

/// admin's engine on the database file in `dir` (a new one is a restart of the app).
pub fn engine(sim: &Sim, dir: &tempfile::TempDir) -> Engine {
    engine_at(sim, &database(dir))
}

/// A simulated server and a temporary directory for the database file.
pub struct Setup {
    pub sim: Sim,
    pub dir: tempfile::TempDir,
}

impl Setup {
    pub async fn new() -> Self {
        Self::with(SimConfig::default()).await
    }

    pub async fn with(config: SimConfig) -> Self {
        Self {
            sim: Sim::start(config).await.unwrap(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn control(&self) -> Control {
        self.sim.control()
    }

    pub fn database(&self) -> PathBuf {
        database(&self.dir)
    }

    pub fn account(&self) -> Account {
        account(&self.sim)
    }

    /// A fresh engine on the same database file, as after a restart of the app.
    pub fn engine(&self) -> Engine {
        engine(&self.sim, &self.dir)
    }
}

/// The next event that `pick` accepts, within `limit`.
pub async fn next_matching<T>(
    events: &mut UnboundedReceiver<EngineEvent>,
    limit: Duration,
    mut pick: impl FnMut(&EngineEvent) -> Option<T>,
) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        let event = timeout(
            deadline.saturating_duration_since(Instant::now()),
            events.recv(),
        )
        .await
        .ok()??;
        if let Some(found) = pick(&event) {
            return Some(found);
        }
    }
}

/// What the tray does with popups the desktop showed: reports them, so they are not offered
/// again.
pub fn report_shown(engine: &Engine, event: &EngineEvent) {
    if let EngineEvent::Popups(popups) = event {
        for popup in popups {
            engine
                .notifications()
                .popups_shown(&popup.notification_ids())
                .unwrap();
        }
    }
}

/// Checks `done` every 20 ms until it holds; fails with `failure` once `limit` has passed.
pub async fn wait_until(
    limit: Duration,
    mut done: impl FnMut() -> bool,
    failure: impl Fn() -> String,
) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "{}", failure());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
