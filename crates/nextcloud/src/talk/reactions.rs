//! Reactions: `…/spreed/api/v1/reaction/{token}/{messageId}` (feature `reactions`).

use std::collections::BTreeMap;

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{data, TalkApi};
use crate::{de, Error, Result};

/// Reaction (an emoji) → who gave it, newest first.
pub type Reactions = BTreeMap<String, Vec<ReactionActor>>;

/// Someone who reacted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReactionActor {
    #[serde(deserialize_with = "de::string")]
    pub actor_type: String,
    #[serde(deserialize_with = "de::string")]
    pub actor_id: String,
    #[serde(deserialize_with = "de::string")]
    pub actor_display_name: String,
    /// Unix seconds.
    #[serde(deserialize_with = "de::i64_or_zero")]
    pub timestamp: i64,
}

/// The reactions of an answer: an object of lists, or PHP's `[]` for none.
fn reactions(value: Value) -> Result<Reactions> {
    match value {
        Value::Object(_) => {
            serde_json::from_value(value).map_err(|e| Error::Decode(format!("Talk reactions: {e}")))
        }
        _ => Ok(Reactions::new()),
    }
}

impl TalkApi {
    /// `POST …/reaction/{token}/{messageId}` with `reaction`: 201 when added, 200 when the
    /// user had reacted so already. Answers every reaction of the message. 400 for something
    /// that is not one emoji, 404 for an unknown message.
    pub async fn add_reaction(
        &self,
        token: &str,
        message_id: i64,
        reaction: &str,
    ) -> Result<Reactions> {
        self.reaction_call(Method::POST, token, message_id, Some(reaction))
            .await
    }

    /// `DELETE …/reaction/{token}/{messageId}` with `reaction`: answers the remaining
    /// reactions.
    pub async fn remove_reaction(
        &self,
        token: &str,
        message_id: i64,
        reaction: &str,
    ) -> Result<Reactions> {
        self.reaction_call(Method::DELETE, token, message_id, Some(reaction))
            .await
    }

    /// `GET …/reaction/{token}/{messageId}`, all reactions or only `reaction`.
    pub async fn reactions(
        &self,
        token: &str,
        message_id: i64,
        reaction: Option<&str>,
    ) -> Result<Reactions> {
        self.reaction_call(Method::GET, token, message_id, reaction)
            .await
    }

    async fn reaction_call(
        &self,
        method: Method,
        token: &str,
        message_id: i64,
        reaction: Option<&str>,
    ) -> Result<Reactions> {
        let id = message_id.to_string();
        let url = self.url("v1", &["reaction", token, &id]);
        let is_get = method == Method::GET;
        let mut request = self.request(method, url);
        if let Some(reaction) = reaction {
            let pair = [("reaction", reaction)];
            request = if is_get {
                request.query(&pair)
            } else {
                request.form(&pair)
            };
        }
        reactions(data(&self.execute(request).await?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn reaction_answers() {
        let added = reactions(fixtures::data("125-talk-reaction-add.json")).unwrap();
        assert_eq!(added["👍"].len(), 1);
        assert_eq!(added["👍"][0].actor_id, "admin");
        let both = reactions(fixtures::data("126-talk-reaction-add-bob.json")).unwrap();
        let who: Vec<&str> = both["👍"].iter().map(|a| a.actor_id.as_str()).collect();
        assert_eq!(who, ["bob", "admin"]);
        let listed = reactions(fixtures::data("127-talk-reaction-list.json")).unwrap();
        assert_eq!(listed, both);
        let bob = &listed["👍"][0];
        assert_eq!(bob.actor_type, "users");
        assert_eq!(bob.actor_display_name, "Bob");
        assert_eq!(bob.timestamp, 1_795_647_815);
        let left = reactions(fixtures::data("128-talk-reaction-remove.json")).unwrap();
        assert_eq!(left["👍"].len(), 1);
        assert!(reactions(serde_json::json!([])).unwrap().is_empty());
        assert!(reactions(serde_json::json!({"👍": 3})).is_err());
    }
}
