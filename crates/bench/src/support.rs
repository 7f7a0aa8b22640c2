//! What the measurements share: an account on a simulated server, statistics, formatting.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use nctray_engine::{Account, Engine, EngineEvent};
use nctray_sim::{Sim, SimConfig};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::{timeout, Instant};

pub const LOGIN: &str = "admin";
pub const APP_PASSWORD: &str = "admin-app-password";

/// A simulated server (with or without notify_push).
pub async fn sim(push: bool) -> Result<Sim, String> {
    Sim::start(SimConfig {
        push,
        ..SimConfig::default()
    })
    .await
    .map_err(|e| format!("starting the simulator: {e}"))
}

/// The engine of the seeded account on `sim`, caching in `database`.
pub fn engine(sim: &Sim, database: &Path) -> Result<Arc<Engine>, String> {
    Engine::open(
        Account {
            server: sim.base_url(),
            login_name: LOGIN.into(),
            ..Default::default()
        },
        APP_PASSWORD.to_owned(),
        database,
    )
    .map(Arc::new)
    .map_err(|e| format!("opening the engine: {e}"))
}

/// The next event that `pick` accepts, within `limit`.
pub async fn next_matching<T>(
    events: &mut UnboundedReceiver<EngineEvent>,
    limit: Duration,
    mut pick: impl FnMut(&EngineEvent) -> Option<T>,
) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        let event = timeout(
            deadline.saturating_duration_since(Instant::now()),
            events.recv(),
        )
        .await
        .ok()??;
        if let Some(found) = pick(&event) {
            return Some(found);
        }
    }
}

/// Polls `ready` every 20 ms until it holds; false after `limit`.
pub async fn wait_until(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while !ready() {
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    true
}

/// Median, 95th percentile, mean and maximum of some durations.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub count: usize,
    pub median: Duration,
    pub p95: Duration,
    pub mean: Duration,
    pub max: Duration,
}

impl Stats {
    pub fn of(samples: &[Duration]) -> Stats {
        let mut sorted = samples.to_vec();
        sorted.sort();
        let at = |q: f64| {
            let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
            sorted.get(index).copied().unwrap_or_default()
        };
        let total: Duration = sorted.iter().sum();
        Stats {
            count: sorted.len(),
            median: at(0.5),
            p95: at(0.95),
            mean: total / u32::try_from(sorted.len().max(1)).unwrap_or(u32::MAX),
            max: sorted.last().copied().unwrap_or_default(),
        }
    }
}

/// `1.23 ms`, `456 µs`, `12.3 s`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs >= 1.0 {
        format!("{secs:.2} s")
    } else if secs >= 0.001 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{:.0} µs", secs * 1e6)
    }
}

/// `met` / `**missed**`, for the verdict column.
pub fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

/// xorshift64*, seeded from the clock: random offsets for latency samples.
pub struct Rng(u64);

impl Rng {
    pub fn from_clock() -> Rng {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        Rng(nanos.max(1))
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}
