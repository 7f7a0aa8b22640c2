//! Participants (fixtures 109–120): list, add, remove (v4 by `attendeeId` on `/attendees`, the
//! seed by user id on `/participants`), leave, moderators, and the room session of
//! `participants/active` that a call join needs.

use crate::json::{empty, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};

use super::call;
use super::chat;
use super::node::map;
use super::rooms::{add_attendee, room_node};
use super::state::*;
use super::system_messages::System;
use super::{
    display_name, fail, fail_null, ok_null, room_index, TalkApi, TalkEvent, TalkEventKind,
};

/// 500 with statuscode 996: what a v4 moderators/attendees call without `attendeeId` gets
/// (the controller's int parameter is missing: a TypeError on the server, 114).
fn type_error() -> Reply {
    Reply::error(996, "Internal Server Error\n")
}

pub(crate) fn list(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let index = match room_index(inner, ctx.uid(), token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room = &inner.talk.rooms[index];
    let seed = inner.talk.api == TalkApi::SeedV1;
    let list = room
        .attendees
        .iter()
        .map(|a| {
            let session = a.session.as_ref();
            let last_ping = session.map_or(0, |s| s.last_ping);
            let name = display_name(inner, &a.actor_id);
            if seed {
                return map()
                    .f("userId", a.actor_id.as_str())
                    .f("displayName", name)
                    .f("participantType", a.participant_type)
                    .f("lastPing", last_ping)
                    .f(
                        "sessionId",
                        session.map_or_else(|| "0".to_owned(), |s| s.id.clone()),
                    )
                    .build();
            }
            let moderator = a.participant_type == OWNER || a.participant_type == MODERATOR;
            map()
                .f("roomToken", room.token.as_str())
                .f("inCall", session.map_or(0, |s| s.in_call))
                .f("lastPing", last_ping)
                .f(
                    "sessionIds",
                    Node::from(
                        session
                            .map(|s| s.id.clone())
                            .into_iter()
                            .collect::<Vec<_>>(),
                    ),
                )
                .f("participantType", a.participant_type)
                .f("attendeeId", a.id)
                .f("actorId", a.actor_id.as_str())
                .f("actorType", a.actor_type.as_str())
                .f("displayName", name)
                .f(
                    "permissions",
                    if moderator {
                        PERMISSIONS_MODERATOR
                    } else {
                        PERMISSIONS_USER
                    },
                )
                .f("attendeePermissions", 0)
                .f("attendeePin", "")
                .f("phoneNumber", "")
                .f("callId", "")
                .build()
        })
        .collect();
    Reply::ok(Node::List(list))
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

/// Adds a user as a plain participant, with the `user_added` message; `false` if they were in.
pub(crate) fn add_user(inner: &mut Inner, index: usize, by: &str, user: &str) -> bool {
    if inner.talk.rooms[index].attendee(user).is_some() {
        return false;
    }
    add_attendee(inner, index, user, USER);
    chat::post_system(
        inner,
        index,
        Actor::User(by.to_owned()),
        System::UserAdded(user.to_owned()),
    );
    let now = inner.now();
    let room = &inner.talk.rooms[index];
    let event = TalkEvent {
        at: now,
        token: room.token.clone(),
        room_name: room.name.clone(),
        kind: TalkEventKind::UserAdded {
            by: by.to_owned(),
            user: user.to_owned(),
        },
    };
    inner.talk.events.push(event);
    true
}

pub(crate) fn add(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match moderated(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room_type = inner.talk.rooms[index].room_type;
    if room_type != GROUP && room_type != PUBLIC {
        return fail(inner, 400, "type");
    }
    let source = ctx.params.get("source").unwrap_or("users");
    if source != "users" {
        // Groups, emails, teams and federation are not simulated.
        return fail(inner, 400, "source");
    }
    let user = ctx
        .params
        .get("newParticipant")
        .unwrap_or_default()
        .to_owned();
    if inner.user(&user).is_none() {
        return fail(inner, 404, "new-participant");
    }
    add_user(inner, index, &uid, &user);
    Reply::ok(empty())
}

/// Removes `target` from the room (ending their session), with `user_removed` by `by`.
fn remove(inner: &mut Inner, shared_index: usize, by: &str, target: &str) {
    call::end_session(inner, shared_index, target);
    let room = &mut inner.talk.rooms[shared_index];
    room.attendees.retain(|a| a.actor_id != target);
    chat::post_system(
        inner,
        shared_index,
        Actor::User(by.to_owned()),
        System::UserRemoved(target.to_owned()),
    );
    let now = inner.now();
    let room = &inner.talk.rooms[shared_index];
    let event = TalkEvent {
        at: now,
        token: room.token.clone(),
        room_name: room.name.clone(),
        kind: TalkEventKind::UserRemoved {
            by: by.to_owned(),
            user: target.to_owned(),
        },
    };
    inner.talk.events.push(event);
}

/// Checks and removes `target`: owners cannot be removed, nor can someone who is not there.
fn remove_checked(inner: &mut Inner, index: usize, uid: &str, target: Option<String>) -> Reply {
    let Some(target) = target else {
        return fail_null(inner, 404);
    };
    if target == uid {
        return leave_room_at(inner, index, uid);
    }
    let Some(attendee) = inner.talk.rooms[index].attendee(&target) else {
        return fail_null(inner, 404);
    };
    if attendee.participant_type == OWNER {
        return fail_null(inner, 403);
    }
    remove(inner, index, uid, &target);
    ok_null(inner)
}

/// v4: `DELETE attendees` with `attendeeId` (118).
pub(crate) fn remove_attendee(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let Some(attendee_id) = ctx
        .params
        .get("attendeeId")
        .and_then(|a| a.trim().parse::<i64>().ok())
    else {
        return type_error();
    };
    let index = match moderated(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let target = inner.talk.rooms[index]
        .attendees
        .iter()
        .find(|a| a.id == attendee_id)
        .map(|a| a.actor_id.clone());
    remove_checked(inner, index, &uid, target)
}

/// Seed: `DELETE participants` with `participant` (a user id).
pub(crate) fn remove_participant(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match moderated(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let target = ctx
        .params
        .get("participant")
        .filter(|p| inner.talk.rooms[index].attendee(p).is_some())
        .map(str::to_owned);
    remove_checked(inner, index, &uid, target)
}

/// Seed: `DELETE participants/guests`: the simulator has no guests to remove.
pub(crate) fn remove_guest(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    match moderated(inner, ctx.uid(), token) {
        Ok(_) => fail_null(inner, 404),
        Err(reply) => reply,
    }
}

/// `DELETE participants/self`.
pub(crate) fn leave_room(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    leave_room_at(inner, index, &uid)
}

fn leave_room_at(inner: &mut Inner, index: usize, uid: &str) -> Reply {
    let room = &inner.talk.rooms[index];
    if room.room_type == NOTE_TO_SELF {
        return fail(inner, 400, "type");
    }
    let moderators = room
        .attendees
        .iter()
        .filter(|a| a.participant_type == OWNER || a.participant_type == MODERATOR)
        .count();
    let others = room.attendees.len() > 1;
    if room.room_type != ONE_TO_ONE && room.is_moderator(uid) && moderators == 1 && others {
        return fail(inner, 400, "last-moderator");
    }
    remove(inner, index, uid, uid);
    if inner.talk.rooms[index].attendees.is_empty() {
        inner.talk.rooms.remove(index);
    }
    ok_null(inner)
}

/// `POST participants/active`: a room session (the v4 answer is the room with its
/// `sessionId`, 120; the seed's is `{sessionId}`). Users may join public rooms they are not in.
pub(crate) fn join(_shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let Some(index) = inner.talk.room_index(token) else {
        return fail(inner, 404, "");
    };
    if inner.talk.rooms[index].attendee(&uid).is_none() {
        let room = &inner.talk.rooms[index];
        if room.room_type != PUBLIC {
            return fail(inner, 404, "");
        }
        if let Some(password) = &room.password {
            if ctx.params.get("password") != Some(password.as_str()) {
                return fail(inner, 403, "password");
            }
        }
        add_attendee(inner, index, &uid, USER_SELF_JOINED);
    }
    let session_id = start_session(inner, index, &uid);
    match inner.talk.api {
        TalkApi::V4 => Reply::ok(room_node(inner, index, &uid)),
        TalkApi::SeedV1 => Reply::ok(map().f("sessionId", session_id).build()),
    }
}

/// A new room session for `uid`; it replaces the old one (the server's `force=true`).
pub(crate) fn start_session(inner: &mut Inner, index: usize, uid: &str) -> String {
    let now = inner.now();
    let session_id = inner.talk.new_session_id();
    call::end_session(inner, index, uid);
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.session = Some(Session {
            id: session_id.clone(),
            last_ping: now,
            in_call: 0,
        });
    }
    room.touch(now);
    session_id
}

/// `DELETE participants/active`: ends the session (and the user's call).
pub(crate) fn leave(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    call::end_session(inner, index, &uid);
    ok_null(inner)
}

/// `POST`/`DELETE moderators`: v4 by `attendeeId` (113/115; `participant=` → 500, 114), the
/// seed by `participant` (a user id). Only plain users are promoted, only moderators demoted.
pub(crate) fn set_moderator(inner: &mut Inner, ctx: &Ctx, token: &str, promote: bool) -> Reply {
    let uid = ctx.uid().to_owned();
    let v4 = inner.talk.api == TalkApi::V4;
    let attendee_id = ctx
        .params
        .get("attendeeId")
        .and_then(|a| a.trim().parse::<i64>().ok());
    if v4 && attendee_id.is_none() {
        return type_error();
    }
    let index = match moderated(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let participant = ctx.params.get("participant").unwrap_or_default().to_owned();
    let room = &mut inner.talk.rooms[index];
    let Some(target) = room.attendees.iter_mut().find(|a| match attendee_id {
        Some(id) if v4 => a.id == id,
        _ => a.actor_id == participant,
    }) else {
        return fail_null(inner, 404);
    };
    let allowed = if promote {
        target.participant_type == USER || target.participant_type == USER_SELF_JOINED
    } else {
        target.participant_type == MODERATOR
    };
    if !allowed {
        return fail_null(inner, 400);
    }
    target.participant_type = if promote { MODERATOR } else { USER };
    let user = target.actor_id.clone();
    let system = if promote {
        System::ModeratorPromoted(user)
    } else {
        System::ModeratorDemoted(user)
    };
    chat::post_system(inner, index, Actor::User(uid), system);
    ok_null(inner)
}

/// `POST guest/{token}/name`: only guests may, and the simulator has no guest sessions; a
/// logged-in user gets the seed's 403.
pub(crate) fn guest_name(inner: &mut Inner, _ctx: &Ctx, token: &str) -> Reply {
    if inner.talk.room(token).is_none() {
        return fail_null(inner, 404);
    }
    fail_null(inner, 403)
}
