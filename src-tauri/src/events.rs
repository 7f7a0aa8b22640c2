//! What the daemon tells the shell: its `Event`s go to every window under the same names the
//! windows always listened to (`status-changed`, `chat-news`, …); `WindowRequested` opens a
//! window (a tray click, a popup clicked, `nctray --window …`). A few events concern the shell
//! too: the language names the windows, the accounts say whether the demo runs.

use futures_util::StreamExt;
use nctray_api::AppWindow;
use serde_json::Value;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

use crate::args::ScreenPoint;
use crate::daemon::Daemon;
use crate::language;
use crate::windows::{self, DemoRunning};

const LANGUAGE_CHANGED: &str = "language-changed";
/// The accounts changed: the demo may have started or ended.
const ACCOUNT_STATE: &str = "account-state";

/// One `Event` of the daemon: its name and JSON payload.
type DaemonEvent = (String, String);
/// One `WindowRequested`: the window's name and where (-1, -1: nowhere in particular).
type WindowRequest = (String, i32, i32);

/// The daemon's signals, subscribed to before the first window opens so that none is missed.
///
/// They are read off the bus at once into queues of their own until the windows take them:
/// zbus stops reading the connection while a subscription's queue (64 messages) is full, so a
/// daemon busy at start would otherwise stall every answer the shell waits for before its
/// first window, and the shell with it.
pub struct Subscriptions {
    events: UnboundedReceiver<DaemonEvent>,
    windows: UnboundedReceiver<WindowRequest>,
}

impl Subscriptions {
    pub async fn new(daemon: &Daemon) -> zbus::Result<Subscriptions> {
        let events = daemon.proxy().receive_event().await?;
        let windows = daemon.proxy().receive_window_requested().await?;
        Ok(Subscriptions {
            events: drain(events, |signal| {
                let args = signal.args().ok()?;
                Some((args.name().to_string(), args.payload().to_string()))
            }),
            windows: drain(windows, |signal| {
                let args = signal.args().ok()?;
                Some((args.name().to_string(), *args.x(), *args.y()))
            }),
        })
    }

    /// Hands the signals to the windows for as long as the shell runs.
    pub fn forward<R: Runtime>(self, app: &AppHandle<R>) {
        tauri::async_runtime::spawn(forward_events(app.clone(), self.events));
        tauri::async_runtime::spawn(open_requested(app.clone(), self.windows));
    }
}

/// Reads `stream` for as long as it lasts into a queue without limit, each signal as `read`
/// makes it (one it cannot read is left out with a warning).
fn drain<S, T>(
    mut stream: S,
    read: impl Fn(&S::Item) -> Option<T> + Send + 'static,
) -> UnboundedReceiver<T>
where
    S: futures_util::Stream + Unpin + Send + 'static,
    S::Item: Send,
    T: Send + 'static,
{
    let (queue, taken) = unbounded_channel();
    tauri::async_runtime::spawn(async move {
        while let Some(signal) = stream.next().await {
            match read(&signal) {
                Some(item) => {
                    if queue.send(item).is_err() {
                        return;
                    }
                }
                None => tracing::warn!("the daemon sent a signal the shell cannot read"),
            }
        }
    });
    taken
}

async fn forward_events<R: Runtime>(app: AppHandle<R>, mut events: UnboundedReceiver<DaemonEvent>) {
    while let Some((name, payload)) = events.recv().await {
        let payload = self::payload(&payload);
        match name.as_str() {
            LANGUAGE_CHANGED if language::follow(&payload) => windows::retitle_all(&app),
            ACCOUNT_STATE => refresh_demo(&app).await,
            _ => {}
        }
        if let Err(error) = app.emit(&name, payload) {
            tracing::debug!("cannot tell the windows about {name}: {error}");
        }
    }
}

/// An event's JSON payload; an empty or unreadable one is `null` (events without payload).
fn payload(text: &str) -> Value {
    if text.trim().is_empty() {
        return Value::Null;
    }
    serde_json::from_str(text).unwrap_or_else(|error| {
        tracing::warn!("an event's payload is no JSON ({error}): {text}");
        Value::Null
    })
}

async fn open_requested<R: Runtime>(
    app: AppHandle<R>,
    mut requests: UnboundedReceiver<WindowRequest>,
) {
    while let Some((name, x, y)) = requests.recv().await {
        match name.parse::<AppWindow>() {
            Ok(which) => {
                let at = ScreenPoint::known(x, y);
                let handle = app.clone();
                // Windows are made on the GUI thread.
                let _ = app.run_on_main_thread(move || windows::show_requested(&handle, which, at));
            }
            Err(error) => tracing::warn!("the daemon asked for a window: {error}"),
        }
    }
}

/// Asks the daemon whether the demo runs, and retitles the windows.
pub async fn refresh_demo<R: Runtime>(app: &AppHandle<R>) {
    let Some(daemon) = app.try_state::<Daemon>() else {
        return;
    };
    match daemon.ask("app_info").await {
        Ok(info) => {
            let demo = info.get("demo").and_then(Value::as_bool).unwrap_or(false);
            app.state::<DemoRunning>().set(demo);
            windows::retitle_all(app);
        }
        Err(error) => tracing::warn!("{error:#}"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use serde_json::json;
    use tauri::test::{mock_builder, mock_context, noop_assets};
    use tauri::Listener;

    use super::*;
    use crate::test_bus::{emitter, FakeDaemon, PrivateBus};

    /// A guard against a hang, not a measure.
    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn the_daemons_events_reach_the_windows_and_its_requests_open_windows() {
        let bus = PrivateBus::start();
        let (served, daemon) = tauri::async_runtime::block_on(async {
            let served = bus.serve_fake_daemon(FakeDaemon::default()).await;
            (served, Daemon::new(&bus.connect().await).await.unwrap())
        });
        let app = mock_builder()
            .manage(daemon.clone())
            .manage(DemoRunning::default())
            .build(mock_context(noop_assets()))
            .unwrap();
        let (heard, hearing) = mpsc::channel();
        for name in ["status-changed", "account-state"] {
            let heard = heard.clone();
            app.listen_any(name, move |event| {
                heard.send((name, event.payload().to_owned())).unwrap();
            });
        }
        tauri::async_runtime::block_on(async {
            Subscriptions::new(&daemon)
                .await
                .unwrap()
                .forward(app.handle());
            let emitter = emitter(&served).await;
            FakeDaemon::event(&emitter, "status-changed", r#"{"status":"away"}"#)
                .await
                .unwrap();
            FakeDaemon::event(&emitter, "account-state", "")
                .await
                .unwrap();
            FakeDaemon::window_requested(&emitter, "status", -1, -1)
                .await
                .unwrap();
        });
        let first = hearing.recv_timeout(PATIENCE).unwrap();
        assert_eq!(first, ("status-changed", r#"{"status":"away"}"#.to_owned()));
        // Before the windows hear of the accounts, the shell knows whether the demo runs.
        assert_eq!(
            hearing.recv_timeout(PATIENCE).unwrap(),
            ("account-state", "null".to_owned())
        );
        assert!(app.state::<DemoRunning>().get());
        let deadline = std::time::Instant::now() + PATIENCE;
        while app.get_webview_window("status").is_none() {
            assert!(
                std::time::Instant::now() < deadline,
                "the status window opens"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn many_events_before_the_windows_take_them_do_not_stall_the_answers() {
        let bus = PrivateBus::start();
        tauri::async_runtime::block_on(async {
            let served = bus.serve_fake_daemon(FakeDaemon::default()).await;
            let daemon = Daemon::new(&bus.connect().await).await.unwrap();
            let subscriptions = Subscriptions::new(&daemon).await.unwrap();
            let emitter = emitter(&served).await;
            // More than zbus queues per subscription (64) while nobody forwards them yet.
            for n in 0..300 {
                FakeDaemon::event(&emitter, "unread-changed", &n.to_string())
                    .await
                    .unwrap();
            }
            let answer = tokio::time::timeout(PATIENCE, daemon.ask("app_info")).await;
            assert!(
                matches!(answer, Ok(Ok(_))),
                "the daemon's answer was held up: {answer:?}"
            );
            drop(subscriptions);
        });
    }

    #[test]
    fn an_events_payload_is_its_json_and_none_is_null() {
        assert_eq!(payload(r#"{"status":"away"}"#), json!({"status": "away"}));
        assert_eq!(payload("null"), Value::Null);
        assert_eq!(payload(""), Value::Null);
        assert_eq!(payload("{not json"), Value::Null);
    }
}
