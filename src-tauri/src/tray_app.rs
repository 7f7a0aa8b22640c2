//! The tray app: opens the account's engine (or the demo's), puts the icon in the tray,
//! runs the poller and turns its events into menu updates and desktop notifications.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use nctray_engine::{supervise, AccountState, Engine, EngineEvent, Paths, SyncConfig};
use tauri::{AppHandle, Manager, RunEvent};
use tokio::sync::mpsc;

use crate::account_setup::open_all_engines;
use crate::chat_live::LiveChat;
use crate::chat_target::PendingChatTarget;
use crate::config::AppConfig;
use crate::demo::{self, DemoServer};
use crate::desktop_notifications;
use crate::idle::platform_idle_source;
use crate::images;
use crate::ipc;
use crate::session::Session;
use crate::tray::{self, MenuChoice};
use crate::ui_events;
use crate::windows::{self, AppWindow};

/// The demo server answers on loopback, so it may be polled often without cost.
const DEMO_POLL_EVERY: Duration = Duration::from_secs(5);

/// Runs the tray until the user quits; returns the exit code.
pub fn run(force_demo: bool, open_at_start: Option<AppWindow>) -> i32 {
    match start(force_demo, open_at_start) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("nctray: {error:#}");
            1
        }
    }
}

fn open_session(force_demo: bool) -> anyhow::Result<Session> {
    let paths = Paths::from_platform()?;
    let config = AppConfig::load(&paths)?;
    let mut sync = SyncConfig::default();
    if force_demo || config.accounts.is_empty() {
        tracing::info!(
            "no account configured (or --demo): running against the built-in demo server"
        );
        let demo = tauri::async_runtime::block_on(DemoServer::start())?;
        demo::reset_demo_database(&paths);
        let engine = Engine::open(
            demo.account.clone(),
            demo.app_password(),
            &DemoServer::database(&paths),
        )?;
        sync.notifications_every = Some(config.poll_interval().unwrap_or(DEMO_POLL_EVERY));
        return Ok(Session::new(vec![Arc::new(engine)], sync, Some(demo)));
    }
    sync.notifications_every = config.poll_interval();
    let engines = open_all_engines(&paths, &config)?;
    let engines = engines.into_iter().map(Arc::new).collect();
    Ok(Session::new(engines, sync, None))
}

/// An engine event, the engine it came from and whether that is the primary account.
struct FromAccount {
    engine: Arc<Engine>,
    primary: bool,
    event: EngineEvent,
}

fn start(force_demo: bool, open_at_start: Option<AppWindow>) -> anyhow::Result<()> {
    let session = open_session(force_demo)?;
    let app = tauri::Builder::default()
        .invoke_handler(ipc::handler())
        .manage(PendingChatTarget::default())
        .manage(LiveChat::default())
        .register_asynchronous_uri_scheme_protocol(images::SCHEME, images::handle)
        .setup(move |app| {
            let handle = app.handle().clone();
            let primary = session
                .primary()
                .context("no account to show in the tray")?;
            // Draw the last known status at once; the sync brings the fresh one.
            let snapshot = primary.cached_status().ok().flatten().unwrap_or_default();
            tray::create(&handle, &snapshot, move |app, choice| {
                on_menu_choice(app, primary.clone(), choice)
            })?;
            let (tagged, mut received) = mpsc::unbounded_channel::<FromAccount>();
            let idle = platform_idle_source();
            for (index, engine) in session.engines().into_iter().enumerate() {
                let (events, mut account_events) = mpsc::unbounded_channel();
                tauri::async_runtime::spawn(supervise(
                    engine.clone(),
                    session.sync.clone(),
                    idle.clone(),
                    events,
                ));
                let tagged = tagged.clone();
                tauri::async_runtime::spawn(async move {
                    while let Some(event) = account_events.recv().await {
                        let engine = engine.clone();
                        let primary = index == 0;
                        if tagged
                            .send(FromAccount {
                                engine,
                                primary,
                                event,
                            })
                            .is_err()
                        {
                            return;
                        }
                    }
                });
            }
            let handle_for_windows = handle.clone();
            tauri::async_runtime::spawn(async move {
                while let Some(from) = received.recv().await {
                    on_engine_event(&handle, from);
                }
            });
            app.manage(session);
            if let Some(window) = open_at_start {
                windows::open_or_log(&handle_for_windows, window);
            }
            Ok(())
        })
        .build(tauri::generate_context!("../tauri.conf.json"))
        .context("cannot start the tray app")?;
    app.run(|_, event| {
        // The app lives in the tray: closing a window must not end it.
        if let RunEvent::ExitRequested {
            api, code: None, ..
        } = event
        {
            api.prevent_exit();
        }
    });
    Ok(())
}

/// Popups come from every account; the icon, menu and tooltip follow the primary one.
fn on_engine_event(app: &AppHandle, from: FromAccount) {
    let FromAccount {
        engine,
        primary,
        event,
    } = from;
    match event {
        EngineEvent::Popups(popups) => {
            for popup in &popups {
                desktop_notifications::pop_up(app, &engine, popup);
            }
            ui_events::emit(app, ui_events::NOTIFICATIONS_CHANGED, ());
        }
        EngineEvent::Status(snapshot) if primary => {
            if let Err(e) = tray::show(app, &snapshot) {
                tracing::warn!("cannot update the tray: {e}");
            }
            ui_events::emit(app, ui_events::STATUS_CHANGED, snapshot);
        }
        EngineEvent::State(AccountState::SignInNeeded) => desktop_notifications::show(
            "nctray: sign-in needed",
            "The server no longer accepts this app password. Add the account again to resume.",
        ),
        EngineEvent::State(state) if primary => {
            if let Err(e) = tray::show_state(app, &state) {
                tracing::warn!("cannot update the tray: {e}");
            }
        }
        // The tray shows the primary account's status; the others only pop up.
        EngineEvent::Status(_) | EngineEvent::State(_) => {}
        // The tray has no badge yet; the chat window shows the counts.
        EngineEvent::Unread(counts) => ui_events::emit(app, ui_events::UNREAD_CHANGED, counts),
    }
}

fn on_menu_choice(app: &AppHandle, engine: Arc<Engine>, choice: MenuChoice) {
    match choice {
        MenuChoice::Quit => return app.exit(0),
        MenuChoice::Open(window) => return windows::open_or_log(app, window),
        _ => {}
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let result = match &choice {
            MenuChoice::Status(status) => engine.set_status(*status).await,
            MenuChoice::PredefinedMessage(id) => engine.set_predefined_message(id).await,
            MenuChoice::ClearMessage => engine.clear_message().await,
            MenuChoice::RestorePrevious => engine.restore_previous_status().await,
            MenuChoice::Quit | MenuChoice::Open(_) => return,
        };
        match result {
            Ok(snapshot) => {
                if let Err(e) = tray::show(&app, &snapshot) {
                    tracing::warn!("cannot update the tray: {e}");
                }
                ui_events::emit(&app, ui_events::STATUS_CHANGED, snapshot);
            }
            Err(error) => {
                desktop_notifications::show("nctray: the status did not change", &error.to_string())
            }
        }
    });
}
