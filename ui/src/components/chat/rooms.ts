// The room list's order, search and unread counts, apart from the markup so they can be tested
// on their own.
import type { ChatRoom, UnreadCounts } from "../../lib/generated/types";

/** Favorites first, then the latest activity; ties by token so the order never flickers. */
export function sortRooms(rooms: readonly ChatRoom[]): ChatRoom[] {
  return [...rooms].sort(
    (a, b) =>
      Number(b.favorite) - Number(a.favorite) ||
      b.last_activity - a.last_activity ||
      a.token.localeCompare(b.token),
  );
}

/** Lower case without accents, so "zoe" finds "Zoë". */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The rooms whose name contains every word of `query` (any case, any accents). */
export function filterRooms(rooms: readonly ChatRoom[], query: string): ChatRoom[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rooms];
  return rooms.filter((room) => {
    const name = folded(room.name);
    return words.every((word) => name.includes(word));
  });
}

/**
 * The rooms with the counts of an `unread-changed` event. The counts list only rooms with
 * something unread that are not muted: any other room not muted has nothing unread now;
 * a muted room keeps what it had.
 */
export function withUnread(rooms: readonly ChatRoom[], counts: UnreadCounts): ChatRoom[] {
  const byToken = new Map(counts.rooms.map((room) => [room.token, room]));
  return rooms.map((room) => {
    const unread = byToken.get(room.token);
    if (unread) {
      return { ...room, unread_messages: unread.unread, unread_mention: unread.mentioned };
    }
    if (room.muted) return room;
    return { ...room, unread_messages: 0, unread_mention: false, unread_mention_direct: false };
  });
}

/** The room as read (the user opened it). */
export function markedRead(rooms: readonly ChatRoom[], token: string): ChatRoom[] {
  return rooms.map((room) =>
    room.token === token
      ? { ...room, unread_messages: 0, unread_mention: false, unread_mention_direct: false }
      : room,
  );
}

/** The room moved up by a message that just arrived in it. */
export function withActivity(
  rooms: readonly ChatRoom[],
  token: string,
  at: number,
  preview: string,
): ChatRoom[] {
  return rooms.map((room) =>
    room.token === token && at >= room.last_activity
      ? { ...room, last_activity: at, last_message: preview }
      : room,
  );
}

/** One or two letters for the room's badge. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0] ?? "?"];
  return letters
    .map((word) => Array.from(word)[0] ?? "")
    .join("")
    .toUpperCase();
}
