//! The tray's pictures: the logo with the status badge, decoded once from the PNGs drawn by
//! scripts/icons.sh, and the unread mark painted on top.

use nctray_engine::nextcloud::StatusType;
use nctray_engine::AccountState;

/// An RGBA picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icon {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Icon {
    /// Decodes one of our own PNGs (compiled in, so a failure is a build mistake: it shows
    /// as an empty icon and a log line, never a crash).
    fn from_png(bytes: &[u8]) -> Icon {
        decode(bytes).unwrap_or_else(|error| {
            tracing::error!("a tray icon does not decode: {error}");
            Icon {
                width: 1,
                height: 1,
                rgba: vec![0; 4],
            }
        })
    }

    /// The pixels as a StatusNotifierItem carries them: ARGB32 in network byte order.
    pub fn argb(&self) -> Vec<u8> {
        let mut argb = self.rgba.clone();
        for pixel in argb.chunks_exact_mut(4) {
            pixel.rotate_right(1);
        }
        argb
    }
}

fn decode(bytes: &[u8]) -> Result<Icon, png::DecodingError> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info()?;
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let frame = reader.next_frame(&mut buffer)?;
    buffer.truncate(frame.buffer_size());
    let rgba = match frame.color_type {
        png::ColorType::Rgba => buffer,
        png::ColorType::Rgb => buffer
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 0xff])
            .collect(),
        png::ColorType::GrayscaleAlpha => buffer
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buffer.iter().flat_map(|&g| [g, g, g, 0xff]).collect(),
        png::ColorType::Indexed => unreachable!("normalize_to_color8 expands palettes"),
    };
    Ok(Icon {
        width: frame.width,
        height: frame.height,
        rgba,
    })
}

/// The app's logo with the status as a badge.
pub fn for_status(status: StatusType) -> Icon {
    Icon::from_png(match status {
        StatusType::Online => include_bytes!("../../../../icons/tray/online.png"),
        StatusType::Away => include_bytes!("../../../../icons/tray/away.png"),
        // Busy (a call) is a kind of do-not-disturb for the eye.
        StatusType::Dnd | StatusType::Busy => include_bytes!("../../../../icons/tray/dnd.png"),
        StatusType::Invisible => include_bytes!("../../../../icons/tray/invisible.png"),
        StatusType::Offline => include_bytes!("../../../../icons/tray/offline.png"),
    })
}

/// Signed out, or waiting for the keyring.
pub fn sign_in() -> Icon {
    Icon::from_png(include_bytes!("../../../../icons/tray/signin.png"))
}

/// The badge for a connection that is not simply online; `None` keeps the status badge.
pub fn for_state(state: &AccountState) -> Option<Icon> {
    match state {
        AccountState::Online => None,
        AccountState::SignInNeeded | AccountState::CertificateChanged => Some(sign_in()),
        AccountState::Offline { .. } | AccountState::Maintenance => Some(Icon::from_png(
            include_bytes!("../../../../icons/tray/unreachable.png"),
        )),
    }
}

/// The icon with the unread mark: a red dot with a white rim in its top-right corner, where the
/// status badge (bottom-right) does not cover it.
pub fn with_mark(mut icon: Icon) -> Icon {
    let (width, height) = (icon.width, icon.height);
    let radius = width.min(height) as f32 * 0.2;
    let (cx, cy) = (width as f32 - radius - 1.0, radius + 1.0);
    for y in 0..height {
        for x in 0..width {
            let distance = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            let colour = if distance <= radius - 2.0 {
                [0xe9, 0x32, 0x2d, 0xff]
            } else if distance <= radius {
                [0xff, 0xff, 0xff, 0xff]
            } else {
                continue;
            };
            let at = ((y * width + x) * 4) as usize;
            icon.rgba[at..at + 4].copy_from_slice(&colour);
        }
    }
    icon
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_badge_decodes_to_a_square_rgba_picture() {
        for status in [
            StatusType::Online,
            StatusType::Away,
            StatusType::Dnd,
            StatusType::Invisible,
            StatusType::Offline,
        ] {
            let icon = for_status(status);
            assert!(icon.width >= 16 && icon.width == icon.height, "{status:?}");
            assert_eq!(icon.rgba.len(), (icon.width * icon.height * 4) as usize);
        }
        assert_ne!(for_status(StatusType::Online), for_status(StatusType::Away));
    }

    #[test]
    fn the_mark_paints_the_top_right_corner_only() {
        let marked = with_mark(Icon {
            width: 64,
            height: 64,
            rgba: vec![0; 64 * 64 * 4],
        });
        let pixel = |x: u32, y: u32| {
            let at = ((y * 64 + x) * 4) as usize;
            marked.rgba[at..at + 4].to_vec()
        };
        assert_eq!(pixel(50, 13), [0xe9, 0x32, 0x2d, 0xff]);
        assert_eq!(pixel(5, 60), [0, 0, 0, 0]);
    }

    #[test]
    fn a_status_notifier_gets_alpha_first() {
        let icon = Icon {
            width: 1,
            height: 1,
            rgba: vec![1, 2, 3, 4],
        };
        assert_eq!(icon.argb(), [4, 1, 2, 3]);
    }
}
