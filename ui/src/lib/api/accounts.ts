import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { call, events } from "../ipc";
import type {
  AccountView,
  AccountsOverview,
  Removal,
  Settings,
  SignInStarted,
} from "../generated/types";

export const accounts = {
  list: () => call<AccountsOverview>("accounts_list"),
  switchTo: (key: string) => call<void>("account_switch", { key }),
  setPaused: (key: string, paused: boolean) => call<void>("account_set_paused", { key, paused }),
  remove: (key: string) => call<Removal>("account_remove", { key }),
  /** Any change to the accounts or their connection, made here or by the sync. */
  onChange: (handler: () => void): Promise<UnlistenFn> =>
    listen(events.accountState, () => handler()),
};

/** Login Flow v2: start opens the browser; wait resolves once the user approved there.
 * `trustedCertificate`: the fingerprint of the certificate the person chose to trust. */
export const signIn = {
  start: (server: string, trustedCertificate: string | null = null) =>
    call<SignInStarted>("sign_in_start", { server, trustedCertificate }),
  wait: () => call<AccountView>("sign_in_wait"),
  cancel: () => call<void>("sign_in_cancel"),
  reopen: () => call<void>("sign_in_reopen"),
};

export type SignInApi = typeof signIn;

export const settings = {
  get: () => call<Settings>("settings_get"),
  save: (settings: Settings) => call<Settings>("settings_save", { settings }),
  popupApps: () => call<string[]>("popup_apps"),
};
