import { call } from "../ipc";
import type { LanguageView } from "../generated/types";

/** The language the windows speak, as the Rust side decided it (`app_language`, and the
 * event `language-changed` when it changes). */
export type { LanguageView };

export const language = {
  current: () => call<LanguageView>("app_language"),
  /** `null` goes back to automatic. The new view arrives as a `language-changed` event. */
  choose: (choice: string | null) => call<void>("set_language", { choice }),
};
