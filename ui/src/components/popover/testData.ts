// Notifications and activities for the popover's component tests.
import type { ActivityView, NotificationView } from "../../lib/generated/types";
import { text } from "../richParts";

export function notification(id: number, subject: string, extra: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    app: "admin_notifications",
    datetime: new Date(Date.UTC(2026, 10, 25, 12, id)).toISOString(),
    subject: [text(subject)],
    subject_text: subject,
    message: [],
    link: null,
    icon: null,
    actions: [],
    ...extra,
  };
}

export function activity(id: number, subject: string, extra: Partial<ActivityView> = {}): ActivityView {
  return {
    id,
    datetime: new Date(Date.UTC(2026, 10, 25, 12, 0, id)).toISOString(),
    app: "spreed",
    kind: "spreed",
    subject: [text(subject)],
    message: [],
    icon: null,
    link: null,
    previews: [],
    download: null,
    ...extra,
  };
}

/** `count` activities with ids from `newest` down. */
export function activities(newest: number, count: number): ActivityView[] {
  return Array.from({ length: count }, (_, i) => activity(newest - i, `Thing ${newest - i}`));
}
