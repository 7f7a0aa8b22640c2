//! The generic replay machinery: loading fixture files, mapping their `auth` to credentials,
//! substituting ids, tokens and ETags captured from earlier answers, sending the request and
//! comparing the answer with the recorded one (HTTP status, envelope meta, the headers that
//! matter, JSON field names and types; XML by its element skeleton).
//!
//! Each area of the server is a [`Part`] (core.rs, talk.rs, …): the fixture numbers it replays,
//! the ones it leaves out with a reason, and hooks for what only it knows (seeding state the
//! capture had, rewriting recorded ids, learning the simulator's ids from its answers).

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use nctray_sim::Sim;
use serde_json::Value;

/// One area of the replay.
pub struct Part {
    pub name: &'static str,
    /// The fixture numbers this part sends, in number order together with every other part.
    pub replayed: &'static [RangeInclusive<u32>],
    /// Fixture files this part owns but does not send, with the reason.
    pub left_out: &'static [(&'static str, &'static str)],
    /// Runs before every fixture (of any part) is sent: seeds state the capture had.
    pub before: fn(n: u32, sim: &Sim, captured: &mut Captured),
    /// Rewrites a recorded request of this part for the simulator (ids, tokens, times).
    pub adapt: fn(n: u32, request: &mut Request, captured: &Captured),
    /// Learns from the recorded and the simulated answer of one of this part's fixtures.
    pub learn: fn(n: u32, recorded: &Value, answer: &Answer, captured: &mut Captured),
    /// Checks beyond the shared ones (values that must match, not just shapes).
    pub check: fn(n: u32, recorded: &Value, answer: &Answer, problems: &mut Vec<String>),
}

impl Part {
    pub fn replays(&self, n: u32) -> bool {
        in_ranges(self.replayed, n)
    }
}

/// Hooks for parts that need none.
pub fn no_before(_: u32, _: &Sim, _: &mut Captured) {}
pub fn no_adapt(_: u32, _: &mut Request, _: &Captured) {}
pub fn no_learn(_: u32, _: &Value, _: &Answer, _: &mut Captured) {}
pub fn no_check(_: u32, _: &Value, _: &Answer, _: &mut Vec<String>) {}

/// A recorded request, ready to be rewritten by [`Part::adapt`].
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query as recorded, e.g. `/ocs/v2.php/apps/spreed/api/v4/room/abc?x=1`.
    pub path_and_query: String,
    pub headers: Vec<(String, String)>,
    /// `user:<name>`, `none`, `user:<name> (wrong password)`.
    pub auth: String,
    /// The recorded form fields (`null` when there was no body).
    pub body: Value,
}

/// What the simulator answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    /// The body parsed as JSON, `Null` when it is not JSON.
    pub json: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Values captured from earlier answers, to substitute into later requests.
#[derive(Default)]
pub struct Captured {
    /// Quoted fixture ETag → quoted simulator ETag.
    pub etags: HashMap<String, String>,
    /// `(kind, recorded value)` → simulator value, e.g. `("notification", "36")` → `"4"`,
    /// `("token", "abc")` → `"xyz"`. Kinds keep equal numbers of different things apart.
    values: HashMap<(&'static str, String), String>,
    /// Problems a part's `learn` found (checks that need the ids it just learned); the
    /// replay adds them to the fixture's problems.
    pub problems: Vec<String>,
}

impl Captured {
    pub fn learn(&mut self, kind: &'static str, recorded: impl ToString, sim: impl ToString) {
        self.values
            .insert((kind, recorded.to_string()), sim.to_string());
    }

    /// The simulator's value for a recorded one; the recorded value itself when unknown.
    pub fn map(&self, kind: &'static str, recorded: &str) -> String {
        self.values
            .get(&(kind, recorded.to_owned()))
            .cloned()
            .unwrap_or_else(|| recorded.to_owned())
    }

    pub fn knows(&self, kind: &'static str, recorded: &str) -> bool {
        self.values.contains_key(&(kind, recorded.to_owned()))
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

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/nextcloud-32")
}

/// `(number, file name)` of every fixture file, sorted.
pub fn fixture_files() -> Vec<(u32, String)> {
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

pub fn in_ranges(ranges: &[RangeInclusive<u32>], n: u32) -> bool {
    ranges.iter().any(|r| r.contains(&n))
}

pub fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture readable");
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// The file name of fixture number `n`.
pub fn file_of(n: u32) -> String {
    fixture_files()
        .into_iter()
        .find(|(m, _)| *m == n)
        .map(|(_, name)| name)
        .unwrap_or_else(|| panic!("no fixture {n}"))
}

pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn credentials(auth: &str) -> Option<(String, String)> {
    let rest = auth.strip_prefix("user:")?;
    Some(match rest.strip_suffix(" (wrong password)") {
        Some(user) => (user.to_owned(), "wrong-password".to_owned()),
        None => (rest.to_owned(), format!("{rest}-app-password")),
    })
}

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The form body of a recorded request (`ids[]` lists become repeated fields).
fn form_body(body: &Value) -> Option<String> {
    let fields = body.as_object()?;
    let mut pairs = Vec::new();
    for (key, value) in fields {
        let values: Vec<String> = match value {
            Value::Array(items) => items.iter().map(scalar).collect(),
            other => vec![scalar(other)],
        };
        for value in values {
            pairs.push(format!("{}={}", urlencode(key), urlencode(&value)));
        }
    }
    Some(pairs.join("&"))
}

pub fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Rewrites every path segment with `f(previous segment, segment)`; the query stays.
pub fn map_segments(path_and_query: &str, f: impl Fn(&str, &str) -> String) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let segments: Vec<&str> = path.split('/').collect();
    let mapped: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(i, segment)| {
            let previous = if i > 0 { segments[i - 1] } else { "" };
            f(previous, segment)
        })
        .collect();
    let path = mapped.join("/");
    match query {
        Some(q) => format!("{path}?{q}"),
        None => path,
    }
}

/// Rewrites the value of every query parameter with `f(name, value)` (values stay encoded).
pub fn map_query(path_and_query: &str, f: impl Fn(&str, &str) -> String) -> String {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return path_and_query.to_owned();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => format!("{k}={}", f(k, v)),
            None => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Field names and JSON types must match recursively; arrays must have the same length.
pub fn compare_shape(path: &str, expected: &Value, actual: &Value, problems: &mut Vec<String>) {
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

/// The recorded request of `fixture`, before any part rewrites it.
pub fn recorded_request(fixture: &Value) -> Request {
    let request = &fixture["request"];
    Request {
        method: request["method"].as_str().unwrap().to_owned(),
        path_and_query: request["path_and_query"].as_str().unwrap().to_owned(),
        headers: request["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect(),
        auth: request["auth"].as_str().unwrap().to_owned(),
        body: request["body"].clone(),
    }
}

/// Sends `request` (with `If-None-Match` values mapped to the simulator's ETags).
pub async fn send(
    client: &reqwest::Client,
    sim: &Sim,
    request: &Request,
    captured: &Captured,
) -> Answer {
    let method: reqwest::Method = request.method.parse().unwrap();
    let url = format!("{}{}", sim.base_url(), request.path_and_query);
    let mut builder = client.request(method, url);
    for (header, value) in &request.headers {
        let value = if header.eq_ignore_ascii_case("If-None-Match") {
            captured.etag(value)
        } else {
            value.clone()
        };
        builder = builder.header(header.as_str(), value);
    }
    if let Some((user, password)) = credentials(&request.auth) {
        builder = builder.basic_auth(user, Some(password));
    }
    if let Some(body) = form_body(&request.body) {
        builder = builder.body(body);
    }
    let response = builder.send().await.expect("request reaches the simulator");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        text,
        json,
    }
}

/// The checks every fixture gets; returns what did not match.
pub fn compare(recorded: &Value, answer: &Answer, captured: &mut Captured) -> Vec<String> {
    let expected = &recorded["response"];
    let mut problems = Vec::new();
    let expected_status = expected["status"].as_u64().unwrap() as u16;
    if answer.status != expected_status {
        problems.push(format!(
            "HTTP status: expected {expected_status}, got {}",
            answer.status
        ));
    }

    let expected_headers = expected["headers"].as_object().unwrap();
    let header = |name: &str| answer.header(name).map(str::to_owned);
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
            let fixture_quoted = fixture_etag.starts_with('"');
            let sim_quoted = sim_etag.starts_with('"') && sim_etag.ends_with('"');
            if fixture_quoted != sim_quoted {
                problems.push(format!(
                    "ETag {sim_etag}: quoting differs from the recorded {fixture_etag}"
                ));
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

    let text = &answer.text;
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
            let actual_lines = xml_skeleton(text);
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
        // A recorded string that is neither empty nor XML is a plain body (a downloaded
        // file, 078): it must match exactly.
        Value::String(expected_text) => {
            if text != expected_text {
                problems.push(format!("body: expected {expected_text:?}, got {text:?}"));
            }
        }
        expected_body => match serde_json::from_str::<Value>(text) {
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
