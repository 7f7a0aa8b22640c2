//! The commands the windows call (through the window process and the daemon's `Invoke`). Each is a line or two into the engine; errors cross as
//! `{kind, message}` (`ErrorReport`). The TypeScript types are generated from these Rust
//! types (`types.rs`), never written twice.

pub mod accounts;
pub mod activity;
pub mod app;
pub mod notifications;
pub mod status;
pub mod talk;
pub mod types;

use nctray_api::InvokeReply;
use nctray_engine::accounts::config::Settings;
use nctray_engine::nextcloud::StatusType;
use nctray_engine::{ErrorReport, NewChatRoom, NewCustomMessage, StatusPreset};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::app::App;
#[cfg(test)]
use {
    crate::chat_target::ChatTarget,
    crate::sign_in::SignInStarted,
    accounts::{AccountView, AccountsOverview},
    nctray_engine::accounts::setup::Removal,
    nctray_engine::{
        ActivityFilterChoice, ActivityView, ChatEntry, ChatRoom, MentionChoice, NotificationView,
        Reaction, RoomDetails, RoomParticipant, StatusView, UnreadCounts, UserMetadata,
    },
    types::{AppInfo, LanguageView, Theme},
};

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorReport>;

/// Declares the commands once: their names, arguments (as the windows send them, in
/// camelCase), what they answer and the function that runs each. [`dispatch`] runs one by name;
/// the windows' TypeScript wrappers are generated from the same list ([`typescript`]), and
/// the shell's build script reads the names from those wrappers. The
/// second group is for the window process and the command line, not for the windows.
macro_rules! commands {
    (
        for_windows { $($module:ident :: $name:ident ( $($arg:ident : $ty:ty $(as $ts:literal)?),* ) -> $ret:ty;)* }
        for_the_window_process_and_the_command_line {
            $($other_module:ident :: $other:ident ( $($other_arg:ident : $other_ty:ty),* ) -> $other_ret:ty;)*
        }
    ) => {
        /// Runs `command` with its JSON `args` (`Invoke` on the daemon's D-Bus API); the
        /// answer is the command's value, or its error, as JSON.
        pub async fn dispatch(app: &App, command: &str, args: Value) -> InvokeReply {
            match command {
                $(stringify!($name) => commands!(@run app, command, args, $module::$name($($arg: $ty),*)),)*
                $(stringify!($other) => commands!(@run app, command, args, $other_module::$other($($other_arg: $other_ty),*)),)*
                other => reply::<(), _>(Err(ErrorReport::invalid(format!("there is no command {other:?}")))),
            }
        }

        /// The windows' command wrappers in TypeScript: one function per command, named in
        /// camelCase, taking the arguments in order and promising what the command answers.
        #[cfg(test)]
        pub fn typescript(cfg: &ts_rs::Config) -> Vec<TsCommand> {
            vec![$(TsCommand {
                name: stringify!($name),
                args: vec![$((stringify!($arg), commands!(@ts_name cfg, $ty $(as $ts)?))),*],
                answer: <$ret as ts_rs::TS>::name(cfg),
            }),*]
        }
    };
    // A client type has no TS derive: the list names its TypeScript type (`as "StatusType"`).
    (@ts_name $cfg:ident, $ty:ty as $ts:literal) => { $ts.to_owned() };
    (@ts_name $cfg:ident, $ty:ty) => { <$ty as ts_rs::TS>::name($cfg) };
    (@run $app:ident, $command:ident, $args:ident, $module:ident :: $name:ident ($($arg:ident : $ty:ty),*)) => {{
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Args { $($arg: $ty),* }
        match serde_json::from_value::<Args>($args) {
            Ok(Args { $($arg),* }) => reply($module::$name($app, $($arg),*).await),
            Err(error) => reply::<(), _>(Err(ErrorReport::invalid(format!(
                "the arguments of {} do not fit: {error}", $command
            )))),
        }
    }};
}

/// One command as the windows call it (see [`typescript`]).
#[cfg(test)]
pub struct TsCommand {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub answer: String,
}

commands! {
    for_windows {
    app::open_window(name: String) -> ();
    app::app_theme() -> Theme;
    app::open_link(url: String) -> ();
    app::app_info() -> AppInfo;
    app::open_log_folder() -> ();
    app::app_language() -> LanguageView;
    app::set_language(choice: Option<String>) -> LanguageView;
    accounts::accounts_list() -> AccountsOverview;
    accounts::account_switch(key: String) -> ();
    accounts::account_set_paused(key: String, paused: bool) -> ();
    accounts::account_remove(key: String) -> Removal;
    accounts::sign_in_start(server: String, trusted_certificate: Option<String>) -> SignInStarted;
    accounts::sign_in_wait() -> AccountView;
    accounts::sign_in_cancel() -> ();
    accounts::sign_in_reopen() -> ();
    accounts::settings_get() -> Settings;
    accounts::settings_save(settings: Settings) -> Settings;
    accounts::popup_apps() -> Vec<String>;
    activity::activity_page(filter: Option<String>, before: Option<i64>, limit: usize) -> Vec<ActivityView>;
    activity::activity_load_newer() -> usize;
    activity::activity_load_older() -> usize;
    activity::activity_filters() -> Vec<ActivityFilterChoice>;
    activity::activity_search(filter: Option<String>, text: String, limit: usize) -> Vec<ActivityView>;
    activity::activity_download(file_id: i64) -> ();
    notifications::notifications_list() -> Vec<NotificationView>;
    notifications::notifications_refresh() -> Vec<NotificationView>;
    notifications::notification_dismiss(id: i64) -> ();
    notifications::notifications_dismiss_all() -> ();
    notifications::notification_action(id: i64, index: usize) -> ();
    status::status_get() -> StatusView;
    status::status_refresh() -> StatusView;
    status::status_set(status: StatusType as "StatusType") -> StatusView;
    status::status_set_predefined(id: String) -> StatusView;
    status::status_set_custom(message: NewCustomMessage) -> StatusView;
    status::status_clear_message() -> StatusView;
    status::status_restore() -> StatusView;
    status::presets_list() -> Vec<StatusPreset>;
    status::preset_save(preset: StatusPreset) -> ();
    status::preset_remove(name: String) -> ();
    status::preset_apply(name: String) -> StatusView;
    status::user_get() -> UserMetadata;
    talk::chat_take_target() -> Option<ChatTarget>;
    talk::talk_rooms() -> Vec<ChatRoom>;
    talk::talk_refresh_rooms() -> Vec<ChatRoom>;
    talk::talk_unread() -> UnreadCounts;
    talk::talk_room(token: String) -> RoomDetails;
    talk::talk_history(token: String, limit: usize) -> Vec<ChatEntry>;
    talk::talk_older(token: String, before: i64, limit: usize) -> Vec<ChatEntry>;
    talk::talk_watch(token: String) -> ();
    talk::talk_unwatch() -> ();
    talk::talk_send(token: String, text: String, reply_to: Option<i64>) -> Option<ChatEntry>;
    talk::talk_mark_read(token: String) -> UnreadCounts;
    talk::talk_react(token: String, message_id: i64, emoji: String, on: bool) -> Vec<Reaction>;
    talk::talk_mentions(token: String, search: String) -> Vec<MentionChoice>;
    talk::talk_create_room(room: NewChatRoom) -> RoomDetails;
    talk::talk_rename_room(token: String, name: String) -> RoomDetails;
    talk::talk_set_password(token: String, password: String) -> RoomDetails;
    talk::talk_allow_guests(token: String, allowed: bool) -> RoomDetails;
    talk::talk_set_favorite(token: String, favorite: bool) -> RoomDetails;
    talk::talk_set_notifications(token: String, level: String) -> RoomDetails;
    talk::talk_participants(token: String) -> Vec<RoomParticipant>;
    talk::talk_add_participant(token: String, user_id: String) -> ();
    talk::talk_remove_participant(token: String, attendee_id: Option<i64>, user_id: String) -> ();
    talk::talk_set_moderator(token: String, attendee_id: Option<i64>, user_id: String, moderator: bool) -> ();
    talk::talk_leave_room(token: String) -> ();
    talk::talk_delete_room(token: String) -> ();
    talk::talk_call_link(token: String) -> String;
    }
    for_the_window_process_and_the_command_line {
    app::start_demo() -> ();
    app::first_window() -> Option<String>;
    accounts::watch_start() -> Vec<crate::ui_events::FromEngine>;
    talk::chat_window_open(open: bool) -> ();
    }
}

fn reply<T: Serialize, E: Serialize>(result: Result<T, E>) -> InvokeReply {
    let json = |value: Result<Value, serde_json::Error>| {
        value.unwrap_or_else(|error| json!({"kind": "internal", "message": error.to_string()}))
    };
    match result {
        Ok(value) => InvokeReply::Ok(json(serde_json::to_value(value))),
        Err(error) => InvokeReply::Err(json(serde_json::to_value(error))),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use nctray_engine::accounts::Accounts;
    use nctray_engine::{NeverIdle, SyncConfig};

    use super::*;

    fn app() -> App {
        let (session, _events) =
            Accounts::new(Vec::new(), SyncConfig::default(), Arc::new(NeverIdle));
        App::new(session)
    }

    #[tokio::test]
    async fn an_unknown_command_or_unfit_arguments_are_refused_in_words() {
        let app = app();
        let InvokeReply::Err(error) = dispatch(&app, "format_disk", json!({})).await else {
            panic!("an unknown command ran");
        };
        assert_eq!(error["kind"], "invalid");
        assert!(error["message"].as_str().unwrap().contains("format_disk"));
        let InvokeReply::Err(error) = dispatch(&app, "talk_room", json!({"token": 7})).await else {
            panic!("a number passed for a token");
        };
        assert_eq!(error["kind"], "invalid");
        assert!(error["message"].as_str().unwrap().contains("talk_room"));
    }

    #[tokio::test]
    async fn arguments_come_in_camel_case_and_answers_go_back_as_json() {
        let app = app();
        // No account: the command runs and answers with its own error.
        let reply = dispatch(
            &app,
            "talk_send",
            json!({"token": "t", "text": "hi", "replyTo": 4}),
        )
        .await;
        let InvokeReply::Err(error) = reply else {
            panic!("sent without an account: {reply:?}");
        };
        assert_ne!(error["kind"], "invalid", "{error}");
        let InvokeReply::Ok(first) = dispatch(&app, "first_window", json!({})).await else {
            panic!("first_window failed");
        };
        assert_eq!(first, json!("accounts"));
    }
}
