import * as commands from "../generated/commands";

export const notifications = {
  list: commands.notificationsList,
  refresh: commands.notificationsRefresh,
  dismiss: commands.notificationDismiss,
  dismissAll: commands.notificationsDismissAll,
  /** Runs a non-WEB action through Rust; WEB actions go to app.openLink. */
  runAction: commands.notificationAction,
};
