//! `nctray talk …` against the simulator: the room list with its marks, reading a room by
//! name (which marks it read on the server), sending, and clear failures.

use anyhow::Result;
use nctray_e2e::Desktop;

/// bob's room "Team" with admin in it, and bob's two messages there (one mentions admin).
fn team_with_news(desktop: &Desktop) -> String {
    let control = desktop.control();
    let team = control.create_room("bob", 2, "Team").unwrap();
    assert!(control.add_room_participant(&team, "admin"));
    control.post_chat_message("bob", &team, "morning");
    control.post_chat_message("bob", &team, "@admin see \u{1b}[2Jthis");
    team
}

#[tokio::test(flavor = "multi_thread")]
async fn talk_rooms_lists_the_rooms_with_unread_and_mention_marks() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_with_news(&desktop);

    let output = desktop
        .session
        .run_nctray(&["talk", "rooms", "--json"], None)
        .await?;
    let rooms = output.success()?.json()?;
    let room = rooms
        .as_array()
        .and_then(|rooms| rooms.iter().find(|r| r["token"] == team.as_str()))
        .unwrap_or_else(|| panic!("no Team in\n{output}"));
    assert_eq!(room["name"], "Team", "{output}");
    assert_eq!(room["unread_messages"], 2, "{output}");
    assert_eq!(room["unread_mention"], true, "{output}");

    let output = desktop.session.run_nctray(&["talk", "rooms"], None).await?;
    output.success()?;
    let line = output
        .stdout
        .lines()
        .find(|line| line.contains(&team))
        .unwrap_or_else(|| panic!("no line for Team in\n{output}"));
    assert!(
        line.contains("Team") && line.contains(" 2 @"),
        "marks missing: {line:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn talk_read_by_name_prints_plain_text_and_marks_the_room_read() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_with_news(&desktop);

    let output = desktop
        .session
        .run_nctray(&["talk", "read", "team", "--limit", "2"], None)
        .await?;
    output.success()?;
    assert!(
        output.stdout.contains("bob: morning"),
        "missing message:\n{output}"
    );
    assert!(
        output.stdout.contains("bob: @admin see this"),
        "a mention must read @Name and an escape must be defused:\n{output}"
    );
    assert!(!output.stdout.contains('\u{1b}'), "{output}");

    let output = desktop
        .session
        .run_nctray(&["talk", "rooms", "--json"], None)
        .await?;
    let rooms = output.success()?.json()?;
    let room = rooms
        .as_array()
        .and_then(|rooms| rooms.iter().find(|r| r["token"] == team.as_str()))
        .unwrap_or_else(|| panic!("no Team in\n{output}"));
    assert_eq!(room["unread_messages"], 0, "not marked read:\n{output}");
    assert_eq!(room["unread_mention"], false, "{output}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn talk_send_posts_the_words_as_one_message() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let team = team_with_news(&desktop);

    let output = desktop
        .session
        .run_nctray(
            &["talk", "send", &team, "on", "my", "way", "@bob", "--json"],
            None,
        )
        .await?;
    let sent = output.success()?.json()?;
    assert_eq!(sent["text"], "on my way @bob", "{output}");
    assert_eq!(sent["author"], "admin", "{output}");

    let output = desktop
        .session
        .run_nctray(&["talk", "read", "Team", "--limit", "1", "--json"], None)
        .await?;
    let read = output.success()?.json()?;
    assert_eq!(read["messages"][0]["id"], sent["id"], "{output}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn talk_commands_fail_clearly_for_an_unknown_room() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    team_with_news(&desktop);

    let output = desktop
        .session
        .run_nctray(&["talk", "read", "Nowhere"], None)
        .await?;
    output.failure()?;
    assert!(
        output.stderr.contains("no conversation \"Nowhere\""),
        "unclear error:\n{output}"
    );

    let output = desktop
        .session
        .run_nctray(&["talk", "send", "Nowhere", "hi", "--json"], None)
        .await?;
    output.failure()?;
    let report: serde_json::Value = serde_json::from_str(output.stderr.trim())?;
    assert_eq!(report["kind"], "invalid", "{output}");
    Ok(())
}
