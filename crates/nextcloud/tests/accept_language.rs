//! The server's own texts come in the person's language: every request carries the
//! `Accept-Language` the shell chose, changed for all handles of a client at once.

use nctray_sim::{Sim, SimConfig};
use nextcloud::{Client, Credentials};

fn client(sim: &Sim) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: "admin".into(),
        app_password: "admin-app-password".into(),
    })
    .unwrap()
}

fn languages_sent(sim: &Sim) -> Vec<Option<String>> {
    let log = sim.control().requests();
    sim.control().clear_requests();
    log.into_iter()
        .map(|request| request.accept_language)
        .collect()
}

#[tokio::test]
async fn every_request_asks_for_the_chosen_language_and_a_change_reaches_every_clone() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = client(&sim);
    let clone = client.clone();

    client.current_user().await.unwrap();
    assert_eq!(
        languages_sent(&sim),
        [None],
        "no language chosen: no header"
    );

    client.set_accept_language(Some("de, en;q=0.5")).unwrap();
    client.current_user().await.unwrap();
    clone.notifications().list(None).await.unwrap();
    clone.user_status().own().await.unwrap();
    let sent = languages_sent(&sim);
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(
        sent.iter()
            .all(|value| value.as_deref() == Some("de, en;q=0.5")),
        "{sent:?}"
    );

    clone.set_accept_language(Some("pl")).unwrap();
    client.current_user().await.unwrap();
    assert_eq!(languages_sent(&sim), [Some("pl".to_string())]);

    client.set_accept_language(None).unwrap();
    client.current_user().await.unwrap();
    assert_eq!(languages_sent(&sim), [None]);
}

#[tokio::test]
async fn a_language_list_that_cannot_be_a_header_is_refused_and_the_old_one_kept() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = client(&sim);
    client.set_accept_language(Some("fr")).unwrap();
    let error = client
        .set_accept_language(Some("de\r\nX-Evil: 1"))
        .unwrap_err();
    assert_eq!(error.kind(), "invalid", "{error}");
    client.current_user().await.unwrap();
    assert_eq!(languages_sent(&sim), [Some("fr".to_string())]);
}
