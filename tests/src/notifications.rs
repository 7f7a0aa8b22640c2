//! A recording `org.freedesktop.Notifications` server on the session's bus: it stands in for the
//! desktop's notification daemon, remembers every `Notify` and can answer with `ActionInvoked` or
//! `NotificationClosed` the way a daemon does when the user clicks or dismisses a popup.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

use crate::app::RunningApp;
use crate::desktop::Desktop;
use crate::session::Session;
use crate::tray::Tray;
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

impl RecordedNotification {
    /// The actions as (key, label) pairs, in the order sent.
    pub fn buttons(&self) -> Vec<(String, String)> {
        self.actions
            .chunks(2)
            .map(|pair| (pair[0].clone(), pair.get(1).cloned().unwrap_or_default()))
            .collect()
    }

    /// The key of the button labelled `label`.
    pub fn key_of(&self, label: &str) -> Option<String> {
        self.buttons()
            .into_iter()
            .find(|(_, l)| l == label)
            .map(|(key, _)| key)
    }
}

struct Record {
    notifications: Vec<RecordedNotification>,
    closed_by_client: Vec<u32>,
    last_id: u32,
    /// What `GetCapabilities` answers.
    capabilities: Vec<String>,
}

impl Default for Record {
    fn default() -> Self {
        Self {
            notifications: Vec::new(),
            closed_by_client: Vec::new(),
            last_id: 0,
            capabilities: vec!["actions".into(), "body".into()],
        }
    }
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
        self.record.lock().unwrap().capabilities.clone()
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

    /// KDE's inline reply: the text typed into the popup of the action `inline-reply`.
    #[zbus(signal)]
    async fn notification_replied(
        emitter: &SignalEmitter<'_>,
        id: u32,
        text: &str,
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

    /// Gives up the well-known name: the desktop has no notification server (as at login
    /// before the daemon started). The recorded notifications stay.
    pub async fn leave_bus(&self) -> Result<()> {
        self.connection.release_name(NAME).await?;
        Ok(())
    }

    /// Takes the well-known name again: the notification server has come.
    pub async fn return_to_bus(&self) -> Result<()> {
        self.connection.request_name(NAME).await?;
        Ok(())
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

    /// Adds `capability` to what `GetCapabilities` answers (e.g. `inline-reply`).
    pub fn advertise(&self, capability: &str) {
        let mut record = self.record.lock().unwrap();
        if !record.capabilities.iter().any(|c| c == capability) {
            record.capabilities.push(capability.to_owned());
        }
    }

    /// Emits `NotificationReplied(id, text)`, as a server with `inline-reply` does when the
    /// user sends text typed into the popup.
    pub async fn reply(&self, id: u32, text: &str) -> Result<()> {
        Daemon::notification_replied(&self.emitter()?, id, text).await?;
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

/// Stands in for the browser (`NCTRAY_BROWSER`): a script that writes each URL it is asked to
/// open into a file, so a test sees where a click on a popup led.
pub struct BrowserRecorder {
    script: PathBuf,
    opened: PathBuf,
}

impl BrowserRecorder {
    /// Writes the script into the session's folder.
    pub fn new(session: &Session) -> Result<Self> {
        let script = session.root().join("browser.sh");
        let opened = session.root().join("browser-opened.txt");
        fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
                opened.display()
            ),
        )?;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755))?;
        Ok(Self { script, opened })
    }

    /// The app's environment entry that makes it use this recorder.
    pub fn env(&self) -> (String, String) {
        ("NCTRAY_BROWSER".into(), self.script.display().to_string())
    }

    /// The URLs opened so far, oldest first.
    pub fn opened(&self) -> Vec<String> {
        fs::read_to_string(&self.opened)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Waits until `url` was opened.
    pub async fn wait_for(&self, url: &str, timeout: Duration) -> Result<()> {
        let what = format!("the browser to open {url}");
        wait_until_some(&what, timeout, || {
            let opened = self.opened().iter().any(|u| u == url).then_some(());
            async move { opened }
        })
        .await
        .with_context(|| format!("opened: {:?}", self.opened()))
    }
}

impl Desktop {
    /// Starts the tray app with `browser` as its browser and waits for its tray item.
    pub async fn start_tray_with_browser(
        &self,
        browser: &BrowserRecorder,
    ) -> Result<(RunningApp, Tray)> {
        let (name, value) = browser.env();
        let mut command = self.session.nctray()?;
        command.env(name, value);
        let app = RunningApp::spawn(
            command,
            self.session.log_file("tray-stdout"),
            self.session.log_file("tray-stderr"),
        )?;
        let tray = Tray::wait_for(&self.session, &app, crate::PATIENCE).await?;
        Ok((app, tray))
    }
}
