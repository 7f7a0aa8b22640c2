//! The cache and nctray's folders on disk: private modes, damaged and newer files, and what
//! removing an account leaves behind. Real files in a temporary folder.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::Setup;
use nctray_engine::store::{SetAside, Store, SCHEMA_VERSION};
use nctray_engine::{Error, Paths};
use nctray_sim::NewNotification;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The names in `dir` that start with the database's name and `.corrupt-`.
fn set_aside_files(database: &Path) -> Vec<String> {
    let prefix = format!(
        "{}.corrupt-",
        database.file_name().unwrap().to_str().unwrap()
    );
    let mut names: Vec<String> = fs::read_dir(database.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_cache_its_wal_and_shm_and_its_folder_are_the_users_alone() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir
        .path()
        .join("data")
        .join("nctray")
        .join("nctray.sqlite3");
    let store = Store::open(&database).unwrap();
    // The -wal and -shm exist while the database is open.
    for file in [
        database.clone(),
        with_suffix(&database, "-wal"),
        with_suffix(&database, "-shm"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(database.parent().unwrap()), 0o700);
    drop(store);
}

#[test]
fn files_an_earlier_version_left_readable_are_made_private_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
        state_dir: dir.path().join("state"),
    };
    let database = paths.database();
    // An earlier nctray: its cache open (so the -wal and -shm exist), everything 0644/0755.
    let earlier = Store::open(&database).unwrap();
    fs::create_dir_all(&paths.config_dir).unwrap();
    fs::write(paths.config_file(), "{}\n").unwrap();
    fs::create_dir_all(paths.log_dir()).unwrap();
    let log = paths.log_dir().join("nctray.2026-01-01.log");
    fs::write(&log, "a line\n").unwrap();
    let files = [
        database.clone(),
        with_suffix(&database, "-wal"),
        with_suffix(&database, "-shm"),
        paths.config_file(),
        log.clone(),
    ];
    let dirs = [
        paths.config_dir.clone(),
        paths.data_dir.clone(),
        paths.state_dir.clone(),
        paths.log_dir(),
    ];
    for file in &files {
        fs::set_permissions(file, fs::Permissions::from_mode(0o644)).unwrap();
    }
    for dir in &dirs {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }

    // This version starts: the folders are corrected, then the cache is opened.
    paths.make_private().unwrap();
    let store = Store::open(&database).unwrap();

    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    for dir in &dirs {
        assert_eq!(mode(dir), 0o700, "{}", dir.display());
    }
    drop((store, earlier));
}

#[test]
fn a_cache_of_garbage_bytes_is_moved_aside_and_a_fresh_one_made() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("nctray.sqlite3");
    let garbage: Vec<u8> = (0..64 * 1024).map(|i| (i * 7 + 13) as u8).collect();
    fs::write(&database, &garbage).unwrap();

    let (store, set_aside) = Store::open_checked(&database).unwrap();

    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let SetAside { moved_to, reason } = set_aside.expect("the garbage was not set aside");
    assert_eq!(set_aside_files(&database).len(), 1);
    assert_eq!(
        fs::read(&moved_to).unwrap(),
        garbage,
        "the old file must be kept as it was"
    );
    assert!(!reason.is_empty());
    // Opening again finds nothing wrong.
    drop(store);
    let (_, again) = Store::open_checked(&database).unwrap();
    assert_eq!(again, None);
}

#[tokio::test]
async fn a_truncated_cache_is_moved_aside_and_a_fresh_one_made() {
    let setup = Setup::new().await;
    for i in 0..300 {
        setup.control().inject_notification(NewNotification::new(
            "admin",
            format!("Notification number {i} with some text to fill the pages of the cache"),
        ));
    }
    let engine = setup.engine();
    engine.notifications().poll().await.unwrap();
    drop(engine);
    let database = setup.database();
    let full = fs::read(&database).unwrap();
    assert!(
        full.len() > 64 * 1024,
        "too small to truncate: {}",
        full.len()
    );
    fs::write(&database, &full[..full.len() / 2]).unwrap();

    let (store, set_aside) = Store::open_checked(&database).unwrap();

    assert!(set_aside.is_some(), "the truncated cache was used");
    assert_eq!(set_aside_files(&database).len(), 1);
    drop(store);
    // The rebuilt cache works: the engine polls into it as on a first sync.
    let engine = setup.engine();
    let poll = engine.notifications().poll().await.unwrap();
    assert!(poll.first_sync && !poll.new.is_empty());
    assert_eq!(
        engine.notifications().cached().unwrap().len(),
        poll.new.len()
    );
}

#[test]
fn a_cache_written_by_a_newer_nctray_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("nctray.sqlite3");
    drop(Store::open(&database).unwrap());
    set_user_version(&database, SCHEMA_VERSION + 1);
    let before = fs::read(&database).unwrap();

    let error = Store::open_checked(&database)
        .err()
        .expect("a newer cache was used");

    assert!(
        matches!(error, Error::NewerDatabase { found, .. } if found == SCHEMA_VERSION + 1),
        "{error:?}"
    );
    assert!(error.to_string().contains("update nctray"), "{error}");
    assert_eq!(
        fs::read(&database).unwrap(),
        before,
        "the newer cache was changed"
    );
    assert!(set_aside_files(&database).is_empty());
}

/// Sets `user_version` in the file's header (bytes 60..64, big-endian) as a newer nctray
/// would, without this build's migrations running.
fn set_user_version(database: &Path, version: u32) {
    let mut bytes = fs::read(database).unwrap();
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    fs::write(database, bytes).unwrap();
}

#[tokio::test]
async fn removing_an_account_deletes_its_rows_but_remembers_what_popped_up() {
    let setup = Setup::new().await;
    let secret = "Quarterly salaries spreadsheet for zyxwvutsrq";
    setup
        .control()
        .inject_notification(NewNotification::new("admin", secret));
    let engine = setup.engine();
    assert_eq!(engine.notifications().poll().await.unwrap().new.len(), 1);
    engine.refresh_user().await.unwrap();
    let contains_secret = |path: &Path| {
        fs::read(path)
            .is_ok_and(|bytes| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
    };
    let database = setup.database();
    let files = [database.clone(), with_suffix(&database, "-wal")];
    assert!(
        files.iter().any(|f| contains_secret(f)),
        "the test needs the text on disk"
    );

    engine.forget_cache().unwrap();

    assert!(engine.notifications().cached().unwrap().is_empty());
    assert!(engine.search("zyxwvutsrq", &[], 10).unwrap().is_empty());
    for file in &files {
        assert!(
            !contains_secret(file),
            "{} still holds the text",
            file.display()
        );
    }
    drop(engine);
    // Signed in again: the notification is listed but does not pop up a second time.
    let again = setup.engine();
    let poll = again.notifications().poll().await.unwrap();
    assert!(poll.new.is_empty(), "popped up again: {:?}", poll.new);
    assert_eq!(again.notifications().cached().unwrap().len(), 1);
}

#[test]
fn the_cache_commits_without_waiting_for_the_disk_yet_survives_a_crash_of_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("nctray.sqlite3");
    Store::open(&database).unwrap();
    // Another connection reads what the store's connections use: WAL with synchronous NORMAL
    // (1), which keeps every commit across a crash of the process (not across a power cut).
    let reader = rusqlite::Connection::open(&database).unwrap();
    let mode: String = reader
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let store = Store::open(&database).unwrap();
    assert_eq!(store.synchronous().unwrap(), 1);
}
