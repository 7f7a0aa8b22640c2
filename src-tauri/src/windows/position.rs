//! Placing the popover next to the tray icon, inside the monitor the icon is on: above the
//! icon when the tray is at the bottom of the screen, below it when at the top.

use tauri::{PhysicalPosition, PhysicalSize, Position, Rect, Runtime, Size, WebviewWindow};

/// Moves `window` next to the tray icon at `icon`.
pub fn next_to_icon<R: Runtime>(window: &WebviewWindow<R>, icon: Rect) {
    let Some((icon_position, icon_size)) = physical(icon, window.scale_factor().unwrap_or(1.0))
    else {
        return;
    };
    let Ok(window_size) = window.outer_size() else {
        return;
    };
    let monitor = window
        .monitor_from_point(icon_position.x as f64, icon_position.y as f64)
        .ok()
        .flatten()
        .or_else(|| window.current_monitor().ok().flatten());
    let Some(monitor) = monitor else {
        return;
    };
    let area = monitor.work_area();
    let place = place_next_to(
        icon_position,
        icon_size,
        window_size,
        area.position,
        area.size,
    );
    if let Err(error) = window.set_position(Position::Physical(place)) {
        tracing::debug!("cannot place the popover: {error}");
    }
}

fn physical(icon: Rect, scale: f64) -> Option<(PhysicalPosition<i32>, PhysicalSize<u32>)> {
    let position = match icon.position {
        Position::Physical(p) => p,
        Position::Logical(p) => p.to_physical(scale),
    };
    let size = match icon.size {
        Size::Physical(s) => s,
        Size::Logical(s) => s.to_physical(scale),
    };
    Some((position, size))
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
    fn the_popover_never_leaves_the_work_area_on_the_left() {
        let place = place_next_to(PhysicalPosition::new(2, 0), ICON, POPOVER, AREA, SCREEN);
        assert_eq!(place.x, 0);
    }
}
