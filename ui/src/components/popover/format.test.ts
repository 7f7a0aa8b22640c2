import { describe, expect, it } from "vitest";
import { formatBytes, relativeTime } from "./format";

describe("format", () => {
  const now = new Date("2026-11-25T12:00:00Z");

  it("says how long ago", () => {
    expect(relativeTime("2026-11-25T11:59:40Z", now)).toMatch(/now/);
    expect(relativeTime("2026-11-25T11:55:00Z", now)).toMatch(/5 minutes ago/);
    expect(relativeTime("2026-11-24T12:00:00Z", now)).toMatch(/yesterday/);
    expect(relativeTime("not a time", now)).toBe("");
  });

  it("sizes in powers of 1024", () => {
    expect(formatBytes(512)).toMatch(/^512\s?byte/);
    expect(formatBytes(1_610_612_736)).toMatch(/^1\.5\s?GB$/);
    expect(formatBytes(-3)).toMatch(/^0\s?byte/);
  });
});
