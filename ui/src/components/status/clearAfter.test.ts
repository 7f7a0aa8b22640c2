import { describe, expect, it } from "vitest";
import {
  CLEAR_AFTER_CHOICES,
  clearAfterLabel,
  describePredefinedClearAt,
  presetDurations,
} from "./clearAfter";

describe("the clear-after choices", () => {
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
