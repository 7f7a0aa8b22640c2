//! How smoothly the popover's activity list scrolls with 10,000 entries, in the real webview.
//! The simulator holds the entries; the list fills itself from the server as it is scrolled to
//! its end (timed); then a script scrolls it from top to bottom by a fixed step every animation
//! frame and records the frame-to-frame intervals, the rows in the DOM and where the page's
//! time goes — twice (the first pass measures each row's height as it appears, the second finds
//! them all measured), and once more over the same rows cloned into a plain scroller, for what
//! this webview needs to scroll such rows without any script. Run under Xvfb with a built app:
//!
//! `xvfb-run -a -s "-screen 0 1280x800x24" cargo run -p nctray-e2e --bin list-smoothness`
//!
//! Options: `--rows N` activity rows to seed (default 14,000: the server merges consecutive
//! file changes, so the list shows fewer entries than rows), `--step PX` pixels scrolled per
//! frame (default 120, about two rows), `--env NAME=VALUE` extra environment for the app (e.g.
//! `JSC_useJIT=false` for no JIT at all, `JSC_useDFGJIT=true` to bring an optimizing tier
//! back). `NCTRAY_BIN` picks the build (the debug one by default).
//! Prints Markdown tables for docs/benchmarks.md; about 7–9 minutes on 2 shared cores.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use nctray_e2e::{env_assignment, Desktop, Webview, WindowOptions};
use nctray_sim::LoggedRequest;
use serde_json::{json, Value};

const ACTIVITY_PATH: &str = "/ocs/v2.php/apps/activity/api/v2/activity";
/// Rows the server gives per page (the engine asks for 50).
const ROWS_PER_PAGE: i64 = 50;
/// The poll interval while the bench runs: longer than the run.
const QUIET_POLL_SECS: u64 = 3 * 60 * 60;
/// Rows in the plain scroller that shows what scrolling costs without the list's script.
const PLAIN_ROWS: u32 = 400;
const LIST: &str = "[data-testid=activity-list]";
/// How long filling or scrolling through the list may take before the bench gives up.
const GIVE_UP: Duration = Duration::from_secs(20 * 60);
/// How often the bench looks at a run in the page; rarely, so that it costs the page little.
const LOOK_EVERY: Duration = Duration::from_secs(2);
/// One frame at 60 Hz.
const FRAME_MS: f64 = 1000.0 / 60.0;

/// Scrolls the list to its end on every animation frame, so the list keeps asking for older
/// entries, until the end marker shows; notes when each batch of entries arrived.
const FILL: &str = "
    const list = document.querySelector(arguments[0]);
    const run = (window.__fill = { done: false, batches: [], error: null });
    const start = performance.now();
    let last = Number(list.dataset.count);
    const tick = () => {
      const count = Number(list.dataset.count);
      if (count !== last) {
        run.batches.push([performance.now() - start, count]);
        last = count;
      }
      if (document.querySelector('[data-testid=activity-older-problem]')) {
        run.error = document.querySelector('[data-testid=activity-older-problem]').innerText;
      }
      if (run.error || document.querySelector('[data-testid=activity-end]')) {
        Object.assign(run, { done: true, ms: performance.now() - start, count });
        return;
      }
      list.scrollTop = list.scrollHeight;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return true;";

/// The frame intervals of the page at rest (the list at its top, nothing scrolling): what
/// this machine's webview manages at best.
const REST: &str = "
    const list = document.querySelector(arguments[0]);
    list.scrollTop = 0;
    const run = (window.__rest = { done: false, intervals: [] });
    let previous = null;
    const frame = (now) => {
      if (previous !== null) run.intervals.push(now - previous);
      previous = now;
      if (run.intervals.length === 180) run.done = true;
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return true;";

/// Times the list's row measuring: every ResizeObserver created from now on (the list's, once
/// its tab opens) notes how long each of its callbacks took together with the microtasks it
/// queued (Svelte's update after a measured height changed: the row offsets, the spacers). It
/// only wraps the callback; what the list does is unchanged.
const TIME_MEASURING: &str = "
    const Native = window.ResizeObserver;
    window.__measuring = [];
    window.ResizeObserver = class extends Native {
      constructor(callback) {
        super((entries, observer) => {
          const began = performance.now();
          callback(entries, observer);
          queueMicrotask(() => window.__measuring.push(performance.now() - began));
        });
      }
    };
    return true;";

/// From the top, scrolls the list by `step` pixels every animation frame until its end, and
/// notes each frame's interval (the frames' own timestamps), the rows in the DOM, the time the
/// page spent in the list's scroll handling (the component's `onscroll` and Svelte's update of
/// the rows, in the microtask after it), in the layout that follows, and in measuring rows.
/// With `copy` it scrolls instead a plain element laid over the list that holds `copy` clones
/// of the rows rendered now, for what the webview needs to scroll such rows without any
/// script.
const SCROLL: &str = "
    const [css, step, name, copy] = arguments;
    let list = document.querySelector(css);
    if (copy) {
      const plain = document.createElement('div');
      const box = list.getBoundingClientRect();
      Object.assign(plain.style, {
        position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`,
        height: `${box.height}px`, overflowY: 'auto', zIndex: '10',
        background: getComputedStyle(document.body).backgroundColor,
      });
      const rows = [...list.querySelectorAll('[data-row]')];
      for (let i = 0; i < copy; i++) plain.appendChild(rows[i % rows.length].cloneNode(true));
      document.body.appendChild(plain);
      list = plain;
    }
    const run = (window[name] = {
      done: false, intervals: [], rows: [], handling: [], layout: [], nodes: 0, height: 0,
    });
    // Capture on the window runs before the component's listener on the list; a listener
    // added to the list now runs after it, and after the microtasks it queued.
    let began = 0;
    const begin = () => (began = performance.now());
    const end = () => run.handling.push(performance.now() - began);
    list.scrollTop = 0;
    let previous = null;
    const frame = (now) => {
      if (previous !== null) run.intervals.push(now - previous);
      previous = now;
      // Reading a layout value forces the layout the last scroll needs, timed here.
      const before = performance.now();
      const bottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
      run.layout.push(performance.now() - before);
      run.rows.push(list.querySelectorAll('[data-row]').length);
      if (bottom) {
        window.removeEventListener('scroll', begin, true);
        list.removeEventListener('scroll', end);
        Object.assign(run, {
          done: true,
          measuring: window.__measuring.splice(0),
          nodes: list.getElementsByTagName('*').length,
          height: list.scrollHeight,
          heap: performance.memory ? performance.memory.usedJSHeapSize : null,
        });
        if (copy) list.remove();
        return;
      }
      list.scrollTop += step;
      requestAnimationFrame(frame);
    };
    // Two frames' rest at the top first, so the jump there is not measured.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.addEventListener('scroll', begin, true);
      list.addEventListener('scroll', end);
      window.__measuring.length = 0;
      frame(performance.now());
    }));
    return true;";

struct Options {
    rows: usize,
    step: u32,
    /// Extra environment for the app, e.g. `JSC_useJIT=false` to compare without the JIT.
    env: Vec<(String, String)>,
}

impl Options {
    fn parse() -> Result<Self> {
        let mut options = Options {
            rows: 14_000,
            step: 120,
            env: Vec::new(),
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let value = args
                .next()
                .with_context(|| format!("{arg} needs a value"))?;
            match arg.as_str() {
                "--rows" => options.rows = value.parse()?,
                "--step" => options.step = value.parse()?,
                "--env" => options.env.push(env_assignment(&value)?),
                _ => bail!("unknown option {arg} (options: --rows N, --step PX, --env NAME=VALUE)"),
            }
        }
        Ok(options)
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let options = Options::parse()?;
    let desktop = Desktop::signed_in_as("admin").await?;
    let control = desktop.control();
    let (first, _) = control
        .seed_activities("admin", options.rows)
        .context("--rows must be at least 1")?;
    // No polls while the list fills: a poll's activity sync that overlaps a fetch of older
    // entries writes back the cursor it read before, the next fetch gets a page the cache
    // already has, and the list takes that for the start of the stream.
    desktop.session.set_poll_interval(QUIET_POLL_SECS)?;
    let webview = desktop
        .open_window_with(
            "popover",
            WindowOptions {
                env: options.env.clone(),
                ..WindowOptions::default()
            },
        )
        .await?;
    webview.script(TIME_MEASURING, vec![]).await?;
    webview.click("[data-testid=tab-activity]").await?;
    webview.wait_for(LIST).await?;
    // Time for the tab's own catch-up with the server (on opening) to end before the filling
    // starts, which it would race like a poll.
    tokio::time::sleep(Duration::from_secs(2)).await;

    let asked_before = older_pages(&control.requests());
    let fill = run_in_page(&webview, "__fill", FILL, vec![json!(LIST)]).await?;
    if let Some(error) = fill["error"].as_str() {
        bail!("loading older entries failed: {error}");
    }
    let asked = older_pages(&control.requests()) - asked_before;
    let oldest_asked = control
        .requests()
        .iter()
        .filter_map(older_page_since)
        .min()
        .unwrap_or(i64::MAX);
    if oldest_asked > first + ROWS_PER_PAGE {
        bail!(
            "the list showed its end with {} entries although the server still had rows older \
             than {oldest_asked} (the oldest is {first}): the activity cursor went back",
            fill["count"]
        );
    }
    print_fill(&fill, asked, options.rows);

    // Let the last page's previews load and the rows settle before scrolling back up.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rest = run_in_page(&webview, "__rest", REST, vec![json!(LIST)]).await?;
    let mut passes = Vec::new();
    for (name, copy) in [("__first", 0), ("__again", 0), ("__plain", PLAIN_ROWS)] {
        let args = vec![json!(LIST), json!(options.step), json!(name), json!(copy)];
        passes.push(run_in_page(&webview, name, SCROLL, args).await?);
    }
    print_scroll(&rest, &passes, options.step);
    drop(webview);
    Ok(())
}

/// Starts `script`, which keeps `window[name]` up to date, and waits until it says it is done.
async fn run_in_page(
    webview: &Webview,
    name: &str,
    script: &str,
    args: Vec<Value>,
) -> Result<Value> {
    webview.script(script, args).await?;
    let started = Instant::now();
    loop {
        tokio::time::sleep(LOOK_EVERY).await;
        let done = webview
            .script(&format!("return window.{name}.done;"), vec![])
            .await?;
        if done == json!(true) {
            return webview
                .script(&format!("return window.{name};"), vec![])
                .await;
        }
        if started.elapsed() > GIVE_UP {
            bail!("{name} did not finish within {GIVE_UP:?}");
        }
    }
}

/// The requests for older pages of the activity stream (`since` going back, not the catch-up).
fn older_pages(requests: &[LoggedRequest]) -> usize {
    requests.iter().filter_map(older_page_since).count()
}

/// The `since` of a request for an older page.
fn older_page_since(request: &LoggedRequest) -> Option<i64> {
    if request.method != "GET"
        || request.path != ACTIVITY_PATH
        || request.query.contains("sort=asc")
    {
        return None;
    }
    request
        .query
        .split('&')
        .find_map(|pair| pair.strip_prefix("since="))
        .and_then(|since| since.parse().ok())
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|all| all.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// The value below which `share` (0–1) of the sorted `values` lie.
fn quantile(sorted: &[f64], share: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() - 1) as f64 * share).round() as usize;
    sorted[at]
}

fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    values
}

fn print_fill(fill: &Value, asked: usize, rows: usize) {
    let ms = fill["ms"].as_f64().unwrap_or(f64::NAN);
    let count = fill["count"].as_u64().unwrap_or(0);
    // Time between one batch of entries and the next: one page read, fetched, stored, shown.
    let batches: Vec<(f64, f64)> = fill["batches"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|b| (b[0].as_f64().unwrap_or(0.0), b[1].as_f64().unwrap_or(0.0)))
                .collect()
        })
        .unwrap_or_default();
    let gaps = sorted(batches.windows(2).map(|w| w[1].0 - w[0].0).collect());
    let quarter = |part: usize| -> String {
        // The time from one quarter of the entries to the next shows whether appending slows
        // down as the list grows.
        let target = count as f64 * part as f64 / 4.0;
        let at = |t: f64| {
            batches
                .iter()
                .find(|(_, c)| *c >= t)
                .map_or(f64::NAN, |(ms, _)| *ms)
        };
        let from = if part == 1 {
            0.0
        } else {
            at(count as f64 * (part - 1) as f64 / 4.0)
        };
        format!("{:.1} s", (at(target) - from) / 1000.0)
    };
    println!("### Filling the list to {count} entries ({rows} rows on the server)\n");
    println!("| entries | older pages asked from the server | time | per batch: median | p95 | max | 1st / 2nd / 3rd / 4th quarter of the entries |");
    println!("|---:|---:|---:|---:|---:|---:|---|");
    println!(
        "| {count} | {asked} | {:.1} s | {:.0} ms | {:.0} ms | {:.0} ms | {} / {} / {} / {} |\n",
        ms / 1000.0,
        quantile(&gaps, 0.5),
        quantile(&gaps, 0.95),
        gaps.last().copied().unwrap_or(f64::NAN),
        quarter(1),
        quarter(2),
        quarter(3),
        quarter(4),
    );
}

/// The names of the passes, in the order they ran.
const PASSES: [&str; 3] = [
    "scrolling, first pass (rows measured as they appear)",
    "scrolling again (every row measured before)",
    "for comparison: the rendered rows cloned into a plain scroller, no script",
];

fn print_scroll(rest: &Value, passes: &[Value], step: u32) {
    let first = &passes[0];
    let total_ms: f64 = numbers(&first["intervals"]).iter().sum();
    let height = first["height"].as_f64().unwrap_or(0.0);
    println!(
        "### Scrolling top to bottom, {step} px per frame ({height:.0} px; the first pass took {:.1} s, {:.0} px/s)\n",
        total_ms / 1000.0,
        height / (total_ms / 1000.0),
    );
    println!("| | frames | interval: median | p95 | p99 | max | > 16.7 ms | > 20 ms | > 33.4 ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    print_frames("at rest (nothing scrolls)", &numbers(&rest["intervals"]));
    for (what, pass) in PASSES.iter().zip(passes) {
        print_frames(what, &numbers(&pass["intervals"]));
    }
    println!();
    let rows = |pass: &Value| {
        let rows = sorted(numbers(&pass["rows"]));
        format!(
            "median {:.0}, max {:.0}",
            quantile(&rows, 0.5),
            rows.last().copied().unwrap_or(f64::NAN)
        )
    };
    let heap = match first["heap"].as_f64() {
        Some(bytes) => format!("{:.1} MB", bytes / 1e6),
        None => "not available (no `performance.memory` in WebKitGTK)".to_owned(),
    };
    println!(
        "Rows in the DOM while scrolling: {} (first pass), {} (again); elements in the list at \
         the end: {}. JS heap: {heap}.\n",
        rows(first),
        rows(&passes[1]),
        first["nodes"],
    );
    println!("| where a scrolling frame's time goes | pass | times | median | p95 | max | sum |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    let parts = [
        (
            "the list's scroll handling (Svelte's update of the rows)",
            "handling",
        ),
        (
            "layout forced after it (a read of scrollTop/clientHeight)",
            "layout",
        ),
        (
            "measuring rows (ResizeObserver callback and the update it causes)",
            "measuring",
        ),
    ];
    let labels = ["first", "again", "plain"];
    for (what, name) in parts {
        for (pass, run) in labels.iter().zip(passes) {
            let values = sorted(numbers(&run[name]));
            if values.is_empty() {
                continue;
            }
            println!(
                "| {what} | {pass} | {} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} s |",
                values.len(),
                quantile(&values, 0.5),
                quantile(&values, 0.95),
                values.last().copied().unwrap_or(f64::NAN),
                values.iter().sum::<f64>() / 1000.0,
            );
        }
    }
    for (pass, run) in labels.iter().zip(passes) {
        let whole: f64 = numbers(&run["intervals"]).iter().sum();
        let timed: f64 = parts
            .iter()
            .map(|(_, name)| numbers(&run[*name]).iter().sum::<f64>())
            .sum();
        println!(
            "| everything else (style, paint, compositing, waiting for the frame) | {pass} | | | | | {:.1} s of {:.1} s |",
            (whole - timed) / 1000.0,
            whole / 1000.0,
        );
    }
    println!();
}

/// One table row of frame intervals.
fn print_frames(what: &str, intervals: &[f64]) {
    let frames = intervals.len();
    let share = |limit: f64| {
        let over = intervals.iter().filter(|&&i| i > limit).count();
        format!("{:.1} %", 100.0 * over as f64 / frames.max(1) as f64)
    };
    let all = sorted(intervals.to_vec());
    println!(
        "| {what} | {frames} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {} | {} | {} |",
        quantile(&all, 0.5),
        quantile(&all, 0.95),
        quantile(&all, 0.99),
        all.last().copied().unwrap_or(f64::NAN),
        share(FRAME_MS),
        share(20.0),
        share(2.0 * FRAME_MS),
    );
}
