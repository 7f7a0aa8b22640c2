//! Calls on `/api/v4/call/{token}` (fixtures 146–148, 155): join needs the user's room
//! session from `participants/active` (else 404, the simulator's form of surprise 26), peers,
//! leave. Joining sets the user_status "In a call" (149–151) and leaving restores it; the
//! first join posts `call_started`, later ones `call_joined`; the last one out posts
//! `call_left` and `call_ended` (157). Others get a call notification that turns into
//! "You missed a group call" if they never joined (158/160). Also the signaling settings.

use crate::json::{empty, Node};
use crate::notifications::{self, NewNotification};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};
use crate::user_status;

use super::chat::{self, call_param, view_chat};
use super::node::map;
use super::state::*;
use super::system_messages::System;
use super::{
    display_name, fail, fail_null, ok_null, room_index, TalkApi, TalkEvent, TalkEventKind,
};

/// In call, with audio, with video.
const DEFAULT_FLAGS: i64 = 7;

pub(crate) fn peers(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let index = match room_index(inner, ctx.uid(), token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room = &inner.talk.rooms[index];
    let seed = inner.talk.api == TalkApi::SeedV1;
    let list = room
        .attendees
        .iter()
        .filter_map(|a| {
            a.session
                .as_ref()
                .filter(|s| s.in_call != 0)
                .map(|s| (a, s))
        })
        .map(|(a, s)| {
            if seed {
                map()
                    .f("userId", a.actor_id.as_str())
                    .f("lastPing", s.last_ping)
                    .f("sessionId", s.id.as_str())
                    .build()
            } else {
                map()
                    .f("actorType", a.actor_type.as_str())
                    .f("actorId", a.actor_id.as_str())
                    .f("displayName", display_name(inner, &a.actor_id))
                    .f("token", room.token.as_str())
                    .f("lastPing", s.last_ping)
                    .f("sessionId", s.id.as_str())
                    .build()
            }
        })
        .collect();
    Reply::ok(Node::List(list))
}

pub(crate) fn join(shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let flags = ctx
        .params
        .get("flags")
        .and_then(|f| f.trim().parse::<i64>().ok())
        .unwrap_or(DEFAULT_FLAGS);
    join_call(shared, inner, index, &uid, flags)
}

/// `uid` joins the call of room `index` with `flags` (they need a room session).
pub(crate) fn join_call(
    shared: &Shared,
    inner: &mut Inner,
    index: usize,
    uid: &str,
    flags: i64,
) -> Reply {
    let uid = uid.to_owned();
    let token = inner.talk.rooms[index].token.clone();
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if room.room_type == NOTE_TO_SELF {
        return fail(inner, 400, "");
    }
    // Without a room session the server finds no participant for the call (146).
    let Some(session) = room.attendee_mut(&uid).and_then(|a| a.session.as_mut()) else {
        return fail_null(inner, 404);
    };
    if session.in_call != 0 {
        session.in_call = flags | 1;
        return ok_null(inner);
    }
    session.in_call = flags | 1;
    session.last_ping = now;
    room.had_activity = true;
    let started = room.call.is_none();
    match &mut room.call {
        Some(call) => {
            if !call.joined.contains(&uid) {
                call.joined.push(uid.clone());
            }
        }
        None => {
            room.call = Some(Call {
                started_at: now,
                started_by: uid.clone(),
                joined: vec![uid.clone()],
            });
        }
    }
    let system = if started {
        System::CallStarted
    } else {
        System::CallJoined
    };
    chat::post_system(inner, index, Actor::User(uid.clone()), system);
    user_status::start_call(inner, &uid);
    // Whoever joins no longer needs to be told about the call.
    inner.notifications.retain(|n| {
        !(n.new.app == "spreed"
            && n.new.user == uid
            && n.new.object_type == "call"
            && n.new.object_id == token)
    });
    if started {
        let room = &inner.talk.rooms[index];
        let event = TalkEvent {
            at: now,
            token: room.token.clone(),
            room_name: room.name.clone(),
            kind: TalkEventKind::CallStarted { by: uid.clone() },
        };
        inner.talk.events.push(event);
        notify_call(shared, inner, index, &uid);
    }
    ok_null(inner)
}

/// A call notification for every other participant who wants call notifications.
fn notify_call(shared: &Shared, inner: &mut Inner, index: usize, caller: &str) {
    let room = &inner.talk.rooms[index];
    let link = format!("{}/index.php/call/{}", shared.base_url, room.token);
    let caller_name = display_name(inner, caller);
    let mut new = Vec::new();
    for attendee in room.attendees.iter().filter(|a| a.actor_id != caller) {
        if attendee.notification_calls != 1 || attendee.notification_level == 3 {
            continue;
        }
        let viewer = attendee.actor_id.as_str();
        let (subject_rich, subject) = if room.room_type == ONE_TO_ONE {
            (
                "{user} wants to talk with you".to_owned(),
                format!("{caller_name} wants to talk with you"),
            )
        } else {
            let (_, display) = super::rooms::names(inner, room, viewer);
            (
                "{user} started a group call in {call}".to_owned(),
                format!("{caller_name} started a group call in {display}"),
            )
        };
        let params = map()
            .f(
                "user",
                map()
                    .f("type", "user")
                    .f("id", caller)
                    .f("name", caller_name.as_str())
                    .build(),
            )
            .f("call", call_param(inner, room, viewer))
            .build();
        new.push(NewNotification {
            link: link.clone(),
            app: "spreed".to_owned(),
            object_type: "call".to_owned(),
            object_id: room.token.clone(),
            subject_rich,
            subject_rich_parameters: serde_json::Value::from(&params),
            actions: vec![view_chat(&link)],
            ..NewNotification::new(viewer, subject)
        });
    }
    for notification in new {
        notifications::inject(shared, inner, notification);
    }
}

/// When the call is over, a call notification that is still there says it was missed (158).
fn mark_missed(inner: &mut Inner, index: usize) {
    let room = &inner.talk.rooms[index];
    let Some(call) = &room.call else {
        return;
    };
    let caller = call.started_by.clone();
    let caller_name = display_name(inner, &caller);
    let updates: Vec<(String, String, String, serde_json::Value)> = room
        .attendees
        .iter()
        .map(|a| {
            let viewer = a.actor_id.as_str();
            let call = call_param(inner, room, viewer);
            if room.room_type == ONE_TO_ONE {
                let user = map()
                    .f("type", "user")
                    .f("id", caller.as_str())
                    .f("name", caller_name.as_str())
                    .build();
                (
                    viewer.to_owned(),
                    "You missed a call from {user}".to_owned(),
                    format!("You missed a call from {caller_name}"),
                    serde_json::Value::from(&map().f("user", user).f("call", call).build()),
                )
            } else {
                let (_, display) = super::rooms::names(inner, room, viewer);
                (
                    viewer.to_owned(),
                    "You missed a group call in {call}".to_owned(),
                    format!("You missed a group call in {display}"),
                    serde_json::Value::from(&map().f("call", call).build()),
                )
            }
        })
        .collect();
    let token = room.token.clone();
    for notification in inner.notifications.iter_mut() {
        let new = &mut notification.new;
        if new.app != "spreed" || new.object_type != "call" || new.object_id != token {
            continue;
        }
        if let Some((_, rich, subject, params)) = updates.iter().find(|(u, ..)| *u == new.user) {
            new.subject_rich = rich.clone();
            new.subject = subject.clone();
            new.subject_rich_parameters = params.clone();
        }
    }
}

pub(crate) fn leave(_shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let has_session = inner.talk.rooms[index]
        .attendee(&uid)
        .is_some_and(|a| a.session.is_some());
    if !has_session {
        return fail_null(inner, 404);
    }
    let everyone = ctx.params.get("all") == Some("true") || ctx.params.get("all") == Some("1");
    if everyone && inner.talk.rooms[index].is_moderator(&uid) {
        let in_call: Vec<String> = inner.talk.rooms[index]
            .attendees
            .iter()
            .filter(|a| a.session.as_ref().is_some_and(|s| s.in_call != 0))
            .map(|a| a.actor_id.clone())
            .collect();
        for user in in_call {
            leave_call(inner, index, &user);
        }
    } else {
        leave_call(inner, index, &uid);
    }
    ok_null(inner)
}

/// Takes `uid` out of the call (if in it): `call_left`, their status back, and `call_ended`
/// when nobody is left.
pub(crate) fn leave_call(inner: &mut Inner, index: usize, uid: &str) {
    let room = &mut inner.talk.rooms[index];
    let Some(session) = room.attendee_mut(uid).and_then(|a| a.session.as_mut()) else {
        return;
    };
    if session.in_call == 0 {
        return;
    }
    session.in_call = 0;
    chat::post_system(inner, index, Actor::User(uid.to_owned()), System::CallLeft);
    user_status::end_call(inner, uid);
    let room = &inner.talk.rooms[index];
    let anyone_left = room
        .attendees
        .iter()
        .any(|a| a.session.as_ref().is_some_and(|s| s.in_call != 0));
    if anyone_left {
        return;
    }
    let now = inner.now();
    let Some(call) = &room.call else {
        return;
    };
    let mut users = call.joined.clone();
    users.sort();
    let duration = now - call.started_at;
    mark_missed(inner, index);
    let room = &mut inner.talk.rooms[index];
    room.call = None;
    let (token, name) = (room.token.clone(), room.name.clone());
    chat::post_system(
        inner,
        index,
        Actor::User(uid.to_owned()),
        System::CallEnded {
            users: users.clone(),
            duration,
        },
    );
    inner.talk.events.push(TalkEvent {
        at: now,
        token,
        room_name: name,
        kind: TalkEventKind::CallEnded { users, duration },
    });
}

/// Ends `uid`'s room session (leaving the call first).
pub(crate) fn end_session(inner: &mut Inner, index: usize, uid: &str) {
    leave_call(inner, index, uid);
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        if attendee.session.take().is_some() {
            room.touch(now);
        }
    }
}

/// `GET signaling/settings` (v3 today, v1 in the seed): internal signaling, one STUN server.
pub(crate) fn signaling_settings(inner: &mut Inner, ctx: &Ctx) -> Reply {
    let uid = ctx.uid().to_owned();
    if let Some(token) = ctx.params.get("token").filter(|t| !t.is_empty()) {
        if let Err(reply) = room_index(inner, &uid, token) {
            return reply;
        }
    }
    let ticket = format!(
        "{}:{}",
        inner.now(),
        inner.talk.random(32, b"0123456789abcdef")
    );
    if inner.talk.api == TalkApi::SeedV1 {
        return Reply::ok(
            map()
                .f(
                    "stunservers",
                    Node::List(vec![map().f("url", "stun.nextcloud.com:443").build()]),
                )
                .f("turnservers", empty())
                .f("server", "")
                .f("ticket", ticket)
                .build(),
        );
    }
    let stun = map()
        .f("urls", Node::from(vec!["stun.nextcloud.com:443"]))
        .build();
    Reply::ok(
        map()
            .f("signalingMode", "internal")
            .f("userId", uid.as_str())
            .f("hideWarning", false)
            .f("server", "")
            .f("ticket", ticket.as_str())
            .f(
                "helloAuthParams",
                map()
                    .f(
                        "1.0",
                        map()
                            .f("userid", uid.as_str())
                            .f("ticket", ticket.as_str())
                            .build(),
                    )
                    .f("2.0", map().f("token", "").build())
                    .build(),
            )
            .f("federation", empty())
            .f("stunservers", Node::List(vec![stun]))
            .f("turnservers", empty())
            .f("sipDialinInfo", "")
            .build(),
    )
}
