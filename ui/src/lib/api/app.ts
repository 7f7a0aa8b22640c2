import { call } from "../ipc";
import type { AppInfo, Theme } from "../generated/types";

export type WindowName = "popover" | "status" | "chat" | "accounts";

export const app = {
  openWindow: (name: WindowName) => call<void>("open_window", { name }),
  theme: () => call<Theme>("app_theme"),
  /** Opens an http(s) link in the browser; Rust refuses anything else. */
  openLink: (url: string) => call<void>("open_link", { url }),
  /** The version, whether the demo runs, where the log is. */
  info: () => call<AppInfo>("app_info"),
  openLogFolder: () => call<void>("open_log_folder"),
};
