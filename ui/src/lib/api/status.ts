import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import * as commands from "../generated/commands";
import { events } from "../generated/commands";
import type { StatusView } from "../generated/types";

export const status = {
  get: commands.statusGet,
  refresh: commands.statusRefresh,
  set: commands.statusSet,
  setPredefined: commands.statusSetPredefined,
  setCustom: commands.statusSetCustom,
  clearMessage: commands.statusClearMessage,
  restore: commands.statusRestore,
  presets: commands.presetsList,
  savePreset: commands.presetSave,
  removePreset: commands.presetRemove,
  applyPreset: commands.presetApply,
  user: commands.userGet,
  /** Calls `handler` with every status change, made here, in the tray or on the server. */
  onChange: (handler: (snapshot: StatusView) => void): Promise<UnlistenFn> =>
    listen<StatusView>(events.statusChanged, (event) => handler(event.payload)),
};
