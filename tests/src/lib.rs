//! Harness for end-to-end tests of the built app: the daemon `nctray` (tray, accounts, desktop
//! notifications, command line) and the window process `nctray-windows` beside it.
//!
//! Each test gets a private desktop session ([`Session`]): its own home and XDG folders, its own
//! D-Bus session bus and gnome-keyring, and the X display of the caller (the test script runs
//! everything under `xvfb-run`). On that bus the harness can run a recording notification server
//! ([`NotificationServer`]) and a panel's StatusNotifierWatcher ([`TrayWatcher`]), and drive the
//! app's tray item and its menu ([`Tray`]); the app's processes are found in /proc
//! ([`Session::processes`]). The server side is the in-process simulator `nctray_sim`;
//! [`Desktop`] puts them together.
//!
//! Run one file of them: `cargo build -p nctray -p nctray-windows && xvfb-run -a cargo test -p
//! nctray-e2e --test tray_menu`. `NCTRAY_BIN` points at another build of the daemon (the window
//! binary is taken from beside it); `NCTRAY_E2E_KEEP=1` keeps each session's folder (logs of the
//! app, dbus-daemon and gnome-keyring in `logs/`). A failing test prints the app's stdout and
//! stderr.

mod app;
mod binary;
mod desktop;
mod display;
mod notifications;
mod processes;
mod session;
mod tray;
mod wait;
mod watchdog;
mod watcher;
mod webview;

pub use app::{CliOutput, RunningApp};
pub use binary::{nctray_binary, windows_binary};
pub use desktop::{app_password, Desktop, POLL_INTERVAL_SECS};
pub use notifications::{BrowserRecorder, NotificationServer, RecordedNotification};
pub use processes::{all_processes, is_alive, is_reaped, kill, Process};
pub use session::{env_assignment, Session};
pub use tray::{MenuItem, Tray, TrayIcon};
pub use wait::{wait_until, wait_until_some};
pub use watcher::TrayWatcher;
pub use webview::{ListScan, Webview, WindowOptions};

use std::time::Duration;

/// How long to wait for anything the app does after starting: generous, since the tests run in
/// parallel on small CI machines and the polls only succeed quickly when things work.
pub const PATIENCE: Duration = Duration::from_secs(30);
