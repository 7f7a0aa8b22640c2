//! Native desktop notifications (org.freedesktop.Notifications on Linux) via notify-rust.

use nctray_engine::Popup;

const APP_NAME: &str = "nctray";

/// Pops up one Nextcloud notification (summary = subject, body = message), or a summary of
/// several.
pub fn pop_up(popup: &Popup) {
    match popup {
        Popup::One(notification) => show(
            &notification.subject,
            notification.message.as_deref().unwrap_or_default(),
        ),
        Popup::Summary { count } => show(&format!("{count} new notifications"), ""),
    }
}

/// Pops up a line of nctray's own, e.g. a failed status change.
pub fn show(summary: &str, body: &str) {
    let mut popup = notify_rust::Notification::new();
    popup.appname(APP_NAME).summary(summary).body(body);
    // Sending blocks on D-Bus; keep it off the async workers and the GTK thread.
    tauri::async_runtime::spawn_blocking(move || {
        if let Err(e) = popup.show() {
            tracing::warn!("cannot show a desktop notification: {e}");
        }
    });
}
