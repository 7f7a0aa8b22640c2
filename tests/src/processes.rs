//! The app's processes in a session, read from /proc: the daemon (`nctray`), the window process
//! (`nctray-windows`) and WebKit's helpers under it. Which of the two is the other's parent
//! depends on who started first (the daemon starts the windows; a window started on its own
//! starts the daemon), so the harness knows them by the session's bus address in their
//! environment, which no process of another test shares. Also the X windows they show.

use std::collections::BTreeSet;
use std::fs;
use std::process::{Command, Stdio};

use anyhow::{anyhow, bail, Result};
use nctray_api::Nctray1Proxy;

use crate::app::RunningApp;
use crate::session::Session;
use crate::wait::{wait_until, wait_until_some};

/// The daemon's process name (`/proc/PID/comm`).
pub const DAEMON: &str = "nctray";
/// The window process's name.
pub const WINDOWS: &str = "nctray-windows";

/// One running process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    pub pid: u32,
    pub parent: u32,
    /// The command name (`/proc/PID/comm`, at most 15 bytes).
    pub name: String,
}

impl Session {
    /// Every live process started inside this session (its bus address in the environment).
    pub fn processes(&self) -> Vec<Process> {
        processes_on_bus(self.bus_address())
    }

    /// The pids of the session's live processes named `name`.
    pub fn pids_named(&self, name: &str) -> BTreeSet<u32> {
        pids_named(self.bus_address(), name)
    }

    /// The pids of the session's window processes (`nctray-windows`).
    pub fn window_processes(&self) -> BTreeSet<u32> {
        self.pids_named(WINDOWS)
    }

    /// The pids of the session's `nctray` processes (the daemon, and any command line running).
    pub fn daemons(&self) -> BTreeSet<u32> {
        self.pids_named(DAEMON)
    }

    /// Whether an X window titled `title` on the session's display belongs to one of the
    /// session's processes.
    pub fn has_window(&self, title: &str) -> bool {
        let ours: BTreeSet<u32> = self.processes().iter().map(|p| p.pid).collect();
        windows_titled(self.display(), title)
            .into_iter()
            .any(|(_, pid)| ours.contains(&pid))
    }
}

impl Session {
    /// The daemon's API on the session's bus.
    pub async fn api(&self) -> Result<Nctray1Proxy<'static>> {
        Ok(Nctray1Proxy::new(&self.connect().await?).await?)
    }

    /// Waits for a window process of the session that is not one of `known` (failing with
    /// `app`'s logs).
    pub async fn new_window_process(&self, known: &BTreeSet<u32>, app: &RunningApp) -> Result<u32> {
        wait_until_some("a new window process", crate::PATIENCE, || {
            let found = self.window_processes().difference(known).next().copied();
            async move { found }
        })
        .await
        .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))
    }

    /// Waits until the session shows a window titled `title`.
    pub async fn wait_for_window(&self, title: &str, app: &RunningApp) -> Result<()> {
        let what = format!("the window {title:?} on the screen");
        wait_until(&what, crate::PATIENCE, || {
            let shown = self.has_window(title);
            async move { shown }
        })
        .await
        .map_err(|error| anyhow!("{error:#}\n{}", app.logs()))
    }
}

/// The pids of the live processes named `name` on the bus at `bus_address`.
pub(crate) fn pids_named(bus_address: &str, name: &str) -> BTreeSet<u32> {
    processes_on_bus(bus_address)
        .into_iter()
        .filter(|p| p.name == name)
        .map(|p| p.pid)
        .collect()
}

pub(crate) fn processes_on_bus(bus_address: &str) -> Vec<Process> {
    let entry = format!("DBUS_SESSION_BUS_ADDRESS={bus_address}");
    all_processes()
        .into_iter()
        .filter(|p| {
            fs::read(format!("/proc/{}/environ", p.pid)).is_ok_and(|environ| {
                environ
                    .split(|byte| *byte == 0)
                    .any(|variable| variable == entry.as_bytes())
            })
        })
        .collect()
}

/// Every live process of the machine (zombies left out: they are gone but for their parent's
/// look at their exit status).
pub fn all_processes() -> Vec<Process> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let (name, state, parent) = stat(pid)?;
            (state != 'Z').then_some(Process { pid, parent, name })
        })
        .collect()
}

/// Whether `pid` runs (exists and is not a zombie).
pub fn is_alive(pid: u32) -> bool {
    stat(pid).is_some_and(|(_, state, _)| state != 'Z')
}

/// Whether `pid` has ended and its parent has collected its exit status (a zombie is not yet):
/// the parent knows then that it is gone.
pub fn is_reaped(pid: u32) -> bool {
    stat(pid).is_none()
}

/// Name, state and parent of `pid` from `/proc/PID/stat`: `pid (name) state ppid …`, where the
/// name may hold spaces and parentheses.
fn stat(pid: u32) -> Option<(String, char, u32)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (open, close) = (stat.find('(')?, stat.rfind(')')?);
    let mut rest = stat[close + 1..].split_whitespace();
    let state = rest.next()?.chars().next()?;
    let parent = rest.next()?.parse().ok()?;
    Some((stat[open + 1..close].to_owned(), state, parent))
}

/// Sends SIGKILL to `pid` (a process the test started, found by its id).
pub fn kill(pid: u32) -> Result<()> {
    let status = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .stderr(Stdio::null())
        .status()?;
    if !status.success() && is_alive(pid) {
        bail!("kill -KILL {pid} failed");
    }
    Ok(())
}

/// The X windows titled `title` (their `_NET_WM_NAME`), with the pid each names as its owner.
fn windows_titled(display: &str, title: &str) -> Vec<(String, u32)> {
    let Ok(tree) = Command::new("xwininfo")
        .args(["-display", display, "-root", "-tree"])
        .output()
    else {
        return Vec::new();
    };
    let name = format!("_NET_WM_NAME(UTF8_STRING) = \"{title}\"");
    String::from_utf8_lossy(&tree.stdout)
        .lines()
        .filter(|line| line.contains("nctray"))
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .filter_map(|window| {
            let out = Command::new("xprop")
                .args([
                    "-display",
                    display,
                    "-id",
                    &window,
                    "_NET_WM_PID",
                    "_NET_WM_NAME",
                ])
                .output()
                .ok()?;
            let props = String::from_utf8_lossy(&out.stdout);
            if !props.lines().any(|line| line == name) {
                return None;
            }
            let pid = props
                .lines()
                .find_map(|line| line.strip_prefix("_NET_WM_PID(CARDINAL) = "))?
                .trim()
                .parse()
                .ok()?;
            Some((window, pid))
        })
        .collect()
}
