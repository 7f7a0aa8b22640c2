//! Demo mode: a simulated Nextcloud inside the process, so a person trying nctray sees it
//! work at once, without an account.

use std::time::Duration;

use anyhow::Context;
use nctray_engine::{Account, Paths};
use nctray_sim::{Seed, Sim, SimConfig};

/// A few new demo notifications arrive this far apart, so the popups can be seen; then the
/// demo is quiet, and "Show a demo notification" in the tray menu brings one more.
const NEW_NOTIFICATION_EVERY: Duration = Duration::from_secs(30);
const NEW_NOTIFICATIONS: usize = 3;
const DEMO_LOGIN: &str = "demo";
const DEMO_APP_PASSWORD: &str = "demo-app-password";

/// The running simulated server and the account that talks to it.
pub struct DemoServer {
    sim: Sim,
    pub account: Account,
}

impl DemoServer {
    /// Starts the simulator (on the current tokio runtime) seeded with the demo user.
    pub async fn start() -> anyhow::Result<Self> {
        let sim = Sim::start(SimConfig {
            seed: Seed::Demo,
            in_process_control_only: true,
            ..SimConfig::default()
        })
        .await
        .context("cannot start the built-in demo server")?;
        sim.spawn_demo_ticker(NEW_NOTIFICATION_EVERY, NEW_NOTIFICATIONS);
        let account = Account {
            server: sim.base_url(),
            login_name: DEMO_LOGIN.to_owned(),
            ..Default::default()
        };
        Ok(Self { sim, account })
    }

    /// A new demo notification now.
    pub fn notify(&self) {
        self.sim.demo_tick();
    }

    /// The demo's password is the simulator's own, not a secret: it never goes to the keyring.
    pub fn app_password(&self) -> String {
        DEMO_APP_PASSWORD.to_owned()
    }

    /// A fresh cache per demo run: the simulator starts anew each time, so yesterday's ids
    /// would collide with today's.
    pub fn database(paths: &Paths) -> std::path::PathBuf {
        paths.data_dir.join("demo.sqlite3")
    }
}

pub fn reset_demo_database(paths: &Paths) {
    let db = DemoServer::database(paths);
    for suffix in ["", "-wal", "-shm"] {
        let mut file = db.clone().into_os_string();
        file.push(suffix);
        let _ = std::fs::remove_file(file);
    }
}
