// The rules the server applies to a custom status message, checked before anything is sent.

/** The server's limit on a status message. */
export const MESSAGE_LIMIT = 80;

/**
 * The length of a message as the server counts it: Unicode code points (PHP's mb_strlen), not
 * UTF-16 units (`"😀".length` is 2) and not bytes. A letter with a combining accent is two, as
 * the server sees it, so a message the counter accepts is one the server accepts.
 */
export function messageLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function isTooLong(text: string): boolean {
  return messageLength(text) > MESSAGE_LIMIT;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
// Every code point of an emoji is a pictograph or an emoji component (skin tones, ZWJ,
// variation selectors, keycap, regional indicators, tags, and the digits and #* of keycaps).
const EMOJI_CODE_POINTS = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component})+$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const FLAG = /^\p{Regional_Indicator}{2}$/u;
const KEYCAP = "\u20E3";

/**
 * Exactly one emoji, as the server demands of a status icon: one grapheme cluster made of
 * emoji code points (a pictograph, a ZWJ sequence, a flag or a keycap). A letter, a digit or
 * two emoji side by side are refused.
 */
export function isSingleEmoji(text: string): boolean {
  if (text === "") return false;
  let clusters = 0;
  for (const _ of graphemes.segment(text)) clusters++;
  if (clusters !== 1 || !EMOJI_CODE_POINTS.test(text)) return false;
  return PICTOGRAPH.test(text) || FLAG.test(text) || text.includes(KEYCAP);
}
