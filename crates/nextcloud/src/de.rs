//! Lenient field decoders shared by the response types.
//!
//! Nextcloud is not strict about JSON types: an empty optional string comes as `""`, `null` or
//! not at all, an empty object as `[]` (PHP's empty array), numbers sometimes as strings. These
//! helpers accept every such spelling so that one odd field never fails a whole answer.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

fn value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.unwrap_or(Value::Null))
}

/// A string that may be empty: `""`, `null` and a missing field all become `None`.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match value(d)? {
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// A string that is normally there: `null`/missing become `""`, numbers their decimal text.
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match value(d)? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    })
}

fn to_i64(v: &Value) -> Option<i64> {
    match v {
        // Floats are truncated on purpose: sizes and times never need the fraction.
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

/// An integer that may be missing: numbers, numeric strings; `null`, `""` → `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(to_i64(&value(d)?))
}

/// An integer defaulting to 0.
pub(crate) fn i64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(to_i64(&value(d)?).unwrap_or(0))
}

/// A float defaulting to 0.0 (numbers or numeric strings).
pub(crate) fn f64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(match value(d)? {
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        Value::String(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    })
}

/// A boolean as PHP spells it: `true`, `1`, `"1"`, `"true"`, `"yes"`; anything else is false.
pub(crate) fn bool_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(truthy(&value(d)?).unwrap_or(false))
}

/// Like [`bool_lenient`] but `null`/missing give `true` (e.g. `shouldNotify`, absent on API v1).
pub(crate) fn bool_default_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(truthy(&value(d)?).unwrap_or(true))
}

pub(crate) fn truthy(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64() != Some(0.0)),
        Value::String(s) => Some(matches!(
            s.to_ascii_lowercase().as_str(),
            "1" | "true" | "yes"
        )),
        _ => None,
    }
}

/// A JSON object; PHP's empty array `[]` and `null` become an empty map.
pub(crate) fn object<'de, D: Deserializer<'de>>(d: D) -> Result<Map<String, Value>, D::Error> {
    Ok(match value(d)? {
        Value::Object(map) => map,
        _ => Map::new(),
    })
}

/// A list of strings; anything that is not a list becomes empty, non-strings are skipped.
pub(crate) fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match value(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    })
}
