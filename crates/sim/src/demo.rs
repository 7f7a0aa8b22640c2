//! `Seed::Demo`: the user `demo`, online and "Working remotely", with one notification waiting,
//! files and a stream of activity long enough to scroll back through, and the believable
//! notifications the demo ticker feeds in (shares among them are real pending shares, so their
//! Accept and Decline work).

use serde_json::json;

use crate::notifications::{NewNotification, NotificationAction};
use crate::state::{Inner, User};
use crate::user_status;
use crate::Control;

/// Older activities of the demo user, before the recent ones about real files.
const OLDER_ACTIVITIES: usize = 240;
/// The demo user's own files (path, content), written after the older activities, so the
/// newest entries have previews and downloads.
const DEMO_FILES: [(&str, &[u8]); 5] = [
    (
        "/Documents/Meeting notes.md",
        b"# Meeting notes\n\n- ship the tray app\n",
    ),
    ("/Documents/Budget 2027.ods", b"budget"),
    ("/Photos/Beach.jpg", b"beach"),
    ("/Photos/Team offsite.png", b"team"),
    ("/Readme.md", b"# Welcome to the nctray demo\n"),
];

pub(crate) const DEMO_USER: &str = "demo";

/// Adds `demo` with its status. The first notification is injected by the caller.
pub(crate) fn seed(inner: &mut Inner) {
    let now = inner.now();
    inner.users.push(User {
        email: Some("demo@example.com".to_owned()),
        quota_used: 1_610_612_736,
        quota: Some(10_737_418_240),
        timezone: "UTC".to_owned(),
        ..User::new(DEMO_USER, "Demo User", now)
    });
    user_status::seed(inner, DEMO_USER, "online", "remote-work");
}

/// The demo user's files and activity stream (after [`seed`], once the server runs).
pub(crate) fn seed_activity(control: &Control) {
    control.seed_activities(DEMO_USER, OLDER_ACTIVITIES);
    for (path, content) in DEMO_FILES {
        control.write_file(DEMO_USER, path, content);
    }
    control.write_file(
        DEMO_USER,
        "/Documents/Meeting notes.md",
        b"# Meeting notes (v2)\n",
    );
}

/// What the `n`-th tick of the demo brings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DemoEvent {
    /// A notification of its own.
    Notification(Box<NewNotification>),
    /// `owner` writes `path` and shares it with the demo user: a pending share with its
    /// Accept/Decline notification.
    Share { owner: &'static str, path: String },
}

/// Makes the `n`-th demo event happen.
pub(crate) fn deliver(control: &Control, base_url: &str, n: usize) {
    match event(base_url, n) {
        DemoEvent::Notification(notification) => {
            control.inject_notification(*notification);
        }
        DemoEvent::Share { owner, path } => {
            control.write_file(owner, &path, b"shared with the demo user\n");
            if let Err(error) = control.create_share(owner, &path, DEMO_USER) {
                tracing::warn!(%error, "cannot share {path} with the demo user");
            }
        }
    }
}

/// The `n`-th demo event (cycling through a few kinds of notification people really get).
pub(crate) fn event(base_url: &str, n: usize) -> DemoEvent {
    let user = |name: &str| json!({ "type": "user", "id": name.to_lowercase(), "name": name });
    let file = |id: u32, name: &str, mimetype: &str| {
        json!({
            "type": "file", "id": id.to_string(), "name": name, "path": name,
            "link": format!("{base_url}/index.php/f/{id}"), "mimetype": mimetype,
        })
    };
    let web = |label: &str, link: String, primary: bool| NotificationAction {
        label: label.to_owned(),
        link,
        request_type: "WEB".to_owned(),
        primary,
    };
    let talk = |who: &str, room: &str, token: &str, text: &str, message_id: u32| {
        let link = format!("{base_url}/index.php/call/{token}#message_{message_id}");
        NewNotification {
            app: "spreed".to_owned(),
            object_type: "chat".to_owned(),
            object_id: format!("{token}/{message_id}"),
            subject: format!("{who} mentioned you in conversation {room}"),
            subject_rich: "{user} mentioned you in conversation {call}".to_owned(),
            subject_rich_parameters: json!({
                "user": user(who),
                "call": { "type": "call", "id": token, "name": room, "call-type": "group" },
            }),
            message: text.to_owned(),
            link: link.clone(),
            actions: vec![web("View chat", link, false)],
            ..NewNotification::new(DEMO_USER, "")
        }
    };
    // Each share names a new file, so a second round shares again instead of failing.
    let round = n / 8;
    let notification = match n % 8 {
        0 => {
            return DemoEvent::Share {
                owner: "bob",
                path: format!("/Budget 2027 ({round}).ods"),
            }
        }
        1 => talk(
            "Bob",
            "Team sync",
            "k3x9q2ab",
            "@Demo User can you check the figures before the call?",
            1207,
        ),
        2 => NewNotification {
            app: "comments".to_owned(),
            object_type: "files".to_owned(),
            object_id: "5120".to_owned(),
            subject: "Carol commented on “Roadmap.md”".to_owned(),
            subject_rich: "{user} commented on {file}".to_owned(),
            subject_rich_parameters: json!({
                "user": user("Carol"), "file": file(5120, "Roadmap.md", "text/markdown"),
            }),
            message: "Looks good, let's ship the tray app first.".to_owned(),
            link: format!("{base_url}/index.php/f/5120"),
            ..NewNotification::new(DEMO_USER, "")
        },
        3 => NewNotification {
            app: "spreed".to_owned(),
            object_type: "call".to_owned(),
            object_id: "p8vnm3rt".to_owned(),
            subject: "Dave wants to talk with you".to_owned(),
            subject_rich: "{user} wants to talk with you".to_owned(),
            subject_rich_parameters: json!({ "user": user("Dave") }),
            link: format!("{base_url}/index.php/call/p8vnm3rt"),
            actions: vec![web(
                "Call back",
                format!("{base_url}/index.php/call/p8vnm3rt"),
                true,
            )],
            ..NewNotification::new(DEMO_USER, "")
        },
        4 => NewNotification {
            app: "dav".to_owned(),
            object_type: "dav".to_owned(),
            object_id: "sprint-review".to_owned(),
            subject: "Upcoming event: Sprint review".to_owned(),
            message: "Today, 15:00 – 16:00 in “Big meeting room”".to_owned(),
            link: format!("{base_url}/index.php/apps/calendar"),
            ..NewNotification::new(DEMO_USER, "")
        },
        5 => {
            return DemoEvent::Share {
                owner: "carol",
                path: format!("/Holiday photos {round}.jpg"),
            }
        }
        6 => NewNotification {
            app: "updatenotification".to_owned(),
            object_type: "core".to_owned(),
            object_id: "32.0.2".to_owned(),
            subject: "Update to Nextcloud 32.0.2 is available.".to_owned(),
            link: format!("{base_url}/index.php/settings/admin/overview#version"),
            ..NewNotification::new(DEMO_USER, "")
        },
        _ => talk(
            "Frank",
            "Release 1.0",
            "r2d2c3po",
            "The release notes are ready for review 🎉",
            3301,
        ),
    };
    DemoEvent::Notification(Box::new(notification))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_event_is_complete() {
        for n in 0..16 {
            match event("http://127.0.0.1:1", n) {
                DemoEvent::Notification(new) => {
                    assert_eq!(new.user, DEMO_USER);
                    assert!(!new.subject.is_empty() && !new.app.is_empty(), "{n}");
                }
                DemoEvent::Share { owner, path } => {
                    assert_ne!(owner, DEMO_USER);
                    assert!(path.starts_with('/'), "{n}");
                }
            }
        }
        assert_ne!(
            event("x", 0),
            event("x", 8),
            "every round shares a new file"
        );
        assert_ne!(event("x", 1), event("x", 2));
    }
}
