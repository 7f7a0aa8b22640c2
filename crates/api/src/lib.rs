//! The local API of the nctray daemon: on Linux the session D-Bus service
//! `org.nctray.Nctray1`. The daemon serves it; the window process, the command line and desktop
//! tools (a waybar module, a GNOME extension) call it. Owning the bus name is also what makes
//! the daemon a single instance.
//!
//! The interface's XML is committed as `docs/org.nctray.Nctray1.xml`; a test checks the
//! running daemon against it.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub const BUS_NAME: &str = "org.nctray.Nctray1";
pub const OBJECT_PATH: &str = "/org/nctray/Nctray1";
pub const INTERFACE: &str = "org.nctray.Nctray1";

/// The daemon's interface as its callers see it. Methods:
/// - `Invoke`: one of the windows' commands (`ipc` in the daemon) by name, its arguments and its
///   answer as JSON; the answer is an [`InvokeReply`].
/// - `OpenWindow`: shows a window (starting the window process when none runs); `x`, `y` are
///   where the tray icon was clicked, or negative when unknown.
/// - `FetchImage`: an avatar or a server image the windows show, fetched with the account's
///   credentials, which never leave the daemon (`nctray-img:` URLs).
/// - `SetStatus`: online, away, dnd, invisible or offline, for the primary account.
/// - `Quit`.
///
/// Properties follow the primary account; `Event` carries every change the windows hear (its
/// name and JSON payload); `WindowRequested` asks a running window process to show a window.
#[zbus::proxy(
    interface = "org.nctray.Nctray1",
    default_service = "org.nctray.Nctray1",
    default_path = "/org/nctray/Nctray1",
    gen_blocking = true
)]
pub trait Nctray1 {
    fn invoke(&self, command: &str, args: &str) -> zbus::Result<String>;
    fn open_window(&self, name: &str, x: i32, y: i32) -> zbus::Result<()>;
    fn fetch_image(&self, url: &str) -> zbus::Result<(Vec<u8>, String)>;
    fn set_status(&self, status: &str) -> zbus::Result<()>;
    fn quit(&self) -> zbus::Result<()>;

    /// The primary account's status (`online`, `away`, …), empty without an account.
    #[zbus(property)]
    fn status(&self) -> zbus::Result<String>;
    /// Its status message, with the emoji, as the tray menu shows it.
    #[zbus(property)]
    fn status_message(&self) -> zbus::Result<String>;
    /// Notifications waiting, over every account.
    #[zbus(property)]
    fn notifications(&self) -> zbus::Result<u32>;
    /// Talk conversations awaiting an answer (mentions and unread one-to-one), every account.
    #[zbus(property)]
    fn mentions(&self) -> zbus::Result<u32>;
    /// The primary account's connection: `none`, `online`, `offline`, `paused`,
    /// `sign-in-needed`, `keyring-locked`.
    #[zbus(property)]
    fn account_state(&self) -> zbus::Result<String>;

    #[zbus(signal)]
    fn event(&self, name: &str, payload: &str) -> zbus::Result<()>;
    #[zbus(signal)]
    fn window_requested(&self, name: &str, x: i32, y: i32) -> zbus::Result<()>;
}

/// `Invoke`'s answer: the command's value, or its error (`{kind, message}` and whatever else
/// the command's error carries), as the windows receive them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvokeReply {
    Ok(serde_json::Value),
    Err(serde_json::Value),
}

/// The windows nctray has; the label is also the name used by `--window`, `OpenWindow` and the
/// UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppWindow {
    /// Notifications and activity, opened from the tray.
    Popover,
    /// The status editor.
    Status,
    /// Talk quick chat.
    Chat,
    /// Sign-in, accounts and settings.
    Accounts,
}

impl AppWindow {
    pub const ALL: [AppWindow; 4] = [
        AppWindow::Popover,
        AppWindow::Status,
        AppWindow::Chat,
        AppWindow::Accounts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppWindow::Popover => "popover",
            AppWindow::Status => "status",
            AppWindow::Chat => "chat",
            AppWindow::Accounts => "accounts",
        }
    }
}

impl FromStr for AppWindow {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        AppWindow::ALL
            .into_iter()
            .find(|window| window.label() == name)
            .ok_or_else(|| {
                let names: Vec<_> = AppWindow::ALL.iter().map(|w| w.label()).collect();
                format!(
                    "no window named {name:?}; choose one of {}",
                    names.join(", ")
                )
            })
    }
}

/// The bus name a running window process holds (its single-instance hand-over: Tauri's plugin
/// appends `.SingleInstance` to the app's identifier).
pub const WINDOWS_BUS_NAME: &str = "org.nctray.Nctray.SingleInstance";

/// The name of the window process's binary, installed beside `nctray`.
pub const WINDOWS_BINARY: &str = "nctray-windows";
/// The daemon's binary, beside the window process.
pub const DAEMON_BINARY: &str = "nctray";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_is_found_by_its_label() {
        for window in AppWindow::ALL {
            assert_eq!(window.label().parse::<AppWindow>(), Ok(window));
        }
        assert!("nope".parse::<AppWindow>().is_err());
    }

    #[test]
    fn a_reply_is_tagged_json() {
        let ok = serde_json::to_string(&InvokeReply::Ok(serde_json::json!([1]))).unwrap();
        assert_eq!(ok, r#"{"ok":[1]}"#);
        let error = InvokeReply::Err(serde_json::json!({"kind": "offline", "message": "gone"}));
        let text = serde_json::to_string(&error).unwrap();
        assert_eq!(text, r#"{"err":{"kind":"offline","message":"gone"}}"#);
        assert_eq!(serde_json::from_str::<InvokeReply>(&text).unwrap(), error);
    }
}
