//! A recording `org.freedesktop.Notifications` server on the session's bus: it stands in for the
//! desktop's notification daemon, remembers every `Notify` and can answer with `ActionInvoked` or
//! `NotificationClosed` the way a daemon does when the user clicks or dismisses a popup.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

use crate::session::Session;
use crate::wait::wait_until_some;

const PATH: &str = "/org/freedesktop/Notifications";
const NAME: &str = "org.freedesktop.Notifications";

/// One `Notify` call as the server received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedNotification {
    /// The id the server answered with.
    pub id: u32,
    pub app_name: String,
    pub replaces_id: u32,
    pub app_icon: String,
    pub summary: String,
    pub body: String,
    /// Flat list of action key, label, key, label…
    pub actions: Vec<String>,
    /// Each hint's value in GVariant text format (`'im.message'`, `uint32 5`, …).
    pub hints: BTreeMap<String, String>,
    pub expire_timeout: i32,
}

#[derive(Default)]
struct Record {
    notifications: Vec<RecordedNotification>,
    closed_by_client: Vec<u32>,
    last_id: u32,
}

/// The recording notification server. It stops serving when dropped.
pub struct NotificationServer {
    connection: zbus::Connection,
    record: Arc<Mutex<Record>>,
}

struct Daemon {
    record: Arc<Mutex<Record>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Daemon {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedValue>,
        expire_timeout: i32,
    ) -> u32 {
        let mut record = self.record.lock().unwrap();
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            record.last_id += 1;
            record.last_id
        };
        record.notifications.push(RecordedNotification {
            id,
            app_name,
            replaces_id,
            app_icon,
            summary,
            body,
            actions,
            hints: hints
                .iter()
                .map(|(key, value)| (key.clone(), value.to_string()))
                .collect(),
            expire_timeout,
        });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "nctray-e2e".into(),
            "nctray".into(),
            "0.1".into(),
            "1.2".into(),
        )
    }

    async fn close_notification(
        &self,
        id: u32,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<()> {
        self.record.lock().unwrap().closed_by_client.push(id);
        // 3: closed by a call to CloseNotification.
        Self::notification_closed(&emitter, id, 3).await?;
        Ok(())
    }

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;
}

impl NotificationServer {
    /// Starts serving on the session's bus under the well-known name (start it before the app).
    pub async fn start(session: &Session) -> Result<Self> {
        let record = Arc::new(Mutex::new(Record::default()));
        let connection = zbus::connection::Builder::address(session.bus_address())?
            .serve_at(
                PATH,
                Daemon {
                    record: record.clone(),
                },
            )?
            .name(NAME)?
            .build()
            .await
            .context("serving org.freedesktop.Notifications on the session's bus")?;
        Ok(Self { connection, record })
    }

    /// Every notification received so far, oldest first.
    pub fn notifications(&self) -> Vec<RecordedNotification> {
        self.record.lock().unwrap().notifications.clone()
    }

    /// The received notifications that match `predicate`.
    pub fn matching(
        &self,
        predicate: impl Fn(&RecordedNotification) -> bool,
    ) -> Vec<RecordedNotification> {
        self.notifications()
            .into_iter()
            .filter(|n| predicate(n))
            .collect()
    }

    /// Ids the app asked to close with `CloseNotification`.
    pub fn closed_by_client(&self) -> Vec<u32> {
        self.record.lock().unwrap().closed_by_client.clone()
    }

    /// Waits for the first notification that matches `predicate`.
    pub async fn wait_for(
        &self,
        what: &str,
        predicate: impl Fn(&RecordedNotification) -> bool,
        timeout: Duration,
    ) -> Result<RecordedNotification> {
        let result = wait_until_some(what, timeout, || {
            let found = self.notifications().into_iter().find(|n| predicate(n));
            async move { found }
        })
        .await;
        result.with_context(|| format!("notifications received: {:#?}", self.notifications()))
    }

    /// Emits `ActionInvoked(id, key)`, as a daemon does when the user clicks an action.
    pub async fn invoke_action(&self, id: u32, key: &str) -> Result<()> {
        Daemon::action_invoked(&self.emitter()?, id, key).await?;
        Ok(())
    }

    /// Emits `NotificationClosed(id, reason)` (1 expired, 2 dismissed by the user, 3 closed by
    /// `CloseNotification`, 4 other).
    pub async fn close(&self, id: u32, reason: u32) -> Result<()> {
        Daemon::notification_closed(&self.emitter()?, id, reason).await?;
        Ok(())
    }

    fn emitter(&self) -> Result<SignalEmitter<'static>> {
        Ok(SignalEmitter::new(&self.connection, PATH)?.into_owned())
    }
}
