// The composer's @-mentions: which word the caret is in, and writing the chosen one in.

/** The `@word` the caret is at the end of: where it starts and what follows the `@`. */
export interface MentionQuery {
  start: number;
  search: string;
}

/**
 * The mention being typed before `caret`, or null. An `@` counts at the start of the text or
 * after white space or an opening bracket (so `name@example.com` is no mention), and the
 * search runs to the caret without white space.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s([{])@([^\s@]*)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2].length - 1, search: match[2] };
}

/** `text` with the mention at `query` replaced by `insert` and a space, and the new caret. */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  insert: string,
): { text: string; caret: number } {
  const after = text.slice(caret).replace(/^\S*/u, "");
  const glue = after.startsWith(" ") ? "" : " ";
  const head = text.slice(0, query.start) + insert + glue;
  return { text: head + after, caret: head.length + (glue ? 0 : 1) };
}
