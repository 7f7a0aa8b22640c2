//! `Seed::Demo`: the user `demo`, online and "Working remotely", with one notification waiting,
//! and the stream of believable notifications the demo ticker feeds in.

use serde_json::json;

use crate::notifications::{NewNotification, NotificationAction};
use crate::state::{Inner, User};
use crate::user_status;

pub(crate) const DEMO_USER: &str = "demo";

/// Adds `demo` with its status. The first notification is injected by the caller.
pub(crate) fn seed(inner: &mut Inner) {
    let now = inner.now();
    inner.users.push(User {
        email: Some("demo@example.com".to_owned()),
        quota_used: 1_073_741_824,
        timezone: "UTC".to_owned(),
        ..User::new(DEMO_USER, "Demo User", now)
    });
    user_status::seed(inner, DEMO_USER, "online", "remote-work");
}

/// The `n`-th demo notification (cycling through a few kinds people really get).
pub(crate) fn notification(base_url: &str, n: usize) -> NewNotification {
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
    let share = |who: &str, name: &str, id: u32, mimetype: &str| {
        let share_id = 100 + id;
        NewNotification {
            app: "files_sharing".to_owned(),
            object_type: "remote_share".to_owned(),
            object_id: share_id.to_string(),
            subject: format!("{who} shared “{name}” with you"),
            subject_rich: "{user} shared {file} with you".to_owned(),
            subject_rich_parameters: json!({ "user": user(who), "file": file(id, name, mimetype) }),
            link: format!("{base_url}/index.php/f/{id}"),
            actions: vec![
                NotificationAction {
                    label: "Accept".to_owned(),
                    link: format!(
                        "{base_url}/ocs/v2.php/apps/files_sharing/api/v1/shares/pending/{share_id}"
                    ),
                    request_type: "POST".to_owned(),
                    primary: true,
                },
                NotificationAction {
                    label: "Decline".to_owned(),
                    link: format!(
                        "{base_url}/ocs/v2.php/apps/files_sharing/api/v1/shares/{share_id}"
                    ),
                    request_type: "DELETE".to_owned(),
                    primary: false,
                },
            ],
            ..NewNotification::new(DEMO_USER, "")
        }
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
    match n % 8 {
        0 => share(
            "Alice",
            "Budget 2027.xlsx",
            4711,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
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
        5 => share("Erin", "Holiday photos", 6001, "httpd/unix-directory"),
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_notification_is_complete() {
        for n in 0..8 {
            let new = notification("http://127.0.0.1:1", n);
            assert_eq!(new.user, DEMO_USER);
            assert!(!new.subject.is_empty() && !new.app.is_empty(), "{n}");
        }
        assert_ne!(notification("x", 0).subject, notification("x", 1).subject);
    }
}
