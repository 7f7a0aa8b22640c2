// Rooms and messages for the chat's component tests.
import type { ChatEntry, ChatRoom } from "../../lib/generated/types";
import { text } from "../richParts";

export function room(token: string, name: string, extra: Partial<ChatRoom> = {}): ChatRoom {
  return {
    token,
    name,
    kind: "group",
    favorite: false,
    last_activity: 0,
    unread_messages: 0,
    unread_mention: false,
    unread_mention_direct: false,
    muted: false,
    read_only: false,
    last_message: null,
    ...extra,
  };
}

/** A message whose text is `message`, one text part unless `extra` gives the parts. */
export function entry(id: number, message: string, extra: Partial<ChatEntry> = {}): ChatEntry {
  return {
    id,
    token: "team",
    actor_type: "users",
    actor_id: "bob",
    author: "Bob",
    timestamp: 1_764_000_000 + id * 60,
    parts: [text(message)],
    text: message,
    system_message: null,
    deleted: false,
    edited: false,
    replyable: true,
    reactions: [],
    parent: null,
    ...extra,
  };
}
