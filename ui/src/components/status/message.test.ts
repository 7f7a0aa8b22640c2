import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, isSingleEmoji, isTooLong, messageLength } from "./message";

describe("messageLength counts characters as the server does (code points)", () => {
  it("counts letters one each", () => {
    expect(messageLength("")).toBe(0);
    expect(messageLength("In a meeting")).toBe(12);
  });

  it("counts an emoji outside the BMP once, not as its two UTF-16 units", () => {
    expect("😀".length).toBe(2);
    expect(messageLength("😀")).toBe(1);
    expect(messageLength("On 🌴!")).toBe(5);
  });

  it("counts a combining accent and a skin tone as the extra code points they are", () => {
    expect(messageLength("e\u0301")).toBe(2); // é decomposed
    expect(messageLength("\u00e9")).toBe(1); // é precomposed
    expect(messageLength("👍🏽")).toBe(2);
  });

  it("refuses more than 80 characters, however many bytes they take", () => {
    expect(MESSAGE_LIMIT).toBe(80);
    expect(isTooLong("a".repeat(80))).toBe(false);
    expect(isTooLong("a".repeat(81))).toBe(true);
    // 80 emoji are 160 UTF-16 units and 320 bytes, and still allowed.
    expect(isTooLong("🌴".repeat(80))).toBe(false);
    expect(isTooLong("🌴".repeat(81))).toBe(true);
  });
});

describe("isSingleEmoji allows exactly one emoji", () => {
  it.each(["🌴", "☕", "❤️", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"])(
    "accepts %s",
    (emoji) => expect(isSingleEmoji(emoji)).toBe(true),
  );

  it.each(["", "a", "1", "#", "🌴🌴", "🌴a", "a🌴", " 🌴", "ab", "é", "\u200d"])(
    "refuses %j",
    (text) => expect(isSingleEmoji(text)).toBe(false),
  );
});
