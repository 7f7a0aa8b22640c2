// The room list's search and badges, apart from the markup so they can be tested on their own.
// The order, the previews and the unread counts come ready from the daemon's cache.
import type { ChatRoom } from "../../lib/generated/types";

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

/** One or two letters for the room's badge. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[1]] : [words[0] ?? "?"];
  return letters
    .map((word) => Array.from(word)[0] ?? "")
    .join("")
    .toUpperCase();
}
