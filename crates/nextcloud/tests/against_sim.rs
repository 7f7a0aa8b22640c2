//! Every endpoint of the client against the simulated Nextcloud 32 (`nctray-sim`).

use nctray_sim::{Fault, NewNotification, Sim, SimConfig};
use nextcloud::{ClearAt, Client, Credentials, CustomMessage, Error, StatusType};

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

fn client(sim: &Sim, login: &str) -> Client {
    client_with_password(sim, login, &format!("{login}-app-password"))
}

fn client_with_password(sim: &Sim, login: &str, password: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: password.into(),
    })
    .unwrap()
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn current_user_and_a_wrong_app_password() {
    let sim = sim().await;
    let me = client(&sim, "bob").current_user().await.unwrap();
    assert_eq!(me.id, "bob");
    assert_eq!(me.display_name, "bob");
    let err = client_with_password(&sim, "admin", "revoked")
        .current_user()
        .await
        .unwrap_err();
    assert_eq!(err, Error::Unauthorized);
    assert_eq!(err.kind(), "unauthorized");
}

#[tokio::test]
async fn capabilities_then_unchanged_with_the_etag() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    let first = client.capabilities(None).await.unwrap();
    let caps = first.value.as_ref().unwrap();
    assert_eq!(caps.version.major, 32);
    assert!(caps.has_user_status());
    assert!(caps.user_status.as_ref().unwrap().restore);
    assert!(caps.supports_notifications("exists"));
    let etag = first.etag.as_deref().expect("capabilities have an ETag");
    assert!(etag.starts_with('"'), "{etag}");

    let second = client.capabilities(Some(etag)).await.unwrap();
    assert!(second.is_unchanged());
    assert_eq!(second.etag, first.etag);
    let log = sim.control().requests();
    let caps_requests: Vec<_> = log
        .iter()
        .filter(|r| r.path == "/ocs/v2.php/cloud/capabilities")
        .collect();
    assert_eq!(caps_requests.len(), 2);
    assert!(!caps_requests[0].if_none_match);
    assert!(caps_requests[1].if_none_match);
    assert_eq!(caps_requests[1].status, 304);
}

#[tokio::test]
async fn own_status_from_nothing_through_every_status_type() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    let api = client.user_status();
    assert_eq!(
        api.own().await,
        Ok(None),
        "the fixture seed has no status rows"
    );

    for status in StatusType::ALL {
        let own = api.set_status(status).await.unwrap();
        assert_eq!(own.status, status);
        assert!(own.status_is_user_defined);
        assert_eq!(own.user_id, "admin");
    }
    let own = api.own().await.unwrap().unwrap();
    assert_eq!(own.status, StatusType::Offline);
    assert_eq!(
        sim.control().own_status("admin").unwrap()["status"],
        "offline"
    );
}

#[tokio::test]
async fn heartbeat_creates_a_status_and_leaves_persistent_ones_alone() {
    let sim = sim().await;
    let carol = client(&sim, "carol");
    let api = carol.user_status();
    let own = api.heartbeat(StatusType::Online).await.unwrap().unwrap();
    assert_eq!(own.status, StatusType::Online);
    assert!(!own.status_is_user_defined);

    api.set_status(StatusType::Dnd).await.unwrap();
    assert_eq!(api.heartbeat(StatusType::Away).await, Ok(None), "204");
    assert_eq!(api.own().await.unwrap().unwrap().status, StatusType::Dnd);

    // Only online/away are heartbeats.
    let err = api.heartbeat(StatusType::Dnd).await.unwrap_err();
    assert_eq!(err.statuscode(), Some(400));
    assert_eq!(err.kind(), "invalid");
}

#[tokio::test]
async fn predefined_and_custom_messages() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    let api = client.user_status();

    let predefined = api.predefined().await.unwrap();
    let ids: Vec<&str> = predefined.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "meeting",
            "commuting",
            "be-right-back",
            "remote-work",
            "sick-leave",
            "vacationing"
        ]
    );
    assert!(!ids.contains(&"call"), "invisible entries are skipped");

    let meeting = &predefined[0];
    assert_eq!(meeting.clear_at, Some(ClearAt::Period(3600)));
    let clear_at = meeting.clear_at.unwrap().resolve(now(), 0);
    let set = api
        .set_predefined_message("meeting", Some(clear_at))
        .await
        .unwrap();
    assert_eq!(set.message_id.as_deref(), Some("meeting"));
    assert!(set.message_is_predefined);
    assert_eq!(set.clear_at, Some(clear_at));
    let own = api.own().await.unwrap().unwrap();
    assert_eq!(own.message.as_deref(), Some("In a meeting"));
    assert_eq!(own.icon.as_deref(), Some("📅"));

    let end_of_day = predefined[3].clear_at.unwrap().resolve(now(), 0);
    api.set_predefined_message("remote-work", Some(end_of_day))
        .await
        .unwrap();

    let custom = api
        .set_custom_message(&CustomMessage {
            icon: Some("🌴".into()),
            message: "On vacation".into(),
            clear_at: Some(now() + 3600),
        })
        .await
        .unwrap();
    assert_eq!(custom.message.as_deref(), Some("On vacation"));
    assert_eq!(custom.icon.as_deref(), Some("🌴"));
    assert_eq!(custom.message_id, None);

    let eighty = "ä".repeat(80);
    let multibyte = api
        .set_custom_message(&CustomMessage {
            icon: None,
            message: eighty.clone(),
            clear_at: None,
        })
        .await
        .unwrap();
    assert_eq!(multibyte.message.as_deref(), Some(eighty.as_str()));

    api.clear_message().await.unwrap();
    let own = api.own().await.unwrap().unwrap();
    assert_eq!((own.message, own.icon, own.message_id), (None, None, None));
}

#[tokio::test]
async fn refused_messages_carry_the_servers_explanation() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    let api = client.user_status();
    let invalid = |message: &str| Error::Invalid {
        statuscode: 400,
        message: message.into(),
    };
    let custom = |icon: Option<&str>, message: &str, clear_at: Option<i64>| CustomMessage {
        icon: icon.map(str::to_owned),
        message: message.into(),
        clear_at,
    };

    assert_eq!(
        api.set_custom_message(&custom(Some("💬"), &"m".repeat(81), None))
            .await,
        Err(invalid(
            "Message is longer than supported length of 80 characters"
        ))
    );
    assert_eq!(
        api.set_custom_message(&custom(Some("🌴🍹"), "Two icons", None))
            .await,
        Err(invalid("Status-Icon is longer than one character"))
    );
    assert_eq!(
        api.set_custom_message(&custom(Some("X"), "Letter icon", None))
            .await,
        Err(invalid("Status-Icon is longer than one character"))
    );
    assert_eq!(
        api.set_custom_message(&custom(Some("🌴"), "Old", Some(now() - 3600)))
            .await,
        Err(invalid("ClearAt is in the past"))
    );
    assert_eq!(
        api.set_predefined_message("meeting", Some(now() - 3600))
            .await,
        Err(invalid("ClearAt is in the past"))
    );
    assert_eq!(
        api.set_predefined_message("no-such-message", None).await,
        Err(invalid("Message-Id \"no-such-message\" is not supported"))
    );
    let shown = api
        .set_predefined_message("no-such-message", None)
        .await
        .unwrap_err()
        .to_string();
    assert!(shown.contains("no-such-message"), "{shown}");
}

#[tokio::test]
async fn other_users_statuses() {
    let sim = sim().await;
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    assert_eq!(admin.user_status().of_user("carol").await, Ok(None));
    assert_eq!(admin.user_status().of_user("nosuchuser").await, Ok(None));

    bob.user_status()
        .set_custom_message(&CustomMessage {
            icon: Some("🚲".into()),
            message: "Cycling".into(),
            clear_at: None,
        })
        .await
        .unwrap();
    bob.user_status()
        .set_status(StatusType::Away)
        .await
        .unwrap();
    let seen = admin.user_status().of_user("bob").await.unwrap().unwrap();
    assert_eq!(seen.user_id, "bob");
    assert_eq!(seen.status, StatusType::Away);
    assert_eq!(seen.message.as_deref(), Some("Cycling"));
    assert_eq!(seen.icon.as_deref(), Some("🚲"));
}

#[tokio::test]
async fn a_call_overwrites_the_status_and_revert_restores_the_backup() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    let api = client.user_status();
    assert_eq!(api.backup_of("admin").await, Ok(None));
    assert_eq!(api.revert("call").await, Ok(None), "no backup: 200 data []");

    api.set_custom_message(&CustomMessage {
        icon: Some("☕".into()),
        message: "Coffee".into(),
        clear_at: None,
    })
    .await
    .unwrap();
    api.set_status(StatusType::Online).await.unwrap();
    assert!(sim.control().start_call("admin"));

    let in_call = api.own().await.unwrap().unwrap();
    assert_eq!(in_call.status, StatusType::Busy);
    assert_eq!(in_call.message_id.as_deref(), Some("call"));
    assert_eq!(in_call.message.as_deref(), Some("In a call"));
    assert_eq!(in_call.icon.as_deref(), Some("💬"));
    assert!(in_call.status_is_user_defined);

    let backup = api.backup_of("admin").await.unwrap().unwrap();
    assert_eq!(backup.user_id, "_admin");
    assert_eq!(backup.status, StatusType::Online);
    assert_eq!(backup.message.as_deref(), Some("Coffee"));
    assert_eq!(backup.icon.as_deref(), Some("☕"));

    let restored = api.revert("call").await.unwrap().unwrap();
    assert_eq!(restored.status, StatusType::Online);
    assert_eq!(restored.message.as_deref(), Some("Coffee"));
    assert_eq!(api.own().await.unwrap().unwrap(), restored);
    assert_eq!(api.backup_of("admin").await, Ok(None));
    assert_eq!(api.revert("call").await, Ok(None));
    let backup_path = "/ocs/v2.php/apps/user_status/api/v1/statuses/_admin";
    assert!(sim
        .control()
        .requests()
        .iter()
        .any(|r| r.path == backup_path && r.status == 200));
}

#[tokio::test]
async fn notifications_list_conditional_get_and_lifecycle() {
    let sim = sim().await;
    let control = sim.control();
    let client = client(&sim, "admin");
    let api = client.notifications();

    let empty = api.list(None).await.unwrap();
    assert_eq!(empty.notifications, Some(vec![]));
    assert_eq!(
        empty.etag.as_deref(),
        Some("\"d751713988987e9331980363e24189ce\""),
        "md5 of [] in quotes"
    );
    assert!(empty.user_status.is_some());

    let first = control.inject_notification(NewNotification {
        message: "The nightly backup finished without errors.".into(),
        ..NewNotification::new("admin", "Backup finished")
    });
    let second = control.inject_notification(NewNotification {
        should_notify: false,
        link: format!("{}/index.php/apps/files", sim.base_url()),
        ..NewNotification::new("admin", "Disk almost full")
    });
    control.inject_notification(NewNotification::new("bob", "Not for admin"));

    let list = api.list(empty.etag.as_deref()).await.unwrap();
    let items = list.notifications.as_ref().expect("changed");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].notification_id, second, "newest first");
    assert_eq!(items[0].subject, "Disk almost full");
    assert!(!items[0].should_notify);
    assert!(items[0].link.is_some());
    assert_eq!(items[0].message, None);
    assert_eq!(
        items[1].message.as_deref(),
        Some("The nightly backup finished without errors.")
    );
    assert!(items[1].timestamp().unwrap() > 1_700_000_000);

    // The second poll sends the exact quoted ETag and gets nothing new.
    control.clear_requests();
    let again = api.list(list.etag.as_deref()).await.unwrap();
    assert_eq!(again.notifications, None);
    assert_eq!(again.etag, list.etag);
    assert!(
        again.user_status.is_some(),
        "the 304 carries the user status too"
    );
    let log = control.requests();
    assert_eq!(log.len(), 1);
    assert!(log[0].if_none_match);
    assert_eq!(log[0].status, 304);

    assert_eq!(api.get(first).await.unwrap().subject, "Backup finished");
    assert!(matches!(
        api.get(999_999).await,
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        api.exists(&[first, second, 999_999]).await.map(sorted),
        Ok(sorted(vec![first, second]))
    );

    api.delete(first).await.unwrap();
    api.delete(first).await.unwrap(); // already gone: still fine
    assert_eq!(api.exists(&[first, second]).await, Ok(vec![second]));
    let after = api.list(list.etag.as_deref()).await.unwrap();
    assert_eq!(after.notifications.unwrap().len(), 1);
    assert_ne!(after.etag, list.etag);

    api.delete_all().await.unwrap();
    let cleared = api.list(after.etag.as_deref()).await.unwrap();
    assert_eq!(cleared.notifications, Some(vec![]));
    assert_eq!(cleared.etag, empty.etag);
    assert_eq!(control.notifications("bob").len(), 1, "bob's stay");
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn the_user_status_header_follows_the_status() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    client
        .user_status()
        .set_status(StatusType::Dnd)
        .await
        .unwrap();
    let list = client.notifications().list(None).await.unwrap();
    assert_eq!(list.user_status_type(), Some(StatusType::Dnd));
}

#[tokio::test]
async fn fault_modes_map_to_errors_and_heal() {
    let sim = sim().await;
    let control = sim.control();
    let client = client(&sim, "admin");

    control.set_fault(Fault::Maintenance);
    assert_eq!(client.current_user().await, Err(Error::Maintenance));
    assert_eq!(
        client.notifications().list(None).await,
        Err(Error::Maintenance)
    );
    assert_eq!(client.user_status().own().await, Err(Error::Maintenance));

    control.set_fault(Fault::Garbage);
    for err in [
        client.current_user().await.unwrap_err(),
        client.notifications().list(None).await.unwrap_err(),
        client.capabilities(None).await.unwrap_err(),
    ] {
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
        assert_eq!(err.kind(), "decode");
    }

    control.set_fault(Fault::ServerError);
    let err = client.user_status().predefined().await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");

    control.set_fault(Fault::Unauthorized);
    assert_eq!(client.current_user().await, Err(Error::Unauthorized));

    control.set_fault(Fault::None);
    assert_eq!(client.current_user().await.unwrap().id, "admin");
}

#[tokio::test]
async fn a_stopped_server_is_a_network_error() {
    let sim = sim().await;
    let client = client(&sim, "admin");
    client.current_user().await.unwrap();
    sim.shutdown().await;
    let err = client.current_user().await.unwrap_err();
    assert!(matches!(err, Error::Network(_)), "{err:?}");
    assert!(err.to_string().starts_with("Could not reach the server"));
}
