//! Popups where there is no freedesktop notification server (macOS, Windows): notify-rust
//! shows the text; the buttons and clicks are not wired up on these systems yet.

use super::clicks::Origin;
use super::content::PopupContent;
use super::APP_NAME;

pub fn send(content: PopupContent, _origin: Option<Origin>) {
    // These systems show text as it is: cut to length, nothing escaped.
    let (summary, body) = content.text_for(false);
    let mut popup = notify_rust::Notification::new();
    popup.appname(APP_NAME).summary(&summary).body(&body);
    // Showing blocks on the platform's API; keep it off the async workers and the UI thread.
    tokio::task::spawn_blocking(move || {
        if let Err(error) = popup.show() {
            tracing::warn!("cannot show a desktop notification: {error}");
        }
    });
}
