//! Capabilities, cloud/user(s), user_status, notifications and the OCS error shapes
//! (fixtures 001–075, 144–154, 184–196).

use nctray_sim::{NewNotification, NotificationAction, Sim};
use serde_json::Value;

use crate::replay::{self, map_segments, Captured, Part, Request};

pub const PART: Part = Part {
    name: "core",
    replayed: &[1..=75, 144..=145, 149..=154, 184..=196],
    left_out: &[],
    before,
    adapt,
    learn: replay::no_learn,
    check: replay::no_check,
};

/// The capture machine's clock when fixture 032 was sent: its `clearAt` is this + 3600 and
/// the "past" fixtures (037, 044) use this − 3600. Request `clearAt`s are shifted to now.
const CAPTURE_NOW: i64 = 1_795_647_799;

fn before(n: u32, sim: &Sim, captured: &mut Captured) {
    // The notifications fixtures were captured with three notifications waiting.
    if n == 63 {
        inject_notifications_of_063(sim, captured);
    }
    // 146–148 joined a Talk call as admin; until Talk is replayed the stand-in is start_call.
    if n == 149 && !crate::replays(147) {
        assert!(sim.control().start_call("admin"));
    }
}

fn adapt(_: u32, request: &mut Request, captured: &Captured) {
    if let Some(fields) = request.body.as_object_mut() {
        let now = replay::unix_now();
        for (key, value) in fields.iter_mut() {
            match key.as_str() {
                "clearAt" => {
                    if let Ok(at) = replay::scalar(value).parse::<i64>() {
                        *value = Value::from((at - CAPTURE_NOW + now).to_string());
                    }
                }
                "ids[]" => {
                    if let Value::Array(ids) = value {
                        for id in ids.iter_mut() {
                            *id = Value::from(captured.map("notification", &replay::scalar(id)));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // `/…/notifications/36` → the simulator's id for fixture notification 36.
    request.path_and_query = map_segments(&request.path_and_query, |previous, segment| {
        if previous == "notifications" && segment.bytes().all(|b| b.is_ascii_digit()) {
            captured.map("notification", segment)
        } else {
            segment.to_owned()
        }
    });
}

/// The four recorded notifications of fixture 063, injected oldest first.
fn inject_notifications_of_063(sim: &Sim, captured: &mut Captured) {
    let fixture = replay::load("063-notifications-list.json");
    let list = fixture["response"]["body"]["ocs"]["data"]
        .as_array()
        .expect("063 has a list")
        .clone();
    for n in list.iter().rev() {
        let text = |key: &str| n[key].as_str().unwrap_or_default().to_owned();
        let actions = n["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| NotificationAction {
                label: a["label"].as_str().unwrap_or_default().to_owned(),
                link: a["link"].as_str().unwrap_or_default().to_owned(),
                request_type: a["type"].as_str().unwrap_or_default().to_owned(),
                primary: a["primary"].as_bool().unwrap_or_default(),
            })
            .collect();
        let id = sim.control().inject_notification(NewNotification {
            message: text("message"),
            link: text("link"),
            app: text("app"),
            object_type: text("object_type"),
            object_id: text("object_id"),
            should_notify: n["shouldNotify"].as_bool().unwrap_or(true),
            icon: Some(text("icon")),
            subject_rich: text("subjectRich"),
            subject_rich_parameters: n["subjectRichParameters"].clone(),
            message_rich: text("messageRich"),
            message_rich_parameters: n["messageRichParameters"].clone(),
            actions,
            ..NewNotification::new(text("user"), text("subject"))
        });
        let fixture_id = n["notification_id"].as_i64().expect("notification_id");
        captured.learn("notification", fixture_id, id);
    }
}
