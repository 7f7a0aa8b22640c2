/// <reference types="vite/client" />
// Every text the windows show comes from the Fluent catalogues at the repository's root,
// locales/<language>/ui.ftl (English is the source, the others translate it). All found at
// build time are bundled; a message a translation lacks or cannot format falls back to
// English, message by message, so a half-done translation never leaves a hole.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { TextId } from "./generated/textIds";
import { shown } from "./language.svelte";

export type { TextId };

const sources = import.meta.glob<string>("../../../locales/*/ui.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** "de" from ".../locales/de/ui.ftl". */
function languageOf(path: string): string {
  return path.split("/").at(-2)!;
}

/** Languages written right to left (Intl.Locale's text info is not in every webview yet). */
const RIGHT_TO_LEFT = new Set(["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"]);

/** A bundle for `language` from Fluent source; parse errors are skipped message by message
 * (Fluent's parser does this), so one broken entry costs one message, not the language. */
export function bundleFor(language: string, source: string): FluentBundle {
  // Isolation marks keep a Latin name inside Arabic text (or the reverse) from reordering
  // its neighbours; left-to-right languages have no need of them, and they would stay
  // invisible but present in every copied text.
  const useIsolating = RIGHT_TO_LEFT.has(language.split("-")[0]);
  const bundle = new FluentBundle(language, { useIsolating });
  bundle.addResource(new FluentResource(source));
  return bundle;
}

/** Every catalogue's source by language; parsed only when a window shows that language. */
const catalogues = new Map<string, string>(
  Object.entries(sources).map(([path, source]) => [languageOf(path), source]),
);

/** The catalogues parsed so far: a window parses the language it shows and English, not all
 * of them (each parsed catalogue is a few hundred kB of the web process's heap). */
const bundles = new Map<string, FluentBundle>();

function parsed(language: string): FluentBundle | undefined {
  let bundle = bundles.get(language);
  const source = catalogues.get(language);
  if (!bundle && source !== undefined) {
    bundle = bundleFor(language, source);
    bundles.set(language, bundle);
  }
  return bundle;
}

const english = parsed("en")!;

/** The languages that have a catalogue, e.g. ["ar", "de", "en", …]. */
export function catalogueLanguages(): string[] {
  return [...catalogues.keys()].sort();
}

/** Adds (or replaces) a language's catalogue: for tests of languages whose translation the
 * repository does not have yet. */
export function addCatalogue(language: string, source: string): void {
  catalogues.set(language, source);
  bundles.delete(language);
}

/** The bundle for a requested language: exactly it ("pt-BR"), else its base ("de" for
 * "de-AT"), else English. */
export function bundleOf(language: string): FluentBundle {
  return parsed(language) ?? parsed(language.split("-")[0]) ?? english;
}

export type TextValues = Record<string, FluentVariable>;

/** `id`'s text in `bundle`, or null when it lacks the message or cannot format it (a
 * variable it uses is not given, say). */
function format(bundle: FluentBundle, id: string, values: TextValues): string | null {
  const message = bundle.getMessage(id);
  if (!message?.value) return null;
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, values, errors);
  return errors.length === 0 ? text : null;
}

/** The text `id` in `bundle`, falling back to English; the id itself if English lacks it
 * too (cannot happen for a TextId while textIds.ts is current, which a test checks). */
export function translate(bundle: FluentBundle, id: string, values: TextValues = {}): string {
  return format(bundle, id, values) ?? format(english, id, values) ?? id;
}

/** The text `id` in the language shown now, with `{ $name }` filled from `values`. Called
 * from a template, it redraws when the language changes. */
export function t(id: TextId, values: TextValues = {}): string {
  return translate(bundleOf(shown.view.language), id, values);
}
