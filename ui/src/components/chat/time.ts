// Message times in the user's locale.

/** `14:03` */
export function clockTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

/** The full date and time, for a tooltip. */
export function fullTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString();
}

/** The day a message belongs to, for the separators between days (`Wednesday, 26 November`). */
export function dayLabel(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
  });
}

/** Whether two times fall on different local days. */
export function newDay(previous: number | null, current: number): boolean {
  if (previous === null) return true;
  return new Date(previous * 1000).toDateString() !== new Date(current * 1000).toDateString();
}
