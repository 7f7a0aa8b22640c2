//! An X display of the session's own: a private Xvfb.
//!
//! Tests run side by side. On one shared display their windows pile up at the same place, and
//! WebKit stops painting a page whose window another one covers whole: a WebDriver screenshot
//! of it then waits for a frame that never comes. A display per session keeps every test's
//! windows to itself.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use anyhow::{bail, Context, Result};

/// The screen of every session: the size the window tests and screenshots are made for.
const SCREEN: &str = "1280x800x24";

/// A running Xvfb, killed on drop.
pub struct XDisplay {
    server: Child,
    name: String,
}

impl Drop for XDisplay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

impl XDisplay {
    /// Starts Xvfb on a display number it picks itself (`-displayfd`) and returns once it
    /// accepts clients: Xvfb writes the number only then.
    pub fn start(log: &Path) -> Result<Self> {
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                SCREEN,
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(log)?)
            .spawn()
            .context("starting Xvfb (is the xvfb package installed?)")?;
        let mut stdout = server.stdout.take().expect("stdout is piped");
        let mut number = String::new();
        // Xvfb writes "<number>\n" and keeps stdout open: read up to the newline.
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte)? == 1 && byte[0] != b'\n' {
            number.push(char::from(byte[0]));
        }
        let display = XDisplay {
            server,
            name: format!(":{}", number.trim()),
        };
        if number.trim().parse::<u32>().is_err() {
            bail!(
                "Xvfb did not say which display it serves; see {}",
                log.display()
            );
        }
        Ok(display)
    }

    /// The Xvfb's process id.
    pub fn pid(&self) -> u32 {
        self.server.id()
    }

    /// The value for `DISPLAY`, e.g. `:3`.
    pub fn name(&self) -> &str {
        &self.name
    }
}
