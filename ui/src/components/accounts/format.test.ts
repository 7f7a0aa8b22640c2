import { describe, expect, it } from "vitest";
import { appName, connectionText, interval, pollChoices, remaining } from "./format";

describe("accounts format", () => {
  it("shows what is left of a sign-in as minutes and seconds", () => {
    expect(remaining(20 * 60)).toBe("20:00");
    expect(remaining(1145.7)).toBe("19:05");
    expect(remaining(-3)).toBe("0:00");
  });

  it("says intervals in seconds or whole minutes", () => {
    expect(interval(30)).toBe("30 s");
    expect(interval(120)).toBe("2 min");
    expect(interval(90)).toBe("90 s");
  });

  it("names known apps and shows others by id", () => {
    expect(appName("spreed")).toBe("Talk");
    expect(appName("deck")).toBe("deck");
    expect(connectionText("sign_in_needed")).toContain("Sign-in needed");
  });

  it("keeps an interval set by hand among the choices", () => {
    expect(pollChoices(null)).toEqual([null, 30, 60, 120, 300, 600, 1800]);
    expect(pollChoices(60)).toEqual([null, 30, 60, 120, 300, 600, 1800]);
    expect(pollChoices(1)).toEqual([null, 1, 30, 60, 120, 300, 600, 1800]);
  });
});
