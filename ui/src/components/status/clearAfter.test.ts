import { describe, expect, it } from "vitest";
import {
  CLEAR_AFTER_CHOICES,
  clearAfterLabel,
  clearAtFor,
  describePredefinedClearAt,
  presetDurations,
} from "./clearAfter";

// Dates are built from local fields, so the expectations hold in any time zone.
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
// Wednesday 25 November 2026, 14:30:15 local time.
const wednesday = new Date(2026, 10, 25, 14, 30, 15);

describe("clearAtFor turns a clear-after choice into the clearAt to send", () => {
  it("offers the six choices in order", () => {
    expect(CLEAR_AFTER_CHOICES.map(clearAfterLabel)).toEqual([
      "Don't clear",
      "30 minutes",
      "1 hour",
      "4 hours",
      "Today",
      "This week",
    ]);
  });

  it("never clears for don't clear", () => {
    expect(clearAtFor("dont-clear", wednesday)).toBeNull();
  });

  it("adds the period to now", () => {
    const now = seconds(wednesday);
    expect(clearAtFor("thirty-minutes", wednesday)).toBe(now + 30 * 60);
    expect(clearAtFor("one-hour", wednesday)).toBe(now + 3600);
    expect(clearAtFor("four-hours", wednesday)).toBe(now + 4 * 3600);
  });

  it("clears today at the next local midnight", () => {
    expect(clearAtFor("today", wednesday)).toBe(seconds(new Date(2026, 10, 26)));
    const lateAtNight = new Date(2026, 11, 31, 23, 59, 59);
    expect(clearAtFor("today", lateAtNight)).toBe(seconds(new Date(2027, 0, 1)));
  });

  it("clears this week at the next local Monday 00:00", () => {
    const nextMonday = seconds(new Date(2026, 10, 30));
    expect(clearAtFor("this-week", wednesday)).toBe(nextMonday);
    expect(clearAtFor("this-week", new Date(2026, 10, 29, 23, 0))).toBe(nextMonday); // Sunday
    // On a Monday morning, the week ends on the Monday after.
    expect(clearAtFor("this-week", new Date(2026, 10, 30, 0, 0, 1))).toBe(
      seconds(new Date(2026, 11, 7)),
    );
  });

  it("always lands in the future", () => {
    for (const choice of CLEAR_AFTER_CHOICES.slice(1)) {
      expect(clearAtFor(choice, wednesday)!).toBeGreaterThan(seconds(wednesday));
    }
  });
});

describe("describePredefinedClearAt names the server's clear-at", () => {
  it.each([
    [null, "Don't clear"],
    [{ type: "period", time: 1800 }, "30 minutes"],
    [{ type: "period", time: 3600 }, "1 hour"],
    [{ type: "period", time: "14400" }, "4 hours"],
    [{ type: "period", time: 900 }, "15 minutes"],
    [{ type: "end-of", time: "day" }, "Today"],
    [{ type: "end-of", time: "week" }, "This week"],
  ])("%j is %s", (clearAt, words) => {
    expect(describePredefinedClearAt(clearAt)).toBe(words);
  });
});

describe("presetDurations", () => {
  it("offers the periods, since a preset keeps seconds from applying", () => {
    expect(presetDurations()).toEqual([
      { seconds: null, label: "Don't clear" },
      { seconds: 1800, label: "30 minutes" },
      { seconds: 3600, label: "1 hour" },
      { seconds: 14400, label: "4 hours" },
    ]);
  });

  it("keeps a duration set elsewhere as one more choice", () => {
    expect(presetDurations(7200).at(-1)).toEqual({ seconds: 7200, label: "2 hours" });
    expect(presetDurations(3600)).toHaveLength(4);
  });
});
