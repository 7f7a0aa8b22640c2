//! Reactions on `/api/v1/reaction/{token}/{messageId}` (fixtures 125–128): add (201, or 200
//! when already given), list, remove. Each reaction is also a `reaction` system message; taking
//! it back turns that into `reaction_deleted` and adds `reaction_revoked` (129).

use crate::json::{empty, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::Inner;

use super::chat;
use super::node::map;
use super::state::Actor;
use super::system_messages::System;
use super::{display_name, fail, fail_null, room_index};

/// The room and the comment `id` in it, or the 404.
fn target(inner: &Inner, uid: &str, token: &str, id: i64) -> Result<usize, Reply> {
    let index = room_index(inner, uid, token)?;
    match inner.talk.rooms[index].message(id) {
        Some(message) if message.is_comment() => Ok(index),
        _ => Err(fail_null(inner, 404)),
    }
}

/// `{emoji: [{actorType, actorId, actorDisplayName, timestamp}, …]}`, newest first;
/// `[]` when there are none (PHP's empty array).
fn reactions_node(inner: &Inner, index: usize, id: i64, only: Option<&str>) -> Node {
    let Some(message) = inner.talk.rooms[index].message(id) else {
        return empty();
    };
    let mut emojis: Vec<(String, Vec<Node>)> = Vec::new();
    for (emoji, user, at) in message.reactions.iter().rev() {
        if only.is_some_and(|o| o != emoji) {
            continue;
        }
        let entry = map()
            .f("actorType", "users")
            .f("actorId", user.as_str())
            .f("actorDisplayName", display_name(inner, user))
            .f("timestamp", *at)
            .build();
        match emojis.iter_mut().find(|(e, _)| e == emoji) {
            Some((_, list)) => list.push(entry),
            None => emojis.push((emoji.clone(), vec![entry])),
        }
    }
    if emojis.is_empty() {
        return empty();
    }
    Node::Map(
        emojis
            .into_iter()
            .map(|(emoji, list)| (emoji, Node::List(list)))
            .collect(),
    )
}

pub(crate) fn list(inner: &mut Inner, ctx: &Ctx, token: &str, id: i64) -> Reply {
    let index = match target(inner, ctx.uid(), token, id) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let only = ctx.params.get("reaction").filter(|r| !r.is_empty());
    Reply::ok(reactions_node(inner, index, id, only))
}

pub(crate) fn add(inner: &mut Inner, ctx: &Ctx, token: &str, id: i64) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match target(inner, &uid, token, id) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let emoji = ctx
        .params
        .get("reaction")
        .unwrap_or_default()
        .trim()
        .to_owned();
    if emoji.is_empty() {
        return fail(inner, 400, "reaction");
    }
    let given = inner.talk.rooms[index]
        .message(id)
        .is_some_and(|m| m.reactions.iter().any(|(e, u, _)| *e == emoji && *u == uid));
    if given {
        return Reply::ok(reactions_node(inner, index, id, None));
    }
    let now = inner.now();
    if let Some(message) = inner.talk.rooms[index]
        .messages
        .iter_mut()
        .find(|m| m.id == id)
    {
        message.reactions.push((emoji.clone(), uid.clone(), now));
    }
    chat::post_system_about(
        inner,
        index,
        Actor::User(uid),
        System::Reaction,
        Some(id),
        &emoji,
    );
    let mut reply = Reply::ok(reactions_node(inner, index, id, None));
    reply.code = 201;
    reply
}

pub(crate) fn remove(inner: &mut Inner, ctx: &Ctx, token: &str, id: i64) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match target(inner, &uid, token, id) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let emoji = ctx
        .params
        .get("reaction")
        .unwrap_or_default()
        .trim()
        .to_owned();
    let room = &mut inner.talk.rooms[index];
    let Some(message) = room.messages.iter_mut().find(|m| m.id == id) else {
        return fail_null(inner, 404);
    };
    let before = message.reactions.len();
    message
        .reactions
        .retain(|(e, u, _)| !(*e == emoji && *u == uid));
    if message.reactions.len() == before {
        return fail_null(inner, 404);
    }
    // The reaction's own system message now says it was deleted.
    if let Some(reaction) = room.messages.iter_mut().rev().find(|m| {
        m.system == Some(System::Reaction)
            && m.parent == Some(id)
            && m.text == emoji
            && m.author() == Some(uid.as_str())
    }) {
        reaction.system = Some(System::ReactionDeleted);
        reaction.text.clear();
    }
    chat::post_system_about(
        inner,
        index,
        Actor::User(uid),
        System::ReactionRevoked,
        Some(id),
        "",
    );
    Reply::ok(reactions_node(inner, index, id, None))
}
