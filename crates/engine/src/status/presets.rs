//! Applying and managing local status presets (`store::presets` keeps them).

use nextcloud::CustomMessage;

use super::Status;
use crate::engine::unix_now;
use crate::store::presets::{self, StatusPreset};
use crate::{Error, Result, StatusSnapshot};

/// The server's limit on a status message, in characters.
const MESSAGE_LIMIT: usize = 80;

impl Status<'_> {
    pub fn presets(self) -> Result<Vec<StatusPreset>> {
        let key = self.account().key();
        self.locked(|s| presets::list(s.conn(), &key))
    }

    /// Adds a preset or replaces the one with the same name, after the checks the server
    /// would make when it is applied, so a broken preset is caught when it is saved.
    pub fn save_preset(self, preset: &StatusPreset) -> Result<()> {
        if preset.name.trim().is_empty() {
            return Err(Error::Invalid("a preset needs a name".into()));
        }
        if let Some(message) = &preset.message {
            let length = message.chars().count();
            if length > MESSAGE_LIMIT {
                return Err(Error::Invalid(format!(
                    "the message has {length} characters; the server allows {MESSAGE_LIMIT}"
                )));
            }
        }
        if preset.clear_after_secs.is_some_and(|secs| secs <= 0) {
            return Err(Error::Invalid("clear-after must be in the future".into()));
        }
        let key = self.account().key();
        self.locked(|s| presets::save(s.conn(), &key, preset))
    }

    pub fn remove_preset(self, name: &str) -> Result<()> {
        let key = self.account().key();
        if self.locked(|s| presets::remove(s.conn(), &key, name))? {
            Ok(())
        } else {
            Err(Error::Invalid(format!("there is no preset named {name:?}")))
        }
    }

    /// Sets status type, message and clear-at of the preset in one step.
    pub async fn apply_preset(self, name: &str) -> Result<StatusSnapshot> {
        let key = self.account().key();
        let preset = self
            .locked(|s| presets::get(s.conn(), &key, name))?
            .ok_or_else(|| Error::Invalid(format!("there is no preset named {name:?}")))?;
        let api = self.client().user_status();
        api.set_status(preset.status).await?;
        if preset.message.is_some() || preset.icon.is_some() {
            let message = CustomMessage {
                icon: preset.icon.clone(),
                message: preset.message.clone().unwrap_or_default(),
                clear_at: preset.clear_after_secs.map(|secs| unix_now() + secs),
            };
            api.set_custom_message(&message).await?;
        } else {
            api.clear_message().await?;
        }
        self.refresh().await
    }
}
