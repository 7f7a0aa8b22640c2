// The catalogues and the code agree: t() accepts exactly English's ids (textIds.ts is
// current), the code uses no id English lacks (not even through a cast), and every
// translation has only English's messages, with English's variables.
import { describe, expect, it } from "vitest";
import { FluentResource } from "@fluent/bundle";
import { messageIds, textIdsModule } from "../../scripts/textIdsModule.mjs";

// Read as text by vite, like the catalogues the windows bundle.
const raw = (files: Record<string, unknown>) => files as Record<string, string>;
const catalogues = raw(
  import.meta.glob("../../../locales/*/ui.ftl", { query: "?raw", import: "default", eager: true }),
);
const generated = raw(import.meta.glob("./generated/textIds.ts", { query: "?raw", import: "default", eager: true }));
const code = raw(
  import.meta.glob(["../**/*.ts", "../**/*.svelte", "!../**/*.test.ts", "!./generated/**"], {
    query: "?raw",
    import: "default",
    eager: true,
  }),
);

const languageOf = (path: string) => path.split("/").at(-2)!;
const english = Object.entries(catalogues).find(([path]) => languageOf(path) === "en")![1];
const englishIds = new Set(messageIds(english));

/** The ids `t(…)` is called with in `code`: whole ids, and the fixed start of a template
 * literal (`accounts-connection-` from `t(\`accounts-connection-${x}\`)`). */
function usedIds(code: string): { whole: string[]; prefixes: string[] } {
  const whole = [...code.matchAll(/\bt\(\s*["']([^"']+)["']/g)].map((m) => m[1]);
  const prefixes = [...code.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)].map((m) => m[1]);
  return { whole, prefixes };
}

/** The variables a message uses, from Fluent's syntax tree: `{ $name }` anywhere in it,
 * selectors and variants included. */
function variables(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => variables(child, found));
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "var" && typeof record.name === "string") found.add(record.name);
    Object.values(record).forEach((child) => variables(child, found));
  }
  return found;
}

function messagesOf(source: string): Map<string, Set<string>> {
  return new Map(
    new FluentResource(source).body
      .filter((entry) => !entry.id.startsWith("-"))
      .map((entry) => [entry.id, variables(entry)]),
  );
}

describe("the text ids", () => {
  it("are the English catalogue's (run `npm run text-ids` after changing it)", () => {
    expect(generated["./generated/textIds.ts"]).toBe(textIdsModule(english));
  });

  it("used by the code all exist in English", () => {
    const missing: string[] = [];
    let calls = 0;
    for (const [file, text] of Object.entries(code)) {
      const { whole, prefixes } = usedIds(text);
      calls += whole.length + prefixes.length;
      for (const id of whole) if (!englishIds.has(id)) missing.push(`${file}: ${id}`);
      for (const prefix of prefixes) {
        if (![...englishIds].some((id) => id.startsWith(prefix))) missing.push(`${file}: ${prefix}…`);
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("are found in calls, casts and template literals alike", () => {
    expect(usedIds('t("a-b", { n }); t(`c-${x}`); t("d" as TextId)')).toEqual({
      whole: ["a-b", "d"],
      prefixes: ["c-"],
    });
  });
});

describe("every translation of the windows", () => {
  const englishMessages = messagesOf(english);
  const translations = Object.entries(catalogues)
    .map(([path, source]) => [languageOf(path), source])
    .filter(([language]) => language !== "en");

  if (translations.length === 0) it.todo("no translation in locales/ yet");
  else it.each(translations)("%s has only English's messages, with English's variables", (_language, source) => {
    const problems: string[] = [];
    for (const [id, used] of messagesOf(source)) {
      const expected = englishMessages.get(id);
      if (!expected) {
        problems.push(`${id}: not in English`);
        continue;
      }
      const missing = [...expected].filter((name) => !used.has(name));
      const unknown = [...used].filter((name) => !expected.has(name));
      if (missing.length) problems.push(`${id}: lacks { $${missing.join(" }, { $")} }`);
      if (unknown.length) problems.push(`${id}: English has no { $${unknown.join(" }, { $")} }`);
    }
    expect(problems).toEqual([]);
  });
});
