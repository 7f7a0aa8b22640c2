//! The shell's line to the daemon: one session-bus connection shared by every call, event and
//! image. The daemon holds the accounts and their credentials; the shell only asks.

mod start;

pub use start::ensure_running;

use nctray_api::Nctray1Proxy;
use serde_json::Value;
use zbus::proxy::CacheProperties;

use crate::reply::{self, Answer};

#[derive(Clone)]
pub struct Daemon {
    proxy: Nctray1Proxy<'static>,
}

impl Daemon {
    pub async fn new(connection: &zbus::Connection) -> zbus::Result<Daemon> {
        // The shell reads no property: caching them would only cost a round trip at start.
        let proxy = Nctray1Proxy::builder(connection)
            .cache_properties(CacheProperties::No)
            .build()
            .await?;
        Ok(Daemon { proxy })
    }

    /// Runs one of the windows' commands in the daemon (`args` is the JSON object of its
    /// arguments).
    pub async fn invoke(&self, command: &str, args: &str) -> Answer {
        match self.proxy.invoke(command, args).await {
            Ok(text) => reply::answer(&text),
            Err(error) => Err(reply::unreachable(&error)),
        }
    }

    /// A command the shell itself needs, without arguments; a failure is worded for the log.
    pub async fn ask(&self, command: &str) -> anyhow::Result<Value> {
        self.invoke(command, "{}").await.map_err(|report| {
            anyhow::anyhow!(
                "the daemon's {command} failed: {}",
                report["message"].as_str().unwrap_or("(no message)")
            )
        })
    }

    /// An image the windows show (`nctray-img:` URL): its bytes and MIME type.
    pub async fn fetch_image(&self, url: &str) -> zbus::Result<(Vec<u8>, String)> {
        self.proxy.fetch_image(url).await
    }

    pub fn proxy(&self) -> &Nctray1Proxy<'static> {
        &self.proxy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_bus::{FakeDaemon, PrivateBus};

    #[test]
    fn images_come_from_the_daemon_and_a_missing_one_is_an_error() {
        let bus = PrivateBus::start();
        tauri::async_runtime::block_on(async {
            let _served = bus.serve_fake_daemon(FakeDaemon::default()).await;
            let daemon = Daemon::new(&bus.connect().await).await.unwrap();
            let (bytes, mime) = daemon
                .fetch_image("nctray-img://localhost/avatar/alice")
                .await
                .unwrap();
            assert_eq!(
                (bytes.as_slice(), mime.as_str()),
                (&b"PNG"[..], "image/png")
            );
            assert!(daemon
                .fetch_image("nctray-img://localhost/avatar/bob")
                .await
                .is_err());
        });
    }

    #[test]
    fn a_daemon_that_is_gone_gives_the_window_an_internal_error() {
        let bus = PrivateBus::start();
        tauri::async_runtime::block_on(async {
            let daemon = Daemon::new(&bus.connect().await).await.unwrap();
            let report = daemon.invoke("status_get", "{}").await.unwrap_err();
            assert_eq!(report["kind"], "internal");
            assert!(daemon.ask("app_info").await.is_err());
        });
    }
}
