//! The last guard against a hung test: a session that still runs after [`LIMIT`] ends the whole
//! test binary with a message naming its folder. Every wait of the harness has its own deadline;
//! this catches what none of them covers, so that one hang costs minutes and says where,
//! instead of holding the run until CI's own limit.

use std::path::PathBuf;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::time::Duration;

use crate::processes::{kill, processes_on_bus};

/// Far beyond the slowest test (the 50-kill test takes under 2 minutes on 2 busy cores).
const LIMIT: Duration = Duration::from_secs(10 * 60);
/// Sets another limit, in seconds (the harness's own test of the watchdog).
const LIMIT_VAR: &str = "NCTRAY_E2E_TEST_LIMIT_SECS";

fn limit() -> Duration {
    std::env::var(LIMIT_VAR)
        .ok()
        .and_then(|secs| secs.parse().ok())
        .map_or(LIMIT, Duration::from_secs)
}

/// Dropping it (with the session) calls the watch off.
pub struct Watchdog {
    _done: Sender<()>,
}

impl Watchdog {
    /// Watches the test `test` (the name of its thread: the test harness runs each test on a
    /// thread named after it). A program's `main` thread is not watched: the benchmarks run
    /// for as long as they measure.
    /// On a hang it kills the session's processes (those on its bus, and `servers`: the bus
    /// and the display) before it ends the binary, which leaves no destructor to run.
    pub fn start(
        test: Option<&str>,
        session_root: PathBuf,
        bus_address: String,
        servers: Vec<u32>,
    ) -> Watchdog {
        let (done, ended) = channel::<()>();
        let Some(test) = test.filter(|name| *name != "main").map(str::to_owned) else {
            return Watchdog { _done: done };
        };
        let limit = limit();
        std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = ended.recv_timeout(limit) {
                eprintln!(
                    "{test} still runs after {limit:?}: it hangs. Its session is {} \
                     (logs/ holds what the app and the drivers wrote). Ending the test binary.",
                    session_root.display()
                );
                let session = processes_on_bus(&bus_address).into_iter().map(|p| p.pid);
                for pid in session.chain(servers) {
                    let _ = kill(pid);
                }
                std::process::exit(3);
            }
        });
        Watchdog { _done: done }
    }
}
