//! The pixels behind the simulator's images: generated avatars (the initial on a coloured
//! square, like core's), file previews and the SVG icons of core and the apps. Cheap to make
//! and deterministic, so tests can compare bytes.

/// 5×7 capitals for the avatar initial; each row's low five bits, left pixel highest.
const GLYPHS: [(char, [u8; 7]); 27] = [
    ('A', [14, 17, 17, 31, 17, 17, 17]),
    ('B', [30, 17, 17, 30, 17, 17, 30]),
    ('C', [14, 17, 16, 16, 16, 17, 14]),
    ('D', [30, 17, 17, 17, 17, 17, 30]),
    ('E', [31, 16, 16, 30, 16, 16, 31]),
    ('F', [31, 16, 16, 30, 16, 16, 16]),
    ('G', [14, 17, 16, 23, 17, 17, 15]),
    ('H', [17, 17, 17, 31, 17, 17, 17]),
    ('I', [14, 4, 4, 4, 4, 4, 14]),
    ('J', [7, 2, 2, 2, 2, 18, 12]),
    ('K', [17, 18, 20, 24, 20, 18, 17]),
    ('L', [16, 16, 16, 16, 16, 16, 31]),
    ('M', [17, 27, 21, 21, 17, 17, 17]),
    ('N', [17, 17, 25, 21, 19, 17, 17]),
    ('O', [14, 17, 17, 17, 17, 17, 14]),
    ('P', [30, 17, 17, 30, 16, 16, 16]),
    ('Q', [14, 17, 17, 17, 21, 18, 13]),
    ('R', [30, 17, 17, 30, 20, 18, 17]),
    ('S', [15, 16, 16, 14, 1, 1, 30]),
    ('T', [31, 4, 4, 4, 4, 4, 4]),
    ('U', [17, 17, 17, 17, 17, 17, 14]),
    ('V', [17, 17, 17, 17, 17, 10, 4]),
    ('W', [17, 17, 17, 21, 21, 21, 10]),
    ('X', [17, 17, 10, 4, 10, 17, 17]),
    ('Y', [17, 17, 10, 4, 4, 4, 4]),
    ('Z', [31, 1, 2, 4, 8, 16, 31]),
    ('?', [14, 17, 1, 2, 4, 0, 4]),
];

/// Background colours of generated avatars (core mixes a palette from the name's hash; a
/// fixed set of its shades is enough here).
const AVATAR_COLOURS: [[u8; 3]; 6] = [
    [0, 130, 201],
    [73, 155, 82],
    [201, 112, 0],
    [160, 73, 167],
    [194, 66, 66],
    [39, 125, 134],
];

type Rgb = [u8; 3];

/// A PNG of `width`×`height` whose pixel at (x, y) is `pixel(x, y)`.
pub(crate) fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> Rgb) -> Vec<u8> {
    let mut data = Vec::with_capacity(width as usize * height as usize * 3);
    for y in 0..height {
        for x in 0..width {
            data.extend_from_slice(&pixel(x, y));
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Writing into a Vec fails only on a size the callers never ask for.
    let written = encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&data));
    if let Err(error) = written {
        tracing::warn!(%error, "cannot encode a PNG");
    }
    out
}

/// The generated avatar of `display_name`: its initial in white on a colour chosen by the
/// name, `size` pixels square.
pub(crate) fn avatar(display_name: &str, size: u32) -> Vec<u8> {
    let hash = crate::capabilities::md5_hex(display_name.as_bytes());
    let index = usize::from_str_radix(&hash[..2], 16).unwrap_or(0) % AVATAR_COLOURS.len();
    let background = AVATAR_COLOURS[index];
    let initial = display_name
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or('?');
    let glyph = GLYPHS
        .iter()
        .find(|(c, _)| *c == initial)
        .or(GLYPHS.last())
        .map(|(_, rows)| *rows)
        .unwrap_or_default();
    // The letter is half the avatar high, centred.
    let scale = (size / 14).max(1);
    let (left, top) = (
        size.saturating_sub(5 * scale) / 2,
        size.saturating_sub(7 * scale) / 2,
    );
    png(size, size, |x, y| {
        let (Some(col), Some(row)) = (x.checked_sub(left), y.checked_sub(top)) else {
            return background;
        };
        let (col, row) = (col / scale, row / scale);
        let lit = col < 5 && row < 7 && glyph[row as usize] & (1 << (4 - col)) != 0;
        if lit {
            [255, 255, 255]
        } else {
            background
        }
    })
}

/// A preview of a file of type `mime`: a little landscape for images, ruled lines on white for
/// text.
pub(crate) fn preview(mime: &str, width: u32, height: u32) -> Vec<u8> {
    let picture = mime.starts_with("image/");
    png(width, height, |x, y| {
        if picture {
            let (cx, cy, r) = (width * 3 / 4, height / 4, width.min(height) / 8);
            let (dx, dy) = (x.abs_diff(cx), y.abs_diff(cy));
            if dx * dx + dy * dy <= r * r {
                [250, 204, 60]
            } else if y > height * 2 / 3 {
                [76, 145, 65]
            } else {
                let shade = u8::try_from(120 + 100 * y / height.max(1)).unwrap_or(220);
                [shade / 2, shade, 240]
            }
        } else {
            let margin = width / 8;
            let ruled = (y % 12 == 0) && y > height / 8 && x > margin && x < width - margin;
            if ruled {
                [170, 175, 185]
            } else {
                [252, 252, 252]
            }
        }
    })
}

/// An SVG icon standing in for one of the server's (`core/img/filetypes/text.svg`,
/// `apps/spreed/img/app-dark.svg`…): a disc in the icon's colour with the initial of its
/// file name. `-white` icons are white, `-color` ones blue, all others dark, as core's are.
pub(crate) fn icon(name: &str) -> String {
    let stem = name.trim_end_matches(".svg");
    let colour = if stem.ends_with("-white") {
        "#ffffff"
    } else if stem.ends_with("-color") {
        "#0082c9"
    } else {
        "#222222"
    };
    let text_colour = if colour == "#ffffff" {
        "#222222"
    } else {
        "#ffffff"
    };
    let initial: String = stem
        .chars()
        .find(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" \
         viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"{colour}\"/>\
         <text x=\"8\" y=\"11.5\" font-family=\"sans-serif\" font-size=\"9\" \
         text-anchor=\"middle\" fill=\"{text_colour}\">{initial}</text></svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

    #[test]
    fn avatars_are_pngs_of_the_asked_size_that_differ_by_name() {
        let demo = avatar("Demo User", 64);
        assert!(demo.starts_with(PNG_SIGNATURE));
        let decoder = png::Decoder::new(std::io::Cursor::new(&demo));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (64, 64));
        assert_ne!(demo, avatar("bob", 64));
        assert_eq!(demo, avatar("Demo User", 64), "deterministic");
    }

    #[test]
    fn previews_and_icons() {
        assert!(preview("image/jpeg", 250, 250).starts_with(PNG_SIGNATURE));
        assert_ne!(preview("image/png", 32, 32), preview("text/plain", 32, 32));
        let svg = icon("add-color.svg");
        assert!(svg.starts_with("<svg") && svg.contains("#0082c9") && svg.contains(">A<"));
        assert!(icon("app-dark.svg").contains("#222222"));
    }
}
