//! What one popup shows and offers, worked out from the Nextcloud notification: the text, the
//! buttons (the notification's own actions, primary first, and "Reply" for a Talk message) and
//! what a click on the popup itself opens. Nothing here talks to D-Bus or the server.

use nctray_engine::nextcloud::{Action, Notification};
use nctray_engine::Popup;
use nctray_i18n::{tr, Localizer};

use crate::chat_target::ChatTarget;

/// The action key of a click on the popup itself (the desktop notification spec's name).
const DEFAULT_KEY: &str = "default";
/// The key of "Reply" where the popup cannot take the text itself.
const REPLY_KEY: &str = "reply";
/// The key that asks the notification server for a text field (KDE's `inline-reply`).
pub const INLINE_REPLY_KEY: &str = "inline-reply";
/// Keys of the notification's own actions: this prefix and the action's index.
const ACTION_KEY_PREFIX: &str = "action-";

/// Characters of a subject a popup shows (a popup's title is one line; more only hides the
/// buttons and the rest of the desktop).
const SUMMARY_CHARS: usize = 200;
/// Characters of a message a popup shows; the whole text is one click away.
const BODY_CHARS: usize = 1000;
/// Subjects a summary lists before it says how many more.
const SUMMARY_LINES: usize = 5;

/// What the user picked on a popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A click on the popup itself.
    Open,
    /// The notification's own action with this index in its `actions`.
    Action(usize),
    /// "Reply" on a Talk message, without text (or a server that gave none).
    Reply,
}

impl Choice {
    /// The choice an action key names, `None` for a key nctray never sent.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            DEFAULT_KEY => Some(Choice::Open),
            REPLY_KEY | INLINE_REPLY_KEY => Some(Choice::Reply),
            _ => key
                .strip_prefix(ACTION_KEY_PREFIX)?
                .parse()
                .ok()
                .map(Choice::Action),
        }
    }
}

/// A button: the key the notification server reports back, and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub key: String,
    pub label: String,
}

/// A popup ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopupContent {
    pub summary: String,
    pub body: String,
    /// The default action first, then the buttons in the order they are shown.
    pub buttons: Vec<Button>,
    /// The Talk message it is about, when it is one (a category hint for the desktop).
    pub talk_message: bool,
}

impl PopupContent {
    /// A line of nctray's own (a failed status change): text only.
    pub fn line(summary: &str, body: &str) -> Self {
        Self {
            summary: summary.to_owned(),
            body: body.to_owned(),
            buttons: Vec::new(),
            talk_message: false,
        }
    }

    /// The popup of an engine popup. `inline_reply`: the notification server can take a reply's
    /// text in the popup itself.
    pub fn of(popup: &Popup, inline_reply: bool) -> Self {
        match popup {
            Popup::One(notification) => Self::of_notification(notification, inline_reply),
            Popup::Summary { notifications } => Self {
                buttons: vec![open_button()],
                ..Self::line(
                    &summary_title(notifications.len()),
                    &summary_body(notifications),
                )
            },
        }
    }

    fn of_notification(notification: &Notification, inline_reply: bool) -> Self {
        let mut buttons = vec![open_button()];
        let talk_message = reply_target(notification).is_some();
        // Reply leads for a chat message: it is what the person came for, and some desktops
        // show only the first few buttons.
        if talk_message {
            buttons.push(Button {
                key: if inline_reply {
                    INLINE_REPLY_KEY
                } else {
                    REPLY_KEY
                }
                .to_owned(),
                label: crate::language::app().text("popup-reply"),
            });
        }
        let mut actions: Vec<(usize, &Action)> = notification.actions.iter().enumerate().collect();
        // Stable: the server's order stays among the primary ones and among the others.
        actions.sort_by_key(|(_, action)| !action.primary);
        buttons.extend(actions.into_iter().map(|(index, action)| Button {
            key: format!("{ACTION_KEY_PREFIX}{index}"),
            label: action.label.clone(),
        }));
        Self {
            summary: notification.subject.clone(),
            body: notification.message.clone().unwrap_or_default(),
            buttons,
            talk_message,
        }
    }

    /// The summary and body as sent to a notification server, cut to what a popup can show.
    ///
    /// `body_markup`: the server advertises the spec's `body-markup` capability, so it reads
    /// the body as markup; then `&`, `<` and `>` are escaped and a chat message
    /// `<a href=…>` or `<img src=…>` shows as the text it is. Without the capability the spec
    /// has servers show the body as it is, so escaping would show `&lt;`. The spec keeps the
    /// summary plain text (GNOME shows `&amp;` literally there), but some servers format it
    /// as markup anyway when they do markup at all, so there `<` and `>` become `‹` and `›`:
    /// no tag can form, and `&` alone starts none.
    pub fn text_for(&self, body_markup: bool) -> (String, String) {
        let summary = cut(&self.summary, SUMMARY_CHARS);
        let body = cut(&self.body, BODY_CHARS);
        if !body_markup {
            return (summary, body);
        }
        let summary = summary.replace('<', "\u{2039}").replace('>', "\u{203A}");
        (summary, escape_markup(&body))
    }

    /// The flat `key, label, key, label…` list of the `Notify` call.
    pub fn action_list(&self) -> Vec<String> {
        self.buttons
            .iter()
            .flat_map(|b| [b.key.clone(), b.label.clone()])
            .collect()
    }
}

/// `text` cut to at most `max` characters, on a character boundary, ending in `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some(_) => {
            let kept: String = text.chars().take(max - 1).collect();
            format!("{}…", kept.trim_end())
        }
    }
}

/// The markup escapes of the notification spec's body: `&`, `<`, `>`.
fn escape_markup(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// "12 new notifications".
fn summary_title(count: usize) -> String {
    summary(&crate::language::app(), count)
}

/// The subjects a summary stands for, one a line, the newest first; past a few, how many more.
fn summary_body(notifications: &[Notification]) -> String {
    let mut lines: Vec<String> = notifications
        .iter()
        .rev()
        .take(SUMMARY_LINES)
        .map(|n| cut(&n.subject, SUMMARY_CHARS))
        .collect();
    if notifications.len() > SUMMARY_LINES {
        let more = notifications.len() - SUMMARY_LINES;
        lines.push(tr!(
            crate::language::app(),
            "popup-summary-more",
            count = more
        ));
    }
    lines.join("\n")
}

fn open_button() -> Button {
    Button {
        key: DEFAULT_KEY.to_owned(),
        label: crate::language::app().text("popup-open"),
    }
}

/// The popup that stands for `count` notifications at once, plural-correct in `text`'s
/// language ("5 nowych powiadomień").
pub fn summary(text: &Localizer, count: usize) -> String {
    tr!(text, "popup-summary-notifications", count = count)
}

/// The hint text in the field of an inline reply.
pub fn reply_placeholder() -> String {
    crate::language::app().text("popup-reply-placeholder")
}

/// The Talk room (and message) a notification is about: a chat message (`object_id`
/// `token/messageId`), a call or a room of the `spreed` app.
pub fn talk_target(notification: &Notification) -> Option<ChatTarget> {
    if notification.app != "spreed" {
        return None;
    }
    let (token, message_id) = match notification.object_type.as_str() {
        "chat" => match notification.object_id.split_once('/') {
            Some((token, id)) => (token, id.parse().ok()),
            None => (notification.object_id.as_str(), None),
        },
        "call" | "room" => (notification.object_id.as_str(), None),
        _ => return None,
    };
    if token.is_empty() || token.contains('/') {
        return None;
    }
    Some(ChatTarget {
        token: token.to_owned(),
        message_id,
        reply: false,
    })
}

/// The Talk message a reply would answer: only a chat message with its id has one.
pub fn reply_target(notification: &Notification) -> Option<ChatTarget> {
    let target = talk_target(notification)?;
    (notification.object_type == "chat" && target.message_id.is_some()).then_some(ChatTarget {
        reply: true,
        ..target
    })
}

#[cfg(test)]
mod tests {
    use nctray_i18n::{Catalogue, Language};

    use super::*;

    fn notification(app: &str, object_type: &str, object_id: &str) -> Notification {
        serde_json::from_value(serde_json::json!({
            "notification_id": 7, "app": app, "user": "admin",
            "datetime": "2026-11-25T10:00:00+00:00", "object_type": object_type,
            "object_id": object_id, "subject": "bob sent you a private message",
            "message": "lunch?", "link": "https://cloud.example/call/abc", "actions": [
                {"label": "Decline", "link": "/x/decline", "type": "DELETE", "primary": false},
                {"label": "View", "link": "https://cloud.example/v", "type": "WEB", "primary": false},
                {"label": "Accept", "link": "/x/accept", "type": "POST", "primary": true},
            ]
        }))
        .unwrap()
    }

    fn labels(content: &PopupContent) -> Vec<(&str, &str)> {
        content
            .buttons
            .iter()
            .map(|b| (b.key.as_str(), b.label.as_str()))
            .collect()
    }

    #[test]
    fn the_buttons_are_the_notifications_actions_primary_first_after_the_default() {
        let share = notification("files_sharing", "share", "ocinternal:3");
        let content = PopupContent::of(&Popup::One(Box::new(share)), false);
        assert_eq!(
            labels(&content),
            [
                ("default", "Open"),
                ("action-2", "Accept"),
                ("action-0", "Decline"),
                ("action-1", "View"),
            ]
        );
        assert_eq!(content.summary, "bob sent you a private message");
        assert_eq!(content.body, "lunch?");
        assert!(!content.talk_message);
        assert_eq!(
            content.action_list()[..4],
            ["default", "Open", "action-2", "Accept"]
        );
    }

    #[test]
    fn a_talk_message_gets_reply_inline_where_the_server_can() {
        let chat = Popup::One(Box::new(notification("spreed", "chat", "abc123/42")));
        let plain = PopupContent::of(&chat, false);
        assert_eq!(plain.buttons[1].key, "reply");
        assert_eq!(plain.buttons[1].label, "Reply");
        assert!(plain.talk_message);
        let inline = PopupContent::of(&chat, true);
        assert_eq!(inline.buttons[1].key, "inline-reply");
        // A call has no message to answer.
        let call = Popup::One(Box::new(notification("spreed", "call", "abc123")));
        assert!(!PopupContent::of(&call, true)
            .buttons
            .iter()
            .any(|b| b.label == "Reply"));
    }

    #[test]
    fn markup_from_the_server_stays_text_where_the_server_renders_markup() {
        let mut talk = notification("spreed", "chat", "tok/1");
        talk.subject = "<b>bob</b> & <i>you</i>".into();
        talk.message = Some(
            r#"<a href="https://evil.example">x</a> <img src="https://evil.example/t.png"> &amp;"#
                .into(),
        );
        let content = PopupContent::of(&Popup::One(Box::new(talk)), false);
        let (summary, body) = content.text_for(true);
        assert_eq!(
            body,
            "&lt;a href=\"https://evil.example\"&gt;x&lt;/a&gt; \
             &lt;img src=\"https://evil.example/t.png\"&gt; &amp;amp;"
        );
        assert_eq!(
            summary,
            "\u{2039}b\u{203A}bob\u{2039}/b\u{203A} & \u{2039}i\u{203A}you\u{2039}/i\u{203A}"
        );
        // A server that shows text as it is gets it as it is.
        let (summary, body) = content.text_for(false);
        assert_eq!(summary, content.summary);
        assert_eq!(body, content.body);
    }

    #[test]
    fn long_texts_are_cut_on_a_character_boundary() {
        let mut long = notification("files", "file", "1");
        long.subject = "ä".repeat(SUMMARY_CHARS + 50);
        long.message = Some("🎉 ".repeat(BODY_CHARS));
        let (summary, body) = PopupContent::of(&Popup::One(Box::new(long)), false).text_for(true);
        assert_eq!(summary.chars().count(), SUMMARY_CHARS);
        assert!(summary.ends_with("ä…"), "{summary}");
        assert!(
            body.chars().count() <= BODY_CHARS,
            "{}",
            body.chars().count()
        );
        assert!(body.ends_with("🎉…"), "{body}");
        let short = PopupContent::line("Status", "set");
        assert_eq!(short.text_for(true), ("Status".into(), "set".into()));
    }

    #[test]
    fn a_summary_only_opens() {
        let twelve = (1..=12)
            .map(|id| {
                let mut n = notification("files", "", "");
                n.notification_id = id;
                n.subject = format!("Share {id}");
                n
            })
            .collect();
        let content = PopupContent::of(
            &Popup::Summary {
                notifications: twelve,
            },
            true,
        );
        assert_eq!(content.summary, "12 new notifications");
        assert_eq!(
            content.body,
            "Share 12\nShare 11\nShare 10\nShare 9\nShare 8\nand 7 more"
        );
        assert_eq!(labels(&content), [("default", "Open")]);
    }

    #[test]
    fn the_summary_takes_polands_three_plural_forms() {
        let polish = Localizer::new(&Language::negotiate(&["pl_PL.UTF-8"]), Catalogue::App);
        assert_eq!(summary(&polish, 1), "1 nowe powiadomienie");
        assert_eq!(summary(&polish, 2), "2 nowe powiadomienia");
        assert_eq!(summary(&polish, 5), "5 nowych powiadomień");
        assert_eq!(summary(&polish, 22), "22 nowe powiadomienia");
        assert_eq!(summary(&polish, 12), "12 nowych powiadomień");
    }

    #[test]
    fn the_summary_is_singular_for_one_in_english_and_german() {
        let english = Localizer::new(&Language::english(), Catalogue::App);
        assert_eq!(summary(&english, 1), "1 new notification");
        assert_eq!(summary(&english, 2), "2 new notifications");
        let german = Localizer::new(&Language::negotiate(&["de"]), Catalogue::App);
        assert_eq!(summary(&german, 1), "1 neue Benachrichtigung");
        assert_eq!(summary(&german, 5), "5 neue Benachrichtigungen");
    }

    #[test]
    fn every_key_sent_is_understood_back_and_others_are_not() {
        let chat = Popup::One(Box::new(notification("spreed", "chat", "abc123/42")));
        let keys = PopupContent::of(&chat, false)
            .buttons
            .into_iter()
            .map(|b| Choice::from_key(&b.key));
        let choices: Vec<_> = keys.collect();
        assert_eq!(
            choices,
            [
                Some(Choice::Open),
                Some(Choice::Reply),
                Some(Choice::Action(2)),
                Some(Choice::Action(0)),
                Some(Choice::Action(1)),
            ]
        );
        assert_eq!(Choice::from_key("inline-reply"), Some(Choice::Reply));
        for unknown in [
            "",
            "action-",
            "action-x",
            "action--1",
            "__closed",
            "Default",
        ] {
            assert_eq!(Choice::from_key(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn talk_notifications_lead_to_their_room_and_message() {
        let target = |t: &str, id: &str| talk_target(&notification("spreed", t, id));
        assert_eq!(
            target("chat", "abc123/42"),
            Some(ChatTarget {
                token: "abc123".into(),
                message_id: Some(42),
                reply: false
            })
        );
        assert_eq!(target("call", "abc123").unwrap().message_id, None);
        assert_eq!(target("room", "abc123").unwrap().token, "abc123");
        assert_eq!(target("chat", "abc123").unwrap().message_id, None);
        assert_eq!(target("share", "abc123"), None);
        assert_eq!(target("call", ""), None);
        assert_eq!(target("call", "a/b/c"), None);
        assert_eq!(
            talk_target(&notification("files", "chat", "abc123/42")),
            None
        );
        let reply = reply_target(&notification("spreed", "chat", "abc123/42")).unwrap();
        assert!(reply.reply);
        assert_eq!(reply.message_id, Some(42));
        assert_eq!(
            reply_target(&notification("spreed", "chat", "abc123/notanumber")),
            None
        );
        assert_eq!(
            reply_target(&notification("spreed", "call", "abc123")),
            None
        );
    }
}
