//! How long the desktop has been idle, per platform, for the heartbeat's away rule.

#[cfg(target_os = "linux")]
mod linux;

use std::sync::Arc;

use nctray_engine::IdleSource;

/// The platform's idle detector, or one that never reports idle where there is none.
pub fn platform_idle_source() -> Arc<dyn IdleSource> {
    #[cfg(target_os = "linux")]
    {
        Arc::new(linux::SessionIdle)
    }
    #[cfg(not(target_os = "linux"))]
    {
        Arc::new(nctray_engine::NeverIdle)
    }
}
