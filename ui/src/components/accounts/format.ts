// Small pure helpers of the accounts window: times, app names, poll choices.
import { t, type TextId } from "../../lib/i18n";
import type { Connection } from "../../lib/generated/types";
import { formatDate, formatNumber } from "../../lib/intl";

/** "19:05" for 1145 seconds: what is left of the sign-in. */
export function remaining(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  // The locale's digits (Arabic-Indic in Arabic); the colon is how every locale shows a clock.
  return `${formatNumber(minutes)}:${formatNumber(whole % 60, { minimumIntegerDigits: 2 })}`;
}

/** "30 s", "5 min". */
export function interval(seconds: number): string {
  return seconds % 60 === 0 && seconds >= 60
    ? t("accounts-time-minutes", { n: seconds / 60 })
    : t("accounts-time-seconds", { n: seconds });
}

/** The apps whose ids are not the names people know them by. */
const APP_NAMES: Record<string, TextId> = {
  spreed: "accounts-app-spreed",
  files_sharing: "accounts-app-files_sharing",
  dav: "accounts-app-dav",
};

/** The app's name as people know it (Talk for spreed), else its id. */
export function appName(app: string): string {
  return Object.hasOwn(APP_NAMES, app) ? t(APP_NAMES[app]) : app;
}

export function connectionText(connection: Connection): string {
  // A template literal type: the checker insists every Connection has its text.
  return t(`accounts-connection-${connection}`);
}

/** The poll intervals offered, in seconds (null: as the server says); a value set by hand
 * in the config file is kept as a choice so that saving other settings keeps it. */
export function pollChoices(current: number | null): (number | null)[] {
  const offered: (number | null)[] = [null, 30, 60, 120, 300, 600, 1800];
  return current === null || offered.includes(current)
    ? offered
    : [...offered, current].sort((a, b) => (a ?? -1) - (b ?? -1));
}

/** A certificate's date as Rust sends it ("2026-03-01 12:00 UTC") in the user's locale and
 * time zone, which it names (the administrator comparing it may be elsewhere); anything else
 * as it came. */
export function certificateDate(utc: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC$/.exec(utc);
  if (!parts) return utc;
  const [year, month, day, hour, minute] = parts.slice(1).map(Number);
  return formatDate(new Date(Date.UTC(year, month - 1, day, hour, minute)), {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
}
