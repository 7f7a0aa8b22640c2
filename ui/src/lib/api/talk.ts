import { call } from "../ipc";
import type {
  ChatEntry,
  ChatRoom,
  ChatTarget,
  MentionChoice,
  NewChatRoom,
  Reaction,
  RoomDetails,
  RoomParticipant,
  UnreadCounts,
} from "../generated/types";

/** The notification levels a room can be set to (the server refuses its "default"). */
export type NotificationLevel = "always" | "mention" | "never";

export const talk = {
  /** The room (and message) the window should open, once (see chat_target.rs). */
  takeTarget: () => call<ChatTarget | null>("chat_take_target"),

  rooms: () => call<ChatRoom[]>("talk_rooms"),
  refreshRooms: () => call<ChatRoom[]>("talk_refresh_rooms"),
  unread: () => call<UnreadCounts>("talk_unread"),
  room: (token: string) => call<RoomDetails>("talk_room", { token }),

  history: (token: string, limit: number) => call<ChatEntry[]>("talk_history", { token, limit }),
  older: (token: string, before: number, limit: number) =>
    call<ChatEntry[]>("talk_older", { token, before, limit }),
  /** New messages of this room arrive as `chat-news` events until unwatch or another watch. */
  watch: (token: string) => call<void>("talk_watch", { token }),
  unwatch: () => call<void>("talk_unwatch"),
  send: (token: string, text: string, replyTo: number | null) =>
    call<ChatEntry | null>("talk_send", { token, text, replyTo }),
  markRead: (token: string) => call<UnreadCounts>("talk_mark_read", { token }),
  react: (token: string, messageId: number, emoji: string, on: boolean) =>
    call<Reaction[]>("talk_react", { token, messageId, emoji, on }),
  mentions: (token: string, search: string) =>
    call<MentionChoice[]>("talk_mentions", { token, search }),

  createRoom: (room: NewChatRoom) => call<RoomDetails>("talk_create_room", { room }),
  rename: (token: string, name: string) => call<RoomDetails>("talk_rename_room", { token, name }),
  setPassword: (token: string, password: string) =>
    call<RoomDetails>("talk_set_password", { token, password }),
  allowGuests: (token: string, allowed: boolean) =>
    call<RoomDetails>("talk_allow_guests", { token, allowed }),
  setFavorite: (token: string, favorite: boolean) =>
    call<RoomDetails>("talk_set_favorite", { token, favorite }),
  setNotifications: (token: string, level: NotificationLevel) =>
    call<RoomDetails>("talk_set_notifications", { token, level }),
  participants: (token: string) => call<RoomParticipant[]>("talk_participants", { token }),
  addParticipant: (token: string, userId: string) =>
    call<void>("talk_add_participant", { token, userId }),
  removeParticipant: (token: string, who: RoomParticipant) =>
    call<void>("talk_remove_participant", {
      token,
      attendeeId: who.attendee_id,
      userId: who.actor_id,
    }),
  setModerator: (token: string, who: RoomParticipant, moderator: boolean) =>
    call<void>("talk_set_moderator", {
      token,
      attendeeId: who.attendee_id,
      userId: who.actor_id,
      moderator,
    }),
  leave: (token: string) => call<void>("talk_leave_room", { token }),
  remove: (token: string) => call<void>("talk_delete_room", { token }),
  /** The room in the browser, where its call is joined; open it with app.openLink. */
  callLink: (token: string) => call<string>("talk_call_link", { token }),
};
