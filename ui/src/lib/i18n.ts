// Every text the windows show lives in ./text/ (one file per window), ready for translation:
// a translation is another set of objects of the same shape.
import { common } from "./text/common";
import { popover } from "./text/popover";
import { status } from "./text/status";
import { chat } from "./text/chat";
import { accounts } from "./text/accounts";

const en = { ...common, ...popover, ...status, ...chat, ...accounts };

export type TextKey = keyof typeof en;

/** The text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  return (en[key] as string).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
