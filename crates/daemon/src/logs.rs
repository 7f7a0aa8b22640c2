//! Where nctray's log goes. The command line logs to stderr only: a person is watching it.
//! The tray also writes a daily file under `$XDG_STATE_HOME/nctray/logs/` (the last
//! [`KEEP_DAYS`] kept), since an autostarted tray has no terminal; panics land there too.
//!
//! The level comes from `NCTRAY_LOG` (an `EnvFilter`, e.g. `debug` or `warn,nctray=debug`).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer};

/// Log files older than this many days are deleted at start and at each day's rotation.
pub const KEEP_DAYS: usize = 7;
const FILE_PREFIX: &str = "nctray";
const FILE_SUFFIX: &str = "log";
const DEFAULT_LEVEL: &str = "warn,nctray=info";
/// Frames of the push socket may carry the app password on its way to the server: the
/// WebSocket library's own trace lines never reach a log, whatever `NCTRAY_LOG` asks for.
const ALWAYS_QUIET: [&str; 2] = ["tungstenite=off", "tokio_tungstenite=off"];

fn filter() -> EnvFilter {
    filter_from(std::env::var("NCTRAY_LOG").ok().as_deref())
}

/// The filter `NCTRAY_LOG` asks for (the default when unset or unreadable), with the
/// WebSocket library always quiet.
fn filter_from(asked: Option<&str>) -> EnvFilter {
    let mut filter = asked
        .and_then(|spec| EnvFilter::try_new(spec).ok())
        .unwrap_or_else(|| DEFAULT_LEVEL.into());
    for directive in ALWAYS_QUIET {
        if let Ok(directive) = directive.parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

/// Logs to stderr only (the command line).
pub fn to_stderr() {
    tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_writer(std::io::stderr)
        .init();
}

/// Logs to stderr and to the daily file in `dir`, and sends panics to the log. When the
/// folder cannot be made, the tray still runs, logging to stderr only.
pub fn to_file_and_stderr(dir: &Path) {
    let file = match daily_file(dir) {
        Ok(file) => Some(
            fmt::layer()
                .with_ansi(false)
                .with_writer(file)
                .with_filter(filter()),
        ),
        Err(error) => {
            eprintln!("nctray: cannot write the log in {}: {error}", dir.display());
            None
        }
    };
    tracing_subscriber::registry()
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(filter()),
        )
        .with(file)
        .init();
    log_panics();
}

/// The folder is the user's alone (0700): a log names servers, accounts and rooms.
fn daily_file(dir: &Path) -> std::io::Result<RollingFileAppender> {
    fs::create_dir_all(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(FILE_PREFIX)
        .filename_suffix(FILE_SUFFIX)
        .max_log_files(KEEP_DAYS)
        .build(dir)
        .map_err(std::io::Error::other)
}

/// A panic is written to the log (message and place) before the default hook prints it and
/// the process ends. The file writer is synchronous, so the line is on disk by then.
fn log_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        let place = info
            .location()
            .map_or_else(|| "unknown place".to_owned(), ToString::to_string);
        tracing::error!("panic at {place}: {message}");
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Collects what a subscriber writes.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_websocket_librarys_frames_never_reach_the_log_even_at_trace() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(filter_from(Some("trace")))
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::trace!(target: "tungstenite::protocol", "frame: authenticate alice s3cret");
            tracing::trace!(target: "tokio_tungstenite", "frame: s3cret");
            tracing::trace!(target: "nctray::push", "push socket connected");
        });
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(log.contains("push socket connected"), "{log}");
        assert!(!log.contains("s3cret"), "{log}");
    }

    #[test]
    fn the_log_folder_is_private_and_old_days_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("logs");
        fs::create_dir(&logs).unwrap();
        // Ten earlier days, oldest first (the appender orders them by creation).
        for day in 1..=10 {
            let name = format!("{FILE_PREFIX}.2026-01-{day:02}.{FILE_SUFFIX}");
            fs::write(logs.join(name), "old\n").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(15));
        }
        fs::write(logs.join("notes.txt"), "not a log").unwrap();

        let appender = daily_file(&logs).unwrap();
        drop(appender);

        let mode = fs::metadata(&logs).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let mut names: Vec<String> = fs::read_dir(&logs)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        let days: Vec<&String> = names.iter().filter(|n| n.ends_with(".log")).collect();
        assert!(days.len() <= KEEP_DAYS, "{names:?}");
        assert!(!names.iter().any(|n| n.contains("2026-01-01")), "{names:?}");
        assert!(names.iter().any(|n| n.contains("2026-01-10")), "{names:?}");
        assert!(names.contains(&"notes.txt".to_owned()), "{names:?}");
    }
}
