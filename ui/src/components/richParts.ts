// Rich parts for component tests, written out as the daemon sends them.
import type { RichObject, RichPart } from "../lib/generated/types";

export function text(text: string): RichPart {
  return { kind: "text", text };
}

/** An object; its label is its name unless given. */
export function object(fields: Partial<RichObject> & Pick<RichObject, "key" | "object_type" | "id">): RichPart {
  const name = fields.name ?? fields.id;
  return {
    kind: "object",
    name,
    label: name,
    person: false,
    mention: false,
    link: null,
    ...fields,
  };
}

/** A `{mention-…}` of a user. */
export function mention(key: string, id: string, name: string): RichPart {
  return object({ key, object_type: "user", id, name, label: `@${name}`, person: true, mention: true });
}

/** What the parts read as, for test fakes that search text. */
export function plain(parts: RichPart[]): string {
  return parts.map((part) => (part.kind === "text" ? part.text : part.label)).join("");
}
