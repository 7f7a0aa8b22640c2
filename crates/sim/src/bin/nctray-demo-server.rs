//! `nctray-demo-server`: the demo's simulated Nextcloud as a process of its own, so the daemon
//! people run all day does not carry a web server. The daemon starts it for "Try the demo"
//! (or `--demo`), reads the address it prints on its first line, and writes `notify` lines to
//! its standard input for one more demo notification. It ends when its standard input closes,
//! so it never outlives the daemon.

use std::io::BufRead;
use std::time::Duration;

use nctray_sim::{Seed, Sim, SimConfig};

/// A few new demo notifications arrive this far apart, so the popups can be seen; then the
/// demo is quiet until asked for one more.
const NEW_NOTIFICATION_EVERY: Duration = Duration::from_secs(30);
const NEW_NOTIFICATIONS: usize = 3;

fn main() {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("nctray-demo-server: cannot start: {error}");
            std::process::exit(1);
        }
    };
    std::process::exit(runtime.block_on(serve()));
}

async fn serve() -> i32 {
    let sim = match Sim::start(SimConfig {
        seed: Seed::Demo,
        in_process_control_only: true,
        ..SimConfig::default()
    })
    .await
    {
        Ok(sim) => sim,
        Err(error) => {
            eprintln!("nctray-demo-server: cannot listen: {error}");
            return 1;
        }
    };
    sim.spawn_demo_ticker(NEW_NOTIFICATION_EVERY, NEW_NOTIFICATIONS);
    println!("{}", sim.base_url());
    let (lines, mut received) = tokio::sync::mpsc::unbounded_channel();
    // Standard input is read on a thread of its own: blocking reads, ended by EOF.
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    while let Some(line) = received.recv().await {
        match line.trim() {
            "notify" => sim.demo_tick(),
            "" => {}
            other => eprintln!("nctray-demo-server: unknown request {other:?}"),
        }
    }
    sim.shutdown().await;
    0
}
