/// Every command the windows may call. Listing them makes Tauri generate an `allow-…`
/// permission per command, and then a window may call only what its capability file
/// (`capabilities/<window>.json`) grants.
const COMMANDS: &[&str] = &[
    "open_window",
    "app_theme",
    "open_link",
    "status_get",
    "status_refresh",
    "status_set",
    "status_set_predefined",
    "status_set_custom",
    "status_clear_message",
    "status_restore",
    "presets_list",
    "preset_save",
    "preset_remove",
    "preset_apply",
    "user_get",
    "notifications_list",
    "notifications_refresh",
    "notification_dismiss",
    "notifications_dismiss_all",
    "notification_action",
    "activity_page",
    "activity_load_newer",
    "activity_load_older",
    "activity_filters",
    "activity_search",
    "activity_download",
    "chat_take_target",
    "talk_rooms",
    "talk_refresh_rooms",
    "talk_unread",
    "talk_room",
    "talk_history",
    "talk_older",
    "talk_watch",
    "talk_unwatch",
    "talk_send",
    "talk_mark_read",
    "talk_react",
    "talk_mentions",
    "talk_create_room",
    "talk_rename_room",
    "talk_set_password",
    "talk_allow_guests",
    "talk_set_favorite",
    "talk_set_notifications",
    "talk_participants",
    "talk_add_participant",
    "talk_remove_participant",
    "talk_set_moderator",
    "talk_leave_room",
    "talk_delete_room",
    "talk_call_link",
];

fn main() {
    // The config lives at the repository root so every tool finds it in one place.
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build configuration");
}
