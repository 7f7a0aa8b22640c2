// Generated from the Rust types by `UPDATE_TS=1 cargo test -p nctray generated_typescript`; do not edit.

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type ErrorReport = { kind: ErrorKind, message: string, };

export type ErrorKind = "unauthorized" | "not_found" | "invalid" | "no_content" | "maintenance" | "http" | "decode" | "too_large" | "network" | "certificate" | "proxy" | "database" | "newer_database" | "config" | "internal" | "browser" | "no_account" | "exists" | "no_sign_in" | "cancelled" | "expired" | "untrusted_certificate";

export type Theme = { appearance: Appearance, 
/**
 * The server's theming colour (`#00679e`), when it has one.
 */
color: string | null, };

export type AppInfo = { version: string, 
/**
 * The demo runs: every window says so.
 */
demo: boolean, 
/**
 * Where the tray writes its log (the settings offer to open it).
 */
log_dir: string, };

export type LanguageView = { 
/**
 * BCP 47 tag of the catalogue (`locales/<language>/ui.ftl`), e.g. "de", "pt-BR".
 */
language: string, 
/**
 * BCP 47 for `Intl` (dates, numbers): the Nextcloud user's locale when set, e.g. "de-CH".
 */
locale: string, direction: TextDirection, 
/**
 * IANA time zone (the Nextcloud user's, else `TZ`), when known.
 */
time_zone: string | null, 
/**
 * The override in the settings; None = automatic.
 */
choice: string | null, 
/**
 * The languages to choose from, English first.
 */
available: Array<LanguageChoice>, };

export type TextDirection = "ltr" | "rtl";

export type LanguageChoice = { 
/**
 * What `set_language` takes, e.g. "pt-BR".
 */
id: string, 
/**
 * Its name in itself, e.g. "Deutsch".
 */
name: string, };

export type Appearance = "system" | "light" | "dark";

export type StatusType = "online" | "away" | "dnd" | "busy" | "invisible" | "offline";

export type OwnStatus = { userId: string, 
/**
 * `None` right after setting a predefined message (the server fills it in on the next GET).
 */
message: string | null, 
/**
 * The predefined message's id (`meeting`, `call`…), `None` for a custom message.
 */
messageId: string | null, messageIsPredefined: boolean, 
/**
 * One emoji.
 */
icon: string | null, 
/**
 * Unix time when the message is cleared.
 */
clearAt: number | null, status: StatusType, 
/**
 * Chosen by the user (or a call) rather than derived from activity.
 */
statusIsUserDefined: boolean, };

export type PublicStatus = { 
/**
 * For a backup status this is `_<uid>`.
 */
userId: string, message: string | null, icon: string | null, clearAt: number | null, status: StatusType, };

export type PredefinedStatus = { 
/**
 * e.g. `meeting`, `vacationing`: pass it to [`UserStatusApi::set_predefined_message`].
 */
id: string, icon: string | null, message: string, 
/**
 * When the message should clear, relative to the moment it is set; see [`ClearAt::resolve`].
 */
clearAt: { type: string, time: number | string } | null, };

export type NewCustomMessage = { 
/**
 * One emoji, or none.
 */
icon: string | null, message: string, clear_after: ClearAfter, };

export type ClearAfter = "dont-clear" | "thirty-minutes" | "one-hour" | "four-hours" | "today" | "this-week";

export type StatusSnapshot = { 
/**
 * The own status; `None` when the server has no status row for the user yet.
 */
own: OwnStatus | null, 
/**
 * Predefined messages the server offers (hidden ones already left out).
 */
predefined: Array<PredefinedStatus>, 
/**
 * The status a call or automation overwrote, while the server keeps it.
 */
backup: PublicStatus | null, };

export type StatusPreset = { name: string, status: StatusType, icon: string | null, message: string | null, 
/**
 * Seconds from applying until the server clears the message; `None` = don't clear.
 */
clear_after_secs: number | null, };

export type UserMetadata = { user_id: string, display_name: string, email: string | null, quota_used: number, quota_total: number, 
/**
 * Percent of the quota used.
 */
quota_relative: number, 
/**
 * The language the user chose on the server (Nextcloud's code, e.g. "de", "pt_BR"):
 * nctray speaks it unless the settings say otherwise.
 */
language: string | null, 
/**
 * The user's locale for dates and numbers (e.g. "de_CH"), when set.
 */
locale: string | null, 
/**
 * The user's time zone (IANA, e.g. "Europe/Berlin"), when set.
 */
timezone: string | null, };

export type Notification = { notification_id: number, 
/**
 * The app that sent it (`spreed`, `files_sharing`, `admin_notifications`…).
 */
app: string, 
/**
 * The user it is for.
 */
user: string, 
/**
 * ISO 8601 (`2026-11-25T23:03:30+00:00`); see [`Notification::timestamp`].
 */
datetime: string, 
/**
 * e.g. `chat`, `call`, `room`, `share`.
 */
object_type: string, 
/**
 * For Talk chat `token/messageId`, for a call the room token.
 */
object_id: string, 
/**
 * The short, translated text.
 */
subject: string, message: string | null, 
/**
 * Where clicking the notification leads.
 */
link: string | null, 
/**
 * `subject` with `{placeholders}` for [`subject_rich_parameters`](Self::subject_rich_parameters).
 */
subjectRich: string | null, 
/**
 * Rich objects by placeholder name (`{"type","id","name",…}`).
 */
subjectRichParameters: { [key in string]: JsonValue }, messageRich: string | null, messageRichParameters: { [key in string]: JsonValue }, 
/**
 * URL of an icon (an SVG on Nextcloud 32).
 */
icon: string | null, 
/**
 * `false`: keep it in the list, no popup. Missing (API v1) counts as `true`.
 */
shouldNotify: boolean, actions: Array<Action>, };

export type Action = { label: string, 
/**
 * The URL to request (or, for [`ActionType::Web`], to open in the browser).
 */
link: string, type: string, primary: boolean, };

export type Activity = { activity_id: number, 
/**
 * ISO 8601; see [`Activity::timestamp`].
 */
datetime: string, 
/**
 * The app that made it (`files`, `files_sharing`, `spreed`, `dav`…).
 */
app: string, 
/**
 * `file_created`, `file_changed`, `shared`, `spreed`, `calendar_event`…
 */
type: string, 
/**
 * Who did it (may be missing for public-link or system actions).
 */
user: string | null, 
/**
 * Whose stream it is (older servers send it).
 */
affecteduser: string | null, 
/**
 * The plain, translated text.
 */
subject: string, subject_rich: [string, Record<string, Record<string, string>>], message: string | null, message_rich: [string, Record<string, Record<string, string>>], icon: string | null, link: string | null, 
/**
 * e.g. `files`, `room`, `calendar`.
 */
object_type: string | null, 
/**
 * An int at this level (in `subject_rich` parameters the same id is a string).
 */
object_id: number | null, 
/**
 * For files the path in the user's home (`/fixture-2.txt`).
 */
object_name: string | null, 
/**
 * Every object of a merged activity: id (as text) → name.
 */
objects: { [key in string]: string }, 
/**
 * Only with [`ActivityQuery::previews`].
 */
previews: Array<Preview>, };

export type ActivityFilter = { 
/**
 * What goes into [`ActivityQuery::filter`].
 */
id: string, 
/**
 * Translated, e.g. "File shares".
 */
name: string, icon: string | null, 
/**
 * Lower first.
 */
priority: number, };

export type Preview = { 
/**
 * The image URL.
 */
source: string, 
/**
 * Where the preview leads.
 */
link: string, 
/**
 * Of the file, not the preview.
 */
mimeType: string, fileId: number, 
/**
 * `files` or `trashbin`.
 */
view: string, 
/**
 * `source` is a generic icon for the type, not a real preview.
 */
isMimeTypeIcon: boolean, };

export type ChatRoom = { 
/**
 * Names the room in every request (and on the command line).
 */
token: string, 
/**
 * What Talk shows: the room's name, or the other user's name in a one-to-one room.
 */
name: string, 
/**
 * `one-to-one`, `group`, `public`, `changelog`, `former-one-to-one`, `note-to-self`.
 */
kind: string, favorite: boolean, 
/**
 * Unix seconds of the last message or call.
 */
last_activity: number, unread_messages: number, 
/**
 * Mentioned (by name, `@all` or a group) since the last read.
 */
unread_mention: boolean, 
/**
 * Mentioned by name since the last read.
 */
unread_mention_direct: boolean, 
/**
 * The user chose to hear nothing from this room.
 */
muted: boolean, read_only: boolean, 
/**
 * The newest message as plain text with its author, e.g. `bob: see @admin`.
 */
last_message: string | null, };

export type ChatMessage = { id: number, 
/**
 * The room.
 */
token: string, 
/**
 * `users`, `guests`, `bots`, `bridged`, `federated_users`…
 */
actor_type: string, actor_id: string, 
/**
 * Who wrote it, as Talk names them.
 */
author: string, 
/**
 * Unix seconds.
 */
timestamp: number, 
/**
 * The text with mentions as `@Name` and files and other objects by their name.
 */
text: string, 
/**
 * The system message type (`conversation_created`, `call_ended`…); `None` for a comment.
 */
system_message: string | null, 
/**
 * The message this one replies to.
 */
reply_to: number | null, };

export type UnreadCounts = { rooms: Array<RoomUnread>, 
/**
 * Unread messages in all rooms the user has not muted.
 */
total_unread: number, 
/**
 * Rooms in which the user was mentioned since the last read.
 */
total_mentions: number, 
/**
 * Rooms that wait for the user's answer: a mention since the last read, or unread
 * messages in a one-to-one conversation (the tray's mark).
 */
awaiting_answer: number, };

export type RoomUnread = { token: string, name: string, unread: number, mentioned: boolean, };

export type SearchHit = { "kind": "notification", snippet: string, notification: Notification, } | { "kind": "activity", snippet: string, activity: Activity, } | { "kind": "message", snippet: string, 
/**
 * The same as `message.id`.
 */
message_id: number, message: ChatMessage, };

export type Kind = "notification" | "activity" | "message";

export type ChatTarget = { 
/**
 * The room's token.
 */
token: string, 
/**
 * The message to scroll to, if any.
 */
message_id: number | null, 
/**
 * Put the focus in the composer, replying to `message_id` when there is one.
 */
reply: boolean, };

export type ChatEntry = { id: number, 
/**
 * The room.
 */
token: string, 
/**
 * `users`, `guests`, `bots`, `bridged`, `federated_users`…
 */
actor_type: string, actor_id: string, 
/**
 * Who wrote it, as Talk names them.
 */
author: string, 
/**
 * Unix seconds.
 */
timestamp: number, 
/**
 * The rich object string: the server's text with `{placeholders}` for `parameters`.
 * Plain text, never HTML.
 */
message: string, 
/**
 * The objects of the placeholders as the server sent them (`type`, `id`, `name`,
 * `mention-id`, `link`, `path`…).
 */
parameters: { [key in string]: JsonValue }, 
/**
 * The system message type (`conversation_created`, `call_ended`…); `None` for a comment.
 */
system_message: string | null, 
/**
 * A deleted comment: `message` says who deleted it.
 */
deleted: boolean, edited: boolean, 
/**
 * Whether a reply may point at it.
 */
replyable: boolean, 
/**
 * Reactions in a stable order (by emoji).
 */
reactions: Array<Reaction>, 
/**
 * The message this one replies to.
 */
parent: QuotedMessage | null, };

export type Reaction = { emoji: string, count: number, 
/**
 * The user gave it.
 */
mine: boolean, };

export type QuotedMessage = { id: number, author: string, 
/**
 * Plain text (mentions as `@Name`, objects by name).
 */
text: string, deleted: boolean, };

export type ChatNews = { token: string, 
/**
 * New messages to show, oldest first.
 */
added: Array<ChatEntry>, 
/**
 * Messages shown before that changed (edited, deleted, reacted to): their new state.
 */
updated: Array<ChatEntry>, };

export type RoomDetails = { token: string, 
/**
 * What Talk shows: the room's name, or the other user's name in a one-to-one room.
 */
name: string, 
/**
 * `one-to-one`, `group`, `public`, `changelog`, `former-one-to-one`, `note-to-self`.
 */
kind: string, description: string, favorite: boolean, 
/**
 * `default`, `always`, `mention` or `never`.
 */
notification_level: string, has_password: boolean, 
/**
 * Guests may join by link (a public room).
 */
guests_allowed: boolean, 
/**
 * Owner or moderator.
 */
can_moderate: boolean, 
/**
 * A moderator of a group or public room.
 */
can_rename: boolean, can_leave: boolean, can_delete: boolean, read_only: boolean, has_call: boolean, 
/**
 * The user's own id in the room (to tell their own messages).
 */
own_id: string, };

export type RoomParticipant = { 
/**
 * What promote, demote and remove name them by on current servers.
 */
attendee_id: number | null, 
/**
 * `users`, `guests`, `groups`, `emails`…
 */
actor_type: string, actor_id: string, display_name: string, 
/**
 * `owner`, `moderator`, `user`, `guest`, `guest-moderator`, `link-user`.
 */
role: string, moderator: boolean, 
/**
 * Has a session in the room right now.
 */
online: boolean, };

export type MentionChoice = { id: string, label: string, 
/**
 * `users`, `guests`, `groups`, `calls` (everybody in the room)…
 */
source: string, 
/**
 * What to write into the message: `@bob`, `@"name with spaces"`.
 */
text: string, };

export type NewChatRoom = { kind: NewRoomKind, 
/**
 * The room's name, or for a one-to-one room the other user's id.
 */
name: string, 
/**
 * A public room's password (none when empty).
 */
password: string | null, };

export type NewRoomKind = "one-to-one" | "group" | "public";

export type AccountView = { 
/**
 * `login@origin`: what the other commands take.
 */
key: string, server: string, login_name: string, 
/**
 * From the cache; `None` until the server told it.
 */
display_name: string | null, 
/**
 * The windows show this account.
 */
shown: boolean, 
/**
 * The tray icon shows this account's status.
 */
primary: boolean, connection: Connection, 
/**
 * Why it is offline, when it is.
 */
problem: string | null, 
/**
 * On the built-in demo server: gone when the app quits.
 */
demo: boolean, };

export type Connection = "starting" | "online" | "offline" | "maintenance" | "sign_in_needed" | "certificate_changed" | "paused";

export type AccountsOverview = { accounts: Array<AccountView>, demo_server: string | null, };

export type Removal = { 
/**
 * Why the app password is still valid on the server (unreachable, say), or `None` when
 * the server revoked it.
 */
server_error: string | null, };

export type SignInStarted = { 
/**
 * The page the browser was sent to (shown, so it can be opened by hand).
 */
login_url: string, 
/**
 * Seconds until the server forgets the flow.
 */
expires_in_secs: number, 
/**
 * The address is `http://` to another machine: the window warns that the app password
 * and everything else would travel unencrypted.
 */
unencrypted: boolean, };

export type SignInError = { certificate: CertificateInfo | null, kind: ErrorKind, message: string, };

export type CertificateInfo = { 
/**
 * E.g. `CN=cloud.example.com, O=Example`.
 */
subject: string, issuer: string, 
/**
 * `YYYY-MM-DD HH:MM UTC`.
 */
not_before: string, not_after: string, fingerprint: string, };

export type Settings = { 
/**
 * `None`: as the server says (`core.pollinterval`).
 */
poll_interval_secs: number | null, away_after_idle_mins: number, appearance: Appearance, 
/**
 * Apps whose notifications do not pop up, sorted.
 */
silent_apps: Array<string>, start_at_login: boolean, };
