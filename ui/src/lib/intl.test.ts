import { afterEach, describe, expect, it } from "vitest";
import { ENGLISH, showLanguage } from "./language.svelte";
import { formatBytes, relativeTime } from "../components/popover/format";
import { clockTime, dayLabel, newDay } from "../components/chat/time";
import { certificateDate, remaining } from "../components/accounts/format";

afterEach(() => showLanguage(ENGLISH));

const show = (locale: string, time_zone: string | null) =>
  showLanguage({ ...ENGLISH, language: locale.split("-")[0], locale, time_zone });

describe("dates, times and numbers", () => {
  // 2026-11-25 23:30 UTC is already the 26th, 08:30, in Tokyo.
  const lateUtc = Date.UTC(2026, 10, 25, 23, 30) / 1000;

  it("are written in the user's locale", () => {
    show("de-DE", "UTC");
    expect(formatBytes(1_610_612_736)).toMatch(/^1,5\s?GB$/);
    expect(relativeTime("2026-11-24T12:00:00Z", new Date("2026-11-25T12:00:00Z"))).toBe("gestern");
    expect(dayLabel(lateUtc)).toBe("Mittwoch, 25. November");
  });

  it("are shown in the user's time zone, not the webview's", () => {
    show("en-GB", "Asia/Tokyo");
    expect(clockTime(lateUtc)).toBe("08:30");
    expect(dayLabel(lateUtc)).toBe("Thursday 26 November");
    // 14:00 and 23:30 UTC are one day in London, two in Tokyo (23:00 and 08:30).
    const afternoonUtc = lateUtc - 9.5 * 3600;
    expect(newDay(afternoonUtc, lateUtc)).toBe(true);
    show("en-GB", "Europe/London");
    expect(newDay(afternoonUtc, lateUtc)).toBe(false);
  });

  it("turn Rust's UTC certificate dates into the user's", () => {
    show("de-DE", "Europe/Berlin");
    expect(certificateDate("2026-03-01 12:00 UTC")).toBe("1. März 2026 um 13:00 MEZ");
    expect(certificateDate("soon")).toBe("soon");
  });

  it("use the locale's digits", () => {
    show("ar-EG", null);
    expect(remaining(1145)).toBe("١٩:٠٥");
  });

  it("still work with a time zone the webview does not know", () => {
    show("en-GB", "Mars/Olympus_Mons");
    expect(clockTime(lateUtc)).toMatch(/^\d\d:30$/);
  });
});
