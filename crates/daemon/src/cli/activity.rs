//! `nctray activity`: the activity stream, newest first, after one catch-up with the server
//! (from the cache when it cannot be reached), through a filter or a text search.

use clap::Args as ClapArgs;
use nctray_engine::nextcloud::Activity;
use nctray_engine::Engine;

use super::dates::show_iso;
use super::language::cli_text;
use super::output::{is_offline, printable, say, say_body, Cached};

/// Pages fetched at most to fill `--limit` from older activities.
const MAX_OLDER_PAGES: usize = 10;

#[derive(Debug, ClapArgs)]
pub struct ActivityArgs {
    /// Only what one of the server's filters lets through: all, self (by you), by (by
    /// others), files, files_sharing, calendar, comments, … An unknown one lists the server's.
    #[arg(long)]
    pub filter: Option<String>,
    /// Only activities whose text has all these words (also as the start of longer words),
    /// searched in the cache, so it works offline too.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// How many activities to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub async fn run(engine: &Engine, args: ActivityArgs, json: bool) -> anyhow::Result<()> {
    let mut online = true;
    match engine.activity().sync().await {
        Ok(_) => {}
        Err(error) if is_offline(&error) => {
            super::output::note_offline(engine, &error, Cached::Activities, json);
            online = false;
        }
        Err(error) => return Err(error.into()),
    }
    let filter = args.filter.as_deref();
    if filter.is_some() {
        // Known filters make a typo an error that names the right ones; cached for a day.
        if let Err(error) = engine.activity().filters().await {
            if !is_offline(&error) {
                return Err(error.into());
            }
        }
    }
    let shown = match &args.search {
        Some(text) => engine.activity().search(filter, text, args.limit)?,
        None => {
            let mut page = engine.activity().page(filter, None, args.limit)?;
            let mut fetched = 0;
            while online
                && page.len() < args.limit
                && fetched < MAX_OLDER_PAGES
                && engine.activity().has_older()?
            {
                engine.activity().load_older().await?;
                fetched += 1;
                page = engine.activity().page(filter, None, args.limit)?;
            }
            page
        }
    };
    if json {
        println!("{}", serde_json::to_string(&shown)?);
    } else if shown.is_empty() {
        say(cli_text().text("cli-activity-none"));
    } else {
        for activity in &shown {
            print_activity(activity);
        }
    }
    Ok(())
}

fn print_activity(activity: &Activity) {
    say(format!(
        "{}  {}",
        show_iso(&activity.datetime),
        printable(&activity.subject)
    ));
    say_body(activity.message.as_deref());
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Args, Command};

    fn parse(line: &[&str]) -> Result<ActivityArgs, clap::Error> {
        let args = Args::try_parse_from(std::iter::once("nctray").chain(line.iter().copied()))?;
        match args.command {
            Some(Command::Activity(args)) => Ok(args),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn filter_search_and_limit_are_optional() {
        let args = parse(&["activity"]).unwrap();
        assert_eq!((args.filter, args.search, args.limit), (None, None, 20));
        let args = parse(&[
            "activity",
            "--filter",
            "files_sharing",
            "--search",
            "quarterly report",
            "--limit",
            "5",
            "--json",
        ])
        .unwrap();
        assert_eq!(args.filter.as_deref(), Some("files_sharing"));
        assert_eq!(args.search.as_deref(), Some("quarterly report"));
        assert_eq!(args.limit, 5);
        assert!(parse(&["activity", "--limit", "many"]).is_err());
        assert!(parse(&["activity", "--filter"]).is_err());
    }
}
