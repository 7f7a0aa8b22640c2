import { describe, expect, it } from "vitest";
import { plainText, richParts } from "./richText";

const mention = { type: "user", id: "admin", name: "Admin", "mention-id": "admin" };

describe("richParts cuts like the Rust side", () => {
  it("makes objects of known placeholders only and loses no character", () => {
    const params = { "mention-user1": mention, file: { type: "file", id: 42, name: "a.txt" } };
    for (const text of ["", "{", "}", "{}", "{file", "{{file}}", "{unknown} and {file}", "a {fi le} b", "<b>{file}</b>", "{ü}"]) {
      const joined = richParts(text, params)
        .map((part) => (part.kind === "text" ? part.text : `{${part.key}}`))
        .join("");
      expect(joined).toBe(text);
    }
    const parts = richParts("hi {mention-user1}!", params);
    expect(parts.map((p) => p.kind)).toEqual(["text", "object", "text"]);
    expect(parts[1]).toMatchObject({ kind: "object", key: "mention-user1", object: { id: "admin", mentionId: "admin" } });
    expect(richParts("{file}", params)[0]).toMatchObject({ object: { id: "42", type: "file" } });
  });

  it("leaves a placeholder whose parameter is no object as text", () => {
    expect(richParts("{bad}", { bad: "text" })).toEqual([{ kind: "text", text: "{bad}" }]);
    expect(richParts("{toString}", {})).toEqual([{ kind: "text", text: "{toString}" }]);
  });

  it("reads mentions as @Name and other objects by name", () => {
    const params = { "mention-user1": mention, actor: { type: "user", id: "bob", name: "Bob" } };
    expect(plainText("{actor} asked {mention-user1}", params)).toBe("Bob asked @Admin");
  });
});
