import * as commands from "../generated/commands";
import type { RoomParticipant } from "../generated/types";

/** The notification levels a room can be set to (the server refuses its "default"). */
export type NotificationLevel = "always" | "mention" | "never";

export const talk = {
  /** The room (and message) the window should open, once (see chat_target.rs). */
  takeTarget: commands.chatTakeTarget,

  rooms: commands.talkRooms,
  refreshRooms: commands.talkRefreshRooms,
  unread: commands.talkUnread,
  room: commands.talkRoom,

  history: commands.talkHistory,
  older: commands.talkOlder,
  /** New messages of this room arrive as `chat-news` events until unwatch or another watch. */
  watch: commands.talkWatch,
  unwatch: commands.talkUnwatch,
  send: commands.talkSend,
  markRead: commands.talkMarkRead,
  react: commands.talkReact,
  mentions: commands.talkMentions,

  createRoom: commands.talkCreateRoom,
  rename: commands.talkRenameRoom,
  setPassword: commands.talkSetPassword,
  allowGuests: commands.talkAllowGuests,
  setFavorite: commands.talkSetFavorite,
  setNotifications: (token: string, level: NotificationLevel) =>
    commands.talkSetNotifications(token, level),
  participants: commands.talkParticipants,
  addParticipant: commands.talkAddParticipant,
  removeParticipant: (token: string, who: RoomParticipant) =>
    commands.talkRemoveParticipant(token, who.attendee_id, who.actor_id),
  setModerator: (token: string, who: RoomParticipant, moderator: boolean) =>
    commands.talkSetModerator(token, who.attendee_id, who.actor_id, moderator),
  leave: commands.talkLeaveRoom,
  remove: commands.talkDeleteRoom,
  /** The room in the browser, where its call is joined; open it with app.openLink. */
  callLink: commands.talkCallLink,
};
