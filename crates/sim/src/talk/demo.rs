//! Talk for [`crate::Seed::Demo`]: the demo user's conversations with some history (a
//! favorite, a reply, a reaction, an unread mention), and colleagues who write now and then
//! (from the demo ticker), so the quick chat has something to show and something arriving.

use crate::Control;

use super::state::{GROUP, PUBLIC};
use crate::demo::DEMO_USER;

/// `(author, text)` of the "Project Phoenix" history, oldest first.
const PHOENIX: &[(&str, &str)] = &[
    (
        "bob",
        "Morning all! The release candidate is on the test server.",
    ),
    (
        "carol",
        "Great, I'll run the upgrade checklist after lunch.",
    ),
    (
        "bob",
        "Found one thing: the login page logo is blurry on HiDPI screens.",
    ),
    (
        "carol",
        "@demo could you look at the release notes before we ship?",
    ),
];

/// What colleagues write while the demo runs: `(author, room, text)`, taken in turn.
const LATER: &[(&str, Room, &str)] = &[
    ("bob", Room::Direct, "Coffee in five minutes?"),
    (
        "carol",
        Room::Phoenix,
        "Checklist done, everything green ✅",
    ),
    ("bob", Room::Phoenix, "Thanks! Tagging the release now."),
    (
        "carol",
        Room::OpenDay,
        "Visitors from the school arrive at 10:00.",
    ),
    ("bob", Room::Direct, "@demo did you see the new build?"),
];

#[derive(Debug, Clone, Copy)]
enum Room {
    Phoenix,
    Direct,
    OpenDay,
}

/// The rooms of the demo user, once made.
fn token(control: &Control, room: Room) -> Option<String> {
    let inner = control.shared.lock();
    let wanted = |r: &&super::state::Room| match room {
        Room::Phoenix => r.name == "Project Phoenix",
        Room::OpenDay => r.name == "Open day",
        Room::Direct => {
            r.room_type == super::state::ONE_TO_ONE
                && r.attendee(DEMO_USER).is_some()
                && r.attendee("bob").is_some()
        }
    };
    inner
        .talk
        .rooms
        .iter()
        .find(wanted)
        .map(|r| r.token.clone())
}

/// Makes the demo's conversations. Their history is dated back over the last two days so the
/// list has an order and the chat has days.
pub(crate) fn seed(control: &Control) {
    let Some(phoenix) = control.create_room("bob", GROUP, "Project Phoenix") else {
        return;
    };
    for user in [DEMO_USER, "carol"] {
        control.add_room_participant(&phoenix, user);
    }
    let mut posted = Vec::new();
    for (author, text) in PHOENIX {
        posted.push(control.post_chat_message(author, &phoenix, text));
    }

    if let Some(direct) = control.create_one_to_one("bob", DEMO_USER) {
        control.post_chat_message("bob", &direct, "Are you joining the retro on Friday?");
        control.post_chat_message(DEMO_USER, &direct, "Yes, see you there 👍");
    }
    if let Some(open_day) = control.create_room("carol", PUBLIC, "Open day") {
        control.add_room_participant(&open_day, DEMO_USER);
        control.post_chat_message("carol", &open_day, "The open day is on the 14th.");
    }

    let mut inner = control.shared.lock();
    let now = inner.now();
    for room in inner
        .talk
        .rooms
        .iter_mut()
        .filter(|r| r.attendee(DEMO_USER).is_some())
    {
        // Phoenix began two days ago, the open day yesterday, the chat with bob this morning;
        // their messages came 40 minutes apart.
        let start = match room.name.as_str() {
            "Project Phoenix" => now - 2 * 86_400,
            "Open day" => now - 86_400,
            _ => now - 3 * 3_600,
        };
        for (index, message) in room.messages.iter_mut().enumerate() {
            message.timestamp = start + index as i64 * 2_400;
        }
        room.last_activity = room.messages.last().map_or(start, |m| m.timestamp);
        if room.name == "Project Phoenix" {
            if let Some(demo) = room.attendee_mut(DEMO_USER) {
                demo.favorite = true;
            }
            // bob liked carol's plan.
            if let Some(message) = room
                .messages
                .iter_mut()
                .find(|m| Some(&m.id) == posted.get(1))
            {
                message
                    .reactions
                    .push(("👍".into(), "bob".into(), now - 86_400));
            }
        }
    }
}

/// The demo ticker's `n`-th chat message (every other tick, so chat and notifications take
/// turns).
pub(crate) fn tick(control: &Control, n: usize) {
    if n.is_multiple_of(2) {
        return;
    }
    let (author, room, text) = LATER[(n / 2) % LATER.len()];
    if let Some(token) = token(control, room) {
        control.post_chat_message(author, &token, text);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Seed, Sim, SimConfig};

    use super::*;

    #[tokio::test]
    async fn the_demo_user_has_conversations_with_history_and_colleagues_keep_writing() {
        let sim = Sim::start(SimConfig {
            seed: Seed::Demo,
            ..SimConfig::default()
        })
        .await
        .unwrap();
        let control = sim.control();
        let listed = control.talk_room_list(DEMO_USER);
        let tokens: Vec<String> = [Room::Phoenix, Room::Direct, Room::OpenDay]
            .into_iter()
            .map(|room| token(&control, room).expect("every demo room exists"))
            .collect();
        assert!(tokens.iter().all(|t| listed.contains(t)), "{listed:?}");
        {
            let inner = control.shared.lock();
            let phoenix = inner.talk.room(&tokens[0]).unwrap();
            assert!(phoenix.attendee(DEMO_USER).unwrap().favorite);
            assert!(phoenix
                .messages
                .iter()
                .any(|m| m.mentions.iter().any(|u| u == DEMO_USER)));
            assert!(phoenix.last_activity < inner.now() - 86_400);
        }
        let before = control
            .shared
            .lock()
            .talk
            .room(&tokens[1])
            .unwrap()
            .messages
            .len();
        tick(&control, 1);
        tick(&control, 2);
        let after = control
            .shared
            .lock()
            .talk
            .room(&tokens[1])
            .unwrap()
            .messages
            .len();
        assert_eq!(after, before + 1, "one message per two ticks");
    }
}
