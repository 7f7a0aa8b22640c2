//! The command line: the same engine and account as the tray, for scripts and terminals.
//! One file per command group; this one parses and dispatches.

mod account;
mod accounts;
mod activity;
mod daemon;
mod dates;
mod language;
mod notifications;
mod output;
mod status;
mod talk;
mod watch;
mod watch_format;

use clap::{Parser, Subcommand};
use nctray_engine::accounts::setup::open_selected_engine;
use nctray_engine::Paths;

use language::Speech;
use output::say_err;

#[derive(Debug, Parser)]
#[command(name = "nctray", version, about = "Nextcloud in the system tray")]
pub struct Args {
    /// Run against the built-in simulated server instead of a configured account.
    #[arg(long)]
    pub demo: bool,
    /// Open this window at start: popover, status, chat or accounts.
    #[arg(long, value_name = "NAME")]
    pub window: Option<nctray_api::AppWindow>,
    /// Print results (and errors) as JSON.
    #[arg(long, global = true)]
    pub json: bool,
    /// The account to use: login@server, login name or server (default: the first one).
    #[arg(long, global = true)]
    pub account: Option<String>,
    /// The language to speak (e.g. de, pt-BR, de_DE.UTF-8), instead of the settings', the
    /// Nextcloud user's or the desktop's. --json is the same in every language.
    #[arg(long, global = true, value_name = "LANGUAGE", value_parser = parse_language)]
    pub lang: Option<String>,
    /// Print dates and times in UTC instead of the machine's time zone.
    #[arg(long, global = true)]
    pub utc: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Writes the man page and the shell completions into this folder and exits (used when
    /// the packages are built).
    #[arg(long, value_name = "DIR", hide = true)]
    pub generate_docs: Option<std::path::PathBuf>,
    /// Panics right after the log is set up, to check that panics reach the log file.
    #[arg(long, hide = true)]
    pub debug_panic: bool,
    /// Started by the window process (nctray-windows), which shows what was asked for: open
    /// no window at start.
    #[arg(long, hide = true, conflicts_with = "window")]
    pub for_windows: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show or change your status.
    Status {
        #[command(subcommand)]
        action: Option<status::StatusAction>,
    },
    /// Manage accounts.
    Account {
        #[command(subcommand)]
        action: account::AccountAction,
    },
    /// List the configured accounts and whether the keyring holds their app passwords.
    Accounts,
    #[command(about = notifications::ABOUT, long_about = notifications::LONG_ABOUT)]
    Notifications(notifications::NotificationsArgs),
    /// Show the activity stream, newest first (from the cache when the server cannot be
    /// reached).
    Activity(activity::ActivityArgs),
    /// Talk: list conversations, read one, send a message.
    Talk {
        #[command(subcommand)]
        action: talk::TalkAction,
    },
    /// Print one line per change (status, connection, new notification) until stopped;
    /// for status bars such as waybar or polybar.
    Watch {
        /// What to print.
        #[arg(long, value_enum, default_value_t = watch_format::WatchFormat::Json)]
        format: watch_format::WatchFormat,
    },
}

/// `--lang` as given, when nctray has a catalogue for it; refused in the command line's words.
fn parse_language(asked: &str) -> Result<String, String> {
    crate::language::check_choice(asked)
        .map(|()| asked.to_owned())
        .map_err(|_| language::unknown_language(asked))
}

/// `nctray … | head` closes the pipe before we are done: Rust's `println!` then panics, but
/// for a command line tool that is a normal end, not an error.
fn end_quietly_on_a_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map_or("", String::as_str);
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Speaks the language `--lang` names while the arguments are parsed (their full choice is
/// made in [`run`]), so that nctray's own refusals of a value read in that language.
pub fn speak_while_parsing() {
    let arguments = std::env::args_os()
        .skip(1)
        .filter_map(|a| a.into_string().ok());
    if let Some(flag) = language::flag_in(arguments) {
        nctray_i18n::set_current(nctray_i18n::Language::negotiate(&[&flag]));
    }
}

/// Runs the command of `args` (which must have one) and returns the process exit code.
pub fn run(args: Args) -> i32 {
    end_quietly_on_a_closed_pipe();
    let Some(command) = args.command else {
        return 0;
    };
    let (account, json) = (args.account, args.json);
    let speech = language::Speech {
        flag: args.lang,
        utc: args.utc,
        json,
    };
    speech.start();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return report_error(&anyhow::anyhow!(e), json),
    };
    match runtime.block_on(execute(command, account.as_deref(), &speech)) {
        Ok(()) => 0,
        Err(error) => report_error(&error, json),
    }
}

fn report_error(error: &anyhow::Error, json: bool) -> i32 {
    if json {
        let kind = error
            .downcast_ref::<nctray_engine::Error>()
            .map_or("error", |e| e.kind().as_str());
        let report = serde_json::json!({ "kind": kind, "message": format!("{error:#}") });
        eprintln!("{report}");
    } else {
        say_err(format!("nctray: {}", in_words(error)));
    }
    1
}

/// An engine or server error as people read it, in the language spoken (`errors.rs`); one that
/// carries context of its own, or that nctray worded itself, as it is.
fn in_words(error: &anyhow::Error) -> String {
    let engine_error = (error.chain().count() == 1)
        .then(|| error.downcast_ref::<nctray_engine::Error>())
        .flatten();
    match engine_error {
        Some(engine_error) => crate::errors::explain(engine_error),
        None => format!("{error:#}"),
    }
}

async fn execute(command: Command, account: Option<&str>, speech: &Speech) -> anyhow::Result<()> {
    let json = speech.json;
    let paths = Paths::from_platform()?;
    if let Err(error) = paths.make_private() {
        tracing::warn!("{error}");
    }
    // The selected account's engine, speaking its user's language.
    let open = || -> anyhow::Result<nctray_engine::Engine> {
        let engine = open_selected_engine(&paths, account)?;
        speech.follow(&engine);
        Ok(engine)
    };
    if !matches!(command, Command::Watch { .. }) {
        if let Some(notice) = nctray_engine::accounts::setup::check_cache(&paths.database())? {
            eprintln!("nctray: {notice}");
        }
    }
    match command {
        Command::Status { action } => {
            let engine = open()?;
            status::run(&engine, action, json).await
        }
        Command::Account { action } => account::run(&paths, action, json).await,
        Command::Accounts => accounts::run(&paths, json),
        Command::Notifications(args) => {
            let engine = open()?;
            notifications::run(&engine, args, json).await
        }
        Command::Activity(args) => {
            let engine = open()?;
            activity::run(&engine, args, json).await
        }
        Command::Talk { action } => {
            let engine = open()?;
            talk::run(&engine, action, json).await
        }
        Command::Watch { format } => watch::run(&paths, account, format, speech).await,
    }
}
