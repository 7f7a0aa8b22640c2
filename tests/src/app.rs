//! The app under test: a running tray process, or the output of one CLI invocation.

use std::fmt;
use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};

/// A running `nctray` tray process. Killed on drop; its output goes to log files, which are
/// printed when the test is failing (so that they show up in the test report).
pub struct RunningApp {
    child: Mutex<Child>,
    stdout: PathBuf,
    stderr: PathBuf,
}

impl RunningApp {
    pub(crate) fn spawn(mut command: Command, stdout: PathBuf, stderr: PathBuf) -> Result<Self> {
        command
            .stdout(fs::File::create(&stdout)?)
            .stderr(fs::File::create(&stderr)?);
        let child = command
            .spawn()
            .with_context(|| format!("spawning {:?}", command.get_program()))?;
        Ok(Self {
            child: Mutex::new(child),
            stdout,
            stderr,
        })
    }

    /// The process id of the app.
    pub fn pid(&self) -> u32 {
        self.child.lock().unwrap().id()
    }

    /// Collects the exit status if the process has ended, so it does not linger as a zombie.
    pub(crate) fn reap(&self) {
        let _ = self.child.lock().unwrap().try_wait();
    }

    /// Fails (with the app's logs) if the app has exited.
    pub fn ensure_running(&self) -> Result<()> {
        let status = self.child.lock().unwrap().try_wait()?;
        if let Some(status) = status {
            bail!("the app exited ({status}):\n{}", self.logs());
        }
        Ok(())
    }

    /// Waits until the app has exited by itself (e.g. a fault point aborted it).
    pub async fn wait_for_exit(&self, timeout: std::time::Duration) -> Result<ExitStatus> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.lock().unwrap().try_wait()? {
                return Ok(status);
            }
            if std::time::Instant::now() >= deadline {
                bail!("the app still runs after {timeout:?}:\n{}", self.logs());
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// What the app wrote to stdout and stderr so far.
    pub fn logs(&self) -> String {
        let read = |path: &PathBuf| fs::read_to_string(path).unwrap_or_default();
        format!(
            "--- nctray stdout ({}) ---\n{}--- nctray stderr ({}) ---\n{}",
            self.stdout.display(),
            read(&self.stdout),
            self.stderr.display(),
            read(&self.stderr)
        )
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let child = self
            .child
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let _ = child.kill();
        let _ = child.wait();
        if std::thread::panicking() {
            eprintln!("{}", self.logs());
        }
    }
}

/// The outcome of one command run to completion (`nctray …`, `secret-tool …`).
#[derive(Debug)]
pub struct CliOutput {
    /// The program's file name.
    pub program: String,
    pub args: Vec<String>,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl CliOutput {
    /// Fails (showing the whole output) unless the command exited with 0.
    pub fn success(&self) -> Result<&Self> {
        if !self.status.success() {
            bail!("expected success:\n{self}");
        }
        Ok(self)
    }

    /// Fails (showing the whole output) unless the command exited with a non-zero code.
    pub fn failure(&self) -> Result<&Self> {
        if self.status.success() {
            bail!("expected failure:\n{self}");
        }
        Ok(self)
    }

    /// stdout parsed as one JSON document.
    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_str(&self.stdout)
            .with_context(|| format!("stdout is not one JSON document:\n{self}"))
    }
}

impl fmt::Display for CliOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "$ {} {}\n{}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.program,
            self.args.join(" "),
            self.status,
            self.stdout,
            self.stderr
        )
    }
}
