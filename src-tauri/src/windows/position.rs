//! Placing the popover next to the tray icon, inside the monitor the icon is on: above the
//! icon when the tray is at the bottom of the screen, below it when at the top.

use tauri::{LogicalSize, PhysicalPosition, PhysicalSize, Position, Runtime, WebviewWindow};

use crate::args::ScreenPoint;

/// Moves `window`, of logical size `size`, next to the point where the tray icon was clicked
/// (the tray tells where the click was, not the icon's bounds, so the icon counts as a point
/// there). The size is the one asked for: a window just made is not mapped yet, and its outer
/// size may still read as nothing.
pub fn next_to_click<R: Runtime>(window: &WebviewWindow<R>, click: ScreenPoint, size: (f64, f64)) {
    let scale = window.scale_factor().unwrap_or(1.0);
    let asked: PhysicalSize<u32> = LogicalSize::new(size.0, size.1).to_physical(scale);
    let window_size = match window.outer_size() {
        Ok(outer) if outer.width >= asked.width && outer.height >= asked.height => outer,
        _ => asked,
    };
    let monitor = window
        .monitor_from_point(click.x as f64, click.y as f64)
        .ok()
        .flatten()
        .or_else(|| window.current_monitor().ok().flatten());
    let Some(monitor) = monitor else {
        return;
    };
    let area = monitor.work_area();
    let place = place_next_to(
        PhysicalPosition::new(click.x, click.y),
        PhysicalSize::new(0, 0),
        window_size,
        area.position,
        area.size,
    );
    if let Err(error) = window.set_position(Position::Physical(place)) {
        tracing::debug!("cannot place the popover: {error}");
    }
}

/// The window's top-left corner: centred on the icon horizontally, below the icon when
/// that fits in the work area, else above it; always inside the work area.
fn place_next_to(
    icon: PhysicalPosition<i32>,
    icon_size: PhysicalSize<u32>,
    window: PhysicalSize<u32>,
    area: PhysicalPosition<i32>,
    area_size: PhysicalSize<u32>,
) -> PhysicalPosition<i32> {
    let (w, h) = (window.width as i32, window.height as i32);
    let area_right = area.x + area_size.width as i32;
    let area_bottom = area.y + area_size.height as i32;
    let centre = icon.x + icon_size.width as i32 / 2;
    let x = (centre - w / 2).clamp(area.x, (area_right - w).max(area.x));
    let below = icon.y + icon_size.height as i32;
    let y = if below + h <= area_bottom {
        below
    } else {
        (icon.y - h).max(area.y)
    };
    PhysicalPosition::new(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: PhysicalPosition<i32> = PhysicalPosition { x: 0, y: 0 };
    const SCREEN: PhysicalSize<u32> = PhysicalSize {
        width: 1920,
        height: 1040,
    };
    const POPOVER: PhysicalSize<u32> = PhysicalSize {
        width: 420,
        height: 620,
    };
    const ICON: PhysicalSize<u32> = PhysicalSize {
        width: 24,
        height: 24,
    };

    #[test]
    fn a_bottom_tray_gets_the_popover_above_the_icon() {
        let place = place_next_to(
            PhysicalPosition::new(1800, 1045),
            ICON,
            POPOVER,
            AREA,
            SCREEN,
        );
        assert_eq!(place, PhysicalPosition::new(1920 - 420, 1045 - 620));
    }

    #[test]
    fn a_top_bar_gets_the_popover_below_the_icon_centred() {
        let place = place_next_to(PhysicalPosition::new(900, 0), ICON, POPOVER, AREA, SCREEN);
        assert_eq!(place, PhysicalPosition::new(900 + 12 - 210, 24));
    }

    #[test]
    fn a_click_on_a_top_bar_puts_the_popover_just_below_it() {
        let click = PhysicalPosition::new(1000, 12);
        let place = place_next_to(click, PhysicalSize::new(0, 0), POPOVER, AREA, SCREEN);
        assert_eq!(place, PhysicalPosition::new(1000 - 210, 12));
    }

    #[test]
    fn the_popover_never_leaves_the_work_area_on_the_left() {
        let place = place_next_to(PhysicalPosition::new(2, 0), ICON, POPOVER, AREA, SCREEN);
        assert_eq!(place.x, 0);
    }
}
