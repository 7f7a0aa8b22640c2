//! "Exactly one emoji", as the server checks a custom status icon.
//!
//! Nextcloud asks ICU whether the icon is one grapheme cluster made of emoji code points. Without
//! a Unicode-data dependency this module accepts the emoji shapes that occur in practice: a
//! pictograph with an optional variation selector and/or skin tone, ZWJ sequences of those, flags
//! (two regional indicators), keycaps and tag sequences (subdivision flags). Anything else,
//! including plain letters and two emojis side by side, is rejected, as the server does (040/041).

const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';
const BLACK_FLAG: char = '\u{1F3F4}';
const CANCEL_TAG: char = '\u{E007F}';

pub(crate) fn is_single_emoji(icon: &str) -> bool {
    let cps: Vec<char> = icon.chars().collect();
    match cps.as_slice() {
        [] => false,
        [a, b] if is_regional_indicator(*a) && is_regional_indicator(*b) => true,
        [base, KEYCAP] | [base, VS16, KEYCAP] => matches!(base, '0'..='9' | '#' | '*'),
        [BLACK_FLAG, tags @ .., CANCEL_TAG] if !tags.is_empty() => {
            tags.iter().all(|c| ('\u{E0020}'..='\u{E007E}').contains(c))
        }
        _ => cps.split(|c| *c == ZWJ).all(is_element),
    }
}

/// One pictograph with its optional presentation selector and skin-tone modifier.
fn is_element(part: &[char]) -> bool {
    match part {
        [base, rest @ ..] if is_pictographic(*base) => match rest {
            [] => true,
            [m] => *m == VS16 || is_skin_tone(*m),
            [a, b] => (*a == VS16 && is_skin_tone(*b)) || (is_skin_tone(*a) && *b == VS16),
            _ => false,
        },
        _ => false,
    }
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// An approximation of Unicode's `Extended_Pictographic` property.
fn is_pictographic(c: char) -> bool {
    if is_regional_indicator(c) || is_skin_tone(c) {
        return false;
    }
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x231A..=0x231B | 0x2328 | 0x2388 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA
        | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
        | 0x2600..=0x27BF
        | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1FAFF | 0x1FC00..=0x1FFFD)
}

#[cfg(test)]
mod tests {
    use super::is_single_emoji;

    #[test]
    fn accepts_single_emojis() {
        for ok in [
            "🌴",
            "☕",
            "💬",
            "❤️",
            "👍🏽",
            "👩‍💻",
            "👨‍👩‍👧‍👦",
            "🏳️‍🌈",
            "❤️‍🔥",
            "🧑🏿‍🚀",
            "🇩🇪",
            "1️⃣",
            "#⃣",
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ] {
            assert!(is_single_emoji(ok), "{ok:?} should be accepted");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "X",
            "1",
            "🌴🍹",
            "👍 ",
            " 👍",
            "ab",
            "🇩",
            "🇩🇪🇫🇷",
            "\u{200D}",
            "👩\u{200D}",
            "🏽",
            "\u{FE0F}",
            "ä",
        ] {
            assert!(!is_single_emoji(bad), "{bad:?} should be rejected");
        }
    }
}
