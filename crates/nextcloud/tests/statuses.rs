//! `user_status().statuses(limit, offset)` against the simulated Nextcloud 32.

use nctray_sim::{Sim, SimConfig};
use nextcloud::{Client, Credentials, StatusType};

fn client(sim: &Sim, login: &str) -> Client {
    Client::new(Credentials {
        server: sim.base_url().parse().unwrap(),
        login_name: login.into(),
        app_password: format!("{login}-app-password"),
    })
    .unwrap()
}

#[tokio::test]
async fn statuses_list_everyone_and_page_with_limit_and_offset() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let admin = client(&sim, "admin");
    let bob = client(&sim, "bob");
    assert_eq!(admin.user_status().statuses(None, None).await, Ok(vec![]));

    admin
        .user_status()
        .set_status(StatusType::Dnd)
        .await
        .unwrap();
    bob.user_status()
        .set_status(StatusType::Away)
        .await
        .unwrap();

    let all = bob.user_status().statuses(None, None).await.unwrap();
    let mut seen: Vec<(&str, StatusType)> =
        all.iter().map(|s| (s.user_id.as_str(), s.status)).collect();
    seen.sort_by_key(|(user, _)| *user);
    assert_eq!(
        seen,
        [("admin", StatusType::Dnd), ("bob", StatusType::Away)]
    );

    let first = admin.user_status().statuses(Some(1), None).await.unwrap();
    let second = admin
        .user_status()
        .statuses(Some(1), Some(1))
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(second.len(), 1);
    assert_ne!(first[0].user_id, second[0].user_id);
    assert_eq!(vec![first[0].clone(), second[0].clone()], all);

    let from_second = admin.user_status().statuses(None, Some(1)).await.unwrap();
    assert_eq!(from_second, second);
    assert_eq!(
        admin.user_status().statuses(Some(10), Some(2)).await,
        Ok(vec![])
    );
    assert_eq!(
        admin.user_status().statuses(None, Some(50)).await,
        Ok(vec![])
    );

    let queries: Vec<String> = sim
        .control()
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/user_status/api/v1/statuses"))
        .map(|r| r.query.clone())
        .collect();
    assert!(
        queries.contains(&"limit=1&offset=1".to_owned()),
        "{queries:?}"
    );
}
