// The TypeScript of src/lib/generated/textIds.ts, from the English catalogue's source: used by
// textIds.mjs to write it and by src/lib/catalogues.test.ts to check it is current.
import { FluentResource } from "@fluent/bundle";

/** The message ids of a Fluent source, in their order (terms, `-name`, are not messages). */
export function messageIds(source) {
  return new FluentResource(source).body.map((entry) => entry.id).filter((id) => !id.startsWith("-"));
}

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
