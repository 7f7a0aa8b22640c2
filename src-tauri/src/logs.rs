//! The window shell logs to stderr only: the daemon that starts it hands over its own stderr
//! (which goes to the daemon's log or terminal), and a person running it sees it. The level
//! comes from `NCTRAY_LOG`, as the daemon's does (an `EnvFilter`, e.g. `debug` or
//! `warn,nctray_windows=debug`).

use tracing_subscriber::EnvFilter;

const DEFAULT_LEVEL: &str = "warn,nctray_windows=info";

/// The filter `NCTRAY_LOG` asks for, the default when it is unset or unreadable.
fn filter_from(asked: Option<&str>) -> EnvFilter {
    asked
        .and_then(|spec| EnvFilter::try_new(spec).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_LEVEL))
}

pub fn to_stderr() {
    tracing_subscriber::fmt()
        .with_env_filter(filter_from(std::env::var("NCTRAY_LOG").ok().as_deref()))
        .with_writer(std::io::stderr)
        .init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_level_falls_back_to_the_default() {
        let default = EnvFilter::new(DEFAULT_LEVEL).to_string();
        assert_eq!(filter_from(Some("[[[")).to_string(), default);
        assert_eq!(filter_from(None).to_string(), default);
        assert_eq!(filter_from(Some("debug")).to_string(), "debug");
    }
}
