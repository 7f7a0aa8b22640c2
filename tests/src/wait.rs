//! Polling with a deadline: the only way the tests wait for anything.

use std::future::Future;
use std::time::Duration;

use anyhow::{bail, Result};
use tokio::time::Instant;

const POLL_EVERY: Duration = Duration::from_millis(100);

/// Polls `check` until it returns `Some`, and returns that; fails after `timeout` with a message
/// naming `what` was awaited. A check that does not finish by then (a request nobody answers)
/// fails the wait too, instead of holding the test forever.
pub async fn wait_until_some<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        match tokio::time::timeout_at(deadline, check()).await {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => {}
            Err(_) => bail!(
                "timed out after {timeout:?} waiting for {what}: the last check never finished"
            ),
        }
        if Instant::now() >= deadline {
            bail!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
}

/// Polls `check` until it returns true; fails after `timeout` with a message naming `what`.
pub async fn wait_until<F, Fut>(what: &str, timeout: Duration, mut check: F) -> Result<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    wait_until_some(what, timeout, || {
        let fut = check();
        async move { fut.await.then_some(()) }
    })
    .await
}
