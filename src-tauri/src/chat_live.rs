//! The open room's live messages: a task that runs the engine's long poll again and again and
//! hands what it brings to the chat window as [`CHAT_NEWS`] events.
//!
//! At most one room is watched (the one the window shows); watching another stops the first.
//! When the chat window is destroyed the task is aborted, which drops the waiting request at
//! once instead of letting it run out its 30 seconds on the server.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use nctray_engine::{Engine, Error};
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewWindow, WindowEvent};

/// The event carrying a `ChatNews` to the chat window.
pub const CHAT_NEWS: &str = "chat-news";

/// After a failed poll the next waits this long, doubling up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_secs(1);
const MAX_PAUSE: Duration = Duration::from_secs(30);

/// Managed state: the watching task, if any.
#[derive(Default)]
pub struct LiveChat {
    task: Mutex<Option<JoinHandle<()>>>,
    /// Whether the current chat window already stops the task when it goes.
    hooked: Arc<AtomicBool>,
}

impl LiveChat {
    /// Watches room `token` for `window`, instead of whatever was watched before.
    pub fn watch<R: Runtime>(&self, window: &WebviewWindow<R>, engine: Arc<Engine>, token: String) {
        let app = window.app_handle().clone();
        let label = window.label().to_owned();
        let task = tauri::async_runtime::spawn(poll_forever(app, label, engine, token));
        if let Some(previous) = self.lock().replace(task) {
            previous.abort();
        }
        if !self.hooked.swap(true, Ordering::SeqCst) {
            let app = window.app_handle().clone();
            let hooked = self.hooked.clone();
            window.on_window_event(move |event| {
                if matches!(event, WindowEvent::Destroyed) {
                    hooked.store(false, Ordering::SeqCst);
                    app.state::<LiveChat>().stop();
                }
            });
        }
    }

    /// Stops watching.
    pub fn stop(&self) {
        if let Some(task) = self.lock().take() {
            task.abort();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<JoinHandle<()>>> {
        self.task.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

async fn poll_forever<R: Runtime>(
    app: AppHandle<R>,
    label: String,
    engine: Arc<Engine>,
    token: String,
) {
    let mut pause = FIRST_PAUSE;
    loop {
        match engine.wait_for_chat_news(&token).await {
            Ok(news) => {
                pause = FIRST_PAUSE;
                if news.is_empty() {
                    continue;
                }
                if let Err(error) = app.emit_to(label.as_str(), CHAT_NEWS, news) {
                    tracing::debug!("cannot hand chat news to the window: {error}");
                }
            }
            // The room is gone, or the user is no longer in it: nothing more will come.
            Err(Error::Server(nextcloud_error)) if nextcloud_error.kind() == "not_found" => {
                tracing::info!("stopped watching Talk room {token}: {nextcloud_error}");
                return;
            }
            Err(error) => {
                tracing::debug!("the chat's long poll failed, trying again in {pause:?}: {error}");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MAX_PAUSE);
            }
        }
    }
}
