use serde::{Deserialize, Serialize};

/// A Nextcloud account as the user configured it. The app password is never part of it:
/// it lives in the OS keyring and is handed to the engine only when a client is built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Base URL of the server, e.g. `https://cloud.example.com`.
    pub server: String,
    /// The login name (may differ from the user id, see Login Flow v2).
    pub login_name: String,
}

impl Account {
    /// Stable key of the account in the cache and the keyring: `login@origin`, plus the base
    /// path for a server in a sub-path (`alice@https://host/nextcloud`), so two Nextclouds on
    /// one host are two accounts. A server at the root keeps the key it always had.
    pub fn key(&self) -> String {
        format!("{}@{}{}", self.login_name, self.origin(), self.base_path())
    }

    /// The key nctray 0.1 gave every account, `login@origin` without the base path: where the
    /// keyring kept the app password of an account in a sub-path before. `None` for a server
    /// at the root, whose key never changed.
    pub fn key_before_base_path(&self) -> Option<String> {
        (!self.base_path().is_empty()).then(|| format!("{}@{}", self.login_name, self.origin()))
    }

    /// Scheme, host and port of the server, without path or trailing slash.
    pub fn origin(&self) -> String {
        match url::Url::parse(&self.server) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => self.server.trim_end_matches('/').to_owned(),
        }
    }

    /// The server's path without the trailing slash: `/nextcloud`, or `""` at the root.
    pub fn base_path(&self) -> String {
        match url::Url::parse(&self.server) {
            Ok(url) => url.path().trim_end_matches('/').to_owned(),
            Err(_) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(server: &str) -> Account {
        Account {
            server: server.into(),
            login_name: "alice".into(),
        }
    }

    #[test]
    fn the_key_names_the_base_path_of_a_server_in_a_sub_path() {
        assert_eq!(
            account("https://cloud.example.com:8443/nextcloud/").key(),
            "alice@https://cloud.example.com:8443/nextcloud"
        );
        assert_ne!(
            account("https://host/a").key(),
            account("https://host/b").key()
        );
        assert_eq!(
            account("https://host/nextcloud").key_before_base_path(),
            Some("alice@https://host".into())
        );
    }

    #[test]
    fn a_server_at_the_root_keeps_its_key() {
        for server in [
            "https://cloud.example.com",
            "https://cloud.example.com/",
            "https://cloud.example.com:443",
        ] {
            assert_eq!(
                account(server).key(),
                "alice@https://cloud.example.com",
                "{server}"
            );
            assert_eq!(account(server).key_before_base_path(), None);
        }
    }
}
