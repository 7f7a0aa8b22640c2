//! Helpers shared by the simulator's integration tests: the HTTP client and OCS requests.

#![allow(dead_code)] // each test file uses a different part

use nctray_sim::{Sim, SimConfig};
use reqwest::{Method, RequestBuilder};

/// A client that talks to the loopback simulator directly, never through a proxy.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
}

/// A simulator started with `config`, and a client for it.
pub async fn start(config: SimConfig) -> (Sim, reqwest::Client) {
    let sim = Sim::start(config).await.expect("sim starts");
    (sim, client())
}

/// An OCS request to `url` as `user` with their app password, asking for JSON.
pub fn ocs(client: &reqwest::Client, user: &str, method: Method, url: String) -> RequestBuilder {
    client
        .request(method, url)
        .basic_auth(user, Some(format!("{user}-app-password")))
        .header("OCS-APIRequest", "true")
        .header("Accept", "application/json")
}
