//! A StatusNotifierWatcher on the session's bus, as a desktop's panel runs one: tray items
//! register with it, and a panel shows only what registered. It stands in for the panel the
//! same way [`crate::NotificationServer`] stands in for the notification daemon.

use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use zbus::message::Header;
use zbus::object_server::SignalEmitter;

use crate::session::Session;

const NAME: &str = "org.kde.StatusNotifierWatcher";
const PATH: &str = "/StatusNotifierWatcher";

/// The watcher. It stops serving when dropped.
pub struct TrayWatcher {
    _connection: zbus::Connection,
    items: Arc<Mutex<Vec<String>>>,
}

struct Watcher {
    items: Arc<Mutex<Vec<String>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    async fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<()> {
        // The item names its bus name, or only its object path (then the caller is the owner).
        let item = if service.starts_with('/') {
            let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
            format!("{sender}{service}")
        } else {
            service
        };
        self.items.lock().unwrap().push(item.clone());
        Self::status_notifier_item_registered(&emitter, &item).await?;
        Ok(())
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap().clone()
    }

    /// A panel is there to show the items.
    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(
        emitter: &SignalEmitter<'_>,
        service: &str,
    ) -> zbus::Result<()>;
}

impl TrayWatcher {
    /// Starts serving on the session's bus under the well-known name (start it before the app).
    pub async fn start(session: &Session) -> Result<Self> {
        let items = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::connection::Builder::address(session.bus_address())?
            .serve_at(
                PATH,
                Watcher {
                    items: items.clone(),
                },
            )?
            .name(NAME)?
            .build()
            .await
            .context("serving org.kde.StatusNotifierWatcher on the session's bus")?;
        Ok(Self {
            _connection: connection,
            items,
        })
    }

    /// Every item that registered so far (`<bus name>` or `<bus name><object path>`).
    pub fn registered(&self) -> Vec<String> {
        self.items.lock().unwrap().clone()
    }
}
