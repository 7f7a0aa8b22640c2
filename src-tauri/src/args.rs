//! The window shell's command line. The daemon starts the shell with `--window` (and `--at`
//! for a tray click); a person may start it too, and then `--demo` and `--lang` go to the
//! daemon the shell starts when none runs.

use std::fmt;
use std::str::FromStr;

use clap::Parser;
use nctray_api::AppWindow;

#[derive(Debug, Clone, PartialEq, Eq, Parser)]
#[command(
    name = "nctray-windows",
    version,
    about = "nctray's windows: asks the nctray daemon for everything it shows, and exits when its last window closes"
)]
pub struct Args {
    /// Open this window: popover, status, chat or accounts. Without it, the window a first
    /// run needs (sign-in), or none.
    #[arg(long, value_name = "NAME")]
    pub window: Option<AppWindow>,
    /// Where the tray icon was clicked, in screen pixels: the popover opens next to it.
    #[arg(long, value_name = "X,Y")]
    pub at: Option<ScreenPoint>,
    /// Run the demo (handed to the daemon).
    #[arg(long)]
    pub demo: bool,
    /// The language of a daemon this shell starts (a running daemon keeps its own).
    #[arg(long, value_name = "LANGUAGE")]
    pub lang: Option<String>,
}

/// A point on the screen, in physical pixels (X grows rightwards, Y downwards; a monitor left
/// of or above the primary one has negative coordinates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenPoint {
    pub x: i32,
    pub y: i32,
}

impl ScreenPoint {
    /// The point the daemon sends with `WindowRequested`, where negative means "unknown".
    pub fn known(x: i32, y: i32) -> Option<ScreenPoint> {
        (x >= 0 && y >= 0).then_some(ScreenPoint { x, y })
    }
}

impl FromStr for ScreenPoint {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wrong = || format!("{text:?} is no screen point: write X,Y in pixels, like 1830,12");
        let (x, y) = text.split_once(',').ok_or_else(wrong)?;
        let coordinate = |part: &str| part.trim().parse::<i32>().map_err(|_| wrong());
        Ok(ScreenPoint {
            x: coordinate(x)?,
            y: coordinate(y)?,
        })
    }
}

impl fmt::Display for ScreenPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", self.x, self.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("nctray-windows").chain(args.iter().copied()))
    }

    #[test]
    fn a_tray_click_names_the_popover_and_where_the_icon_was() {
        let args = parse(&["--window", "popover", "--at", "1830,12"]).unwrap();
        assert_eq!(args.window, Some(AppWindow::Popover));
        assert_eq!(args.at, Some(ScreenPoint { x: 1830, y: 12 }));
        assert!(!args.demo);
    }

    #[test]
    fn nothing_asked_leaves_the_choice_to_the_daemon() {
        let args = parse(&[]).unwrap();
        assert_eq!((args.window, args.at, args.demo), (None, None, false));
        assert_eq!(args.lang, None);
    }

    #[test]
    fn demo_and_language_are_taken_for_the_daemon() {
        let args = parse(&["--demo", "--lang", "de"]).unwrap();
        assert!(args.demo);
        assert_eq!(args.lang.as_deref(), Some("de"));
    }

    #[test]
    fn an_unknown_window_is_refused_with_the_names_to_choose_from() {
        let error = parse(&["--window", "settings"]).unwrap_err().to_string();
        assert!(error.contains("popover, status, chat, accounts"), "{error}");
    }

    #[test]
    fn a_point_is_two_whole_numbers_with_a_comma_and_may_be_left_of_the_primary_screen() {
        assert_eq!("-1200, 40".parse(), Ok(ScreenPoint { x: -1200, y: 40 }));
        for wrong in ["", "12", "12;40", "a,b", "1.5,2", "1,2,3"] {
            let error = wrong.parse::<ScreenPoint>().unwrap_err();
            assert!(error.contains("X,Y"), "{wrong}: {error}");
        }
        // The daemon writes it with `=`, which lets a negative X through.
        let args = parse(&["--window", "popover", "--at=-1200,40"]).unwrap();
        assert_eq!(args.at, Some(ScreenPoint { x: -1200, y: 40 }));
        let error = parse(&["--at", "here"]).unwrap_err().to_string();
        assert!(error.contains("like 1830,12"), "{error}");
    }

    #[test]
    fn only_a_point_with_both_coordinates_known_places_the_popover() {
        assert_eq!(ScreenPoint::known(10, 0), Some(ScreenPoint { x: 10, y: 0 }));
        assert_eq!(ScreenPoint::known(-1, -1), None);
        assert_eq!(ScreenPoint::known(10, -1), None);
    }
}
