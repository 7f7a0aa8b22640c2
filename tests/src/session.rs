//! A private desktop session per test: its own home and XDG folders, X display (Xvfb), D-Bus
//! session bus and gnome-keyring.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use tempfile::TempDir;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

use crate::app::{CliOutput, RunningApp};
use crate::binary::nctray_binary;
use crate::display::XDisplay;
use crate::wait::wait_until;
use crate::watchdog::Watchdog;

/// How long one CLI invocation or session helper may take before it counts as hung.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The password that unlocks the session's login keyring.
const KEYRING_PASSWORD: &str = "e2e-keyring-password";

/// The Secret Service on the session bus, and gnome-keyring's own interface beside it.
const SECRETS: &str = "org.freedesktop.secrets";
const SECRETS_PATH: &str = "/org/freedesktop/secrets";
const SECRET_SERVICE: &str = "org.freedesktop.Secret.Service";
const GNOME_KEYRING: &str = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface";

/// Variables passed through from the caller; everything else is set by the session.
const INHERITED_ENV: &[&str] = &["PATH", "RUST_LOG", "RUST_BACKTRACE"];

/// A bench's `--env NAME=VALUE` argument as the variable and its value for the app.
pub fn env_assignment(argument: &str) -> Result<(String, String)> {
    let (name, value) = argument
        .split_once('=')
        .with_context(|| format!("--env {argument}: expected NAME=VALUE"))?;
    Ok((name.to_owned(), value.to_owned()))
}

/// A private desktop session. Dropping it stops its bus (gnome-keyring leaves with the bus) and
/// its display, and deletes its folders.
pub struct Session {
    bus: BusDaemon,
    display: XDisplay,
    _watchdog: Watchdog,
    bus_address: String,
    logs: AtomicUsize,
    root: PathBuf,
    dir: Option<TempDir>,
}

/// The session's `dbus-daemon`, killed on drop.
struct BusDaemon(Child);

impl Drop for BusDaemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Whatever of the app still runs (a window process the daemon started, a daemon a
        // window process started) would otherwise outlive the test on the shared display.
        for process in self.processes() {
            let _ = crate::processes::kill(process.pid);
        }
        let _ = self.bus.0.kill();
        let _ = self.bus.0.wait();
        let Some(dir) = self.dir.take() else {
            return;
        };
        // gnome-keyring leaves when its bus is gone, and may write its files while it does:
        // try the removal a few times rather than leave a folder behind.
        for _ in 0..20 {
            match fs::remove_dir_all(dir.path()) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => break,
            }
        }
    }
}

impl Session {
    /// Creates the folders, starts the bus and an unlocked gnome-keyring with the Secret Service
    /// on it, and returns once `org.freedesktop.secrets` answers.
    pub async fn start() -> Result<Self> {
        let test = std::thread::current().name().map(str::to_owned);
        let session = tokio::task::spawn_blocking(move || Self::start_blocking(test)).await??;
        let bus = session.connect().await?;
        let dbus = zbus::fdo::DBusProxy::new(&bus).await?;
        let secrets = zbus::names::BusName::try_from("org.freedesktop.secrets")?;
        wait_until(
            "gnome-keyring to own org.freedesktop.secrets",
            crate::PATIENCE,
            || async { dbus.name_has_owner(secrets.clone()).await.unwrap_or(false) },
        )
        .await?;
        Ok(session)
    }

    fn start_blocking(test: Option<String>) -> Result<Self> {
        let dir = tempfile::Builder::new().prefix("nctray-e2e-").tempdir()?;
        let root = dir.path().to_path_buf();
        for sub in [
            "home", "config", "data", "state", "cache", "runtime", "tmp", "logs",
        ] {
            fs::create_dir(root.join(sub))?;
        }
        fs::set_permissions(root.join("runtime"), fs::Permissions::from_mode(0o700))?;

        let socket = root.join("runtime").join("bus");
        let config = root.join("bus.conf");
        fs::write(&config, bus_config(&socket))?;
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(root.join("logs").join("dbus-daemon.log"))?)
            .spawn()
            .context("starting dbus-daemon (is the dbus package installed?)")?;
        let stdout = daemon.stdout.take().expect("stdout is piped");
        let bus = BusDaemon(daemon);
        let display = XDisplay::start(&root.join("logs").join("xvfb.log"))?;
        // dbus-daemon prints its address once it listens.
        let mut address = String::new();
        BufReader::new(stdout).read_line(&mut address)?;
        let bus_address = address.trim().to_owned();
        if bus_address.is_empty() {
            bail!(
                "dbus-daemon exited without printing its address; see {}",
                root.display()
            );
        }

        let keep = std::env::var_os("NCTRAY_E2E_KEEP").is_some();
        let watchdog = Watchdog::start(
            test.as_deref(),
            root.clone(),
            bus_address.clone(),
            vec![bus.0.id(), display.pid()],
        );
        let session = Session {
            bus,
            display,
            _watchdog: watchdog,
            bus_address,
            logs: AtomicUsize::new(0),
            root,
            dir: if keep {
                let _ = dir.keep();
                None
            } else {
                Some(dir)
            },
        };
        if keep {
            eprintln!("keeping the session folder {}", session.root.display());
        }
        session.start_keyring()?;
        Ok(session)
    }

    /// One `gnome-keyring-daemon --daemonize --unlock --components=secrets`: the password on
    /// stdin creates and unlocks the login keyring, and the daemon claims the Secret Service on
    /// our bus. (Two steps, `--unlock` then `--start`, could race under load: a second daemon
    /// took the name over and the first left in the middle of a call.)
    fn start_keyring(&self) -> Result<()> {
        let log = self.root.join("logs").join("gnome-keyring.log");
        let args = ["--daemonize", "--unlock", "--components=secrets"];
        let mut command = self.command("gnome-keyring-daemon");
        command
            .args(args)
            .stdout(Stdio::null())
            .stderr(append(&log)?);
        let status = run_with_timeout(command, Some(KEYRING_PASSWORD), COMMAND_TIMEOUT)
            .context("running gnome-keyring-daemon (is gnome-keyring installed?)")?;
        if !status.success() {
            bail!(
                "gnome-keyring-daemon {args:?} failed ({status}); see {}",
                log.display()
            );
        }
        Ok(())
    }

    /// Locks the login keyring, as a screen locker or `seahorse` does (Secret Service `Lock`).
    pub async fn lock_keyring(&self) -> Result<()> {
        let bus = self.connect().await?;
        let collection = default_collection(&bus).await?;
        let reply = bus
            .call_method(
                Some(SECRETS),
                SECRETS_PATH,
                Some(SECRET_SERVICE),
                "Lock",
                &(vec![collection.clone()],),
            )
            .await
            .context("locking the keyring")?;
        let (locked, _prompt): (Vec<OwnedObjectPath>, OwnedObjectPath) =
            reply.body().deserialize()?;
        if !locked.contains(&collection) {
            bail!("the keyring did not lock {collection:?} (locked: {locked:?})");
        }
        Ok(())
    }

    /// Unlocks the login keyring with its password. The Secret Service's `Unlock` asks a
    /// prompter, which this session lacks; gnome-keyring's own interface takes the password
    /// (in a "plain" session: the bus is private to the test).
    pub async fn unlock_keyring(&self) -> Result<()> {
        let bus = self.connect().await?;
        let collection = default_collection(&bus).await?;
        let reply = bus
            .call_method(
                Some(SECRETS),
                SECRETS_PATH,
                Some(SECRET_SERVICE),
                "OpenSession",
                &("plain", Value::from("")),
            )
            .await
            .context("opening a Secret Service session")?;
        let (_, secret_session): (OwnedValue, OwnedObjectPath) = reply.body().deserialize()?;
        let password = (
            secret_session,
            Vec::<u8>::new(),
            KEYRING_PASSWORD.as_bytes().to_vec(),
            "text/plain",
        );
        bus.call_method(
            Some(SECRETS),
            SECRETS_PATH,
            Some(GNOME_KEYRING),
            "UnlockWithMasterPassword",
            &(collection, password),
        )
        .await
        .context("unlocking the keyring with its password")?;
        Ok(())
    }

    /// The session's root folder (holds `home`, `config`, `data`, `runtime`, `logs`, …).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `$HOME` of the session.
    pub fn home(&self) -> PathBuf {
        self.root.join("home")
    }

    /// `$XDG_CONFIG_HOME` of the session.
    pub fn config_home(&self) -> PathBuf {
        self.root.join("config")
    }

    /// `$XDG_DATA_HOME` of the session.
    pub fn data_home(&self) -> PathBuf {
        self.root.join("data")
    }

    /// `$XDG_STATE_HOME` of the session.
    pub fn state_home(&self) -> PathBuf {
        self.root.join("state")
    }

    /// The tray's log folder, `$XDG_STATE_HOME/nctray/logs`.
    pub fn log_dir(&self) -> PathBuf {
        self.state_home().join("nctray").join("logs")
    }

    /// The files of the session's home, config, data, state and cache folders whose bytes
    /// contain `needle`: where a secret must never be written.
    pub fn files_containing(&self, needle: &str) -> Result<Vec<PathBuf>> {
        fn search(dir: &Path, needle: &[u8], found: &mut Vec<PathBuf>) -> Result<()> {
            if !dir.exists() {
                return Ok(());
            }
            for entry in fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    search(&path, needle, found)?;
                } else if path.is_file()
                    && fs::read(&path)?
                        .windows(needle.len())
                        .any(|window| window == needle)
                {
                    found.push(path);
                }
            }
            Ok(())
        }
        let mut found = Vec::new();
        for dir in ["home", "config", "data", "state", "cache"] {
            search(&self.root.join(dir), needle.as_bytes(), &mut found)?;
        }
        Ok(found)
    }

    /// The app's config file, `$XDG_CONFIG_HOME/nctray/config.json`.
    pub fn config_file(&self) -> PathBuf {
        self.config_home().join("nctray").join("config.json")
    }

    /// The address of the session bus.
    pub fn bus_address(&self) -> &str {
        &self.bus_address
    }

    /// A new connection to the session bus.
    pub async fn connect(&self) -> Result<zbus::Connection> {
        let connection = zbus::connection::Builder::address(self.bus_address.as_str())?
            .build()
            .await
            .context("connecting to the session's bus")?;
        Ok(connection)
    }

    /// The session's X display, the value of its `DISPLAY`.
    pub fn display(&self) -> &str {
        self.display.name()
    }

    /// The environment of every process of the session.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = INHERITED_ENV
            .iter()
            .filter_map(|name| Some((name.to_string(), std::env::var(name).ok()?)))
            .collect();
        let path = |sub: &str| self.root.join(sub).display().to_string();
        env.extend([
            ("HOME".into(), path("home")),
            ("XDG_CONFIG_HOME".into(), path("config")),
            ("XDG_DATA_HOME".into(), path("data")),
            ("XDG_STATE_HOME".into(), path("state")),
            ("XDG_CACHE_HOME".into(), path("cache")),
            ("XDG_RUNTIME_DIR".into(), path("runtime")),
            ("TMPDIR".into(), path("tmp")),
            ("DBUS_SESSION_BUS_ADDRESS".into(), self.bus_address.clone()),
            ("DISPLAY".into(), self.display.name().to_owned()),
            ("LANG".into(), "C.UTF-8".into()),
            // No accessibility bus in the session: keep GTK from looking for one.
            ("NO_AT_BRIDGE".into(), "1".into()),
            ("GDK_BACKEND".into(), "x11".into()),
        ]);
        if !env.iter().any(|(name, _)| name == "RUST_BACKTRACE") {
            env.push(("RUST_BACKTRACE".into(), "1".into()));
        }
        env
    }

    /// A command that runs `program` inside the session (clean environment, session's cwd).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env_clear()
            .envs(self.env())
            .current_dir(self.home())
            .stdin(Stdio::null());
        command
    }

    /// A command that runs the app binary inside the session.
    pub fn nctray(&self) -> Result<Command> {
        Ok(self.command(nctray_binary()?))
    }

    /// A fresh log file under the session's `logs` folder.
    pub(crate) fn log_file(&self, name: &str) -> PathBuf {
        let n = self.logs.fetch_add(1, Ordering::Relaxed);
        self.root.join("logs").join(format!("{n:02}-{name}.log"))
    }

    /// Runs `nctray ARGS` to completion (with `stdin` written to it), capturing its output.
    pub async fn run_nctray(&self, args: &[&str], stdin: Option<&str>) -> Result<CliOutput> {
        self.run(nctray_binary()?, args, stdin).await
    }

    /// Runs `nctray ARGS` to completion with `env` over the session's environment (`LANG`,
    /// `TZ` …), capturing its output.
    pub async fn run_nctray_with_env(
        &self,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<CliOutput> {
        self.run_with_env(nctray_binary()?, args, None, env).await
    }

    /// Runs `program ARGS` inside the session to completion (with `stdin` written to it),
    /// capturing its output; killed if it hangs.
    pub async fn run(
        &self,
        program: impl AsRef<std::ffi::OsStr>,
        args: &[&str],
        stdin: Option<&str>,
    ) -> Result<CliOutput> {
        self.run_with_env(program, args, stdin, &[]).await
    }

    /// Like [`Session::run`], with `env` over the session's environment.
    pub async fn run_with_env(
        &self,
        program: impl AsRef<std::ffi::OsStr>,
        args: &[&str],
        stdin: Option<&str>,
        env: &[(&str, &str)],
    ) -> Result<CliOutput> {
        let program = PathBuf::from(program.as_ref());
        let name = program.file_name().map_or_else(
            || program.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let mut command = self.command(&program);
        command.args(args).envs(env.iter().copied());
        let stdout = self.log_file(&format!("{name}-stdout"));
        let stderr = self.log_file(&format!("{name}-stderr"));
        command
            .stdout(fs::File::create(&stdout)?)
            .stderr(fs::File::create(&stderr)?);
        let stdin = stdin.map(str::to_owned);
        let status = tokio::task::spawn_blocking(move || {
            run_with_timeout(command, stdin.as_deref(), COMMAND_TIMEOUT)
        })
        .await??;
        Ok(CliOutput {
            program: name,
            args: args.iter().map(|arg| arg.to_string()).collect(),
            status,
            stdout: fs::read_to_string(stdout)?,
            stderr: fs::read_to_string(stderr)?,
        })
    }

    /// `nctray account add --server SERVER --login LOGIN --password-stdin`, which must succeed.
    pub async fn add_account(&self, server: &str, login: &str, password: &str) -> Result<()> {
        let output = self.run_account_add(server, login, password, &[]).await?;
        if !output.status.success() {
            bail!("adding the account failed:\n{output}");
        }
        Ok(())
    }

    /// Runs `nctray account add --server SERVER --login LOGIN --password-stdin EXTRA…` with
    /// `password` on standard input, whatever its outcome.
    pub async fn run_account_add(
        &self,
        server: &str,
        login: &str,
        password: &str,
        extra: &[&str],
    ) -> Result<CliOutput> {
        let mut args = vec![
            "account",
            "add",
            "--server",
            server,
            "--login",
            login,
            "--password-stdin",
        ];
        args.extend_from_slice(extra);
        self.run_nctray(&args, Some(password)).await
    }

    /// Sets `poll_interval_secs` in the app's config file (which `account add` created).
    pub fn set_poll_interval(&self, secs: u64) -> Result<()> {
        self.set_config("poll_interval_secs", secs.into())
    }

    /// Sets one top-level key of the app's config file, creating the file when needed.
    pub fn set_config(&self, key: &str, value: serde_json::Value) -> Result<()> {
        let file = self.config_file();
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                fs::create_dir_all(file.parent().unwrap())?;
                "{}".to_owned()
            }
            Err(error) => return Err(error).with_context(|| format!("reading {}", file.display())),
        };
        let mut config: serde_json::Value = serde_json::from_str(&text)?;
        config
            .as_object_mut()
            .ok_or_else(|| anyhow!("{} is not a JSON object: {text}", file.display()))?
            .insert(key.into(), value);
        fs::write(&file, serde_json::to_vec_pretty(&config)?)?;
        Ok(())
    }

    /// Starts the tray app (`nctray` without arguments); it is killed when the result drops.
    pub fn start_tray(&self) -> Result<RunningApp> {
        self.start_tray_with_env(&[])
    }

    /// Like [`Session::start_tray`], with more environment variables.
    pub fn start_tray_with_env(&self, env: &[(&str, &str)]) -> Result<RunningApp> {
        let mut command = self.nctray()?;
        command.envs(env.iter().copied());
        RunningApp::spawn(
            command,
            self.log_file("tray-stdout"),
            self.log_file("tray-stderr"),
        )
    }
}

/// A bus configuration like the standard session bus, but listening in the session's runtime
/// folder and without service activation, so that no daemon of the machine is ever started.
fn bus_config(socket: &Path) -> String {
    format!(
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        socket.display()
    )
}

/// The collection new secrets go to (gnome-keyring: `login`).
async fn default_collection(bus: &zbus::Connection) -> Result<OwnedObjectPath> {
    let reply = bus
        .call_method(
            Some(SECRETS),
            SECRETS_PATH,
            Some(SECRET_SERVICE),
            "ReadAlias",
            &("default",),
        )
        .await
        .context("asking the Secret Service for its default collection")?;
    Ok(reply.body().deserialize()?)
}

fn append(path: &Path) -> Result<fs::File> {
    Ok(fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?)
}

/// Runs `command` with `stdin` written to it; kills it if it is still running after `timeout`.
fn run_with_timeout(
    mut command: Command,
    stdin: Option<&str>,
    timeout: Duration,
) -> Result<ExitStatus> {
    if stdin.is_some() {
        command.stdin(Stdio::piped());
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("spawning {:?}", command.get_program()))?;
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(text.as_bytes())?;
        // Dropping the pipe closes it: the child sees end of input.
    }
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{:?} still ran after {timeout:?}: killed",
                command.get_program()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
