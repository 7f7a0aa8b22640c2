//! nctray-windows: nctray's windows, a Tauri shell the daemon (`nctray`) starts when a window
//! is asked for. It asks the daemon for everything over the session bus and exits when its
//! last window closes, so an idle nctray holds no webview.

mod app_id;
mod args;
mod commands;
mod daemon;
mod events;
mod images;
mod language;
mod lifetime;
mod logs;
mod rendering;
mod reply;
mod shell;
#[cfg(test)]
mod test_bus;
mod windows;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rendering::lighten();
    let args = args::Args::parse();
    logs::to_stderr();
    tracing::debug!("nctray-windows starts");
    match shell::run(args) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(error) => {
            eprintln!("nctray-windows: {error:#}");
            ExitCode::FAILURE
        }
    }
}
