//! The open room's live messages: a task that runs the engine's long poll again and again and
//! hands what it brings to the chat window as [`CHAT_NEWS`] events.
//!
//! At most one room is watched (the one the window shows); watching another stops the first.
//! When the chat window is destroyed, or the account it watches is removed or no longer the
//! current one, the task is aborted, which drops the waiting request at once instead of
//! letting it run out its 30 seconds on the server. A refused app password (401) ends it too:
//! asking again would only be refused again.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use nctray_engine::{Engine, Error, ErrorKind};
use tokio::task::JoinHandle;

use crate::app::App;

/// The event carrying a `ChatNews` to the chat window.
pub const CHAT_NEWS: &str = "chat-news";

/// After a failed poll the next waits this long, doubling up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_secs(1);
const MAX_PAUSE: Duration = Duration::from_secs(30);

/// The watching task and the account it watches for.
struct Watching {
    task: JoinHandle<()>,
    engine: Arc<Engine>,
}

/// Managed state: the watching task, if any.
#[derive(Default)]
pub struct LiveChat {
    task: Mutex<Option<Watching>>,
}

impl LiveChat {
    /// Watches room `token` for the chat window, instead of whatever was watched before (the
    /// window process says when the window closes: `chat_window_open`).
    pub fn watch(&self, app: &App, engine: Arc<Engine>, token: String) {
        let task = tokio::spawn(poll_forever(app.clone(), engine.clone(), token));
        if let Some(previous) = self.lock().replace(Watching { task, engine }) {
            previous.task.abort();
        }
    }

    /// Stops watching.
    pub fn stop(&self) {
        if let Some(watching) = self.lock().take() {
            tracing::info!(
                "stopped watching the chat of {}",
                watching.engine.account().key()
            );
            watching.task.abort();
        }
    }

    /// Stops watching unless the watched account is still `current` (called whenever the
    /// accounts change: one removed, another chosen).
    pub fn follow_current(&self, current: Option<&Arc<Engine>>) {
        let mut watching = self.lock();
        let still_current = watching
            .as_ref()
            .is_some_and(|w| current.is_some_and(|c| Arc::ptr_eq(c, &w.engine)));
        if !still_current {
            if let Some(stale) = watching.take() {
                tracing::info!(
                    "stopped watching the chat of {}",
                    stale.engine.account().key()
                );
                stale.task.abort();
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Watching>> {
        self.task.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The room is gone, the user is no longer in it, or the app password was revoked: nothing
/// more will come, and asking again only costs the server.
fn ends_the_watch(error: &Error) -> bool {
    matches!(error.kind(), ErrorKind::NotFound | ErrorKind::Unauthorized)
}

async fn poll_forever(app: App, engine: Arc<Engine>, token: String) {
    let mut pause = FIRST_PAUSE;
    loop {
        match engine.talk().wait_for_chat_news(&token).await {
            Ok(news) => {
                pause = FIRST_PAUSE;
                if news.is_empty() {
                    continue;
                }
                app.emit(CHAT_NEWS, news);
            }
            Err(error) if ends_the_watch(&error) => {
                tracing::info!("stopped watching Talk room {token}: {error}");
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

#[cfg(test)]
mod tests {
    use super::*;
    use nctray_engine::Account;
    use nctray_sim::{Sim, SimConfig};

    #[tokio::test(flavor = "multi_thread")]
    async fn a_revoked_app_password_ends_the_watch_a_slow_network_does_not() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let account = Account {
            server: sim.base_url(),
            login_name: "admin".into(),
            ..Default::default()
        };
        let engine = Engine::open(
            account,
            "admin-app-password".to_owned(),
            &dir.path().join("cache.sqlite3"),
        )
        .unwrap();
        let token = sim.control().create_room("admin", 2, "Team").unwrap();

        engine.client().revoke_app_password().await.unwrap();
        let refused = engine.talk().wait_for_chat_news(&token).await.unwrap_err();
        assert!(ends_the_watch(&refused), "{refused:?}");

        sim.shutdown().await;
        let unreachable = engine.talk().wait_for_chat_news(&token).await.unwrap_err();
        assert!(!ends_the_watch(&unreachable), "{unreachable:?}");
    }
}
