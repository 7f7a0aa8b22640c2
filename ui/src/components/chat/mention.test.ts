import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt } from "./mention";

describe("mentionQueryAt finds the @word being typed", () => {
  it.each([
    ["@", 1, ""],
    ["@ca", 3, "ca"],
    ["hi @ca", 6, "ca"],
    ["line\n@b", 7, "b"],
    ["(@bo", 4, "bo"],
  ])("%j at %i searches %j", (text, caret, search) => {
    expect(mentionQueryAt(text, caret)?.search).toBe(search);
  });

  it.each([
    ["mail me@example.com", 19],
    ["hi @carol ", 10],
    ["no mention", 10],
    ["@@x", 3],
  ])("%j at %i is no mention", (text, caret) => {
    expect(mentionQueryAt(text, caret)).toBeNull();
  });

  it("looks only before the caret", () => {
    expect(mentionQueryAt("hi @carol and more", 6)).toEqual({ start: 3, search: "ca" });
  });
});

describe("insertMention writes the choice in", () => {
  it("replaces the typed word, adds a space and puts the caret after it", () => {
    const query = mentionQueryAt("hi @ca", 6)!;
    expect(insertMention("hi @ca", query, 6, "@carol")).toEqual({ text: "hi @carol ", caret: 10 });
  });

  it("replaces the rest of the word under the caret and keeps what follows", () => {
    const query = mentionQueryAt("hi @carxx how", 6)!;
    expect(insertMention("hi @carxx how", query, 6, '@"c d"')).toEqual({ text: 'hi @"c d" how', caret: 10 });
  });
});
