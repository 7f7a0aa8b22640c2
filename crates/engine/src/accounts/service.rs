//! What the running app works on: one engine per account with its sync, the account the
//! windows show, and (in demo mode) the built-in server. Part of the daemon's `App`, shared by
//! tray and commands; accounts come and go, and their syncs start and stop, while the app runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::{
    supervise, Account, AccountState, Engine, EngineEvent, ErrorKind, ErrorReport, IdleSource,
    Paths, SyncConfig,
};
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinHandle;

use super::config::AppConfig;
use super::demo::{self, DemoServer};
use super::opened::opened;
use super::secrets::KeyringError;

/// The demo server answers on loopback, so it may be polled often without cost.
const DEMO_POLL_EVERY: Duration = Duration::from_secs(5);

/// An engine event and the account's engine it came from.
pub struct Event {
    pub engine: Arc<Engine>,
    pub event: EngineEvent,
}

/// One account while the app runs.
struct Signed {
    engine: Arc<Engine>,
    /// The running sync; `None` while paused (or not started yet).
    sync: Option<JoinHandle<()>>,
    /// The last connection state its sync reported.
    state: Option<AccountState>,
}

impl Signed {
    fn key(&self) -> String {
        self.engine.account().key()
    }

    fn stop(&mut self) {
        if let Some(task) = self.sync.take() {
            task.abort();
        }
        self.state = None;
    }
}

/// Configured accounts not opened yet: the keyring has not given their app passwords.
#[derive(Debug, Clone, Default)]
pub struct KeyringWait {
    pub accounts: Vec<Account>,
    /// Why not; `None` while the keyring is being asked.
    pub problem: Option<KeyringError>,
}

#[derive(Default)]
struct List {
    /// In the order of the config file; the first is the primary (the tray follows it).
    list: Vec<Signed>,
    /// The account the windows show; the primary when unset or gone.
    current: Option<String>,
}

impl List {
    fn find(&mut self, key: &str) -> Result<&mut Signed, ErrorReport> {
        self.list
            .iter_mut()
            .find(|signed| signed.key() == key)
            .ok_or_else(|| not_found(key))
    }
}

pub struct Accounts {
    accounts: Mutex<List>,
    /// The app's own sync settings (the demo polls faster), before the user's choices.
    base_sync: SyncConfig,
    sync: Mutex<SyncConfig>,
    idle: Arc<dyn IdleSource>,
    events: UnboundedSender<Event>,
    /// The built-in demo server while the demo runs (`--demo` or "Try the demo").
    demo: Mutex<Option<DemoServer>>,
    keyring_wait: Mutex<KeyringWait>,
    /// The quick chat is open (it shows the current account).
    chat_open: AtomicBool,
}

impl Accounts {
    /// The accounts of `engines` (none syncing yet) and the receiver of every account's events.
    pub fn new(
        engines: Vec<Arc<Engine>>,
        sync: SyncConfig,
        idle: Arc<dyn IdleSource>,
    ) -> (Self, UnboundedReceiver<Event>) {
        let (events, received) = mpsc::unbounded_channel();
        let list = engines
            .into_iter()
            .map(|engine| Signed {
                engine,
                sync: None,
                state: None,
            })
            .collect();
        let accounts = Self {
            accounts: Mutex::new(List {
                list,
                current: None,
            }),
            base_sync: sync.clone(),
            sync: Mutex::new(sync),
            idle,
            events,
            demo: Mutex::new(None),
            keyring_wait: Mutex::new(KeyringWait::default()),
            chat_open: AtomicBool::new(false),
        };
        (accounts, received)
    }

    fn accounts(&self) -> MutexGuard<'_, List> {
        // Nothing here is left half-changed by a panic: a poisoned lock is safe to use.
        self.accounts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The configured accounts still waiting for the keyring, and why.
    pub fn keyring_wait(&self) -> KeyringWait {
        self.keyring_wait
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn set_keyring_wait(&self, wait: KeyringWait) {
        *self.keyring_wait.lock().unwrap_or_else(|e| e.into_inner()) = wait;
    }

    /// Every account's engine, primary first.
    pub fn engines(&self) -> Vec<Arc<Engine>> {
        self.accounts()
            .list
            .iter()
            .map(|signed| signed.engine.clone())
            .collect()
    }

    /// The first account: the tray icon shows its status.
    pub fn primary(&self) -> Option<Arc<Engine>> {
        self.accounts()
            .list
            .first()
            .map(|signed| signed.engine.clone())
    }

    pub fn is_primary(&self, key: &str) -> bool {
        self.primary()
            .is_some_and(|engine| engine.account().key() == key)
    }

    /// The account the windows show, or an error the UI can show when there is none.
    pub fn current(&self) -> Result<Arc<Engine>, ErrorReport> {
        let accounts = self.accounts();
        let wanted = accounts.current.as_deref();
        accounts
            .list
            .iter()
            .find(|signed| Some(signed.key().as_str()) == wanted)
            .or_else(|| accounts.list.first())
            .map(|signed| signed.engine.clone())
            .ok_or_else(|| ErrorReport {
                kind: ErrorKind::NoAccount,
                message: "No account is signed in. Add one in Accounts and settings.".into(),
            })
    }

    /// Makes the account with `key` (login@origin) the one the windows show.
    pub fn switch_to(&self, key: &str) -> Result<(), ErrorReport> {
        {
            let mut accounts = self.accounts();
            accounts.find(key)?;
            accounts.current = Some(key.to_owned());
        }
        self.tell_interest();
        Ok(())
    }

    /// The quick chat opened or closed: the sync of the account it shows keeps the room list
    /// fresh while it is open.
    pub fn set_chat_open(&self, open: bool) {
        self.chat_open.store(open, Ordering::SeqCst);
        self.tell_interest();
    }

    /// Tells every account's sync what the windows show of it.
    fn tell_interest(&self) {
        let open = self.chat_open.load(Ordering::SeqCst);
        let shown = self.current().ok();
        for engine in self.engines() {
            let is_shown = shown
                .as_ref()
                .is_some_and(|shown| Arc::ptr_eq(shown, &engine));
            engine.set_chat_open(open && is_shown);
        }
    }

    /// Adds an account (its sync not started); refused when it is already there.
    pub fn add(&self, engine: Arc<Engine>) -> Result<(), ErrorReport> {
        let key = engine.account().key();
        let mut accounts = self.accounts();
        if accounts.list.iter().any(|signed| signed.key() == key) {
            return Err(already_signed_in(&key));
        }
        opened(&engine);
        accounts.list.push(Signed {
            engine,
            sync: None,
            state: None,
        });
        drop(accounts);
        self.tell_interest();
        Ok(())
    }

    /// Stops the account's sync and forgets it; returns its engine when it was there. The
    /// windows fall back to the primary account when it was the one they showed.
    pub fn remove(&self, key: &str) -> Option<Arc<Engine>> {
        let mut accounts = self.accounts();
        let index = accounts
            .list
            .iter()
            .position(|signed| signed.key() == key)?;
        let mut removed = accounts.list.remove(index);
        removed.stop();
        if accounts.current.as_deref() == Some(key) {
            accounts.current = None;
        }
        drop(accounts);
        self.tell_interest();
        Some(removed.engine)
    }

    /// Starts the account's sync (a running one is left alone).
    pub fn start_sync(&self, key: &str) -> Result<(), ErrorReport> {
        let config = self.sync_config();
        let mut accounts = self.accounts();
        let signed = accounts.find(key)?;
        if signed.sync.is_none() {
            tracing::info!("{key}: the sync starts");
            signed.sync = Some(self.spawn_sync(signed.engine.clone(), config));
        }
        Ok(())
    }

    /// Stops the account's sync; its cache stays readable.
    pub fn stop_sync(&self, key: &str) -> Result<(), ErrorReport> {
        self.accounts().find(key)?.stop();
        Ok(())
    }

    /// Whether the account's sync runs (false while paused or after the server refused the
    /// app password).
    pub fn is_syncing(&self, key: &str) -> bool {
        self.accounts()
            .find(key)
            .is_ok_and(|signed| signed.sync.as_ref().is_some_and(|task| !task.is_finished()))
    }

    /// Remembers the connection state the account's sync reported.
    pub fn note_state(&self, key: &str, state: AccountState) {
        if let Ok(signed) = self.accounts().find(key) {
            signed.state = Some(state);
        }
    }

    /// The connection state last reported by the account's sync.
    pub fn state(&self, key: &str) -> Option<AccountState> {
        self.accounts().find(key).ok().and_then(|s| s.state.clone())
    }

    pub fn sync_config(&self) -> SyncConfig {
        self.sync.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The user's settings on top of the app's own: the running syncs restart with them.
    pub fn follow(&self, config: &AppConfig) {
        self.set_sync_config(config.sync_config(self.base_sync.clone()));
    }

    /// New sync settings: the running syncs restart with them, paused ones stay paused.
    pub fn set_sync_config(&self, config: SyncConfig) {
        {
            let mut current = self.sync.lock().unwrap_or_else(|e| e.into_inner());
            if *current == config {
                return;
            }
            *current = config.clone();
        }
        let mut accounts = self.accounts();
        for signed in accounts.list.iter_mut().filter(|s| s.sync.is_some()) {
            signed.stop();
            signed.sync = Some(self.spawn_sync(signed.engine.clone(), config.clone()));
        }
    }

    fn demo(&self) -> MutexGuard<'_, Option<DemoServer>> {
        self.demo.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `account` lives on the built-in demo server (and so only as long as the app).
    pub fn is_demo(&self, account: &Account) -> bool {
        self.demo()
            .as_ref()
            .is_some_and(|demo| demo.account.origin() == account.origin())
    }

    /// Whether the demo runs.
    pub fn demo_running(&self) -> bool {
        self.demo().is_some()
    }

    /// The demo server's address while the demo runs.
    pub fn demo_server(&self) -> Option<String> {
        self.demo().as_ref().map(|demo| demo.account.server.clone())
    }

    /// Starts the built-in demo server with a fresh cache and adds its account, syncing;
    /// returns its engine. A second call while the demo runs returns the running one.
    pub async fn start_demo(&self, paths: &Paths) -> Result<Arc<Engine>, ErrorReport> {
        if let Some(engine) = self.demo_engine() {
            return Ok(engine);
        }
        let server = DemoServer::start().await.map_err(ErrorReport::internal)?;
        demo::reset_demo_database(paths);
        let engine = Arc::new(Engine::open(
            server.account.clone(),
            server.app_password(),
            &DemoServer::database(paths),
        )?);
        let lost_race = {
            let mut running = self.demo();
            let lost = running.is_some();
            if !lost {
                *running = Some(server);
            }
            lost
        };
        if lost_race {
            // Another call started the demo meanwhile; this server goes.
            return self.demo_engine().ok_or_else(|| not_found("demo"));
        }
        self.add(engine.clone())?;
        self.start_sync(&engine.account().key())?;
        tracing::info!("the demo runs against the built-in server");
        Ok(engine)
    }

    /// Ends the demo: its accounts and the server go (a real account was signed in).
    pub fn end_demo(&self) {
        let Some(server) = self.demo().take() else {
            return;
        };
        let origin = server.account.origin();
        let demo_keys: Vec<String> = self
            .engines()
            .iter()
            .filter(|engine| engine.account().origin() == origin)
            .map(|engine| engine.account().key())
            .collect();
        for key in demo_keys {
            self.remove(&key);
        }
        tracing::info!("the demo ended");
    }

    /// One more demo notification, when the demo runs.
    pub fn demo_notify(&self) {
        if let Some(server) = self.demo().as_ref() {
            server.notify();
        }
    }

    fn demo_engine(&self) -> Option<Arc<Engine>> {
        self.engines()
            .into_iter()
            .find(|engine| self.is_demo(engine.account()))
    }

    fn spawn_sync(&self, engine: Arc<Engine>, mut config: SyncConfig) -> JoinHandle<()> {
        if self.is_demo(engine.account()) {
            config.notifications_every = Some(DEMO_POLL_EVERY);
        }
        let forward = self.events.clone();
        let idle = self.idle.clone();
        tokio::spawn(async move {
            let (events, mut received) = mpsc::unbounded_channel();
            let relay = async {
                while let Some(event) = received.recv().await {
                    let tagged = Event {
                        engine: engine.clone(),
                        event,
                    };
                    if forward.send(tagged).is_err() {
                        return;
                    }
                }
            };
            tokio::join!(supervise(engine.clone(), config, idle, events), relay);
        })
    }
}

pub(super) fn already_signed_in(key: &str) -> ErrorReport {
    ErrorReport {
        kind: ErrorKind::Exists,
        message: format!("{key} is already signed in."),
    }
}

pub(super) fn not_found(key: &str) -> ErrorReport {
    ErrorReport {
        kind: ErrorKind::NotFound,
        message: format!("No account {key} is signed in."),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::NeverIdle;
    use nctray_sim::{Sim, SimConfig};

    use super::*;

    fn engine(sim: &Sim, dir: &tempfile::TempDir, user: &str) -> Arc<Engine> {
        let account = Account {
            server: sim.base_url(),
            login_name: user.into(),
            ..Default::default()
        };
        let password = format!("{user}-app-password");
        Arc::new(Engine::open(account, password, &dir.path().join("cache.sqlite3")).unwrap())
    }

    fn accounts(engines: Vec<Arc<Engine>>) -> (Accounts, UnboundedReceiver<Event>) {
        let sync = SyncConfig {
            notifications_every: Some(Duration::from_millis(100)),
            push: false,
            ..SyncConfig::default()
        };
        Accounts::new(engines, sync, Arc::new(NeverIdle))
    }

    fn requests_of(sim: &Sim, user: &str) -> usize {
        sim.control()
            .requests()
            .iter()
            .filter(|r| r.user.as_deref() == Some(user))
            .count()
    }

    async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(std::time::Instant::now() < deadline, "waited for {what}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_paused_account_sends_nothing_until_it_is_resumed() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let admin = engine(&sim, &dir, "admin");
        let key = admin.account().key();
        let (accounts, mut events) = accounts(vec![admin]);

        accounts.start_sync(&key).unwrap();
        let first = tokio::time::timeout(Duration::from_secs(10), events.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(first.engine.account().key(), key);
        assert!(accounts.is_syncing(&key));

        accounts.stop_sync(&key).unwrap();
        assert!(!accounts.is_syncing(&key));
        // Requests already on the wire may still arrive; then nothing more.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let paused_at = requests_of(&sim, "admin");
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert_eq!(requests_of(&sim, "admin"), paused_at);

        accounts.start_sync(&key).unwrap();
        wait_for("the resumed sync", || {
            requests_of(&sim, "admin") > paused_at
        })
        .await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_windows_follow_a_switch_and_fall_back_when_the_account_goes() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (admin, bob) = (engine(&sim, &dir, "admin"), engine(&sim, &dir, "bob"));
        let (admin_key, bob_key) = (admin.account().key(), bob.account().key());
        let (accounts, _events) = accounts(vec![admin]);
        assert_eq!(accounts.current().unwrap().account().key(), admin_key);

        accounts.add(bob.clone()).unwrap();
        assert_eq!(accounts.add(bob).unwrap_err().kind, ErrorKind::Exists);
        accounts.switch_to(&bob_key).unwrap();
        assert_eq!(accounts.current().unwrap().account().key(), bob_key);
        assert!(accounts.is_primary(&admin_key) && !accounts.is_primary(&bob_key));
        assert_eq!(
            accounts.switch_to("nobody@x").unwrap_err().kind,
            ErrorKind::NotFound
        );

        accounts.start_sync(&bob_key).unwrap();
        assert!(accounts.remove(&bob_key).is_some());
        assert_eq!(accounts.current().unwrap().account().key(), admin_key);
        assert!(accounts.remove(&bob_key).is_none());
        assert!(accounts.remove(&admin_key).is_some());
        assert_eq!(
            accounts.current().err().map(|e| e.kind),
            Some(ErrorKind::NoAccount)
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_open_quick_chat_tells_the_sync_of_the_account_it_shows_and_follows_a_switch() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (admin, bob) = (engine(&sim, &dir, "admin"), engine(&sim, &dir, "bob"));
        let (accounts, _events) = accounts(vec![admin.clone(), bob.clone()]);
        let chat_open = |engine: &Engine| engine.sync_interest().chat_open;
        assert!(!chat_open(&admin) && !chat_open(&bob));

        accounts.set_chat_open(true);
        assert!(chat_open(&admin) && !chat_open(&bob));
        accounts.switch_to(&bob.account().key()).unwrap();
        assert!(!chat_open(&admin) && chat_open(&bob));
        accounts.remove(&bob.account().key());
        assert!(
            chat_open(&admin),
            "the chat falls back to the primary account"
        );

        accounts.set_chat_open(false);
        assert!(!chat_open(&admin));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn new_sync_settings_restart_running_syncs_and_leave_paused_ones_paused() {
        let sim = Sim::start(SimConfig::default()).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (admin, bob) = (engine(&sim, &dir, "admin"), engine(&sim, &dir, "bob"));
        let (admin_key, bob_key) = (admin.account().key(), bob.account().key());
        let (accounts, _events) = accounts(vec![admin, bob]);
        accounts.start_sync(&admin_key).unwrap();

        let mut changed = accounts.sync_config();
        changed.silent_apps = vec!["spreed".into()];
        accounts.set_sync_config(changed.clone());
        assert_eq!(accounts.sync_config(), changed);
        assert!(accounts.is_syncing(&admin_key));
        assert!(!accounts.is_syncing(&bob_key));
        wait_for("admin's restarted sync", || requests_of(&sim, "admin") > 0).await;
        assert_eq!(requests_of(&sim, "bob"), 0);
    }
}
