//! For tests: a private session bus (`dbus-daemon`) and a stand-in for the daemon on it that
//! answers `Invoke` and `FetchImage` and remembers what it was asked.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use nctray_api::{BUS_NAME, OBJECT_PATH};
use serde_json::json;
use zbus::object_server::SignalEmitter;

/// A `dbus-daemon` of its own, stopped on drop.
pub struct PrivateBus {
    daemon: Child,
    address: String,
}

impl PrivateBus {
    pub fn start() -> PrivateBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            // It complains that it may not raise its file limit, which changes nothing here.
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (the dbus package) runs");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        PrivateBus {
            daemon,
            address: address.trim().to_owned(),
        }
    }

    pub async fn connect(&self) -> zbus::Connection {
        zbus::connection::Builder::address(self.address.as_str())
            .unwrap()
            .build()
            .await
            .unwrap()
    }

    /// Serves a [`FakeDaemon`] under the daemon's name; dropping the connection ends it.
    pub async fn serve_fake_daemon(&self, fake: FakeDaemon) -> zbus::Connection {
        zbus::connection::Builder::address(self.address.as_str())
            .unwrap()
            .name(BUS_NAME)
            .unwrap()
            .serve_at(OBJECT_PATH, fake)
            .unwrap()
            .build()
            .await
            .unwrap()
    }
}

/// The signal emitter of the fake daemon served on `served`.
pub async fn emitter(served: &zbus::Connection) -> SignalEmitter<'static> {
    served
        .object_server()
        .interface::<_, FakeDaemon>(OBJECT_PATH)
        .await
        .unwrap()
        .signal_emitter()
        .clone()
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// The daemon's interface as far as the shell uses it: `status_get` echoes its arguments,
/// every other command fails as an unknown one does.
#[derive(Clone, Default)]
pub struct FakeDaemon {
    pub heard: Arc<Mutex<Vec<(String, String)>>>,
}

#[zbus::interface(name = "org.nctray.Nctray1")]
impl FakeDaemon {
    fn invoke(&self, command: &str, args: &str) -> String {
        self.heard
            .lock()
            .unwrap()
            .push((command.to_owned(), args.to_owned()));
        let reply = match command {
            "app_info" => json!({"ok": {"version": "0.1.0", "demo": true, "log_dir": "/tmp"}}),
            "status_get" => {
                json!({"ok": {"echo": serde_json::from_str::<serde_json::Value>(args).unwrap()}})
            }
            _ => json!({"err": {"kind": "invalid", "message": format!("no command {command}")}}),
        };
        reply.to_string()
    }

    #[zbus(signal)]
    pub async fn event(emitter: &SignalEmitter<'_>, name: &str, payload: &str) -> zbus::Result<()>;

    #[zbus(signal)]
    pub async fn window_requested(
        emitter: &SignalEmitter<'_>,
        name: &str,
        x: i32,
        y: i32,
    ) -> zbus::Result<()>;

    fn fetch_image(&self, url: &str) -> zbus::fdo::Result<(Vec<u8>, String)> {
        match url {
            "nctray-img://localhost/avatar/alice" => Ok((b"PNG".to_vec(), "image/png".into())),
            _ => Err(zbus::fdo::Error::Failed("no such image".into())),
        }
    }
}
