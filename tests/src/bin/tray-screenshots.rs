//! Pictures of the real tray icon on a light and a dark panel, for docs/screenshots/
//! (tray-light.png, tray-dark.png): the icon as a panel gets it from the daemon's
//! StatusNotifierItem (its largest `IconPixmap`), drawn at a panel's icon size, once signed out
//! (the sign-in badge) and once running the demo (online). Run under Xvfb with a built app
//! (scripts/tray-screenshots.sh does):
//!
//! `xvfb-run -a cargo run -p nctray-e2e --bin tray-screenshots`

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nctray_e2e::{wait_until_some, Desktop, TrayIcon, PATIENCE};

/// A panel's height and the size it shows icons at, in pixels.
const PANEL_HEIGHT: usize = 40;
const ICON_SIZE: usize = 24;
/// Space before the first icon and between icons.
const PADDING: usize = 8;
const SPACING: usize = 12;

#[tokio::main]
async fn main() -> Result<()> {
    let (signed_out, demo) = icons().await?;
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives inside the workspace")
        .join("docs")
        .join("screenshots");
    for (theme, colour) in [("light", [0xf0; 3]), ("dark", [0x2b; 3])] {
        let path = out.join(format!("tray-{theme}.png"));
        let (width, rgb) = panel(&[&signed_out, &demo], colour);
        write_png(&path, width, &rgb)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The icon of a first start (signed out) and the one the demo shows once it runs.
async fn icons() -> Result<(TrayIcon, TrayIcon)> {
    let desktop = Desktop::signed_out().await?;
    let (_app, tray) = desktop.start_tray().await?;
    let signed_out = tray.icon().await?;
    tray.click("Try the demo").await?;
    tray.wait_for_item(
        "the demo online",
        |item| item.label == "Online" && item.is_checked(),
        PATIENCE,
    )
    .await?;
    // The icon is drawn apart from the menu and follows a moment later: take it once two
    // reads in a row agree.
    let last = std::sync::Mutex::new(None);
    let demo = wait_until_some("the demo's icon to settle", PATIENCE, || async {
        let icon = tray.icon().await.ok()?;
        let previous = last.lock().unwrap().replace(icon.clone());
        (icon != signed_out && previous.as_ref() == Some(&icon)).then_some(icon)
    })
    .await?;
    Ok((signed_out, demo))
}

/// The panel strip with `icons` side by side, as RGB rows; and its width.
fn panel(icons: &[&TrayIcon], colour: [u8; 3]) -> (usize, Vec<u8>) {
    let width = 2 * PADDING + icons.len() * ICON_SIZE + (icons.len() - 1) * SPACING;
    let mut rgb: Vec<u8> = colour
        .iter()
        .copied()
        .cycle()
        .take(width * PANEL_HEIGHT * 3)
        .collect();
    let top = (PANEL_HEIGHT - ICON_SIZE) / 2;
    for (n, icon) in icons.iter().enumerate() {
        let left = PADDING + n * (ICON_SIZE + SPACING);
        for y in 0..ICON_SIZE {
            for x in 0..ICON_SIZE {
                let [r, g, b, a] = scaled_pixel(icon, x, y);
                let at = ((top + y) * width + left + x) * 3;
                for (channel, value) in [r, g, b].into_iter().enumerate() {
                    let under = f32::from(rgb[at + channel]);
                    rgb[at + channel] = (value * a + under * (1.0 - a)).round() as u8;
                }
            }
        }
    }
    (width, rgb)
}

/// The icon's pixel `x`, `y` at `ICON_SIZE`: the average of the source pixels it covers
/// (colour weighted by opacity, so transparent edges do not darken), alpha from 0 to 1.
fn scaled_pixel(icon: &TrayIcon, x: usize, y: usize) -> [f32; 4] {
    let span = |at: usize, size: usize| {
        (at * size / ICON_SIZE)..((at + 1) * size / ICON_SIZE).max(at * size / ICON_SIZE + 1)
    };
    let (mut colour, mut alpha, mut count) = ([0.0f32; 3], 0.0f32, 0.0f32);
    for sy in span(y, icon.height) {
        for sx in span(x, icon.width) {
            let [r, g, b, a] = icon.pixel(sx, sy).unwrap_or([0; 4]);
            let a = f32::from(a) / 255.0;
            for (sum, value) in colour.iter_mut().zip([r, g, b]) {
                *sum += f32::from(value) * a;
            }
            alpha += a;
            count += 1.0;
        }
    }
    if alpha == 0.0 {
        return [0.0; 4];
    }
    [
        colour[0] / alpha,
        colour[1] / alpha,
        colour[2] / alpha,
        alpha / count,
    ]
}

fn write_png(path: &PathBuf, width: usize, rgb: &[u8]) -> Result<()> {
    std::fs::create_dir_all(path.parent().expect("a file in a folder"))?;
    let file = std::fs::File::create(path).with_context(|| format!("{}", path.display()))?;
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        width as u32,
        PANEL_HEIGHT as u32,
    );
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(rgb)?;
    Ok(())
}
