//! Replays the recorded Nextcloud 32 requests, in order, against one fresh simulator and
//! checks that it answers like the real server: same HTTP status, same envelope meta, same
//! headers that matter, and the same JSON field names and types (values such as ids, times and
//! ETags may differ). XML answers are compared by their element skeleton.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use nctray_sim::{NewNotification, NotificationAction, Sim, SimConfig};
use serde_json::Value;

/// The fixture files of the endpoints the simulator implements.
const SCOPE: &[RangeInclusive<u32>] = &[1..=75, 144..=145, 149..=154, 184..=196];

/// What the replay sends, in this order. The Talk call join between 145 and 149 (fixtures
/// 146–148) is replaced by `Control::start_call`.
const REPLAYED: &[RangeInclusive<u32>] = &[1..=75, 144..=145, 149..=154, 184..=189, 191..=196];

/// Fixture files in scope that are not replayed, and why.
const LEFT_OUT: &[(&str, &str)] = &[(
    "190-errors-missing-ocs-header-talk.json",
    "Talk (spreed) routes are not simulated: the simulator routes before the CSRF check, as \
     the server does, so an unknown route answers 998 instead of 412",
)];

/// The capture machine's clock when fixture 032 was sent: its `clearAt` is this + 3600 and
/// the "past" fixtures (037, 044) use this − 3600. Request `clearAt`s are shifted to now.
const CAPTURE_NOW: i64 = 1_795_647_799;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/nextcloud-32")
}

/// `(number, file name)` of every fixture file, sorted.
fn fixture_files() -> Vec<(u32, String)> {
    let mut files: Vec<(u32, String)> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures directory")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let number = name.get(..3)?.parse().ok()?;
            name.ends_with(".json").then_some((number, name))
        })
        .collect();
    files.sort();
    files
}

fn in_ranges(ranges: &[RangeInclusive<u32>], n: u32) -> bool {
    ranges.iter().any(|r| r.contains(&n))
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture readable");
    serde_json::from_str(&text).expect("fixture is JSON")
}

#[test]
fn every_fixture_in_scope_is_replayed_or_left_out() {
    let files = fixture_files();
    let in_scope: Vec<&(u32, String)> =
        files.iter().filter(|(n, _)| in_ranges(SCOPE, *n)).collect();
    let expected: usize = SCOPE.iter().map(|r| r.clone().count()).sum();
    assert_eq!(
        in_scope.len(),
        expected,
        "every number in scope has one fixture file"
    );

    for (n, name) in &in_scope {
        let replayed = in_ranges(REPLAYED, *n);
        let left_out = LEFT_OUT.iter().any(|(file, _)| file == name);
        assert!(
            replayed != left_out,
            "{name}: must be either replayed or left out (replayed={replayed}, left out={left_out})"
        );
    }
    for (file, reason) in LEFT_OUT {
        assert!(
            in_scope.iter().any(|(_, name)| name == file),
            "{file} is not a fixture in scope"
        );
        assert!(!reason.is_empty());
    }
    for range in REPLAYED {
        for n in range.clone() {
            assert!(
                in_scope.iter().any(|(m, _)| *m == n),
                "{n} is replayed but not in scope"
            );
        }
    }
}

/// Values captured from earlier answers, to substitute into later requests.
#[derive(Default)]
struct Captured {
    /// Quoted fixture ETag → quoted simulator ETag.
    etags: HashMap<String, String>,
    /// Fixture notification id → simulator notification id.
    notification_ids: HashMap<i64, i64>,
}

impl Captured {
    fn notification_id(&self, text: &str) -> String {
        text.parse::<i64>()
            .ok()
            .and_then(|id| self.notification_ids.get(&id))
            .map_or_else(|| text.to_owned(), i64::to_string)
    }

    /// Maps an `If-None-Match` value, quoted or not, to the simulator's ETag in the same form.
    fn etag(&self, value: &str) -> String {
        let bare = value.trim_matches('"');
        for (fixture, sim) in &self.etags {
            if fixture.trim_matches('"') == bare {
                let sim_bare = sim.trim_matches('"');
                return if value.starts_with('"') {
                    format!("\"{sim_bare}\"")
                } else {
                    sim_bare.to_owned()
                };
            }
        }
        value.to_owned()
    }
}

fn credentials(auth: &str) -> Option<(String, String)> {
    let rest = auth.strip_prefix("user:")?;
    Some(match rest.strip_suffix(" (wrong password)") {
        Some(user) => (user.to_owned(), "wrong-password".to_owned()),
        None => (rest.to_owned(), format!("{rest}-app-password")),
    })
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The form body of a fixture request, with ids and times made fit for the simulator.
fn form_body(body: &Value, captured: &Captured, now: i64) -> Option<String> {
    let fields = body.as_object()?;
    let mut pairs = Vec::new();
    for (key, value) in fields {
        let values: Vec<String> = match value {
            Value::Array(items) => items.iter().map(scalar).collect(),
            other => vec![scalar(other)],
        };
        for value in values {
            let value = match key.as_str() {
                "clearAt" => match value.parse::<i64>() {
                    Ok(at) => (at - CAPTURE_NOW + now).to_string(),
                    Err(_) => value,
                },
                "ids[]" => captured.notification_id(&value),
                _ => value,
            };
            pairs.push(format!("{}={}", urlencode(key), urlencode(&value)));
        }
    }
    Some(pairs.join("&"))
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `/…/notifications/36` → the simulator's id for fixture notification 36.
fn map_path(path_and_query: &str, captured: &Captured) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let segments: Vec<String> = path.split('/').map(str::to_owned).collect();
    let mapped: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(i, segment)| {
            let after_notifications = i > 0 && segments[i - 1] == "notifications";
            if after_notifications && segment.bytes().all(|b| b.is_ascii_digit()) {
                captured.notification_id(segment)
            } else {
                segment.clone()
            }
        })
        .collect();
    let path = mapped.join("/");
    match query {
        Some(q) => format!("{path}?{q}"),
        None => path,
    }
}

/// Field names and JSON types must match recursively; arrays must have the same length.
fn compare_shape(path: &str, expected: &Value, actual: &Value, problems: &mut Vec<String>) {
    let kind = |v: &Value| match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if kind(expected) != kind(actual) {
        problems.push(format!(
            "{path}: expected {} ({expected}), got {} ({actual})",
            kind(expected),
            kind(actual)
        ));
        return;
    }
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for key in e.keys().filter(|k| !a.contains_key(*k)) {
                problems.push(format!("{path}.{key}: missing"));
            }
            for key in a.keys().filter(|k| !e.contains_key(*k)) {
                problems.push(format!("{path}.{key}: unexpected"));
            }
            for (key, e) in e {
                if let Some(a) = a.get(key) {
                    compare_shape(&format!("{path}.{key}"), e, a, problems);
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!(
                    "{path}: {} items expected, got {}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                compare_shape(&format!("{path}[{i}]"), e, a, problems);
            }
        }
        _ => {}
    }
}

/// Each line of an XML answer with its text content removed: the element skeleton.
fn xml_skeleton(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            let trimmed = line.trim_start();
            let shape = if trimmed.starts_with("<!--") {
                "<!---->".to_owned()
            } else if let Some(close) = trimmed.find('>') {
                let open = &trimmed[..=close];
                match trimmed.rfind("</") {
                    Some(end) if end > close => format!("{open}{}", &trimmed[end..]),
                    _ => open.to_owned(),
                }
            } else {
                trimmed.to_owned()
            };
            format!("{}{shape}", " ".repeat(indent))
        })
        .collect()
}

/// The four recorded notifications of fixture 063, injected oldest first.
fn inject_notifications_of_063(sim: &Sim, captured: &mut Captured) {
    let fixture = load("063-notifications-list.json");
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
        captured.notification_ids.insert(fixture_id, id);
    }
}

/// Replays one fixture; returns what did not match.
async fn replay(
    client: &reqwest::Client,
    sim: &Sim,
    name: &str,
    captured: &mut Captured,
) -> Vec<String> {
    let fixture = load(name);
    let request = &fixture["request"];
    let expected = &fixture["response"];
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;

    let method: reqwest::Method = request["method"].as_str().unwrap().parse().unwrap();
    let path = map_path(request["path_and_query"].as_str().unwrap(), captured);
    let mut builder = client.request(method, format!("{}{path}", sim.base_url()));
    for (header, value) in request["headers"].as_object().unwrap() {
        let value = value.as_str().unwrap();
        let value = if header.eq_ignore_ascii_case("If-None-Match") {
            captured.etag(value)
        } else {
            value.to_owned()
        };
        builder = builder.header(header.as_str(), value);
    }
    if let Some((user, password)) = credentials(request["auth"].as_str().unwrap()) {
        builder = builder.basic_auth(user, Some(password));
    }
    if let Some(body) = form_body(&request["body"], captured, now) {
        builder = builder.body(body);
    }
    let response = builder.send().await.expect("request reaches the simulator");

    let mut problems = Vec::new();
    let status = response.status().as_u16();
    let expected_status = expected["status"].as_u64().unwrap() as u16;
    if status != expected_status {
        problems.push(format!(
            "HTTP status: expected {expected_status}, got {status}"
        ));
    }

    let headers = response.headers().clone();
    let expected_headers = expected["headers"].as_object().unwrap();
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let expected_header = |name: &str| {
        expected_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_str())
            .map(str::to_owned)
    };
    for name in [
        "Content-Type",
        "X-User-Id",
        "X-Nextcloud-User-Status",
        "WWW-Authenticate",
    ] {
        if header(name) != expected_header(name) {
            problems.push(format!(
                "header {name}: expected {:?}, got {:?}",
                expected_header(name),
                header(name)
            ));
        }
    }
    match (expected_header("ETag"), header("ETag")) {
        (None, None) => {}
        (Some(fixture_etag), Some(sim_etag)) => {
            if !sim_etag.starts_with('"') || !sim_etag.ends_with('"') {
                problems.push(format!("ETag {sim_etag} is not quoted"));
            }
            // md5 of `[]` is the same everywhere (062/075).
            if fixture_etag == "\"d751713988987e9331980363e24189ce\"" && sim_etag != fixture_etag {
                problems.push(format!(
                    "empty-list ETag: expected {fixture_etag}, got {sim_etag}"
                ));
            }
            // The same recorded ETag must map to the same simulated one (001/002, 071/073)
            // and different recorded ETags to different ones (001/003).
            match captured.etags.get(&fixture_etag) {
                Some(known) if *known != sim_etag => problems.push(format!(
                    "ETag {fixture_etag} was {known} before, now {sim_etag}"
                )),
                Some(_) => {}
                None => {
                    if captured.etags.values().any(|v| *v == sim_etag) {
                        problems.push(format!("ETag {sim_etag} reused for a different answer"));
                    }
                    captured.etags.insert(fixture_etag, sim_etag);
                }
            }
        }
        (e, a) => problems.push(format!("ETag: expected {e:?}, got {a:?}")),
    }

    let text = response.text().await.expect("body");
    match &expected["body"] {
        Value::String(expected_text) if expected_text.is_empty() => {
            if !text.is_empty() {
                problems.push(format!("expected an empty body, got {text:?}"));
            }
        }
        Value::String(expected_text) if expected_text.starts_with("<?xml") => {
            // The recorded body may be cut off; compare the complete lines.
            let mut expected_lines = xml_skeleton(expected_text);
            if expected_text.contains("<truncated") {
                expected_lines.pop();
            }
            let actual_lines = xml_skeleton(&text);
            for (i, line) in expected_lines.iter().enumerate() {
                if actual_lines.get(i) != Some(line) {
                    problems.push(format!(
                        "XML line {}: expected {line:?}, got {:?}",
                        i + 1,
                        actual_lines.get(i)
                    ));
                    break;
                }
            }
            if !expected_text.contains("<truncated") && actual_lines.len() != expected_lines.len() {
                problems.push(format!(
                    "XML: expected {} lines, got {}",
                    expected_lines.len(),
                    actual_lines.len()
                ));
            }
        }
        expected_body => match serde_json::from_str::<Value>(&text) {
            Err(error) => problems.push(format!("body is not JSON ({error}): {text:?}")),
            Ok(actual_body) => {
                compare_shape("body", expected_body, &actual_body, &mut problems);
                let expected_meta = &expected_body["ocs"]["meta"];
                if !expected_meta.is_null() && *expected_meta != actual_body["ocs"]["meta"] {
                    problems.push(format!(
                        "meta: expected {expected_meta}, got {}",
                        actual_body["ocs"]["meta"]
                    ));
                }
                if expected_body.get("message").is_some()
                    && expected_body["message"] != actual_body["message"]
                {
                    problems.push(format!(
                        "message: expected {}, got {}",
                        expected_body["message"], actual_body["message"]
                    ));
                }
            }
        },
    }
    problems
}

#[tokio::test]
async fn replay_fixtures_in_order() {
    let sim = Sim::start(SimConfig::default()).await.expect("sim starts");
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let mut captured = Captured::default();
    let mut failures = Vec::new();
    let mut replayed = 0;

    for (n, name) in fixture_files() {
        if !in_ranges(REPLAYED, n) {
            continue;
        }
        // The notifications fixtures were captured with three notifications waiting.
        if n == 63 {
            inject_notifications_of_063(&sim, &mut captured);
        }
        // 146–148 joined a Talk call as admin; the simulator's stand-in is start_call.
        if n == 149 {
            assert!(sim.control().start_call("admin"));
        }
        let problems = replay(&client, &sim, &name, &mut captured).await;
        replayed += 1;
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }

    sim.shutdown().await;
    assert!(
        failures.is_empty(),
        "{} of {replayed} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let expected: usize = REPLAYED.iter().map(|r| r.clone().count()).sum();
    assert_eq!(replayed, expected, "every listed fixture was replayed");
}
