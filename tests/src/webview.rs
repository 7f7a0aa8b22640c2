//! Driving the app's real webview with WebDriver: tauri-driver (in front of WebKitWebDriver)
//! starts the window process `nctray-windows --window <name>` inside the test's private
//! session, and fantoccini talks to it. The window process starts the daemon when none runs
//! (so a test needs nothing else), or uses the one the test started. Every helper waits with a
//! deadline; failures carry the app's logs.
//!
//! Needs `tauri-driver` (2.1.0, `cargo install tauri-driver --version 2.1.0 --locked`, or
//! `TAURI_DRIVER` naming it) and Debian's `webkit2gtk-driver` (`/usr/bin/WebKitWebDriver`);
//! scripts/test.sh installs both.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::app::RunningApp;
use crate::binary::windows_binary;
use crate::desktop::Desktop;
use crate::processes::{is_alive, kill, pids_named, DAEMON};
use crate::session::Session;
use crate::wait::{wait_until, wait_until_some};

/// What a window test may change about the app's start.
#[derive(Debug, Clone, Default)]
pub struct WindowOptions {
    /// `appearance` in the config: `light` or `dark` (default: as configured, i.e. system).
    pub appearance: Option<String>,
    /// Extra environment for the app (e.g. `NCTRAY_BROWSER`).
    pub env: Vec<(String, String)>,
    /// Extra arguments after `--window <name>` (e.g. `--demo`).
    pub args: Vec<String>,
    /// Start the window process without `--window`: it asks the daemon which window to show,
    /// the one the app opens by itself (the sign-in window on a first run).
    pub without_window_arg: bool,
}

/// How long one WebDriver request may take. WebKitWebDriver can wait for ever (a screenshot of
/// a page WebKit does not paint): failing is better than holding the whole run.
const WEBDRIVER_CALL: Duration = Duration::from_secs(60);

/// A ticker that makes the page paint a new frame every 50 ms (an opacity of 0.999 and 1 in
/// turn, which no eye tells apart) for up to 10 s, until `window.__nctrayRepaint.stop()`.
const REPAINT_WHILE_SHOOTING: &str = "
    window.__nctrayRepaint?.stop();
    const root = document.documentElement;
    let frame = 0;
    const ticker = setInterval(() => {
        root.style.opacity = frame++ % 2 ? '0.999' : '';
        if (frame > 200) window.__nctrayRepaint.stop();
    }, 50);
    window.__nctrayRepaint = { stop() { clearInterval(ticker); root.style.opacity = ''; } };";

/// How long a scrolled list gets to render the rows that came into view.
const SCROLL_SETTLE_MS: u64 = 80;

/// A scrolling list for [`Webview::scroll_through`].
#[derive(Debug, Clone, Copy)]
pub struct ListScan<'a> {
    /// The element that scrolls.
    pub scroller: &'a str,
    /// Each item of the list, inside the scroller.
    pub item: &'a str,
    /// The attribute that names an item (e.g. `data-id`).
    pub key: &'a str,
    /// A JavaScript function body run for each rendered item (bound as `item`); what it
    /// returns is collected (e.g. `return item.innerText;`).
    pub probe: &'a str,
}

/// One window of the running app under WebDriver. Dropping it kills tauri-driver's whole
/// process group (the driver, WebKitWebDriver and the window process) and the daemon the
/// window process started, if it started one.
pub struct Webview {
    client: Client,
    driver: RunningApp,
    window: String,
    bus_address: String,
    /// The session's `nctray` processes before the window started: a daemon the test runs.
    daemons_before: BTreeSet<u32>,
}

impl Drop for Webview {
    /// Kills the group and the daemon the window started, and waits until they are gone, so
    /// that the next app of the same session does not meet this one (the daemon is
    /// single-instance per session bus, and a later window may want other settings).
    fn drop(&mut self) {
        let started: Vec<u32> = pids_named(&self.bus_address, DAEMON)
            .difference(&self.daemons_before)
            .copied()
            .collect();
        for pid in &started {
            let _ = kill(*pid);
        }
        let group = format!("-{}", self.driver.pid());
        let signal = |signal: &str| {
            std::process::Command::new("kill")
                .args([signal, "--", &group])
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        signal("-KILL");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let running = || signal("-0") || started.iter().any(|pid| is_alive(*pid));
        while running() && std::time::Instant::now() < deadline {
            self.driver.reap();
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Desktop {
    /// Starts the window process with `--window <window>` under WebDriver and waits until the
    /// window's view is mounted (`[data-window]` present).
    pub async fn open_window(&self, window: &str) -> Result<Webview> {
        self.open_window_with(window, WindowOptions::default())
            .await
    }

    pub async fn open_window_with(&self, window: &str, options: WindowOptions) -> Result<Webview> {
        Webview::start(&self.session, window, options).await
    }
}

impl Webview {
    pub async fn start(session: &Session, window: &str, options: WindowOptions) -> Result<Self> {
        if let Some(appearance) = &options.appearance {
            session.set_config("appearance", json!(appearance))?;
        }
        let daemons_before = session.daemons();
        let port = free_port()?;
        let native_port = free_port()?;
        let mut command = session.command(tauri_driver()?);
        // Its own process group: WebKitWebDriver and the window process are its children, and
        // all of them must go when the test ends (killing tauri-driver alone orphans them).
        command.process_group(0);
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .envs(options.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            // The app's own log (window process and the daemon it starts), which the driver
            // passes through to our log files.
            .env("NCTRAY_LOG", "info,nctray=debug,nctray_windows=debug");
        let driver = RunningApp::spawn(
            command,
            session.log_file(&format!("webdriver-{window}-stdout")),
            session.log_file(&format!("webdriver-{window}-stderr")),
        )?;
        let mut args = if options.without_window_arg {
            Vec::new()
        } else {
            vec!["--window".to_owned(), window.to_owned()]
        };
        args.extend(options.args.iter().cloned());
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": windows_binary()?.display().to_string(),
                "args": args,
            },
        });
        let capabilities = match capabilities {
            Value::Object(map) => map,
            _ => unreachable!("a JSON object literal"),
        };
        let url = format!("http://127.0.0.1:{port}");
        let client = wait_until_some(
            "tauri-driver to start a WebDriver session",
            crate::PATIENCE,
            || {
                let capabilities = capabilities.clone();
                let url = url.clone();
                async move {
                    let mut builder = ClientBuilder::new(HttpConnector::new());
                    builder.capabilities(capabilities);
                    builder.connect(&url).await.ok()
                }
            },
        )
        .await
        .map_err(|error| anyhow!("{error:#}\n{}", driver.logs()))?;
        let webview = Webview {
            client,
            driver,
            window: window.to_owned(),
            bus_address: session.bus_address().to_owned(),
            daemons_before,
        };
        webview
            .wait_for("[data-window]")
            .await
            .context("the window's view never mounted")?;
        Ok(webview)
    }

    /// The process id of tauri-driver; WebKitWebDriver and the window process run under it.
    pub fn driver_pid(&self) -> u32 {
        self.driver.pid()
    }

    /// What the app (and the drivers) logged so far.
    pub fn logs(&self) -> String {
        self.driver.logs()
    }

    fn failing(&self, error: impl std::fmt::Display) -> anyhow::Error {
        anyhow!("{error}\n{}", self.logs())
    }

    /// One WebDriver request, failed with `what` and the logs if it errs or is not answered
    /// within [`WEBDRIVER_CALL`]: every request of a test goes through here.
    async fn call<T>(
        &self,
        what: impl std::fmt::Display,
        request: impl Future<Output = Result<T, CmdError>>,
    ) -> Result<T> {
        match tokio::time::timeout(WEBDRIVER_CALL, request).await {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(error)) => Err(self.failing(format!("{what}: {error}"))),
            Err(_) => Err(self.failing(format!(
                "{what}: WebDriver gave no answer within {WEBDRIVER_CALL:?}"
            ))),
        }
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        let what = format!("an element {css:?} in the {} window", self.window);
        wait_until_some(&what, crate::PATIENCE, || async {
            self.client.find(Locator::Css(css)).await.ok()
        })
        .await
        .map_err(|e| self.failing(format!("{e:#}")))
    }

    /// The first element matching `css` now, or an error.
    pub async fn find(&self, css: &str) -> Result<Element> {
        self.call(
            format_args!("no element {css:?}"),
            self.client.find(Locator::Css(css)),
        )
        .await
    }

    /// Every element matching `css` now.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        self.call(
            format_args!("looking for {css:?}"),
            self.client.find_all(Locator::Css(css)),
        )
        .await
    }

    /// Waits for `css` and clicks it.
    pub async fn click(&self, css: &str) -> Result<()> {
        let element = self.wait_for(css).await?;
        self.call(format_args!("clicking {css:?}"), element.click())
            .await?;
        Ok(())
    }

    /// Clicks the first `css` element from within the page (`element.click()`), for controls a
    /// pointer cannot reach now (shown only on hover).
    pub async fn click_in_page(&self, css: &str) -> Result<()> {
        self.script(
            "document.querySelector(arguments[0]).click()",
            vec![Value::from(css)],
        )
        .await?;
        Ok(())
    }

    /// Waits for `css` and types `text` into it (after what it already holds).
    pub async fn type_text(&self, css: &str, text: &str) -> Result<()> {
        let element = self.wait_for(css).await?;
        self.call(format_args!("typing into {css:?}"), element.send_keys(text))
            .await
    }

    /// Waits for `css` and empties it.
    pub async fn clear(&self, css: &str) -> Result<()> {
        let element = self.wait_for(css).await?;
        self.call(format_args!("emptying {css:?}"), element.clear())
            .await
    }

    /// The visible text of the first element matching `css` (waiting for it).
    pub async fn text(&self, css: &str) -> Result<String> {
        let element = self.wait_for(css).await?;
        self.call(format_args!("reading {css:?}"), element.text())
            .await
    }

    /// Waits until the text of the first `css` element contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> Result<()> {
        let what = format!("{css:?} to show {needle:?} in the {} window", self.window);
        let last = Mutex::new(String::new());
        let found = wait_until(&what, crate::PATIENCE, || async {
            let Ok(element) = self.client.find(Locator::Css(css)).await else {
                return false;
            };
            let text = element.text().await.unwrap_or_default();
            let shown = text.contains(needle);
            *last.lock().unwrap() = text;
            shown
        })
        .await;
        let last = last.into_inner().unwrap();
        found.map_err(|e| self.failing(format!("{e:#}; it showed {last:?}")))
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let what = format!("{css:?} to disappear from the {} window", self.window);
        wait_until(&what, crate::PATIENCE, || async {
            self.client
                .find_all(Locator::Css(css))
                .await
                .map(|found| found.is_empty())
                .unwrap_or(false)
        })
        .await
        .map_err(|e| self.failing(format!("{e:#}")))
    }

    /// Runs `js` (a function body; `arguments` holds `args`) in the window and returns its
    /// value.
    pub async fn script(&self, js: &str, args: Vec<Value>) -> Result<Value> {
        self.call("script failed", self.client.execute(js, args))
            .await
    }

    /// How many windows the WebDriver session sees (the window process's windows).
    pub async fn window_count(&self) -> Result<usize> {
        let handles = self
            .call("listing the windows", self.client.windows())
            .await?;
        Ok(handles.len())
    }

    /// Closes the current window, as its close button does.
    pub async fn close_window(&self) -> Result<()> {
        self.call("closing the window", self.client.clone().close_window())
            .await
    }

    /// Every text in the window that is not shown whole (wider than its box, cut by a box
    /// that hides overflow, or outside the window), described for a failure message; empty
    /// when everything fits. Text cut on purpose with an ellipsis is not counted.
    pub async fn overflowing_text(&self) -> Result<Vec<String>> {
        let found = self
            .script(include_str!("overflowing_text.js"), vec![])
            .await?;
        serde_json::from_value(found).context("the overflow check's answer")
    }

    /// Scrolls `list.scroller` from its top to its bottom and gives, for every `list.item`
    /// rendered on the way, what `list.probe` returns for it, by the item's `list.key`
    /// attribute. A virtualised list renders only the rows near the view, so reading it at one
    /// position misses most of them. Passes start again from the top (the list may grow at the
    /// end, or load older entries at the top) until `enough` is satisfied with what was seen.
    pub async fn scroll_through(
        &self,
        list: &ListScan<'_>,
        enough: impl Fn(&BTreeMap<String, Value>) -> bool,
    ) -> Result<BTreeMap<String, Value>> {
        // One step: scroll, give the list a moment to render the rows now in view, read them.
        let step = format!(
            "const [scrollerCss, itemCss, keyName, to, done] = arguments;
             const probe = (item) => {{ {probe} }};
             const scroller = document.querySelector(scrollerCss);
             if (!scroller) return done(null);
             scroller.scrollTop = to;
             setTimeout(() => done({{
               items: [...scroller.querySelectorAll(itemCss)]
                 .map((item) => [item.getAttribute(keyName), probe(item)]),
               top: scroller.scrollTop,
               height: scroller.scrollHeight,
               view: scroller.clientHeight,
             }}), {SCROLL_SETTLE_MS});",
            probe = list.probe,
        );
        let deadline = std::time::Instant::now() + crate::PATIENCE;
        let mut seen = BTreeMap::new();
        let mut to = 0.0;
        loop {
            let args = vec![
                json!(list.scroller),
                json!(list.item),
                json!(list.key),
                json!(to),
            ];
            let answer = self
                .call(
                    format_args!("scrolling {:?}", list.scroller),
                    self.client.execute_async(&step, args),
                )
                .await?;
            if let Some(items) = answer["items"].as_array() {
                for pair in items {
                    if let Some(key) = pair[0].as_str() {
                        seen.insert(key.to_owned(), pair[1].clone());
                    }
                }
            }
            if enough(&seen) {
                return Ok(seen);
            }
            if std::time::Instant::now() >= deadline {
                return Err(self.failing(format!(
                    "scrolling through {:?} in the {} window did not show enough within {:?}; \
                     saw {} items: {:?}",
                    list.scroller,
                    self.window,
                    crate::PATIENCE,
                    seen.len(),
                    seen.keys().collect::<Vec<_>>()
                )));
            }
            let number = |name: &str| answer[name].as_f64().unwrap_or(0.0);
            let (top, height, view) = (number("top"), number("height"), number("view"));
            // A quarter of the view overlaps, so rows that move a little are not skipped.
            to = if top + view >= height - 1.0 {
                0.0
            } else {
                top + (view * 0.75).max(1.0)
            };
        }
    }

    /// Saves a PNG of the window as `<name>.png` under `target/screenshots/`, and under
    /// `docs/screenshots/` too when `UPDATE_SCREENSHOTS` is set (the committed ones).
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        // WebKitWebDriver answers a screenshot with the next frame WebKit paints, and a page
        // that changes nothing is not painted again (without WebKit's compositing, never): the
        // page repaints itself, invisibly, while the shots are taken.
        self.script(REPAINT_WHILE_SHOOTING, vec![]).await?;
        // Under Xvfb the answer is the frame painted at the previous request: a first,
        // thrown-away shot makes the second one show the window as it is now.
        self.call("a screenshot", self.client.screenshot()).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = self.call("a screenshot", self.client.screenshot()).await;
        self.script("window.__nctrayRepaint?.stop()", vec![])
            .await?;
        let png = png?;
        let mut saved = workspace()
            .join("target")
            .join("screenshots")
            .join(format!("{name}.png"));
        std::fs::create_dir_all(saved.parent().unwrap())?;
        std::fs::write(&saved, &png)?;
        if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
            saved = workspace()
                .join("docs")
                .join("screenshots")
                .join(format!("{name}.png"));
            std::fs::create_dir_all(saved.parent().unwrap())?;
            std::fs::write(&saved, &png)?;
        }
        Ok(saved)
    }

    /// Ends the WebDriver session and the window process (dropping it ends the rest).
    pub async fn close(self) -> Result<()> {
        let _ = self
            .call("ending the WebDriver session", self.client.clone().close())
            .await;
        Ok(())
    }
}

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives inside the workspace")
}

/// `TAURI_DRIVER`, else `tauri-driver` on PATH or in ~/.cargo/bin.
fn tauri_driver() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return Ok(PathBuf::from(path));
    }
    let candidates = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin")));
    for dir in candidates {
        let candidate = dir.join("tauri-driver");
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    bail!("tauri-driver not found: cargo install tauri-driver --version 2.1.0 --locked (scripts/test.sh does)")
}

/// A loopback port nobody listens on right now.
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
