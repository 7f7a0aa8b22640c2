//! What the front end does to every engine it opens: the engine knows no language, the
//! daemon tells each account's server the user's.

use crate::Engine;

/// Called with every engine opened or added from now on.
pub type OnOpen = fn(&Engine);

static ON_OPEN: std::sync::OnceLock<OnOpen> = std::sync::OnceLock::new();

/// Installs what happens to every engine opened from now on (once, at start).
pub fn set_on_open(on_open: OnOpen) {
    let _ = ON_OPEN.set(on_open);
}

pub(crate) fn opened(engine: &Engine) {
    if let Some(on_open) = ON_OPEN.get() {
        on_open(engine);
    }
}
