//! Notifications as the popover shows them: one casing, rich text already cut into parts,
//! the buttons decided here. The windows render these as they are.

use nextcloud::{Action, ActionType, Notification};
use serde::Serialize;

use crate::rich_text::{rich_or_plain, RichPart};

/// One notification of the popover's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NotificationView {
    pub id: i64,
    /// The app that sent it (`spreed`, `files_sharing`…).
    pub app: String,
    /// ISO 8601.
    pub datetime: String,
    /// The subject, rich when the server sent it so, else its plain text as one part.
    pub subject: Vec<RichPart>,
    /// The subject as plain text (for labels).
    pub subject_text: String,
    /// The message; empty when there is none.
    pub message: Vec<RichPart>,
    /// Where "Open" leads (opened in the browser).
    pub link: Option<String>,
    /// The app's icon, fetched by the daemon with the account's credentials.
    pub icon: Option<String>,
    /// Its buttons, in the server's order.
    pub actions: Vec<NotificationButton>,
}

/// A button of a notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NotificationButton {
    pub label: String,
    pub primary: bool,
    /// The action type as sent (`GET`, `POST`, `DELETE`, `PUT`, `WEB`).
    pub kind: String,
    /// For a `WEB` action, the address to open in the browser; every other action runs
    /// through the daemon by its index.
    pub opens: Option<String>,
}

impl From<&Notification> for NotificationView {
    fn from(n: &Notification) -> Self {
        let subject = rich_or_plain(
            n.subject_rich.as_deref(),
            &n.subject_rich_parameters,
            &n.subject,
        );
        let message = rich_or_plain(
            n.message_rich.as_deref(),
            &n.message_rich_parameters,
            n.message.as_deref().unwrap_or(""),
        );
        NotificationView {
            id: n.notification_id,
            app: n.app.clone(),
            datetime: n.datetime.clone(),
            subject_text: n.subject.clone(),
            subject,
            message,
            link: n.link.clone(),
            icon: n.icon.clone(),
            actions: n.actions.iter().map(NotificationButton::from).collect(),
        }
    }
}

impl From<&Action> for NotificationButton {
    fn from(action: &Action) -> Self {
        NotificationButton {
            label: action.label.clone(),
            primary: action.primary,
            kind: action.kind.as_str().to_owned(),
            opens: (action.kind == ActionType::Web).then(|| action.link.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich_text::texts;
    use serde_json::json;

    fn notification(value: serde_json::Value) -> Notification {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_notification_has_its_rich_subject_its_plain_message_and_its_buttons() {
        let view = NotificationView::from(&notification(json!({
            "notification_id": 7, "app": "files_sharing", "datetime": "2026-11-25T12:00:00+00:00",
            "subject": "Bob shared <b>a.txt</b>", "subjectRich": "{user} shared {file}",
            "subjectRichParameters": {
                "user": {"type": "user", "id": "bob", "name": "Bob"},
                "file": {"type": "file", "id": "3", "name": "<b>a.txt</b>"}},
            "message": "plain <i>words</i>", "messageRich": "", "messageRichParameters": [],
            "actions": [
                {"label": "Accept", "link": "https://cloud.example/ocs/accept", "type": "POST", "primary": true},
                {"label": "View", "link": "https://cloud.example/f/3", "type": "WEB"}]
        })));
        assert_eq!(
            texts(&view.subject),
            ["[Bob]", " shared ", "[<b>a.txt</b>]"]
        );
        assert_eq!(view.subject_text, "Bob shared <b>a.txt</b>");
        assert_eq!(texts(&view.message), ["plain <i>words</i>"]);
        let buttons: Vec<_> = view
            .actions
            .iter()
            .map(|b| {
                (
                    b.label.as_str(),
                    b.primary,
                    b.kind.as_str(),
                    b.opens.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            buttons,
            [
                ("Accept", true, "POST", None),
                ("View", false, "WEB", Some("https://cloud.example/f/3"))
            ]
        );
        let none =
            NotificationView::from(&notification(json!({"notification_id": 8, "subject": "x"})));
        assert!(none.message.is_empty() && none.actions.is_empty());
    }
}
