//! Rich object strings: a text with `{placeholder}`s and a map of typed objects
//! (`{"type":"user","id":"bob","name":"Bob","mention-id":"bob"}`) to put in their place.
//!
//! Talk messages (`message` + `messageParameters`) and notifications (`subjectRich` +
//! `subjectRichParameters`) use them. [`split`] cuts such a text into plain text and typed
//! objects so that a UI can show mentions, files and calls as its own safe elements. Nothing
//! here produces or interprets HTML: the text parts are the server's characters, to be shown
//! as text.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::de;

/// One object of a rich object string.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RichParameter {
    /// The object type as sent: `user`, `guest`, `call`, `file`, `user-group`, …; see
    /// [`RichParameter::kind`].
    #[serde(rename = "type", default, deserialize_with = "de::string")]
    pub object_type: String,
    #[serde(default, deserialize_with = "de::string")]
    pub id: String,
    /// What to show for it.
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// Every other field as sent (`mention-id`, `server`, `path`, `link`, `mimetype`, `size`,
    /// `preview-available`, `call-type`, `icon-url`…).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The known object types; [`RichKind::Other`] keeps any other as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RichKind {
    /// A user (a mention, or the actor of a system message). With `server` it is a federated
    /// user.
    User,
    Guest,
    /// A group mention (`user-group`).
    UserGroup,
    /// A conversation (`call`), e.g. the `@all` mention.
    Call,
    File,
    Email,
    /// A team, formerly circle (`circle` or `team`).
    Team,
    /// A highlighted piece of text.
    Highlight,
    GeoLocation,
    TalkPoll,
    DeckCard,
    Other(String),
}

impl RichKind {
    /// The kind for a `type` value.
    pub fn from_type(object_type: &str) -> RichKind {
        match object_type {
            "user" => RichKind::User,
            "guest" => RichKind::Guest,
            "user-group" | "group" => RichKind::UserGroup,
            "call" => RichKind::Call,
            "file" => RichKind::File,
            "email" => RichKind::Email,
            "circle" | "team" => RichKind::Team,
            "highlight" => RichKind::Highlight,
            "geo-location" => RichKind::GeoLocation,
            "talk-poll" => RichKind::TalkPoll,
            "deck-card" => RichKind::DeckCard,
            other => RichKind::Other(other.to_owned()),
        }
    }

    /// Whether objects of this kind name someone (or a group of people) that can be mentioned.
    pub fn is_person_like(&self) -> bool {
        matches!(
            self,
            RichKind::User
                | RichKind::Guest
                | RichKind::UserGroup
                | RichKind::Call
                | RichKind::Email
                | RichKind::Team
        )
    }
}

impl RichParameter {
    /// The object type as a [`RichKind`].
    pub fn kind(&self) -> RichKind {
        RichKind::from_type(&self.object_type)
    }

    /// A text field of [`extra`](Self::extra) (`None` when missing or empty); numbers are given
    /// as their decimal text.
    pub fn field(&self, name: &str) -> Option<String> {
        match self.extra.get(name)? {
            Value::String(s) if s.is_empty() => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// `mention-id`: what to write after `@` to mention this object again.
    pub fn mention_id(&self) -> Option<String> {
        self.field("mention-id")
    }

    /// `server`: set for federated users.
    pub fn server(&self) -> Option<String> {
        self.field("server")
    }

    /// `link`: where the object lives (files, deck cards…). Open it in the browser; do not
    /// fetch it with the account's credentials unless it is on the account's origin.
    pub fn link(&self) -> Option<String> {
        self.field("link")
    }

    /// `path`: the file's path in the user's storage (files).
    pub fn path(&self) -> Option<String> {
        self.field("path")
    }

    /// `mimetype` (files).
    pub fn mimetype(&self) -> Option<String> {
        self.field("mimetype")
    }

    /// Builds a parameter from a JSON object (e.g. a notification's `subjectRichParameters`
    /// entry); anything that is not an object gives `None`.
    pub fn from_value(value: &Value) -> Option<RichParameter> {
        value
            .is_object()
            .then(|| serde_json::from_value(value.clone()).ok())
            .flatten()
    }
}

/// A piece of a rich object string.
#[derive(Debug, Clone, PartialEq)]
pub enum RichPart<'a> {
    /// Plain text, exactly as the server sent it (braces that are not a known placeholder
    /// included).
    Text(&'a str),
    /// The object for `{key}`.
    Object {
        /// The placeholder name without braces, e.g. `mention-user1`, `actor`, `file`.
        key: &'a str,
        parameter: &'a RichParameter,
    },
}

/// Cuts `text` into text and objects. A `{key}` becomes an object when `parameters` has
/// `key` (letters, digits, `-`, `_`, `.`); any other brace stays text. Never fails, never
/// drops a character: the concatenation of the text parts and the placeholders is `text`.
pub fn split<'a>(
    text: &'a str,
    parameters: &'a BTreeMap<String, RichParameter>,
) -> Vec<RichPart<'a>> {
    let mut parts = Vec::new();
    let mut text_start = 0;
    let mut search_from = 0;
    while let Some(offset) = text[search_from..].find('{') {
        let open = search_from + offset;
        let after = open + 1;
        let key_len = text[after..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(text.len() - after);
        let close = after + key_len;
        let key = &text[after..close];
        let object = (key_len > 0 && text[close..].starts_with('}'))
            .then(|| parameters.get_key_value(key))
            .flatten();
        match object {
            Some((key, parameter)) => {
                if text_start < open {
                    parts.push(RichPart::Text(&text[text_start..open]));
                }
                parts.push(RichPart::Object {
                    key: key.as_str(),
                    parameter,
                });
                text_start = close + 1;
                search_from = text_start;
            }
            None => search_from = after,
        }
    }
    if text_start < text.len() {
        parts.push(RichPart::Text(&text[text_start..]));
    }
    parts
}

/// The rich object string as plain text: every object replaced by its name, mentions
/// (placeholders named `mention-…`) as `@name`. For previews and desktop notifications.
pub fn plain_text(text: &str, parameters: &BTreeMap<String, RichParameter>) -> String {
    let mut out = String::with_capacity(text.len());
    for part in split(text, parameters) {
        match part {
            RichPart::Text(text) => out.push_str(text),
            RichPart::Object { key, parameter } => {
                if key.starts_with("mention-") {
                    out.push('@');
                }
                let name = if parameter.name.is_empty() {
                    &parameter.id
                } else {
                    &parameter.name
                };
                out.push_str(name);
            }
        }
    }
    out
}

/// `messageParameters`: an object of objects, or PHP's `[]` when there are none. Entries
/// that are not objects are skipped rather than failing the message.
pub(crate) fn parameters<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, RichParameter>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Object(map)) => map
            .into_iter()
            .filter_map(|(key, value)| Some((key, RichParameter::from_value(&value)?)))
            .collect(),
        _ => BTreeMap::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(value: Value) -> BTreeMap<String, RichParameter> {
        #[derive(Deserialize)]
        struct Wrapper {
            #[serde(deserialize_with = "parameters")]
            p: BTreeMap<String, RichParameter>,
        }
        serde_json::from_value::<Wrapper>(serde_json::json!({ "p": value }))
            .unwrap()
            .p
    }

    #[test]
    fn a_mention_splits_into_text_object_text() {
        let p = params(serde_json::json!({
            "mention-user1": {"type": "user", "id": "bob", "name": "Bob", "mention-id": "bob"}
        }));
        let parts = split("Hi {mention-user1}, please review", &p);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], RichPart::Text("Hi "));
        let RichPart::Object { key, parameter } = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(*key, "mention-user1");
        assert_eq!(parameter.kind(), RichKind::User);
        assert_eq!(parameter.mention_id().as_deref(), Some("bob"));
        assert_eq!(parts[2], RichPart::Text(", please review"));
        assert_eq!(
            plain_text("Hi {mention-user1}, please review", &p),
            "Hi @Bob, please review"
        );
    }

    #[test]
    fn system_message_actors_are_names_without_at() {
        let p = params(serde_json::json!({
            "actor": {"type": "user", "id": "admin", "name": "admin"},
            "user1": {"type": "user", "id": "bob", "name": "Bob"}
        }));
        assert_eq!(
            plain_text("Call with {user1} ended, started by {actor}", &p),
            "Call with Bob ended, started by admin"
        );
    }

    #[test]
    fn unknown_or_broken_placeholders_stay_text_and_nothing_is_lost() {
        let p = params(serde_json::json!({
            "file": {"type": "file", "id": 42, "name": "a.txt", "path": "Docs/a.txt", "size": 12},
            "bad": "not an object"
        }));
        for text in [
            "",
            "{",
            "}",
            "{}",
            "{file",
            "{{file}}",
            "{unknown} and {file}",
            "{bad}",
            "a {fi le} b",
            "<b>{file}</b> & ünïcödé {file}{file}",
            "{ü}",
        ] {
            let parts = split(text, &p);
            let joined: String = parts
                .iter()
                .map(|part| match part {
                    RichPart::Text(t) => (*t).to_owned(),
                    RichPart::Object { key, .. } => format!("{{{key}}}"),
                })
                .collect();
            assert_eq!(joined, text);
        }
        assert!(!p.contains_key("bad"));
        let file = &p["file"];
        assert_eq!(file.id, "42");
        assert_eq!(file.kind(), RichKind::File);
        assert_eq!(file.path().as_deref(), Some("Docs/a.txt"));
        assert_eq!(file.field("size").as_deref(), Some("12"));
        assert_eq!(
            plain_text("<b>{file}</b> {x}", &p),
            "<b>a.txt</b> {x}",
            "HTML is neither produced nor interpreted"
        );
        let parts = split("{{file}}", &p);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], RichPart::Text("{"));
    }

    #[test]
    fn kinds_and_empty_parameters() {
        for (t, kind) in [
            ("user", RichKind::User),
            ("guest", RichKind::Guest),
            ("user-group", RichKind::UserGroup),
            ("call", RichKind::Call),
            ("file", RichKind::File),
            ("circle", RichKind::Team),
            ("talk-poll", RichKind::TalkPoll),
            ("spaceship", RichKind::Other("spaceship".into())),
        ] {
            assert_eq!(RichKind::from_type(t), kind);
        }
        assert!(RichKind::Call.is_person_like());
        assert!(!RichKind::File.is_person_like());
        assert!(params(serde_json::json!([])).is_empty());
        assert!(params(Value::Null).is_empty());
        assert_eq!(RichParameter::from_value(&serde_json::json!(3)), None);
    }
}
