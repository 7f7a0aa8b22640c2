//! Test helper: the recorded Nextcloud 32 answers in `tests/fixtures/nextcloud-32`.

use reqwest::{
    header::{HeaderMap, HeaderName, HeaderValue},
    StatusCode,
};
use serde_json::Value;

use crate::client::Reply;

/// A whole fixture file.
pub(crate) fn load(name: &str) -> Value {
    let path = format!(
        "{}/../../tests/fixtures/nextcloud-32/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture's response as the client would have read it.
pub(crate) fn reply(name: &str) -> Reply {
    let fixture = load(name);
    let response = &fixture["response"];
    let body = match &response["body"] {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let mut headers = HeaderMap::new();
    for (name, value) in response["headers"].as_object().into_iter().flatten() {
        headers.insert(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value.as_str().unwrap()).unwrap(),
        );
    }
    let status = response["status"].as_u64().unwrap();
    Reply {
        status: StatusCode::from_u16(u16::try_from(status).unwrap()).unwrap(),
        headers,
        body: body.into_bytes(),
    }
}

/// The OCS `data` of the fixture's response body.
pub(crate) fn data(name: &str) -> Value {
    load(name)["response"]["body"]["ocs"]["data"].clone()
}

/// Every fixture file whose name contains `part`, sorted.
pub(crate) fn names_containing(part: &str) -> Vec<String> {
    let dir = format!(
        "{}/../../tests/fixtures/nextcloud-32",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && name.contains(part))
        .collect();
    names.sort();
    names
}
