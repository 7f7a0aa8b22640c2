import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { call, events } from "../ipc";
import type {
  CustomMessage,
  StatusPreset,
  StatusSnapshot,
  StatusType,
  UserMetadata,
} from "../generated/types";

export const status = {
  get: () => call<StatusSnapshot>("status_get"),
  refresh: () => call<StatusSnapshot>("status_refresh"),
  set: (status: StatusType) => call<StatusSnapshot>("status_set", { status }),
  setPredefined: (id: string) => call<StatusSnapshot>("status_set_predefined", { id }),
  setCustom: (message: CustomMessage) => call<StatusSnapshot>("status_set_custom", { message }),
  clearMessage: () => call<StatusSnapshot>("status_clear_message"),
  restore: () => call<StatusSnapshot>("status_restore"),
  presets: () => call<StatusPreset[]>("presets_list"),
  savePreset: (preset: StatusPreset) => call<void>("preset_save", { preset }),
  removePreset: (name: string) => call<void>("preset_remove", { name }),
  applyPreset: (name: string) => call<StatusSnapshot>("preset_apply", { name }),
  user: () => call<UserMetadata>("user_get"),
  /** Calls `handler` with every status change, made here, in the tray or on the server. */
  onChange: (handler: (snapshot: StatusSnapshot) => void): Promise<UnlistenFn> =>
    listen<StatusSnapshot>(events.statusChanged, (event) => handler(event.payload)),
};
