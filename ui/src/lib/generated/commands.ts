// Generated from the daemon's list of commands (crates/daemon/src/ipc/mod.rs) by `UPDATE_TS=1 cargo test -p nctray generated_typescript`; do not edit.

import { call } from "../call";
import type { AccountView, AccountsOverview, ActivityFilterChoice, ActivityView, AppInfo, ChatEntry, ChatRoom, ChatTarget, LanguageView, MentionChoice, NewChatRoom, NewCustomMessage, NotificationView, Reaction, Removal, RoomDetails, RoomParticipant, Settings, SignInStarted, StatusPreset, StatusType, StatusView, Theme, UnreadCounts, UserMetadata } from "./types";

export const openWindow = (name: string): Promise<void> =>
  call<void>("open_window", { name });
export const appTheme = (): Promise<Theme> =>
  call<Theme>("app_theme");
export const openLink = (url: string): Promise<void> =>
  call<void>("open_link", { url });
export const appInfo = (): Promise<AppInfo> =>
  call<AppInfo>("app_info");
export const openLogFolder = (): Promise<void> =>
  call<void>("open_log_folder");
export const appLanguage = (): Promise<LanguageView> =>
  call<LanguageView>("app_language");
export const setLanguage = (choice: string | null): Promise<LanguageView> =>
  call<LanguageView>("set_language", { choice });
export const accountsList = (): Promise<AccountsOverview> =>
  call<AccountsOverview>("accounts_list");
export const accountSwitch = (key: string): Promise<void> =>
  call<void>("account_switch", { key });
export const accountSetPaused = (key: string, paused: boolean): Promise<void> =>
  call<void>("account_set_paused", { key, paused });
export const accountRemove = (key: string): Promise<Removal> =>
  call<Removal>("account_remove", { key });
export const signInStart = (server: string, trustedCertificate: string | null): Promise<SignInStarted> =>
  call<SignInStarted>("sign_in_start", { server, trustedCertificate });
export const signInWait = (): Promise<AccountView> =>
  call<AccountView>("sign_in_wait");
export const signInCancel = (): Promise<void> =>
  call<void>("sign_in_cancel");
export const signInReopen = (): Promise<void> =>
  call<void>("sign_in_reopen");
export const settingsGet = (): Promise<Settings> =>
  call<Settings>("settings_get");
export const settingsSave = (settings: Settings): Promise<Settings> =>
  call<Settings>("settings_save", { settings });
export const popupApps = (): Promise<Array<string>> =>
  call<Array<string>>("popup_apps");
export const activityPage = (filter: string | null, before: number | null, limit: number): Promise<Array<ActivityView>> =>
  call<Array<ActivityView>>("activity_page", { filter, before, limit });
export const activityLoadNewer = (): Promise<number> =>
  call<number>("activity_load_newer");
export const activityLoadOlder = (): Promise<number> =>
  call<number>("activity_load_older");
export const activityFilters = (): Promise<Array<ActivityFilterChoice>> =>
  call<Array<ActivityFilterChoice>>("activity_filters");
export const activitySearch = (filter: string | null, text: string, limit: number): Promise<Array<ActivityView>> =>
  call<Array<ActivityView>>("activity_search", { filter, text, limit });
export const activityDownload = (fileId: number): Promise<void> =>
  call<void>("activity_download", { fileId });
export const notificationsList = (): Promise<Array<NotificationView>> =>
  call<Array<NotificationView>>("notifications_list");
export const notificationsRefresh = (): Promise<Array<NotificationView>> =>
  call<Array<NotificationView>>("notifications_refresh");
export const notificationDismiss = (id: number): Promise<void> =>
  call<void>("notification_dismiss", { id });
export const notificationsDismissAll = (): Promise<void> =>
  call<void>("notifications_dismiss_all");
export const notificationAction = (id: number, index: number): Promise<void> =>
  call<void>("notification_action", { id, index });
export const statusGet = (): Promise<StatusView> =>
  call<StatusView>("status_get");
export const statusRefresh = (): Promise<StatusView> =>
  call<StatusView>("status_refresh");
export const statusSet = (status: StatusType): Promise<StatusView> =>
  call<StatusView>("status_set", { status });
export const statusSetPredefined = (id: string): Promise<StatusView> =>
  call<StatusView>("status_set_predefined", { id });
export const statusSetCustom = (message: NewCustomMessage): Promise<StatusView> =>
  call<StatusView>("status_set_custom", { message });
export const statusClearMessage = (): Promise<StatusView> =>
  call<StatusView>("status_clear_message");
export const statusRestore = (): Promise<StatusView> =>
  call<StatusView>("status_restore");
export const presetsList = (): Promise<Array<StatusPreset>> =>
  call<Array<StatusPreset>>("presets_list");
export const presetSave = (preset: StatusPreset): Promise<void> =>
  call<void>("preset_save", { preset });
export const presetRemove = (name: string): Promise<void> =>
  call<void>("preset_remove", { name });
export const presetApply = (name: string): Promise<StatusView> =>
  call<StatusView>("preset_apply", { name });
export const userGet = (): Promise<UserMetadata> =>
  call<UserMetadata>("user_get");
export const chatTakeTarget = (): Promise<ChatTarget | null> =>
  call<ChatTarget | null>("chat_take_target");
export const talkRooms = (): Promise<Array<ChatRoom>> =>
  call<Array<ChatRoom>>("talk_rooms");
export const talkRefreshRooms = (): Promise<Array<ChatRoom>> =>
  call<Array<ChatRoom>>("talk_refresh_rooms");
export const talkUnread = (): Promise<UnreadCounts> =>
  call<UnreadCounts>("talk_unread");
export const talkRoom = (token: string): Promise<RoomDetails> =>
  call<RoomDetails>("talk_room", { token });
export const talkHistory = (token: string, limit: number): Promise<Array<ChatEntry>> =>
  call<Array<ChatEntry>>("talk_history", { token, limit });
export const talkOlder = (token: string, before: number, limit: number): Promise<Array<ChatEntry>> =>
  call<Array<ChatEntry>>("talk_older", { token, before, limit });
export const talkWatch = (token: string): Promise<void> =>
  call<void>("talk_watch", { token });
export const talkUnwatch = (): Promise<void> =>
  call<void>("talk_unwatch");
export const talkSend = (token: string, text: string, replyTo: number | null): Promise<ChatEntry | null> =>
  call<ChatEntry | null>("talk_send", { token, text, replyTo });
export const talkMarkRead = (token: string): Promise<UnreadCounts> =>
  call<UnreadCounts>("talk_mark_read", { token });
export const talkReact = (token: string, messageId: number, emoji: string, on: boolean): Promise<Array<Reaction>> =>
  call<Array<Reaction>>("talk_react", { token, messageId, emoji, on });
export const talkMentions = (token: string, search: string): Promise<Array<MentionChoice>> =>
  call<Array<MentionChoice>>("talk_mentions", { token, search });
export const talkCreateRoom = (room: NewChatRoom): Promise<RoomDetails> =>
  call<RoomDetails>("talk_create_room", { room });
export const talkRenameRoom = (token: string, name: string): Promise<RoomDetails> =>
  call<RoomDetails>("talk_rename_room", { token, name });
export const talkSetPassword = (token: string, password: string): Promise<RoomDetails> =>
  call<RoomDetails>("talk_set_password", { token, password });
export const talkAllowGuests = (token: string, allowed: boolean): Promise<RoomDetails> =>
  call<RoomDetails>("talk_allow_guests", { token, allowed });
export const talkSetFavorite = (token: string, favorite: boolean): Promise<RoomDetails> =>
  call<RoomDetails>("talk_set_favorite", { token, favorite });
export const talkSetNotifications = (token: string, level: string): Promise<RoomDetails> =>
  call<RoomDetails>("talk_set_notifications", { token, level });
export const talkParticipants = (token: string): Promise<Array<RoomParticipant>> =>
  call<Array<RoomParticipant>>("talk_participants", { token });
export const talkAddParticipant = (token: string, userId: string): Promise<void> =>
  call<void>("talk_add_participant", { token, userId });
export const talkRemoveParticipant = (token: string, attendeeId: number | null, userId: string): Promise<void> =>
  call<void>("talk_remove_participant", { token, attendeeId, userId });
export const talkSetModerator = (token: string, attendeeId: number | null, userId: string, moderator: boolean): Promise<void> =>
  call<void>("talk_set_moderator", { token, attendeeId, userId, moderator });
export const talkLeaveRoom = (token: string): Promise<void> =>
  call<void>("talk_leave_room", { token });
export const talkDeleteRoom = (token: string): Promise<void> =>
  call<void>("talk_delete_room", { token });
export const talkCallLink = (token: string): Promise<string> =>
  call<string>("talk_call_link", { token });

/** The events the daemon sends the windows (crates/daemon/src/ui_events.rs). */
export const events = {
  statusChanged: "status-changed",
  notificationsChanged: "notifications-changed",
  unreadChanged: "unread-changed",
  accountState: "account-state",
  accountSwitched: "account-switched",
  languageChanged: "language-changed",
  chatTarget: "chat-target",
  chatNews: "chat-news",
} as const;
