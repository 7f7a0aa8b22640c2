//! The app password lives in the keyring and in memory, nowhere else: after a full sync — in
//! process with every log level on, and through the headless `nctray-engine` process — no file
//! under the data, config, home or log directories holds it, nor its Basic form.

mod common;
mod engine_process;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use base64::Engine as _;
use engine_process::{EngineProcess, Password};
use nctray_engine::nextcloud::{CustomMessage, StatusType};
use nctray_engine::{supervise, Engine, EngineEvent, NeverIdle, Popup, SyncConfig};
use nctray_sim::{NewNotification, Sim, SimConfig};
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::timeout;
use tracing::subscriber::DefaultGuard;
use tracing_subscriber::util::SubscriberInitExt;

const LIMIT: Duration = Duration::from_secs(15);

/// The temporary world of one test: where the app keeps data and config, a home, and the
/// captured logs.
struct Dirs {
    _root: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
    config: PathBuf,
    home: PathBuf,
    logs: PathBuf,
}

impl Dirs {
    fn new() -> Dirs {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().to_path_buf();
        let dirs = Dirs {
            data: path.join("data/nctray"),
            config: path.join("config/nctray"),
            home: path.join("home"),
            logs: path.join("logs"),
            root: path,
            _root: root,
        };
        for dir in [&dirs.data, &dirs.config, &dirs.home, &dirs.logs] {
            std::fs::create_dir_all(dir).unwrap();
        }
        dirs
    }

    /// XDG variables and HOME pointing into the temporary world, so that anything the
    /// process might write lands where the search looks.
    fn env(&self) -> Vec<(&'static str, String)> {
        let at = |p: &str| self.root.join(p).display().to_string();
        vec![
            ("HOME", self.home.display().to_string()),
            ("XDG_DATA_HOME", at("data")),
            ("XDG_CONFIG_HOME", at("config")),
            ("XDG_CACHE_HOME", at("cache")),
            ("XDG_STATE_HOME", at("state")),
            ("XDG_RUNTIME_DIR", at("runtime")),
            ("TMPDIR", at("tmp")),
        ]
    }
}

/// Every way the password could show up in a file: as is, in the Basic header, base64 or hex.
fn needles(login: &str, password: &str) -> Vec<(String, Vec<u8>)> {
    let basic = format!("{login}:{password}");
    let hex: String = password.bytes().map(|b| format!("{b:02x}")).collect();
    vec![
        ("password".into(), password.as_bytes().to_vec()),
        (
            "Basic credentials".into(),
            STANDARD.encode(&basic).into_bytes(),
        ),
        (
            "Basic credentials (URL-safe)".into(),
            URL_SAFE.encode(&basic).into_bytes(),
        ),
        (
            "base64 password".into(),
            STANDARD.encode(password).into_bytes(),
        ),
        ("hex password".into(), hex.into_bytes()),
    ]
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every (file, needle) where a needle occurs, and the files searched.
fn leaks(root: &Path, needles: &[(String, Vec<u8>)]) -> (Vec<String>, Vec<PathBuf>) {
    let mut files = Vec::new();
    files_under(root, &mut files);
    let mut found = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        for (name, needle) in needles {
            if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
                found.push(format!("{name} in {}", file.display()));
            }
        }
    }
    (found, files)
}

/// A fresh, distinctive app password from Login Flow v2, as the app gets one.
async fn new_app_password(sim: &Sim) -> String {
    let started = reqwest::Client::new()
        .post(format!("{}/index.php/login/v2", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert!(started.status().is_success());
    let password = sim.control().approve_latest_login("admin").unwrap();
    assert!(password.len() >= 32, "{password}");
    password
}

/// tracing keeps one global cache of which log lines are enabled; tests that install their
/// own subscribers at different levels in parallel spoil it for each other, so they take
/// turns.
static ONE_SYNC_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The in-process logs of every target at `level` (the HTTP, TLS and WebSocket crates too,
/// with their `log` records) into one file, for the current thread: the tests run on a
/// current-thread runtime, so every task of the sync logs there.
fn capture_logs(file: &Path, level: &str) -> DefaultGuard {
    let file = std::fs::File::create(file).unwrap();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(level))
        .with_writer(Arc::new(file))
        .with_ansi(false)
        .finish()
        .set_default()
}

async fn in_process_full_sync(sim: &Sim, dirs: &Dirs, password: &str) {
    let engine = Arc::new(
        Engine::open(
            common::account(sim),
            password.to_owned(),
            &dirs.data.join("nctray.sqlite3"),
        )
        .unwrap(),
    );
    // Everything the tray does to the server: capabilities, the list, status reads and writes,
    // the heartbeat, then the supervised sync with its push socket.
    engine.capabilities().await.unwrap();
    engine.notifications().poll().await.unwrap();
    engine.status().set(StatusType::Away).await.unwrap();
    engine
        .status()
        .set_custom(&CustomMessage {
            icon: Some("🔒".into()),
            message: "Checking for leaks".into(),
            clear_at: None,
        })
        .await
        .unwrap();
    engine.status().heartbeat(false).await.unwrap();

    let (tx, mut events) = unbounded_channel();
    let config = SyncConfig {
        notifications_every: Some(Duration::from_millis(200)),
        ..SyncConfig::default()
    };
    let task = tokio::spawn(supervise(engine.clone(), config, Arc::new(NeverIdle), tx));
    common::wait_until(
        LIMIT,
        || sim.control().push_sockets() != 0,
        || "the push socket never opened".into(),
    )
    .await;
    sim.control()
        .inject_notification(NewNotification::new("admin", "Pushed in process"));
    let popped = timeout(LIMIT, async {
        while let Some(event) = events.recv().await {
            if let EngineEvent::Popups(popups) = event {
                if popups.iter().any(|p| matches!(p, Popup::One(_))) {
                    return true;
                }
            }
        }
        false
    })
    .await;
    assert_eq!(popped, Ok(true));
    task.abort();
    let id = engine.notifications().cached().unwrap()[0].notification_id;
    engine.notifications().dismiss(id).await.unwrap();
}

/// A full sync in process, then the headless engine twice (password on stdin, then in the
/// environment) logging at `rust_log`; its stdout and stderr are saved under `logs`.
/// Returns the app password used.
async fn full_sync_everywhere(dirs: &Dirs, rust_log: &str) -> String {
    let sim = Sim::start(SimConfig {
        push: true,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let password = new_app_password(&sim).await;
    sim.control()
        .inject_notification(NewNotification::new("admin", "Waiting before the sync"));

    in_process_full_sync(&sim, dirs, &password).await;

    let env = dirs.env();
    let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.push(("RUST_LOG", rust_log));
    for (run, how) in [Password::Stdin(&password), Password::Env(&password)]
        .into_iter()
        .enumerate()
    {
        let engine = EngineProcess::spawn(
            &sim.base_url(),
            "admin",
            how,
            &dirs.data.join("nctray.sqlite3"),
            &["--poll-ms", "200", "--heartbeat-ms", "300"],
            &env,
        );
        assert!(
            engine
                .wait_for(LIMIT, |e| e["event"] == "state" && e["state"] == "online")
                .await,
            "the engine process never got online"
        );
        sim.control().inject_notification(NewNotification::new(
            "admin",
            format!("Pushed to process {run}"),
        ));
        assert!(
            engine.wait_for(LIMIT, |e| e["event"] == "popup").await,
            "no popup in the engine process"
        );
        let finished = engine.terminate();
        assert!(finished.status.success(), "{}", finished.stderr);
        std::fs::write(
            dirs.logs.join(format!("engine-{run}.stdout")),
            &finished.stdout,
        )
        .unwrap();
        std::fs::write(
            dirs.logs.join(format!("engine-{run}.stderr")),
            &finished.stderr,
        )
        .unwrap();
        assert!(
            finished.stderr.lines().count() > 20,
            "the process logged (almost) nothing, the search would prove little"
        );
    }
    assert!(dirs.data.join("nctray.sqlite3").exists());
    sim.shutdown().await;
    password
}

#[tokio::test]
async fn after_a_full_sync_no_file_in_the_data_config_or_home_dir_holds_the_app_password() {
    let _turn = ONE_SYNC_AT_A_TIME.lock().await;
    let dirs = Dirs::new();
    let password = full_sync_everywhere(&dirs, "debug").await;
    std::fs::remove_dir_all(&dirs.logs).unwrap();
    let (found, searched) = leaks(&dirs.root, &needles("admin", &password));
    assert!(
        searched.contains(&dirs.data.join("nctray.sqlite3")),
        "the cache was not searched: {searched:?}"
    );
    assert!(found.is_empty(), "the app password leaked: {found:#?}");
}

/// What a user turns on to report a problem: debug logs, in process and in the engine process.
#[tokio::test]
async fn no_debug_log_of_a_full_sync_holds_the_app_password() {
    let _turn = ONE_SYNC_AT_A_TIME.lock().await;
    let dirs = Dirs::new();
    let _logs = capture_logs(&dirs.logs.join("in-process.log"), "debug");
    let password = full_sync_everywhere(&dirs, "debug").await;
    no_log_holds(&dirs, &password);
}

/// The push socket logs in with a one-time `pre_auth` token, so even tungstenite's TRACE
/// log of every frame holds no app password.
#[tokio::test]
async fn no_trace_log_of_a_full_sync_holds_the_app_password() {
    let _turn = ONE_SYNC_AT_A_TIME.lock().await;
    let dirs = Dirs::new();
    let _logs = capture_logs(&dirs.logs.join("in-process.log"), "trace");
    let password = full_sync_everywhere(&dirs, "trace").await;
    no_log_holds(&dirs, &password);
}

fn no_log_holds(dirs: &Dirs, password: &str) {
    let in_process_log = std::fs::read_to_string(dirs.logs.join("in-process.log")).unwrap();
    assert!(
        in_process_log.contains("OCS request"),
        "the in-process log misses the client's requests"
    );
    let (found, searched) = leaks(&dirs.logs, &needles("admin", password));
    assert_eq!(searched.len(), 5, "{searched:?}");
    assert!(found.is_empty(), "the app password leaked: {found:#?}");
}
