//! The tray icon and its menu: one click to change the status, a predefined message, clear
//! the message or restore the status a call overwrote.

use nctray_api::AppWindow;
use nctray_engine::accounts::secrets::KeyringError;
use nctray_engine::accounts::Accounts;
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{AccountState, StatusSnapshot};
use nctray_i18n::tr;

use crate::app::App;
use crate::language::app;
use crate::tray_unread::{TrayUnread, Waiting};

mod icon;
mod item;

pub use icon::Icon;
pub use item::Tray;

/// The StatusNotifierItem's id.
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
        /// The primary account's key, for its section's line when there are several.
        primary: String,
    },
}

/// An account besides the primary one, as its menu section shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherAccount {
    pub key: String,
    pub status: String,
}

/// What waits in every account (the engines report it as they sync).
fn waiting(app: &App) -> Waiting {
    app.state::<TrayUnread>().total()
}

/// One line of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line that only says something (greyed out).
    Info(String),
    Separator,
    Choice {
        choice: MenuChoice,
        label: String,
        enabled: bool,
        /// `Some` for a check item (the statuses), checked or not.
        checked: Option<bool>,
    },
}

fn choice(choice: MenuChoice, label: impl Into<String>) -> Line {
    Line::Choice {
        choice,
        label: label.into(),
        enabled: true,
        checked: None,
    }
}

/// Everything the tray shows at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub menu: Vec<Line>,
    pub icon: Icon,
    pub title: String,
    pub tooltip: String,
}

impl Drawn {
    /// What `view` looks like with `waiting` waiting; `state` (the primary account's
    /// connection, when it is not simply online) changes the badge and the tooltip.
    pub fn of(view: &TrayView, waiting: Waiting, state: Option<&AccountState>) -> Drawn {
        let status_icon = match view {
            TrayView::SignedOut | TrayView::Keyring { .. } => icon::sign_in(),
            TrayView::Account { snapshot, .. } => icon::for_status(snapshot.status_type()),
        };
        let badge = state.and_then(icon::for_state).unwrap_or(status_icon);
        let icon = if waiting.marks_icon() {
            icon::with_mark(badge)
        } else {
            badge
        };
        Drawn {
            menu: menu(view, waiting),
            icon,
            title: name(view),
            tooltip: match state {
                Some(state) => state_line(view, waiting, state),
                None => tooltip(view, waiting),
            },
        }
    }
}

/// Nothing to show yet: sign in, or look around in the demo first.
fn signed_out_menu() -> Vec<Line> {
    let text = crate::language::app();
    vec![
        choice(
            MenuChoice::Open(AppWindow::Accounts),
            text.text("tray-sign-in"),
        ),
        choice(MenuChoice::TryDemo, text.text("tray-try-demo")),
        Line::Separator,
        choice(MenuChoice::Quit, text.text("tray-quit")),
    ]
}

/// Waiting for the keyring: a line that says why, and the way to unlock it.
fn keyring_menu(problem: Option<&KeyringError>) -> Vec<Line> {
    let text = crate::language::app();
    let mut lines = vec![Line::Info(keyring_line(problem))];
    match problem {
        Some(KeyringError::Locked) => lines.push(choice(
            MenuChoice::UnlockKeyring,
            text.text("tray-unlock-keyring"),
        )),
        Some(KeyringError::Unavailable(_)) => lines.push(choice(
            MenuChoice::UnlockKeyring,
            text.text("tray-retry-keyring"),
        )),
        None => {}
    }
    lines.push(Line::Separator);
    lines.push(choice(
        MenuChoice::Open(AppWindow::Accounts),
        window_label(AppWindow::Accounts),
    ));
    lines.push(Line::Separator);
    lines.push(choice(MenuChoice::Quit, text.text("tray-quit")));
    lines
}

fn keyring_line(problem: Option<&KeyringError>) -> String {
    let app = app();
    match problem {
        Some(KeyringError::Locked) => app.text("tray-keyring-locked"),
        Some(KeyringError::Unavailable(_)) => app.text("tray-keyring-unavailable"),
        None => app.text("tray-keyring-opening"),
    }
}

fn menu(view: &TrayView, waiting: Waiting) -> Vec<Line> {
    match view {
        TrayView::SignedOut => signed_out_menu(),
        TrayView::Keyring { problem } => keyring_menu(problem.as_ref()),
        TrayView::Account {
            snapshot,
            demo,
            others,
            primary,
        } => account_menu(snapshot, *demo, others, primary, waiting),
    }
}

fn account_menu(
    snapshot: &StatusSnapshot,
    demo: bool,
    others: &[OtherAccount],
    primary: &str,
    waiting: Waiting,
) -> Vec<Line> {
    let mut lines = Vec::new();
    // What waits comes first, as a disabled line: Linux trays show no tooltip.
    if let Some(line) = waiting.line() {
        lines.push(Line::Info(line));
        lines.push(Line::Separator);
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
            account = primary,
            status = describe(snapshot)
        )
    } else {
        describe(snapshot)
    };
    lines.push(Line::Info(current));
    lines.push(Line::Separator);
    let current = snapshot.status_type();
    for status in STATUS_CHOICES {
        lines.push(Line::Choice {
            choice: MenuChoice::Status(status),
            label: status_label(status),
            enabled: true,
            checked: Some(status == current),
        });
    }
    if !snapshot.predefined.is_empty() {
        lines.push(Line::Separator);
        for predefined in &snapshot.predefined {
            let label = match predefined.icon.as_deref() {
                Some(icon) if !icon.is_empty() => format!("{icon} {}", predefined.message),
                _ => predefined.message.clone(),
            };
            lines.push(choice(
                MenuChoice::PredefinedMessage(predefined.id.clone()),
                label,
            ));
        }
    }
    lines.push(Line::Separator);
    let has_message = snapshot
        .own
        .as_ref()
        .is_some_and(|own| own.message.is_some() || own.icon.is_some() || own.message_id.is_some());
    lines.push(Line::Choice {
        choice: MenuChoice::ClearMessage,
        label: text.text("tray-clear-message"),
        enabled: has_message,
        checked: None,
    });
    if snapshot.restorable_message_id().is_some() {
        lines.push(choice(
            MenuChoice::RestorePrevious,
            text.text("tray-restore-status"),
        ));
    }
    for other in others {
        lines.push(Line::Separator);
        lines.push(Line::Info(tr!(
            text,
            "tray-account-status",
            account = other.key.as_str(),
            status = other.status.as_str()
        )));
    }
    lines.push(Line::Separator);
    // Not every tray delivers icon clicks: the windows open from the menu too.
    for window in WINDOW_CHOICES {
        lines.push(choice(MenuChoice::Open(window), window_label(window)));
    }
    if demo {
        lines.push(choice(
            MenuChoice::DemoNotification,
            text.text("tray-demo-notification"),
        ));
    }
    lines.push(Line::Separator);
    lines.push(choice(MenuChoice::Quit, text.text("tray-quit")));
    lines
}

impl TrayView {
    /// The primary account's status (`fresh` when the caller just got it from the server, else
    /// the cached one), or the invitation to sign in when there is no account.
    pub fn of(session: &Accounts, fresh: Option<StatusSnapshot>) -> TrayView {
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
            .or_else(|| primary.status().cached().ok().flatten())
            .unwrap_or_default();
        let others = session
            .engines()
            .iter()
            .filter(|engine| engine.account().key() != primary.account().key())
            .map(|engine| OtherAccount {
                key: engine.account().key(),
                status: describe(&engine.status().cached().ok().flatten().unwrap_or_default()),
            })
            .collect();
        TrayView::Account {
            snapshot: Box::new(snapshot),
            demo: session.is_demo(primary.account()),
            others,
            primary: primary.account().key(),
        }
    }
}

/// Redraws the tray for the session as it is now: the one place a status change, an account
/// change or the demo reaches the tray. `fresh` is a status the caller just got from the
/// server (else the cached one is shown).
pub fn redraw(app: &App, fresh: Option<StatusSnapshot>) {
    draw(app, fresh, None);
}

/// Shows in the icon and the tooltip whether the primary account's server can be reached.
pub fn show_state(app: &App, state: AccountState) {
    draw(app, None, Some(state));
}

fn draw(app: &App, fresh: Option<StatusSnapshot>, state: Option<AccountState>) {
    let app = app.clone();
    tokio::spawn(async move {
        // One draw at a time, each reading the state when its turn comes, so the last one
        // drawn is the newest (an older draw finishing late would leave a stale icon).
        static DRAWING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        let _turn = DRAWING.lock().await;
        let reading = app.clone();
        // The view may read the cached status from SQLite: not on a runtime worker.
        let drawn = tokio::task::spawn_blocking(move || {
            let session = reading.state::<Accounts>();
            let keys: Vec<String> = session
                .engines()
                .iter()
                .map(|e| e.account().key())
                .collect();
            reading.state::<TrayUnread>().forget_others(&keys);
            let view = TrayView::of(session, fresh);
            let state = state.filter(|state| *state != AccountState::Online);
            Drawn::of(&view, waiting(&reading), state.as_ref())
        })
        .await;
        match (drawn, app.tray()) {
            (Ok(drawn), Some(tray)) => tray.show(drawn).await,
            (Ok(_), None) => {}
            (Err(error), _) => tracing::warn!("cannot draw the tray: {error}"),
        }
    });
}

/// The tooltip while the server is not simply reachable.
fn state_line(view: &TrayView, waiting: Waiting, state: &AccountState) -> String {
    let name = name(view);
    let text = crate::language::app();
    match state {
        AccountState::Online => tooltip(view, waiting),
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
    }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use nctray_engine::accounts::KeyringWait;
    use nctray_engine::{Account, NeverIdle, SyncConfig};

    use super::*;

    #[test]
    fn accounts_waiting_for_the_keyring_show_why_instead_of_sign_in() {
        let (session, _events) =
            Accounts::new(Vec::new(), SyncConfig::default(), Arc::new(NeverIdle));
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
}
