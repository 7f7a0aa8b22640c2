// Dates, times and numbers in the user's locale ("de-CH" may differ from the language "de")
// and time zone (the Nextcloud user's; the desktop's when Rust sends none). Every window
// formats through these, so a language change redraws them too.
import { shown } from "./language.svelte";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

/** A formatter for the shown locale, made once per locale and options (lists format many). */
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object,
  make: (locale: string) => F,
): F {
  const { locale, time_zone } = shown.view;
  const key = JSON.stringify([kind, locale, time_zone, options]);
  let formatter = cache.get(key) as F | undefined;
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      // A locale or time zone this webview's Intl does not know: its own default, not a blank.
      formatter = make("en");
    }
    cache.set(key, formatter);
  }
  return formatter;
}

function timeZone(): string | undefined {
  return shown.view.time_zone ?? undefined;
}

/** `date` as the locale writes it, in the user's time zone. */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return cached("date", options, (locale) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone() });
    } catch {
      return new Intl.DateTimeFormat(locale, options);
    }
  }).format(date);
}

/** Whether two times fall on the same calendar day in the user's time zone. */
export function sameDay(a: Date, b: Date): boolean {
  const day: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
  return formatDate(a, day) === formatDate(b, day);
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached("number", options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

/** "in 5 minutes", "yesterday". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const options = { numeric: "auto" } as const;
  return cached("relative", options, (locale) => new Intl.RelativeTimeFormat(locale, options)).format(value, unit);
}
