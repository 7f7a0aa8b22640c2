use serde::{Deserialize, Serialize};

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
    /// What kind of failure it is, the `kind` of `{kind, message}` the UI receives.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Server(e) => ErrorKind::of_server(e),
            Error::Database(_) => ErrorKind::Database,
            Error::NewerDatabase { .. } => ErrorKind::NewerDatabase,
            Error::Config(_) => ErrorKind::Config,
            Error::Invalid(_) => ErrorKind::Invalid,
        }
    }
}

/// Every kind of failure the windows and `--json` output may meet (snake_case on the wire;
/// the windows get it as a TypeScript union, so a kind they test for must exist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    // From the server or the way to it.
    Unauthorized,
    NotFound,
    Invalid,
    NoContent,
    Maintenance,
    Http,
    Decode,
    TooLarge,
    Network,
    Certificate,
    Proxy,
    // From the app itself.
    Database,
    NewerDatabase,
    Config,
    Internal,
    /// The browser or file manager could not be started.
    Browser,
    // The accounts.
    /// No account is signed in.
    NoAccount,
    /// The account is there already.
    Exists,
    // A sign-in's end.
    NoSignIn,
    Cancelled,
    Expired,
    /// A certificate the person may choose to trust (the report carries it).
    UntrustedCertificate,
}

impl ErrorKind {
    /// The kind of a failed server request (the client crate's own `kind()` names the same).
    pub fn of_server(error: &nextcloud::Error) -> Self {
        use nextcloud::Error as Server;
        match error {
            Server::Unauthorized => ErrorKind::Unauthorized,
            Server::NotFound { .. } => ErrorKind::NotFound,
            Server::Invalid { .. } => ErrorKind::Invalid,
            Server::NoContent => ErrorKind::NoContent,
            Server::Maintenance => ErrorKind::Maintenance,
            Server::Http { .. } => ErrorKind::Http,
            Server::Decode(_) => ErrorKind::Decode,
            Server::TooLarge { .. } => ErrorKind::TooLarge,
            Server::Network(_) => ErrorKind::Network,
            Server::Certificate(_) => ErrorKind::Certificate,
            Server::ProxyUnreachable(_) | Server::ProxyLoginRefused(_) => ErrorKind::Proxy,
        }
    }

    /// Its name on the wire, e.g. `not_found` (logs, `--json`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Invalid => "invalid",
            ErrorKind::NoContent => "no_content",
            ErrorKind::Maintenance => "maintenance",
            ErrorKind::Http => "http",
            ErrorKind::Decode => "decode",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Network => "network",
            ErrorKind::Certificate => "certificate",
            ErrorKind::Proxy => "proxy",
            ErrorKind::Database => "database",
            ErrorKind::NewerDatabase => "newer_database",
            ErrorKind::Config => "config",
            ErrorKind::Internal => "internal",
            ErrorKind::Browser => "browser",
            ErrorKind::NoAccount => "no_account",
            ErrorKind::Exists => "exists",
            ErrorKind::NoSignIn => "no_sign_in",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Expired => "expired",
            ErrorKind::UntrustedCertificate => "untrusted_certificate",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The form in which errors cross to the UI and to `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
}

impl ErrorReport {
    /// A request refused for bad input, for the UI to show as is.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Invalid,
            message: message.into(),
        }
    }

    /// A failure of the app itself (a keyring or config file that cannot be used, a window
    /// that would not open), with its causes when it is an `anyhow` chain (`{:#}`).
    pub fn internal(error: impl std::fmt::Display) -> Self {
        Self {
            kind: ErrorKind::Internal,
            message: format!("{error:#}"),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_named_on_the_wire_as_the_client_crate_names_it() {
        let server_errors = [
            nextcloud::Error::Unauthorized,
            nextcloud::Error::NotFound {
                message: "x".into(),
            },
            nextcloud::Error::Invalid {
                statuscode: 400,
                message: "x".into(),
            },
            nextcloud::Error::NoContent,
            nextcloud::Error::Maintenance,
            nextcloud::Error::Http {
                status: 502,
                message: "x".into(),
            },
            nextcloud::Error::Decode("x".into()),
            nextcloud::Error::TooLarge { limit_mib: 1 },
            nextcloud::Error::Network("x".into()),
            nextcloud::Error::ProxyUnreachable("x".into()),
            nextcloud::Error::ProxyLoginRefused("x".into()),
        ];
        for error in server_errors {
            let kind = ErrorKind::of_server(&error);
            assert_eq!(kind.as_str(), error.kind(), "{error:?}");
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
