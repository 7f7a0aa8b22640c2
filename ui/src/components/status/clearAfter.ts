// "Clear after" choices and clear-at times in words. The choice goes to the daemon as it is;
// the time the server clears a message is worked out there (crates/engine/src/clear_after.rs).
import { t, type TextId } from "../../lib/i18n";
import type { ClearAfter, PredefinedClear } from "../../lib/generated/types";
import { formatDate, sameDay } from "../../lib/intl";

export type { ClearAfter };

export const CLEAR_AFTER_CHOICES: readonly ClearAfter[] = [
  "dont-clear",
  "thirty-minutes",
  "one-hour",
  "four-hours",
  "today",
  "this-week",
];

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** The choices that are a fixed period, in seconds (a preset keeps only those). */
const PERIODS: Partial<Record<ClearAfter, number>> = {
  "thirty-minutes": 30 * MINUTE,
  "one-hour": HOUR,
  "four-hours": 4 * HOUR,
};

/** The choices a preset can keep: it stores seconds from applying, not an end of day/week. */
const PRESET_CLEAR_AFTER_CHOICES = CLEAR_AFTER_CHOICES.filter(
  (choice) => choice === "dont-clear" || choice in PERIODS,
);

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

/** When a predefined message clears, in words: "30 minutes", "Today"… */
export function describePredefinedClear(clears: PredefinedClear): string {
  switch (clears.kind) {
    case "never":
      return clearAfterLabel("dont-clear");
    case "after":
      return describeSeconds(clears.seconds);
    case "end_of_day":
      return clearAfterLabel("today");
    case "end_of_week":
      return clearAfterLabel("this-week");
  }
}

/** A clearAt as the user reads it: a time today, else a day and time. */
export function describeClearAt(clearAt: number, now: Date = new Date()): string {
  const when = new Date(clearAt * 1000);
  const format: Intl.DateTimeFormatOptions = sameDay(when, now)
    ? { hour: "2-digit", minute: "2-digit" }
    : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return formatDate(when, format);
}
