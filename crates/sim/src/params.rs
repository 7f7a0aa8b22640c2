//! Request parameters the way Nextcloud's `IRequest::getParam` sees them: form or JSON body
//! fields first, then the query string. `ids[]=1&ids[]=2` and `{"ids":[1,2]}` both give `ids`.

#[derive(Debug, Default, Clone)]
pub(crate) struct Params {
    body: Vec<(String, String)>,
    query: Vec<(String, String)>,
}

impl Params {
    pub(crate) fn new(query: &str, content_type: Option<&str>, body: &[u8]) -> Params {
        let is_json =
            content_type.is_some_and(|ct| ct.trim_start().starts_with("application/json"));
        let body = if is_json {
            json_pairs(body)
        } else {
            std::str::from_utf8(body)
                .map(parse_form)
                .unwrap_or_default()
        };
        Params {
            body,
            query: parse_form(query),
        }
    }

    /// The first value of `name`; body before query string.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        first(&self.body, name).or_else(|| first(&self.query, name))
    }

    /// Every value of the list parameter `name` (sent as `name[]` or repeated `name`).
    pub(crate) fn get_all(&self, name: &str) -> Vec<&str> {
        let from_body = all(&self.body, name);
        if from_body.is_empty() {
            all(&self.query, name)
        } else {
            from_body
        }
    }
}

fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn all<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    let list = format!("{name}[]");
    pairs
        .iter()
        .filter(|(k, _)| k == name || *k == list)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// `application/x-www-form-urlencoded` into pairs, in order.
pub(crate) fn parse_form(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode(k, true), decode(v, true))
        })
        .collect()
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`encodeURIComponent`
/// without its extras).
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Percent-decoding; `plus_is_space` for form data, not for paths.
pub(crate) fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Top-level fields of a JSON object body as strings, the way PHP would cast them.
fn json_pairs(body: &[u8]) -> Vec<(String, String)> {
    use serde_json::Value;
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(true) => Some("1".to_owned()),
        Value::Bool(false) => Some(String::new()),
        _ => None,
    };
    let mut pairs = Vec::new();
    for (k, v) in &map {
        match v {
            Value::Array(items) => {
                pairs.extend(items.iter().filter_map(scalar).map(|s| (k.clone(), s)));
            }
            other => pairs.extend(scalar(other).map(|s| (k.clone(), s))),
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_and_query() {
        let p = Params::new(
            "format=json&statusType=away",
            Some("application/x-www-form-urlencoded"),
            b"statusType=online&ids%5B%5D=1&ids[]=2&message=a+b%C3%A4",
        );
        assert_eq!(p.get("statusType"), Some("online"));
        assert_eq!(p.get("format"), Some("json"));
        assert_eq!(p.get_all("ids"), vec!["1", "2"]);
        assert_eq!(p.get("message"), Some("a bä"));
        assert_eq!(p.get("missing"), None);
    }

    #[test]
    fn json_body() {
        let p = Params::new(
            "",
            Some("application/json"),
            br#"{"ids":[3,4],"clearAt":5}"#,
        );
        assert_eq!(p.get_all("ids"), vec!["3", "4"]);
        assert_eq!(p.get("clearAt"), Some("5"));
    }

    #[test]
    fn broken_percent_escapes_stay() {
        assert_eq!(decode("100%", true), "100%");
        assert_eq!(decode("%4", true), "%4");
        assert_eq!(decode("%41", true), "A");
    }
}
