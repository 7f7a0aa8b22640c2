//! Types that cross to the windows and exist only for them, and the generator of
//! `ui/src/lib/generated/types.ts` from every Rust type the windows see.

use nctray_engine::accounts::config::Appearance;
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{ChatRoom, ErrorReport, RoomUnread, StatusPreset, UnreadCounts, UserMetadata};
use serde::Serialize;
use ts_rs::{Config, TS};

use crate::chat_target::ChatTarget;

/// How the windows look.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Theme {
    pub appearance: Appearance,
    /// The server's theming colour (`#00679e`), when it has one.
    pub color: Option<String>,
}

/// What every window may show about the app itself.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The demo runs: every window says so.
    pub demo: bool,
    /// Where the tray writes its log (the settings offer to open it).
    pub log_dir: String,
}

/// The language the windows show, and how they format dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LanguageView {
    /// BCP 47 tag of the catalogue (`locales/<language>/ui.ftl`), e.g. "de", "pt-BR".
    pub language: String,
    /// BCP 47 for `Intl` (dates, numbers): the Nextcloud user's locale when set, e.g. "de-CH".
    pub locale: String,
    pub direction: TextDirection,
    /// IANA time zone (the Nextcloud user's, else `TZ`), when known.
    pub time_zone: Option<String>,
    /// The override in the settings; None = automatic.
    pub choice: Option<String>,
    /// The languages to choose from, English first.
    pub available: Vec<LanguageChoice>,
}

/// `dir` of the windows' root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    Ltr,
    Rtl,
}

/// One language of the settings' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LanguageChoice {
    /// What `set_language` takes, e.g. "pt-BR".
    pub id: String,
    /// Its name in itself, e.g. "Deutsch".
    pub name: String,
}

/// The TypeScript declarations of every type above and of the engine's types the commands
/// return, one `export` each. JSON numbers arrive as JS numbers, so i64 becomes `number`.
#[cfg_attr(not(test), allow(dead_code))]
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        <serde_json::Value as TS>::decl(&cfg),
        ErrorReport::decl(&cfg),
        nctray_engine::ErrorKind::decl(&cfg),
        Theme::decl(&cfg),
        AppInfo::decl(&cfg),
        LanguageView::decl(&cfg),
        TextDirection::decl(&cfg),
        LanguageChoice::decl(&cfg),
        Appearance::decl(&cfg),
        status_type_declaration(),
        nctray_engine::NewCustomMessage::decl(&cfg),
        nctray_engine::ClearAfter::decl(&cfg),
        nctray_engine::StatusView::decl(&cfg),
        nctray_engine::OwnStatusView::decl(&cfg),
        nctray_engine::PredefinedMessage::decl(&cfg),
        nctray_engine::PredefinedClear::decl(&cfg),
        nctray_engine::BackupStatus::decl(&cfg),
        StatusPreset::decl(&cfg),
        UserMetadata::decl(&cfg),
        nctray_engine::RichPart::decl(&cfg),
        nctray_engine::RichObject::decl(&cfg),
        nctray_engine::NotificationView::decl(&cfg),
        nctray_engine::NotificationButton::decl(&cfg),
        nctray_engine::ActivityView::decl(&cfg),
        nctray_engine::ActivityPreview::decl(&cfg),
        nctray_engine::ActivityFile::decl(&cfg),
        nctray_engine::ActivityFilterChoice::decl(&cfg),
        ChatRoom::decl(&cfg),
        UnreadCounts::decl(&cfg),
        RoomUnread::decl(&cfg),
        ChatTarget::decl(&cfg),
        nctray_engine::ChatEntry::decl(&cfg),
        nctray_engine::Reaction::decl(&cfg),
        nctray_engine::QuotedMessage::decl(&cfg),
        nctray_engine::ChatNews::decl(&cfg),
        nctray_engine::RoomDetails::decl(&cfg),
        nctray_engine::RoomParticipant::decl(&cfg),
        nctray_engine::MentionChoice::decl(&cfg),
        nctray_engine::NewChatRoom::decl(&cfg),
        nctray_engine::NewRoomKind::decl(&cfg),
        super::accounts::AccountView::decl(&cfg),
        super::accounts::Connection::decl(&cfg),
        super::accounts::AccountsOverview::decl(&cfg),
        nctray_engine::accounts::setup::Removal::decl(&cfg),
        crate::sign_in::SignInStarted::decl(&cfg),
        crate::sign_in::SignInError::decl(&cfg),
        crate::sign_in::CertificateView::decl(&cfg),
        nctray_engine::accounts::config::Settings::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_TS=1 cargo test -p nctray \
         generated_typescript`; do not edit.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.trim_end().to_owned() + "\n"
}

/// `StatusType` is the client's enum, which stays free of TypeScript: its union is written
/// here from its wire names.
#[cfg_attr(not(test), allow(dead_code))]
fn status_type_declaration() -> String {
    let names: Vec<String> = StatusType::ALL
        .iter()
        .map(|status| serde_json::to_string(status).expect("a status type serializes"))
        .collect();
    format!("type StatusType = {};", names.join(" | "))
}

/// The windows' command wrappers and event names (`ui/src/lib/generated/commands.ts`), from
/// the daemon's one list of commands and its event names.
#[cfg(test)]
pub fn typescript_commands() -> String {
    use std::collections::BTreeSet;

    let cfg = Config::new().with_large_int("number");
    let commands = super::typescript(&cfg);
    let ts = |name: &str| {
        if name == "null" {
            "void".to_owned()
        } else {
            name.to_owned()
        }
    };
    let mut used = BTreeSet::new();
    let mut lines = Vec::new();
    for command in &commands {
        let params: Vec<String> = command
            .args
            .iter()
            .map(|(arg, kind)| format!("{}: {kind}", camel(arg)))
            .collect();
        let args: Vec<String> = command.args.iter().map(|(arg, _)| camel(arg)).collect();
        let answer = ts(&command.answer);
        for kind in command.args.iter().map(|(_, kind)| kind).chain([&answer]) {
            used.extend(type_names(kind));
        }
        let call = if args.is_empty() {
            format!("call<{answer}>(\"{}\")", command.name)
        } else {
            format!(
                "call<{answer}>(\"{}\", {{ {} }})",
                command.name,
                args.join(", ")
            )
        };
        lines.push(format!(
            "export const {} = ({}): Promise<{answer}> =>\n  {call};",
            camel(command.name),
            params.join(", ")
        ));
    }
    let events = [
        ("statusChanged", crate::ui_events::STATUS_CHANGED),
        (
            "notificationsChanged",
            crate::ui_events::NOTIFICATIONS_CHANGED,
        ),
        ("unreadChanged", crate::ui_events::UNREAD_CHANGED),
        ("accountState", crate::ui_events::ACCOUNT_STATE),
        ("accountSwitched", crate::ui_events::ACCOUNT_SWITCHED),
        ("languageChanged", crate::ui_events::LANGUAGE_CHANGED),
        ("chatTarget", crate::chat_target::CHAT_TARGET),
        ("chatNews", crate::chat_live::CHAT_NEWS),
    ];
    let mut out = String::from(
        "// Generated from the daemon's list of commands (crates/daemon/src/ipc/mod.rs) by \
         `UPDATE_TS=1 cargo test -p nctray generated_typescript`; do not edit.\n\n",
    );
    out.push_str("import { call } from \"../call\";\n");
    let used: Vec<String> = used.into_iter().collect();
    out.push_str(&format!(
        "import type {{ {} }} from \"./types\";\n\n",
        used.join(", ")
    ));
    out.push_str(&lines.join("\n"));
    out.push_str(
        "\n\n/** The events the daemon sends the windows (crates/daemon/src/ui_events.rs). */\n",
    );
    out.push_str("export const events = {\n");
    for (name, event) in events {
        out.push_str(&format!("  {name}: \"{event}\",\n"));
    }
    out.push_str("} as const;\n");
    out
}

/// `reply_to` → `replyTo`, as Tauri names a command's arguments.
#[cfg(test)]
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The declared types a TypeScript type expression names (`Array<ChatRoom> | null` →
/// `ChatRoom`).
#[cfg(test)]
fn type_names(expression: &str) -> Vec<String> {
    expression
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|word| !matches!(*word, "Array" | "Record" | "Partial"))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn check_generated(name: &str, current: &str) {
        let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/generated")
            .join(name);
        if std::env::var_os("UPDATE_TS").is_some() {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, current).unwrap();
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == current,
            "{} is out of date: run `UPDATE_TS=1 cargo test -p nctray generated_typescript`",
            file.display()
        );
    }

    #[test]
    fn generated_typescript_is_current() {
        check_generated("types.ts", &super::typescript());
        check_generated("commands.ts", &super::typescript_commands());
    }

    #[test]
    fn arguments_are_named_as_tauri_names_them() {
        assert_eq!(super::camel("reply_to"), "replyTo");
        assert_eq!(super::camel("trusted_certificate"), "trustedCertificate");
        assert_eq!(super::camel("token"), "token");
        assert_eq!(
            super::type_names("Array<ChatRoom> | null"),
            vec!["ChatRoom".to_owned()]
        );
    }
}
