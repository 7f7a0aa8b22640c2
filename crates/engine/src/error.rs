use serde::Serialize;

/// Everything that can go wrong in the engine, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Server(#[from] nextcloud::Error),
    #[error("cache database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error(
        "the cache was written by a newer nctray (schema version {found}, this one knows up to \
         {known}); update nctray"
    )]
    NewerDatabase { found: u32, known: u32 },
    #[error("configuration: {0}")]
    Config(String),
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// A short machine-readable kind, the `kind` of `{kind, message}` the UI receives.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Server(e) => e.kind(),
            Error::Database(_) => "database",
            Error::NewerDatabase { .. } => "newer_database",
            Error::Config(_) => "config",
            Error::Invalid(_) => "invalid",
        }
    }
}

/// The form in which errors cross to the UI and to `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    pub kind: &'static str,
    pub message: String,
}

/// How the shell words an error for a person, in their language; `None` (or no wording
/// installed) keeps the English `Display`, which the logs always use.
pub type Wording = fn(&Error) -> Option<String>;

static WORDING: std::sync::OnceLock<Wording> = std::sync::OnceLock::new();

/// Installs the shell's wording of errors for every [`ErrorReport`] from now on (once; the
/// engine itself knows no language).
pub fn set_wording(wording: Wording) {
    let _ = WORDING.set(wording);
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        let worded = WORDING.get().and_then(|wording| wording(error));
        Self {
            kind: error.kind(),
            message: worded.unwrap_or_else(|| error.to_string()),
        }
    }
}

impl From<Error> for ErrorReport {
    fn from(error: Error) -> Self {
        Self::from(&error)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
