// Every text the windows show, in one place, ready for translation: a translation is another
// object of the same shape.
const en = {
  "app.name": "nctray",
} as const;

export type TextKey = keyof typeof en;

/** The text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
