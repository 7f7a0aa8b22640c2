//! Replays the recorded Nextcloud 32 requests (`tests/fixtures/nextcloud-32`), in number order,
//! against one fresh simulator and checks that it answers like the real server: same HTTP
//! status, same envelope meta, same headers that matter, and the same JSON field names and
//! types (values such as ids, times and ETags may differ unless a part checks them).
//!
//! `replay.rs` is the machinery; every other module is one area of the server ([`Part`]).
//! To add an area: write `x.rs` with a `pub const PART: Part`, add `mod x;` and `&x::PART`
//! to [`PARTS`], and take its numbers out of [`PENDING`].

mod activity;
mod core;
mod talk;
// Helpers for every part; not each one is used by every set of registered parts.
#[allow(dead_code)]
mod replay;

use std::ops::RangeInclusive;

use nctray_sim::{Sim, SimConfig};
use replay::{fixture_files, in_ranges, Captured, Part};

/// Every area of the replay.
const PARTS: &[&Part] = &[&core::PART, &talk::PART, &activity::PART];

/// Fixture numbers whose area is not simulated yet (issue 3 in progress); each is taken out
/// when its part is registered above.
const PENDING: &[(RangeInclusive<u32>, &str)] = &[];

/// The fixtures the whole suite must cover at the end (issue 3: at least 180 of 196).
const TOTAL_FIXTURES: usize = 196;

/// Whether some part replays fixture `n`.
pub fn replays(n: u32) -> bool {
    PARTS.iter().any(|part| part.replays(n))
}

fn owner(n: u32) -> Option<&'static Part> {
    PARTS.iter().copied().find(|part| part.replays(n))
}

#[test]
fn every_fixture_is_replayed_or_left_out_with_a_reason() {
    let files = fixture_files();
    assert_eq!(files.len(), TOTAL_FIXTURES, "fixture files on disk");
    for (i, (n, _)) in files.iter().enumerate() {
        assert_eq!(
            *n as usize,
            i + 1,
            "fixture numbers run 1..=196 without gaps"
        );
    }

    let mut replayed = 0;
    for (n, name) in &files {
        let replaying: Vec<&str> = PARTS
            .iter()
            .filter(|p| p.replays(*n))
            .map(|p| p.name)
            .collect();
        let leaving_out: Vec<&str> = PARTS
            .iter()
            .filter(|p| p.left_out.iter().any(|(file, _)| file == name))
            .map(|p| p.name)
            .collect();
        let pending = PENDING.iter().any(|(range, _)| range.contains(n));
        let claims = replaying.len() + leaving_out.len() + usize::from(pending);
        assert_eq!(
            claims, 1,
            "{name}: must be replayed by one part or left out once (replayed by {replaying:?}, \
             left out by {leaving_out:?}, pending: {pending})"
        );
        replayed += replaying.len();
    }
    for part in PARTS {
        for (file, reason) in part.left_out {
            assert!(
                files.iter().any(|(_, name)| name == file),
                "{}: {file} is not a fixture file",
                part.name
            );
            assert!(!reason.is_empty(), "{file}: a reason is required");
        }
    }
    eprintln!("fixture coverage: {replayed} of {TOTAL_FIXTURES} replayed");
    if PENDING.is_empty() {
        assert!(
            replayed >= 180,
            "issue 3 aims at 180 of 196, got {replayed}"
        );
    }
}

#[tokio::test]
async fn replay_fixtures_in_order() {
    let sim = Sim::start(SimConfig::default()).await.expect("sim starts");
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let mut captured = Captured::default();
    let mut failures = Vec::new();
    let mut replayed = 0;

    for (n, name) in fixture_files() {
        for part in PARTS {
            (part.before)(n, &sim, &mut captured);
        }
        let Some(part) = owner(n) else {
            continue;
        };
        let recorded = replay::load(&name);
        let mut request = replay::recorded_request(&recorded);
        (part.adapt)(n, &mut request, &captured);
        let answer = replay::send(&client, &sim, &request, &captured).await;
        let mut problems = replay::compare(&recorded, &answer, &mut captured);
        (part.check)(n, &recorded, &answer, &mut problems);
        (part.learn)(n, &recorded, &answer, &mut captured);
        problems.append(&mut captured.problems);
        replayed += 1;
        if !problems.is_empty() {
            failures.push(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }

    sim.shutdown().await;
    assert!(
        failures.is_empty(),
        "{} of {replayed} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let expected = fixture_files()
        .iter()
        .filter(|(n, _)| in_ranges_of_parts(*n))
        .count();
    assert_eq!(replayed, expected, "every listed fixture was replayed");
}

fn in_ranges_of_parts(n: u32) -> bool {
    PARTS.iter().any(|part| in_ranges(part.replayed, n))
}
