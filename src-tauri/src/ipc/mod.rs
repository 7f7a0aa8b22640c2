//! The commands the windows call. Each is a line or two into the engine; errors cross as
//! `{kind, message}` (`ErrorReport`). The TypeScript types are generated from these Rust
//! types (`types.rs`), never written twice.

pub mod accounts;
pub mod activity;
pub mod app;
pub mod notifications;
pub mod status;
pub mod talk;
pub mod types;

use nctray_engine::ErrorReport;

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorReport>;

/// A request the shell refuses (bad input), for the UI to show as is.
pub fn invalid(message: impl Into<String>) -> ErrorReport {
    ErrorReport {
        kind: "invalid",
        message: message.into(),
    }
}

/// A failure of the shell itself (a window that would not open, a config that cannot be read).
pub fn internal(error: impl std::fmt::Display) -> ErrorReport {
    ErrorReport {
        kind: "internal",
        message: error.to_string(),
    }
}

/// Runs store (SQLite), keyring or config-file work on a blocking thread: never on the GUI
/// thread (where a synchronous command runs) or a runtime worker (where an async one runs),
/// where a slow disk, a busy lock or a keyring prompt would freeze the windows and stall the
/// syncs. A panic inside becomes an `internal` report.
pub async fn blocking<T, E>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> CommandResult<T>
where
    T: Send + 'static,
    E: Into<ErrorReport> + 'static,
{
    tauri::async_runtime::spawn_blocking(move || work().map_err(Into::into))
        .await
        .unwrap_or_else(|error| Err(internal(format!("the work stopped: {error}"))))
}

/// Every command, for `Builder::invoke_handler`. Each window's capability file grants only
/// the ones it uses (`src-tauri/capabilities/`).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::open_window,
        app::app_theme,
        app::open_link,
        app::app_info,
        app::open_log_folder,
        app::app_language,
        app::set_language,
        status::status_get,
        status::status_refresh,
        status::status_set,
        status::status_set_predefined,
        status::status_set_custom,
        status::status_clear_message,
        status::status_restore,
        status::presets_list,
        status::preset_save,
        status::preset_remove,
        status::preset_apply,
        status::user_get,
        notifications::notifications_list,
        notifications::notifications_refresh,
        notifications::notification_dismiss,
        notifications::notifications_dismiss_all,
        notifications::notification_action,
        activity::activity_page,
        activity::activity_load_newer,
        activity::activity_load_older,
        activity::activity_filters,
        activity::activity_search,
        activity::activity_download,
        talk::chat_take_target,
        talk::talk_rooms,
        talk::talk_refresh_rooms,
        talk::talk_unread,
        talk::talk_room,
        talk::talk_history,
        talk::talk_older,
        talk::talk_watch,
        talk::talk_unwatch,
        talk::talk_send,
        talk::talk_mark_read,
        talk::talk_react,
        talk::talk_mentions,
        talk::talk_create_room,
        talk::talk_rename_room,
        talk::talk_set_password,
        talk::talk_allow_guests,
        talk::talk_set_favorite,
        talk::talk_set_notifications,
        talk::talk_participants,
        talk::talk_add_participant,
        talk::talk_remove_participant,
        talk::talk_set_moderator,
        talk::talk_leave_room,
        talk::talk_delete_room,
        talk::talk_call_link,
        accounts::accounts_list,
        accounts::account_switch,
        accounts::account_set_paused,
        accounts::account_remove,
        accounts::sign_in_start,
        accounts::sign_in_wait,
        accounts::sign_in_cancel,
        accounts::sign_in_reopen,
        accounts::settings_get,
        accounts::settings_save,
        accounts::popup_apps,
    ]
}

#[cfg(test)]
mod tests {
    use std::thread;

    use super::*;

    #[tokio::test]
    async fn blocking_work_runs_off_the_calling_thread() {
        let caller = thread::current().id();
        let worker = blocking(|| Ok::<_, ErrorReport>(thread::current().id()))
            .await
            .unwrap();
        assert_ne!(worker, caller);
    }

    #[tokio::test]
    async fn blocking_work_hands_its_error_back() {
        let error = blocking(|| Err::<(), _>(invalid("no such room")))
            .await
            .unwrap_err();
        assert_eq!(
            (error.kind, error.message.as_str()),
            ("invalid", "no such room")
        );
    }

    #[tokio::test]
    async fn a_panic_in_blocking_work_becomes_an_internal_report() {
        let error = blocking(|| -> CommandResult<()> { panic!("the cache exploded") })
            .await
            .unwrap_err();
        assert_eq!(error.kind, "internal");
        assert!(
            error.message.contains("the cache exploded"),
            "{}",
            error.message
        );
    }
}
