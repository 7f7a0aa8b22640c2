//! `nctray watch --format waybar|plain`: the engine events folded into one current state,
//! rendered as one line per visible change.
//!
//! - `waybar`: `{"text", "tooltip", "class", "alt"}` for a custom module with
//!   `"return-type": "json"`;
//! - `plain`: one human line, for polybar's `tail = true` script module.
//!
//! Pure: no I/O here, so a sequence of events maps to the lines to print.

use std::sync::Arc;

use nctray_engine::nextcloud::StatusType;
use nctray_engine::{AccountState, EngineEvent, Popup, StatusSnapshot};
use nctray_i18n::{tr, Localizer};
use serde_json::json;

use super::output::printable;
use super::status::{describe, status_name};

/// What `nctray watch` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum WatchFormat {
    /// One JSON line per engine event (with an "account" field).
    #[default]
    Json,
    /// One JSON line per change of the whole state, for waybar's custom module.
    Waybar,
    /// One human line per change of the whole state, for polybar's script module.
    Plain,
}

/// What the watcher knows of one account so far.
#[derive(Debug, Clone)]
struct AccountView {
    key: String,
    status: Option<StatusSnapshot>,
    state: Option<AccountState>,
    new_notifications: usize,
}

/// The state of all watched accounts, folded from their events. The first account is the
/// primary one: its state is the line's text and class.
#[derive(Clone)]
pub struct WatchState {
    accounts: Vec<AccountView>,
    last_line: Option<String>,
    /// The texts for people (the plain line, waybar's text and tooltip; not its class).
    text: Arc<Localizer>,
}

impl WatchState {
    /// The accounts in the order the configuration lists them, shown with `text`.
    pub fn new<I>(keys: I, text: Arc<Localizer>) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        WatchState {
            accounts: keys
                .into_iter()
                .map(|key| AccountView {
                    key: key.into(),
                    status: None,
                    state: None,
                    new_notifications: 0,
                })
                .collect(),
            last_line: None,
            text,
        }
    }

    /// Folds one event of the account `key` in (events of unknown accounts are ignored).
    pub fn apply(&mut self, key: &str, event: &EngineEvent) {
        let Some(account) = self.accounts.iter_mut().find(|a| a.key == key) else {
            return;
        };
        match event {
            EngineEvent::Status(snapshot) => account.status = Some((**snapshot).clone()),
            EngineEvent::State(state) => account.state = Some(state.clone()),
            EngineEvent::Popups(popups) => {
                account.new_notifications += popups.iter().map(Popup::count).sum::<usize>();
            }
            EngineEvent::Unread(_) | EngineEvent::NotificationsChanged => {}
        }
    }

    /// Folds the event in and returns the line to print, if the rendered line changed.
    pub fn update(
        &mut self,
        key: &str,
        event: &EngineEvent,
        format: WatchFormat,
    ) -> Option<String> {
        self.apply(key, event);
        self.next_line(format)
    }

    /// The current line in `format`, unless it is the one printed last (or there is nothing
    /// to show yet). `Json` has no state line: always `None`.
    pub fn next_line(&mut self, format: WatchFormat) -> Option<String> {
        let line = self.render(format)?;
        if self.last_line.as_deref() == Some(line.as_str()) {
            return None;
        }
        self.last_line = Some(line.clone());
        Some(line)
    }

    /// The whole state as one line, `None` before the primary account has a status or a
    /// connection problem to show.
    pub fn render(&self, format: WatchFormat) -> Option<String> {
        let primary = self.accounts.first()?;
        let connection = Connection::of(primary.state.as_ref());
        if primary.status.is_none() && connection == Connection::Fine {
            return None;
        }
        let words = &*self.text;
        let text = one_line(&short_text(primary.status.as_ref(), connection, words));
        match format {
            WatchFormat::Json => None,
            WatchFormat::Waybar => {
                let class = match connection {
                    Connection::Fine => primary
                        .status
                        .as_ref()
                        .map_or(StatusType::Offline, StatusSnapshot::status_type)
                        .as_str(),
                    Connection::Disconnected => "disconnected",
                    Connection::SignIn => "signin",
                };
                let tooltip = self
                    .accounts
                    .iter()
                    .map(|account| tooltip_line(account, words))
                    .collect::<Vec<_>>()
                    .join("\n");
                let line = json!({
                    "text": text,
                    "tooltip": tooltip,
                    "class": class,
                    "alt": class,
                });
                Some(line.to_string())
            }
            WatchFormat::Plain => {
                let mut line = printable(&text);
                if primary.status.is_some() {
                    match connection {
                        Connection::Fine => {}
                        Connection::Disconnected => {
                            line = format!("{line} {}", words.text("cli-watch-suffix-disconnected"))
                        }
                        Connection::SignIn => {
                            line =
                                format!("{line} {}", words.text("cli-watch-suffix-sign-in-needed"))
                        }
                    }
                }
                let total: usize = self.accounts.iter().map(|a| a.new_notifications).sum();
                if total > 0 {
                    line.push_str(&format!(" · {}", new_notifications(total, words)));
                }
                Some(one_line(&line))
            }
        }
    }
}

/// The connection as the line's class sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connection {
    /// Online, or nothing heard yet.
    Fine,
    /// The server cannot be reached or is in maintenance.
    Disconnected,
    SignIn,
}

impl Connection {
    fn of(state: Option<&AccountState>) -> Self {
        match state {
            None | Some(AccountState::Online) => Connection::Fine,
            Some(AccountState::Offline { .. } | AccountState::Maintenance) => {
                Connection::Disconnected
            }
            Some(AccountState::SignInNeeded | AccountState::CertificateChanged) => {
                Connection::SignIn
            }
        }
    }
}

/// The status's emoji and message when set, else its type as a word; without any status
/// yet, the connection problem.
fn short_text(status: Option<&StatusSnapshot>, connection: Connection, text: &Localizer) -> String {
    let Some(snapshot) = status else {
        return match connection {
            Connection::SignIn => text.text("cli-watch-sign-in-needed"),
            Connection::Disconnected | Connection::Fine => text.text("cli-watch-disconnected"),
        };
    };
    let message = snapshot.message_line();
    if message.is_empty() {
        status_name(snapshot.status_type(), text)
    } else {
        message
    }
}

/// `login@server: Do not disturb — 🌴 On vacation`, then the connection problem and the new
/// notifications, if any.
fn tooltip_line(account: &AccountView, text: &Localizer) -> String {
    let status = account.status.as_ref().map_or_else(
        || text.text("cli-watch-status-unknown"),
        |snapshot| describe(snapshot, text),
    );
    let mut parts = vec![tr!(
        text,
        "cli-watch-tooltip-account",
        account = account.key.as_str(),
        status = one_line(&status)
    )];
    match &account.state {
        None | Some(AccountState::Online) => {}
        Some(AccountState::Offline { reason }) => parts.push(tr!(
            text,
            "cli-watch-cannot-reach",
            reason = one_line(reason)
        )),
        Some(AccountState::Maintenance) => parts.push(text.text("cli-watch-maintenance")),
        Some(AccountState::SignInNeeded) => parts.push(text.text("cli-watch-sign-in")),
        Some(AccountState::CertificateChanged) => {
            parts.push(text.text("cli-watch-certificate-changed"))
        }
    }
    if account.new_notifications > 0 {
        parts.push(new_notifications(account.new_notifications, text));
    }
    parts.join(&text.text("cli-watch-separator"))
}

fn new_notifications(count: usize, text: &Localizer) -> String {
    tr!(text, "cli-watch-new-notifications", count = count)
}

/// A status bar line holds one line: new lines and tabs from the server become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use nctray_engine::nextcloud::{Notification, OwnStatus};
    use nctray_i18n::{Catalogue, Language};
    use serde_json::Value;

    const ADMIN: &str = "admin@https://cloud.example";
    const BOB: &str = "bob@https://other.example";

    fn status(kind: StatusType, icon: Option<&str>, message: Option<&str>) -> EngineEvent {
        EngineEvent::Status(Box::new(StatusSnapshot {
            own: Some(OwnStatus {
                user_id: "admin".to_owned(),
                message: message.map(str::to_owned),
                message_id: None,
                message_is_predefined: false,
                icon: icon.map(str::to_owned),
                clear_at: None,
                status: kind,
                status_is_user_defined: true,
            }),
            ..StatusSnapshot::default()
        }))
    }

    fn shared_file(id: i64) -> Notification {
        serde_json::from_value(json!({
            "notification_id": id,
            "app": "files_sharing",
            "subject": "Carol shared “Plan.odt”",
        }))
        .expect("a notification")
    }

    fn popup() -> EngineEvent {
        EngineEvent::Popups(vec![Popup::One(Box::new(shared_file(7)))])
    }

    fn offline() -> EngineEvent {
        EngineEvent::State(AccountState::Offline {
            reason: "connection refused".to_owned(),
        })
    }

    /// The lines `events` print in `format`, starting from `keys`.
    fn lines(keys: &[&str], events: &[(&str, EngineEvent)], format: WatchFormat) -> Vec<String> {
        lines_in("en", keys, events, format)
    }

    /// The lines `events` print in `format` and in `language`.
    fn lines_in(
        language: &str,
        keys: &[&str],
        events: &[(&str, EngineEvent)],
        format: WatchFormat,
    ) -> Vec<String> {
        let text = Localizer::new(&Language::negotiate(&[language]), Catalogue::Cli);
        let mut state = WatchState::new(keys.iter().copied(), Arc::new(text));
        events
            .iter()
            .filter_map(|(key, event)| state.update(key, event, format))
            .collect()
    }

    fn waybar(keys: &[&str], events: &[(&str, EngineEvent)]) -> Vec<Value> {
        lines(keys, events, WatchFormat::Waybar)
            .iter()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }

    fn a_day() -> Vec<(&'static str, EngineEvent)> {
        vec![
            (ADMIN, EngineEvent::State(AccountState::Online)),
            (ADMIN, status(StatusType::Online, None, None)),
            // The same status again (a heartbeat): no new line.
            (ADMIN, status(StatusType::Online, None, None)),
            (ADMIN, EngineEvent::NotificationsChanged),
            (ADMIN, popup()),
            (
                ADMIN,
                status(StatusType::Dnd, Some("🌴"), Some("On vacation")),
            ),
            (ADMIN, offline()),
            // Still offline, another reason: the same plain line, a new tooltip.
            (
                ADMIN,
                EngineEvent::State(AccountState::Offline {
                    reason: "timed out".to_owned(),
                }),
            ),
            (ADMIN, EngineEvent::State(AccountState::Maintenance)),
            (ADMIN, EngineEvent::State(AccountState::SignInNeeded)),
        ]
    }

    #[test]
    fn waybar_prints_the_whole_state_once_per_change() {
        let lines = waybar(&[ADMIN], &a_day());
        let summary: Vec<(&str, &str, &str)> = lines
            .iter()
            .map(|l| {
                assert_eq!(l["class"], l["alt"]);
                (
                    l["text"].as_str().unwrap(),
                    l["class"].as_str().unwrap(),
                    l["tooltip"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("Online", "online", "admin@https://cloud.example: Online"),
                (
                    "Online",
                    "online",
                    "admin@https://cloud.example: Online, 1 new notification"
                ),
                (
                    "🌴 On vacation",
                    "dnd",
                    "admin@https://cloud.example: Do not disturb — 🌴 On vacation, 1 new notification"
                ),
                (
                    "🌴 On vacation",
                    "disconnected",
                    "admin@https://cloud.example: Do not disturb — 🌴 On vacation, cannot reach the server \
                     (connection refused), 1 new notification"
                ),
                (
                    "🌴 On vacation",
                    "disconnected",
                    "admin@https://cloud.example: Do not disturb — 🌴 On vacation, cannot reach the server \
                     (timed out), 1 new notification"
                ),
                (
                    "🌴 On vacation",
                    "disconnected",
                    "admin@https://cloud.example: Do not disturb — 🌴 On vacation, server in maintenance \
                     mode, 1 new notification"
                ),
                (
                    "🌴 On vacation",
                    "signin",
                    "admin@https://cloud.example: Do not disturb — 🌴 On vacation, sign-in needed, \
                     1 new notification"
                ),
            ]
        );
        for line in &lines {
            let keys: Vec<&str> = line
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys.len(), 4, "{line}");
        }
    }

    #[test]
    fn plain_prints_one_human_line_per_change() {
        assert_eq!(
            lines(&[ADMIN], &a_day(), WatchFormat::Plain),
            [
                "Online",
                "Online · 1 new notification",
                "🌴 On vacation · 1 new notification",
                // Offline for another reason, then maintenance: the same line, printed once.
                "🌴 On vacation (disconnected) · 1 new notification",
                "🌴 On vacation (sign-in needed) · 1 new notification",
            ]
        );
    }

    #[test]
    fn nothing_is_printed_before_there_is_something_to_show() {
        let events = [
            (ADMIN, EngineEvent::State(AccountState::Online)),
            (ADMIN, EngineEvent::NotificationsChanged),
        ];
        assert!(lines(&[ADMIN], &events, WatchFormat::Waybar).is_empty());
        assert!(lines(&[ADMIN], &events, WatchFormat::Plain).is_empty());
        assert!(lines(&[ADMIN], &a_day(), WatchFormat::Json).is_empty());
    }

    #[test]
    fn a_connection_problem_shows_before_any_status() {
        let events = [
            (ADMIN, offline()),
            (ADMIN, EngineEvent::State(AccountState::SignInNeeded)),
        ];
        let lines_seen = waybar(&[ADMIN], &events);
        assert_eq!(lines_seen[0]["class"], "disconnected");
        assert_eq!(lines_seen[0]["text"], "Disconnected");
        assert_eq!(lines_seen[1]["class"], "signin");
        assert_eq!(lines_seen[1]["text"], "Sign-in needed");
        assert_eq!(
            lines(&[ADMIN], &events, WatchFormat::Plain),
            ["Disconnected", "Sign-in needed"]
        );
    }

    #[test]
    fn the_first_account_gives_the_class_and_every_account_a_tooltip_line() {
        let events = [
            (BOB, status(StatusType::Away, None, None)),
            (ADMIN, status(StatusType::Invisible, None, None)),
            (BOB, EngineEvent::State(AccountState::SignInNeeded)),
            (BOB, popup()),
            ("nobody@nowhere", offline()),
        ];
        let lines_seen = waybar(&[ADMIN, BOB], &events);
        assert_eq!(lines_seen.len(), 3);
        let last = lines_seen.last().unwrap();
        assert_eq!(last["class"], "invisible");
        assert_eq!(last["text"], "Invisible");
        assert_eq!(
            last["tooltip"],
            "admin@https://cloud.example: Invisible\n\
             bob@https://other.example: Away, sign-in needed, 1 new notification"
        );
    }

    #[test]
    fn server_text_cannot_drive_the_terminal_or_break_the_line() {
        let events = [(
            ADMIN,
            status(
                StatusType::Busy,
                Some("\u{1b}[2J"),
                Some("Out\nof \u{202E}office"),
            ),
        )];
        assert_eq!(
            lines(&[ADMIN], &events, WatchFormat::Plain),
            [" Out of \u{FFFD}office"]
        );
        let line = &lines(&[ADMIN], &events, WatchFormat::Waybar)[0];
        assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line}");
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["class"], "busy");
    }

    #[test]
    fn a_summary_counts_all_its_notifications() {
        let events = [
            (ADMIN, status(StatusType::Away, None, Some("Lunch"))),
            (
                ADMIN,
                EngineEvent::Popups(vec![Popup::Summary {
                    notifications: (1..=12).map(shared_file).collect(),
                }]),
            ),
        ];
        assert_eq!(
            lines(&[ADMIN], &events, WatchFormat::Plain),
            ["Lunch", "Lunch · 12 new notifications"]
        );
    }

    #[test]
    fn the_plain_line_and_the_tooltip_speak_the_language_but_the_class_stays() {
        assert_eq!(
            lines_in("de", &[ADMIN], &a_day(), WatchFormat::Plain),
            [
                "Online",
                "Online · 1 neue Benachrichtigung",
                "🌴 On vacation · 1 neue Benachrichtigung",
                "🌴 On vacation (getrennt) · 1 neue Benachrichtigung",
                "🌴 On vacation (Anmeldung erforderlich) · 1 neue Benachrichtigung",
            ]
        );
        let events = [
            (ADMIN, status(StatusType::Dnd, None, None)),
            (
                ADMIN,
                EngineEvent::Popups(vec![Popup::Summary {
                    notifications: (1..=5).map(shared_file).collect(),
                }]),
            ),
        ];
        let last: Value = serde_json::from_str(
            lines_in("de", &[ADMIN], &events, WatchFormat::Waybar)
                .last()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(last["text"], "Nicht stören");
        assert_eq!(last["class"], "dnd");
        assert_eq!(
            last["tooltip"],
            "admin@https://cloud.example: Nicht stören, 5 neue Benachrichtigungen"
        );
    }
}
