//! The daemon's local API, `org.nctray.Nctray1` on the session bus (crates/api describes it;
//! docs/org.nctray.Nctray1.xml is its introspection). The window process runs every command
//! through `Invoke`, the command line and desktop tools read the properties and listen to the
//! signals. Owning the name makes the daemon the single instance.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use nctray_api::{AppWindow, Nctray1Proxy, BUS_NAME, OBJECT_PATH};
use nctray_engine::accounts::Accounts;
use nctray_engine::nextcloud::StatusType;
use nctray_engine::AccountState;
use tokio::sync::watch;
use zbus::fdo;
use zbus::fdo::{RequestNameFlags, RequestNameReply};
use zbus::names::InterfaceName;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::Value;

use crate::app::App;
use crate::tray_unread::TrayUnread;
use crate::{images, ipc, shell};

/// Whether this process got the API's name.
pub enum Claim {
    /// It did: the daemon runs here, its API is on this connection.
    Ours(Ready),
    /// Another daemon runs: talk to it.
    Running(Nctray1Proxy<'static>),
}

/// The API on the bus, waiting for the daemon's [`App`] to answer calls (a call that comes
/// while the daemon opens its accounts waits for it).
pub struct Ready {
    pub bus: zbus::Connection,
    app: watch::Sender<Option<App>>,
}

impl Ready {
    pub fn serve(self, app: &App) {
        app.set_bus(self.bus.clone());
        let _ = self.app.send(Some(app.clone()));
    }
}

/// Puts the API on the session bus and claims its name.
pub async fn claim() -> anyhow::Result<Claim> {
    let (sender, app) = watch::channel(None);
    let api = Api {
        app,
        sent: Mutex::default(),
    };
    // Served through the builder, which returns once the object server listens: with
    // `object_server().at()` on a finished connection, a call that came right after the name
    // was claimed could arrive before the server listened, and was lost (no answer, ever).
    let bus = zbus::connection::Builder::session()?
        .serve_at(OBJECT_PATH, api)?
        .build()
        .await?;
    let reply = bus
        .request_name_with_flags(BUS_NAME, RequestNameFlags::DoNotQueue.into())
        .await;
    match reply {
        Ok(RequestNameReply::PrimaryOwner | RequestNameReply::AlreadyOwner) => {
            Ok(Claim::Ours(Ready { bus, app: sender }))
        }
        Ok(RequestNameReply::Exists | RequestNameReply::InQueue) | Err(zbus::Error::NameTaken) => {
            Ok(Claim::Running(Nctray1Proxy::new(&bus).await?))
        }
        Err(error) => Err(error.into()),
    }
}

/// Tells listeners which properties changed (status, counts, connection), in one
/// `PropertiesChanged` signal each time [`App::properties_changed`] is called; nothing when
/// none did. One task for the daemon's life, so announcements never overtake each other.
pub async fn announce_properties(bus: zbus::Connection, changed: Arc<tokio::sync::Notify>) {
    let Ok(api) = bus.object_server().interface::<_, Api>(OBJECT_PATH).await else {
        return;
    };
    loop {
        changed.notified().await;
        let now = api.get().await.properties().await;
        let changed = {
            let api = api.get().await;
            let mut sent = api.sent.lock().unwrap_or_else(PoisonError::into_inner);
            let changed = now.changed_since(&sent);
            *sent = now;
            changed
        };
        if changed.is_empty() {
            continue;
        }
        let sent = fdo::Properties::properties_changed(
            api.signal_emitter(),
            InterfaceName::from_static_str_unchecked(nctray_api::INTERFACE),
            changed,
            Cow::Borrowed(&[]),
        )
        .await;
        if let Err(error) = sent {
            tracing::debug!("cannot announce the API's properties: {error}");
        }
    }
}

/// The properties' values, as last announced.
#[derive(Debug, Clone, Default, PartialEq)]
struct Properties {
    status: String,
    status_message: String,
    notifications: u32,
    mentions: u32,
    account_state: String,
}

impl Properties {
    /// The properties (by their D-Bus names) that differ from `before`, with their values.
    fn changed_since(&self, before: &Properties) -> HashMap<&'static str, Value<'static>> {
        let mut changed = HashMap::new();
        let mut text = |name, now: &String, then: &String| {
            if now != then {
                changed.insert(name, Value::from(now.clone()));
            }
        };
        text("Status", &self.status, &before.status);
        text(
            "StatusMessage",
            &self.status_message,
            &before.status_message,
        );
        text("AccountState", &self.account_state, &before.account_state);
        for (name, now, then) in [
            ("Notifications", self.notifications, before.notifications),
            ("Mentions", self.mentions, before.mentions),
        ] {
            if now != then {
                changed.insert(name, Value::from(now));
            }
        }
        changed
    }
}

struct Api {
    app: watch::Receiver<Option<App>>,
    /// What the last `PropertiesChanged` said.
    sent: Mutex<Properties>,
}

impl Api {
    async fn app(&self) -> fdo::Result<App> {
        let mut app = self.app.clone();
        let ready = app
            .wait_for(Option::is_some)
            .await
            .map_err(|_| fdo::Error::Failed("nctray is stopping".into()))?;
        Ok(ready.clone().expect("waited for it"))
    }

    /// Every property's value now (the status read once for both of its properties).
    async fn properties(&self) -> Properties {
        let status = self.primary_status().await;
        Properties {
            status: status
                .as_ref()
                .map(|snapshot| snapshot.status_type().as_str().to_owned())
                .unwrap_or_default(),
            status_message: status
                .map(|snapshot| snapshot.message_line())
                .unwrap_or_default(),
            notifications: self.notifications().await,
            mentions: self.mentions().await,
            account_state: self.account_state().await,
        }
    }

    /// The primary account's cached status, read off the runtime's workers.
    async fn primary_status(&self) -> Option<nctray_engine::StatusSnapshot> {
        let app = self.app().await.ok()?;
        let engine = app.state::<Accounts>().primary()?;
        tokio::task::spawn_blocking(move || engine.status().cached().ok().flatten())
            .await
            .ok()
            .flatten()
    }
}

#[zbus::interface(name = "org.nctray.Nctray1")]
impl Api {
    /// Runs one of the windows' commands: `command` by name, `args` a JSON object; the
    /// answer is `{"ok": value}` or `{"err": error}`.
    async fn invoke(&self, command: &str, args: &str) -> fdo::Result<String> {
        let app = self.app().await?;
        let args = if args.trim().is_empty() {
            serde_json::Value::Object(Default::default())
        } else {
            serde_json::from_str(args)
                .map_err(|e| fdo::Error::InvalidArgs(format!("the arguments are no JSON: {e}")))?
        };
        let reply = ipc::dispatch(&app, command, args).await;
        serde_json::to_string(&reply).map_err(|e| fdo::Error::Failed(e.to_string()))
    }

    async fn open_window(&self, name: &str, x: i32, y: i32) -> fdo::Result<()> {
        let which: AppWindow = name.parse().map_err(fdo::Error::InvalidArgs)?;
        let app = self.app().await?;
        if which == AppWindow::Popover && x >= 0 && y >= 0 {
            shell::toggle_popover(&app, x, y);
        } else {
            shell::open_or_log(&app, which);
        }
        Ok(())
    }

    async fn fetch_image(&self, url: &str) -> fdo::Result<(Vec<u8>, String)> {
        let app = self.app().await?;
        images::fetch(&app, url).await.map_err(fdo::Error::Failed)
    }

    async fn set_status(&self, status: &str) -> fdo::Result<()> {
        let status: StatusType = status
            .parse()
            .map_err(|_| fdo::Error::InvalidArgs(format!("no status {status:?}")))?;
        let app = self.app().await?;
        let engine = app
            .state::<Accounts>()
            .primary()
            .ok_or_else(|| fdo::Error::Failed("no account is signed in".into()))?;
        let snapshot = engine
            .status()
            .set(status)
            .await
            .map_err(|e| fdo::Error::Failed(crate::errors::explain(&e)))?;
        crate::ui_events::announce_status_of(&app, &engine.account().key(), &snapshot);
        Ok(())
    }

    async fn quit(&self) -> fdo::Result<()> {
        self.app().await?.exit();
        Ok(())
    }

    #[zbus(property)]
    async fn status(&self) -> String {
        self.primary_status()
            .await
            .map(|snapshot| snapshot.status_type().as_str().to_owned())
            .unwrap_or_default()
    }

    #[zbus(property)]
    async fn status_message(&self) -> String {
        self.primary_status()
            .await
            .map(|snapshot| snapshot.message_line())
            .unwrap_or_default()
    }

    #[zbus(property)]
    async fn notifications(&self) -> u32 {
        match self.app().await {
            Ok(app) => app.state::<TrayUnread>().total().notifications as u32,
            Err(_) => 0,
        }
    }

    #[zbus(property)]
    async fn mentions(&self) -> u32 {
        match self.app().await {
            Ok(app) => app.state::<TrayUnread>().total().mentions.max(0) as u32,
            Err(_) => 0,
        }
    }

    #[zbus(property)]
    async fn account_state(&self) -> String {
        let Ok(app) = self.app().await else {
            return "none".into();
        };
        let session = app.state::<Accounts>();
        let Some(primary) = session.primary() else {
            let waiting = session.keyring_wait();
            return if waiting.accounts.is_empty() {
                "none"
            } else {
                "keyring-locked"
            }
            .into();
        };
        let key = primary.account().key();
        if !session.is_syncing(&key) {
            return "paused".into();
        }
        match session.state(&key) {
            None | Some(AccountState::Online) => "online",
            Some(AccountState::Offline { .. } | AccountState::Maintenance) => "offline",
            Some(AccountState::SignInNeeded | AccountState::CertificateChanged) => "sign-in-needed",
        }
        .into()
    }

    #[zbus(signal)]
    async fn event(emitter: &SignalEmitter<'_>, name: &str, payload: &str) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn window_requested(
        emitter: &SignalEmitter<'_>,
        name: &str,
        x: i32,
        y: i32,
    ) -> zbus::Result<()>;
}
