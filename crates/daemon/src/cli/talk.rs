//! `nctray talk …`: the Talk conversations, reading one (which marks it read) and writing.
//! Messages are printed as plain text: mentions as `@Name`, files by their name.

use clap::Subcommand;
use nctray_engine::{ChatMessage, ChatRoom, Engine};
use serde_json::json;

use nctray_i18n::tr;

use super::dates::show_unix;
use super::language::cli_text;
use super::output::{printable, say};

#[derive(Debug, Subcommand)]
pub enum TalkAction {
    /// List the conversations: favorites (★) first, then the latest; unread messages and
    /// mentions (@) marked.
    Rooms,
    /// Show the newest messages of a conversation and mark it read.
    Read {
        /// The conversation: its token or its name.
        room: String,
        /// How many messages to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Send a message (mention someone with @user-id).
    Send {
        /// The conversation: its token or its name.
        room: String,
        /// The message; several words are joined with spaces.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
}

pub async fn run(engine: &Engine, action: TalkAction, json: bool) -> anyhow::Result<()> {
    // Cheap after the first time (only what changed), and names must be current.
    engine.talk().sync_rooms().await?;
    match action {
        TalkAction::Rooms => {
            let rooms = engine.talk().cached_rooms()?;
            if json {
                println!("{}", serde_json::to_string(&rooms)?);
            } else {
                print_rooms(&rooms);
            }
        }
        TalkAction::Read { room, limit } => {
            let room = engine.talk().find_room(&room)?;
            let messages = engine.talk().room_messages(&room.token, limit).await?;
            engine.talk().mark_read(&room.token).await?;
            if json {
                println!("{}", json!({ "room": room, "messages": messages }));
            } else {
                say(&room.name);
                for message in &messages {
                    print_message(message);
                }
            }
        }
        TalkAction::Send { room, text } => {
            let room = engine.talk().find_room(&room)?;
            let sent = engine
                .talk()
                .send_message(&room.token, &text.join(" "), None)
                .await?;
            if json {
                println!("{}", serde_json::to_string(&sent)?);
            } else {
                print_message(&sent);
            }
        }
    }
    Ok(())
}

fn print_rooms(rooms: &[ChatRoom]) {
    if rooms.is_empty() {
        say(cli_text().text("cli-talk-no-rooms"));
        return;
    }
    let width = rooms
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for room in rooms {
        let favorite = if room.favorite { '★' } else { ' ' };
        let mention = if room.unread_mention { '@' } else { ' ' };
        let unread = match room.unread_messages {
            0 => String::new(),
            n => n.to_string(),
        };
        let name = printable(&room.name);
        let padding = width.saturating_sub(name.chars().count());
        say(format!(
            "{favorite} {name}{:padding$}  {unread:>4} {mention}  {}",
            "", room.token
        ));
    }
    let unread: i64 = rooms
        .iter()
        .filter(|r| !r.muted)
        .map(|r| r.unread_messages)
        .sum();
    let mentions = rooms
        .iter()
        .filter(|r| r.unread_mention && !r.muted)
        .count();
    if unread > 0 || mentions > 0 {
        say(tr!(
            cli_text(),
            "cli-talk-unread-summary",
            unread = unread,
            mentions = mentions
        ));
    }
}

/// `<date and time>  bob: text`, a system message as `* text`; further lines indented under
/// the text.
fn print_message(message: &ChatMessage) {
    let text = printable(&message.text);
    let line = if message.is_system() {
        format!("* {text}")
    } else {
        format!("{}: {text}", printable(&message.author))
    };
    let time = show_unix(message.timestamp);
    // Dates are as wide as the locale makes them: the indent follows.
    let indent = " ".repeat(time.chars().count() + 2);
    say(format!(
        "{time}  {}",
        line.replace('\n', &format!("\n{indent}"))
    ));
}
