//! nctray: Nextcloud in the system tray. Without a subcommand it is the daemon (tray, accounts,
//! desktop notifications, the local D-Bus API), with one it is the command line, both over the
//! same engine and accounts. The windows are the `nctray-windows` process the daemon starts.

// No console window on Windows release builds.
#![cfg_attr(
    all(not(debug_assertions), target_os = "windows"),
    windows_subsystem = "windows"
)]

mod api;
mod app;
mod autostart;
mod chat_live;
mod chat_target;
mod cli;
mod daemon;
mod desktop_notifications;
mod docs;
mod errors;
mod idle;
mod images;
mod ipc;
mod keyring_wait;
mod language;
mod language_change;
mod links;
mod logs;
mod shell;
mod sign_in;
mod tray;
mod tray_unread;
mod ui_events;

use clap::Parser;

fn main() {
    cli::speak_while_parsing();
    let args = cli::Args::parse();
    language::start(args.lang.clone(), configured_language());
    if let Some(dir) = &args.generate_docs {
        std::process::exit(docs::write_all(dir));
    }
    let code = match args.command {
        Some(_) => {
            logs::to_stderr();
            cli::run(args)
        }
        None => {
            match nctray_engine::Paths::from_platform() {
                Ok(paths) => logs::to_file_and_stderr(&paths.log_dir()),
                Err(_) => logs::to_stderr(),
            }
            tracing::info!("nctray {} starts", env!("CARGO_PKG_VERSION"));
            if args.debug_panic {
                panic!("a panic asked for with --debug-panic");
            }
            let at_start = match (args.window, args.for_windows) {
                (Some(window), _) => daemon::AtStart::Open(window),
                (None, true) => daemon::AtStart::Nothing,
                (None, false) => daemon::AtStart::Usual,
            };
            daemon::run(args.demo, at_start)
        }
    };
    std::process::exit(code);
}

/// The settings' language override; an unreadable config means none (the tray reports the
/// config itself).
fn configured_language() -> Option<String> {
    let paths = nctray_engine::Paths::from_platform().ok()?;
    nctray_engine::accounts::config::AppConfig::load(&paths)
        .ok()?
        .language
}
