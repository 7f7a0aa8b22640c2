//! What the command groups share when they print: text from the server made safe for a
//! terminal, and the note that the server could not be reached.

use nctray_engine::Engine;
use nctray_i18n::tr;

use super::language::cli_text;

/// The one filter for text a person reads in a terminal: server text must never drive the
/// terminal (clear the screen, retitle the window, plant a hyperlink) nor reorder what is
/// shown. Escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \\`, their 8-bit forms,
/// and two-byte `ESC x`) are removed whole; any other control character, and the marks that
/// reorder text (bidi embeddings, overrides, isolates and marks), becomes `�`. New lines and
/// tabs stay.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | '^' | '_' | 'X') => skip_string(&mut chars),
                // A two-byte sequence (or a lone ESC at the end): both gone.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' | '\u{98}' => skip_string(&mut chars),
            c if c.is_control() || is_bidi_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Parameters and intermediates up to the final byte (`@`..`~`) of a control sequence.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// An operating-system command or other string, up to BEL, ST (`ESC \\` or U+009C).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Prints a line for a person on standard output, through [`printable`]. (Lines for
/// programs, `--json`, are serde_json's, which escapes control characters itself.)
pub fn say(text: impl AsRef<str>) {
    println!("{}", printable(text.as_ref()));
}

/// Prints the body of a listed item (a notification's or activity's message) under its
/// line, indented; nothing when it is missing or blank.
pub fn say_body(message: Option<&str>) {
    if let Some(message) = message.filter(|m| !m.trim().is_empty()) {
        for line in printable(message).lines() {
            say(format!("    {line}"));
        }
    }
}

/// Like [`say`], on standard error.
pub fn say_err(text: impl AsRef<str>) {
    eprintln!("{}", printable(text.as_ref()));
}

/// Whether the error means the server cannot be reached now (network, maintenance, server
/// error), so the cache is shown instead.
pub fn is_offline(error: &nctray_engine::Error) -> bool {
    matches!(error, nctray_engine::Error::Server(e) if e.is_transient())
}

/// What comes from the cache when the server cannot be reached.
#[derive(Debug, Clone, Copy)]
pub enum Cached {
    Notifications,
    Activities,
}

/// Tells on standard error that what is shown comes from the cache, and why.
pub fn note_offline(engine: &Engine, reason: &nctray_engine::Error, what: Cached, json: bool) {
    let server = engine.account().origin();
    let text = cli_text();
    let (server, reason) = (server.to_string(), reason.to_string());
    let message = match what {
        Cached::Notifications => tr!(
            text,
            "cli-offline-notifications",
            server = server,
            reason = reason
        ),
        Cached::Activities => tr!(
            text,
            "cli-offline-activities",
            server = server,
            reason = reason
        ),
    };
    if json {
        let note = serde_json::json!({ "kind": "offline", "message": message });
        eprintln!("{note}");
    } else {
        say_err(format!("nctray: {message}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(printable("a\u{1b}[31mb\u{202E}c\nd"), "ab\u{FFFD}c\nd");
        // A hyperlink (OSC 8), a title (OSC 0 ended by BEL), clearing the screen, 8-bit CSI.
        assert_eq!(
            printable("\u{1b}]8;;https://evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\ me"),
            "click me"
        );
        assert_eq!(printable("\u{1b}]0;owned\u{7}x\u{1b}[2J\u{9b}1;1Hy"), "xy");
        assert_eq!(
            printable("bell\u{7}\r\u{1b}c\u{85}end"),
            "bell\u{FFFD}\u{FFFD}\u{FFFD}end"
        );
        // An unterminated sequence at the end swallows nothing after it but itself.
        assert_eq!(printable("tail\u{1b}["), "tail");
        assert_eq!(printable("Café 🎉\ttab"), "Café 🎉\ttab");
        for text in ["\u{1b}]8;;x", "\u{1b}", "\u{9d}", "a\u{1b}[", "\u{1b}P"] {
            assert!(!printable(text).contains('\u{1b}'), "{text:?}");
        }
    }
}
