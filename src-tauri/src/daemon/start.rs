//! Making sure the daemon runs before the shell asks it anything: when nobody owns its bus
//! name, the shell starts the `nctray` beside its own binary and waits for the name.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use futures_util::StreamExt;
use nctray_api::{BUS_NAME, DAEMON_BINARY};
use zbus::fdo::DBusProxy;
use zbus::names::BusName;

/// How long a daemon may take to claim its name (it opens no account before that).
const PATIENCE: Duration = Duration::from_secs(15);
/// How often a daemon that was started is checked for having exited instead.
const CHECK_EVERY: Duration = Duration::from_millis(100);

/// Starts the daemon unless it runs; returns whether this shell started it. `demo` and
/// `lang` go to a daemon started here.
pub async fn ensure_running(
    connection: &zbus::Connection,
    demo: bool,
    lang: Option<&str>,
) -> anyhow::Result<bool> {
    let program = sibling(DAEMON_BINARY)?;
    ensure_running_from(connection, &program, daemon_command(&program, demo, lang)).await
}

/// Runs `command` (the daemon at `program`) unless the daemon's name is owned.
async fn ensure_running_from(
    connection: &zbus::Connection,
    program: &Path,
    mut command: Command,
) -> anyhow::Result<bool> {
    let bus = DBusProxy::new(connection).await?;
    let name = BusName::try_from(BUS_NAME)?;
    // Listening before looking, so that a daemon claiming the name in between is not missed.
    let mut owners = bus
        .receive_name_owner_changed_with_args(&[(0, BUS_NAME)])
        .await?;
    if bus.name_has_owner(name.clone()).await? {
        return Ok(false);
    }
    tracing::info!("starting nctray's background service {}", program.display());
    let mut child = command.spawn().with_context(|| {
        format!(
            "cannot start nctray's background service {}",
            program.display()
        )
    })?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        tokio::select! {
            Some(_) = owners.next() => {}
            () = tokio::time::sleep(CHECK_EVERY) => {}
        }
        if bus.name_has_owner(name.clone()).await? {
            return Ok(true);
        }
        if let Some(status) = child.try_wait()? {
            bail!(
                "nctray's background service {} stopped at start ({status}); its messages are above",
                program.display()
            );
        }
        if Instant::now() >= deadline {
            give_up(&mut child);
            bail!(
                "nctray's background service {} did not come up on the session bus within {} s",
                program.display(),
                PATIENCE.as_secs()
            );
        }
    }
}

/// A daemon that never claimed its name is stopped: one appearing later, after the person
/// was told it failed, would only confuse.
fn give_up(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// `name` in the folder of this shell's binary (they are installed side by side).
fn sibling(name: &str) -> anyhow::Result<PathBuf> {
    let shell = std::env::current_exe().context("cannot find the window shell's own binary")?;
    Ok(shell.with_file_name(name))
}

/// The daemon's command: it writes to the shell's stdout and stderr. It stays in the shell's
/// process group, so that whoever stops the group (a terminal's Ctrl-C, a test's driver)
/// stops the daemon this shell started too; it outlives the shell otherwise. It opens no
/// window of its own (`--for-windows`): this shell shows what was asked for.
fn daemon_command(program: &Path, demo: bool, lang: Option<&str>) -> Command {
    let mut command = Command::new(program);
    command.arg("--for-windows");
    if demo {
        command.arg("--demo");
    }
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    command.stdin(Stdio::null());
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_bus::{FakeDaemon, PrivateBus};

    fn args(command: &Command) -> Vec<String> {
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_daemon_gets_demo_and_language_and_never_a_window() {
        let program = Path::new("/opt/nctray/nctray");
        assert_eq!(
            args(&daemon_command(program, false, None)),
            ["--for-windows"]
        );
        assert_eq!(
            args(&daemon_command(program, true, Some("de"))),
            ["--for-windows", "--demo", "--lang", "de"]
        );
    }

    #[test]
    fn a_running_daemon_is_used_as_it_is() {
        let bus = PrivateBus::start();
        tauri::async_runtime::block_on(async {
            let _served = bus.serve_fake_daemon(FakeDaemon::default()).await;
            let missing = Path::new("/nonexistent/nctray");
            let started = ensure_running_from(&bus.connect().await, missing, Command::new(missing))
                .await
                .unwrap();
            assert!(!started);
        });
    }

    #[test]
    fn a_daemon_that_stops_at_start_is_reported_at_once() {
        let bus = PrivateBus::start();
        let error = tauri::async_runtime::block_on(async {
            let program = Path::new("/bin/false");
            ensure_running_from(&bus.connect().await, program, Command::new(program))
                .await
                .unwrap_err()
                .to_string()
        });
        assert!(error.contains("/bin/false stopped at start"), "{error}");
    }

    #[test]
    fn a_daemon_that_cannot_be_started_says_which_file_was_missing() {
        let bus = PrivateBus::start();
        let error = tauri::async_runtime::block_on(async {
            let missing = Path::new("/nonexistent/nctray");
            ensure_running_from(&bus.connect().await, missing, Command::new(missing))
                .await
                .unwrap_err()
                .to_string()
        });
        assert!(
            error.contains("cannot start nctray's background service /nonexistent/nctray"),
            "{error}"
        );
    }

    #[test]
    fn the_daemon_is_looked_for_beside_the_shell() {
        let daemon = sibling(DAEMON_BINARY).unwrap();
        let shell = std::env::current_exe().unwrap();
        assert_eq!(daemon.parent(), shell.parent());
        assert_eq!(daemon.file_name().unwrap(), DAEMON_BINARY);
    }
}
