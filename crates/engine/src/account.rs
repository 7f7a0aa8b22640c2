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

    /// Stable key of the account in the cache and the keyring: `login@origin`.
    pub fn key(&self) -> String {
        format!("{}@{}", self.login_name, self.origin())
    }

    /// Scheme, host and port of the server, without path or trailing slash.
    pub fn origin(&self) -> String {
        match url::Url::parse(&self.server) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => self.server.trim_end_matches('/').to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_uses_the_origin_not_the_path() {
        let account = Account {
            server: "https://cloud.example.com:8443/nextcloud/".into(),
            login_name: "alice".into(),
            ..Default::default()
        };
        assert_eq!(account.key(), "alice@https://cloud.example.com:8443");
    }
}
