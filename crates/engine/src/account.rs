use serde::{Deserialize, Serialize};

/// A Nextcloud account as the user configured it. The app password is never part of it:
/// it lives in the OS keyring and is handed to the engine only when a client is built.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Base URL of the server, e.g. `https://cloud.example.com`.
    pub server: String,
    /// The login name (may differ from the user id, see Login Flow v2).
    pub login_name: String,
    /// The server's own certificate the person trusted for this account, when the system
    /// does not trust it: then that certificate, and no other, is accepted. Not a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trusted_certificate: Option<nextcloud::Fingerprint>,
    /// The account's HTTP proxy, `http://[login@]host:port`, instead of the environment's
    /// `HTTPS_PROXY` / `HTTP_PROXY`. A proxy password lives in the keyring, never here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
}

/// What the keyring holds for an account: its app password, and the password of its proxy
/// when the proxy asks for a login. `Debug` shows neither.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AccountSecrets {
    pub app_password: String,
    pub proxy_password: Option<String>,
}

impl From<String> for AccountSecrets {
    /// An account without a proxy login needs only its app password.
    fn from(app_password: String) -> Self {
        AccountSecrets {
            app_password,
            proxy_password: None,
        }
    }
}

impl std::fmt::Debug for AccountSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountSecrets")
            .field(
                "proxy_password",
                &self.proxy_password.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

impl Account {
    /// How the account's connections reach the server: its trusted certificate and proxy
    /// (with the proxy's password from the keyring, if it has one).
    pub fn connection(
        &self,
        proxy_password: Option<String>,
    ) -> crate::Result<nextcloud::Connection> {
        let proxy = match &self.proxy {
            Some(address) => Some(nextcloud::Proxy::new(address, proxy_password)?),
            None => None,
        };
        Ok(nextcloud::Connection {
            pinned_certificate: self.trusted_certificate,
            proxy,
        })
    }

    /// The login name of the account's proxy, when it asks for one (its password is then
    /// in the keyring).
    pub fn proxy_login(&self) -> Option<String> {
        let proxy = nextcloud::Proxy::new(self.proxy.as_deref()?, None).ok()?;
        proxy.login_name()
    }

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
            ..Default::default()
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
