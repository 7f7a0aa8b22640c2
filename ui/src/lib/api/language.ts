import { call } from "../ipc";

/** The language the windows speak, as the Rust side decided it (src-tauri, command
 * `app_language` and event `language-changed`). */
export interface LanguageView {
  /** The catalogue's language: "de", "pt-BR". */
  language: string;
  /** For dates and numbers, which may differ from the language: "de-CH". */
  locale: string;
  direction: "ltr" | "rtl";
  /** The Nextcloud user's time zone ("Europe/Berlin"); null: the desktop's. */
  time_zone: string | null;
  /** The override in the settings; null = automatic (from Nextcloud or the desktop). */
  choice: string | null;
  /** The languages a person may choose, each named in its own language. */
  available: { id: string; name: string }[];
}

export const language = {
  current: () => call<LanguageView>("app_language"),
  /** `null` goes back to automatic. The new view arrives as a `language-changed` event. */
  choose: (choice: string | null) => call<void>("set_language", { choice }),
};
