//! Status changes and the restore of an overwritten status, through the engine.

mod common;

use common::Setup;
use nctray_engine::nextcloud::StatusType;

#[tokio::test]
async fn a_predefined_message_is_set_with_its_clear_at_and_cleared_again() {
    let Setup { sim, dir } = Setup::new().await;
    let engine = common::engine(&sim, &dir);

    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let snapshot = engine.status().set_predefined("meeting").await.unwrap();
    let own = snapshot.own.as_ref().unwrap();
    assert_eq!(own.message_id.as_deref(), Some("meeting"));
    assert_eq!(own.message.as_deref(), Some("In a meeting"));
    let clear_at = own.clear_at.expect("meeting clears after an hour");
    assert!(
        (before + 3590..=before + 3700).contains(&clear_at),
        "{clear_at}"
    );
    assert_eq!(snapshot.predefined.len(), 6);

    let cleared = engine.status().clear_message().await.unwrap();
    assert_eq!(cleared.own.unwrap().message, None);

    let unknown = engine.status().set_predefined("lunch").await.unwrap_err();
    assert!(unknown.to_string().contains("meeting"), "{unknown}");
}

#[tokio::test]
async fn the_status_a_call_overwrote_is_offered_and_restored() {
    let Setup { sim, dir } = Setup::new().await;
    let engine = common::engine(&sim, &dir);

    let dnd = engine.status().set(StatusType::Dnd).await.unwrap();
    assert_eq!(dnd.status_type(), StatusType::Dnd);
    assert_eq!(dnd.restorable_message_id(), None);
    assert!(engine
        .status()
        .restore()
        .await
        .unwrap_err()
        .to_string()
        .contains("no previous status"));

    assert!(sim.control().start_call("admin"));
    let in_call = engine.status().refresh().await.unwrap();
    assert_eq!(in_call.status_type(), StatusType::Busy);
    assert_eq!(in_call.restorable_message_id(), Some("call"));

    let restored = engine.status().restore().await.unwrap();
    assert_eq!(restored.status_type(), StatusType::Dnd);
    assert_eq!(restored.backup, None);
    assert_eq!(sim.control().own_status("admin").unwrap()["status"], "dnd");

    // The cache keeps the last snapshot for the next start.
    drop(engine);
    let cached = common::engine(&sim, &dir)
        .status()
        .cached()
        .unwrap()
        .unwrap();
    assert_eq!(cached.status_type(), StatusType::Dnd);
}

#[tokio::test]
async fn a_preset_is_saved_applied_in_one_step_and_removed() {
    use nctray_engine::StatusPreset;
    let Setup { sim, dir } = Setup::new().await;
    let engine = common::engine(&sim, &dir);
    let focus = StatusPreset {
        name: "Focus".into(),
        status: StatusType::Dnd,
        icon: Some("🎧".into()),
        message: Some("Heads down".into()),
        clear_after_secs: Some(7200),
    };
    engine.status().save_preset(&focus).unwrap();
    let too_long = StatusPreset {
        message: Some("x".repeat(81)),
        ..focus.clone()
    };
    assert!(engine.status().save_preset(&too_long).is_err());
    assert_eq!(
        engine.status().presets().unwrap(),
        std::slice::from_ref(&focus)
    );

    let applied = engine.status().apply_preset("Focus").await.unwrap();
    let own = applied.own.unwrap();
    assert_eq!(own.status, StatusType::Dnd);
    assert_eq!(own.icon.as_deref(), Some("🎧"));
    assert_eq!(own.message.as_deref(), Some("Heads down"));
    assert!(own.clear_at.is_some());
    let server = sim.control().own_status("admin").unwrap();
    assert_eq!(server["status"], "dnd");
    assert_eq!(server["message"], "Heads down");

    // Presets survive a restart (they are in the cache file) and can be removed.
    drop(engine);
    let engine = common::engine(&sim, &dir);
    assert_eq!(engine.status().presets().unwrap().len(), 1);
    engine.status().remove_preset("Focus").unwrap();
    assert!(engine.status().presets().unwrap().is_empty());
    assert!(engine.status().remove_preset("Focus").is_err());
}

#[tokio::test]
async fn the_users_display_name_and_quota_are_cached_for_offline_starts() {
    let Setup { sim, dir } = Setup::new().await;
    let engine = common::engine(&sim, &dir);
    let user = engine.refresh_user().await.unwrap();
    assert_eq!(user.user_id, "admin");
    assert!(user.quota_used > 0, "{user:?}");

    sim.shutdown().await;
    drop(engine);
    let offline = common::engine(&sim, &dir);
    assert!(offline.refresh_user().await.is_err());
    assert_eq!(offline.cached_user().unwrap(), Some(user));
}

#[tokio::test]
async fn the_users_language_locale_and_time_zone_are_cached_for_the_tray_to_speak() {
    let Setup { sim, dir } = Setup::new().await;
    assert!(sim.control().set_language("admin", "de", "de_CH"));
    let engine = common::engine(&sim, &dir);
    let user = engine.refresh_user().await.unwrap();
    assert_eq!(user.language.as_deref(), Some("de"));
    assert_eq!(user.locale.as_deref(), Some("de_CH"));
    assert_eq!(user.timezone.as_deref(), Some("UTC"));

    // "" on the server means unset.
    assert!(sim.control().set_language("admin", "pl", ""));
    engine.refresh_user().await.unwrap();
    let cached = engine.cached_user().unwrap().unwrap();
    assert_eq!(
        (cached.language.as_deref(), cached.locale),
        (Some("pl"), None)
    );
}

#[tokio::test]
async fn other_users_statuses_are_listed_and_cached() {
    let setup = Setup::new().await;
    // bob sets a status through his own client.
    let bob_client = nctray_engine::nextcloud::Client::new(nctray_engine::nextcloud::Credentials {
        server: setup.sim.base_url().parse().unwrap(),
        login_name: "bob".into(),
        app_password: "bob-app-password".into(),
    })
    .unwrap();
    bob_client
        .user_status()
        .set_status(StatusType::Dnd)
        .await
        .unwrap();

    let engine = setup.engine();
    assert!(engine.status().refresh_others().await.unwrap() >= 1);
    let cached = engine
        .status()
        .cached_of("bob")
        .unwrap()
        .expect("bob's status");
    assert_eq!(cached.status, StatusType::Dnd);
    assert_eq!(engine.status().cached_of("carol").unwrap(), None);
}
