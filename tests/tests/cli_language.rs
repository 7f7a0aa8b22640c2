//! The command line speaks the chosen language (`--lang`, else `LANG`) in its human output,
//! prints dates in the machine's time zone (`--utc` keeps UTC) in the language's format, and
//! keeps `--json` the same in every language.

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use std::time::Duration;

use nctray_e2e::{wait_until, Desktop};
use nctray_sim::{Fault, NewActivity, NewNotification};

const SUBJECT: &str = "Carol shared “Plan.odt” with you";
const ACTIVITY: &str = "You created Plan.odt";
const TOKYO: &[(&str, &str)] = &[("TZ", "Asia/Tokyo")];
/// How long the tray may take to cache the user's language.
const SETTLE: Duration = Duration::from_secs(20);
const GERMAN_DESKTOP: &[(&str, &str)] = &[("LANG", "de_DE.UTF-8")];

/// admin with one notification and one activity, and their dates as the server sent them.
async fn with_news() -> Result<(Desktop, String, String)> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop
        .control()
        .inject_notification(NewNotification::new("admin", SUBJECT));
    desktop
        .control()
        .record_activity(NewActivity::new("admin", "files", "file_created", ACTIVITY));
    let notifications = desktop
        .session
        .run_nctray(&["notifications", "--all", "--json"], None)
        .await?;
    let notifications = notifications.success()?.json()?;
    let notification = notifications[0]["datetime"]
        .as_str()
        .context("a notification's datetime")?
        .to_owned();
    let activities = desktop
        .session
        .run_nctray(&["activity", "--json"], None)
        .await?;
    let activities = activities.success()?.json()?;
    let activity = activities
        .as_array()
        .and_then(|all| all.iter().find(|a| a["subject"] == ACTIVITY))
        .and_then(|activity| activity["datetime"].as_str())
        .with_context(|| format!("no activity {ACTIVITY:?} in {activities}"))?
        .to_owned();
    Ok((desktop, notification, activity))
}

/// `datetime` (RFC 3339) as seen in Tokyo (+09:00) in `format`.
fn in_tokyo(datetime: &str, format: &str) -> String {
    let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
    DateTime::parse_from_rfc3339(datetime)
        .unwrap()
        .with_timezone(&tokyo)
        .format(format)
        .to_string()
}

fn in_utc(datetime: &str, format: &str) -> String {
    DateTime::parse_from_rfc3339(datetime)
        .unwrap()
        .with_timezone(&chrono::Utc)
        .format(format)
        .to_string()
}

/// The line of `stdout` that holds `text`.
fn line_with<'a>(stdout: &'a str, text: &str) -> &'a str {
    stdout
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{stdout}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn notification_and_activity_times_are_the_machines_local_time_and_utc_with_utc() -> Result<()>
{
    let (desktop, notification, activity) = with_news().await?;
    // English (LANG=C.UTF-8): the US date and 12-hour time, then the zone's offset.
    const ENGLISH: &str = "%m/%d/%Y %I:%M:%S %p";

    let output = desktop
        .session
        .run_nctray_with_env(&["notifications", "--all"], TOKYO)
        .await?;
    output.success()?;
    let line = line_with(&output.stdout, SUBJECT);
    let tokyo_time = format!("{} +09:00", in_tokyo(&notification, ENGLISH));
    assert!(line.contains(&tokyo_time), "not {tokyo_time}:\n{output}");

    let output = desktop
        .session
        .run_nctray_with_env(&["activity"], TOKYO)
        .await?;
    output.success()?;
    let line = line_with(&output.stdout, ACTIVITY);
    let tokyo_time = format!("{} +09:00", in_tokyo(&activity, ENGLISH));
    assert!(line.contains(&tokyo_time), "not {tokyo_time}:\n{output}");

    let output = desktop
        .session
        .run_nctray_with_env(&["notifications", "--all", "--utc"], TOKYO)
        .await?;
    output.success()?;
    let line = line_with(&output.stdout, SUBJECT);
    let utc_time = format!("{} UTC", in_utc(&notification, ENGLISH));
    assert!(line.contains(&utc_time), "not {utc_time}:\n{output}");
    assert!(!line.contains("+09:00"), "{output}");

    // German: its own date format, still in Tokyo's time.
    let output = desktop
        .session
        .run_nctray_with_env(&["--lang", "de", "notifications", "--all"], TOKYO)
        .await?;
    output.success()?;
    let line = line_with(&output.stdout, SUBJECT);
    let german_time = format!("{} +09:00", in_tokyo(&notification, "%d.%m.%Y %H:%M:%S"));
    assert!(line.contains(&german_time), "not {german_time}:\n{output}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn status_and_notifications_speak_german_with_lang_de_and_with_a_german_desktop() -> Result<()>
{
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop
        .session
        .run_nctray(&["status", "set", "dnd"], None)
        .await?
        .success()?;

    for (args, env) in [
        (&["--lang", "de", "status"][..], &[][..]),
        (&["status"][..], GERMAN_DESKTOP),
        // --lang wins over the desktop.
        (
            &["status", "--lang", "de_AT"][..],
            &[("LANG", "fr_FR.UTF-8")][..],
        ),
    ] {
        let output = desktop.session.run_nctray_with_env(args, env).await?;
        output.success()?;
        assert_eq!(output.stdout.trim(), "Nicht stören", "{output}");
    }
    let output = desktop.session.run_nctray(&["status"], None).await?;
    assert_eq!(
        output.success()?.stdout.trim(),
        "Do not disturb",
        "{output}"
    );
    // nctray's own refusal of a value, while the arguments are parsed, in German too.
    let output = desktop
        .session
        .run_nctray(&["--lang", "de", "status", "set", "busy"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("„busy“ ist kein Status"),
        "not German:\n{output}"
    );

    let id = desktop
        .control()
        .inject_notification(NewNotification::new("admin", SUBJECT));
    let output = desktop
        .session
        .run_nctray_with_env(
            &["notifications", "dismiss", &id.to_string()],
            GERMAN_DESKTOP,
        )
        .await?;
    assert_eq!(
        output.success()?.stdout.trim(),
        format!("#{id} verworfen"),
        "{output}"
    );
    let output = desktop
        .session
        .run_nctray_with_env(&["--lang", "de", "notifications", "dismiss", "--all"], &[])
        .await?;
    assert_eq!(
        output.success()?.stdout.trim(),
        "Alle Benachrichtigungen verworfen",
        "{output}"
    );
    let output = desktop
        .session
        .run_nctray_with_env(&["notifications", "--all"], GERMAN_DESKTOP)
        .await?;
    assert_eq!(
        output.success()?.stdout.trim(),
        "Keine Benachrichtigungen",
        "{output}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn json_output_is_the_same_in_every_language_and_time_zone() -> Result<()> {
    let (desktop, _, _) = with_news().await?;
    for args in [
        &["status", "--json"][..],
        &["notifications", "--all", "--json"][..],
        &["activity", "--json"][..],
        &["accounts", "--json"][..],
    ] {
        let english = desktop.session.run_nctray(args, None).await?;
        english.success()?;
        let with_flag: Vec<&str> = ["--lang", "de"].iter().chain(args).copied().collect();
        for (args, env) in [
            (&with_flag[..], TOKYO),
            (args, GERMAN_DESKTOP),
            (args, &[("LANG", "ja_JP.UTF-8"), ("TZ", "Asia/Tokyo")][..]),
        ] {
            let output = desktop.session.run_nctray_with_env(args, env).await?;
            output.success()?;
            assert_eq!(output.stdout, english.stdout, "{args:?} {env:?}");
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_language_nctray_does_not_speak_is_refused_with_the_ones_it_does() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let output = desktop
        .session
        .run_nctray(&["--lang", "tlh", "status"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("no translation into “tlh”") && output.stderr.contains("de"),
        "unclear error:\n{output}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_nextcloud_users_language_once_cached_is_spoken_and_lang_still_wins() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop
        .session
        .run_nctray(&["status", "set", "dnd"], None)
        .await?
        .success()?;
    assert!(desktop.control().set_language("admin", "de", "de_DE"));
    // The tray refreshes the user and caches their language; the command line reads it there.
    let (_app, _tray) = desktop.start_tray().await?;
    let session = &desktop.session;
    wait_until(
        "nctray status in the Nextcloud user's German",
        SETTLE,
        || async {
            session
                .run_nctray(&["status"], None)
                .await
                .is_ok_and(|output| output.stdout.trim() == "Nicht stören")
        },
    )
    .await?;

    desktop.control().clear_requests();
    let output = session
        .run_nctray(&["--lang", "en", "status"], None)
        .await?;
    assert_eq!(
        output.success()?.stdout.trim(),
        "Do not disturb",
        "{output}"
    );
    // The server is asked for its own texts in the language spoken (the tray asks in German).
    let english = desktop
        .control()
        .requests()
        .iter()
        .any(|request| request.accept_language.as_deref() == Some("en"));
    assert!(english, "no request in English");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_error_is_told_in_the_chosen_language() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    desktop.control().set_fault(Fault::Maintenance);
    let output = desktop
        .session
        .run_nctray(&["--lang", "de", "status", "set", "away"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("Der Server ist im Wartungsmodus"),
        "not German:\n{output}"
    );
    let output = desktop
        .session
        .run_nctray(&["status", "set", "away"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("The server is in maintenance mode"),
        "{output}"
    );
    Ok(())
}
