// The language every window shows, kept current: read once at start, then replaced whenever
// the Rust side announces a change (settings, or the Nextcloud user's language). Reading
// `shown.view` in a template or effect makes it redraw on change, no restart needed.
import { listen } from "@tauri-apps/api/event";
import { events } from "./ipc";
import { language, type LanguageView } from "./api/language";

/** English until the Rust side answers: also what tests see unless they set another. */
export const ENGLISH: LanguageView = {
  language: "en",
  locale: "en",
  direction: "ltr",
  time_zone: null,
  choice: null,
  available: [],
};

export const shown = $state({ view: ENGLISH });

/** Shows `view` from now on; `<html lang dir>` follows, for screen readers and RTL. */
export function showLanguage(view: LanguageView): void {
  shown.view = view;
  document.documentElement.lang = view.language;
  document.documentElement.dir = view.direction;
}

/** Reads the language (before the first draw, so it does not flash English) and follows
 * its changes. A failure leaves English: the windows work, untranslated. */
export async function followLanguage(): Promise<void> {
  listen<LanguageView>(events.languageChanged, (event) => showLanguage(event.payload));
  try {
    showLanguage(await language.current());
  } catch {
    showLanguage(ENGLISH);
  }
}
