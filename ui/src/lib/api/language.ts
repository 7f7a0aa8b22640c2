import * as commands from "../generated/commands";
import type { LanguageView } from "../generated/types";

/** The language the windows speak, as the Rust side decided it (`app_language`, and the
 * event `language-changed` when it changes). */
export type { LanguageView };

export const language = {
  current: commands.appLanguage,
  /** `null` goes back to automatic. The new view also arrives as a `language-changed` event. */
  choose: commands.setLanguage,
};
