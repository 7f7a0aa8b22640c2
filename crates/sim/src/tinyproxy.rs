//! A real HTTP proxy for tests (feature `test-support`): Debian's tinyproxy on a free loopback
//! port, with a log file that tells which requests went through it.

use std::io;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running tinyproxy; stopped when dropped.
pub struct Tinyproxy {
    port: u16,
    child: Option<Child>,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tinyproxy {
    /// Starts tinyproxy on 127.0.0.1, allowing only 127.0.0.1, and waits until it listens.
    pub fn start() -> io::Result<Tinyproxy> {
        Self::start_with(None)
    }

    /// Like [`Tinyproxy::start`], letting through only requests with this login (HTTP Basic
    /// in `Proxy-Authorization`, as company proxies ask).
    pub fn start_with_login(login: &str, password: &str) -> io::Result<Tinyproxy> {
        Self::start_with(Some((login, password)))
    }

    fn start_with(login: Option<(&str, &str)>) -> io::Result<Tinyproxy> {
        let dir = tempfile::tempdir()?;
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
            .local_addr()?
            .port();
        let log = dir.path().join("tinyproxy.log");
        let config = dir.path().join("tinyproxy.conf");
        let mut settings = format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\nLogLevel Info\n\
             LogFile \"{}\"\nPidFile \"{}\"\n",
            log.display(),
            dir.path().join("tinyproxy.pid").display()
        );
        if let Some((login, password)) = login {
            settings.push_str(&format!("BasicAuth {login} {password}\n"));
        }
        std::fs::write(&config, settings)?;
        let child = Command::new("tinyproxy")
            .arg("-d")
            .arg("-c")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| io::Error::new(e.kind(), format!("starting tinyproxy: {e}")))?;
        let mut proxy = Tinyproxy {
            port,
            child: Some(child),
            log,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            if Instant::now() > deadline {
                proxy.stop();
                return Err(io::Error::other("tinyproxy did not start listening"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(proxy)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The request lines tinyproxy logged, e.g. `GET http://127.0.0.1:4711/ocs/… HTTP/1.1` or
    /// `CONNECT 127.0.0.1:4711 HTTP/1.1`.
    pub fn requests(&self) -> Vec<String> {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        log.lines()
            .filter_map(|line| {
                line.split_once("): ")
                    .filter(|_| line.contains("Request ("))
            })
            .map(|(_, request)| request.trim().to_owned())
            .collect()
    }

    /// Stops the proxy and waits until it is gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Tinyproxy {
    fn drop(&mut self) {
        self.stop();
    }
}
