// Message times in the user's locale and time zone.
import { formatDate, sameDay } from "../../lib/intl";

const date = (unixSeconds: number) => new Date(unixSeconds * 1000);

/** `14:03` */
export function clockTime(unixSeconds: number): string {
  return formatDate(date(unixSeconds), { hour: "2-digit", minute: "2-digit" });
}

/** The full date and time, for a tooltip. */
export function fullTime(unixSeconds: number): string {
  return formatDate(date(unixSeconds));
}

/** The day a message belongs to, for the separators between days (`Wednesday, 26 November`). */
export function dayLabel(unixSeconds: number): string {
  return formatDate(date(unixSeconds), { weekday: "long", day: "numeric", month: "long" });
}

/** Whether two times fall on different days in the user's time zone. */
export function newDay(previous: number | null, current: number): boolean {
  return previous === null || !sameDay(date(previous), date(current));
}
