// The commands of the Rust side, typed with the generated types. Errors arrive as
// `{kind, message}` (ErrorReport) and are rethrown as CommandError.
import { invoke } from "@tauri-apps/api/core";
import type {
  Activity,
  ActivityFilter,
  CustomMessage,
  ErrorReport,
  Notification,
  StatusPreset,
  StatusSnapshot,
  StatusType,
  Theme,
  UserMetadata,
} from "./generated/types";

export class CommandError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function isReport(value: unknown): value is ErrorReport {
  return typeof value === "object" && value !== null && "kind" in value && "message" in value;
}

export async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isReport(error)) throw new CommandError(error.kind, error.message);
    throw new CommandError("internal", String(error));
  }
}

export const commands = {
  openWindow: (name: "popover" | "status" | "chat" | "accounts") => call<void>("open_window", { name }),
  theme: () => call<Theme>("app_theme"),
  openLink: (url: string) => call<void>("open_link", { url }),

  statusGet: () => call<StatusSnapshot>("status_get"),
  statusRefresh: () => call<StatusSnapshot>("status_refresh"),
  statusSet: (status: StatusType) => call<StatusSnapshot>("status_set", { status }),
  statusSetPredefined: (id: string) => call<StatusSnapshot>("status_set_predefined", { id }),
  statusSetCustom: (message: CustomMessage) => call<StatusSnapshot>("status_set_custom", { message }),
  statusClearMessage: () => call<StatusSnapshot>("status_clear_message"),
  statusRestore: () => call<StatusSnapshot>("status_restore"),
  presetsList: () => call<StatusPreset[]>("presets_list"),
  presetSave: (preset: StatusPreset) => call<void>("preset_save", { preset }),
  presetRemove: (name: string) => call<void>("preset_remove", { name }),
  presetApply: (name: string) => call<StatusSnapshot>("preset_apply", { name }),
  userGet: () => call<UserMetadata>("user_get"),

  notificationsList: () => call<Notification[]>("notifications_list"),
  notificationsRefresh: () => call<Notification[]>("notifications_refresh"),
  notificationDismiss: (id: number) => call<void>("notification_dismiss", { id }),
  notificationsDismissAll: () => call<void>("notifications_dismiss_all"),
  notificationAction: (id: number, index: number) => call<void>("notification_action", { id, index }),

  activityPage: (filter: string | null, before: number | null, limit: number) =>
    call<Activity[]>("activity_page", { filter, before, limit }),
  activityLoadNewer: () => call<number>("activity_load_newer"),
  activityLoadOlder: () => call<number>("activity_load_older"),
  activityFilters: () => call<ActivityFilter[]>("activity_filters"),
  activitySearch: (filter: string | null, text: string, limit: number) =>
    call<Activity[]>("activity_search", { filter, text, limit }),
  activityDownload: (fileId: number) => call<void>("activity_download", { fileId }),
};

/** Event names the Rust side emits (src-tauri/src/ui_events.rs). */
export const events = {
  statusChanged: "status-changed",
  notificationsChanged: "notifications-changed",
  unreadChanged: "unread-changed",
  accountState: "account-state",
} as const;
