//! The usual starting point of a test: a fresh simulated server, a private session with the
//! recording notification server and a panel's tray watcher, and the app signed in to the
//! server as one user.

use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use nctray_sim::{Control, Sim, SimConfig};

use crate::app::RunningApp;
use crate::notifications::NotificationServer;
use crate::session::Session;
use crate::tray::Tray;
use crate::wait::wait_until;
use crate::watcher::TrayWatcher;

/// How often the app polls in the tests.
pub const POLL_INTERVAL_SECS: u64 = 1;

/// The path the app polls for notifications.
const NOTIFICATIONS_PATH: &str = "/ocs/v2.php/apps/notifications/api/v2/notifications";

/// A simulated server, and a session in which `nctray account add` signed `user` in to it.
pub struct Desktop {
    pub user: String,
    pub notifications: NotificationServer,
    /// The panel's watcher the app's tray registers with.
    pub tray_watcher: TrayWatcher,
    pub session: Session,
    pub sim: Sim,
}

impl Desktop {
    /// Starts the simulator and the session, and adds `user` (with the seeded app password
    /// `<user>-app-password`) polling every [`POLL_INTERVAL_SECS`].
    pub async fn signed_in_as(user: &str) -> Result<Self> {
        let desktop = Self::signed_out().await?;
        desktop
            .session
            .add_account(&desktop.sim.base_url(), user, &app_password(user))
            .await?;
        desktop.session.set_poll_interval(POLL_INTERVAL_SECS)?;
        Ok(Desktop {
            user: user.to_owned(),
            ..desktop
        })
    }

    /// Starts the simulator and the session, without any account.
    pub async fn signed_out() -> Result<Self> {
        Self::signed_out_with(SimConfig::default()).await
    }

    /// Like [`Desktop::signed_out`], with a simulator configured by the test (e.g. HTTPS).
    pub async fn signed_out_with(config: SimConfig) -> Result<Self> {
        let sim = Sim::start(config).await.context("starting the simulator")?;
        let session = Session::start().await?;
        let notifications = NotificationServer::start(&session).await?;
        let tray_watcher = TrayWatcher::start(&session).await?;
        Ok(Desktop {
            user: String::new(),
            notifications,
            tray_watcher,
            session,
            sim,
        })
    }

    pub fn control(&self) -> Control {
        self.sim.control()
    }

    /// The account key the keyring entry is stored under: `<login>@<server origin>`.
    pub fn account_key(&self) -> String {
        format!("{}@{}", self.user, self.sim.base_url())
    }

    /// Starts the tray app and waits for its tray item.
    pub async fn start_tray(&self) -> Result<(RunningApp, Tray)> {
        self.start_tray_with_env(&[]).await
    }

    /// Like [`Desktop::start_tray`], with more environment variables for the app.
    pub async fn start_tray_with_env(&self, env: &[(&str, &str)]) -> Result<(RunningApp, Tray)> {
        let app = self.session.start_tray_with_env(env)?;
        let tray = Tray::wait_for(&self.session, &app, crate::PATIENCE).await?;
        Ok((app, tray))
    }

    /// The user's status type on the server (`None` while the user has no status).
    pub fn status(&self) -> Option<String> {
        self.own_status_field("status")
    }

    /// The id of the user's status message on the server (`None` without one).
    pub fn message_id(&self) -> Option<String> {
        self.own_status_field("messageId")
    }

    fn own_status_field(&self, field: &str) -> Option<String> {
        let own = self.control().own_status(&self.user)?;
        own.get(field)?.as_str().map(str::to_owned)
    }

    /// Waits until the server's status of the user is `status`.
    pub async fn wait_for_status(&self, status: &str) -> Result<()> {
        let what = format!("the server to have status {status:?} for {}", self.user);
        let result = wait_until(&what, crate::PATIENCE, || {
            let now = self.status();
            async move { now.as_deref() == Some(status) }
        })
        .await;
        result.with_context(|| self.describe_status())
    }

    /// The server's own-status object of the user, for failure messages.
    pub fn describe_status(&self) -> String {
        format!(
            "the server's status of {}: {:?}",
            self.user,
            self.control().own_status(&self.user)
        )
    }

    /// How many requests the server got from the user so far.
    pub fn requests_of_user(&self) -> usize {
        let user = Some(self.user.as_str());
        let requests = self.control().requests();
        requests
            .iter()
            .filter(|r| r.user.as_deref() == user)
            .count()
    }

    /// How many times the app has listed the notifications so far.
    pub fn notification_polls(&self) -> usize {
        self.control()
            .requests()
            .iter()
            .filter(|request| request.method == "GET" && request.path == NOTIFICATIONS_PATH)
            .count()
    }

    /// Waits until the app has listed the notifications `more` more times than `since`.
    pub async fn wait_for_polls(
        &self,
        since: usize,
        more: usize,
        app: &RunningApp,
    ) -> Result<usize> {
        let target = since + more;
        let timeout = crate::PATIENCE + Duration::from_secs(POLL_INTERVAL_SECS * more as u64);
        let what = format!("the app to poll the notifications {more} more time(s)");
        wait_until(&what, timeout, || {
            let done = self.notification_polls() >= target;
            async move { done }
        })
        .await
        .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?;
        Ok(self.notification_polls())
    }
}

/// The app password the simulator seeds for `user`.
pub fn app_password(user: &str) -> String {
    format!("{user}-app-password")
}
