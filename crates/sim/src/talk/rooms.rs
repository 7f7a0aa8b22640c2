//! Rooms: list (with the changelog and note-to-self rooms the server makes on a user's first
//! list), create, get, rename, delete, public/private, password, favorite, notification level,
//! and the room object itself (v4: fixtures 081, 084, 090, 140; seed: talk-api-v1.txt).

use crate::json::{empty, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};
use crate::user_status;

use super::chat::{self, message_node};
use super::node::map;
use super::state::*;
use super::system_messages::System;
use super::{
    display_name, fail, ok_null, room_index, talk_hash, TalkApi, TalkEvent, TalkEventKind,
};

/// Room names: 1–255 characters today (surprise 22), 1–200 in the seed.
fn max_name_length(api: TalkApi) -> usize {
    match api {
        TalkApi::V4 => 255,
        TalkApi::SeedV1 => 200,
    }
}

const CHANGELOG_NAME: &str = "Talk updates ✅";
const NOTE_TO_SELF_DESCRIPTION: &str = "A place for your private notes, thoughts and ideas";
/// What the changelog bot says in a new user's "Talk updates" room.
const CHANGELOG_MESSAGES: &[&str] = &[
    "Welcome to Nextcloud Talk!\nIn this conversation you will be informed about new features \
     available in Nextcloud Talk.",
    "## New in Talk 21\n- Conversations can be marked as important or sensitive",
    "## New in Talk 22\n- Use threads to keep your chat and discussions organized\n- Live \
     transcriptions now available during the call (requires the live-transcription ExApp and \
     the High-performance backend)",
];

/// Makes a room with its first message; `owners` become owners with their read marker on it.
pub(crate) fn new_room(
    inner: &mut Inner,
    room_type: i64,
    name: &str,
    creator: Actor,
    owners: &[&str],
) -> usize {
    let now = inner.now();
    let talk = &mut inner.talk;
    let id = talk.next_room_id;
    talk.next_room_id += 1;
    let token = talk.new_token();
    let (avatar_version, is_custom_avatar) = if room_type == NOTE_TO_SELF {
        (
            talk.random(16, b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
            true,
        )
    } else {
        let seed = format!("{room_type}/{name}");
        (
            crate::capabilities::md5_hex(seed.as_bytes())[..8].to_owned(),
            false,
        )
    };
    let created_by = match &creator {
        Actor::User(id) => id.clone(),
        _ => String::new(),
    };
    let (changed, _) = tokio::sync::watch::channel(0);
    talk.rooms.push(Room {
        id,
        token: token.clone(),
        room_type,
        name: name.to_owned(),
        description: String::new(),
        password: None,
        object_type: String::new(),
        object_id: String::new(),
        read_only: 0,
        created_by: created_by.clone(),
        avatar_version,
        is_custom_avatar,
        attendees: Vec::new(),
        messages: Vec::new(),
        last_activity: now,
        modified_at: now,
        call: None,
        had_activity: false,
        changed,
    });
    let index = talk.rooms.len() - 1;
    for owner in owners {
        add_attendee(inner, index, owner, OWNER);
    }
    let first = chat::post_system(inner, index, creator, System::ConversationCreated);
    for attendee in &mut inner.talk.rooms[index].attendees {
        attendee.last_read_message = first;
    }
    if !created_by.is_empty() {
        inner.talk.events.push(TalkEvent {
            at: now,
            token,
            room_name: name.to_owned(),
            kind: TalkEventKind::RoomCreated { by: created_by },
        });
    }
    index
}

/// Adds `user` with the room's default notification level; the read marker starts at the
/// room's newest message (so the "added" message counts as new, 139).
pub(crate) fn add_attendee(inner: &mut Inner, index: usize, user: &str, participant_type: i64) {
    let talk = &mut inner.talk;
    let id = talk.next_attendee_id;
    talk.next_attendee_id += 1;
    let room = &mut talk.rooms[index];
    let notification_level = if room.room_type == ONE_TO_ONE { 1 } else { 2 };
    let last_read_message = room.last_message_id();
    room.attendees.push(Attendee {
        id,
        actor_type: "users".to_owned(),
        actor_id: user.to_owned(),
        participant_type,
        favorite: false,
        notification_level,
        notification_calls: 1,
        last_read_message,
        session: None,
    });
}

/// The changelog and note-to-self rooms the server makes when a user first lists rooms (081).
pub(crate) fn initialise(inner: &mut Inner, uid: &str) {
    if inner.talk.api != TalkApi::V4 || !inner.talk.initialised.insert(uid.to_owned()) {
        return;
    }
    let index = new_room(inner, CHANGELOG, uid, Actor::System, &[]);
    add_attendee(inner, index, uid, USER);
    inner.talk.rooms[index].read_only = 1;
    for text in CHANGELOG_MESSAGES {
        chat::post(inner, index, Actor::Changelog, text, None, String::new());
    }

    let index = new_room(inner, NOTE_TO_SELF, "Note to self", Actor::System, &[uid]);
    let room = &mut inner.talk.rooms[index];
    room.description = NOTE_TO_SELF_DESCRIPTION.to_owned();
    room.object_type = "note_to_self".to_owned();
    room.object_id = uid.to_owned();
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.favorite = true;
    }
}

/// `(name, displayName)` of the room as `uid` sees it.
pub(crate) fn names(inner: &Inner, room: &Room, uid: &str) -> (String, String) {
    match room.room_type {
        ONE_TO_ONE => {
            let other = room
                .other(uid)
                .map(|a| a.actor_id.clone())
                .unwrap_or_else(|| room.name.clone());
            let display = display_name(inner, &other);
            (other, display)
        }
        CHANGELOG => (room.name.clone(), CHANGELOG_NAME.to_owned()),
        _ => (room.name.clone(), room.name.clone()),
    }
}

/// `one2one`, `group` or `public` for rich `call` objects.
pub(crate) fn call_type(room: &Room) -> &'static str {
    match room.room_type {
        ONE_TO_ONE => "one2one",
        PUBLIC => "public",
        _ => "group",
    }
}

/// Comments after the marker; mentions after it (direct, or also `@all`).
fn unread(room: &Room, attendee: &Attendee) -> (i64, bool, bool) {
    let newer = room
        .messages
        .iter()
        .filter(|m| m.id > attendee.last_read_message && m.is_comment());
    let mut count = 0;
    let (mut mention, mut direct) = (false, false);
    for message in newer {
        count += 1;
        if message.author() == Some(attendee.actor_id.as_str()) {
            continue;
        }
        if message.mentions.contains(&attendee.actor_id) {
            mention = true;
            direct = true;
        } else if message.mentions.iter().any(|m| m == "all") {
            mention = true;
        }
    }
    (count, mention, direct)
}

/// The room object for `uid` (who must take part in it).
pub(crate) fn room_node(inner: &mut Inner, index: usize, uid: &str) -> Node {
    // A one-to-one room shows the other user's status (084), when there is one.
    let status = {
        let room = &inner.talk.rooms[index];
        let other = (room.room_type == ONE_TO_ONE)
            .then(|| room.other(uid).map(|a| a.actor_id.clone()))
            .flatten();
        other
            .and_then(|other| user_status::own_status(inner, &other))
            .map(|node| serde_json::Value::from(&node))
    };
    let inner = &*inner;
    let room = &inner.talk.rooms[index];
    let Some(attendee) = room.attendee(uid) else {
        return empty();
    };
    let (name, display) = names(inner, room, uid);
    let (unread_messages, unread_mention, unread_direct) = unread(room, attendee);
    let session = attendee.session.as_ref();
    let in_call = session.map_or(0, |s| s.in_call);
    let last_ping = session.map_or(0, |s| s.last_ping);
    let session_id = session.map_or_else(|| "0".to_owned(), |s| s.id.clone());
    let moderator = attendee.participant_type == OWNER || attendee.participant_type == MODERATOR;
    let last_message = room
        .last_message()
        .map_or_else(empty, |m| message_node(inner, room, m, uid, false));

    if inner.talk.api == TalkApi::SeedV1 {
        let count = room
            .attendees
            .iter()
            .filter(|a| a.session.is_some())
            .count() as i64;
        return map()
            .f("token", room.token.as_str())
            .f("type", room.room_type)
            .f("name", name)
            .f("displayName", display)
            .f("participantType", attendee.participant_type)
            .f("participantInCall", in_call != 0)
            .f("participantFlags", in_call)
            .f("readOnly", room.read_only)
            .f("count", count)
            .f("numGuests", 0)
            .f("lastPing", last_ping)
            .f("sessionId", session_id)
            .f("hasPassword", room.password.is_some())
            .f("hasCall", room.call.is_some())
            .f("lastActivity", room.last_activity)
            .f("isFavorite", attendee.favorite)
            .f("notificationLevel", attendee.notification_level)
            .f("unreadMessages", unread_messages)
            .f("unreadMention", unread_mention)
            .f("lastMessage", last_message)
            .f("objectType", room.object_type.as_str())
            .f("objectId", room.object_id.as_str())
            .build();
    }

    let call_flag = room
        .attendees
        .iter()
        .filter_map(|a| a.session.as_ref())
        .fold(0, |flags, s| flags | s.in_call);
    let mut node = map()
        .f("id", room.id)
        .f("token", room.token.as_str())
        .f("type", room.room_type)
        .f("name", name)
        .f("displayName", display)
        .f("objectType", room.object_type.as_str())
        .f("objectId", room.object_id.as_str())
        .f("participantType", attendee.participant_type)
        .f("participantFlags", in_call)
        .f("readOnly", room.read_only)
        .f("hasPassword", room.password.is_some())
        .f("hasCall", room.call.is_some())
        .f(
            "callStartTime",
            room.call.as_ref().map_or(0, |c| c.started_at),
        )
        .f("callRecording", 0)
        .f("canStartCall", room.room_type != NOTE_TO_SELF)
        .f("lastActivity", room.last_activity)
        .f("lastReadMessage", attendee.last_read_message)
        .f("unreadMessages", unread_messages)
        .f("unreadMention", unread_mention)
        .f("unreadMentionDirect", unread_direct)
        .f("isFavorite", attendee.favorite)
        .f("canLeaveConversation", room.room_type != NOTE_TO_SELF)
        .f(
            "canDeleteConversation",
            room.room_type == NOTE_TO_SELF
                || (moderator && (room.room_type == GROUP || room.room_type == PUBLIC)),
        )
        .f("notificationLevel", attendee.notification_level)
        .f("notificationCalls", attendee.notification_calls)
        .f("lobbyState", 0)
        .f("lobbyTimer", 0)
        .f("lastPing", last_ping)
        .f("sessionId", session_id)
        .f("sipEnabled", 0)
        .f("actorType", attendee.actor_type.as_str())
        .f("actorId", attendee.actor_id.as_str())
        .f("attendeeId", attendee.id)
        .f(
            "permissions",
            if moderator {
                PERMISSIONS_MODERATOR
            } else {
                PERMISSIONS_USER
            },
        )
        .f("attendeePermissions", 0)
        .f("callPermissions", 0)
        .f("defaultPermissions", 0)
        .f("canEnableSIP", false)
        .f("attendeePin", "")
        .f("description", room.description.as_str())
        .f("lastCommonReadMessage", room.last_common_read())
        .f("listable", 0)
        .f("callFlag", call_flag)
        .f("messageExpiration", 0)
        .f("avatarVersion", room.avatar_version.as_str())
        .f("isCustomAvatar", room.is_custom_avatar)
        .f("breakoutRoomMode", 0)
        .f("breakoutRoomStatus", 0)
        .f("recordingConsent", 0)
        .f("mentionPermissions", 0)
        .f("liveTranscriptionLanguageId", "")
        .f("isArchived", false)
        .f("isImportant", false)
        .f("isSensitive", false);
    if let Some(status) = status {
        let text = |key: &str| Node::from(status[key].as_str().map(str::to_owned));
        let public_status = match status["status"].as_str() {
            Some("invisible") => "offline",
            Some(other) => other,
            None => "offline",
        };
        node.push("status", public_status);
        node.push("statusIcon", text("icon"));
        node.push("statusMessage", text("message"));
        node.push("statusClearAt", Node::from(status["clearAt"].as_i64()));
    }
    node.push("lastMessage", last_message);
    node.build()
}

/// The reply of the setters that answer with the room (surprise 23); `[]` in the seed.
fn room_reply(inner: &mut Inner, index: usize, uid: &str) -> Reply {
    match inner.talk.api {
        TalkApi::V4 => Reply::ok(room_node(inner, index, uid)),
        TalkApi::SeedV1 => Reply::ok(empty()),
    }
}

/// Whether `uid` sees the room in the list: a one-to-one room hides from the invited user
/// until its first message or call.
pub(crate) fn listed(room: &Room, uid: &str) -> bool {
    room.attendee(uid).is_some()
        && (room.room_type != ONE_TO_ONE || room.had_activity || room.created_by == uid)
}

pub(crate) fn list(_shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    initialise(inner, &uid);
    // The server marks the user online on a list without noStatusUpdate=1; the simulator
    // leaves the status alone (a client's background polls show in the request log).
    let since = ctx
        .params
        .get("modifiedSince")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    let now = inner.now();
    let indices: Vec<usize> = (0..inner.talk.rooms.len())
        .filter(|&i| {
            let room = &inner.talk.rooms[i];
            listed(room, &uid) && room.modified_at >= since
        })
        .collect();
    let rooms: Vec<Node> = indices
        .into_iter()
        .map(|i| room_node(inner, i, &uid))
        .collect();
    let reply = Reply::ok(Node::List(rooms));
    match inner.talk.api {
        TalkApi::V4 => reply
            .header("X-Nextcloud-Talk-Hash", talk_hash(inner))
            .header("X-Nextcloud-Talk-Modified-Before", now.to_string()),
        TalkApi::SeedV1 => reply,
    }
}

pub(crate) fn get(_shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid();
    let index = match room_index(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let reply = Reply::ok(room_node(inner, index, uid));
    match inner.talk.api {
        TalkApi::V4 => reply.header("X-Nextcloud-Talk-Hash", talk_hash(inner)),
        TalkApi::SeedV1 => reply,
    }
}

pub(crate) fn create(_shared: &Shared, inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    let room_type = ctx
        .params
        .get("roomType")
        .and_then(|t| t.trim().parse::<i64>().ok())
        .unwrap_or(0);
    let invite = ctx.params.get("invite").unwrap_or_default().to_owned();
    let name = ctx
        .params
        .get("roomName")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let created = |inner: &mut Inner, index: usize, status: u16| -> Reply {
        let mut reply = match inner.talk.api {
            TalkApi::V4 => Reply::ok(room_node(inner, index, &uid)),
            TalkApi::SeedV1 => {
                let room = &inner.talk.rooms[index];
                let (name, display) = names(inner, room, &uid);
                Reply::ok(
                    map()
                        .f("token", room.token.as_str())
                        .f("name", name)
                        .f("displayName", display)
                        .build(),
                )
            }
        };
        reply.code = status;
        reply
    };
    match room_type {
        ONE_TO_ONE => {
            if invite == uid || inner.user(&invite).is_none() {
                return fail(inner, 404, "invite");
            }
            // The same pair gets the same room back, with 200 (085).
            let existing = inner.talk.rooms.iter().position(|r| {
                r.room_type == ONE_TO_ONE
                    && r.attendee(&uid).is_some()
                    && r.attendees
                        .iter()
                        .all(|a| a.actor_id == uid || a.actor_id == invite)
                    && r.attendee(&invite).is_some()
            });
            if let Some(index) = existing {
                return created(inner, index, 200);
            }
            let index = new_room(
                inner,
                ONE_TO_ONE,
                &invite,
                Actor::User(uid.clone()),
                &[&uid, &invite],
            );
            created(inner, index, 201)
        }
        GROUP | PUBLIC => {
            if name.is_empty() || name.chars().count() > max_name_length(inner.talk.api) {
                return fail(inner, 400, "name");
            }
            // The simulator has no groups to invite.
            if !invite.is_empty() {
                return fail(inner, 404, "invite");
            }
            let index = new_room(inner, room_type, &name, Actor::User(uid.clone()), &[&uid]);
            created(inner, index, 201)
        }
        _ => fail(inner, 400, "type"),
    }
}

/// The room if `uid` moderates it; else 404 or 403.
fn moderated(inner: &Inner, uid: &str, token: &str) -> Result<usize, Reply> {
    let index = room_index(inner, uid, token)?;
    if inner.talk.rooms[index].is_moderator(uid) {
        Ok(index)
    } else {
        Err(fail(inner, 403, ""))
    }
}

pub(crate) fn rename(_shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid();
    let index = match moderated(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room_type = inner.talk.rooms[index].room_type;
    if room_type != GROUP && room_type != PUBLIC && room_type != NOTE_TO_SELF {
        // The seed says 405; today's server says 400 type (099).
        return match inner.talk.api {
            TalkApi::V4 => fail(inner, 400, "type"),
            TalkApi::SeedV1 => Reply::error(405, ""),
        };
    }
    let name = ctx
        .params
        .get("roomName")
        .unwrap_or_default()
        .trim()
        .to_owned();
    if name.is_empty() || name.chars().count() > max_name_length(inner.talk.api) {
        return fail(inner, 400, "value");
    }
    let old = inner.talk.rooms[index].name.clone();
    if old != name {
        inner.talk.rooms[index].name = name.clone();
        chat::post_system(
            inner,
            index,
            Actor::User(uid.to_owned()),
            System::ConversationRenamed { old, new: name },
        );
    }
    room_reply(inner, index, uid)
}

pub(crate) fn delete(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid();
    let index = match room_index(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room = &inner.talk.rooms[index];
    let allowed = room.room_type == NOTE_TO_SELF
        || (room.is_moderator(uid) && (room.room_type == GROUP || room.room_type == PUBLIC));
    if room.room_type == ONE_TO_ONE {
        // One-to-one rooms are only left, never deleted (locked-one-to-one-rooms).
        return fail(inner, 400, "type");
    }
    if !allowed {
        return fail(inner, 403, "");
    }
    let room = inner.talk.rooms.remove(index);
    let now = inner.now();
    inner.talk.events.push(TalkEvent {
        at: now,
        token: room.token.clone(),
        room_name: room.name.clone(),
        kind: TalkEventKind::RoomDeleted { by: uid.to_owned() },
    });
    // Dropping the room drops its watch sender: waiting long-polls wake and find no room.
    ok_null(inner)
}

pub(crate) fn set_description(
    _shared: &Shared,
    inner: &mut Inner,
    ctx: &Ctx,
    token: &str,
) -> Reply {
    let uid = ctx.uid();
    let index = match moderated(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let description = ctx.params.get("description").unwrap_or_default().trim();
    if description.chars().count() > 2000 {
        return fail(inner, 400, "description");
    }
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    room.description = description.to_owned();
    room.touch(now);
    room_reply(inner, index, uid)
}

pub(crate) fn set_public(
    _shared: &Shared,
    inner: &mut Inner,
    ctx: &Ctx,
    token: &str,
    public: bool,
) -> Reply {
    let uid = ctx.uid();
    let index = match moderated(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room_type = inner.talk.rooms[index].room_type;
    if room_type != GROUP && room_type != PUBLIC {
        return fail(inner, 400, "type");
    }
    let wanted = if public { PUBLIC } else { GROUP };
    if room_type != wanted {
        inner.talk.rooms[index].room_type = wanted;
        if !public {
            inner.talk.rooms[index].password = None;
        }
        let system = if public {
            System::GuestsAllowed
        } else {
            System::GuestsDisallowed
        };
        chat::post_system(inner, index, Actor::User(uid.to_owned()), system);
    }
    room_reply(inner, index, uid)
}

pub(crate) fn set_password(_shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid();
    let index = match moderated(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    if inner.talk.rooms[index].room_type != PUBLIC {
        // The seed says 403; today's server says 400 type (101).
        return match inner.talk.api {
            TalkApi::V4 => fail(inner, 400, "type"),
            TalkApi::SeedV1 => Reply::error(403, ""),
        };
    }
    let password = ctx.params.get("password").unwrap_or_default().to_owned();
    let had = inner.talk.rooms[index].password.is_some();
    let system = if password.is_empty() {
        inner.talk.rooms[index].password = None;
        had.then_some(System::PasswordRemoved)
    } else {
        inner.talk.rooms[index].password = Some(password);
        Some(System::PasswordSet)
    };
    if let Some(system) = system {
        chat::post_system(inner, index, Actor::User(uid.to_owned()), system);
    }
    room_reply(inner, index, uid)
}

pub(crate) fn set_favorite(
    _shared: &Shared,
    inner: &mut Inner,
    ctx: &Ctx,
    token: &str,
    favorite: bool,
) -> Reply {
    let uid = ctx.uid();
    let index = match room_index(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.favorite = favorite;
    }
    room.touch(now);
    room_reply(inner, index, uid)
}

pub(crate) fn set_notification_level(
    _shared: &Shared,
    inner: &mut Inner,
    ctx: &Ctx,
    token: &str,
) -> Reply {
    let uid = ctx.uid();
    let index = match room_index(inner, uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    // Only 1–3; 0 ("default") is refused too (107).
    let level = ctx
        .params
        .get("level")
        .and_then(|l| l.trim().parse::<i64>().ok());
    let Some(level @ 1..=3) = level else {
        return fail(inner, 400, "level");
    };
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.notification_level = level;
    }
    room.touch(now);
    room_reply(inner, index, uid)
}
