//! Links from the server to the browser: only http(s) is ever opened, so a `file:` or
//! `javascript:` link in a notification cannot run anything.

use nctray_engine::nextcloud::Url;
use nctray_engine::{ErrorKind, ErrorReport};

/// Opens `url` in the desktop's browser when it is http(s).
pub fn open_in_browser(url: &str) -> Result<(), ErrorReport> {
    let url = checked_web_link(url)?;
    launch(url.as_str().as_ref())
        .map(drop)
        .map_err(|e| ErrorReport {
            kind: ErrorKind::Browser,
            message: format!("cannot open the browser: {e}"),
        })
}

/// Opens a local folder (the log folder) in the desktop's file manager.
pub fn open_folder(dir: &std::path::Path) -> Result<(), ErrorReport> {
    launch(dir.as_os_str()).map(drop).map_err(|e| ErrorReport {
        kind: ErrorKind::Browser,
        message: format!("cannot open {}: {e}", dir.display()),
    })
}

/// Starts the opener with `target` and returns its process id. A thread waits for it, so
/// it does not stay behind as a zombie for as long as the tray runs (one per link clicked).
fn launch(target: &std::ffi::OsStr) -> std::io::Result<u32> {
    let mut child = std::process::Command::new(browser_opener())
        .arg(target)
        .spawn()?;
    let pid = child.id();
    std::thread::Builder::new()
        .name("browser-reaper".into())
        .spawn(move || {
            if let Err(error) = child.wait() {
                tracing::debug!("cannot wait for the browser opener: {error}");
            }
        })?;
    Ok(pid)
}

/// `url` when it is an absolute http(s) URL, else a clear refusal.
pub fn checked_web_link(url: &str) -> Result<Url, ErrorReport> {
    let parsed =
        Url::parse(url).map_err(|e| ErrorReport::invalid(format!("not a link: {url:?} ({e})")))?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        other => Err(ErrorReport::invalid(format!(
            "only http(s) links are opened, not {other}:"
        ))),
    }
}

/// The program that hands a URL to the user's browser; tests point it at a recorder.
fn browser_opener() -> String {
    std::env::var("NCTRAY_BROWSER").unwrap_or_else(|_| default_opener().to_owned())
}

#[cfg(target_os = "macos")]
fn default_opener() -> &'static str {
    "open"
}

#[cfg(not(target_os = "macos"))]
fn default_opener() -> &'static str {
    "xdg-open"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_are_accepted() {
        assert!(checked_web_link("https://cloud.example/f/1").is_ok());
        assert!(checked_web_link("http://127.0.0.1:8080/index.php").is_ok());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "nextcloud://open",
            "/relative/path",
            "",
        ] {
            let error = checked_web_link(bad).unwrap_err();
            assert_eq!(error.kind, ErrorKind::Invalid, "{bad}");
        }
    }

    /// The state letter of process `pid` (`Z` for a zombie), `None` once it is gone.
    fn process_state(pid: u32) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (comm) S ...": the state follows the last ')'.
        stat.rsplit_once(')')?.1.trim_start().chars().next()
    }

    #[test]
    fn the_opened_browser_is_reaped_not_left_a_zombie() {
        std::env::set_var("NCTRAY_BROWSER", "true");
        let pid = launch("https://cloud.example/".as_ref()).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while process_state(pid).is_some() {
            assert!(
                std::time::Instant::now() < deadline,
                "the opener {pid} is still there: {:?}",
                process_state(pid)
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
