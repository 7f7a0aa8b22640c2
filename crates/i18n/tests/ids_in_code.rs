//! Every message id the code looks up is in an English catalogue. The code passes ids as
//! literals to `.text("…")`, `.text_with("…", …)` and `tr!(…, "…")`; this reads the sources
//! for them. A scan rather than generated constants: the id stays readable where it is used
//! and greppable in the catalogues, and other crates (the command line) need nothing extra.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use nctray_i18n::Catalogue;

fn english_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for catalogue in Catalogue::ALL {
        let Some(source) = catalogue.source("en") else {
            continue;
        };
        let resource = fluent_syntax::parser::parse(source).expect("English parses");
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.insert(message.id.name.to_string());
            }
        }
    }
    ids
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            into.push(path);
        }
    }
}

/// The string literal that starts right at `text` (after optional spaces/newlines), if any.
fn literal_at(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix('"')?;
    rest.split('"').next()
}

/// (file, id) of every lookup with a literal id in `source`.
fn lookups(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for opener in [".text(", ".text_with(", "tr!("] {
        for (at, _) in source.match_indices(opener) {
            let after = &source[at + opener.len()..];
            let id = if opener == "tr!(" {
                // tr!(localizer, "id", …): the literal after the first comma.
                after.split_once(',').and_then(|(_, rest)| literal_at(rest))
            } else {
                literal_at(after)
            };
            if let Some(id) = id {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_looks_up_is_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src-tauri/src"), &mut files);
    for krate in fs::read_dir(root.join("crates")).unwrap() {
        let krate = krate.unwrap().path();
        // This crate's own tests look up ids that do not exist on purpose.
        if !krate.ends_with("i18n") {
            rust_files(&krate.join("src"), &mut files);
        }
    }
    let english = english_ids();
    let mut unknown = Vec::new();
    let mut seen = 0;
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        for id in lookups(&source) {
            seen += 1;
            if !english.contains(&id) {
                unknown.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "ids English lacks:\n{}",
        unknown.join("\n")
    );
    // The scan itself works: the tray alone looks up dozens.
    assert!(seen > 20, "only {seen} lookups found: is the scan broken?");
}

#[test]
fn the_scan_finds_ids_in_all_three_forms_of_lookup() {
    let source = r#"
        loc.text("tray-quit");
        loc.text_with(
            "popup-summary-notifications", &args);
        tr!(app(), "tray-demo-status", status = x);
        response.text().await;
    "#;
    assert_eq!(
        lookups(source),
        [
            "tray-quit",
            "popup-summary-notifications",
            "tray-demo-status"
        ]
    );
}
