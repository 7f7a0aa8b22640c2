//! Talk (spreed 22) as the fixtures 081–157 show it: rooms on `/api/v4/room…`, calls on
//! `/api/v4/call/{token}`, chat and reactions on `/api/v1`, signaling settings on `/api/v3`.
//! With [`TalkApi::SeedV1`] the simulator is instead the Talk of the seed document
//! (`talk-api-v1.txt`): rooms and calls on `/api/v1`, the seed's field names, 1000 characters.
//!
//! Deliberate simplifications (docs in the closing note of issue 3): no guest sessions (the
//! guest endpoints answer logged-in users with 403 and anonymous callers with 401 like every
//! authenticated OCS route), no groups/emails/circles as participants, one session per user
//! and room, and a call join needs that user's room session instead of the PHP session cookie
//! (surprise 26).

mod call;
mod chat;
mod control;
pub(crate) mod demo;
mod node;
mod participants;
mod reactions;
mod rooms;
pub(crate) mod state;
pub(crate) mod system_messages;

use axum::http::Method;

use crate::capabilities::md5_hex;
use crate::json::{obj, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, Shared};

pub(crate) use control::control_routes;
pub use control::StoredMessage;
pub(crate) use state::{Talk, TalkEvent, TalkEventKind};

/// Which Talk the simulator is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TalkApi {
    /// spreed 22 as recorded (`conversation-v4`, 32000-character chat).
    #[default]
    V4,
    /// The seed document's Talk: rooms on `/api/v1`, no `conversation-v4` feature, the seed's
    /// room and participant fields, a 1000-character chat limit, no reactions/read marker.
    SeedV1,
}

impl TalkApi {
    /// `config.chat.max-length`.
    pub(crate) fn max_length(self) -> usize {
        match self {
            TalkApi::V4 => 32_000,
            TalkApi::SeedV1 => 1_000,
        }
    }
}

const INVALID_QUERY: &str = "Invalid query, please check the syntax. API specifications are \
    here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n";

/// A Talk endpoint. `String`s are room tokens, `i64`s message ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    ListRooms,
    CreateRoom,
    GetRoom(String),
    RenameRoom(String),
    DeleteRoom(String),
    SetDescription(String),
    MakePublic(String),
    MakePrivate(String),
    SetPassword(String),
    AddFavorite(String),
    RemoveFavorite(String),
    SetNotificationLevel(String),
    Participants(String),
    AddParticipant(String),
    /// v4: `DELETE attendees` with `attendeeId`.
    RemoveAttendee(String),
    /// Seed: `DELETE participants` with `participant` (a user id).
    RemoveParticipant(String),
    /// Seed: `DELETE participants/guests`.
    RemoveGuest(String),
    LeaveRoom(String),
    JoinSession(String),
    LeaveSession(String),
    Promote(String),
    Demote(String),
    CallPeers(String),
    JoinCall(String),
    LeaveCall(String),
    GuestName(String),
    SignalingSettings,
    Receive(String),
    Send(String),
    Mentions(String),
    SetReadMarker(String),
    MarkUnread(String),
    Reactions(String, i64),
    React(String, i64),
    Unreact(String, i64),
}

/// Which API generation a route belongs to; `None` when both have it.
type Era = Option<TalkApi>;

/// The routes under `apps/spreed/api/`, with their method and era.
pub(crate) fn routes(rest: &[&str]) -> Vec<(Method, Route, Era)> {
    use Route::*;
    let (get, put, post, delete) = (Method::GET, Method::PUT, Method::POST, Method::DELETE);
    let t = |s: &&str| (*s).to_owned();
    let id = |s: &&str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().unwrap_or(0))
    };
    let era = match rest.first() {
        Some(&"v4") => Some(TalkApi::V4),
        Some(&"v1") => Some(TalkApi::SeedV1),
        _ => None,
    };
    let routes: Vec<(Method, Route)> = match rest {
        // Rooms and calls: v4 today, v1 in the seed (082/083: other versions are no routes).
        [_, "room"] if era.is_some() => vec![(get, ListRooms), (post, CreateRoom)],
        [_, "room", token] if era.is_some() => vec![
            (get, GetRoom(t(token))),
            (put, RenameRoom(t(token))),
            (delete, DeleteRoom(t(token))),
        ],
        [_, "room", token, "description"] if era == Some(TalkApi::V4) => {
            vec![(put, SetDescription(t(token)))]
        }
        [_, "room", token, "public"] if era.is_some() => vec![
            (post, MakePublic(t(token))),
            (delete, MakePrivate(t(token))),
        ],
        [_, "room", token, "password"] if era.is_some() => vec![(put, SetPassword(t(token)))],
        [_, "room", token, "favorite"] if era.is_some() => vec![
            (post, AddFavorite(t(token))),
            (delete, RemoveFavorite(t(token))),
        ],
        [_, "room", token, "notify"] if era.is_some() => {
            vec![(post, SetNotificationLevel(t(token)))]
        }
        [_, "room", token, "participants"] => match era {
            // v4 has no DELETE here (117 → 405): attendees are removed by id.
            Some(TalkApi::V4) => vec![
                (get, Participants(t(token))),
                (post, AddParticipant(t(token))),
            ],
            Some(TalkApi::SeedV1) => vec![
                (get, Participants(t(token))),
                (post, AddParticipant(t(token))),
                (delete, RemoveParticipant(t(token))),
            ],
            None => Vec::new(),
        },
        ["v4", "room", token, "attendees"] => vec![(delete, RemoveAttendee(t(token)))],
        ["v1", "room", token, "participants", "guests"] => {
            vec![(delete, RemoveGuest(t(token)))]
        }
        [_, "room", token, "participants", "self"] if era.is_some() => {
            vec![(delete, LeaveRoom(t(token)))]
        }
        [_, "room", token, "participants", "active"] if era.is_some() => vec![
            (post, JoinSession(t(token))),
            (delete, LeaveSession(t(token))),
        ],
        [_, "room", token, "moderators"] if era.is_some() => {
            vec![(post, Promote(t(token))), (delete, Demote(t(token)))]
        }
        [_, "call", token] if era.is_some() => vec![
            (get, CallPeers(t(token))),
            (post, JoinCall(t(token))),
            (delete, LeaveCall(t(token))),
        ],
        ["v3", "signaling", "settings"] => {
            return vec![(get, SignalingSettings, Some(TalkApi::V4))];
        }
        ["v1", "signaling", "settings"] => vec![(get, SignalingSettings)],
        // Guests, chat and reactions are v1 in both generations (143: no v4 chat).
        ["v1", "guest", token, "name"] => {
            return vec![(post, GuestName(t(token)), None)];
        }
        ["v1", "chat", token] => {
            return vec![(get, Receive(t(token)), None), (post, Send(t(token)), None)];
        }
        ["v1", "chat", token, "mentions"] => {
            return vec![(get, Mentions(t(token)), None)];
        }
        ["v1", "chat", token, "read"] => {
            let v4 = Some(TalkApi::V4);
            return vec![
                (post, SetReadMarker(t(token)), v4),
                (delete, MarkUnread(t(token)), v4),
            ];
        }
        ["v1", "reaction", token, message] => match id(message) {
            Some(m) => {
                let v4 = Some(TalkApi::V4);
                return vec![
                    (get, Reactions(t(token), m), v4),
                    (post, React(t(token), m), v4),
                    (delete, Unreact(t(token), m), v4),
                ];
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    routes.into_iter().map(|(m, r)| (m, r, era)).collect()
}

/// Answers a Talk route; a route of the other API generation is no route at all (998).
pub(crate) fn call(shared: &Shared, inner: &mut Inner, route: Route, era: Era, ctx: &Ctx) -> Reply {
    if era.is_some_and(|era| era != inner.talk.api) {
        return Reply::error(998, INVALID_QUERY);
    }
    use Route::*;
    match route {
        ListRooms => rooms::list(shared, inner, ctx),
        CreateRoom => rooms::create(shared, inner, ctx),
        GetRoom(token) => rooms::get(shared, inner, ctx, &token),
        RenameRoom(token) => rooms::rename(shared, inner, ctx, &token),
        DeleteRoom(token) => rooms::delete(inner, ctx, &token),
        SetDescription(token) => rooms::set_description(shared, inner, ctx, &token),
        MakePublic(token) => rooms::set_public(shared, inner, ctx, &token, true),
        MakePrivate(token) => rooms::set_public(shared, inner, ctx, &token, false),
        SetPassword(token) => rooms::set_password(shared, inner, ctx, &token),
        AddFavorite(token) => rooms::set_favorite(shared, inner, ctx, &token, true),
        RemoveFavorite(token) => rooms::set_favorite(shared, inner, ctx, &token, false),
        SetNotificationLevel(token) => rooms::set_notification_level(shared, inner, ctx, &token),
        Participants(token) => participants::list(inner, ctx, &token),
        AddParticipant(token) => participants::add(inner, ctx, &token),
        RemoveAttendee(token) => participants::remove_attendee(inner, ctx, &token),
        RemoveParticipant(token) => participants::remove_participant(inner, ctx, &token),
        RemoveGuest(token) => participants::remove_guest(inner, ctx, &token),
        LeaveRoom(token) => participants::leave_room(inner, ctx, &token),
        JoinSession(token) => participants::join(shared, inner, ctx, &token),
        LeaveSession(token) => participants::leave(inner, ctx, &token),
        Promote(token) => participants::set_moderator(inner, ctx, &token, true),
        Demote(token) => participants::set_moderator(inner, ctx, &token, false),
        CallPeers(token) => call::peers(inner, ctx, &token),
        JoinCall(token) => call::join(shared, inner, ctx, &token),
        LeaveCall(token) => call::leave(shared, inner, ctx, &token),
        GuestName(token) => participants::guest_name(inner, ctx, &token),
        SignalingSettings => call::signaling_settings(inner, ctx),
        Receive(token) => chat::receive(inner, ctx, &token),
        Send(token) => chat::send(shared, inner, ctx, &token),
        Mentions(token) => chat::mentions(inner, ctx, &token),
        SetReadMarker(token) => chat::set_read_marker(shared, inner, ctx, &token),
        MarkUnread(token) => chat::mark_unread(inner, ctx, &token),
        Reactions(token, id) => reactions::list(inner, ctx, &token, id),
        React(token, id) => reactions::add(inner, ctx, &token, id),
        Unreact(token, id) => reactions::remove(inner, ctx, &token, id),
    }
}

/// A failure with `data: {"error": key}` (v4) or `data: []` (the seed's Talk).
pub(crate) fn fail(inner: &Inner, code: u16, key: &str) -> Reply {
    let reply = Reply::error(code, "");
    match inner.talk.api {
        TalkApi::V4 if !key.is_empty() => reply.data(obj([("error", Node::from(key))])),
        _ => reply,
    }
}

/// A failure with `data: null` (v4 moderators/attendees/call) or `[]` (seed).
pub(crate) fn fail_null(inner: &Inner, code: u16) -> Reply {
    match inner.talk.api {
        TalkApi::V4 => Reply::error(code, "").data(Node::Null),
        TalkApi::SeedV1 => Reply::error(code, ""),
    }
}

/// Success without data: `null` in v4 (113, 147, 156), `[]` in the seed's Talk.
pub(crate) fn ok_null(inner: &Inner) -> Reply {
    match inner.talk.api {
        TalkApi::V4 => Reply::ok(Node::Null),
        TalkApi::SeedV1 => Reply::ok(crate::json::empty()),
    }
}

/// A user's display name (the id when the user is unknown).
pub(crate) fn display_name(inner: &Inner, id: &str) -> String {
    inner
        .user(id)
        .map_or_else(|| id.to_owned(), |u| u.display_name.clone())
}

/// The room `token` if `uid` takes part in it; else the 404 the server answers (091).
pub(crate) fn room_index(inner: &Inner, uid: &str, token: &str) -> Result<usize, Reply> {
    match inner.talk.room_index(token) {
        Some(index) if inner.talk.rooms[index].attendee(uid).is_some() => Ok(index),
        _ => Err(fail(inner, 404, "")),
    }
}

/// `X-Nextcloud-Talk-Hash`: changes when the Talk capabilities do. The server's is a sha1 of
/// them; this is as long and as stable.
pub(crate) fn talk_hash(inner: &Inner) -> String {
    let seed = format!("{:?}", inner.talk.api);
    let first = md5_hex(seed.as_bytes());
    let second = md5_hex(first.as_bytes());
    format!("{first}{}", &second[..8])
}

/// The spreed capabilities of the seed's Talk: its feature list and its chat limit.
const SEED_FEATURES: &[&str] = &[
    "audio",
    "video",
    "chat-v2",
    "guest-signaling",
    "empty-group-room",
    "guest-display-names",
    "multi-room-users",
    "favorites",
    "last-room-activity",
    "no-ping",
    "system-messages",
    "mention-flag",
    "in-call-flags",
    "notification-levels",
    "invite-groups-and-mails",
    "locked-one-to-one-rooms",
    "read-only-rooms",
];

/// Rewrites the `spreed` capability for the seed's Talk (no `conversation-v4`, 1000
/// characters); the ETag follows the data, as the server's does.
pub(crate) fn capabilities(inner: &Inner, reply: Reply) -> Reply {
    if inner.talk.api == TalkApi::V4 {
        return reply;
    }
    let mut reply = reply;
    if let Node::Map(root) = &mut reply.data {
        if let Some((_, Node::Map(caps))) = root.iter_mut().find(|(k, _)| k == "capabilities") {
            if let Some((_, spreed)) = caps.iter_mut().find(|(k, _)| k == "spreed") {
                let features = SEED_FEATURES.iter().map(|f| Node::from(*f)).collect();
                *spreed = obj([
                    ("features", Node::List(features)),
                    (
                        "config",
                        obj([(
                            "chat",
                            obj([(
                                "max-length",
                                Node::from(TalkApi::SeedV1.max_length() as i64),
                            )]),
                        )]),
                    ),
                ]);
            }
        }
    }
    if reply.etag.is_some() {
        reply.etag = Some(md5_hex(reply.data.to_json().as_bytes()));
    }
    reply
}
