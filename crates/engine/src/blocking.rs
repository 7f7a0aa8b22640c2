//! Store (SQLite), keyring and config-file work off the async threads.

use crate::ErrorReport;

/// Runs store (SQLite), keyring or config-file work on a blocking thread: never on the GUI
/// thread (where a synchronous command runs) or a runtime worker (where an async one runs),
/// where a slow disk, a busy lock or a keyring prompt would freeze the windows and stall the
/// syncs. A panic inside becomes an `internal` report.
pub async fn blocking<T, E>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, ErrorReport>
where
    T: Send + 'static,
    E: Into<ErrorReport> + 'static,
{
    tokio::task::spawn_blocking(move || work().map_err(Into::into))
        .await
        .unwrap_or_else(|error| Err(ErrorReport::internal(format!("the work stopped: {error}"))))
}

#[cfg(test)]
mod tests {
    use std::thread;

    use super::*;

    #[tokio::test]
    async fn blocking_work_runs_off_the_calling_thread() {
        let caller = thread::current().id();
        let worker = blocking(|| Ok::<_, ErrorReport>(thread::current().id()))
            .await
            .unwrap();
        assert_ne!(worker, caller);
    }

    #[tokio::test]
    async fn blocking_work_hands_its_error_back() {
        let error = blocking(|| Err::<(), _>(ErrorReport::invalid("no such room")))
            .await
            .unwrap_err();
        assert_eq!(
            (error.kind, error.message.as_str()),
            (crate::ErrorKind::Invalid, "no such room")
        );
    }

    #[tokio::test]
    async fn a_panic_in_blocking_work_becomes_an_internal_report() {
        let error = blocking(|| -> Result<(), ErrorReport> { panic!("the cache exploded") })
            .await
            .unwrap_err();
        assert_eq!(error.kind, crate::ErrorKind::Internal);
        assert!(
            error.message.contains("the cache exploded"),
            "{}",
            error.message
        );
    }
}
