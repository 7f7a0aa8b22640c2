//! The OCS XML format: what the server answers when a client asks for neither
//! `Accept: application/json` nor `?format=json` (fixtures 006 and 011).
//!
//! Mirrors PHP's XMLWriter output as Nextcloud configures it: one-space indentation, list items
//! and numeric keys become `<element>`, `true` is `1`, `false` and `""` are empty elements,
//! `null` and empty arrays are self-closing, and a `$comment` key becomes an XML comment.

use crate::json::Node;

/// Renders `<ocs>` with the given `meta` and `data` children.
pub(crate) fn render(meta: Node, data: Node) -> String {
    let mut out = String::from("<?xml version=\"1.0\"?>\n<ocs>\n");
    element(&mut out, 1, "meta", &meta);
    element(&mut out, 1, "data", &data);
    out.push_str("</ocs>\n");
    out
}

fn element(out: &mut String, depth: usize, name: &str, node: &Node) {
    let indent = " ".repeat(depth);
    match node {
        Node::Null => out.push_str(&format!("{indent}<{name}/>\n")),
        Node::Bool(b) => {
            let text = if *b { "1" } else { "" };
            out.push_str(&format!("{indent}<{name}>{text}</{name}>\n"));
        }
        Node::Number(n) => out.push_str(&format!("{indent}<{name}>{n}</{name}>\n")),
        Node::String(s) => out.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape(s))),
        Node::List(items) if items.is_empty() => out.push_str(&format!("{indent}<{name}/>\n")),
        Node::Map(entries) if entries.is_empty() => {
            out.push_str(&format!("{indent}<{name}/>\n"));
        }
        Node::List(items) => {
            out.push_str(&format!("{indent}<{name}>\n"));
            for item in items {
                element(out, depth + 1, "element", item);
            }
            out.push_str(&format!("{indent}</{name}>\n"));
        }
        Node::Map(entries) => {
            out.push_str(&format!("{indent}<{name}>\n"));
            for (key, value) in entries {
                if key == "$comment" {
                    if let Node::String(text) = value {
                        out.push_str(&format!("{indent} <!--{text}-->\n"));
                        continue;
                    }
                }
                // PHP turns numeric string keys into integer keys, which XMLWriter cannot use
                // as tag names, so Nextcloud writes them as <element>.
                let child = if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
                    "element"
                } else {
                    key.as_str()
                };
                element(out, depth + 1, child, value);
            }
            out.push_str(&format!("{indent}</{name}>\n"));
        }
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_php_xmlwriter_shapes() {
        let meta = Node::parse(r#"{"status":"ok","statuscode":100,"message":"OK"}"#).unwrap();
        let data = Node::parse(
            r#"{"enabled":true,"off":false,"email":null,"subadmin":[],"groups":["a&b"],"flags":{"1":"x"},"$comment":"c"}"#,
        )
        .unwrap();
        let expected = "<?xml version=\"1.0\"?>\n<ocs>\n <meta>\n  <status>ok</status>\n  \
            <statuscode>100</statuscode>\n  <message>OK</message>\n </meta>\n <data>\n  \
            <enabled>1</enabled>\n  <off></off>\n  <email/>\n  <subadmin/>\n  <groups>\n   \
            <element>a&amp;b</element>\n  </groups>\n  <flags>\n   <element>x</element>\n  \
            </flags>\n  <!--c-->\n </data>\n</ocs>\n";
        assert_eq!(render(meta, data), expected);
    }
}
