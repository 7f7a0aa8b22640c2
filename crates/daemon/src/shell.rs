//! The windows live in a process of their own, `nctray-windows` (the Tauri shell), which the
//! daemon starts when a window is asked for and which exits with its last window. While one
//! runs (it holds its bus name, whoever started it), the daemon asks it for a window with the
//! API's `WindowRequested` signal; else it starts one with `--window`. A shell that starts while
//! another runs hands its `--window` over and exits (its single-instance hand-over), so a
//! request that meets a shell in the instant it exits is not lost either way.

use std::path::PathBuf;

use nctray_api::{AppWindow, WINDOWS_BINARY, WINDOWS_BUS_NAME};

use crate::app::App;

/// Starts window processes and reaps them.
#[derive(Default)]
pub struct Shell;

/// Shows `which`, logging instead of failing: a window that cannot open must not take the tray
/// down.
pub fn open_or_log(app: &App, which: AppWindow) {
    open_at(app, which, None);
}

/// A left click on the tray icon at `x`, `y`: the popover toggles there.
pub fn toggle_popover(app: &App, x: i32, y: i32) {
    open_at(app, AppWindow::Popover, Some((x, y)));
}

fn open_at(app: &App, which: AppWindow, at: Option<(i32, i32)>) {
    let app = app.clone();
    tokio::spawn(async move {
        let Some(bus) = app.bus().cloned() else {
            return;
        };
        if shell_runs(&bus).await {
            tracing::info!("asking the window process for the {} window", which.label());
            let (x, y) = at.unwrap_or((-1, -1));
            let sent = bus
                .emit_signal(
                    None::<()>,
                    nctray_api::OBJECT_PATH,
                    nctray_api::INTERFACE,
                    "WindowRequested",
                    &(which.label(), x, y),
                )
                .await;
            if let Err(error) = sent {
                tracing::warn!("cannot ask for the {} window: {error}", which.label());
            }
        } else if let Err(error) = app.state::<Shell>().start(which, at) {
            tracing::warn!("cannot open the {} window: {error}", which.label());
        }
    });
}

/// When the window process goes (its last window closed, or it died), what it kept alive
/// stops: the open chat's long poll and the quick chat's faster room list.
pub async fn follow_window_process(app: App) {
    let Some(bus) = app.bus().cloned() else {
        return;
    };
    let changes = async {
        let dbus = zbus::fdo::DBusProxy::new(&bus).await?;
        dbus.receive_name_owner_changed_with_args(&[(0, WINDOWS_BUS_NAME)])
            .await
    };
    let mut changes = match changes.await {
        Ok(changes) => changes,
        Err(error) => return tracing::warn!("cannot follow the window process: {error}"),
    };
    use futures_util::StreamExt;
    while let Some(change) = changes.next().await {
        let gone = change.args().is_ok_and(|args| args.new_owner().is_none());
        if gone {
            tracing::info!("the window process is gone");
            app.state::<crate::chat_live::LiveChat>().stop();
            app.state::<nctray_engine::accounts::Accounts>()
                .set_chat_open(false);
        }
    }
}

/// Whether a window process holds its bus name.
async fn shell_runs(bus: &zbus::Connection) -> bool {
    let Ok(dbus) = zbus::fdo::DBusProxy::new(bus).await else {
        return false;
    };
    let Ok(name) = zbus::names::BusName::try_from(WINDOWS_BUS_NAME) else {
        return false;
    };
    dbus.name_has_owner(name).await.unwrap_or(false)
}

impl Shell {
    fn start(&self, which: AppWindow, at: Option<(i32, i32)>) -> std::io::Result<()> {
        let mut command = tokio::process::Command::new(binary()?);
        command.args(["--window", which.label()]);
        if let Some((x, y)) = at {
            command.arg(format!("--at={x},{y}"));
        }
        let mut child = command.kill_on_drop(false).spawn()?;
        tracing::info!(
            "started the window process (pid {:?}) for the {} window",
            child.id(),
            which.label()
        );
        // Reaped as soon as it ends, so no zombie stays behind.
        tokio::spawn(async move {
            let status = child.wait().await;
            tracing::info!("the window process ended: {status:?}");
        });
        Ok(())
    }
}

/// `nctray-windows` beside this binary (both are installed in the same folder).
fn binary() -> std::io::Result<PathBuf> {
    Ok(std::env::current_exe()?.with_file_name(WINDOWS_BINARY))
}
