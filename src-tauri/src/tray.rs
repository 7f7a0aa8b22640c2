//! The tray icon and its menu: one click to change the status, a predefined message, clear
//! the message or restore the status a call overwrote.

use nctray_engine::nextcloud::StatusType;
use nctray_engine::{AccountState, StatusSnapshot};
use nctray_i18n::tr;
use tauri::image::Image;
use tauri::menu::{CheckMenuItem, IsMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use crate::language::app;
use crate::secrets::KeyringError;
use crate::session::Session;
use crate::tray_unread::{self, TrayUnread, Waiting};
use crate::windows::{self, AppWindow};

/// Also names the StatusNotifierItem on D-Bus:
/// `/org/ayatana/NotificationItem/tray_icon_tray_app_nctray` (tray-icon adds the prefix).
pub const TRAY_ID: &str = "nctray";

/// The statuses offered in the menu, in the order the Nextcloud web UI shows them.
const STATUS_CHOICES: [StatusType; 5] = [
    StatusType::Online,
    StatusType::Away,
    StatusType::Dnd,
    StatusType::Invisible,
    StatusType::Offline,
];

const WINDOW_CHOICES: [AppWindow; 4] = [
    AppWindow::Popover,
    AppWindow::Status,
    AppWindow::Chat,
    AppWindow::Accounts,
];

/// A status as Nextcloud's web UI names it, in the language spoken now.
pub fn status_label(status: StatusType) -> String {
    let app = app();
    match status {
        StatusType::Online => app.text("status-online"),
        StatusType::Away => app.text("status-away"),
        StatusType::Dnd => app.text("status-dnd"),
        StatusType::Busy => app.text("status-busy"),
        StatusType::Invisible => app.text("status-invisible"),
        StatusType::Offline => app.text("status-offline"),
    }
}

fn window_label(window: AppWindow) -> String {
    let app = app();
    match window {
        AppWindow::Popover => app.text("tray-open-popover"),
        AppWindow::Status => app.text("tray-open-status"),
        AppWindow::Chat => app.text("tray-open-chat"),
        AppWindow::Accounts => app.text("tray-open-accounts"),
    }
}

/// The status with its message (emoji first), e.g. "Away — 🌴 On vacation".
fn describe(snapshot: &StatusSnapshot) -> String {
    let status = status_label(snapshot.status_type());
    let message = snapshot.message_line();
    if message.is_empty() {
        status
    } else {
        tr!(
            app(),
            "status-with-message",
            status = status,
            message = message
        )
    }
}

/// What a click in the menu asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuChoice {
    Status(StatusType),
    PredefinedMessage(String),
    ClearMessage,
    RestorePrevious,
    /// Opens one of the windows.
    Open(AppWindow),
    /// Starts the demo against the built-in server (offered while no account is signed in).
    TryDemo,
    /// One more demo notification (while the demo runs).
    DemoNotification,
    /// Asks the Secret Service to unlock (while accounts wait for the keyring).
    UnlockKeyring,
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
            MenuChoice::TryDemo => "try-demo".into(),
            MenuChoice::DemoNotification => "demo-notification".into(),
            MenuChoice::UnlockKeyring => "unlock-keyring".into(),
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
            "try-demo" => Some(MenuChoice::TryDemo),
            "demo-notification" => Some(MenuChoice::DemoNotification),
            "unlock-keyring" => Some(MenuChoice::UnlockKeyring),
            "quit" => Some(MenuChoice::Quit),
            _ => None,
        }
    }
}

/// What the tray shows: an invitation to sign in, the wait for the keyring, or the primary
/// account's status.
#[derive(Debug, Clone)]
pub enum TrayView {
    SignedOut,
    /// Accounts are configured, but none is open: the keyring has not given their app
    /// passwords yet (`problem` says why; `None` while it is being asked).
    Keyring {
        problem: Option<KeyringError>,
    },
    Account {
        snapshot: Box<StatusSnapshot>,
        /// The account is the demo's: the tooltip and menu say so.
        demo: bool,
        /// The other signed-in accounts and their status, one section each in the menu.
        others: Vec<OtherAccount>,
    },
}

/// An account besides the primary one, as its menu section shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherAccount {
    pub key: String,
    pub status: String,
}

/// What waits in every account (the engines report it as they sync).
fn waiting<R: Runtime>(app: &AppHandle<R>) -> Waiting {
    app.try_state::<TrayUnread>()
        .map(|unread| unread.total())
        .unwrap_or_default()
}

/// The app's logo with the status as a badge (icons/tray/, drawn from icons/nctray.svg by
/// scripts/icons.sh).
fn icon_for(status: StatusType) -> tauri::Result<Image<'static>> {
    let bytes: &'static [u8] = match status {
        StatusType::Online => include_bytes!("../../icons/tray/online.png"),
        StatusType::Away => include_bytes!("../../icons/tray/away.png"),
        // Busy (a call) is a kind of do-not-disturb for the eye.
        StatusType::Dnd | StatusType::Busy => include_bytes!("../../icons/tray/dnd.png"),
        StatusType::Invisible => include_bytes!("../../icons/tray/invisible.png"),
        StatusType::Offline => include_bytes!("../../icons/tray/offline.png"),
    };
    Image::from_bytes(bytes)
}

/// The badge for a connection that is not simply online; `None` keeps the status badge.
fn icon_for_state(state: &AccountState) -> Option<tauri::Result<Image<'static>>> {
    let bytes: &'static [u8] = match state {
        AccountState::Online => return None,
        AccountState::SignInNeeded | AccountState::CertificateChanged => {
            include_bytes!("../../icons/tray/signin.png")
        }
        AccountState::Offline { .. } | AccountState::Maintenance => {
            include_bytes!("../../icons/tray/unreachable.png")
        }
    };
    Some(Image::from_bytes(bytes))
}

fn icon(view: &TrayView, waiting: Waiting) -> tauri::Result<Image<'static>> {
    let icon = match view {
        TrayView::SignedOut | TrayView::Keyring { .. } => {
            Image::from_bytes(include_bytes!("../../icons/tray/signin.png"))?
        }
        TrayView::Account { snapshot, .. } => icon_for(snapshot.status_type())?,
    };
    Ok(mark_if(icon, waiting))
}

fn mark_if(icon: Image<'static>, waiting: Waiting) -> Image<'static> {
    if waiting.marks_icon() {
        tray_unread::with_mark(icon)
    } else {
        icon
    }
}

fn item<R: Runtime>(
    app: &AppHandle<R>,
    choice: MenuChoice,
    label: &str,
) -> tauri::Result<Box<dyn IsMenuItem<R>>> {
    Ok(Box::new(MenuItem::with_id(
        app,
        choice.id(),
        label,
        true,
        None::<&str>,
    )?))
}

/// Nothing to show yet: sign in, or look around in the demo first.
fn signed_out_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let text = crate::language::app();
    let items = [
        item(
            app,
            MenuChoice::Open(AppWindow::Accounts),
            &text.text("tray-sign-in"),
        )?,
        item(app, MenuChoice::TryDemo, &text.text("tray-try-demo"))?,
        Box::new(PredefinedMenuItem::separator(app)?),
        item(app, MenuChoice::Quit, &text.text("tray-quit"))?,
    ];
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|item| item.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// Waiting for the keyring: a line that says why, and the way to unlock it.
fn keyring_menu<R: Runtime>(
    app: &AppHandle<R>,
    problem: Option<&KeyringError>,
) -> tauri::Result<Menu<R>> {
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = vec![Box::new(MenuItem::with_id(
        app,
        "keyring",
        keyring_line(problem),
        false,
        None::<&str>,
    )?)];
    let text = crate::language::app();
    match problem {
        Some(KeyringError::Locked) => items.push(item(
            app,
            MenuChoice::UnlockKeyring,
            &text.text("tray-unlock-keyring"),
        )?),
        Some(KeyringError::Unavailable(_)) => items.push(item(
            app,
            MenuChoice::UnlockKeyring,
            &text.text("tray-retry-keyring"),
        )?),
        None => {}
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(item(
        app,
        MenuChoice::Open(AppWindow::Accounts),
        &window_label(AppWindow::Accounts),
    )?);
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(item(app, MenuChoice::Quit, &text.text("tray-quit"))?);
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|item| item.as_ref()).collect();
    Menu::with_items(app, &refs)
}

fn keyring_line(problem: Option<&KeyringError>) -> String {
    let app = app();
    match problem {
        Some(KeyringError::Locked) => app.text("tray-keyring-locked"),
        Some(KeyringError::Unavailable(_)) => app.text("tray-keyring-unavailable"),
        None => app.text("tray-keyring-opening"),
    }
}

fn menu<R: Runtime>(app: &AppHandle<R>, view: &TrayView) -> tauri::Result<Menu<R>> {
    match view {
        TrayView::SignedOut => signed_out_menu(app),
        TrayView::Keyring { problem } => keyring_menu(app, problem.as_ref()),
        TrayView::Account {
            snapshot,
            demo,
            others,
        } => build_menu(app, snapshot, *demo, others),
    }
}

fn build_menu<R: Runtime>(
    app: &AppHandle<R>,
    snapshot: &StatusSnapshot,
    demo: bool,
    others: &[OtherAccount],
) -> tauri::Result<Menu<R>> {
    let mut items: Vec<Box<dyn IsMenuItem<R>>> = Vec::new();
    // What waits comes first, as a disabled line: Linux trays show no tooltip.
    if let Some(line) = waiting(app).line() {
        items.push(Box::new(MenuItem::with_id(
            app,
            "waiting",
            line,
            false,
            None::<&str>,
        )?));
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
    }
    // A disabled first line says what the status is now, message included (and that it is
    // the demo's: Linux trays show no tooltip).
    let text = crate::language::app();
    let current = if demo {
        tr!(text, "tray-demo-status", status = describe(snapshot))
    } else if !others.is_empty() {
        // With several accounts each section names its account; the choices below are the
        // first one's.
        tr!(
            text,
            "tray-account-status",
            account = primary_key(app),
            status = describe(snapshot)
        )
    } else {
        describe(snapshot)
    };
    items.push(Box::new(MenuItem::with_id(
        app,
        "current",
        current,
        false,
        None::<&str>,
    )?));
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    let current = snapshot.status_type();
    for status in STATUS_CHOICES {
        items.push(Box::new(CheckMenuItem::with_id(
            app,
            MenuChoice::Status(status).id(),
            status_label(status),
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
        text.text("tray-clear-message"),
        has_message,
        None::<&str>,
    )?));
    if snapshot.restorable_message_id().is_some() {
        items.push(Box::new(MenuItem::with_id(
            app,
            MenuChoice::RestorePrevious.id(),
            text.text("tray-restore-status"),
            true,
            None::<&str>,
        )?));
    }
    for (index, other) in others.iter().enumerate() {
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
        items.push(Box::new(MenuItem::with_id(
            app,
            format!("account-{index}"),
            tr!(
                text,
                "tray-account-status",
                account = other.key.as_str(),
                status = other.status.as_str()
            ),
            false,
            None::<&str>,
        )?));
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    // Linux trays deliver no icon clicks, only menu clicks: the windows open from here.
    for window in WINDOW_CHOICES {
        items.push(Box::new(MenuItem::with_id(
            app,
            MenuChoice::Open(window).id(),
            window_label(window),
            true,
            None::<&str>,
        )?));
    }
    if demo {
        items.push(item(
            app,
            MenuChoice::DemoNotification,
            &text.text("tray-demo-notification"),
        )?);
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(item(app, MenuChoice::Quit, &text.text("tray-quit"))?);
    let refs: Vec<&dyn IsMenuItem<R>> = items.iter().map(|item| item.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// Creates the tray icon; menu clicks go to `on_choice`.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    view: &TrayView,
    on_choice: impl Fn(&AppHandle<R>, MenuChoice) + Send + Sync + 'static,
) -> tauri::Result<()> {
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon(view, waiting(app))?)
        .tooltip(tooltip(view, waiting(app)))
        .menu(&menu(app, view)?)
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

impl TrayView {
    /// The primary account's status (`fresh` when the caller just got it from the server, else
    /// the cached one), or the invitation to sign in when there is no account.
    pub fn of(session: &Session, fresh: Option<StatusSnapshot>) -> TrayView {
        let Some(primary) = session.primary() else {
            let wait = session.keyring_wait();
            if wait.accounts.is_empty() {
                return TrayView::SignedOut;
            }
            return TrayView::Keyring {
                problem: wait.problem,
            };
        };
        let snapshot = fresh
            .or_else(|| primary.cached_status().ok().flatten())
            .unwrap_or_default();
        let others = session
            .engines()
            .iter()
            .filter(|engine| engine.account().key() != primary.account().key())
            .map(|engine| OtherAccount {
                key: engine.account().key(),
                status: describe(&engine.cached_status().ok().flatten().unwrap_or_default()),
            })
            .collect();
        TrayView::Account {
            snapshot: Box::new(snapshot),
            demo: session.is_demo(primary.account()),
            others,
        }
    }
}

/// Redraws the tray for the session as it is now: the one place a status change, an account
/// change or the demo reaches the tray.
/// Draws run on blocking threads and the event loop at once; one at a time, each reading the
/// state when its turn comes, so the last one drawn is the newest (an older draw finishing late
/// left the unread mark on the icon after the menu had lost its line).
fn one_draw_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static DRAWING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    DRAWING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn redraw(app: &AppHandle, fresh: Option<StatusSnapshot>) {
    let draw = |app: &AppHandle, fresh| {
        let _turn = one_draw_at_a_time();
        let session = app.state::<Session>();
        let keys: Vec<String> = session
            .engines()
            .iter()
            .map(|e| e.account().key())
            .collect();
        app.state::<TrayUnread>().forget_others(&keys);
        let view = TrayView::of(&session, fresh);
        if let Err(error) = show(app, &view) {
            tracing::warn!("cannot update the tray: {error}");
        }
    };
    // Never on the GUI thread: a draw may read the cached status from SQLite, and it waits its
    // turn behind one whose tray calls wait for the GUI thread.
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || draw(&app, fresh));
}

/// Makes icon, tooltip and menu show `view`.
pub fn show<R: Runtime>(app: &AppHandle<R>, view: &TrayView) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    tray.set_menu(Some(menu(app, view)?))?;
    tray.set_icon(Some(icon(view, waiting(app))?))?;
    tray.set_tooltip(Some(tooltip(view, waiting(app))))?;
    Ok(())
}

/// Shows in the icon and the tooltip whether the server can be reached.
pub fn show_state<R: Runtime>(
    app: &AppHandle<R>,
    view: &TrayView,
    state: &AccountState,
) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    let _turn = one_draw_at_a_time();
    let name = name(view);
    let text = crate::language::app();
    let line = match state {
        AccountState::Online => tooltip(view, waiting(app)),
        AccountState::Offline { reason } => {
            tr!(
                text,
                "tray-tooltip-offline",
                name = name,
                reason = reason.as_str()
            )
        }
        AccountState::Maintenance => tr!(text, "tray-tooltip-maintenance", name = name),
        AccountState::SignInNeeded => tr!(text, "tray-tooltip-sign-in-needed", name = name),
        AccountState::CertificateChanged => {
            tr!(text, "tray-tooltip-certificate-changed", name = name)
        }
    };
    match icon_for_state(state) {
        Some(badge) => tray.set_icon(Some(mark_if(badge?, waiting(app))))?,
        None => tray.set_icon(Some(icon(view, waiting(app))?))?,
    }
    tray.set_tooltip(Some(line))
}

fn name(view: &TrayView) -> String {
    match view {
        TrayView::Account { demo: true, .. } => app().text("tray-name-demo"),
        _ => "nctray".to_owned(),
    }
}

fn tooltip(view: &TrayView, waiting: Waiting) -> String {
    let text = app();
    match view {
        TrayView::SignedOut => text.text("tray-tooltip-signed-out"),
        TrayView::Keyring { problem } => tr!(
            text,
            "tray-tooltip",
            name = name(view),
            text = keyring_line(problem.as_ref())
        ),
        TrayView::Account { snapshot, .. } => {
            let status = tr!(
                text,
                "tray-tooltip",
                name = name(view),
                text = describe(snapshot)
            );
            match waiting.line() {
                Some(line) => format!("{status}\n{line}"),
                None => status,
            }
        }
    }
}

/// The primary account's key, for its section's line when there are several.
fn primary_key<R: Runtime>(app: &AppHandle<R>) -> String {
    app.try_state::<Session>()
        .and_then(|session| session.primary())
        .map(|engine| engine.account().key())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use nctray_engine::{Account, NeverIdle, SyncConfig};

    use super::*;
    use crate::session::KeyringWait;

    #[test]
    fn accounts_waiting_for_the_keyring_show_why_instead_of_sign_in() {
        let (session, _events) =
            Session::new(Vec::new(), SyncConfig::default(), Arc::new(NeverIdle));
        assert!(matches!(TrayView::of(&session, None), TrayView::SignedOut));

        let account = Account {
            server: "https://cloud.example.org".into(),
            login_name: "alice".into(),
            ..Default::default()
        };
        session.set_keyring_wait(KeyringWait {
            accounts: vec![account],
            problem: Some(KeyringError::Locked),
        });
        let view = TrayView::of(&session, None);
        assert!(
            matches!(
                &view,
                TrayView::Keyring {
                    problem: Some(KeyringError::Locked)
                }
            ),
            "{view:?}"
        );
        assert_eq!(
            tooltip(&view, Waiting::default()),
            "nctray — The keyring is locked: sync waits for it"
        );
    }

    #[test]
    fn every_menu_choice_survives_its_id() {
        let choices = [
            MenuChoice::Status(StatusType::Dnd),
            MenuChoice::PredefinedMessage("be-right-back".into()),
            MenuChoice::ClearMessage,
            MenuChoice::RestorePrevious,
            MenuChoice::Open(AppWindow::Chat),
            MenuChoice::TryDemo,
            MenuChoice::DemoNotification,
            MenuChoice::UnlockKeyring,
            MenuChoice::Quit,
        ];
        for choice in choices {
            assert_eq!(MenuChoice::from_id(&choice.id()), Some(choice));
        }
        assert_eq!(MenuChoice::from_id("current"), None);
    }
}
