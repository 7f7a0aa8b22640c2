//! The cache on a real SQLite file: 100k activities written the way the activity sync writes
//! them (pages of 100, one transaction each, indexed for search), then the reads the windows
//! make through the engine: the newest page of 50, a page deep in the stream, a filtered page,
//! and full-text searches.

use std::time::{Duration, Instant};

use nctray_engine::nextcloud::Activity;
use nctray_engine::store::activities;
use nctray_engine::{Account, Engine};
use serde_json::json;

use crate::support::{human, verdict, Stats};

const PAGE: usize = 50;
const SYNC_PAGE: usize = 100;
const RUNS: usize = 300;
const TARGET_PAGE: Duration = Duration::from_millis(5);
const TARGET_SEARCH: Duration = Duration::from_millis(50);

const PEOPLE: [&str; 6] = ["alice", "bob", "carol", "dave", "erin", "frank"];
const WORDS: [&str; 12] = [
    "report", "budget", "holiday", "photos", "invoice", "minutes", "draft", "roadmap", "slides",
    "contract", "backup", "notes",
];

/// Entry `n` of a plausible stream: mostly file changes, some shares, some calendar entries.
fn activity(n: usize) -> Activity {
    let who = PEOPLE[n % PEOPLE.len()];
    let word = WORDS[(n / 7) % WORDS.len()];
    let (app, kind, subject) = match n % 10 {
        0 => (
            "files_sharing",
            "shared",
            format!("{who} shared {word}-{n}.odt with you"),
        ),
        1 => (
            "dav",
            "calendar_event",
            format!("{who} updated event {word} review {n}"),
        ),
        _ => (
            "files",
            "file_changed",
            format!("{who} changed {word}-{n}.odt"),
        ),
    };
    let value = json!({
        "activity_id": n as i64 + 1,
        "datetime": format!("2026-{:02}-{:02}T{:02}:{:02}:00+00:00",
            1 + (n / 40_000) % 12, 1 + (n / 1_400) % 28, (n / 60) % 24, n % 60),
        "app": app,
        "type": kind,
        "user": who,
        "affecteduser": "admin",
        "subject": subject,
        "message": "",
        "icon": "http://127.0.0.1/core/img/actions/change.svg",
        "link": format!("http://127.0.0.1/f/{n}"),
        "object_type": "files",
        "object_id": n as i64 + 1000,
        "object_name": format!("/Documents/{word}-{n}.odt"),
        "objects": { (n + 1000).to_string(): format!("/Documents/{word}-{n}.odt") },
        "subject_rich": [subject, {}],
        "message_rich": ["", {}],
    });
    serde_json::from_value(value).expect("a valid activity")
}

fn timed(runs: usize, mut f: impl FnMut() -> usize) -> Result<(Stats, usize), String> {
    let mut samples = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        found = f();
        samples.push(started.elapsed());
    }
    Ok((Stats::of(&samples), found))
}

fn page_timed(
    engine: &Engine,
    filter: Option<&str>,
    before: Option<i64>,
) -> Result<(Stats, usize), String> {
    timed(RUNS, || {
        engine
            .activity()
            .page(filter, before, PAGE)
            .map(|p| p.len())
            .unwrap_or(0)
    })
}

fn search_timed(engine: &Engine, text: &str) -> Result<(Stats, usize), String> {
    timed(RUNS, || {
        engine
            .activity()
            .search(None, text, PAGE)
            .map(|hits| hits.len())
            .unwrap_or(0)
    })
}

pub fn measure(rows: usize) -> Result<String, String> {
    let dir = tempfile::tempdir_in(std::env::temp_dir()).map_err(|e| e.to_string())?;
    let path = dir.path().join("nctray.sqlite3");
    let account = Account {
        server: "http://127.0.0.1:9".into(),
        login_name: "admin".into(),
        ..Default::default()
    };
    let key = account.key();
    let open =
        || Engine::open(account.clone(), "not-needed".to_owned(), &path).map_err(|e| e.to_string());
    // The engine creates the file and its schema; the rows go in through the store's own
    // writer on a second connection, as the sync would write them.
    drop(open()?);
    eprintln!("cache: writing {rows} activities to {}", path.display());
    let mut conn = rusqlite::Connection::open(&path).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut written = 0;
    while written < rows {
        let page: Vec<Activity> = (written..(written + SYNC_PAGE).min(rows))
            .map(activity)
            .collect();
        let tx = conn.transaction().map_err(|e| e.to_string())?;
        activities::upsert(&tx, &key, &page).map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
        written += page.len();
    }
    let insert = started.elapsed();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(|e| e.to_string())?;
    drop(conn);
    let size: u64 = std::fs::read_dir(dir.path())
        .map_err(|e| e.to_string())?
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();

    // A fresh engine, as after a restart: the first page is read cold.
    let engine = open()?;
    let started = Instant::now();
    let first = engine
        .activity()
        .page(None, None, PAGE)
        .map_err(|e| e.to_string())?;
    let cold = started.elapsed();
    if first.len() != PAGE || first[0].activity_id != rows as i64 {
        return Err(format!(
            "the newest page is wrong: {} entries, newest {:?}",
            first.len(),
            first.first().map(|a| a.activity_id)
        ));
    }
    let newest = page_timed(&engine, None, None)?;
    let deep = page_timed(&engine, None, Some(rows as i64 / 2))?;
    let shares = page_timed(&engine, Some("files_sharing"), None)?;
    let common = search_timed(&engine, "report")?;
    let two_words = search_timed(&engine, "alice budget")?;
    let one_file = search_timed(&engine, &(rows / 2).to_string())?;
    let everything = timed(RUNS, || {
        engine
            .search("holiday", &[], PAGE)
            .map(|hits| hits.len())
            .unwrap_or(0)
    })?;

    let mut out = format!("## Cache at {rows} activities\n\n");
    out.push_str(&format!(
        "A real SQLite file (WAL) in {}, {:.1} MB after the writes. Written through \
         `store::activities::upsert` in pages of {SYNC_PAGE}, one transaction each, FTS5 index \
         included: {} ({:.0} rows/s). Reads through the engine (`Engine::activity_page`, \
         `Engine::search_activity`, `Engine::search`: lock, query, JSON decode of each entry), \
         {RUNS} runs each; the first page after opening: {}.\n\n",
        std::env::temp_dir().display(),
        size as f64 / 1e6,
        human(insert),
        rows as f64 / insert.as_secs_f64(),
        human(cold),
    ));
    out.push_str(
        "| read | rows returned | median | p95 | max | target (p95) | |\n|---|---:|---:|---:|---:|---|---|\n",
    );
    let mut line = |name: &str, (stats, found): (Stats, usize), target: Duration, label: &str| {
        out.push_str(&format!(
            "| {name} | {found} | {} | {} | {} | {label} | {} |\n",
            human(stats.median),
            human(stats.p95),
            human(stats.max),
            verdict(stats.p95 <= target),
        ));
    };
    line("newest page of 50", newest, TARGET_PAGE, "≤ 5 ms");
    line(
        &format!("page of 50 in the middle (`before` = id {})", rows / 2),
        deep,
        TARGET_PAGE,
        "≤ 5 ms",
    );
    line(
        "newest page of 50, filter `files_sharing` (10 % of rows)",
        shares,
        TARGET_PAGE,
        "≤ 5 ms",
    );
    line(
        "search `report` (1 in 12 rows match), newest 50",
        common,
        TARGET_SEARCH,
        "≤ 50 ms",
    );
    line(
        "search `alice budget` (two words, ~1 in 72 rows)",
        two_words,
        TARGET_SEARCH,
        "≤ 50 ms",
    );
    line(
        "search a number in one file name (a few rows)",
        one_file,
        TARGET_SEARCH,
        "≤ 50 ms",
    );
    line(
        "search `holiday` across all kinds (`Engine::search`)",
        everything,
        TARGET_SEARCH,
        "≤ 50 ms",
    );
    out.push('\n');
    Ok(out)
}
