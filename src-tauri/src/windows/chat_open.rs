//! While the quick chat is open the daemon keeps its account's room list fresh and the open
//! room's long poll running: the shell tells it when the window opens and when it is gone
//! (`chat_window_open`).

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Manager, Runtime, WebviewWindow, WindowEvent};

use crate::daemon::Daemon;

/// Whether this process showed the chat window: at exit it says once more that it is closed.
static SHOWN: AtomicBool = AtomicBool::new(false);

pub fn tell_daemon_while_open<R: Runtime>(window: &WebviewWindow<R>) {
    let Some(daemon) = window.app_handle().try_state::<Daemon>() else {
        return;
    };
    let daemon = daemon.inner().clone();
    SHOWN.store(true, Ordering::Relaxed);
    spawn_tell(&daemon, true);
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Destroyed) {
            spawn_tell(&daemon, false);
        }
    });
}

/// Called once the windows are gone, before the process ends. What the window's `Destroyed`
/// sent may not have gone out yet when the last window closes, and the process can take
/// seconds more to end (a graphics driver's thread finishing its work), which is when the
/// daemon would learn it from the bus: until then it would keep polling for nobody.
pub async fn tell_daemon_closed_at_exit(daemon: &Daemon) {
    if SHOWN.load(Ordering::Relaxed) {
        tell(daemon, false).await;
    }
}

fn spawn_tell(daemon: &Daemon, open: bool) {
    let daemon = daemon.clone();
    tauri::async_runtime::spawn(async move { tell(&daemon, open).await });
}

async fn tell(daemon: &Daemon, open: bool) {
    let args = serde_json::json!({ "open": open }).to_string();
    if let Err(report) = daemon.invoke("chat_window_open", &args).await {
        tracing::warn!("cannot tell the daemon the chat is open={open}: {report}");
    }
}
