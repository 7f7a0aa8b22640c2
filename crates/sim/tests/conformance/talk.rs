//! Talk (spreed 22), fixtures 081–143, 146–148, 155–157: rooms, participants, chat, reactions,
//! calls. Room tokens, attendee ids and message ids of the recording are mapped to the
//! simulator's as they show up in answers; besides the shapes, the values that do not depend
//! on ids, clocks or display names must match too (types, flags, unread counts, message texts
//! and system message types, error keys, `X-Chat-*` headers).

use nctray_sim::Sim;
use serde_json::Value;

use crate::replay::{self, map_query, map_segments, Answer, Captured, Part, Request};

pub const PART: Part = Part {
    name: "talk",
    replayed: &[81..=143, 146..=148, 155..=157],
    left_out: &[],
    before,
    adapt,
    learn,
    check: replay::no_check,
};

/// Sets up what the capture server had, and stands in for the PHP session cookie.
fn before(n: u32, sim: &Sim, captured: &mut Captured) {
    let control = sim.control();
    match n {
        // The group room "test" with admin's "hi" (081), and bob's "Talk updates" and
        // "Note to self" rooms from an earlier list (older than the fixture rooms, 140).
        81 => {
            let token = control
                .create_room("admin", 2, "test")
                .expect("room test is made");
            control.post_chat_message("admin", &token, "hi");
            captured.learn("token", "cs6nknj8", token);
            control.talk_room_list("bob");
        }
        // 146 was sent without the session cookie of the join (120): the simulator ties the
        // call join to the room session itself, so the session is ended for 146 and made
        // again for 147 (which was sent with the cookie).
        146 => {
            assert!(control.leave_talk_room("admin", &captured.map("token", "pj4sxr7h")));
        }
        147 => {
            let token = captured.map("token", "pj4sxr7h");
            assert!(control.join_talk_room("admin", &token).is_some());
        }
        _ => {}
    }
}

fn adapt(_: u32, request: &mut Request, captured: &Captured) {
    request.path_and_query = map_segments(&request.path_and_query, |previous, segment| {
        match previous {
            "room" | "chat" | "call" | "reaction" | "guest" => captured.map("token", segment),
            _ if captured.knows("token", previous)
                && segment.bytes().all(|b| b.is_ascii_digit()) =>
            {
                // reaction/{token}/{messageId}
                captured.map("message", segment)
            }
            _ => segment.to_owned(),
        }
    });
    request.path_and_query = map_query(&request.path_and_query, |name, value| match name {
        "lastKnownMessageId" => captured.map("message", value),
        "token" => captured.map("token", value),
        _ => value.to_owned(),
    });
    if let Some(fields) = request.body.as_object_mut() {
        for (key, value) in fields.iter_mut() {
            let kind = match key.as_str() {
                "attendeeId" => "attendee",
                "replyTo" | "lastReadMessage" => "message",
                _ => continue,
            };
            *value = Value::from(captured.map(kind, &replay::scalar(value)));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Message,
    Room,
    Other,
}

fn kind_of(object: &serde_json::Map<String, Value>) -> Kind {
    if object.contains_key("systemMessage") {
        Kind::Message
    } else if object.contains_key("participantType") && object.contains_key("lastMessage") {
        Kind::Room
    } else {
        Kind::Other
    }
}

/// Walks the recorded and the simulated answer side by side and learns the ids.
fn learn_ids(recorded: &Value, actual: &Value, captured: &mut Captured) {
    match (recorded, actual) {
        (Value::Object(r), Value::Object(a)) => {
            let kind = kind_of(r);
            for (key, rv) in r {
                let Some(av) = a.get(key) else { continue };
                let learned = match (kind, key.as_str()) {
                    (Kind::Message, "id") => Some("message"),
                    (_, "token" | "roomToken") => Some("token"),
                    (_, "attendeeId") => Some("attendee"),
                    _ => None,
                };
                match learned {
                    Some(what) if !rv.is_object() && !rv.is_array() => {
                        let rv = replay::scalar(rv);
                        if !captured.knows(what, &rv) {
                            captured.learn(what, rv, replay::scalar(av));
                        }
                    }
                    _ => learn_ids(rv, av, captured),
                }
            }
        }
        (Value::Array(r), Value::Array(a)) => {
            for (rv, av) in r.iter().zip(a) {
                learn_ids(rv, av, captured);
            }
        }
        _ => {}
    }
}

/// Keys whose values depend on the clock, on random ids or on the seeded display names.
const IGNORED: &[&str] = &[
    "id",
    "attendeeId",
    "timestamp",
    "lastActivity",
    "callStartTime",
    "lastPing",
    "sessionId",
    "sessionIds",
    "avatarVersion",
    "displayName",
    "actorDisplayName",
    "name",
    "label",
    "icon-url",
    "statusClearAt",
];

fn check_values(
    path: &str,
    recorded: &Value,
    actual: &Value,
    captured: &Captured,
    room_type: Option<i64>,
    problems: &mut Vec<String>,
) {
    match (recorded, actual) {
        (Value::Object(r), Value::Object(a)) => {
            let kind = kind_of(r);
            let room_type = if kind == Kind::Room {
                r.get("type").and_then(Value::as_i64)
            } else {
                room_type
            };
            // The changelog room's messages and counts are the simulator's own.
            let changelog = room_type == Some(4);
            for (key, rv) in r {
                let Some(av) = a.get(key) else { continue };
                let here = format!("{path}.{key}");
                let mapped = |what: &'static str| -> Option<Value> {
                    let key = replay::scalar(rv);
                    if !captured.knows(what, &key) {
                        return None;
                    }
                    let sim = captured.map(what, &key);
                    Some(match sim.parse::<i64>() {
                        Ok(number) if rv.is_number() => Value::from(number),
                        _ => Value::from(sim),
                    })
                };
                let expected = match (kind, key.as_str()) {
                    (_, "token" | "roomToken") => mapped("token"),
                    (Kind::Message, "id" | "threadId") => mapped("message"),
                    (Kind::Room, "name") => Some(rv.clone()),
                    (_, k) if IGNORED.contains(&k) => None,
                    (Kind::Message, "message") if changelog => None,
                    // The call's duration depends on the replay's pace.
                    (Kind::Message, "message") if r["systemMessage"] == "call_ended" => {
                        let strip = |v: &Value| {
                            let text = v.as_str().unwrap_or_default();
                            text.split(" (Duration")
                                .next()
                                .unwrap_or_default()
                                .to_owned()
                        };
                        if strip(rv) != strip(av) {
                            problems.push(format!("{here}: expected {rv}, got {av}"));
                        }
                        None
                    }
                    (
                        Kind::Room,
                        "lastReadMessage" | "lastCommonReadMessage" | "unreadMessages",
                    ) if changelog => None,
                    (Kind::Room, "lastReadMessage" | "lastCommonReadMessage") => mapped("message"),
                    _ if rv.is_object() || rv.is_array() => {
                        check_values(&here, rv, av, captured, room_type, problems);
                        None
                    }
                    _ => Some(rv.clone()),
                };
                if let Some(expected) = expected {
                    if expected != *av {
                        problems.push(format!("{here}: expected {expected}, got {av}"));
                    }
                }
            }
        }
        (Value::Array(r), Value::Array(a)) => {
            for (i, (rv, av)) in r.iter().zip(a).enumerate() {
                check_values(
                    &format!("{path}[{i}]"),
                    rv,
                    av,
                    captured,
                    room_type,
                    problems,
                );
            }
        }
        _ => {}
    }
}

/// Learns this answer's ids, then checks the values that must match (reported through
/// `Captured::problems`, since the checks need the ids).
fn learn(_: u32, recorded: &Value, answer: &Answer, captured: &mut Captured) {
    learn_ids(&recorded["response"]["body"], &answer.json, captured);
    let mut problems = Vec::new();
    let problems = &mut problems;
    check_values(
        "body",
        &recorded["response"]["body"],
        &answer.json,
        captured,
        None,
        problems,
    );
    let headers = recorded["response"]["headers"].as_object().unwrap();
    for name in [
        "X-Chat-Last-Given",
        "X-Chat-Last-Common-Read",
        "X-Nextcloud-Talk-Hash",
        "X-Nextcloud-Talk-Modified-Before",
    ] {
        let expected = headers.get(name).and_then(Value::as_str);
        let actual = answer.header(name);
        match (expected, actual) {
            (None, None) => {}
            (Some(expected), Some(actual)) if name.starts_with("X-Chat") => {
                if captured.knows("message", expected)
                    && captured.map("message", expected) != actual
                {
                    problems.push(format!(
                        "header {name}: expected {} (recorded {expected}), got {actual}",
                        captured.map("message", expected)
                    ));
                }
            }
            (Some(_), Some(_)) => {}
            (e, a) => problems.push(format!("header {name}: expected {e:?}, got {a:?}")),
        }
    }
    captured.problems.append(problems);
}
