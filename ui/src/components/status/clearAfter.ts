// "Clear after" as the user chooses it, turned into the clearAt the server wants (unix
// seconds), and the server's own clear-at descriptions of its predefined messages as text.
// In the webview's local time, which is the desktop's: the end of a day is the next local
// midnight, the end of a week the next local Monday 00:00 (Date handles DST changes).
import { t, type TextId } from "../../lib/i18n";
import type { PredefinedStatus } from "../../lib/generated/types";
import { formatDate, sameDay } from "../../lib/intl";

export const CLEAR_AFTER_CHOICES = [
  "dont-clear",
  "thirty-minutes",
  "one-hour",
  "four-hours",
  "today",
  "this-week",
] as const;

export type ClearAfter = (typeof CLEAR_AFTER_CHOICES)[number];

const MINUTE = 60;
const HOUR = 60 * MINUTE;

const PERIODS: Partial<Record<ClearAfter, number>> = {
  "thirty-minutes": 30 * MINUTE,
  "one-hour": HOUR,
  "four-hours": 4 * HOUR,
};

/** The choices a preset can keep: it stores seconds from applying, not an end of day/week. */
const PRESET_CLEAR_AFTER_CHOICES = CLEAR_AFTER_CHOICES.filter(
  (choice) => choice === "dont-clear" || choice in PERIODS,
);

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The next local midnight after `now`. */
export function endOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/** The next local Monday 00:00 after `now` (weeks start on Monday, as ISO weeks do). */
export function endOfWeek(now: Date): Date {
  const daysSinceMonday = (now.getDay() + 6) % 7;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysSinceMonday + 7);
}

/** The clearAt for `choice` when the message is set at `now`; `null` = never cleared. */
export function clearAtFor(choice: ClearAfter, now: Date = new Date()): number | null {
  switch (choice) {
    case "dont-clear":
      return null;
    case "today":
      return unixSeconds(endOfDay(now));
    case "this-week":
      return unixSeconds(endOfWeek(now));
    default:
      return unixSeconds(now) + PERIODS[choice]!;
  }
}

const LABELS: Record<ClearAfter, TextId> = {
  "dont-clear": "status-clearAfter-dont-clear",
  "thirty-minutes": "status-clearAfter-thirty-minutes",
  "one-hour": "status-clearAfter-one-hour",
  "four-hours": "status-clearAfter-four-hours",
  today: "status-clearAfter-today",
  "this-week": "status-clearAfter-this-week",
};

export function clearAfterLabel(choice: ClearAfter): string {
  return t(LABELS[choice]);
}

/** A duration a preset can keep, and its words. */
export interface PresetDuration {
  /** Seconds from applying; `null` = don't clear. */
  seconds: number | null;
  label: string;
}

/**
 * The durations offered for a preset. A preset made elsewhere (the command line takes any
 * number of seconds) keeps its own duration as one more choice, so editing it changes nothing
 * the user did not touch.
 */
export function presetDurations(kept: number | null = null): PresetDuration[] {
  const durations = PRESET_CLEAR_AFTER_CHOICES.map((choice) => ({
    seconds: PERIODS[choice] ?? null,
    label: clearAfterLabel(choice),
  }));
  if (kept !== null && !durations.some((duration) => duration.seconds === kept)) {
    durations.push({ seconds: kept, label: describeSeconds(kept) });
  }
  return durations;
}

/** A duration in words: "30 minutes", "1 hour", "4 hours", "90 minutes". */
export function describeSeconds(seconds: number): string {
  if (seconds === HOUR) return t("status-clearAfter-oneHour");
  if (seconds % HOUR === 0) return t("status-clearAfter-hours", { count: seconds / HOUR });
  return t("status-clearAfter-minutes", { count: Math.round(seconds / MINUTE) });
}

/** The server's clear-at of a predefined message in words: "30 minutes", "Today"… */
export function describePredefinedClearAt(clearAt: PredefinedStatus["clearAt"]): string {
  if (clearAt === null) return clearAfterLabel("dont-clear");
  if (clearAt.type === "end-of") {
    return clearAt.time === "week" ? clearAfterLabel("this-week") : clearAfterLabel("today");
  }
  const seconds = Number(clearAt.time);
  return Number.isFinite(seconds) ? describeSeconds(seconds) : clearAfterLabel("dont-clear");
}

/** A clearAt as the user reads it: a time today, else a day and time. */
export function describeClearAt(clearAt: number, now: Date = new Date()): string {
  const when = new Date(clearAt * 1000);
  const format: Intl.DateTimeFormatOptions = sameDay(when, now)
    ? { hour: "2-digit", minute: "2-digit" }
    : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return formatDate(when, format);
}
