//! The commands the windows call. Each is a line or two into the engine; errors cross as
//! `{kind, message}` (`ErrorReport`). The TypeScript types are generated from these Rust
//! types (`types.rs`), never written twice.

pub mod activity;
pub mod app;
pub mod notifications;
pub mod status;
pub mod talk;
pub mod types;

use nctray_engine::ErrorReport;

/// What every command returns.
pub type CommandResult<T> = Result<T, ErrorReport>;

/// Every command, for `Builder::invoke_handler`. Each window's capability file grants only
/// the ones it uses (`src-tauri/capabilities/`).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::open_window,
        app::app_theme,
        app::open_link,
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
    ]
}
