//! WebKit draws the windows without its accelerated compositing: the windows are plain pages
//! that need none, and on a desktop without a GPU driver the compositor brings Mesa's software
//! GL into every web content process, about 40 MB of private memory each (docs/benchmarks.md).

/// WebKit's own switch, read by this process and inherited by the web processes it starts.
const COMPOSITING_OFF: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Turns the compositing off unless the user set the switch, either way.
pub fn without_compositing() {
    if std::env::var_os(COMPOSITING_OFF).is_none() {
        // Called first thing in `main`, while this is the only thread.
        std::env::set_var(COMPOSITING_OFF, "1");
    }
}
