//! The shell lives for its windows and for the daemon: it exits when its last window closes
//! (Tauri's own rule, left as it is), and when the daemon goes away it closes every window,
//! since they could show nothing more, and exits with 1.

use futures_util::StreamExt;
use tauri::{AppHandle, Runtime};
use zbus::proxy::OwnerChangedStream;

use crate::daemon::Daemon;

/// Changes of the daemon's bus name owner, listened to from the shell's start.
pub struct DaemonWatch(OwnerChangedStream<'static>);

impl DaemonWatch {
    pub async fn new(daemon: &Daemon) -> zbus::Result<DaemonWatch> {
        Ok(DaemonWatch(
            daemon.proxy().inner().receive_owner_changed().await?,
        ))
    }

    /// Waits until nobody owns the daemon's name any more (or the bus itself is gone).
    pub async fn until_gone(mut self) {
        while let Some(owner) = self.0.next().await {
            if owner.is_none() {
                return;
            }
        }
    }

    /// Ends the shell when the daemon stops.
    pub fn exit_with_daemon<R: Runtime>(self, app: &AppHandle<R>) {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            self.until_gone().await;
            tracing::error!(
                "nctray's background service stopped: closing the windows (start nctray again to get them back)"
            );
            app.exit(1);
        });
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::test_bus::{FakeDaemon, PrivateBus};

    #[test]
    fn the_shell_hears_when_the_daemon_goes() {
        let bus = PrivateBus::start();
        tauri::async_runtime::block_on(async {
            let served = bus.serve_fake_daemon(FakeDaemon::default()).await;
            let daemon = Daemon::new(&bus.connect().await).await.unwrap();
            let watch = DaemonWatch::new(&daemon).await.unwrap();
            let gone = tauri::async_runtime::spawn(watch.until_gone());
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert!(!gone.inner().is_finished(), "the daemon still runs");
            drop(served);
            // A guard against a hang, not a measure.
            tokio::time::timeout(Duration::from_secs(10), gone)
                .await
                .expect("the watch ends when the daemon's name is released")
                .unwrap();
        });
    }
}
