// Rich object strings ("{actor} shared {file}") cut into text and objects, the same way the
// Rust side does (crates/nextcloud/src/talk/rich.rs): a `{key}` is an object only when the
// parameters have that key; every other character stays text. Nothing here makes HTML: the
// component renders text parts as text nodes and objects as its own elements.
import type { JsonValue } from "../../lib/generated/types";

/** One object of a rich object string, with the fields the chat uses. */
export interface RichObject {
  type: string;
  id: string;
  name: string;
  mentionId: string | null;
  link: string | null;
  server: string | null;
}

export type RichPart = { kind: "text"; text: string } | { kind: "object"; key: string; object: RichObject };

function field(value: JsonValue | undefined): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** The object of a parameter, or null when it is no object. */
export function richObject(value: JsonValue | undefined): RichObject | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  return {
    type: field(value["type"]) ?? "",
    id: field(value["id"]) ?? "",
    name: field(value["name"]) ?? "",
    mentionId: field(value["mention-id"]),
    link: field(value["link"]),
    server: field(value["server"]),
  };
}

const KEY = /^[A-Za-z0-9_.-]+/;

export function richParts(text: string, parameters: { [key: string]: JsonValue }): RichPart[] {
  const parts: RichPart[] = [];
  let textStart = 0;
  let from = 0;
  for (;;) {
    const open = text.indexOf("{", from);
    if (open < 0) break;
    const key = KEY.exec(text.slice(open + 1))?.[0] ?? "";
    const close = open + 1 + key.length;
    const object = key && text[close] === "}" && Object.hasOwn(parameters, key) ? richObject(parameters[key]) : null;
    if (object) {
      if (textStart < open) parts.push({ kind: "text", text: text.slice(textStart, open) });
      parts.push({ kind: "object", key, object });
      textStart = close + 1;
      from = textStart;
    } else {
      from = open + 1;
    }
  }
  if (textStart < text.length) parts.push({ kind: "text", text: text.slice(textStart) });
  return parts;
}

/** What an object reads as: mentions as `@Name`, everything else by its name. */
export function objectLabel(key: string, object: RichObject): string {
  const name = object.name || object.id;
  return key.startsWith("mention-") ? `@${name}` : name;
}

/** The rich object string as plain text (previews, quotes). */
export function plainText(text: string, parameters: { [key: string]: JsonValue }): string {
  return richParts(text, parameters)
    .map((part) => (part.kind === "text" ? part.text : objectLabel(part.key, part.object)))
    .join("");
}
