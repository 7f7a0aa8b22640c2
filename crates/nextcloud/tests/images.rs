//! `client.images()` against the simulator: avatars, file previews and the icons that
//! notifications and activities link to, fetched with the account's credentials from its own
//! server only.

use nctray_sim::{Fault, Sim, SimConfig};
use nextcloud::{Client, Credentials, Error, Image};

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.unwrap()
}

fn client(sim: &Sim, login: &str, password: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: password.into(),
    })
    .unwrap()
}

fn admin(sim: &Sim) -> Client {
    client(sim, "admin", "admin-app-password")
}

/// Width and height from the PNG header.
fn png_size(image: &Image) -> (u32, u32) {
    assert_eq!(image.content_type, "image/png");
    assert!(image.bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let number = |at: usize| u32::from_be_bytes(image.bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[tokio::test]
async fn avatars_come_in_the_two_sizes_the_server_renders() {
    let sim = sim().await;
    let images = admin(&sim);
    let small = images.images().avatar("bob", 64).await.unwrap();
    assert_eq!(png_size(&small), (64, 64));
    let big = images.images().avatar("bob", 100).await.unwrap();
    assert_eq!(png_size(&big), (512, 512));
    assert_ne!(
        images.images().avatar("carol", 64).await.unwrap(),
        small,
        "each user has their own"
    );
    let request = sim.control().requests().pop().unwrap();
    assert_eq!(request.path, "/index.php/avatar/carol/64");
    assert_eq!(
        request.user.as_deref(),
        Some("admin"),
        "sent with credentials"
    );
}

#[tokio::test]
async fn an_unknown_user_has_no_avatar() {
    let sim = sim().await;
    let error = admin(&sim).images().avatar("nobody", 64).await.unwrap_err();
    assert!(matches!(error, Error::NotFound { .. }), "{error:?}");
}

#[tokio::test]
async fn previews_of_own_files_and_none_for_others_or_folders() {
    let sim = sim().await;
    let admin = admin(&sim);
    // 5 is /Photos/Library.jpg, 187 /fixture-1.txt, 13 /Documents, 65 a PDF (admin's seed).
    let base = sim.base_url();
    let photo = admin
        .images()
        .fetch(&format!(
            "{base}/index.php/core/preview?fileId=5&x=250&y=250&a=true"
        ))
        .await
        .unwrap();
    assert_eq!(png_size(&photo), (250, 250));
    let text = admin
        .images()
        .fetch("/index.php/core/preview?fileId=187&x=32&y=32")
        .await
        .unwrap();
    assert_eq!(png_size(&text), (32, 32));

    for file_id in [65, 999_999] {
        let link = format!("/index.php/core/preview?fileId={file_id}&x=32&y=32");
        let error = admin.images().fetch(&link).await.unwrap_err();
        assert!(
            matches!(error, Error::NotFound { .. }),
            "{file_id}: {error:?}"
        );
    }
    let folder = admin
        .images()
        .fetch("/index.php/core/preview?fileId=13&x=32&y=32")
        .await
        .unwrap_err();
    assert!(
        matches!(folder, Error::Http { status: 400, .. }),
        "{folder:?}"
    );
    let bob = client(&sim, "bob", "bob-app-password");
    let foreign = bob
        .images()
        .fetch("/index.php/core/preview?fileId=5&x=32&y=32")
        .await
        .unwrap_err();
    assert!(matches!(foreign, Error::NotFound { .. }), "{foreign:?}");
}

#[tokio::test]
async fn icons_are_svgs_from_the_server() {
    let sim = sim().await;
    let icon = admin(&sim)
        .images()
        .fetch("/apps/files/img/add-color.svg")
        .await
        .unwrap();
    assert_eq!(icon.content_type, "image/svg+xml");
    assert!(String::from_utf8(icon.bytes).unwrap().starts_with("<svg"));
    let missing = admin(&sim)
        .images()
        .fetch("/core/img/filetypes/text.txt")
        .await
        .unwrap_err();
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
}

#[tokio::test]
async fn other_origins_are_refused_before_any_request() {
    let sim = sim().await;
    let admin = admin(&sim);
    for link in [
        "https://evil.example/avatar.png",
        "//evil.example/x.svg",
        "http://127.0.0.1:1/core/img/x.svg",
    ] {
        let error = admin.images().fetch(link).await.unwrap_err();
        assert_eq!(
            error.statuscode(),
            Some(0),
            "refused in the client: {link}: {error:?}"
        );
    }
    assert!(sim.control().requests().is_empty());
}

#[tokio::test]
async fn a_wrong_password_and_maintenance_are_told_apart() {
    let sim = sim().await;
    let wrong = client(&sim, "admin", "nope");
    let error = wrong
        .images()
        .fetch("/index.php/core/preview?fileId=5&x=32&y=32")
        .await
        .unwrap_err();
    assert_eq!(error, Error::Unauthorized);
    sim.control().set_fault(Fault::Maintenance);
    let error = admin(&sim).images().avatar("bob", 64).await.unwrap_err();
    assert_eq!(error, Error::Maintenance);
}
