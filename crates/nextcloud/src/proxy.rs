//! Which HTTP proxy a connection goes through: the account's own ([`Proxy`]), or else the one
//! `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` name unless `NO_PROXY` exempts the host (the
//! same variables reqwest reads for the requests). reqwest does the proxying of requests
//! itself; the push socket and [`crate::inspect`] tunnel through the proxy with
//! `CONNECT` here.

use std::fmt;
use std::net::IpAddr;

use base64::Engine as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use url::Url;

use crate::client::CONNECT_TIMEOUT;
use crate::{Error, Result};

/// The longest proxy answer to a `CONNECT` read before giving up on it.
const MAX_CONNECT_ANSWER: usize = 8 * 1024;

/// An account's HTTP proxy: `http://host:port`, optionally with a login. The password is
/// kept apart from the URL (it belongs in the keyring) and never shown by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Proxy {
    /// `http://[login@]host:port/`, never with a password.
    url: Url,
    password: Option<String>,
}

impl Proxy {
    /// Reads a proxy address such as `http://proxy.example.com:3128` or
    /// `http://alice@proxy:3128`; a password in the URL is taken out of it and `password`
    /// (from the keyring) wins over it. Only `http://` proxies are supported.
    pub fn new(address: &str, password: Option<String>) -> Result<Proxy> {
        let mut url = Url::parse(address.trim())
            .map_err(|e| Error::refused(format!("{address:?} is not a proxy address: {e}")))?;
        if url.scheme() != "http" || url.host_str().is_none() {
            return Err(Error::refused(format!(
                "The proxy address must look like http://host:port, not {address:?}"
            )));
        }
        let in_url = url.password().map(percent_decode);
        let _ = url.set_password(None);
        url.set_path("/");
        url.set_query(None);
        url.set_fragment(None);
        Ok(Proxy {
            url,
            password: password.or(in_url),
        })
    }

    /// The address without password, as the config keeps it.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The login name, when the proxy asks for one.
    pub fn login_name(&self) -> Option<String> {
        Some(percent_decode(self.url.username())).filter(|name| !name.is_empty())
    }

    /// reqwest's twin of this proxy, for every request of the account.
    pub(crate) fn for_reqwest(&self) -> Result<reqwest::Proxy> {
        let proxy = reqwest::Proxy::all(self.url.as_str())
            .map_err(|e| Error::refused(format!("proxy {}: {e}", self.url)))?;
        Ok(match self.login_name() {
            Some(name) => proxy.basic_auth(&name, self.password.as_deref().unwrap_or("")),
            None => proxy,
        })
    }

    fn authorization(&self) -> Option<String> {
        let name = self.login_name()?;
        let pair = format!("{name}:{}", self.password.as_deref().unwrap_or(""));
        Some(format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        ))
    }

    fn host_and_port(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        format!("{host}:{}", self.url.port_or_known_default().unwrap_or(80))
    }
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.url.as_str())
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// The proxy a connection to `target` goes through: the account's, or the environment's.
pub(crate) fn route(account_proxy: Option<&Proxy>, target: &Url) -> Option<Proxy> {
    if let Some(proxy) = account_proxy {
        return Some(proxy.clone());
    }
    let secure = matches!(target.scheme(), "https" | "wss");
    let names: &[&str] = if secure {
        &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
    } else {
        &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
    };
    let address = names
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())?;
    let exempt = ["NO_PROXY", "no_proxy"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .any(|list| no_proxy_matches(&list, target));
    if exempt {
        return None;
    }
    let address = if address.contains("://") {
        address
    } else {
        format!("http://{address}")
    };
    match Proxy::new(&address, None) {
        Ok(proxy) => Some(proxy),
        Err(error) => {
            tracing::warn!("ignoring the proxy from the environment: {error}");
            None
        }
    }
}

/// Whether a `NO_PROXY` list (`*`, host names matching themselves and their subdomains, with
/// or without a leading dot, IP addresses, `address/bits` ranges) exempts `target`.
fn no_proxy_matches(list: &str, target: &Url) -> bool {
    let Some(host) = target.host_str() else {
        return false;
    };
    let host = host.trim_matches(['[', ']']).to_ascii_lowercase();
    let ip = host.parse::<IpAddr>().ok();
    list.split(',')
        .map(|entry| entry.trim().to_ascii_lowercase())
        .filter(|entry| !entry.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            if let (Some(ip), Some((net, bits))) = (ip, entry.split_once('/')) {
                return in_range(ip, net, bits);
            }
            let entry = entry.trim_start_matches("*.").trim_start_matches('.');
            host == entry || host.ends_with(&format!(".{entry}"))
        })
}

fn in_range(ip: IpAddr, net: &str, bits: &str) -> bool {
    let (Ok(net), Ok(bits)) = (net.parse::<IpAddr>(), bits.parse::<u32>()) else {
        return false;
    };
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// The error for a proxy that cannot be reached, for requests and the socket alike.
pub(crate) fn unreachable(proxy: &Proxy, reason: impl fmt::Display) -> Error {
    Error::ProxyUnreachable(format!(
        "nctray could not connect to the proxy {} ({reason})",
        proxy.host_and_port()
    ))
}

/// The error for a proxy that answered `407 Proxy Authentication Required`, for requests
/// (a status of plain-http requests, a failed tunnel of https ones) and the socket alike.
pub(crate) fn login_refused(proxy: &Proxy) -> Error {
    Error::ProxyLoginRefused(format!(
        "the proxy {} refused the login: check the proxy's user and password",
        proxy.host_and_port()
    ))
}

/// Opens a TCP connection to `target`'s host and port: straight, or through the proxy with
/// `CONNECT` (for `ws://` too, so the proxy passes the socket's frames untouched).
pub(crate) async fn connect(target: &Url, account_proxy: Option<&Proxy>) -> Result<TcpStream> {
    let host = target
        .host_str()
        .ok_or_else(|| Error::refused(format!("{} has no host", target.as_str())))?;
    let port = target
        .port_or_known_default()
        .ok_or_else(|| Error::refused(format!("{} has no port", target.as_str())))?;
    let Some(proxy) = route(account_proxy, target) else {
        let connecting = TcpStream::connect((host.trim_matches(['[', ']']), port));
        return tokio::time::timeout(CONNECT_TIMEOUT, connecting)
            .await
            .map_err(|_| Error::Network("the server did not answer in time".into()))?
            .map_err(|e| Error::Network(format!("cannot connect to {host}:{port}: {e}")));
    };
    tracing::debug!(proxy = %proxy.host_and_port(), "tunnelling through the proxy");
    let connecting = TcpStream::connect(proxy.host_and_port());
    let mut stream = tokio::time::timeout(CONNECT_TIMEOUT, connecting)
        .await
        .map_err(|_| unreachable(&proxy, "no answer in time"))?
        .map_err(|e| unreachable(&proxy, e))?;
    let authority = format!("{host}:{port}");
    let mut request = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(authorization) = proxy.authorization() {
        request.push_str(&format!("Proxy-Authorization: {authorization}\r\n"));
    }
    request.push_str("\r\n");
    let tunnel = async {
        stream.write_all(request.as_bytes()).await?;
        read_connect_answer(&mut stream).await
    };
    let status_line = tokio::time::timeout(CONNECT_TIMEOUT, tunnel)
        .await
        .map_err(|_| unreachable(&proxy, "no answer to CONNECT in time"))?
        .map_err(|e| unreachable(&proxy, e))?;
    let status = status_line.split_whitespace().nth(1).unwrap_or_default();
    match status {
        "200" => Ok(stream),
        "407" => Err(login_refused(&proxy)),
        _ => Err(Error::Network(format!(
            "the proxy {} did not connect to {authority}: {:?}",
            proxy.host_and_port(),
            status_line.trim()
        ))),
    }
}

/// Reads the proxy's answer to `CONNECT` up to its blank line, byte by byte so not one byte
/// of the tunnel behind it is taken; returns its status line.
async fn read_connect_answer(stream: &mut TcpStream) -> std::io::Result<String> {
    let mut answer = Vec::new();
    while !answer.ends_with(b"\r\n\r\n") {
        if answer.len() >= MAX_CONNECT_ANSWER {
            return Err(std::io::Error::other("the answer to CONNECT is too long"));
        }
        let mut byte = [0u8; 1];
        if stream.read(&mut byte).await? == 0 {
            return Err(std::io::Error::other(
                "the proxy closed the connection instead of answering CONNECT",
            ));
        }
        answer.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&answer);
    Ok(text.lines().next().unwrap_or_default().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        text.parse().unwrap()
    }

    #[test]
    fn no_proxy_exempts_hosts_their_subdomains_addresses_and_ranges() {
        let list = "localhost, .example.org,cloud.example.com,10.0.0.0/8,::1";
        assert!(no_proxy_matches(list, &url("https://localhost:8443/")));
        assert!(no_proxy_matches(list, &url("https://www.example.org/")));
        assert!(no_proxy_matches(list, &url("https://example.org/")));
        assert!(no_proxy_matches(list, &url("https://cloud.example.com/")));
        assert!(no_proxy_matches(
            list,
            &url("wss://a.cloud.example.com/push")
        ));
        assert!(no_proxy_matches(list, &url("http://10.1.2.3/")));
        assert!(no_proxy_matches(list, &url("http://[::1]:8080/")));
        assert!(!no_proxy_matches(list, &url("https://evilexample.org/")));
        assert!(!no_proxy_matches(list, &url("https://example.com/")));
        assert!(!no_proxy_matches(list, &url("http://11.0.0.1/")));
        assert!(no_proxy_matches("*", &url("https://anything/")));
    }

    #[test]
    fn a_proxy_password_never_stays_in_the_url_nor_in_debug() {
        let proxy = Proxy::new("http://alice:s%40cret@proxy.example.com:3128/x?y", None).unwrap();
        assert_eq!(proxy.url().as_str(), "http://alice@proxy.example.com:3128/");
        assert_eq!(proxy.login_name().as_deref(), Some("alice"));
        assert_eq!(
            proxy.authorization().unwrap(),
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode("alice:s@cret")
            )
        );
        assert!(!format!("{proxy:?}").contains("cret"));
        let from_keyring = Proxy::new("http://alice@proxy:3128", Some("other".into())).unwrap();
        assert!(from_keyring.authorization().is_some());
    }

    #[test]
    fn only_http_proxies_are_taken() {
        for bad in [
            "socks5://proxy:1080",
            "proxy",
            "https://proxy:443",
            "ftp://p",
        ] {
            let error = Proxy::new(bad, None).unwrap_err();
            assert!(error.to_string().contains("proxy"), "{bad}: {error}");
        }
    }
}
