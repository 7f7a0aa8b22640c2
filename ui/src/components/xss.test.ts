// Every payload of the XSS corpus (tests/fixtures/xss/payloads.txt, shared with the end-to-end
// test in tests/tests/xss.rs) rendered through RichText and the chat's message component, in
// every place server text goes: the payload must change only text and attribute values. Each
// render is compared with one where a harmless word stands in every place: the same elements
// with the same attribute names, and the same text with the word replaced by the payload.
// jsdom runs no script and loads no image, so the shape of the DOM is what tells here; the
// real webview test reads the marker the payloads set.
import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { ChatEntry, RichPart } from "../lib/generated/types";
import RichText from "./RichText.svelte";
import MessageItem from "./chat/MessageItem.svelte";
import { entry } from "./chat/testData";
import { mention, object, text as textPart } from "./richParts";

// Vitest runs in Node; the front end carries no Node types, so the one function used is typed
// here.
type NodeFs = { readFileSync(path: string, encoding: "utf8"): string };
const { readFileSync } = (
  globalThis as unknown as { process: { getBuiltinModule(id: "node:fs"): NodeFs } }
).process.getBuiltinModule("node:fs");
// Through a variable: Vite rewrites `new URL(…, import.meta.url)` into an asset URL.
const thisFile = import.meta.url;
const corpusPath = new URL("../../../tests/fixtures/xss/payloads.txt", thisFile).pathname;
const corpus = readFileSync(decodeURIComponent(corpusPath), "utf8");
const PAYLOADS = corpus.split("\n").filter((line) => line !== "" && !line.startsWith("# "));

/** Stands where a payload goes in the baseline render; no payload contains it. */
const WORD = "HARMLESS";

/** The elements and their attribute names, without text and attribute values. */
function shape(element: Element): string {
  const names = [...element.attributes].map((attribute) => attribute.name).sort();
  const children = [...element.children].map(shape).join("");
  return `<${element.localName} ${names.join(" ")}>${children}</${element.localName}>`;
}

/** What the payloads set when they run. */
function marker(): unknown {
  return (window as { __xss?: unknown }).__xss;
}

/** The shape and text of what `draw` rendered for `text`. */
function drawn(draw: (text: string) => Element, text: string) {
  const container = draw(text);
  return { shape: shape(container), text: container.textContent ?? "" };
}

/** Renders with the payload and with the harmless word, and compares the two. */
function expectOnlyText(draw: (text: string) => Element, payload: string) {
  const baseline = drawn(draw, WORD);
  const attacked = drawn(draw, payload);
  expect(attacked.shape).toBe(baseline.shape);
  expect(attacked.text).toBe(baseline.text.replaceAll(WORD, payload));
  expect(marker()).toBeUndefined();
}

/**
 * Rich objects named by the text, as the daemon sends them: users, a mention, and files with
 * and without an http(s) link (the daemon drops any other link).
 */
function objects(text: string) {
  return {
    actor: object({ key: "actor", object_type: "user", id: text, name: text, person: true }),
    object: object({ key: "object", object_type: "file", id: "7", name: text }),
    mention: mention("mention-user1", "bob", text),
    attachment: object({ key: "attachment", object_type: "file", id: "8", name: text, link: "https://cloud.example/f/8" }),
  };
}

const noop = () => {};

function message(chatEntry: ChatEntry): Element {
  const handlers = { onreply: noop, onreact: noop, onjump: noop, onopenlink: noop };
  return render(MessageItem, { props: { entry: chatEntry, ownId: "admin", ...handlers } }).container;
}

describe("the XSS corpus", () => {
  it("holds the payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(PAYLOADS.some((payload) => payload.includes(WORD))).toBe(false);
  });

  it.each(PAYLOADS)("stays text in RichText, as text and as names: %s", (payload) => {
    const draw = (text: string) =>
      render(RichText, {
        props: { parts: [textPart(`${text} `), objects(text).actor, textPart(` ${text} `), objects(text).object, objects(text).attachment], onopenlink: noop },
      }).container;
    expectOnlyText(draw, payload);
  });

  it.each(PAYLOADS)("stays text in a chat message, its author, quote and reaction: %s", (payload) => {
    const draw = (text: string) =>
      message(
        entry(9, text, {
          actor_id: text,
          author: text,
          parts: [textPart(`${text} `), objects(text).mention, textPart(" "), objects(text).attachment] as RichPart[],
          parent: { id: 3, author: text, text, deleted: false },
          reactions: [{ emoji: text, count: 2, mine: false }],
        }),
      );
    expectOnlyText(draw, payload);
  });

  it.each(PAYLOADS)("stays text in a system message: %s", (payload) => {
    const draw = (text: string) =>
      message(
        entry(1, text, {
          system_message: "conversation_renamed",
          parts: [objects(text).actor, textPart(` renamed the conversation to ${text}`)],
        }),
      );
    expectOnlyText(draw, payload);
  });
});
