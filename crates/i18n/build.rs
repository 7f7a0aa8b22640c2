//! Embeds every catalogue under the repository's `locales/<language>/<file>.ftl` into the crate,
//! so the binary carries its translations and a new language is a new folder, not new code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let locales = manifest.join("../../locales");
    // A directory here makes Cargo rerun this script when anything under it changes.
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut found = Vec::new();
    for language in sorted_entries(&locales) {
        if !language.is_dir() {
            continue;
        }
        for file in sorted_entries(&language) {
            if file.extension().is_some_and(|ext| ext == "ftl") {
                found.push(file);
            }
        }
    }

    let mut out = String::from(
        "/// (language folder, file stem, catalogue source) of every `locales/*/*.ftl`.\n\
         pub(crate) static EMBEDDED: &[(&str, &str, &str)] = &[\n",
    );
    for file in &found {
        let language = name(file.parent().unwrap());
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let path = file.canonicalize().unwrap();
        writeln!(
            out,
            "    ({language:?}, {stem:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    fs::write(
        PathBuf::from(env::var_os("OUT_DIR").unwrap()).join("embedded.rs"),
        out,
    )
    .unwrap();
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    entries
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
