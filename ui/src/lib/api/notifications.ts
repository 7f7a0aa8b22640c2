import { call } from "../ipc";
import type { Notification } from "../generated/types";

export const notifications = {
  list: () => call<Notification[]>("notifications_list"),
  refresh: () => call<Notification[]>("notifications_refresh"),
  dismiss: (id: number) => call<void>("notification_dismiss", { id }),
  dismissAll: () => call<void>("notifications_dismiss_all"),
  /** Runs a non-WEB action through Rust; WEB actions go to app.openLink. */
  runAction: (id: number, index: number) => call<void>("notification_action", { id, index }),
};
