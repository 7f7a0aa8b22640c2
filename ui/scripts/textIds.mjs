// Writes src/lib/generated/textIds.ts from the English catalogue (locales/en/ui.ftl), so
// that t() accepts exactly the ids English has: `npm run text-ids` after changing it.
// src/lib/textIds.test.ts fails while the written file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FluentResource } from "@fluent/bundle";

export const ENGLISH_CATALOGUE = fileURLToPath(new URL("../../locales/en/ui.ftl", import.meta.url));
export const TEXT_IDS_FILE = fileURLToPath(new URL("../src/lib/generated/textIds.ts", import.meta.url));

/** The message ids of a Fluent source, in their order (terms, `-name`, are not messages). */
export function messageIds(source) {
  return new FluentResource(source).body.map((entry) => entry.id).filter((id) => !id.startsWith("-"));
}

/** The TypeScript the ids become. */
export function textIdsModule(source) {
  const lines = messageIds(source).map((id) => `  | ${JSON.stringify(id)}`);
  return [
    "// Written by ui/scripts/textIds.mjs from locales/en/ui.ftl: do not edit, run `npm run text-ids`.",
    "export type TextId =",
    ...lines.slice(0, -1),
    `${lines.at(-1)};`,
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TEXT_IDS_FILE, textIdsModule(readFileSync(ENGLISH_CATALOGUE, "utf8")));
  console.log(`wrote ${TEXT_IDS_FILE}`);
}
