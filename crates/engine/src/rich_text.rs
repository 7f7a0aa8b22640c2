//! Rich object strings ("{actor} shared {file} with you" and their objects) cut into the parts
//! the windows render as they are: text parts as text nodes, objects as the windows' own
//! elements. What an object reads as, whether it names a person, whether it is a mention and
//! whether its link may be opened are decided here, once; the windows parse nothing.

use std::collections::BTreeMap;

use nextcloud::talk::{split, RichParameter, RichPart as WirePart};
use serde::Serialize;
use serde_json::{Map, Value};

/// One piece of a rich object string, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RichPart {
    /// The server's characters, to be shown as text (markup in them stays literal).
    Text { text: String },
    /// The object of a `{placeholder}`.
    Object(RichObject),
}

/// An object of a rich object string, as a window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RichObject {
    /// The placeholder's name (`mention-user1`, `actor`, `file`).
    pub key: String,
    /// The object type as sent (`user`, `guest`, `file`, `call`, `highlight`…).
    pub object_type: String,
    pub id: String,
    /// Its name (its id when it has none).
    pub name: String,
    /// What it reads as: `@Name` for a mention, its name otherwise.
    pub label: String,
    /// A person or group of people (users, guests, groups, teams, a conversation's `@all`).
    pub person: bool,
    /// Written as a mention (`{mention-…}`).
    pub mention: bool,
    /// Where it lives, only when that is an http(s) address: a window may open it in the
    /// browser. Other schemes (`javascript:`, `data:`, `file:`) never reach the window.
    pub link: Option<String>,
}

impl RichPart {
    /// The part as plain text: objects by their label.
    fn plain(&self) -> &str {
        match self {
            RichPart::Text { text } => text,
            RichPart::Object(object) => &object.label,
        }
    }
}

/// Cuts `text` into parts: a `{key}` whose object `parameters` has becomes an object, every
/// other character stays text.
pub fn rich_parts(text: &str, parameters: &BTreeMap<String, RichParameter>) -> Vec<RichPart> {
    split(text, parameters)
        .into_iter()
        .map(|part| match part {
            WirePart::Text(text) => RichPart::Text {
                text: text.to_owned(),
            },
            WirePart::Object { key, parameter } => RichPart::Object(object(key, parameter)),
        })
        .collect()
}

/// [`rich_parts`] for parameters as JSON objects (notifications, activities); entries that are
/// not objects are no objects.
pub fn rich_parts_of_json(text: &str, parameters: &Map<String, Value>) -> Vec<RichPart> {
    let parameters: BTreeMap<String, RichParameter> = parameters
        .iter()
        .filter_map(|(key, value)| Some((key.clone(), RichParameter::from_value(value)?)))
        .collect();
    rich_parts(text, &parameters)
}

/// The parts as plain text (previews, quotes, desktop popups).
pub fn plain_text(parts: &[RichPart]) -> String {
    parts.iter().map(RichPart::plain).collect()
}

/// The rich text when there is one, else the plain text as one part (none when empty).
pub(crate) fn rich_or_plain(
    template: Option<&str>,
    parameters: &serde_json::Map<String, serde_json::Value>,
    plain: &str,
) -> Vec<RichPart> {
    match template.filter(|t| !t.is_empty()) {
        Some(template) => rich_parts_of_json(template, parameters),
        None if plain.is_empty() => Vec::new(),
        None => vec![RichPart::Text {
            text: plain.to_owned(),
        }],
    }
}

/// The parts as short strings for tests: text as it is, objects as `[label]`.
#[cfg(test)]
pub(crate) fn texts(parts: &[RichPart]) -> Vec<String> {
    parts
        .iter()
        .map(|part| match part {
            RichPart::Text { text } => text.clone(),
            RichPart::Object(object) => format!("[{}]", object.label),
        })
        .collect()
}

fn object(key: &str, parameter: &RichParameter) -> RichObject {
    let name = if parameter.name.is_empty() {
        parameter.id.clone()
    } else {
        parameter.name.clone()
    };
    let mention = key.starts_with("mention-");
    RichObject {
        key: key.to_owned(),
        object_type: parameter.object_type.clone(),
        id: parameter.id.clone(),
        label: if mention {
            format!("@{name}")
        } else {
            name.clone()
        },
        name,
        person: parameter.kind().is_person_like(),
        mention,
        link: parameter.link().filter(|link| is_web_address(link)),
    }
}

fn is_web_address(link: &str) -> bool {
    url::Url::parse(link).is_ok_and(|url| matches!(url.scheme(), "http" | "https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn mentions_files_and_markup_become_parts_the_window_shows_as_they_are() {
        let parameters = json(serde_json::json!({
            "mention-user1": {"type": "user", "id": "bob", "name": "Bob", "mention-id": "bob"},
            "file": {"type": "file", "id": "12", "name": "a.txt",
                     "link": "https://cloud.example/f/12"},
            "group": {"type": "user-group", "id": "staff", "name": ""},
            "not-an-object": "text"
        }));
        let parts = rich_parts_of_json(
            "<b>Hi</b> {mention-user1}: {file} for {group} {not-an-object} {missing} {",
            &parameters,
        );
        let shape: Vec<String> = parts
            .iter()
            .map(|part| match part {
                RichPart::Text { text } => format!("text {text:?}"),
                RichPart::Object(o) => format!(
                    "{} {} {} person={} mention={} link={:?}",
                    o.key, o.object_type, o.label, o.person, o.mention, o.link
                ),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "text \"<b>Hi</b> \"",
                "mention-user1 user @Bob person=true mention=true link=None",
                "text \": \"",
                "file file a.txt person=false mention=false link=Some(\"https://cloud.example/f/12\")",
                "text \" for \"",
                "group user-group staff person=true mention=false link=None",
                "text \" {not-an-object} {missing} {\"",
            ]
        );
        assert_eq!(
            plain_text(&parts),
            "<b>Hi</b> @Bob: a.txt for staff {not-an-object} {missing} {"
        );
    }

    #[test]
    fn only_web_links_reach_the_window() {
        for (link, kept) in [
            ("https://cloud.example/f/1", true),
            ("http://cloud.example/f/1", true),
            ("javascript:alert(1)", false),
            ("data:text/html,<script>alert(1)</script>", false),
            ("file:///etc/passwd", false),
            ("/relative/path", false),
        ] {
            let parameters = json(serde_json::json!({
                "file": {"type": "file", "id": "1", "name": "x", "link": link}
            }));
            let parts = rich_parts_of_json("{file}", &parameters);
            let [RichPart::Object(object)] = parts.as_slice() else {
                panic!("{parts:?}")
            };
            assert_eq!(object.link.is_some(), kept, "{link}");
        }
    }

    #[test]
    fn serialised_as_the_window_reads_it() {
        let parameters = json(serde_json::json!({"a": {"type": "user", "id": "bob"}}));
        let value = serde_json::to_value(rich_parts_of_json("x {a}", &parameters)).unwrap();
        assert_eq!(value[0], serde_json::json!({"kind": "text", "text": "x "}));
        assert_eq!(value[1]["kind"], "object");
        assert_eq!(value[1]["label"], "bob");
        assert_eq!(value[1]["object_type"], "user");
    }
}
