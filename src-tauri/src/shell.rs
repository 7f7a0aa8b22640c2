//! The window shell from start to exit: make sure the daemon runs, ask it what to show and in
//! which language, then run the windows until the last one closes or the daemon goes.

use anyhow::Context;
use clap::Parser;
use nctray_api::AppWindow;
use serde_json::Value;
use tauri::{AppHandle, Manager};

use crate::args::{Args, ScreenPoint};
use crate::daemon::{self, Daemon};
use crate::events::{self, Subscriptions};
use crate::lifetime::DaemonWatch;
use crate::windows::{self, DemoRunning};
use crate::{app_id, commands, images, language};

/// What the shell knows once the daemon answered, before any window exists.
struct Ready {
    daemon: Daemon,
    subscriptions: Subscriptions,
    watch: DaemonWatch,
    /// None: nothing to show, the shell is done.
    first: Option<AppWindow>,
}

/// Runs the shell; returns its exit code.
pub fn run(args: Args) -> anyhow::Result<i32> {
    // zbus's tasks run on Tauri's runtime, which outlives this call.
    let ready = tauri::async_runtime::block_on(connect(&args))?;
    tracing::debug!("the daemon answered");
    let Some(first) = ready.first else {
        tracing::info!("no window to open");
        return Ok(0);
    };
    app_id::migrate_webview_folders();
    let Ready {
        daemon,
        subscriptions,
        watch,
        ..
    } = ready;
    let at = args.at;
    let at_exit = daemon.clone();
    let app = tauri::Builder::default()
        // First, so that a second shell hands over its --window and exits before the rest.
        .plugin(tauri_plugin_single_instance::init(on_second_launch))
        .invoke_handler(commands::handler(daemon.clone()))
        .register_asynchronous_uri_scheme_protocol(images::SCHEME, images::handle)
        .manage(daemon)
        .manage(DemoRunning::default())
        .setup(move |app| {
            let handle = app.handle();
            subscriptions.forward(handle);
            watch.exit_with_daemon(handle);
            tauri::async_runtime::spawn(refresh_demo_then_open(handle.clone(), first, at));
            Ok(())
        })
        .build(tauri::generate_context!("../tauri.conf.json"))
        .context("cannot start the windows")?;
    let code = app.run_return(|_, _| {});
    tauri::async_runtime::block_on(windows::tell_daemon_closed_at_exit(&at_exit));
    Ok(code)
}

/// Connects to the daemon (starting it when none runs) and learns what to show.
async fn connect(args: &Args) -> anyhow::Result<Ready> {
    let connection = zbus::Connection::session()
        .await
        .context("cannot reach the session bus (D-Bus), where nctray's background service runs")?;
    let started = daemon::ensure_running(&connection, args.demo, args.lang.as_deref()).await?;
    tracing::debug!("the daemon runs (started here: {started})");
    let daemon = Daemon::new(&connection).await?;
    let watch = DaemonWatch::new(&daemon).await?;
    let subscriptions = Subscriptions::new(&daemon).await?;
    tracing::debug!("listening to the daemon");
    if args.demo && !started {
        if let Err(error) = daemon.ask("start_demo").await {
            tracing::warn!("{error:#}");
        }
    }
    let first = match args.window {
        Some(window) => Some(window),
        None => first_window(&daemon).await?,
    };
    if let Some(first) = first {
        tracing::debug!("the first window: {}", first.label());
        let view = daemon.ask("app_language").await?;
        language::follow(&view);
    }
    Ok(Ready {
        daemon,
        subscriptions,
        watch,
        first,
    })
}

/// The window the daemon wants a shell started without `--window` to show (sign-in on a
/// first run), or None.
async fn first_window(daemon: &Daemon) -> anyhow::Result<Option<AppWindow>> {
    window_named(&daemon.ask("first_window").await?)
}

fn window_named(value: &Value) -> anyhow::Result<Option<AppWindow>> {
    match value {
        Value::Null => Ok(None),
        Value::String(name) => Ok(Some(name.parse().map_err(anyhow::Error::msg)?)),
        other => anyhow::bail!("the daemon's first_window named no window: {other}"),
    }
}

/// The first window opens once its title is known (the demo says so in it); the shell exits
/// when it cannot open.
async fn refresh_demo_then_open(app: AppHandle, first: AppWindow, at: Option<ScreenPoint>) {
    events::refresh_demo(&app).await;
    let handle = app.clone();
    let opened = app.run_on_main_thread(move || {
        tracing::debug!("making the {} window", first.label());
        if let Err(error) = windows::open_at(&handle, first, at) {
            tracing::error!("cannot open the {} window: {error}", first.label());
            handle.exit(1);
        }
    });
    if let Err(error) = opened {
        tracing::error!("cannot open the {} window: {error}", first.label());
        app.exit(1);
    }
}

/// `nctray-windows [--window NAME] [--at X,Y]` started while this one runs: that process
/// exits, and this one shows the window it was asked for (the one the daemon names when none).
fn on_second_launch(app: &AppHandle, argv: Vec<String>, _cwd: String) {
    let Ok(args) = Args::try_parse_from(&argv) else {
        tracing::warn!("a second shell was started with arguments it cannot read: {argv:?}");
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let which = match args.window {
            Some(window) => Some(window),
            None => {
                let daemon = app.state::<Daemon>().inner().clone();
                first_window(&daemon).await.unwrap_or_else(|error| {
                    tracing::warn!("{error:#}");
                    None
                })
            }
        };
        let Some(which) = which else {
            return;
        };
        tracing::info!("second launch: showing the {} window", which.label());
        let handle = app.clone();
        let _ = app.run_on_main_thread(move || windows::show_requested(&handle, which, args.at));
    });
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_daemon_names_the_first_window_or_none() {
        assert_eq!(
            window_named(&json!("accounts")).unwrap(),
            Some(AppWindow::Accounts)
        );
        assert_eq!(window_named(&Value::Null).unwrap(), None);
        assert!(window_named(&json!("settings")).is_err());
        assert!(window_named(&json!(1)).is_err());
    }
}
