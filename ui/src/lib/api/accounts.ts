import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import * as commands from "../generated/commands";
import { events } from "../generated/commands";

export const accounts = {
  list: commands.accountsList,
  switchTo: commands.accountSwitch,
  setPaused: commands.accountSetPaused,
  remove: commands.accountRemove,
  /** Any change to the accounts or their connection, made here or by the sync. */
  onChange: (handler: () => void): Promise<UnlistenFn> =>
    listen(events.accountState, () => handler()),
};

/** Login Flow v2: start opens the browser; wait resolves once the user approved there.
 * `trustedCertificate`: the fingerprint of the certificate the person chose to trust. */
export const signIn = {
  start: (server: string, trustedCertificate: string | null = null) =>
    commands.signInStart(server, trustedCertificate),
  wait: commands.signInWait,
  cancel: commands.signInCancel,
  reopen: commands.signInReopen,
};

export type SignInApi = typeof signIn;

export const settings = {
  get: commands.settingsGet,
  save: commands.settingsSave,
  popupApps: commands.popupApps,
};
