//! What the running daemon works with, handed to every part of it: the engine's accounts, the
//! state the windows' commands keep (sign-in, the live chat, the chat target), what waits in
//! the tray, the tray itself and the bus the daemon speaks on. One `App`, cloned cheaply.

use std::sync::{Arc, OnceLock};

use nctray_engine::accounts::Accounts;
use serde::Serialize;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

use crate::chat_live::LiveChat;
use crate::chat_target::PendingChatTarget;
use crate::keyring_wait::KeyringRetry;
use crate::shell::Shell;
use crate::sign_in::SignIn;
use crate::tray::Tray;
use crate::tray_unread::TrayUnread;

#[derive(Clone)]
pub struct App(Arc<Parts>);

pub struct Parts {
    session: Accounts,
    live_chat: LiveChat,
    sign_in: SignIn,
    keyring_retry: KeyringRetry,
    chat_target: PendingChatTarget,
    unread: TrayUnread,
    shell: Shell,
    tray: OnceLock<Tray>,
    /// The session bus with the daemon's API on it, once it serves.
    bus: OnceLock<zbus::Connection>,
    /// The API's `Event` signals (name, JSON payload) on their way to the bus, once it serves.
    events: OnceLock<UnboundedSender<(String, String)>>,
    /// The API's properties may have changed: the one task that announces them looks.
    properties: Arc<tokio::sync::Notify>,
    quit: tokio::sync::Notify,
}

/// A part of the daemon that [`App::state`] hands out.
pub trait Part {
    fn of(parts: &Parts) -> &Self;
}

macro_rules! parts {
    ($($ty:ty => $field:ident),* $(,)?) => {
        $(impl Part for $ty {
            fn of(parts: &Parts) -> &Self {
                &parts.$field
            }
        })*
    };
}

parts! {
    Accounts => session,
    LiveChat => live_chat,
    SignIn => sign_in,
    KeyringRetry => keyring_retry,
    PendingChatTarget => chat_target,
    TrayUnread => unread,
    Shell => shell,
}

impl App {
    pub fn new(session: Accounts) -> Self {
        App(Arc::new(Parts {
            session,
            live_chat: LiveChat::default(),
            sign_in: SignIn::default(),
            keyring_retry: KeyringRetry::default(),
            chat_target: PendingChatTarget::default(),
            unread: TrayUnread::default(),
            shell: Shell,
            tray: OnceLock::new(),
            bus: OnceLock::new(),
            events: OnceLock::new(),
            properties: Arc::default(),
            quit: tokio::sync::Notify::new(),
        }))
    }

    pub fn state<T: Part>(&self) -> &T {
        T::of(&self.0)
    }

    /// The tray, once it is drawn.
    pub fn tray(&self) -> Option<&Tray> {
        self.0.tray.get()
    }

    pub fn set_tray(&self, tray: Tray) {
        let _ = self.0.tray.set(tray);
    }

    pub fn bus(&self) -> Option<&zbus::Connection> {
        self.0.bus.get()
    }

    /// Serves on `bus` from now on; the events go out from here (call it on the runtime).
    pub fn set_bus(&self, bus: zbus::Connection) {
        let (events, queued) = unbounded_channel();
        if self.0.events.set(events).is_ok() {
            tokio::spawn(send_events(bus.clone(), queued));
            let properties = self.0.properties.clone();
            tokio::spawn(crate::api::announce_properties(bus.clone(), properties));
        }
        let _ = self.0.bus.set(bus);
    }

    /// Tells the windows (and whoever listens on the bus) about a change: the API's `Event`
    /// signal with the event's name and JSON payload, after every event told before it.
    pub fn emit<T: Serialize>(&self, event: &str, payload: T) {
        let Some(events) = self.0.events.get() else {
            return;
        };
        match serde_json::to_string(&payload) {
            Ok(json) => {
                let _ = events.send((event.to_owned(), json));
            }
            Err(error) => tracing::warn!("cannot send {event}: {error}"),
        }
    }

    /// The status, the counts or an account's state may have changed: the API announces
    /// what did, in order (one task announces; changes that come meanwhile are read together).
    pub fn properties_changed(&self) {
        self.0.properties.notify_one();
    }

    /// Ends the daemon (the tray's "Quit", the API's `Quit`).
    pub fn exit(&self) {
        self.0.quit.notify_one();
    }

    /// Waits until [`App::exit`].
    pub async fn quitting(&self) {
        self.0.quit.notified().await;
    }
}

/// Sends the events one after another, in the order they were told: were each sent by a task
/// of its own, a later one could overtake an earlier one (and an older status win).
async fn send_events(bus: zbus::Connection, mut queued: UnboundedReceiver<(String, String)>) {
    while let Some((event, payload)) = queued.recv().await {
        let sent = bus
            .emit_signal(
                None::<()>,
                nctray_api::OBJECT_PATH,
                nctray_api::INTERFACE,
                "Event",
                &(event.as_str(), payload.as_str()),
            )
            .await;
        if let Err(error) = sent {
            tracing::debug!("cannot send {event}: {error}");
        }
    }
}
