//! `client.sharing()` against the simulated Nextcloud 32: user shares, pending shares and
//! their acceptance, the recipient's status on the share.

use nctray_sim::{Sim, SimConfig};
use nextcloud::{
    Client, Credentials, CustomMessage, Error, NewShare, Share, ShareUpdate, SharesQuery,
    StatusType,
};

fn client(sim: &Sim, login: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

fn share_with(path: &str, user: &str) -> NewShare {
    NewShare {
        path: path.into(),
        share_type: Share::USER,
        share_with: Some(user.into()),
        ..NewShare::default()
    }
}

#[tokio::test]
async fn create_list_pending_get_accept_and_delete() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control()
        .write_file("admin", "/a.txt", b"hello")
        .unwrap();
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    bob.user_status().set_status(StatusType::Dnd).await.unwrap();

    let created = admin
        .sharing()
        .create(&share_with("/a.txt", "bob"))
        .await
        .unwrap();
    assert_eq!(created.share_type, Share::USER);
    assert_eq!(created.uid_owner, "admin");
    assert_eq!(created.share_with.as_deref(), Some("bob"));
    assert_eq!(created.path, "/a.txt");
    assert_eq!(created.item_type, "file");
    assert_eq!(created.permissions, 19);
    assert!(created.can_edit);
    assert_eq!(
        created.status.as_ref().and_then(|s| s.status),
        Some(StatusType::Dnd),
        "the recipient's status comes with the share"
    );
    assert_eq!(
        created.file_source,
        sim.control().file_id("admin", "/a.txt")
    );

    let own = admin
        .sharing()
        .shares(&SharesQuery::default())
        .await
        .unwrap();
    assert_eq!(own, std::slice::from_ref(&created));
    let with_bob = bob
        .sharing()
        .shares(&SharesQuery {
            shared_with_me: true,
            ..SharesQuery::default()
        })
        .await
        .unwrap();
    assert!(with_bob.is_empty(), "not accepted yet: {with_bob:?}");

    let pending = bob.sharing().pending().await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].id, created.id);
    assert_eq!(
        pending[0].permissions, 0,
        "pending shares show no permissions"
    );
    assert!(admin.sharing().pending().await.unwrap().is_empty());

    let got = admin.sharing().share(&created.id).await.unwrap();
    assert_eq!(got, created);
    assert!(matches!(
        client(&sim, "carol").sharing().share(&created.id).await,
        Err(Error::NotFound { .. })
    ));

    bob.sharing().accept_pending(&created.id).await.unwrap();
    assert!(bob.sharing().pending().await.unwrap().is_empty());
    let with_bob = bob
        .sharing()
        .shares(&SharesQuery {
            shared_with_me: true,
            ..SharesQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(with_bob.len(), 1);
    assert_eq!(with_bob[0].id, created.id);
    assert_eq!(with_bob[0].permissions, 19);

    admin.sharing().delete(&created.id).await.unwrap();
    assert!(admin
        .sharing()
        .shares(&SharesQuery::default())
        .await
        .unwrap()
        .is_empty());
    assert!(matches!(
        admin.sharing().share(&created.id).await,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        admin.sharing().delete(&created.id).await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn declining_a_pending_share_and_refusals() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control().write_file("admin", "/b.txt", b"x").unwrap();
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    let share = admin
        .sharing()
        .create(&share_with("/b.txt", "bob"))
        .await
        .unwrap();
    assert_eq!(share.status, None, "bob has no status");

    bob.sharing().decline(&share.id).await.unwrap();
    assert!(bob.sharing().pending().await.unwrap().is_empty());
    assert!(matches!(
        bob.sharing().share(&share.id).await,
        Err(Error::NotFound { .. })
    ));
    // The owner still sees the declined share.
    assert_eq!(admin.sharing().share(&share.id).await.unwrap().id, share.id);

    let duplicate = admin.sharing().create(&share_with("/b.txt", "bob")).await;
    assert!(
        matches!(&duplicate, Err(Error::Invalid { message, .. }) if message.contains("already shared")),
        "{duplicate:?}"
    );
    let missing = admin
        .sharing()
        .create(&share_with("/nope.txt", "bob"))
        .await;
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
    let link = admin
        .sharing()
        .create(&NewShare {
            path: "/b.txt".into(),
            share_type: Share::LINK,
            ..NewShare::default()
        })
        .await;
    assert!(matches!(link, Err(Error::Invalid { .. })), "{link:?}");
    assert!(matches!(
        bob.sharing().accept_pending("999").await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn sharees_carry_the_user_status_and_recommended_are_recent_partners() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    bob.user_status()
        .set_status(StatusType::Away)
        .await
        .unwrap();
    bob.user_status()
        .set_custom_message(&CustomMessage {
            icon: Some("🚲".into()),
            message: "Cycling".into(),
            clear_at: None,
        })
        .await
        .unwrap();

    let found = admin.sharing().sharees("bob", "file", None).await.unwrap();
    assert_eq!(found.exact.len(), 1, "{found:?}");
    let exact = &found.exact[0];
    assert_eq!(exact.category, "users");
    assert_eq!(exact.share_with, "bob");
    assert_eq!(exact.share_type, Some(Share::USER));
    assert_eq!(exact.unique_name.as_deref(), Some("bob"));
    let status = exact.status.as_ref().expect("bob's status");
    assert_eq!(status.status, Some(StatusType::Away));
    assert_eq!(status.message.as_deref(), Some("Cycling"));
    assert_eq!(status.icon.as_deref(), Some("🚲"));
    assert!(!found.lookup_enabled);

    let everyone = admin.sharing().sharees("", "file", None).await.unwrap();
    let ids: Vec<&str> = everyone.all().map(|s| s.share_with.as_str()).collect();
    assert!(ids.contains(&"bob") && ids.contains(&"carol"), "{ids:?}");
    assert!(!ids.contains(&"admin"), "the caller is not proposed");
    let carol = everyone.all().find(|s| s.share_with == "carol").unwrap();
    assert_eq!(carol.status, None, "carol has no status (`[]`)");
    let one = admin.sharing().sharees("", "file", Some(1)).await.unwrap();
    assert_eq!(one.more.len(), 1);
    assert!(matches!(
        admin.sharing().sharees("", "file", Some(0)).await,
        Err(Error::Invalid { .. })
    ));

    assert_eq!(
        admin
            .sharing()
            .sharees_recommended("file")
            .await
            .unwrap()
            .all()
            .count(),
        0
    );
    sim.control().write_file("admin", "/a.txt", b"a").unwrap();
    sim.control().write_file("admin", "/b.txt", b"b").unwrap();
    for (path, user) in [("/a.txt", "bob"), ("/b.txt", "carol")] {
        admin
            .sharing()
            .create(&share_with(path, user))
            .await
            .unwrap();
    }
    let recommended = admin.sharing().sharees_recommended("file").await.unwrap();
    let ids: Vec<&str> = recommended.all().map(|s| s.share_with.as_str()).collect();
    assert_eq!(ids, ["carol", "bob"], "newest share partner first");
    let bob_entry = recommended.all().find(|s| s.share_with == "bob").unwrap();
    assert_eq!(
        bob_entry.status.as_ref().and_then(|s| s.status),
        Some(StatusType::Away)
    );
}

#[tokio::test]
async fn inherited_shares_and_updates() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.control()
        .write_file("admin", "/Shared/Deep/c.txt", b"c")
        .unwrap();
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    let folder = admin
        .sharing()
        .create(&share_with("/Shared", "bob"))
        .await
        .unwrap();
    assert_eq!(folder.item_type, "folder");

    let inherited = admin
        .sharing()
        .inherited("/Shared/Deep/c.txt")
        .await
        .unwrap();
    assert_eq!(inherited.len(), 1);
    assert_eq!(inherited[0].id, folder.id);
    assert_eq!(inherited[0].path, "/Shared");
    assert!(admin
        .sharing()
        .inherited("/Shared")
        .await
        .unwrap()
        .is_empty());
    assert!(matches!(
        admin.sharing().inherited("/nope").await,
        Err(Error::NotFound { .. })
    ));

    let updated = admin
        .sharing()
        .update(
            &folder.id,
            &ShareUpdate {
                permissions: Some(1),
                note: Some("read it".into()),
                expire_date: Some("2030-01-02".into()),
                ..ShareUpdate::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.id, folder.id);
    assert_eq!(updated.permissions, 1);
    assert_eq!(updated.note.as_deref(), Some("read it"));
    assert_eq!(updated.expiration.as_deref(), Some("2030-01-02 00:00:00"));
    assert_eq!(admin.sharing().share(&folder.id).await.unwrap(), updated);

    let no_expiry = admin
        .sharing()
        .update(
            &folder.id,
            &ShareUpdate {
                expire_date: Some(String::new()),
                ..ShareUpdate::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(no_expiry.expiration, None);
    assert_eq!(no_expiry.permissions, 1);

    let nothing = admin
        .sharing()
        .update(&folder.id, &ShareUpdate::default())
        .await;
    assert!(matches!(nothing, Err(Error::Invalid { .. })), "{nothing:?}");
    let by_recipient = bob
        .sharing()
        .update(
            &folder.id,
            &ShareUpdate {
                permissions: Some(31),
                ..ShareUpdate::default()
            },
        )
        .await;
    assert!(
        matches!(by_recipient, Err(Error::Invalid { .. })),
        "{by_recipient:?}"
    );
    assert!(matches!(
        admin
            .sharing()
            .update(
                "999",
                &ShareUpdate {
                    note: Some("x".into()),
                    ..ShareUpdate::default()
                }
            )
            .await,
        Err(Error::NotFound { .. })
    ));
}
