//! Managing Talk conversations from the chat window: create, rename, password, guests,
//! favorite, notification level, participants and their roles, leave, delete; who can be
//! mentioned; the link that joins the call in the browser. Every change is written to the
//! cached room list at once, so the window's list follows without waiting for the next sync.

use nextcloud::talk::{
    Mention, NewRoom, NotificationLevel, Participant, ParticipantId, ParticipantType, Room,
    RoomType,
};
use serde::{Deserialize, Serialize};

use super::Talk;
use crate::store::{messages, rooms};
use crate::{Error, Result};

/// What the room settings show and allow, for the current user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomDetails {
    pub token: String,
    /// What Talk shows: the room's name, or the other user's name in a one-to-one room.
    pub name: String,
    /// `one-to-one`, `group`, `public`, `changelog`, `former-one-to-one`, `note-to-self`.
    pub kind: &'static str,
    pub description: String,
    pub favorite: bool,
    /// `default`, `always`, `mention` or `never`.
    pub notification_level: &'static str,
    pub has_password: bool,
    /// Guests may join by link (a public room).
    pub guests_allowed: bool,
    /// Owner or moderator.
    pub can_moderate: bool,
    /// A moderator of a group or public room.
    pub can_rename: bool,
    pub can_leave: bool,
    pub can_delete: bool,
    pub read_only: bool,
    pub has_call: bool,
    /// The user's own id in the room (to tell their own messages).
    pub own_id: String,
}

/// A participant as the room settings list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoomParticipant {
    /// What promote, demote and remove name them by on current servers.
    pub attendee_id: Option<i64>,
    /// `users`, `guests`, `groups`, `emails`…
    pub actor_type: String,
    pub actor_id: String,
    pub display_name: String,
    /// `owner`, `moderator`, `user`, `guest`, `guest-moderator`, `link-user`.
    pub role: &'static str,
    pub moderator: bool,
    /// Has a session in the room right now.
    pub online: bool,
}

/// Someone (or a group, or everybody) the composer can mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MentionChoice {
    pub id: String,
    pub label: String,
    /// `users`, `guests`, `groups`, `calls` (everybody in the room)…
    pub source: String,
    /// What to write into the message: `@bob`, `@"name with spaces"`.
    pub text: String,
}

/// The kind of a new conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum NewRoomKind {
    /// With one other user (named by `NewChatRoom::name`, their user id).
    OneToOne,
    Group,
    /// Guests may join by link.
    Public,
}

/// A conversation to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewChatRoom {
    pub kind: NewRoomKind,
    /// The room's name, or for a one-to-one room the other user's id.
    pub name: String,
    /// A public room's password (none when empty).
    pub password: Option<String>,
}

/// The longest room name current servers take.
const MAX_NAME: usize = 255;

fn level_name(level: NotificationLevel) -> &'static str {
    match level {
        NotificationLevel::Always => "always",
        NotificationLevel::Mention => "mention",
        NotificationLevel::Never => "never",
        NotificationLevel::Default | NotificationLevel::Other(_) => "default",
    }
}

fn role(participant_type: ParticipantType) -> &'static str {
    match participant_type {
        ParticipantType::Owner => "owner",
        ParticipantType::Moderator => "moderator",
        ParticipantType::User => "user",
        ParticipantType::Guest => "guest",
        ParticipantType::UserFollowingLink => "link-user",
        ParticipantType::GuestModerator => "guest-moderator",
        ParticipantType::Other(_) => "user",
    }
}

impl From<&Room> for RoomDetails {
    fn from(room: &Room) -> Self {
        let named = matches!(room.room_type, RoomType::Group | RoomType::Public);
        RoomDetails {
            token: room.token.clone(),
            name: if room.display_name.is_empty() {
                room.name.clone()
            } else {
                room.display_name.clone()
            },
            kind: rooms::kind(room.room_type),
            description: room.description.clone(),
            favorite: room.is_favorite,
            notification_level: level_name(room.notification_level),
            has_password: room.has_password,
            guests_allowed: room.room_type == RoomType::Public,
            can_moderate: room.can_moderate(),
            can_rename: named && room.can_moderate(),
            can_leave: room.can_leave_conversation,
            // Seed-era servers do not say: moderators could delete group and public rooms.
            can_delete: room.can_delete_conversation || (named && room.can_moderate()),
            read_only: room.read_only,
            has_call: room.has_call,
            own_id: room.actor_id.clone(),
        }
    }
}

impl From<&Participant> for RoomParticipant {
    fn from(p: &Participant) -> Self {
        RoomParticipant {
            attendee_id: p.attendee_id,
            actor_type: p.actor_type.clone(),
            actor_id: p.actor_id.clone(),
            display_name: if p.display_name.is_empty() {
                p.actor_id.clone()
            } else {
                p.display_name.clone()
            },
            role: role(p.participant_type),
            moderator: p.participant_type.is_moderator(),
            online: p.is_connected(),
        }
    }
}

impl From<Mention> for MentionChoice {
    fn from(mention: Mention) -> Self {
        MentionChoice {
            text: mention.mention_text(),
            id: mention.id,
            label: mention.label,
            source: mention.source,
        }
    }
}

/// Who to promote, demote or remove: by attendee id where the window knows it.
fn who(attendee_id: Option<i64>, user_id: &str) -> ParticipantId {
    match attendee_id {
        Some(id) => ParticipantId::Attendee(id),
        None => ParticipantId::User(user_id.to_owned()),
    }
}

/// Talk explains a refusal with a bare key (`value`, `type`, `invite`…); `words` says what
/// each key means for the request at hand. Other errors pass unchanged.
fn explained(error: Error, words: &[(&str, &str)]) -> Error {
    let key = match &error {
        Error::Server(nextcloud::Error::Invalid { message, .. })
        | Error::Server(nextcloud::Error::NotFound { message }) => message.as_str(),
        _ => return error,
    };
    match words.iter().find(|(k, _)| *k == key) {
        Some((_, words)) => Error::Invalid((*words).to_owned()),
        None => error,
    }
}

impl Talk<'_> {
    /// The room as the server has it now (and cached so).
    pub async fn room_details(self, token: &str) -> Result<RoomDetails> {
        let room = self.talk_api().await?.room(token).await?;
        self.remember_room(&room)
    }

    /// Creates a conversation and adds it to the cached list. A one-to-one room that exists
    /// already is returned as it is.
    pub async fn create_room(self, new: &NewChatRoom) -> Result<RoomDetails> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(Error::Invalid(match new.kind {
                NewRoomKind::OneToOne => "Choose whom to talk to".into(),
                _ => "A conversation needs a name".into(),
            }));
        }
        check_name(name)?;
        let request = match new.kind {
            NewRoomKind::OneToOne => NewRoom::one_to_one(name),
            NewRoomKind::Group => NewRoom::group(name),
            NewRoomKind::Public => match new.password.as_deref().filter(|p| !p.is_empty()) {
                Some(password) => NewRoom::public(name).password(password),
                None => NewRoom::public(name),
            },
        };
        let talk = self.talk_api().await?;
        let created = talk.create_room(&request).await.map_err(|e| {
            explained(
                e.into(),
                &[
                    ("invite", "There is no such user"),
                    ("type", "This kind of conversation cannot be created here"),
                    ("password", "The server did not accept this password"),
                ],
            )
        })?;
        let token = created.room.token;
        // Seed-era servers answer with the token and name only; and a password set at
        // creation needs a server that supports it, else it is set afterwards.
        let mut room = talk.room(&token).await?;
        if let (NewRoomKind::Public, Some(password)) = (new.kind, new.password.as_deref()) {
            if !password.is_empty() && !room.has_password {
                if let Some(changed) = self.password_call(&token, password).await? {
                    room = changed;
                }
            }
        }
        self.remember_room(&room)
    }

    /// Renames a group or public room (1–255 characters).
    pub async fn rename_room(self, token: &str, name: &str) -> Result<RoomDetails> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("A conversation needs a name".into()));
        }
        check_name(name)?;
        let answer = self.talk_api().await?.rename_room(token, name).await;
        let answer = answer.map_err(|e| {
            explained(
                e.into(),
                &[
                    ("value", "A name needs 1 to 255 characters"),
                    ("type", "A one-to-one conversation cannot be renamed"),
                ],
            )
        })?;
        self.after_change(token, answer).await
    }

    /// Sets a public room's password; an empty one removes it.
    pub async fn set_room_password(self, token: &str, password: &str) -> Result<RoomDetails> {
        let answer = self.password_call(token, password).await?;
        self.after_change(token, answer).await
    }

    async fn password_call(self, token: &str, password: &str) -> Result<Option<Room>> {
        let answer = self.talk_api().await?.set_password(token, password).await;
        answer.map_err(|e| {
            explained(
                e.into(),
                &[
                    ("type", "Only conversations open to guests have a password"),
                    ("password", "The server did not accept this password"),
                ],
            )
        })
    }

    /// Lets guests join by link (a public room) or not (a group room).
    pub async fn allow_guests(self, token: &str, allowed: bool) -> Result<RoomDetails> {
        let talk = self.talk_api().await?;
        let answer = if allowed {
            talk.make_public(token).await
        } else {
            talk.make_private(token).await
        };
        let answer = answer.map_err(|e| {
            explained(
                e.into(),
                &[("type", "Only group conversations can be opened to guests")],
            )
        })?;
        self.after_change(token, answer).await
    }

    pub async fn set_room_favorite(self, token: &str, favorite: bool) -> Result<RoomDetails> {
        let talk = self.talk_api().await?;
        let answer = if favorite {
            talk.add_favorite(token).await?
        } else {
            talk.remove_favorite(token).await?
        };
        self.after_change(token, answer).await
    }

    /// `always`, `mention` or `never` (the server refuses to be set to its default).
    pub async fn set_room_notifications(self, token: &str, level: &str) -> Result<RoomDetails> {
        let level = match level {
            "always" => NotificationLevel::Always,
            "mention" => NotificationLevel::Mention,
            "never" => NotificationLevel::Never,
            other => {
                return Err(Error::Invalid(format!(
                    "no notification level {other:?}: choose always, mention or never"
                )))
            }
        };
        let answer = self
            .talk_api()
            .await?
            .set_notification_level(token, level)
            .await?;
        self.after_change(token, answer).await
    }

    pub async fn room_participants(self, token: &str) -> Result<Vec<RoomParticipant>> {
        let mut list: Vec<RoomParticipant> = self
            .talk_api()
            .await?
            .participants(token)
            .await?
            .iter()
            .map(RoomParticipant::from)
            .collect();
        // Moderators first, then by name, as the settings list them.
        list.sort_by(|a, b| {
            b.moderator.cmp(&a.moderator).then_with(|| {
                a.display_name
                    .to_lowercase()
                    .cmp(&b.display_name.to_lowercase())
            })
        });
        Ok(list)
    }

    /// Adds a user by id.
    pub async fn add_room_participant(self, token: &str, user_id: &str) -> Result<()> {
        let user_id = user_id.trim();
        if user_id.is_empty() {
            return Err(Error::Invalid("Choose whom to add".into()));
        }
        let talk = self.talk_api().await?;
        let added = talk.add_participant(token, user_id, None).await;
        added.map_err(|e| explained(e.into(), &[("new-participant", "There is no such user")]))
    }

    pub async fn remove_room_participant(
        &self,
        token: &str,
        attendee_id: Option<i64>,
        user_id: &str,
    ) -> Result<()> {
        let talk = self.talk_api().await?;
        Ok(talk
            .remove_participant(token, &who(attendee_id, user_id))
            .await?)
    }

    /// Makes a participant a moderator (`moderator`) or a normal user again.
    pub async fn set_room_moderator(
        &self,
        token: &str,
        attendee_id: Option<i64>,
        user_id: &str,
        moderator: bool,
    ) -> Result<()> {
        let talk = self.talk_api().await?;
        let who = who(attendee_id, user_id);
        if moderator {
            talk.promote_moderator(token, &who).await?;
        } else {
            talk.demote_moderator(token, &who).await?;
        }
        Ok(())
    }

    /// Leaves the conversation for good; it leaves the cache too.
    pub async fn leave_room(self, token: &str) -> Result<()> {
        let left = self.talk_api().await?.leave_room_for_good(token).await;
        left.map_err(|e| {
            explained(
                e.into(),
                &[(
                    "",
                    "The last moderator cannot leave: make someone else a moderator first",
                )],
            )
        })?;
        self.forget_room(token)
    }

    /// Deletes the conversation for everyone; it leaves the cache too.
    pub async fn delete_room(self, token: &str) -> Result<()> {
        self.talk_api().await?.delete_room(token).await?;
        self.forget_room(token)
    }

    /// Who can be mentioned in the room, for `search` (everyone when empty).
    pub async fn mention_choices(self, token: &str, search: &str) -> Result<Vec<MentionChoice>> {
        let found = self
            .talk_api()
            .await?
            .mentions(token, search, Some(10))
            .await?;
        Ok(found.into_iter().map(MentionChoice::from).collect())
    }

    /// The room in the browser, where the call is joined: `<server>/index.php/call/<token>`.
    pub fn call_link(self, token: &str) -> String {
        let mut link = self.client().server().clone();
        if let Ok(mut path) = link.path_segments_mut() {
            path.pop_if_empty().extend(["index.php", "call", token]);
        }
        link.to_string()
    }

    /// After a change: the room from the server's answer (current servers), else asked for.
    async fn after_change(self, token: &str, answer: Option<Room>) -> Result<RoomDetails> {
        match answer {
            Some(room) => self.remember_room(&room),
            None => self.room_details(token).await,
        }
    }

    fn remember_room(self, room: &Room) -> Result<RoomDetails> {
        let key = self.account().key();
        self.locked(|s| rooms::upsert(s.conn(), &key, std::slice::from_ref(room)))?;
        Ok(RoomDetails::from(room))
    }

    fn forget_room(self, token: &str) -> Result<()> {
        let key = self.account().key();
        self.locked(|s| {
            let tx = s.conn().transaction()?;
            rooms::remove(&tx, &key, token)?;
            messages::forget_room(&tx, &key, token)?;
            tx.commit()?;
            Ok(())
        })
    }
}

fn check_name(name: &str) -> Result<()> {
    if name.chars().count() > MAX_NAME {
        return Err(Error::Invalid(format!(
            "A name has at most {MAX_NAME} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moderator_of_a_group_may_rename_and_delete_a_user_of_it_may_not() {
        let mut room = Room {
            token: "t".into(),
            room_type: RoomType::Group,
            display_name: "Team".into(),
            participant_type: ParticipantType::Moderator,
            can_leave_conversation: true,
            ..Room::default()
        };
        let details = RoomDetails::from(&room);
        assert!(details.can_rename && details.can_delete && details.can_moderate);
        assert_eq!((details.kind, details.name.as_str()), ("group", "Team"));
        room.participant_type = ParticipantType::User;
        let details = RoomDetails::from(&room);
        assert!(!details.can_rename && !details.can_delete && details.can_leave);
        room.room_type = RoomType::OneToOne;
        room.participant_type = ParticipantType::Owner;
        assert!(!RoomDetails::from(&room).can_rename);
    }

    #[test]
    fn talk_error_keys_become_words() {
        let refused = Error::Server(nextcloud::Error::Invalid {
            statuscode: 400,
            message: "value".into(),
        });
        let words = explained(refused, &[("value", "A name needs 1 to 255 characters")]);
        assert_eq!(words.to_string(), "A name needs 1 to 255 characters");
        let other = Error::Server(nextcloud::Error::Maintenance);
        assert!(matches!(
            explained(other, &[("value", "x")]),
            Error::Server(nextcloud::Error::Maintenance)
        ));
    }

    #[test]
    fn new_room_kinds_cross_as_the_window_names_them() {
        let new: NewChatRoom = serde_json::from_value(
            serde_json::json!({"kind": "one-to-one", "name": "bob", "password": null}),
        )
        .unwrap();
        assert_eq!(new.kind, NewRoomKind::OneToOne);
    }
}
