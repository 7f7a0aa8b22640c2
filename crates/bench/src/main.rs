//! `nctray-bench`: measures nctray against the targets in `docs/benchmarks.md` and prints the
//! results as Markdown tables.
//!
//! ```text
//! cargo build --release -p nctray-engine -p nctray-bench
//! target/release/nctray-bench [traffic] [latency] [cache] [footprint] [options]
//! ```
//!
//! Without a part name every part runs. Options:
//! `--scale N` (traffic: run the intervals N times faster, default 60),
//! `--minutes M` (footprint: how long the engine process idles, default 10),
//! `--samples N` (latency with push and of the open chat, default 15), `--poll-samples N` (latency without push,
//! default 5), `--rows N` (cache rows, default 100000), `--out FILE` (also write the tables).
//!
//! `footprint` runs `nctray-engine` from the directory of this binary (build both in release).

mod cache;
mod footprint;
mod latency;
mod support;
mod traffic;

use std::path::PathBuf;
use std::process::ExitCode;

struct Options {
    parts: Vec<String>,
    scale: u32,
    minutes: u64,
    samples: usize,
    poll_samples: usize,
    rows: usize,
    out: Option<PathBuf>,
}

const PARTS: [&str; 4] = ["traffic", "latency", "cache", "footprint"];

fn options() -> Result<Options, String> {
    let mut options = Options {
        parts: Vec::new(),
        scale: 60,
        minutes: 10,
        samples: 15,
        poll_samples: 5,
        rows: 100_000,
        out: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--scale" => options.scale = number("--scale")?.max(1) as u32,
            "--minutes" => options.minutes = number("--minutes")?.max(1),
            "--samples" => options.samples = number("--samples")?.max(1) as usize,
            "--poll-samples" => options.poll_samples = number("--poll-samples")? as usize,
            "--rows" => options.rows = number("--rows")?.max(100) as usize,
            "--out" => {
                options.out = Some(args.next().ok_or("--out needs a file")?.into());
            }
            part if PARTS.contains(&part) => options.parts.push(part.to_owned()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.parts.is_empty() {
        options.parts = PARTS.iter().map(|p| (*p).to_owned()).collect();
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("nctray-bench: {problem}");
            eprintln!(
                "usage: nctray-bench [traffic] [latency] [cache] [footprint] [--scale N] \
                 [--minutes M] [--samples N] [--poll-samples N] [--rows N] [--out FILE]"
            );
            return ExitCode::from(64);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    match runtime.block_on(run(&options)) {
        Ok(report) => {
            println!("{report}");
            if let Some(out) = &options.out {
                if let Err(error) = std::fs::write(out, &report) {
                    eprintln!("nctray-bench: writing {}: {error}", out.display());
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("nctray-bench: {problem}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: &Options) -> Result<String, String> {
    let wants = |part: &str| options.parts.iter().any(|p| p == part);
    let mut report = String::new();
    // The real-time parts idle side by side: the engine process for its footprint, the
    // in-process engines for the popup latency (they only wait on timers).
    let footprint = async {
        if wants("footprint") {
            Some(footprint::measure(options.minutes).await)
        } else {
            None
        }
    };
    let latency = async {
        if wants("latency") {
            Some(latency::measure(options.samples, options.poll_samples).await)
        } else {
            None
        }
    };
    let (footprint, latency) = tokio::join!(footprint, latency);
    if wants("traffic") {
        report.push_str(&traffic::measure(options.scale).await?);
    }
    if let Some(latency) = latency {
        report.push_str(&latency?);
    }
    if wants("cache") {
        let rows = options.rows;
        let cache = tokio::task::spawn_blocking(move || cache::measure(rows))
            .await
            .map_err(|e| e.to_string())??;
        report.push_str(&cache);
    }
    if let Some(footprint) = footprint {
        report.push_str(&footprint?);
    }
    Ok(report)
}
