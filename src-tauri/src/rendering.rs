//! WebKit's switches for the windows, which are a few small pages: each saves memory they do
//! not need (measured in docs/benchmarks.md). They are environment variables, read by this
//! process and inherited by the web and network processes WebKit starts.

/// Each switch, the value that turns it on, and what it saves.
const SWITCHES: [(&str, &str); 4] = [
    // Accelerated compositing: without a GPU driver it brings compositing buffers of Mesa's
    // software GL into every web content process (about 60 MB PSS with the popover open).
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    // JavaScriptCore's optimizing JIT tiers: the windows' script is small and mostly waits
    // for the daemon, and the baseline JIT keeps a long list scrolling as smoothly, for about
    // 5 MB less (no JIT at all saves 10 MB but doubles the list's script time per frame).
    ("JSC_useDFGJIT", "false"),
    ("JSC_useFTLJIT", "false"),
    // The DMA-BUF renderer: with the compositing off it only sets up buffer sharing in the
    // window process that nothing uses (about 4 MB).
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
];

/// Sets every switch the user has not set, either way.
pub fn lighten() {
    for (name, value) in SWITCHES {
        if std::env::var_os(name).is_none() {
            // Called first thing in `main`, while this is the only thread.
            std::env::set_var(name, value);
        }
    }
}
