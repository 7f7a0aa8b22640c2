//! `client.sharing()` against the simulated Nextcloud 32: user shares, pending shares and
//! their acceptance, the recipient's status on the share.

use nctray_sim::{Sim, SimConfig};
use nextcloud::{Client, Credentials, Error, NewShare, Share, SharesQuery, StatusType};

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
