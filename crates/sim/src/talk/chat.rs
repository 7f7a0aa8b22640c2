//! Chat on `/api/v1/chat/{token}`: history and long-poll (fixtures 129–134, 142, 157), send
//! with replies and mentions (121–124, 141), mention autocomplete (135/136), the read marker
//! (137/138), the message object, and the chat notifications (158/160).

use crate::json::{empty, Node};
use crate::notifications::{self, NewNotification, NotificationAction};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};

use super::node::{map, user_param};
use super::rooms::{self, call_type, names};
use super::state::*;
use super::system_messages::{self, System};
use super::{display_name, fail, room_index, TalkApi, TalkEvent, TalkEventKind};

/// History page size: 100 by default, 200 at most.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 200;
/// Long-poll timeout in seconds: 30 by default, 60 at most.
const DEFAULT_TIMEOUT: u64 = 30;
const MAX_TIMEOUT: u64 = 60;

/// Stores a message and wakes the room's long-polls; returns its id.
pub(crate) fn post(
    inner: &mut Inner,
    index: usize,
    actor: Actor,
    text: &str,
    parent: Option<i64>,
    reference_id: String,
) -> i64 {
    let mentions = match &actor {
        Actor::User(_) => parse_mentions(text)
            .into_iter()
            .filter(|(_, _, id)| id == "all" || inner.user(id).is_some())
            .map(|(_, _, id)| id)
            .collect(),
        _ => Vec::new(),
    };
    let message = new_message(inner, index, actor, text, None, parent);
    let now = message.timestamp;
    let id = message.id;
    let room = &mut inner.talk.rooms[index];
    room.messages.push(Message {
        mentions,
        reference_id,
        ..message
    });
    room.last_activity = now;
    room.had_activity = true;
    room.touch(now);
    id
}

/// Stores a system message by `actor`.
pub(crate) fn post_system(inner: &mut Inner, index: usize, actor: Actor, system: System) -> i64 {
    post_system_about(inner, index, actor, system, None, "")
}

/// A system message that may point at a `parent` (reactions) and carry a `text` (the emoji).
pub(crate) fn post_system_about(
    inner: &mut Inner,
    index: usize,
    actor: Actor,
    system: System,
    parent: Option<i64>,
    text: &str,
) -> i64 {
    let silent = system.is_silent();
    let message = new_message(inner, index, actor, text, Some(system), parent);
    let now = message.timestamp;
    let id = message.id;
    let room = &mut inner.talk.rooms[index];
    room.messages.push(message);
    if !silent {
        room.last_activity = now;
    }
    room.touch(now);
    id
}

fn new_message(
    inner: &mut Inner,
    index: usize,
    actor: Actor,
    text: &str,
    system: Option<System>,
    parent: Option<i64>,
) -> Message {
    let now = inner.now();
    let id = inner.talk.next_message_id;
    inner.talk.next_message_id += 1;
    let room = &inner.talk.rooms[index];
    // A reply and a reaction belong to the thread of the message they point at (129).
    let thread_id = parent
        .and_then(|p| room.message(p))
        .map_or(id, |p| p.thread_id);
    Message {
        id,
        actor,
        timestamp: now,
        text: text.to_owned(),
        system,
        reference_id: String::new(),
        parent,
        thread_id,
        reactions: Vec::new(),
        mentions: Vec::new(),
    }
}

/// `(start, end, id)` of every `@mention` in `text`: `@bob`, `@"bob smith"`, `@all`; only at
/// the start or after white space, like the comments app's pattern.
fn parse_mentions(text: &str) -> Vec<(usize, usize, String)> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_-@.'".contains(c);
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '@' && previous.is_none_or(char::is_whitespace) {
            let rest = &text[start + 1..];
            let (id, len) = if let Some(quoted) = rest.strip_prefix('"') {
                match quoted.find('"') {
                    Some(end) => (quoted[..end].to_owned(), end + 2),
                    None => (String::new(), 0),
                }
            } else {
                let len: usize = rest
                    .chars()
                    .take_while(|c| allowed(*c))
                    .map(char::len_utf8)
                    .sum();
                (rest[..len].to_owned(), len)
            };
            if !id.is_empty() {
                let end = start + 1 + len;
                found.push((start, end, id));
                while chars.peek().is_some_and(|(i, _)| *i < end) {
                    previous = chars.next().map(|(_, c)| c);
                }
                continue;
            }
        }
        previous = Some(c);
    }
    found
}

/// `(message, messageParameters, plain text)` of a comment: mentions become
/// `{mention-user1}`/`{mention-call1}` with rich objects (123); the plain text (for
/// notifications) says `@Bob`.
fn render_comment(inner: &Inner, room: &Room, text: &str, viewer: &str) -> (String, Node, String) {
    let mut message = String::new();
    let mut plain = String::new();
    let mut params = map();
    let mut users: Vec<String> = Vec::new();
    let mut any = false;
    let mut at = 0;
    for (start, end, id) in parse_mentions(text) {
        let (key, param, label) = if id == "all" {
            let (_, display) = names(inner, room, viewer);
            let param = map()
                .f("type", "call")
                .f("id", room.token.as_str())
                .f("name", display)
                .f("call-type", call_type(room))
                .f("icon-url", avatar_url(inner, room))
                .f("mention-id", "all")
                .build();
            ("mention-call1".to_owned(), param, "@all".to_owned())
        } else if inner.user(&id).is_some() {
            let n = match users.iter().position(|u| *u == id) {
                Some(n) => n + 1,
                None => {
                    users.push(id.clone());
                    users.len()
                }
            };
            let name = display_name(inner, &id);
            let label = format!("@{name}");
            (format!("mention-user{n}"), user_param(&id, &name), label)
        } else {
            continue;
        };
        message.push_str(&text[at..start]);
        plain.push_str(&text[at..start]);
        message.push_str(&format!("{{{key}}}"));
        plain.push_str(&label);
        params.push(&key, param);
        any = true;
        at = end;
    }
    message.push_str(&text[at..]);
    plain.push_str(&text[at..]);
    let params = if any { params.build() } else { empty() };
    (message, params, plain)
}

pub(crate) fn avatar_url(inner: &Inner, room: &Room) -> String {
    format!(
        "{}/ocs/v2.php/apps/spreed/api/v1/room/{}/avatar?v={}",
        inner.talk.base_url, room.token, room.avatar_version
    )
}

/// The message object for `viewer`; `with_parent` adds the replied-to message (not in
/// `lastMessage`, 137).
pub(crate) fn message_node(
    inner: &Inner,
    room: &Room,
    message: &Message,
    viewer: &str,
    with_parent: bool,
) -> Node {
    let (actor_type, actor_id, actor_name) = match &message.actor {
        Actor::User(id) => ("users", id.clone(), display_name(inner, id)),
        Actor::Changelog => ("bots", "changelog".to_owned(), "Talk updates ✅".to_owned()),
        Actor::System => ("guests", "system".to_owned(), String::new()),
    };
    let (text, parameters) = match &message.system {
        Some(system) => {
            system_messages::render(system, &message.actor, &message.text, viewer, &|id| {
                display_name(inner, id)
            })
        }
        None => {
            let (text, parameters, _) = render_comment(inner, room, &message.text, viewer);
            (text, parameters)
        }
    };
    let system = message.system.as_ref().map_or("", System::name);

    if inner.talk.api == TalkApi::SeedV1 {
        return map()
            .f("id", message.id)
            .f("token", room.token.as_str())
            .f("actorType", actor_type)
            .f("actorId", actor_id)
            .f("actorDisplayName", actor_name)
            .f("timestamp", message.timestamp)
            .f("systemMessage", system)
            .f("message", text)
            .f("messageParameters", parameters)
            .build();
    }

    // Counts per emoji in the order they were first given; the viewer's own in reactionsSelf.
    let mut counts: Vec<(String, i64)> = Vec::new();
    let mut own: Vec<String> = Vec::new();
    for (emoji, user, _) in &message.reactions {
        match counts.iter_mut().find(|(e, _)| e == emoji) {
            Some((_, n)) => *n += 1,
            None => counts.push((emoji.clone(), 1)),
        }
        if user == viewer {
            own.push(emoji.clone());
        }
    }
    let reactions = Node::Map(
        counts
            .into_iter()
            .map(|(emoji, n)| (emoji, Node::from(n)))
            .collect(),
    );
    let comment = message.is_comment();
    let mut node = map()
        .f("id", message.id)
        .f("token", room.token.as_str())
        .f("actorType", actor_type)
        .f("actorId", actor_id)
        .f("actorDisplayName", actor_name)
        .f("timestamp", message.timestamp)
        .f("message", text)
        .f("messageParameters", parameters)
        .f("systemMessage", system)
        .f("messageType", if comment { "comment" } else { "system" })
        .f("isReplyable", comment)
        .f("referenceId", message.reference_id.as_str())
        .f("reactions", reactions);
    if !own.is_empty() {
        node.push("reactionsSelf", Node::from(own));
    }
    node.push("expirationTimestamp", 0);
    node.push("markdown", comment);
    node.push("threadId", message.thread_id);
    if with_parent {
        if let Some(parent) = message.parent.and_then(|p| room.message(p)) {
            node.push("parent", message_node(inner, room, parent, viewer, false));
        }
    }
    node.build()
}

fn number<T: std::str::FromStr>(ctx: &Ctx, name: &str) -> Option<T> {
    ctx.params.get(name).and_then(|v| v.trim().parse().ok())
}

/// `GET chat/{token}`: history (`lookIntoFuture=0`, newest first, 304 past the first
/// message) or long-poll (`lookIntoFuture=1`, oldest first, waits up to `timeout` seconds
/// and answers as soon as a message arrives, else 304).
pub(crate) fn receive(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let future = ctx.params.get("lookIntoFuture") == Some("1");
    let limit = number::<usize>(ctx, "limit")
        .unwrap_or(DEFAULT_LIMIT)
        .clamp(1, MAX_LIMIT);
    let last_known = number::<i64>(ctx, "lastKnownMessageId").unwrap_or(0);
    let include_last_known = ctx.params.get("includeLastKnown") == Some("1");
    let set_read_marker = ctx.params.get("setReadMarker") != Some("0");

    let room = &inner.talk.rooms[index];
    let ids: Vec<i64> = if future {
        room.messages
            .iter()
            .filter(|m| m.id > last_known || (include_last_known && m.id == last_known))
            .take(limit)
            .map(|m| m.id)
            .collect()
    } else {
        room.messages
            .iter()
            .rev()
            .filter(|m| {
                last_known <= 0 || m.id < last_known || (include_last_known && m.id == last_known)
            })
            .take(limit)
            .map(|m| m.id)
            .collect()
    };

    if ids.is_empty() {
        if future {
            let timeout = number::<u64>(ctx, "timeout")
                .unwrap_or(DEFAULT_TIMEOUT)
                .min(MAX_TIMEOUT);
            let deadline = inner.talk.resume.take().unwrap_or_else(|| {
                tokio::time::Instant::now() + std::time::Duration::from_secs(timeout)
            });
            if tokio::time::Instant::now() < deadline {
                // ocs::dispatch waits outside the lock and asks again (state::Wait).
                let changed = inner.talk.rooms[index].changed.subscribe();
                inner.talk.wait = Some(Wait { changed, deadline });
            }
        }
        return Reply::error(304, "");
    }

    let room = &inner.talk.rooms[index];
    let messages: Vec<Node> = ids
        .iter()
        .filter_map(|id| room.message(*id))
        .map(|m| message_node(inner, room, m, &uid, true))
        .collect();
    // The newest given when polling, the oldest when paging back: the next lastKnownMessageId.
    let last_given = *ids.last().unwrap_or(&0);
    let marker = inner.talk.rooms[index]
        .attendee(&uid)
        .map_or(0, |a| a.last_read_message);
    if future && set_read_marker && last_given > marker {
        mark_read(inner, index, &uid, last_given);
    }
    let common = inner.talk.rooms[index].last_common_read();
    Reply::ok(Node::List(messages))
        .header("X-Chat-Last-Given", last_given.to_string())
        .header("X-Chat-Last-Common-Read", common.to_string())
}

/// Moves `uid`'s read marker and drops their chat notifications up to it.
fn mark_read(inner: &mut Inner, index: usize, uid: &str, message_id: i64) {
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.last_read_message = message_id;
    }
    let prefix = format!("{}/", room.token);
    room.touch(now);
    inner.notifications.retain(|n| {
        let read = n.new.app == "spreed"
            && n.new.user == uid
            && n.new.object_type == "chat"
            && n.new
                .object_id
                .strip_prefix(&prefix)
                .and_then(|id| id.parse::<i64>().ok())
                .is_some_and(|id| id <= message_id);
        !read
    });
}

/// `POST chat/{token}`: 201 with the message (and its parent), `X-Chat-Last-Common-Read`;
/// 413 above `config.chat.max-length`.
pub(crate) fn send(shared: &Shared, inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    if inner.talk.rooms[index].read_only != 0 {
        return fail(inner, 403, "");
    }
    let text = ctx.params.get("message").unwrap_or_default().to_owned();
    if text.trim().is_empty() {
        return fail(inner, 400, "message");
    }
    if text.chars().count() > inner.talk.api.max_length() {
        return fail(inner, 413, "message");
    }
    let v4 = inner.talk.api == TalkApi::V4;
    let parent = match number::<i64>(ctx, "replyTo").filter(|id| *id > 0 && v4) {
        Some(id) => match inner.talk.rooms[index].message(id) {
            Some(parent) if parent.is_comment() => Some(id),
            _ => return fail(inner, 400, "reply-to"),
        },
        None => None,
    };
    let reference_id = if v4 {
        ctx.params.get("referenceId").unwrap_or_default().to_owned()
    } else {
        String::new()
    };
    let silent = ctx
        .params
        .get("silent")
        .is_some_and(|s| s == "1" || s == "true");
    let id = send_message(
        shared,
        inner,
        index,
        &uid,
        &text,
        parent,
        reference_id,
        silent,
    );

    let room = &inner.talk.rooms[index];
    let message = room.message(id).expect("just posted");
    let node = message_node(inner, room, message, &uid, true);
    let common = room.last_common_read();
    let mut reply = Reply::ok(node).header("X-Chat-Last-Common-Read", common.to_string());
    reply.code = 201;
    reply
}

/// Posts a comment by `uid`: their read marker moves to it, the others get notified.
#[allow(clippy::too_many_arguments)]
pub(crate) fn send_message(
    shared: &Shared,
    inner: &mut Inner,
    index: usize,
    uid: &str,
    text: &str,
    parent: Option<i64>,
    reference_id: String,
    silent: bool,
) -> i64 {
    let id = post(
        inner,
        index,
        Actor::User(uid.to_owned()),
        text,
        parent,
        reference_id,
    );
    let now = inner.now();
    let room = &mut inner.talk.rooms[index];
    if let Some(attendee) = room.attendee_mut(uid) {
        attendee.last_read_message = id;
    }
    let (token, name) = (room.token.clone(), room.name.clone());
    inner.talk.events.push(TalkEvent {
        at: now,
        token,
        room_name: name,
        kind: TalkEventKind::MessagePosted {
            by: uid.to_owned(),
            message_id: id,
        },
    });
    if !silent {
        notify_chat(shared, inner, index, id);
    }
    id
}

/// A chat notification for each other participant whose level asks for one (158/160):
/// level 1 every message, level 2 (group default) mentions only, level 3 never.
fn notify_chat(shared: &Shared, inner: &mut Inner, index: usize, message_id: i64) {
    let room = &inner.talk.rooms[index];
    let Some(message) = room.message(message_id) else {
        return;
    };
    let Some(author) = message.author().map(str::to_owned) else {
        return;
    };
    let author_name = display_name(inner, &author);
    let link = format!(
        "{}/index.php/call/{}#message_{message_id}",
        shared.base_url, room.token
    );
    let mut new = Vec::new();
    for attendee in room.attendees.iter().filter(|a| a.actor_id != author) {
        let direct = message.mentions.contains(&attendee.actor_id);
        let everyone = message.mentions.iter().any(|m| m == "all");
        let wanted = match attendee.notification_level {
            1 => true,
            2 => direct || everyone,
            _ => false,
        };
        if !wanted {
            continue;
        }
        let viewer = attendee.actor_id.as_str();
        let (_, room_display) = names(inner, room, viewer);
        let (rich, params, plain) = render_comment(inner, room, &message.text, viewer);
        let (subject_rich, subject) = if room.room_type == ONE_TO_ONE {
            (
                "{user} sent you a private message".to_owned(),
                format!("{author_name} sent you a private message"),
            )
        } else if direct {
            (
                "{user} mentioned you in conversation {call}".to_owned(),
                format!("{author_name} mentioned you in conversation {room_display}"),
            )
        } else if everyone {
            (
                "{user} mentioned everyone in conversation {call}".to_owned(),
                format!("{author_name} mentioned everyone in conversation {room_display}"),
            )
        } else {
            (
                "{user} sent a message in conversation {call}".to_owned(),
                format!("{author_name} sent a message in conversation {room_display}"),
            )
        };
        let subject_params = map()
            .f(
                "user",
                map()
                    .f("type", "user")
                    .f("id", author.as_str())
                    .f("name", author_name.as_str())
                    .build(),
            )
            .f("call", call_param(inner, room, viewer))
            .build();
        new.push(NewNotification {
            message: plain,
            link: link.clone(),
            app: "spreed".to_owned(),
            object_type: "chat".to_owned(),
            object_id: format!("{}/{message_id}", room.token),
            subject_rich,
            subject_rich_parameters: serde_json::Value::from(&subject_params),
            message_rich: rich,
            message_rich_parameters: serde_json::Value::from(&params),
            actions: vec![view_chat(&link)],
            ..NewNotification::new(viewer, subject)
        });
    }
    for notification in new {
        notifications::inject(shared, inner, notification);
    }
}

/// The rich `call` object of a room for `viewer` (158).
pub(crate) fn call_param(inner: &Inner, room: &Room, viewer: &str) -> Node {
    let (_, display) = names(inner, room, viewer);
    map()
        .f("type", "call")
        .f("id", room.id.to_string())
        .f("name", display)
        .f("call-type", call_type(room))
        .f("icon-url", avatar_url(inner, room))
        .build()
}

/// Talk notifications have one action: open the chat in the browser (158).
pub(crate) fn view_chat(link: &str) -> NotificationAction {
    NotificationAction {
        label: "View chat".to_owned(),
        link: link.to_owned(),
        request_type: "WEB".to_owned(),
        primary: false,
    }
}

/// `GET chat/{token}/mentions`: the room's users matching `search`, then `all` (135/136).
pub(crate) fn mentions(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let search = ctx.params.get("search").unwrap_or_default().to_lowercase();
    let limit = number::<usize>(ctx, "limit").unwrap_or(20);
    let v4 = inner.talk.api == TalkApi::V4;
    let room = &inner.talk.rooms[index];
    let matches = |id: &str, label: &str| {
        search.is_empty()
            || id.to_lowercase().contains(&search)
            || label.to_lowercase().contains(&search)
    };
    // The others first, the caller last.
    let mut users: Vec<&Attendee> = room
        .attendees
        .iter()
        .filter(|a| a.actor_id != uid)
        .collect();
    users.extend(room.attendees.iter().filter(|a| a.actor_id == uid));
    let mut list = Vec::new();
    for attendee in users {
        let label = display_name(inner, &attendee.actor_id);
        if !matches(&attendee.actor_id, &label) {
            continue;
        }
        let mut entry = map()
            .f("id", attendee.actor_id.as_str())
            .f("label", label)
            .f("source", "users");
        if v4 {
            entry.push("mentionId", attendee.actor_id.as_str());
        }
        list.push(entry.build());
    }
    let (_, display) = names(inner, room, &uid);
    if room.room_type != ONE_TO_ONE
        && (search.is_empty()
            || "all".starts_with(&search)
            || display.to_lowercase().contains(&search))
    {
        let mut entry = map()
            .f("id", "all")
            .f("label", display)
            .f("source", "calls");
        if v4 {
            entry.push("mentionId", "all");
            entry.push(
                "details",
                format!("All {} participants", room.attendees.len()),
            );
        }
        list.push(entry.build());
    }
    list.truncate(limit);
    Reply::ok(Node::List(list))
}

/// `POST chat/{token}/read`: moves the marker (back too, 137) and answers with the room.
pub(crate) fn set_read_marker(
    _shared: &Shared,
    inner: &mut Inner,
    ctx: &Ctx,
    token: &str,
) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let newest = inner.talk.rooms[index].last_message_id();
    let id = number::<i64>(ctx, "lastReadMessage").unwrap_or(newest);
    mark_read(inner, index, &uid, id);
    let common = inner.talk.rooms[index].last_common_read();
    Reply::ok(rooms::room_node(inner, index, &uid))
        .header("X-Chat-Last-Common-Read", common.to_string())
}

/// `DELETE chat/{token}/read` (feature `chat-unread`): moves the marker to the message before
/// the room's last message (0 when there is none) and answers with the room.
pub(crate) fn mark_unread(inner: &mut Inner, ctx: &Ctx, token: &str) -> Reply {
    let uid = ctx.uid().to_owned();
    let index = match room_index(inner, &uid, token) {
        Ok(index) => index,
        Err(reply) => return reply,
    };
    let room = &inner.talk.rooms[index];
    let last = room.last_message().map_or(0, |m| m.id);
    let before = room
        .messages
        .iter()
        .rev()
        .map(|m| m.id)
        .find(|&id| id < last)
        .unwrap_or(0);
    mark_read(inner, index, &uid, before);
    let common = inner.talk.rooms[index].last_common_read();
    Reply::ok(rooms::room_node(inner, index, &uid))
        .header("X-Chat-Last-Common-Read", common.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_at_word_starts_only() {
        let ids = |t: &str| -> Vec<String> {
            parse_mentions(t).into_iter().map(|(_, _, id)| id).collect()
        };
        assert_eq!(ids("Hi @bob, please review"), vec!["bob"]);
        assert_eq!(ids("@all look"), vec!["all"]);
        assert_eq!(ids("mail me@bob.com"), Vec::<String>::new());
        assert_eq!(ids("ask @\"carol\" and @admin"), vec!["carol", "admin"]);
        assert_eq!(ids("ä @bob"), vec!["bob"]);
    }
}
