//! A simulated Nextcloud 32 on loopback that answers like the recorded fixtures
//! (`tests/fixtures/nextcloud-32`): capabilities, cloud/user(s), user_status and notifications,
//! in OCS v1 and v2, JSON or XML, with the server's error shapes. Tests and the app's demo mode
//! drive it through [`Control`] or its HTTP twin under `/_sim/`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sim = nctray_sim::Sim::start(nctray_sim::SimConfig::default()).await?;
//! let url = sim.base_url(); // "http://127.0.0.1:PORT"
//! sim.control().inject_notification(nctray_sim::NewNotification::new("admin", "Hello"));
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

mod activity;
mod auth;
mod capabilities;
#[cfg(feature = "test-support")]
pub mod certificates;
mod control;
mod dav;
mod demo;
mod emoji;
mod fault;
mod files;
mod images;
mod json;
mod login_flow;
mod notifications;
mod ocs;
mod params;
mod picture;
mod push;
#[cfg(feature = "test-support")]
pub mod refusing_proxy;
mod sharing;
mod state;
mod talk;
mod time;
#[cfg(feature = "test-support")]
pub mod tinyproxy;
mod tls;
mod user_status;
mod users;
mod xml;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use activity::NewActivity;
pub use control::Control;
pub use fault::Fault;
pub use notifications::{NewNotification, NotificationAction};
pub use push::{PushMessage, PushPort, PushSocket, PushSocketRecord};
pub use sharing::{CreatedShare, ShareError};
pub use state::{LoggedRequest, REQUEST_LOG_LIMIT};
pub use talk::{StoredMessage, TalkApi};
pub use tls::TlsIdentity;

use state::{Inner, Shared};

/// `"/nextcloud"` from `nextcloud`, `/nextcloud/` or `/nextcloud`; `""` for none or `/`.
fn normalised_prefix(prefix: Option<&str>) -> String {
    let trimmed = prefix.unwrap_or_default().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// How long [`Sim::shutdown`] lets open connections finish before cutting them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Which data the simulator starts with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Seed {
    /// admin, bob and carol; nobody has a status row (017), no notifications.
    #[default]
    Fixture,
    /// Additionally `demo` ("Demo User"): online with the predefined message "remote-work"
    /// and one notification waiting.
    Demo,
}

#[derive(Debug, Clone, Default)]
pub struct SimConfig {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    pub seed: Seed,
    /// Start with notify_push on (see [`Control::enable_push`]).
    pub push: bool,
    /// Where the push socket listens: behind the web server or on the daemon's own port.
    pub push_socket: PushSocket,
    /// The host name the capability gives the daemon's own port (default `127.0.0.1`);
    /// `localhost` makes it another host than the server's `127.0.0.1`.
    pub push_host: Option<String>,
    /// Which Talk the server is: today's (v4 rooms) or the seed document's (v1 rooms).
    pub talk: TalkApi,
    /// Serve below this path, like a Nextcloud installed at `https://host/nextcloud/`
    /// (`Some("/nextcloud")`); every URL the server names carries it, and nothing answers
    /// outside it. `None` serves at the root.
    pub path_prefix: Option<String>,
    /// No `/_sim/` routes over HTTP, only [`Sim::control`] in the process: the demo runs on a
    /// person's machine, where other local users and web pages must not drive it.
    pub in_process_control_only: bool,
    /// Serve HTTPS (and `wss://` push) with this certificate instead of plain HTTP.
    pub tls: Option<TlsIdentity>,
}

/// A running simulated server. Dropping it stops the server too (without waiting).
pub struct Sim {
    addr: SocketAddr,
    control: Control,
    shared: Arc<Shared>,
    stop: Mutex<Option<oneshot::Sender<()>>>,
    server: Mutex<Option<JoinHandle<()>>>,
    /// The push daemon on its own port ([`PushSocket::OwnPort`]).
    push_server: Mutex<Option<JoinHandle<()>>>,
    ticker: Mutex<Option<JoinHandle<()>>>,
    /// How many demo ticks were delivered, by the ticker or on demand.
    demo_ticks: Arc<std::sync::atomic::AtomicUsize>,
}

impl std::fmt::Debug for Sim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sim").field("addr", &self.addr).finish()
    }
}

impl Sim {
    /// Binds 127.0.0.1 and serves on the current tokio runtime; returns once listening.
    pub async fn start(config: SimConfig) -> std::io::Result<Sim> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
        let addr = listener.local_addr()?;
        let prefix = normalised_prefix(config.path_prefix.as_deref());
        let scheme = if config.tls.is_some() {
            "https"
        } else {
            "http"
        };
        let base_url = format!("{scheme}://{addr}{prefix}");

        let mut inner = Inner::new(state::fixture_users(time::unix_now()));
        inner.talk = talk::Talk::new(config.talk, &base_url);
        if config.seed == Seed::Demo {
            demo::seed(&mut inner);
        }
        // The daemon's own port is bound even while push is off, so turning it on later keeps
        // the address the capability names.
        let own_port = match config.push_socket {
            PushSocket::BehindProxy => None,
            PushSocket::OwnPort | PushSocket::OwnPortWithoutTls => {
                let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
                let tls = config
                    .tls
                    .as_ref()
                    .filter(|_| config.push_socket == PushSocket::OwnPort);
                Some((listener, tls))
            }
        };
        let websocket = match &own_port {
            None => format!(
                "{}{}",
                push::websocket_scheme(&base_url),
                push::WEBSOCKET_PATH
            ),
            Some((listener, tls)) => {
                let scheme = if tls.is_some() { "wss" } else { "ws" };
                let host = config.push_host.as_deref().unwrap_or("127.0.0.1");
                let port = listener.local_addr()?.port();
                format!("{scheme}://{host}:{port}{}", push::OWN_PORT_PATH)
            }
        };
        inner.push.set_websocket(websocket, own_port.is_some());
        let shared = Arc::new(Shared::new(base_url, inner));
        let control = Control::new(shared.clone());
        control.enable_push(config.push);
        if config.seed == Seed::Demo {
            talk::demo::seed(&control);
            demo::seed_activity(&control);
            demo::deliver(&control, &shared.base_url, 0);
        }

        let mut app = Router::new();
        if !config.in_process_control_only {
            app = app.nest(
                "/_sim",
                control::router().layer(axum::middleware::from_fn_with_state(
                    shared.clone(),
                    control::only_own_address,
                )),
            );
        }
        let app = app
            .merge(push::routes())
            .merge(dav::routes())
            .merge(images::routes())
            .merge(login_flow::routes())
            .fallback(ocs::dispatch)
            .with_state(shared.clone());
        // Handlers see the path below the prefix, as Nextcloud's router does below its webroot.
        let app = if prefix.is_empty() {
            app
        } else {
            Router::new().nest(&prefix, app)
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let stopped = async {
            let _ = stopped.await;
        };
        let server = match &config.tls {
            Some(identity) => tokio::spawn(serve(
                tls::TlsListener::new(listener, identity)?,
                app,
                stopped,
            )),
            None => tokio::spawn(serve(listener, app, stopped)),
        };
        let push_server = match own_port {
            None => None,
            Some((listener, tls)) => {
                let app = push::own_port_routes().with_state(shared.clone());
                // Stops with the main server (aborted in shutdown and drop).
                let never = std::future::pending::<()>();
                Some(match tls {
                    Some(identity) => tokio::spawn(serve(
                        tls::TlsListener::new(listener, identity)?,
                        app,
                        never,
                    )),
                    None => tokio::spawn(serve(listener, app, never)),
                })
            }
        };
        tracing::info!(%addr, "simulated Nextcloud listening");

        Ok(Sim {
            addr,
            control,
            shared,
            stop: Mutex::new(Some(stop)),
            server: Mutex::new(Some(server)),
            push_server: Mutex::new(push_server),
            ticker: Mutex::new(None),
            demo_ticks: Arc::default(),
        })
    }

    /// `http://127.0.0.1:PORT` (`https://` with [`SimConfig::tls`]) and the path prefix, if
    /// any, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The in-process twin of the `/_sim/` API.
    pub fn control(&self) -> Control {
        self.control.clone()
    }

    /// Gives the demo user `count` new notifications, one every `interval` (the first one
    /// after one interval), then stops: a demo that pops up something forever would only be
    /// a nuisance. Calling it again replaces the previous ticker. Meant for [`Seed::Demo`].
    pub fn spawn_demo_ticker(&self, interval: Duration, count: usize) {
        let control = self.control.clone();
        let base_url = self.base_url();
        let ticks = self.demo_ticks.clone();
        let task = tokio::spawn(async move {
            let mut timer =
                tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
            for _ in 0..count {
                timer.tick().await;
                demo_tick(&control, &base_url, &ticks);
            }
        });
        if let Some(previous) = lock(&self.ticker).replace(task) {
            previous.abort();
        }
    }

    /// Gives the demo user the next demo notification now (a "show me one" in the demo).
    pub fn demo_tick(&self) {
        demo_tick(&self.control, &self.base_url(), &self.demo_ticks);
    }

    /// Stops the ticker and the server; open connections get a short grace period.
    pub async fn shutdown(&self) {
        if let Some(ticker) = lock(&self.ticker).take() {
            ticker.abort();
        }
        if let Some(stop) = lock(&self.stop).take() {
            let _ = stop.send(());
        }
        if let Some(push_server) = lock(&self.push_server).take() {
            push_server.abort();
        }
        let server = lock(&self.server).take();
        if let Some(mut server) = server {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut server)
                .await
                .is_err()
            {
                server.abort();
            }
        }
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        if let Some(ticker) = lock(&self.ticker).take() {
            ticker.abort();
        }
        if let Some(server) = lock(&self.server).take() {
            server.abort();
        }
        if let Some(push_server) = lock(&self.push_server).take() {
            push_server.abort();
        }
    }
}

/// Serves the app on `listener` (plain TCP or TLS) until `stopped`.
async fn serve<L>(
    listener: L,
    app: Router,
    stopped: impl std::future::Future<Output = ()> + Send + 'static,
) where
    L: axum::serve::Listener,
    L::Addr: std::fmt::Debug,
{
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(stopped)
        .await;
    if let Err(error) = served {
        tracing::warn!(%error, "the simulated Nextcloud stopped");
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The demo's next event: the `n`-th counts the ticker's and the asked-for ones alike, so
/// they never repeat each other.
fn demo_tick(control: &Control, base_url: &str, ticks: &std::sync::atomic::AtomicUsize) {
    let n = ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    talk::demo::tick(control, n);
    demo::deliver(control, base_url, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sim_and_control_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Sim>();
        assert_send_sync::<Control>();
    }
}
