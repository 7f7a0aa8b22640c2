//! What the command groups share when they print: text from the server made safe for a
//! terminal, dates, and the note that the server could not be reached.

use nctray_engine::Engine;

/// The text without what a terminal would act on: control characters (escape sequences)
/// and the marks that reorder text (bidi overrides) become `�`; new lines and tabs stay.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `2026-11-25T23:03:23+00:00` → `2026-11-25 23:03 UTC` (other offsets are kept as sent).
pub fn short_date(datetime: &str) -> String {
    let Some((date, rest)) = datetime.split_once('T') else {
        return printable(datetime);
    };
    let minutes = rest.get(..5).unwrap_or(rest);
    let zone = match rest.get(8..) {
        Some("+00:00" | "Z" | "") | None => "UTC",
        Some(offset) => offset,
    };
    printable(&format!("{date} {minutes} {zone}"))
}

/// Whether the error means the server cannot be reached now (network, maintenance, server
/// error), so the cache is shown instead.
pub fn is_offline(error: &nctray_engine::Error) -> bool {
    matches!(error, nctray_engine::Error::Server(e) if e.is_transient())
}

/// Tells on standard error that `what` comes from the cache, and why.
pub fn note_offline(engine: &Engine, reason: &nctray_engine::Error, what: &str, json: bool) {
    let server = engine.account().origin();
    if json {
        let note = serde_json::json!({
            "kind": "offline",
            "message": format!("{server} cannot be reached ({reason}); showing {what}"),
        });
        eprintln!("{note}");
    } else {
        eprintln!("nctray: {server} cannot be reached ({reason}); showing {what}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_short_and_say_their_zone() {
        assert_eq!(
            short_date("2026-11-25T23:03:23+00:00"),
            "2026-11-25 23:03 UTC"
        );
        assert_eq!(
            short_date("2026-11-25T23:03:23+02:00"),
            "2026-11-25 23:03 +02:00"
        );
        assert_eq!(short_date(""), "");
        assert_eq!(short_date("yesterday\u{1b}[2J"), "yesterday\u{FFFD}[2J");
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(
            printable("a\u{1b}[31mb\u{202E}c\nd"),
            "a\u{FFFD}[31mb\u{FFFD}c\nd"
        );
    }
}
