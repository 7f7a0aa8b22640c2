import { describe, expect, it } from "vitest";
import {
  CLEAR_AFTER_CHOICES,
  clearAfterLabel,
  describePredefinedClear,
  presetDurations,
} from "./clearAfter";
import type { PredefinedClear } from "../../lib/generated/types";

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

describe("describePredefinedClear names when a predefined message clears", () => {
  it.each([
    [{ kind: "never" }, "Don't clear"],
    [{ kind: "after", seconds: 1800 }, "30 minutes"],
    [{ kind: "after", seconds: 3600 }, "1 hour"],
    [{ kind: "after", seconds: 14400 }, "4 hours"],
    [{ kind: "after", seconds: 900 }, "15 minutes"],
    [{ kind: "end_of_day" }, "Today"],
    [{ kind: "end_of_week" }, "This week"],
  ] as [PredefinedClear, string][])("%j is %s", (clears, words) => {
    expect(describePredefinedClear(clears)).toBe(words);
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
