// Keeping the room's history in order as pages, new messages and changes come in.
import type { ChatEntry } from "../../lib/generated/types";

/**
 * `current` with `more` added and `changed` replacing the messages they are a newer state of;
 * by id, each message once, oldest first (a message can come twice: the answer to sending it
 * and the long poll both bring it).
 */
export function mergeEntries(
  current: readonly ChatEntry[],
  more: readonly ChatEntry[],
  changed: readonly ChatEntry[] = [],
): ChatEntry[] {
  const byId = new Map<number, ChatEntry>();
  for (const entry of [...current, ...more]) byId.set(entry.id, entry);
  for (const entry of changed) if (byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** System messages before which a room has no history. */
const STARTS = ["conversation_created", "history_cleared"];

/** Whether a page reaches back to the conversation's start (or came short of a full page). */
export function startsHistory(page: readonly ChatEntry[], pageSize: number): boolean {
  return page.length < pageSize || STARTS.includes(page[0]?.system_message ?? "");
}
