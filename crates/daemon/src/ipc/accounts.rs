//! The accounts window's commands: the accounts (sign in with Login Flow v2, remove, switch,
//! pause) and the settings.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use crate::app::App;
use crate::autostart;
use nctray_engine::accounts::config::{AppConfig, Settings};
use nctray_engine::accounts::setup::{self as account_setup, Removal};
use nctray_engine::accounts::Accounts;
use nctray_engine::blocking;
use nctray_engine::{AccountState, Engine, ErrorReport, Paths};
use serde::Serialize;

use super::CommandResult;
use crate::chat_live::LiveChat;
use crate::shell;
use crate::sign_in::{SignIn, SignInError, SignInStarted};
use crate::tray;
use crate::ui_events;
use nctray_api::AppWindow;

/// How often the server is asked whether the user approved the sign-in.
const SIGN_IN_POLL_EVERY: Duration = Duration::from_secs(2);

/// Apps whose popups can be turned off before they ever sent one: Talk, shares, calendar.
const COMMON_POPUP_APPS: [&str; 3] = ["spreed", "files_sharing", "dav"];

/// One account as the accounts window lists it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AccountView {
    /// `login@origin`: what the other commands take.
    pub key: String,
    pub server: String,
    pub login_name: String,
    /// From the cache; `None` until the server told it.
    pub display_name: Option<String>,
    /// The windows show this account.
    pub shown: bool,
    /// The tray icon shows this account's status.
    pub primary: bool,
    pub connection: Connection,
    /// Why it is offline, when it is.
    pub problem: Option<String>,
    /// On the built-in demo server: gone when the app quits.
    pub demo: bool,
}

/// How an account's sync is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// Started, no answer yet.
    Starting,
    Online,
    Offline,
    Maintenance,
    /// The server refused the app password: remove the account and sign in again.
    SignInNeeded,
    /// The server shows another certificate than the one trusted for this account: nothing
    /// is sent; signing in again shows the new one to trust (or not).
    CertificateChanged,
    /// Paused by the user.
    Paused,
}

/// The accounts, and the demo server's address in demo mode (so it can be tried).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AccountsOverview {
    pub accounts: Vec<AccountView>,
    pub demo_server: Option<String>,
}

fn paths() -> CommandResult<Paths> {
    Ok(Paths::from_platform()?)
}

async fn config() -> CommandResult<AppConfig> {
    blocking(|| AppConfig::load(&paths()?).map_err(ErrorReport::internal)).await
}

/// The accounts' display names from the cache, in their order.
async fn display_names(engines: Vec<Arc<Engine>>) -> CommandResult<Vec<Option<String>>> {
    blocking(move || {
        let names = engines.iter().map(|engine| {
            let user = engine.cached_user().ok().flatten();
            user.map(|user| user.display_name)
        });
        Ok::<_, ErrorReport>(names.collect())
    })
    .await
}

fn view(session: &Accounts, engine: &Engine, display_name: Option<String>) -> AccountView {
    let account = engine.account();
    let key = account.key();
    let state = session.state(&key);
    let (connection, problem) = match state {
        Some(AccountState::SignInNeeded) => (Connection::SignInNeeded, None),
        Some(AccountState::CertificateChanged) => (Connection::CertificateChanged, None),
        _ if !session.is_syncing(&key) => (Connection::Paused, None),
        None => (Connection::Starting, None),
        Some(AccountState::Online) => (Connection::Online, None),
        Some(AccountState::Maintenance) => (Connection::Maintenance, None),
        Some(AccountState::Offline { reason }) => (Connection::Offline, Some(reason)),
    };
    let shown = session
        .current()
        .is_ok_and(|current| current.account().key() == key);
    AccountView {
        display_name,
        shown,
        primary: session.is_primary(&key),
        connection,
        problem,
        demo: session.is_demo(account),
        server: account.server.clone(),
        login_name: account.login_name.clone(),
        key,
    }
}

/// The list every window hears about after a change, and the tray redrawn for the primary
/// account (which a removal or the first sign-in may have changed).
pub fn accounts_changed(app: &App) {
    let current = app.state::<Accounts>().current().ok();
    app.state::<LiveChat>().follow_current(current.as_ref());
    tray::redraw(app, None);
    app.emit(ui_events::ACCOUNT_STATE, ());
    // The primary account may be another one now, with another language.
    crate::language_change::follow_primary(app);
}

pub async fn accounts_list(app: &App) -> CommandResult<AccountsOverview> {
    let session = app.state::<Accounts>();
    let engines = session.engines();
    let names = display_names(engines.clone()).await?;
    let accounts = engines
        .iter()
        .zip(names)
        .map(|(engine, name)| view(session, engine, name))
        .collect();
    let demo_server = session.demo_server();
    Ok(AccountsOverview {
        accounts,
        demo_server,
    })
}

pub async fn account_switch(app: &App, key: String) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    session.switch_to(&key)?;
    accounts_changed(app);
    app.emit(ui_events::ACCOUNT_SWITCHED, key);
    Ok(())
}

pub async fn account_set_paused(app: &App, key: String, paused: bool) -> CommandResult<()> {
    let session = app.state::<Accounts>();
    account_setup::set_paused(&paths()?, session, &key, paused).await?;
    accounts_changed(app);
    Ok(())
}

pub async fn account_remove(app: &App, key: String) -> CommandResult<Removal> {
    let session = app.state::<Accounts>();
    let removal = account_setup::remove(&paths()?, session, &key).await?;
    accounts_changed(app);
    Ok(removal)
}

/// Starts Login Flow v2 at `server` and opens its page in the browser. `trusted_certificate`
/// is the fingerprint of a certificate the window showed and the person chose to trust.
pub async fn sign_in_start(
    app: &App,
    server: String,
    trusted_certificate: Option<String>,
) -> Result<SignInStarted, SignInError> {
    let sign_in = app.state::<SignIn>();
    let trusted_certificate = match trusted_certificate {
        Some(text) => Some(
            text.parse()
                .map_err(|e| ErrorReport::invalid(format!("{e}")))?,
        ),
        None => None,
    };
    sign_in.start(&server, trusted_certificate).await
}

/// Waits for the user's approval in the browser, then adds the account and starts its sync.
pub async fn sign_in_wait(app: &App) -> CommandResult<AccountView> {
    let sign_in = app.state::<SignIn>();
    let session = app.state::<Accounts>();
    let approved = sign_in.wait(SIGN_IN_POLL_EVERY).await?;
    let first = config().await?.accounts.is_empty();
    let engine = account_setup::add_signed_in(&paths()?, session, approved).await?;
    let real = !session.is_demo(engine.account());
    if real {
        // The demo was a try-out: the person's own account takes the tray from here.
        session.end_demo();
    }
    accounts_changed(app);
    if real && first {
        // The first sign-in: show once what nctray does with the account.
        shell::open_or_log(app, AppWindow::Popover);
    }
    let name = display_names(vec![engine.clone()]).await?.pop().flatten();
    Ok(view(session, &engine, name))
}

pub async fn sign_in_cancel(app: &App) -> CommandResult<()> {
    app.state::<SignIn>().cancel();
    Ok(())
}

pub async fn sign_in_reopen(app: &App) -> CommandResult<()> {
    let sign_in = app.state::<SignIn>();
    sign_in.reopen()
}

pub async fn settings_get(app: &App) -> CommandResult<Settings> {
    let _ = app;
    let start_at_login = autostart::is_enabled();
    Ok(config().await?.settings(start_at_login))
}

/// Saves the settings; the syncs restart with them when they changed.
pub async fn settings_save(app: &App, settings: Settings) -> CommandResult<Settings> {
    let session = app.state::<Accounts>();
    let (paths, wanted) = (paths()?, settings.clone());
    let config = blocking(move || {
        AppConfig::update(&paths, |config| {
            Ok(config.apply(&wanted).map(|()| config.clone()))
        })
        .map_err(ErrorReport::internal)?
        .map_err(ErrorReport::invalid)
    })
    .await?;
    session.follow(&config);
    if settings.start_at_login != autostart::is_enabled() {
        autostart::set(settings.start_at_login)
            .map_err(|e| ErrorReport::internal(format!("cannot change start at login: {e}")))?;
    }
    settings_get(app).await
}

/// The apps whose popups can be turned off: those with notifications now, those turned off,
/// and the common ones.
pub async fn popup_apps(app: &App) -> CommandResult<Vec<String>> {
    let session = app.state::<Accounts>();
    let mut apps: BTreeSet<String> = COMMON_POPUP_APPS.map(str::to_owned).into();
    apps.extend(config().await?.silent_apps);
    let engines = session.engines();
    let notified = blocking(move || {
        let mut notified = Vec::new();
        for engine in engines {
            notified.extend(engine.notifications().cached()?.into_iter().map(|n| n.app));
        }
        Ok::<_, nctray_engine::Error>(notified)
    })
    .await?;
    apps.extend(notified);
    Ok(apps.into_iter().collect())
}

/// What `nctray watch` shows first when it attaches to the daemon: each account (the primary
/// first) with its cached status and its connection, as the engine events that would say so.
pub async fn watch_start(app: &App) -> CommandResult<Vec<crate::ui_events::FromEngine>> {
    let session = app.state::<Accounts>();
    let engines = session.engines();
    let states: Vec<_> = engines
        .iter()
        .map(|engine| session.state(&engine.account().key()))
        .collect();
    blocking(move || {
        let mut first = Vec::new();
        for (engine, state) in engines.iter().zip(states) {
            let account = engine.account().key();
            if let Some(snapshot) = engine.status().cached()? {
                first.push(crate::ui_events::FromEngine {
                    account: account.clone(),
                    event: nctray_engine::EngineEvent::Status(Box::new(snapshot)),
                });
            }
            if let Some(state) = state {
                first.push(crate::ui_events::FromEngine {
                    account,
                    event: nctray_engine::EngineEvent::State(state),
                });
            }
        }
        Ok::<_, nctray_engine::Error>(first)
    })
    .await
}
