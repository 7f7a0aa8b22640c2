import * as commands from "../generated/commands";

export type WindowName = "popover" | "status" | "chat" | "accounts";

export const app = {
  openWindow: (name: WindowName) => commands.openWindow(name),
  theme: commands.appTheme,
  /** Opens an http(s) link in the browser; Rust refuses anything else. */
  openLink: commands.openLink,
  /** The version, whether the demo runs, where the log is. */
  info: commands.appInfo,
  openLogFolder: commands.openLogFolder,
};
