//! Popups through the desktop's notification server (`org.freedesktop.Notifications` on the
//! session bus), with their buttons and the answers to them.
//!
//! Why our own zbus connection rather than notify-rust's handle: notify-rust waits for a
//! click by blocking a thread per popup (or one future per popup on a connection of its own),
//! and it has no inline reply. Some servers (KDE's) send `ActionInvoked` and
//! `NotificationReplied` only to the connection that made the popup, so the popup must be sent
//! on the connection that listens. One connection on tokio therefore sends every popup and
//! hears every answer through a single stream of signals, in the order the server sent them
//! (a click before the close that follows it); nothing blocks, and an idle tray holds no
//! thread for its popups.
//!
//! Ordering: the signal stream exists before the first popup is sent, and one task both sends
//! popups and handles signals, so a click that comes right after the server's reply is handled
//! once the popup is known.

use std::collections::{HashMap, VecDeque};
use std::pin::Pin;
use std::sync::OnceLock;

use tokio::sync::mpsc;
use zbus::export::futures_core::Stream;
use zbus::message::Type as MessageType;
use zbus::names::OwnedUniqueName;
use zbus::zvariant::Value;
use zbus::{Connection, MatchRule, MessageStream};

use super::clicks::{self, Origin, Response};
use super::content::{reply_placeholder, Choice, PopupContent, INLINE_REPLY_KEY};
use super::APP_NAME;

const SERVICE: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const INTERFACE: &str = "org.freedesktop.Notifications";
/// The capability of servers that take a reply's text in the popup.
const INLINE_REPLY: &str = "inline-reply";
/// The capability of servers that read the body as markup.
const BODY_MARKUP: &str = "body-markup";
/// Debug builds only: set, the process aborts right before its first engine popup reaches the
/// notification server, so a test can crash it between the engine's offer and `Notify`.
const FAULT_BEFORE_NOTIFY: &str = "NCTRAY_FAULT_BEFORE_NOTIFY";
/// How many shown popups are remembered for their clicks. Servers that keep popups in a
/// history may never say they closed; past this, the oldest popup's buttons do nothing.
const LIVE_POPUPS: usize = 64;

/// A popup to send.
pub enum Outgoing {
    /// A line of nctray's own.
    Line(PopupContent),
    /// An engine popup and where it came from; its buttons depend on what the server can do.
    Engine {
        popup: nctray_engine::Popup,
        origin: Origin,
        /// The account it belongs to, named in the popup's app name when several are signed in.
        account: Option<String>,
    },
}

/// Hands `request` to the task that owns the connection (started on first use).
pub fn send(request: Outgoing) {
    static REQUESTS: OnceLock<mpsc::UnboundedSender<Outgoing>> = OnceLock::new();
    let requests = REQUESTS.get_or_init(|| {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(serve(receiver));
        sender
    });
    if requests.send(request).is_err() {
        tracing::warn!("desktop notifications are not available");
    }
}

/// What the notification server told about a popup.
#[derive(Debug)]
enum Signal {
    ActionInvoked { id: u32, key: String },
    Replied { id: u32, text: String },
    Closed { id: u32 },
}

/// A shown popup that may still be clicked.
struct LivePopup {
    id: u32,
    /// The server that showed it: only its signals count.
    server: Option<OwnedUniqueName>,
    origin: Origin,
}

async fn serve(mut requests: mpsc::UnboundedReceiver<Outgoing>) {
    let (connection, mut signals) = match connect().await {
        Ok(connected) => connected,
        Err(error) => {
            tracing::warn!("no desktop notifications: cannot reach the session bus: {error}");
            while requests.recv().await.is_some() {}
            return;
        }
    };
    let mut live: VecDeque<LivePopup> = VecDeque::new();
    loop {
        tokio::select! {
            request = requests.recv() => match request {
                Some(request) => show(&connection, request, &mut live).await,
                None => return,
            },
            Some((sender, signal)) = signals.recv() => on_signal(&connection, &mut live, sender, signal),
        }
    }
}

/// Connects and starts listening before anything is sent, so no answer can be missed.
async fn connect() -> zbus::Result<(
    Connection,
    mpsc::UnboundedReceiver<(Option<OwnedUniqueName>, Signal)>,
)> {
    let connection = Connection::session().await?;
    let rule = MatchRule::builder()
        .msg_type(MessageType::Signal)
        .interface(INTERFACE)?
        .path(PATH)?
        .build();
    let mut stream = MessageStream::for_match_rule(rule, &connection, None).await?;
    let (sender, receiver) = mpsc::unbounded_channel();
    // A separate reader drains the stream while the serving task waits for a `Notify` reply:
    // a full stream would stall the connection that reply arrives on.
    tokio::spawn(async move {
        while let Some(message) =
            std::future::poll_fn(|cx| Pin::new(&mut stream).poll_next(cx)).await
        {
            let Ok(message) = message else { continue };
            let header = message.header();
            let from = header.sender().map(|s| s.to_owned().into());
            let body = message.body();
            let signal = match header.member().map(|m| m.as_str()) {
                Some("ActionInvoked") => body
                    .deserialize::<(u32, String)>()
                    .map(|(id, key)| Signal::ActionInvoked { id, key }),
                Some("NotificationReplied") => body
                    .deserialize::<(u32, String)>()
                    .map(|(id, text)| Signal::Replied { id, text }),
                Some("NotificationClosed") => body
                    .deserialize::<(u32, u32)>()
                    .map(|(id, _reason)| Signal::Closed { id }),
                _ => continue,
            };
            match signal {
                Ok(signal) => {
                    if sender.send((from, signal)).is_err() {
                        return;
                    }
                }
                Err(error) => tracing::debug!("a notification signal that does not parse: {error}"),
            }
        }
    });
    Ok((connection, receiver))
}

async fn show(connection: &Connection, request: Outgoing, live: &mut VecDeque<LivePopup>) {
    let capabilities = capabilities(connection).await;
    let has = |capability: &str| capabilities.iter().any(|c| c == capability);
    let mut app_name = APP_NAME.to_owned();
    let (content, origin, notification_ids) = match request {
        Outgoing::Line(content) => (content, None, Vec::new()),
        Outgoing::Engine {
            popup,
            origin,
            account,
        } => {
            if let Some(account) = account {
                app_name = format!("{APP_NAME} — {account}");
            }
            let ids = popup.notification_ids();
            if cfg!(debug_assertions) && std::env::var_os(FAULT_BEFORE_NOTIFY).is_some() {
                tracing::error!("{FAULT_BEFORE_NOTIFY} is set: aborting before Notify");
                std::process::abort();
            }
            let content = PopupContent::of(&popup, has(INLINE_REPLY));
            // Claimed last, right before `Notify` goes out: see `Notifications::claim_popups`.
            if !claim(&origin, &ids) {
                return;
            }
            (content, Some(origin), ids)
        }
    };
    let (id, server) = match notify(connection, &app_name, &content, has(BODY_MARKUP)).await {
        Ok(shown) => shown,
        Err(error) => {
            tracing::warn!("cannot show a desktop notification: {error}");
            // An engine popup is offered again (the server may not run yet).
            if let Some(origin) = &origin {
                if let Err(error) = origin
                    .engine
                    .notifications()
                    .popups_not_shown(&notification_ids)
                {
                    tracing::warn!("cannot put a popup back: {error}");
                }
            }
            return;
        }
    };
    tracing::debug!("desktop notification {id}: {:?}", content.summary);
    let Some(origin) = origin else { return };
    // The server took it: only now is it settled, so it never pops up again.
    if let Err(error) = origin
        .engine
        .notifications()
        .popups_shown(&notification_ids)
    {
        tracing::warn!("cannot record a shown popup: {error}");
    }
    if content.buttons.is_empty() {
        return;
    }
    if live.len() == LIVE_POPUPS {
        live.pop_front();
    }
    live.push_back(LivePopup { id, server, origin });
}

/// Whether these popups are still due and now this sender's to show: an offer repeated while
/// the first was on its way finds them claimed, and what a summary counts is offered again by
/// itself if part of it was shown meanwhile.
fn claim(origin: &Origin, notification_ids: &[i64]) -> bool {
    match origin.engine.notifications().claim_popups(notification_ids) {
        Ok(claimed) => claimed,
        Err(error) => {
            tracing::warn!("cannot read which popups are due: {error}");
            false
        }
    }
}

/// What the notification server can do (`GetCapabilities`); nothing when it does not answer.
async fn capabilities(connection: &Connection) -> Vec<String> {
    let reply = connection
        .call_method(Some(SERVICE), PATH, Some(INTERFACE), "GetCapabilities", &())
        .await;
    match reply.and_then(|r| r.body().deserialize::<Vec<String>>()) {
        Ok(capabilities) => capabilities,
        Err(error) => {
            tracing::debug!("the notification server's capabilities: {error}");
            Vec::new()
        }
    }
}

/// Sends the popup; returns its id and the unique name of the server that took it.
async fn notify(
    connection: &Connection,
    app_name: &str,
    content: &PopupContent,
    body_markup: bool,
) -> zbus::Result<(u32, Option<OwnedUniqueName>)> {
    let (summary, body) = content.text_for(body_markup);
    let mut hints: HashMap<&str, Value<'_>> = HashMap::new();
    if content.talk_message {
        hints.insert("category", Value::from("im.received"));
    }
    if content.buttons.iter().any(|b| b.key == INLINE_REPLY_KEY) {
        hints.insert(
            "x-kde-reply-placeholder-text",
            Value::from(reply_placeholder()),
        );
    }
    // -1: the server's own timeout.
    let expire_timeout = -1_i32;
    let reply = connection
        .call_method(
            Some(SERVICE),
            PATH,
            Some(INTERFACE),
            "Notify",
            &(
                app_name,
                0_u32,
                "",
                &summary,
                &body,
                content.action_list(),
                hints,
                expire_timeout,
            ),
        )
        .await?;
    let server = reply.header().sender().map(|s| s.to_owned().into());
    let id = reply.body().deserialize::<u32>()?;
    Ok((id, server))
}

fn on_signal(
    connection: &Connection,
    live: &mut VecDeque<LivePopup>,
    sender: Option<OwnedUniqueName>,
    signal: Signal,
) {
    let id = match &signal {
        Signal::ActionInvoked { id, .. } | Signal::Replied { id, .. } | Signal::Closed { id } => {
            *id
        }
    };
    // Ids belong to the server: another app's popup, or one of ours from a server that has
    // since been replaced, can have the same number.
    let Some(index) = live
        .iter()
        .position(|p| p.id == id && (p.server.is_none() || p.server == sender))
    else {
        return;
    };
    let response = match signal {
        Signal::ActionInvoked { key, .. } => match Choice::from_key(&key) {
            Some(choice) => Response::Chose(choice),
            None => return tracing::debug!("popup {id}: an action key nctray never sent: {key:?}"),
        },
        Signal::Replied { text, .. } => Response::Replied(text),
        Signal::Closed { .. } => {
            // Closed by the user, the server or a timeout: nothing more can come from it.
            live.remove(index);
            return;
        }
    };
    let Some(popup) = live.remove(index) else {
        return;
    };
    let connection = connection.clone();
    tokio::spawn(async move {
        // Servers close a popup when it is clicked, unless it is resident; make sure it goes.
        close(&connection, id).await;
        clicks::respond(popup.origin, response).await;
    });
}

async fn close(connection: &Connection, id: u32) {
    let closed = connection
        .call_method(
            Some(SERVICE),
            PATH,
            Some(INTERFACE),
            "CloseNotification",
            &id,
        )
        .await;
    if let Err(error) = closed {
        // It was closed already, which servers may answer with an error.
        tracing::debug!("closing popup {id}: {error}");
    }
}
