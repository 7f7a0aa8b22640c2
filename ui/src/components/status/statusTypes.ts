// The statuses a person chooses from, in the order the Nextcloud web UI shows them, and
// their names. `busy` is set only by calls, so it is named but not offered.
import { t, type TextId } from "../../lib/i18n";
import type { StatusType } from "../../lib/generated/types";

export const STATUS_CHOICES: readonly StatusType[] = [
  "online",
  "away",
  "dnd",
  "invisible",
  "offline",
];

const LABELS: Record<StatusType, TextId> = {
  online: "status-type-online",
  away: "status-type-away",
  dnd: "status-type-dnd",
  busy: "status-type-busy",
  invisible: "status-type-invisible",
  offline: "status-type-offline",
};

const HINTS: Partial<Record<StatusType, TextId>> = {
  dnd: "status-type-dnd-hint",
  invisible: "status-type-invisible-hint",
};

export function statusLabel(status: StatusType): string {
  return t(LABELS[status]);
}

export function statusHint(status: StatusType): string | null {
  const key = HINTS[status];
  return key ? t(key) : null;
}

/** "🌴 Vacationing", "Vacationing", "🌴" or "" from an icon and a message that may be missing. */
export function iconAndMessage(icon: string | null, message: string | null): string {
  return [icon, message].filter((part) => part).join(" ");
}
