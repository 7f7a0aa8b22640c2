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

export type NewCustomMessage = { 
/**
 * One emoji, or none.
 */
icon: string | null, message: string, clear_after: ClearAfter, };

export type ClearAfter = "dont-clear" | "thirty-minutes" | "one-hour" | "four-hours" | "today" | "this-week";

export type StatusView = { 
/**
 * The own status; `None` when the server has no status row for the user yet.
 */
own: OwnStatusView | null, 
/**
 * The messages the server offers ready-made.
 */
predefined: Array<PredefinedMessage>, 
/**
 * The status a call or automation overwrote, while it can be restored.
 */
backup: BackupStatus | null, };

export type OwnStatusView = { status: StatusType, icon: string | null, message: string | null, 
/**
 * The predefined message's id when the message is one.
 */
predefined_id: string | null, 
/**
 * Unix seconds when the server clears the message.
 */
clear_at: number | null, };

export type PredefinedMessage = { id: string, icon: string | null, message: string, clears: PredefinedClear, };

export type PredefinedClear = { "kind": "never" } | { "kind": "after", seconds: number, } | { "kind": "end_of_day" } | { "kind": "end_of_week" };

export type BackupStatus = { status: StatusType, icon: string | null, message: string | null, };

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

export type RichPart = { "kind": "text", text: string, } | { "kind": "object" } & RichObject;

export type RichObject = { 
/**
 * The placeholder's name (`mention-user1`, `actor`, `file`).
 */
key: string, 
/**
 * The object type as sent (`user`, `guest`, `file`, `call`, `highlight`…).
 */
object_type: string, id: string, 
/**
 * Its name (its id when it has none).
 */
name: string, 
/**
 * What it reads as: `@Name` for a mention, its name otherwise.
 */
label: string, 
/**
 * A person or group of people (users, guests, groups, teams, a conversation's `@all`).
 */
person: boolean, 
/**
 * Written as a mention (`{mention-…}`).
 */
mention: boolean, 
/**
 * Where it lives, only when that is an http(s) address: a window may open it in the
 * browser. Other schemes (`javascript:`, `data:`, `file:`) never reach the window.
 */
link: string | null, };

export type NotificationView = { id: number, 
/**
 * The app that sent it (`spreed`, `files_sharing`…).
 */
app: string, 
/**
 * ISO 8601.
 */
datetime: string, 
/**
 * The subject, rich when the server sent it so, else its plain text as one part.
 */
subject: Array<RichPart>, 
/**
 * The subject as plain text (for labels).
 */
subject_text: string, 
/**
 * The message; empty when there is none.
 */
message: Array<RichPart>, 
/**
 * Where "Open" leads (opened in the browser).
 */
link: string | null, 
/**
 * The app's icon, fetched by the daemon with the account's credentials.
 */
icon: string | null, 
/**
 * Its buttons, in the server's order.
 */
actions: Array<NotificationButton>, };

export type NotificationButton = { label: string, primary: boolean, 
/**
 * The action type as sent (`GET`, `POST`, `DELETE`, `PUT`, `WEB`).
 */
kind: string, 
/**
 * For a `WEB` action, the address to open in the browser; every other action runs
 * through the daemon by its index.
 */
opens: string | null, };

export type ActivityView = { id: number, 
/**
 * ISO 8601.
 */
datetime: string, app: string, 
/**
 * `file_created`, `shared`, `spreed`, `calendar_event`…
 */
kind: string, 
/**
 * Rich when the server sent it so, else its plain text as one part.
 */
subject: Array<RichPart>, 
/**
 * Empty when there is none.
 */
message: Array<RichPart>, icon: string | null, link: string | null, 
/**
 * Previews of its files worth showing (real images, not a type's icon), at most three.
 */
previews: Array<ActivityPreview>, 
/**
 * The file it is about, when it can still be downloaded.
 */
download: ActivityFile | null, };

export type ActivityPreview = { file_id: number, 
/**
 * The image's address, fetched by the daemon with the account's credentials.
 */
source: string, 
/**
 * Where the preview leads (opened in the browser).
 */
link: string, 
/**
 * The file's name, without its folder (the image's text alternative).
 */
name: string, };

export type ActivityFile = { file_id: number, 
/**
 * Without its folder.
 */
name: string, };

export type ActivityFilterChoice = { 
/**
 * What `activity_page` and `activity_search` take as their filter.
 */
id: string, 
/**
 * Translated by the server, e.g. "File shares".
 */
name: string, };

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
 * The message, cut into text and objects (mentions, files, the actor of a system
 * message). Text is the server's characters, never HTML.
 */
parts: Array<RichPart>, 
/**
 * The same as plain text (mentions as `@Name`, objects by name), for quotes.
 */
text: string, 
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

export type SignInError = { certificate: CertificateView | null, kind: ErrorKind, message: string, };

export type CertificateView = { 
/**
 * E.g. `CN=cloud.example.com, O=Example`.
 */
subject: string, issuer: string, 
/**
 * `YYYY-MM-DD HH:MM UTC`.
 */
not_before: string, not_after: string, 
/**
 * `SHA256:AB:CD:…`, as `sign_in_start` takes it to trust exactly this certificate.
 */
fingerprint: string, };

export type Settings = { 
/**
 * `None`: as the server says (`core.pollinterval`).
 */
poll_interval_secs: number | null, away_after_idle_mins: number, appearance: Appearance, 
/**
 * Apps whose notifications do not pop up, sorted.
 */
silent_apps: Array<string>, start_at_login: boolean, };
