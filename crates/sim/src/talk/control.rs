//! Talk's part of [`crate::Control`] and of the `/_sim/` HTTP twin: make rooms, add people,
//! post messages and join calls without going through the API (tests and demo data).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::state::Shared;
use crate::Control;

use super::state::{Actor, GROUP, ONE_TO_ONE, PUBLIC};
use super::{call, chat, participants, rooms};

impl Control {
    /// Makes a group (`room_type` 2) or public (3) room owned by `owner` and returns its
    /// token, as `POST room` would. `None` for another type, an unknown owner or a bad name.
    pub fn create_room(&self, owner: &str, room_type: i64, name: &str) -> Option<String> {
        let mut inner = self.shared.lock();
        let name = name.trim();
        if inner.user(owner).is_none()
            || !(room_type == GROUP || room_type == PUBLIC)
            || name.is_empty()
            || name.chars().count() > 255
        {
            return None;
        }
        let index = rooms::new_room(
            &mut inner,
            room_type,
            name,
            Actor::User(owner.into()),
            &[owner],
        );
        Some(inner.talk.rooms[index].token.clone())
    }

    /// The one-to-one room of `user` and `other` (made if needed), as `POST room roomType=1`.
    pub fn create_one_to_one(&self, user: &str, other: &str) -> Option<String> {
        let mut inner = self.shared.lock();
        if user == other || inner.user(user).is_none() || inner.user(other).is_none() {
            return None;
        }
        let existing = inner.talk.rooms.iter().find(|r| {
            r.room_type == ONE_TO_ONE && r.attendee(user).is_some() && r.attendee(other).is_some()
        });
        if let Some(room) = existing {
            return Some(room.token.clone());
        }
        let index = rooms::new_room(
            &mut inner,
            ONE_TO_ONE,
            other,
            Actor::User(user.into()),
            &[user, other],
        );
        Some(inner.talk.rooms[index].token.clone())
    }

    /// Adds `user` to the room (posted as added by its first moderator). `false` if the room
    /// or user does not exist or the user is already in it.
    pub fn add_room_participant(&self, token: &str, user: &str) -> bool {
        let mut inner = self.shared.lock();
        let Some(index) = inner.talk.room_index(token) else {
            return false;
        };
        if inner.user(user).is_none() {
            return false;
        }
        let by = inner.talk.rooms[index]
            .attendees
            .iter()
            .find(|a| inner.talk.rooms[index].is_moderator(&a.actor_id))
            .map_or_else(|| user.to_owned(), |a| a.actor_id.clone());
        participants::add_user(&mut inner, index, &by, user)
    }

    /// Posts `text` as `user` in room `token`, exactly as `POST chat/{token}` would (mentions,
    /// notifications, waking long-polls), and returns the message id.
    ///
    /// # Panics
    /// If the room does not exist or `user` is not in it: a test set-up mistake.
    pub fn post_chat_message(&self, user: &str, token: &str, text: &str) -> i64 {
        let mut inner = self.shared.lock();
        let index = inner
            .talk
            .room_index(token)
            .filter(|&i| inner.talk.rooms[i].attendee(user).is_some())
            .unwrap_or_else(|| panic!("{user} is not in Talk room {token}"));
        chat::send_message(
            &self.shared,
            &mut inner,
            index,
            user,
            text,
            None,
            String::new(),
            false,
        )
    }

    /// The tokens of the rooms `user` sees in `GET room`, in the list's order. Like a first
    /// list by the user, this makes their "Talk updates" and "Note to self" rooms.
    pub fn talk_room_list(&self, user: &str) -> Vec<String> {
        let mut inner = self.shared.lock();
        if inner.user(user).is_none() {
            return Vec::new();
        }
        rooms::initialise(&mut inner, user);
        inner
            .talk
            .rooms
            .iter()
            .filter(|r| rooms::listed(r, user))
            .map(|r| r.token.clone())
            .collect()
    }

    /// Gives `user` a room session, as `POST participants/active` does; returns the session
    /// id, or `None` if the user is not in the room.
    pub fn join_talk_room(&self, user: &str, token: &str) -> Option<String> {
        let mut inner = self.shared.lock();
        let index = inner
            .talk
            .room_index(token)
            .filter(|&i| inner.talk.rooms[i].attendee(user).is_some())?;
        Some(participants::start_session(&mut inner, index, user))
    }

    /// Ends `user`'s room session (and their call), as `DELETE participants/active` does.
    pub fn leave_talk_room(&self, user: &str, token: &str) -> bool {
        let mut inner = self.shared.lock();
        let Some(index) = inner.talk.room_index(token) else {
            return false;
        };
        call::end_session(&mut inner, index, user);
        true
    }

    /// Makes `user` join the call of room `token` (with a room session first if they have
    /// none), as `POST call/{token}` does. `false` if not a participant.
    pub fn join_talk_call(&self, user: &str, token: &str) -> bool {
        let has_session = {
            let inner = self.shared.lock();
            let Some(room) = inner.talk.room(token) else {
                return false;
            };
            match room.attendee(user) {
                Some(attendee) => attendee.session.is_some(),
                None => return false,
            }
        };
        if !has_session && self.join_talk_room(user, token).is_none() {
            return false;
        }
        let mut inner = self.shared.lock();
        let Some(index) = inner.talk.room_index(token) else {
            return false;
        };
        call::join_call(&self.shared, &mut inner, index, user, 3).code == 200
    }

    /// Makes `user` leave the call of room `token` (the call ends when nobody is left).
    pub fn leave_talk_call(&self, user: &str, token: &str) -> bool {
        let mut inner = self.shared.lock();
        let Some(index) = inner.talk.room_index(token) else {
            return false;
        };
        call::leave_call(&mut inner, index, user);
        true
    }

    /// The tokens of the rooms `user` is in (whether or not listed yet).
    pub fn talk_rooms(&self, user: &str) -> Vec<String> {
        let inner = self.shared.lock();
        inner
            .talk
            .rooms
            .iter()
            .filter(|r| r.attendee(user).is_some())
            .map(|r| r.token.clone())
            .collect()
    }
}

/// A chat message as the server stored it, for tests to check what a client sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    pub id: i64,
    /// The user who wrote it; `None` for system messages and bots.
    pub author: Option<String>,
    /// The text as sent (mentions still `@bob`); empty for system messages.
    pub text: String,
    /// The message it replies to.
    pub reply_to: Option<i64>,
    /// Users mentioned directly (`all` for `@all`).
    pub mentions: Vec<String>,
    pub system: bool,
    /// `(emoji, user)` of its reactions, in the order they were given.
    pub reactions: Vec<(String, String)>,
}

impl Control {
    /// The messages of room `token`, oldest first (empty for an unknown room).
    pub fn talk_messages(&self, token: &str) -> Vec<StoredMessage> {
        let inner = self.shared.lock();
        let Some(room) = inner.talk.room(token) else {
            return Vec::new();
        };
        room.messages
            .iter()
            .map(|m| StoredMessage {
                id: m.id,
                author: m.author().map(str::to_owned),
                text: if m.is_comment() {
                    m.text.clone()
                } else {
                    String::new()
                },
                reply_to: m.parent,
                mentions: m.mentions.clone(),
                system: !m.is_comment(),
                reactions: m
                    .reactions
                    .iter()
                    .map(|(emoji, user, _)| (emoji.clone(), user.clone()))
                    .collect(),
            })
            .collect()
    }

    /// The name of room `token` as set (for one-to-one rooms the other user's id).
    pub fn talk_room_name(&self, token: &str) -> Option<String> {
        self.shared.lock().talk.room(token).map(|r| r.name.clone())
    }

    /// Whether `user` marked room `token` as a favorite.
    pub fn talk_favorite(&self, user: &str, token: &str) -> bool {
        let inner = self.shared.lock();
        inner
            .talk
            .room(token)
            .and_then(|r| r.attendee(user))
            .is_some_and(|a| a.favorite)
    }
}

/// `/_sim/talk/…` (merged into the control router).
pub(crate) fn control_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/talk/rooms", post(http_create_room))
        .route(
            "/talk/rooms/{token}/participants",
            post(http_add_participant),
        )
        .route("/talk/rooms/{token}/messages", post(http_post_message))
}

fn control(shared: Arc<Shared>) -> Control {
    Control::new(shared)
}

#[derive(Deserialize)]
struct CreateRoom {
    owner: String,
    #[serde(rename = "type")]
    room_type: i64,
    #[serde(default)]
    name: String,
    /// For one-to-one rooms: the other user.
    #[serde(default)]
    invite: String,
}

async fn http_create_room(
    State(shared): State<Arc<Shared>>,
    Json(body): Json<CreateRoom>,
) -> Response {
    let control = control(shared);
    let token = if body.room_type == ONE_TO_ONE {
        control.create_one_to_one(&body.owner, &body.invite)
    } else {
        control.create_room(&body.owner, body.room_type, &body.name)
    };
    match token {
        Some(token) => (StatusCode::CREATED, Json(json!({ "token": token }))).into_response(),
        None => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "unknown user, bad type or bad name" })),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct UserBody {
    user: String,
    #[serde(default)]
    message: String,
}

async fn http_add_participant(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    Json(body): Json<UserBody>,
) -> StatusCode {
    if control(shared).add_room_participant(&token, &body.user) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::BAD_REQUEST
    }
}

async fn http_post_message(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    Json(body): Json<UserBody>,
) -> Response {
    let allowed = {
        let inner = shared.lock();
        inner
            .talk
            .room(&token)
            .is_some_and(|r| r.attendee(&body.user).is_some())
    };
    if !allowed || body.message.is_empty() {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": "no such room or user not in it" })),
        )
            .into_response();
    }
    let id = control(shared).post_chat_message(&body.user, &token, &body.message);
    (StatusCode::CREATED, Json(json!({ "id": id }))).into_response()
}
