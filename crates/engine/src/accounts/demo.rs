//! Demo mode: a simulated Nextcloud, so a person trying nctray sees it work at once, without
//! an account. It runs as a process of its own, `nctray-demo-server` (crates/sim), installed
//! beside `nctray`: the daemon carries no web server.

use std::path::PathBuf;
use std::process::Stdio;

use crate::{Account, Paths};
use anyhow::Context;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};
use tokio::sync::Mutex;

const DEMO_LOGIN: &str = "demo";
const DEMO_APP_PASSWORD: &str = "demo-app-password";
const SERVER_BINARY: &str = "nctray-demo-server";

/// The running simulated server and the account that talks to it.
pub struct DemoServer {
    /// Killed when the demo ends (dropped); it also ends by itself when the daemon does,
    /// since its standard input closes.
    _process: Child,
    requests: std::sync::Arc<Mutex<ChildStdin>>,
    pub account: Account,
}

impl DemoServer {
    /// Starts the demo server seeded with the demo user and waits for its address.
    pub async fn start() -> anyhow::Result<Self> {
        let binary = server_binary()?;
        let mut process = Command::new(&binary)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("cannot start the demo server {}", binary.display()))?;
        let requests = process
            .stdin
            .take()
            .context("the demo server has no input")?;
        let output = process
            .stdout
            .take()
            .context("the demo server has no output")?;
        let mut first = String::new();
        BufReader::new(output)
            .read_line(&mut first)
            .await
            .context("the demo server said nothing")?;
        let server = first.trim().to_owned();
        anyhow::ensure!(
            server.starts_with("http://127.0.0.1:"),
            "the demo server did not start (it said {server:?})"
        );
        let account = Account {
            server,
            login_name: DEMO_LOGIN.to_owned(),
            ..Default::default()
        };
        Ok(Self {
            _process: process,
            requests: std::sync::Arc::new(Mutex::new(requests)),
            account,
        })
    }

    /// A new demo notification now.
    pub fn notify(&self) {
        let requests = self.requests.clone();
        tokio::spawn(async move {
            if let Err(error) = requests.lock().await.write_all(b"notify\n").await {
                tracing::warn!("cannot ask the demo server for a notification: {error}");
            }
        });
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

/// `nctray-demo-server` beside this binary.
fn server_binary() -> anyhow::Result<PathBuf> {
    Ok(std::env::current_exe()?.with_file_name(SERVER_BINARY))
}
