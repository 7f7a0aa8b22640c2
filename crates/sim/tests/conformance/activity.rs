//! WebDAV, direct downloads and shares (076–080), the notifications and pending shares they
//! lead to (158–162), activity v2 (163–179) and Login Flow v2 (180–183).
//!
//! The activity fixtures need admin's and bob's streams exactly as the capture server had
//! them (the answers' lengths depend on the rows and on how files rows merge). Before 163 the
//! stream is cleared and rebuilt with `Control::record_activity` from the recorded answers:
//! every merged files entry becomes its rows again (file1 is the row with the entry's id,
//! fileN the row N−1 ids above it), every other entry one row. Rows the capture never
//! showed (admin's 4–46, bob's older ones) are not needed by any request and are not made.

use nctray_sim::{NewActivity, Sim};
use serde_json::{Map, Value};

use crate::replay::{self, map_query, map_segments, Answer, Captured, Part, Request};

pub const PART: Part = Part {
    name: "activity, dav, sharing, login flow",
    replayed: &[76..=80, 158..=183],
    left_out: &[],
    before,
    adapt,
    learn,
    check,
};

const REDACTED: &str = "<redacted>";

fn before(n: u32, sim: &Sim, captured: &mut Captured) {
    if n == 163 {
        rebuild_streams(sim, captured);
    }
}

fn adapt(n: u32, request: &mut Request, captured: &Captured) {
    request.path_and_query = map_segments(&request.path_and_query, |previous, segment| {
        match (previous, segment) {
            // 078: the direct link's token from 077's answer.
            ("direct", REDACTED) => captured.map("direct", REDACTED),
            ("pending", id) => captured.map("share", id),
            ("notifications", id) if id.bytes().all(|b| b.is_ascii_digit()) => {
                captured.map("notification", id)
            }
            _ => segment.to_owned(),
        }
    });
    request.path_and_query = map_query(&request.path_and_query, |name, value| match name {
        "since" => captured.map("activity", value),
        _ => value.to_owned(),
    });
    // 181 polls with the token of 180; 182 keeps an unknown one.
    if n == 181 {
        if let Some(fields) = request.body.as_object_mut() {
            fields.insert(
                "token".to_owned(),
                Value::from(captured.map("poll-token", REDACTED)),
            );
        }
    }
}

fn learn(n: u32, recorded: &Value, answer: &Answer, captured: &mut Captured) {
    let sim_data = &answer.json["ocs"]["data"];
    let recorded_data = &recorded["response"]["body"]["ocs"]["data"];
    match n {
        77 => {
            let url = sim_data["url"].as_str().unwrap_or_default();
            let token = url.rsplit('/').next().unwrap_or_default();
            captured.learn("direct", REDACTED, token);
        }
        80 => {
            if let (Some(recorded), Some(sim)) =
                (recorded_data["id"].as_str(), sim_data["id"].as_str())
            {
                captured.learn("share", recorded, sim);
            }
        }
        // The notifications are listed newest first in both.
        158 => {
            let pairs = recorded_data
                .as_array()
                .into_iter()
                .flatten()
                .zip(sim_data.as_array().into_iter().flatten());
            for (recorded, sim) in pairs {
                if let (Some(r), Some(s)) = (
                    recorded["notification_id"].as_i64(),
                    sim["notification_id"].as_i64(),
                ) {
                    captured.learn("notification", r, s);
                }
            }
        }
        180 => {
            if let Some(token) = answer.json["poll"]["token"].as_str() {
                captured.learn("poll-token", REDACTED, token);
            }
        }
        _ => {}
    }
}

/// Values the shapes alone do not pin down.
fn check(n: u32, recorded: &Value, answer: &Answer, problems: &mut Vec<String>) {
    let expected = &recorded["response"];
    // The paging headers are there exactly when the server sent them.
    for name in ["Link", "X-Activity-First-Known", "X-Activity-Last-Given"] {
        let recorded_has = expected["headers"].get(name).is_some();
        if recorded_has != answer.header(name).is_some() {
            problems.push(format!(
                "header {name}: recorded {}, simulated {:?}",
                if recorded_has { "present" } else { "absent" },
                answer.header(name)
            ));
        }
    }
    if let (Some(recorded_link), Some(link)) =
        (expected["headers"]["Link"].as_str(), answer.header("Link"))
    {
        // Same path and parameters, on the simulator.
        let shape = |link: &str| {
            let inner = link
                .split_once('<')
                .and_then(|(_, rest)| rest.split_once('>'))
                .map_or("", |(url, _)| url);
            let path = inner.splitn(4, '/').nth(3).unwrap_or_default();
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            let names: Vec<&str> = query
                .split('&')
                .map(|pair| pair.split('=').next().unwrap_or_default())
                .collect();
            format!("/{path}?{}", names.join("&"))
        };
        if shape(recorded_link) != shape(link) || !link.ends_with("; rel=\"next\"") {
            problems.push(format!("Link: recorded {recorded_link}, simulated {link}"));
        }
    }
    match n {
        // 080/159: the share as its owner and as the recipient of a pending share.
        80 | 159 => {
            let sim = if n == 80 {
                answer.json["ocs"]["data"].clone()
            } else {
                answer.json["ocs"]["data"][0].clone()
            };
            for key in [
                "permissions",
                "mail_send",
                "share_type",
                "item_source",
                "path",
            ] {
                let recorded = if n == 80 {
                    &expected["body"]["ocs"]["data"][key]
                } else {
                    &expected["body"]["ocs"]["data"][0][key]
                };
                if *recorded != sim[key] {
                    problems.push(format!(
                        "{key}: recorded {recorded}, simulated {}",
                        sim[key]
                    ));
                }
            }
        }
        // 158: the pending share's actions are real endpoints of the simulator.
        158 => {
            let list = answer.json["ocs"]["data"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let share = list.iter().find(|n| n["object_type"] == "share");
            match share {
                Some(share) => {
                    let links: Vec<&str> = share["actions"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|a| a["link"].as_str())
                        .collect();
                    let ok = links.len() == 2
                        && links[0]
                            .contains("/ocs/v2.php/apps/files_sharing/api/v1/shares/pending/")
                        && links[1].contains("/ocs/v2.php/apps/files_sharing/api/v1/shares/");
                    if !ok {
                        problems.push(format!("share actions: {links:?}"));
                    }
                }
                None => problems.push("no pending-share notification".to_owned()),
            }
        }
        // The activity entries: the same ids (mapped) in the same order.
        163..=179 => {
            let ids = |data: &Value| -> Vec<i64> {
                data.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a["activity_id"].as_i64())
                    .collect()
            };
            let recorded_ids = ids(&expected["body"]["ocs"]["data"]);
            let sim_ids = ids(&answer.json["ocs"]["data"]);
            if recorded_ids.len() == sim_ids.len() {
                let mut sorted = sim_ids.clone();
                if n == 169 {
                    sorted.sort_unstable();
                } else {
                    sorted.sort_unstable_by(|a, b| b.cmp(a));
                }
                if sorted != sim_ids {
                    problems.push(format!("activity order: {sim_ids:?}"));
                }
            }
        }
        _ => {}
    }
}

/// Clears every stream and records admin's and bob's rows as the capture server had them.
fn rebuild_streams(sim: &Sim, captured: &mut Captured) {
    let control = sim.control();
    control.clear_activities();
    let mut rows: Vec<(i64, NewActivity)> = Vec::new();
    for (fixture, user, ascending) in [
        ("163-activity-default.json", "admin", false),
        ("169-activity-all-sort-asc.json", "admin", true),
        ("177-activity-bob-all.json", "bob", false),
    ] {
        let recorded = replay::load(fixture);
        for entry in recorded["response"]["body"]["ocs"]["data"]
            .as_array()
            .into_iter()
            .flatten()
        {
            rows.extend(rows_of(entry, user, ascending));
        }
    }
    rows.sort_by_key(|(id, _)| *id);
    rows.dedup_by_key(|(id, _)| *id);
    for (id, row) in rows {
        let sim_id = control.record_activity(row);
        captured.learn("activity", id, sim_id);
    }
}

/// The rows behind one recorded entry: one, or one per file of a merged files entry. The
/// entry has the id of the row merged last: the oldest of a descending page, the newest of an
/// ascending one; `file1` is that row's file.
fn rows_of(entry: &Value, user: &str, ascending: bool) -> Vec<(i64, NewActivity)> {
    let text = |key: &str| entry[key].as_str().unwrap_or_default().to_owned();
    let id = entry["activity_id"].as_i64().unwrap_or_default();
    let template = entry["subject_rich"][0]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let parameters = entry["subject_rich"][1]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let base = NewActivity {
        affected_user: user.to_owned(),
        author: text("user"),
        app: text("app"),
        kind: text("type"),
        subject: text("subject"),
        subject_rich: template.clone(),
        subject_rich_parameters: Value::Object(parameters.clone()),
        message: text("message"),
        icon: text("icon"),
        link: text("link"),
        object_type: text("object_type"),
        object_id: entry["object_id"].as_i64().unwrap_or_default(),
        object_name: text("object_name"),
        ..NewActivity::default()
    };
    let files: Vec<(usize, &Value)> = (1..)
        .map_while(|k| parameters.get(&format!("file{k}")).map(|p| (k, p)))
        .collect();
    if entry["app"] != "files" || files.is_empty() {
        return vec![(id, base)];
    }
    // "You changed {file3}, {file2} and {file1}" → "You changed {file}".
    let start = template.find("{file").unwrap_or(template.len());
    let end = template
        .find("{file1}")
        .map_or(template.len(), |at| at + "{file1}".len());
    let single = format!("{}{{file}}{}", &template[..start], &template[end..]);
    files
        .into_iter()
        .map(|(k, file)| {
            let mut parameters = Map::new();
            parameters.insert("file".to_owned(), file.clone());
            let path = file["path"].as_str().unwrap_or_default();
            let row = NewActivity {
                subject: String::new(),
                subject_rich: single.clone(),
                subject_rich_parameters: Value::Object(parameters),
                object_id: file["id"]
                    .as_str()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_default(),
                object_name: format!("/{path}"),
                ..base.clone()
            };
            let offset = k as i64 - 1;
            (if ascending { id - offset } else { id + offset }, row)
        })
        .collect()
}
