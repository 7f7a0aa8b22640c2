//! The tray app: opens the account's engine (or the demo's), puts the icon in the tray,
//! runs the poller and turns its events into menu updates and desktop notifications.

use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use nctray_engine::{AccountState, Engine, EngineEvent, Paths, SyncConfig};
use nctray_i18n::tr;
use tauri::{AppHandle, Manager, RunEvent};
use tokio::sync::mpsc::UnboundedReceiver;

use crate::account_setup::check_cache;
use crate::chat_live::LiveChat;
use crate::chat_target::PendingChatTarget;
use crate::config::AppConfig;
use crate::desktop_notifications;
use crate::idle::platform_idle_source;
use crate::images;
use crate::ipc;
use crate::ipc::accounts::accounts_changed;
use crate::keyring_wait::{self, KeyringRetry};
use crate::language;
use crate::session::{AccountEvent, KeyringWait, Session};
use crate::sign_in::SignIn;
use crate::tray::{self, MenuChoice, TrayView};
use crate::tray_unread::TrayUnread;
use crate::ui_events;
use crate::windows::{self, AppWindow};

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

/// The session with the configured accounts waiting to be opened (none on a first run): their
/// app passwords come from the keyring, which may be locked, so [`keyring_wait::open_accounts`]
/// opens them once the tray runs. A broken file never stops the tray: a damaged config or
/// cache is set aside and the person told once, and a cache from a newer nctray leaves the
/// tray signed out with a notice.
fn open_session() -> anyhow::Result<(Session, UnboundedReceiver<AccountEvent>)> {
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
    let (session, events) = Session::new(Vec::new(), SyncConfig::default(), platform_idle_source());
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

fn start(force_demo: bool, open_at_start: Option<AppWindow>) -> anyhow::Result<()> {
    // The windows get their errors in the person's language.
    crate::errors::install();
    let app = tauri::Builder::default()
        // First, so that a second launch hands over its --window and exits before the rest.
        .plugin(tauri_plugin_single_instance::init(on_second_launch))
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .invoke_handler(ipc::handler())
        .manage(PendingChatTarget::default())
        .manage(LiveChat::default())
        .manage(SignIn::default())
        .manage(KeyringRetry::default())
        .manage(TrayUnread::default())
        .register_asynchronous_uri_scheme_protocol(images::SCHEME, images::handle)
        .setup(move |app| {
            let handle = app.handle().clone();
            let session = app.state::<Session>();
            // The icon shows at once, whatever the keyring says; the accounts follow.
            tray::create(&handle, &TrayView::of(&session, None), on_menu_choice)?;
            let first_run = session.keyring_wait().accounts.is_empty();
            tauri::async_runtime::spawn(keyring_wait::open_accounts(handle.clone()));
            if force_demo {
                start_demo(&handle);
            }
            match open_at_start {
                Some(window) => windows::open_or_log(&handle, window),
                // A first run: lead the person to sign-in (the demo is in the tray menu).
                None if first_run && !force_demo => {
                    tracing::info!("no account yet: opening the sign-in window");
                    windows::open_or_log(&handle, AppWindow::Accounts);
                }
                None => {}
            }
            Ok(())
        })
        .build(tauri::generate_context!("../tauri.conf.json"))
        .context("cannot start the tray app")?;
    // Only the one instance gets here, so a second launch never resets the demo's cache.
    let (session, events) = open_session()?;
    app.manage(session);
    tauri::async_runtime::spawn(forward_events(app.handle().clone(), events));
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

/// `nctray [--window NAME]` started while this one runs: that process exits, and this one
/// opens the window it was asked for (the popover when none). Only the tray app is single:
/// the command line subcommands never get here.
fn on_second_launch(app: &AppHandle, argv: Vec<String>, _cwd: String) {
    let window = crate::cli::Args::try_parse_from(&argv)
        .ok()
        .and_then(|args| args.window)
        .unwrap_or(AppWindow::Popover);
    tracing::info!("second launch: opening the {} window", window.label());
    windows::open_or_log(app, window);
}

/// Every account's sync events, in order; the account list follows connection changes.
async fn forward_events(app: AppHandle, mut events: UnboundedReceiver<AccountEvent>) {
    while let Some(AccountEvent { engine, event }) = events.recv().await {
        let session = app.state::<Session>();
        let key = engine.account().key();
        if let EngineEvent::State(state) = &event {
            session.note_state(&key, state.clone());
            ui_events::emit(&app, ui_events::ACCOUNT_STATE, ());
        }
        let primary = session.is_primary(&key);
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
fn on_engine_event(app: &AppHandle, from: FromAccount) {
    let FromAccount {
        engine,
        primary,
        event,
    } = from;
    let key = engine.account().key();
    match event {
        EngineEvent::Popups(popups) => {
            // With several accounts signed in, each popup says whose it is.
            let account = (app.state::<Session>().engines().len() > 1).then(|| key.clone());
            for popup in &popups {
                desktop_notifications::pop_up(app, &engine, popup, account.as_deref());
            }
        }
        EngineEvent::NotificationsChanged => {
            match engine.cached_notifications() {
                Ok(list) => {
                    app.state::<TrayUnread>()
                        .set_notifications(&key, list.len());
                    tray::redraw(app, None);
                }
                Err(error) => tracing::warn!("cannot count the notifications: {error}"),
            }
            ui_events::emit(app, ui_events::NOTIFICATIONS_CHANGED, ())
        }
        EngineEvent::Status(snapshot) if primary => {
            tray::redraw(app, Some((*snapshot).clone()));
            ui_events::emit(app, ui_events::STATUS_CHANGED, snapshot);
        }
        // Another account's line in the menu (from the cache the engine just wrote).
        EngineEvent::Status(_) => tray::redraw(app, None),
        EngineEvent::State(AccountState::SignInNeeded) => {
            let text = language::app();
            desktop_notifications::show(
                &text.text("popup-sign-in-needed"),
                &text.text("popup-sign-in-needed-body"),
            )
        }
        EngineEvent::State(state) if primary => {
            let view = TrayView::of(&app.state::<Session>(), None);
            if let Err(e) = tray::show_state(app, &view, &state) {
                tracing::warn!("cannot update the tray: {e}");
            }
        }
        // The icon shows the primary account's connection; the others' lines their status.
        EngineEvent::State(_) => {}
        EngineEvent::Unread(counts) => {
            app.state::<TrayUnread>()
                .set_mentions(&key, counts.awaiting_answer);
            tray::redraw(app, None);
            ui_events::emit(app, ui_events::UNREAD_CHANGED, counts)
        }
    }
}

/// Status choices act on the primary account as it is now (accounts come and go).
fn on_menu_choice(app: &AppHandle, choice: MenuChoice) {
    match choice {
        MenuChoice::Quit => return app.exit(0),
        MenuChoice::Open(window) => return windows::open_or_log(app, window),
        MenuChoice::TryDemo => return start_demo(app),
        MenuChoice::DemoNotification => return app.state::<Session>().demo_notify(),
        MenuChoice::UnlockKeyring => return keyring_wait::unlock(app),
        _ => {}
    }
    let Some(engine) = app.state::<Session>().primary() else {
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let result = match &choice {
            MenuChoice::Status(status) => engine.set_status(*status).await,
            MenuChoice::PredefinedMessage(id) => engine.set_predefined_message(id).await,
            MenuChoice::ClearMessage => engine.clear_message().await,
            MenuChoice::RestorePrevious => engine.restore_previous_status().await,
            MenuChoice::Quit
            | MenuChoice::Open(_)
            | MenuChoice::TryDemo
            | MenuChoice::DemoNotification
            | MenuChoice::UnlockKeyring => return,
        };
        match result {
            Ok(snapshot) => {
                tray::redraw(&app, Some(snapshot.clone()));
                ui_events::emit(&app, ui_events::STATUS_CHANGED, snapshot);
            }
            Err(error) => desktop_notifications::show(
                &language::app().text("popup-status-failed"),
                &crate::errors::explain(&error),
            ),
        }
    });
}

/// Starts the demo (`--demo` or "Try the demo"): the built-in server, its account syncing,
/// the tray following it.
fn start_demo(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let started = match Paths::from_platform() {
            Ok(paths) => app.state::<Session>().start_demo(&paths).await,
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
