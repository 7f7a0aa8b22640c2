//! nctray: Nextcloud in the system tray. One binary: without a subcommand it is the tray app,
//! with one it is the command line, both over the same engine and account.

// No console window on Windows release builds.
#![cfg_attr(
    all(not(debug_assertions), target_os = "windows"),
    windows_subsystem = "windows"
)]

mod account_setup;
mod chat_live;
mod chat_target;
mod cli;
mod config;
mod demo;
mod desktop_notifications;
mod idle;
mod images;
mod ipc;
mod links;
mod secrets;
mod session;
mod sign_in;
mod tray;
mod tray_app;
mod ui_events;
mod windows;

use clap::Parser;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NCTRAY_LOG")
                .unwrap_or_else(|_| "warn,nctray=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = cli::Args::parse();
    let code = match args.command {
        Some(command) => cli::run(command, args.account, args.json),
        None => tray_app::run(args.demo, args.window),
    };
    std::process::exit(code);
}
