// Notifications and activities for the popover's component tests.
import type { Activity, Notification } from "../../lib/generated/types";

export function notification(id: number, subject: string, extra: Partial<Notification> = {}): Notification {
  return {
    notification_id: id,
    app: "admin_notifications",
    user: "admin",
    datetime: new Date(Date.UTC(2026, 10, 25, 12, id)).toISOString(),
    object_type: "admin_notifications",
    object_id: String(id),
    subject,
    message: null,
    link: null,
    subjectRich: null,
    subjectRichParameters: {},
    messageRich: null,
    messageRichParameters: {},
    icon: null,
    shouldNotify: true,
    actions: [],
    ...extra,
  };
}

export function activity(id: number, subject: string, extra: Partial<Activity> = {}): Activity {
  return {
    activity_id: id,
    datetime: new Date(Date.UTC(2026, 10, 25, 12, 0, id)).toISOString(),
    app: "spreed",
    type: "spreed",
    user: "admin",
    affecteduser: "admin",
    subject,
    subject_rich: [subject, {}],
    message: null,
    message_rich: ["", {}],
    icon: null,
    link: null,
    object_type: null,
    object_id: null,
    object_name: null,
    objects: {},
    previews: [],
    ...extra,
  };
}

/** `count` activities with ids from `newest` down. */
export function activities(newest: number, count: number): Activity[] {
  return Array.from({ length: count }, (_, i) => activity(newest - i, `Thing ${newest - i}`));
}
