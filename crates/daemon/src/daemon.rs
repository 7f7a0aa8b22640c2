//! The daemon, the `nctray` people start and autostart: opens the accounts' engines (or the
//! demo's), puts the icon in the tray, serves the local API, runs the syncs and turns their
//! events into tray updates, desktop notifications and events for the windows. It links no
//! window toolkit: the windows are the `nctray-windows` process (shell.rs).

use std::sync::Arc;

use anyhow::Context;
use nctray_api::AppWindow;
use nctray_engine::accounts::config::AppConfig;
use nctray_engine::accounts::setup::check_cache;
use nctray_engine::accounts::{Accounts, Event as AccountEvent, KeyringWait};
use nctray_engine::{AccountState, Engine, EngineEvent, Paths, SyncConfig};
use nctray_i18n::tr;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::api;
use crate::app::App;
use crate::desktop_notifications;
use crate::idle::platform_idle_source;
use crate::ipc::accounts::accounts_changed;
use crate::keyring_wait;
use crate::language;
use crate::shell;
use crate::tray::{self, Drawn, MenuChoice, Tray, TrayView};
use crate::tray_unread::TrayUnread;
use crate::ui_events;

/// Runs the tray until the user quits; returns the exit code.
/// What the daemon shows once it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtStart {
    /// This window (`nctray --window NAME`).
    Open(AppWindow),
    /// Nothing, but on a first run the sign-in window, to lead the person there.
    Usual,
    /// Nothing at all: the window process started this daemon and shows what was asked for
    /// itself (a sign-in window of the daemon's own would race it for the windows).
    Nothing,
}

pub fn run(force_demo: bool, at_start: AtStart) -> i32 {
    match start(force_demo, at_start) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("nctray: {error:#}");
            1
        }
    }
}

/// The session with the configured accounts waiting to be opened (none on a first run): their
/// app passwords come from the keyring, which may be locked, so [`keyring_wait::open_accounts`]
/// opens them once the tray runs. A broken file never stops the tray: a damaged config or
/// cache is set aside and the person told once, and a cache from a newer nctray leaves the
/// tray signed out with a notice.
fn open_session() -> anyhow::Result<(Accounts, UnboundedReceiver<AccountEvent>)> {
    let paths = Paths::from_platform()?;
    if let Err(error) = paths.make_private() {
        tracing::warn!("{error}");
    }
    let (config, config_set_aside) = AppConfig::load_or_set_aside(&paths)?;
    let text = language::app();
    if let Some(moved_to) = config_set_aside {
        desktop_notifications::show(
            &text.text("popup-settings-unreadable"),
            &tr!(
                text,
                "popup-settings-moved",
                path = moved_to.display().to_string()
            ),
        );
    }
    let cache = match check_cache(&paths.database()) {
        Ok(rebuilt) => {
            if let Some(notice) = rebuilt {
                desktop_notifications::show(&text.text("popup-cache-rebuilt"), &notice);
            }
            Ok(())
        }
        Err(error) => {
            tracing::error!("{error:#}");
            desktop_notifications::show(&text.text("popup-cache-unusable"), &format!("{error:#}"));
            Err(error)
        }
    };
    let (session, events) =
        Accounts::new(Vec::new(), SyncConfig::default(), platform_idle_source());
    if cache.is_ok() {
        session.set_keyring_wait(KeyringWait {
            accounts: config.accounts.clone(),
            problem: None,
        });
    }
    session.follow(&config);
    Ok((session, events))
}

/// An engine event, the engine it came from and whether that is the primary account.
struct FromAccount {
    engine: Arc<Engine>,
    primary: bool,
    event: EngineEvent,
}

fn start(force_demo: bool, at_start: AtStart) -> anyhow::Result<()> {
    // One thread: the daemon mostly waits, and its cache calls (`Engine::locked`) take
    // micro- to milliseconds. On a multi-threaded runtime each one handed its worker over to
    // another thread, which cost more than the call: idle CPU over 5 minutes 0.030 % of a
    // core with two workers, 0.007 % with one thread (docs/benchmarks.md). Keyring, config and
    // D-Bus round trips that may block still go to blocking threads.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(serve(force_demo, at_start))
}

async fn serve(force_demo: bool, at_start: AtStart) -> anyhow::Result<()> {
    // The windows get their errors in the person's language.
    crate::errors::install();
    // Owning the API's bus name is the single instance: a second start hands over its window.
    let ready = match api::claim().await? {
        api::Claim::Ours(ready) => ready,
        api::Claim::Running(running) => {
            let window = match at_start {
                AtStart::Open(window) => window,
                AtStart::Usual => AppWindow::Popover,
                AtStart::Nothing => return Ok(()),
            };
            tracing::info!(
                "nctray runs already: asking it for the {} window",
                window.label()
            );
            running.open_window(window.label(), -1, -1).await?;
            return Ok(());
        }
    };
    // Only the one instance gets here, so a second launch never resets the demo's cache.
    let (session, events) = open_session()?;
    let app = App::new(session);
    ready.serve(&app);
    // The icon shows at once, whatever the keyring says; the accounts follow.
    let view = TrayView::of(app.state::<Accounts>(), None);
    match Tray::start(&app, Drawn::of(&view, Default::default(), None)).await {
        Ok(tray) => app.set_tray(tray),
        Err(error) => tracing::warn!("no tray icon: {error}"),
    }
    let first_run = app.state::<Accounts>().keyring_wait().accounts.is_empty();
    tokio::spawn(keyring_wait::open_accounts(app.clone()));
    tokio::spawn(forward_events(app.clone(), events));
    tokio::spawn(shell::follow_window_process(app.clone()));
    if force_demo {
        start_demo(&app);
    }
    match at_start {
        AtStart::Open(window) => shell::open_or_log(&app, window),
        // A first run: lead the person to sign-in (the demo is in the tray menu).
        AtStart::Usual if first_run && !force_demo => {
            tracing::info!("no account yet: opening the sign-in window");
            shell::open_or_log(&app, AppWindow::Accounts);
        }
        AtStart::Usual | AtStart::Nothing => {}
    }
    tokio::select! {
        () = app.quitting() => tracing::info!("quitting"),
        _ = tokio::signal::ctrl_c() => tracing::info!("interrupted: quitting"),
    }
    Ok(())
}

/// Every account's sync events, in order; the account list follows connection changes.
async fn forward_events(app: App, mut events: UnboundedReceiver<AccountEvent>) {
    while let Some(AccountEvent { engine, event }) = events.recv().await {
        let session = app.state::<Accounts>();
        let key = engine.account().key();
        if let EngineEvent::State(state) = &event {
            session.note_state(&key, state.clone());
            app.emit(ui_events::ACCOUNT_STATE, ());
        }
        let primary = session.is_primary(&key);
        // A status goes out through announce_status_of, with the changes made here.
        if !matches!(event, EngineEvent::Status(_)) {
            app.emit(
                ui_events::ENGINE_EVENT,
                ui_events::FromEngine {
                    account: key.clone(),
                    event: event.clone(),
                },
            );
        }
        on_engine_event(
            &app,
            FromAccount {
                engine,
                primary,
                event,
            },
        );
    }
}

/// Popups come from every account; the icon, menu and tooltip follow the primary one, with a
/// line for each other account and what waits in all of them.
fn on_engine_event(app: &App, from: FromAccount) {
    let FromAccount {
        engine,
        primary,
        event,
    } = from;
    let key = engine.account().key();
    match event {
        EngineEvent::Popups(popups) => {
            // With several accounts signed in, each popup says whose it is.
            let account = (app.state::<Accounts>().engines().len() > 1).then(|| key.clone());
            for popup in &popups {
                desktop_notifications::pop_up(app, &engine, popup, account.as_deref());
            }
        }
        EngineEvent::NotificationsChanged => {
            match engine.notifications().cached() {
                Ok(list) => {
                    app.state::<TrayUnread>()
                        .set_notifications(&key, list.len());
                    tray::redraw(app, None);
                }
                Err(error) => tracing::warn!("cannot count the notifications: {error}"),
            }
            app.emit(ui_events::NOTIFICATIONS_CHANGED, ());
            app.properties_changed();
        }
        EngineEvent::Status(snapshot) => ui_events::announce_status_of(app, &key, &snapshot),
        EngineEvent::State(AccountState::SignInNeeded) => {
            let text = language::app();
            desktop_notifications::show(
                &text.text("popup-sign-in-needed"),
                &text.text("popup-sign-in-needed-body"),
            )
        }
        EngineEvent::State(state) if primary => {
            tray::show_state(app, state);
            app.properties_changed();
        }
        // The icon shows the primary account's connection; the others' lines their status.
        EngineEvent::State(_) => {}
        EngineEvent::Unread(counts) => {
            app.state::<TrayUnread>()
                .set_mentions(&key, counts.awaiting_answer);
            tray::redraw(app, None);
            app.emit(ui_events::UNREAD_CHANGED, counts);
            app.properties_changed();
        }
    }
}

/// Status choices act on the primary account as it is now (accounts come and go).
pub fn on_menu_choice(app: &App, choice: MenuChoice) {
    match choice {
        MenuChoice::Quit => return app.exit(),
        MenuChoice::Open(window) => return shell::open_or_log(app, window),
        MenuChoice::TryDemo => return start_demo(app),
        MenuChoice::DemoNotification => return app.state::<Accounts>().demo_notify(),
        MenuChoice::UnlockKeyring => return keyring_wait::unlock(app),
        _ => {}
    }
    let Some(engine) = app.state::<Accounts>().primary() else {
        return;
    };
    let app = app.clone();
    tokio::spawn(async move {
        let result = match &choice {
            MenuChoice::Status(status) => engine.status().set(*status).await,
            MenuChoice::PredefinedMessage(id) => engine.status().set_predefined(id).await,
            MenuChoice::ClearMessage => engine.status().clear_message().await,
            MenuChoice::RestorePrevious => engine.status().restore().await,
            MenuChoice::Quit
            | MenuChoice::Open(_)
            | MenuChoice::TryDemo
            | MenuChoice::DemoNotification
            | MenuChoice::UnlockKeyring => return,
        };
        match result {
            Ok(snapshot) => ui_events::announce_status_of(&app, &engine.account().key(), &snapshot),
            Err(error) => desktop_notifications::show(
                &language::app().text("popup-status-failed"),
                &crate::errors::explain(&error),
            ),
        }
    });
}

/// Starts the demo (`--demo` or "Try the demo"): the built-in server, its account syncing,
/// the tray following it.
pub fn start_demo(app: &App) {
    let app = app.clone();
    tokio::spawn(async move {
        let started = match Paths::from_platform() {
            Ok(paths) => app.state::<Accounts>().start_demo(&paths).await,
            Err(error) => Err(error.into()),
        };
        match started {
            Ok(_) => accounts_changed(&app),
            Err(error) => {
                tracing::warn!("cannot start the demo: {}", error.message);
                desktop_notifications::show(
                    &language::app().text("popup-demo-failed"),
                    &error.message,
                );
            }
        }
    });
}
