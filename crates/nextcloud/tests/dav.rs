//! `client.dav()` (direct downloads) and `client.users()` (user metadata) against the
//! simulator, with every documented error status.

use nctray_sim::{Fault, Sim, SimConfig};
use nextcloud::{Client, Credentials, Error};

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

fn client(sim: &Sim, login: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

#[tokio::test]
async fn a_direct_link_downloads_without_credentials() {
    let sim = sim().await;
    let url = client(&sim, "admin")
        .dav()
        .direct_download(187)
        .await
        .unwrap();
    assert!(url
        .as_str()
        .starts_with(&format!("{}/remote.php/direct/", sim.base_url())));
    // Any HTTP client, no Authorization header.
    let response = reqwest::get(url.clone()).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "hello 1\n");
    let download = sim
        .control()
        .requests()
        .into_iter()
        .find(|r| r.path == url.path())
        .unwrap();
    assert_eq!(download.user, None, "served anonymously");
}

#[tokio::test]
async fn direct_download_errors() {
    let sim = sim().await;
    let admin = client(&sim, "admin");
    let err = admin.dav().direct_download(99_999_999).await.unwrap_err();
    assert_eq!(
        err,
        Error::NotFound {
            message: String::new()
        }
    );
    // Someone else's file is not found either.
    let bob = client(&sim, "bob");
    assert!(matches!(
        bob.dav().direct_download(187).await,
        Err(Error::NotFound { .. })
    ));
    // A folder.
    let err = admin.dav().direct_download(13).await.unwrap_err();
    assert_eq!(err.statuscode(), Some(400));
    sim.control().set_fault(Fault::Maintenance);
    assert_eq!(
        admin.dav().direct_download(187).await.unwrap_err(),
        Error::Maintenance
    );
}

#[tokio::test]
async fn user_metadata_for_oneself_and_as_admin() {
    let sim = sim().await;
    let admin = client(&sim, "admin");
    let me = admin.users().get("admin").await.unwrap();
    assert_eq!(me.id, "admin");
    assert!(me.enabled);
    assert_eq!(me.display_name, "admin");
    assert_eq!(me.quota.used, 20_200_713);
    assert_eq!(me.quota.total, -3);
    assert_eq!(me.groups, ["admin"]);
    let bob = admin.users().get("bob").await.unwrap();
    assert_eq!(bob.id, "bob");
    assert!(bob.groups.is_empty());
    let own = client(&sim, "bob").users().get("bob").await.unwrap();
    assert_eq!(own.email, None);
    assert_eq!(own.quota.relative, 0.0);
}

#[tokio::test]
async fn user_metadata_errors() {
    let sim = sim().await;
    // A non-admin asking for someone else: 404 with statuscode 998.
    let err = client(&sim, "bob").users().get("admin").await.unwrap_err();
    assert_eq!(
        err,
        Error::NotFound {
            message: String::new()
        }
    );
    let err = client(&sim, "admin")
        .users()
        .get("nosuchuser")
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::NotFound {
            message: "User does not exist".into()
        }
    );
    // Ids are one path segment, whatever they contain.
    let err = client(&sim, "admin")
        .users()
        .get("../cloud/user")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}
