//! Runs the headless `nctray-engine` binary as a child process and collects its JSON lines,
//! for the tests that must kill it or read everything it prints.

// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

pub const BINARY: &str = env!("CARGO_BIN_EXE_nctray-engine");

/// How the app password reaches the process.
pub enum Password<'a> {
    Stdin(&'a str),
    Env(&'a str),
}

pub struct EngineProcess {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    stdout: Option<JoinHandle<()>>,
    stderr: Option<JoinHandle<String>>,
}

/// What a finished process printed.
pub struct Finished {
    pub status: ExitStatus,
    /// Every stdout line, parsed.
    pub events: Vec<Value>,
    pub stdout: String,
    pub stderr: String,
}

impl EngineProcess {
    /// Starts `nctray-engine --server … --login … --database … <extra>` with `env` added.
    pub fn spawn(
        server: &str,
        login: &str,
        password: Password<'_>,
        database: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> EngineProcess {
        let mut command = Command::new(BINARY);
        command
            .args(["--server", server, "--login", login, "--database"])
            .arg(database)
            .args(extra)
            .env_remove("NCTRAY_APP_PASSWORD")
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Password::Env(password) = password {
            command.env("NCTRAY_APP_PASSWORD", password);
        }
        let mut child = command.spawn().expect("start nctray-engine");
        let mut stdin = child.stdin.take().unwrap();
        if let Password::Stdin(password) = password {
            stdin.write_all(password.as_bytes()).unwrap();
            stdin.write_all(b"\n").unwrap();
        }
        drop(stdin);

        let lines = Arc::new(Mutex::new(Vec::new()));
        let out = child.stdout.take().unwrap();
        let sink = lines.clone();
        let stdout = std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                sink.lock().unwrap().push(line);
            }
        });
        let mut err = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        EngineProcess {
            child,
            lines,
            stdout: Some(stdout),
            stderr: Some(stderr),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The lines printed so far, parsed (a line that is not JSON fails the test).
    pub fn events(&self) -> Vec<Value> {
        let lines = self.lines.lock().unwrap().clone();
        lines.iter().map(|l| parse(l)).collect()
    }

    /// Waits until some printed line satisfies `pick`; false after `limit`.
    pub async fn wait_for(&self, limit: Duration, pick: impl Fn(&Value) -> bool) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            if self.events().iter().any(&pick) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// SIGKILL: no destructor, no flush, no chance to finish a transaction.
    pub fn kill(mut self) -> Finished {
        let _ = self.child.kill();
        self.finish()
    }

    /// SIGTERM, then waits for the process to end.
    pub fn terminate(self) -> Finished {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        self.wait()
    }

    /// Waits for the process to end by itself.
    pub fn wait(self) -> Finished {
        self.finish()
    }

    fn finish(mut self) -> Finished {
        let status = self.child.wait().expect("wait for nctray-engine");
        if let Some(reader) = self.stdout.take() {
            let _ = reader.join();
        }
        let stderr = self
            .stderr
            .take()
            .map(|reader| reader.join().unwrap_or_default())
            .unwrap_or_default();
        let lines = self.lines.lock().unwrap().clone();
        Finished {
            status,
            events: lines.iter().map(|l| parse(l)).collect(),
            stdout: lines.join("\n"),
            stderr,
        }
    }
}

impl Drop for EngineProcess {
    fn drop(&mut self) {
        // A failing test must not leave the engine running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(line: &str) -> Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}"))
}

/// The notification ids of the individual popups among `events`.
pub fn popup_ids(events: &[Value]) -> Vec<i64> {
    events
        .iter()
        .filter(|e| e["event"] == "popup")
        .filter_map(|e| e["notification_id"].as_i64())
        .collect()
}

/// Every notification the popups and summaries among `events` showed, once per showing.
pub fn shown_ids(events: &[Value]) -> Vec<i64> {
    let mut ids = popup_ids(events);
    for summary in events.iter().filter(|e| e["event"] == "summary") {
        let counted = summary["notification_ids"].as_array().expect("summary ids");
        ids.extend(counted.iter().filter_map(Value::as_i64));
    }
    ids
}
