//! The man pages and shell completions, generated from the command line's own definition
//! when the packages are built (`nctray --generate-docs DIR`), so they never drift from it.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Args;

/// Writes `DIR/man/nctray.1` (and one page per subcommand) and `DIR/completions/` for bash,
/// zsh and fish; returns the exit code.
pub fn write_all(dir: &Path) -> i32 {
    match write(dir) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!(
                "nctray: cannot write the docs into {}: {error}",
                dir.display()
            );
            1
        }
    }
}

fn write(dir: &Path) -> std::io::Result<()> {
    let man = dir.join("man");
    let completions = dir.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&completions)?;
    clap_mangen::generate_to(Args::command(), &man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut Args::command(), "nctray", &completions)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_and_completions_name_every_subcommand() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(write_all(dir.path()), 0);
        let page = std::fs::read_to_string(dir.path().join("man/nctray.1")).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH nctray 1"),
            "{page}"
        );
        for sub in ["status", "notifications", "activity", "talk", "watch"] {
            assert!(page.contains(sub), "the man page lacks {sub}");
            assert!(dir.path().join(format!("man/nctray-{sub}.1")).is_file());
        }
        // Hidden switches stay out of what people read.
        assert!(!page.contains("generate-docs") && !page.contains("debug-panic"));
        let bash = std::fs::read_to_string(dir.path().join("completions/nctray.bash")).unwrap();
        assert!(bash.contains("notifications") && bash.contains("--account"));
        assert!(dir.path().join("completions/_nctray").is_file());
        assert!(dir.path().join("completions/nctray.fish").is_file());
    }
}
