//! `nctray-engine`: the engine of one account without any GUI — the same supervisor the tray
//! runs, printing one JSON line per event on stdout. Used for the crash-safety and credential
//! tests and the idle benchmarks, and handy for status bars.
//!
//! ```text
//! NCTRAY_APP_PASSWORD=… nctray-engine --server URL --login NAME --database PATH
//! echo "$APP_PASSWORD" | nctray-engine --server URL --login NAME --database PATH
//! ```
//!
//! Lines (each with `at_ms`, the unix time in milliseconds it was written):
//! `{"event":"state","state":"online"|"offline"|"maintenance"|"sign_in_needed","reason"?}`,
//! `{"event":"popup","notification_id","app","subject","message"}`,
//! `{"event":"summary","count","notification_ids"}`, `{"event":"status","status","icon","message"}`.
//! A popup counts as shown once its line is written: only then is it settled, so one the
//! process did not get to print is printed after a restart.
//! With `--once`: one notifications poll, every popup still due, then exit.
//!
//! Exit codes: 0 after SIGINT/SIGTERM or a finished `--once`, 1 on an error, 2 when the server
//! refused the app password (sign-in needed), 64 on bad arguments.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nctray_engine::{
    supervise, Account, AccountState, Engine, EngineEvent, NeverIdle, Popup, SyncConfig,
};
use serde_json::{json, Value};

const PASSWORD_VAR: &str = "NCTRAY_APP_PASSWORD";

const USAGE: &str = "usage: nctray-engine --server URL --login NAME --database PATH
                     [--poll-ms N] [--push-safety-ms N] [--status-ms N] [--heartbeat-ms N]
                     [--max-backoff-ms N] [--no-push] [--once]
The app password is read from $NCTRAY_APP_PASSWORD, else from the first line of stdin.";

struct Args {
    account: Account,
    database: PathBuf,
    config: SyncConfig,
    once: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut server = None;
    let mut login = None;
    let mut database = None;
    let mut config = SyncConfig::default();
    let mut once = false;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        let millis = |text: String| {
            text.parse::<u64>()
                .map(Duration::from_millis)
                .map_err(|_| format!("{flag}: {text:?} is not a number of milliseconds"))
        };
        match flag.as_str() {
            "--server" => server = Some(value()?),
            "--login" => login = Some(value()?),
            "--database" => database = Some(PathBuf::from(value()?)),
            "--poll-ms" => config.notifications_every = Some(millis(value()?)?),
            "--push-safety-ms" => config.push_safety_every = millis(value()?)?,
            "--status-ms" => config.status_every = millis(value()?)?,
            "--heartbeat-ms" => config.heartbeat_every = millis(value()?)?,
            "--max-backoff-ms" => config.max_backoff = millis(value()?)?,
            "--no-push" => config.push = false,
            "--once" => once = true,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        account: Account {
            server: server.ok_or("--server is required")?,
            login_name: login.ok_or("--login is required")?,
            ..Default::default()
        },
        database: database.ok_or("--database is required")?,
        config,
        once,
    })
}

fn app_password() -> Result<String, String> {
    if let Ok(password) = std::env::var(PASSWORD_VAR) {
        if !password.is_empty() {
            return Ok(password);
        }
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("reading the app password from stdin: {e}"))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(format!(
            "no app password: set {PASSWORD_VAR} or write it to stdin"
        ));
    }
    Ok(password)
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("nctray-engine: {problem}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(64);
        }
    };
    let password = match app_password() {
        Ok(password) => password,
        Err(problem) => {
            eprintln!("nctray-engine: {problem}");
            return ExitCode::from(64);
        }
    };
    // One thread is plenty for one account, and keeps the idle footprint small.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("nctray-engine: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(args, password))
}

async fn run(args: Args, password: String) -> ExitCode {
    let engine = match Engine::open(args.account, password, &args.database) {
        Ok(engine) => Arc::new(engine),
        Err(error) => {
            eprintln!("nctray-engine: {error}");
            return ExitCode::FAILURE;
        }
    };
    if args.once {
        return sync_once(&engine).await;
    }
    let (events, mut received) = tokio::sync::mpsc::unbounded_channel();
    let sync = tokio::spawn(supervise(
        engine.clone(),
        args.config,
        Arc::new(NeverIdle),
        events,
    ));
    let stop = shutdown_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            event = received.recv() => match event {
                Some(event) => show_event(&engine, &event),
                // The supervisor ended: only a refused app password does that.
                None => break,
            },
            _ = &mut stop => {
                sync.abort();
                return ExitCode::SUCCESS;
            }
        }
    }
    let _ = sync.await;
    ExitCode::from(2)
}

/// One notifications poll: every notification new for this account is printed as a popup.
async fn sync_once(engine: &Engine) -> ExitCode {
    let outcome = async {
        engine.capabilities().await?;
        engine.notifications().poll().await
    }
    .await;
    match outcome {
        Ok(_) => {
            print_event(&EngineEvent::State(AccountState::Online));
            let popups: Vec<Popup> = match engine.notifications().due_popups() {
                Ok(due) => due.into_iter().map(|n| Popup::One(Box::new(n))).collect(),
                Err(error) => {
                    emit(
                        json!({"event": "error", "kind": error.kind(), "message": error.to_string()}),
                    );
                    return ExitCode::FAILURE;
                }
            };
            show_event(engine, &EngineEvent::Popups(popups));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let unauthorized = matches!(
                error,
                nctray_engine::Error::Server(nctray_engine::nextcloud::Error::Unauthorized)
            );
            emit(json!({"event": "error", "kind": error.kind(), "message": error.to_string()}));
            if unauthorized {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Prints the event; popups are settled as shown once printed (and skipped when a retry
/// offers one already printed).
fn show_event(engine: &Engine, event: &EngineEvent) {
    let EngineEvent::Popups(popups) = event else {
        return print_event(event);
    };
    for popup in popups {
        let ids = popup.notification_ids();
        match engine.notifications().still_due(&ids) {
            Ok(due) if due.len() == ids.len() => {}
            // Printed already; what else a summary counts is offered again by itself.
            Ok(_) => continue,
            Err(error) => {
                eprintln!("nctray-engine: {error}");
                continue;
            }
        }
        print_event(&EngineEvent::Popups(vec![popup.clone()]));
        if let Err(error) = engine.notifications().popups_shown(&ids) {
            eprintln!("nctray-engine: {error}");
        }
    }
}

fn print_event(event: &EngineEvent) {
    event.to_json_lines().into_iter().for_each(emit);
}

/// Writes one line and flushes it at once: a reader sees each decision as it is made.
fn emit(mut line: Value) {
    line["at_ms"] = json!(SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default());
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}
