//! The tray icon and its menu: one click to change the status, a predefined message, clear
//! the message or restore the status a call overwrote.

use nctray_engine::nextcloud::StatusType;
use nctray_engine::{AccountState, StatusSnapshot};
use tauri::image::Image;
use tauri::menu::{CheckMenuItem, IsMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Runtime};

use crate::windows::{self, AppWindow};

/// Also names the StatusNotifierItem on D-Bus:
/// `/org/ayatana/NotificationItem/tray_icon_tray_app_nctray` (tray-icon adds the prefix).
pub const TRAY_ID: &str = "nctray";

/// The statuses offered in the menu, in the order the Nextcloud web UI shows them.
const STATUS_CHOICES: [(StatusType, &str); 5] = [
    (StatusType::Online, "Online"),
    (StatusType::Away, "Away"),
    (StatusType::Dnd, "Do not disturb"),
    (StatusType::Invisible, "Invisible"),
    (StatusType::Offline, "Offline"),
];

const WINDOW_CHOICES: [(AppWindow, &str); 4] = [
    (AppWindow::Popover, "Notifications and activity…"),
    (AppWindow::Status, "Set status…"),
    (AppWindow::Chat, "Talk…"),
    (AppWindow::Accounts, "Accounts and settings…"),
];

/// What a click in the menu asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuChoice {
    Status(StatusType),
    PredefinedMessage(String),
    ClearMessage,
    RestorePrevious,
    /// Opens one of the windows.
    Open(AppWindow),
    Quit,
}

impl MenuChoice {
    fn id(&self) -> String {
        match self {
            MenuChoice::Status(status) => format!("status:{}", status.as_str()),
            MenuChoice::PredefinedMessage(id) => format!("message:{id}"),
            MenuChoice::ClearMessage => "clear-message".into(),
            MenuChoice::RestorePrevious => "restore".into(),
            MenuChoice::Open(window) => format!("open:{}", window.label()),
            MenuChoice::Quit => "quit".into(),
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        if let Some(status) = id.strip_prefix("status:") {
            return status.parse().ok().map(MenuChoice::Status);
        }
        if let Some(window) = id.strip_prefix("open:") {
            return window.parse().ok().map(MenuChoice::Open);
        }
        if let Some(message) = id.strip_prefix("message:") {
            return Some(MenuChoice::PredefinedMessage(message.to_owned()));
        }
        match id {
            "clear-message" => Some(MenuChoice::ClearMessage),
            "restore" => Some(MenuChoice::RestorePrevious),
            "quit" => Some(MenuChoice::Quit),
            _ => None,
        }
    }
}

fn icon_for(status: StatusType) -> tauri::Result<Image<'static>> {
    let bytes: &'static [u8] = match status {
        StatusType::Online => include_bytes!("../../icons/status-online.png"),
        StatusType::Away => include_bytes!("../../icons/status-away.png"),
        // Busy (a call) is a kind of do-not-disturb for the eye.
        StatusType::Dnd | StatusType::Busy => include_bytes!("../../icons/status-dnd.png"),
        StatusType::Invisible => include_bytes!("../../icons/status-invisible.png"),
        StatusType::Offline => include_bytes!("../../icons/status-offline.png"),
    };
    Image::from_bytes(bytes)
}

fn build_menu<R: Runtime>(app: &AppHandle<R>, snapshot: &StatusSnapshot) -> tauri::Result<Menu<R>> {
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = Vec::new();
    // A disabled first line says what the status is now, message included.
    items.push(Box::new(MenuItem::with_id(
        app,
        "current",
        snapshot.describe(),
        false,
        None::<&str>,
    )?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    let current = snapshot.status_type();
    for (status, label) in STATUS_CHOICES {
        items.push(Box::new(CheckMenuItem::with_id(
            app,
            MenuChoice::Status(status).id(),
            label,
            true,
            status == current,
            None::<&str>,
        )?));
    }
    if !snapshot.predefined.is_empty() {
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
        for predefined in &snapshot.predefined {
            let label = match predefined.icon.as_deref() {
                Some(icon) if !icon.is_empty() => format!("{icon} {}", predefined.message),
                _ => predefined.message.clone(),
            };
            items.push(Box::new(MenuItem::with_id(
                app,
                MenuChoice::PredefinedMessage(predefined.id.clone()).id(),
                label,
                true,
                None::<&str>,
            )?));
        }
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    let has_message = snapshot
        .own
        .as_ref()
        .is_some_and(|own| own.message.is_some() || own.icon.is_some() || own.message_id.is_some());
    items.push(Box::new(MenuItem::with_id(
        app,
        MenuChoice::ClearMessage.id(),
        "Clear message",
        has_message,
        None::<&str>,
    )?));
    if snapshot.restorable_message_id().is_some() {
        items.push(Box::new(MenuItem::with_id(
            app,
            MenuChoice::RestorePrevious.id(),
            "Restore previous status",
            true,
            None::<&str>,
        )?));
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    // Linux trays deliver no icon clicks, only menu clicks: the windows open from here.
    for (window, label) in WINDOW_CHOICES {
        items.push(Box::new(MenuItem::with_id(
            app,
            MenuChoice::Open(window).id(),
            label,
            true,
            None::<&str>,
        )?));
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(Box::new(MenuItem::with_id(
        app,
        MenuChoice::Quit.id(),
        "Quit",
        true,
        None::<&str>,
    )?));
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|item| item.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// Creates the tray icon; menu clicks go to `on_choice`.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    snapshot: &StatusSnapshot,
    on_choice: impl Fn(&AppHandle<R>, MenuChoice) + Send + Sync + 'static,
) -> tauri::Result<()> {
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon_for(snapshot.status_type())?)
        .tooltip(tooltip(snapshot))
        .menu(&build_menu(app, snapshot)?)
        // Where the tray reports clicks (Windows, macOS), a left click opens the popover
        // next to the icon and the right click the menu; Linux trays report no clicks, so
        // there the menu opens on either button and holds the window entries.
        .show_menu_on_left_click(cfg!(target_os = "linux"))
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                rect,
                ..
            } = event
            {
                windows::toggle_popover(tray.app_handle(), rect);
            }
        })
        .on_menu_event(move |app, event| {
            if let Some(choice) = MenuChoice::from_id(event.id().as_ref()) {
                on_choice(app, choice);
            }
        })
        .build(app)?;
    Ok(())
}

/// Makes icon, tooltip and menu show `snapshot`.
pub fn show<R: Runtime>(app: &AppHandle<R>, snapshot: &StatusSnapshot) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    tray.set_menu(Some(build_menu(app, snapshot)?))?;
    tray.set_icon(Some(icon_for(snapshot.status_type())?))?;
    tray.set_tooltip(Some(tooltip(snapshot)))?;
    Ok(())
}

/// Shows in the tooltip whether the server can be reached.
pub fn show_state<R: Runtime>(app: &AppHandle<R>, state: &AccountState) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    let line = match state {
        AccountState::Online => return Ok(()),
        AccountState::Offline { reason } => format!("nctray — offline: {reason}"),
        AccountState::Maintenance => "nctray — the server is in maintenance mode".to_owned(),
        AccountState::SignInNeeded => "nctray — sign-in needed".to_owned(),
    };
    tray.set_tooltip(Some(line))
}

fn tooltip(snapshot: &StatusSnapshot) -> String {
    format!("nctray — {}", snapshot.describe())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_menu_choice_survives_its_id() {
        let choices = [
            MenuChoice::Status(StatusType::Dnd),
            MenuChoice::PredefinedMessage("be-right-back".into()),
            MenuChoice::ClearMessage,
            MenuChoice::RestorePrevious,
            MenuChoice::Open(AppWindow::Chat),
            MenuChoice::Quit,
        ];
        for choice in choices {
            assert_eq!(MenuChoice::from_id(&choice.id()), Some(choice));
        }
        assert_eq!(MenuChoice::from_id("current"), None);
    }
}
