//! Desktop idle time on Linux, asked over D-Bus from whoever knows it: GNOME's Mutter idle
//! monitor, the freedesktop ScreenSaver (KDE and others), or logind's idle hint.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nctray_engine::IdleSource;
use zbus::blocking::Connection;

pub struct SessionIdle;

impl IdleSource for SessionIdle {
    fn idle_for(&self) -> Option<Duration> {
        let session = Connection::session().ok();
        let from_session = session
            .as_ref()
            .and_then(|bus| mutter_idle(bus).or_else(|| screensaver_idle(bus)));
        from_session.or_else(logind_idle)
    }
}

fn mutter_idle(bus: &Connection) -> Option<Duration> {
    let reply = bus
        .call_method(
            Some("org.gnome.Mutter.IdleMonitor"),
            "/org/gnome/Mutter/IdleMonitor/Core",
            Some("org.gnome.Mutter.IdleMonitor"),
            "GetIdletime",
            &(),
        )
        .ok()?;
    let millis: u64 = reply.body().deserialize().ok()?;
    Some(Duration::from_millis(millis))
}

fn screensaver_idle(bus: &Connection) -> Option<Duration> {
    let reply = bus
        .call_method(
            Some("org.freedesktop.ScreenSaver"),
            "/org/freedesktop/ScreenSaver",
            Some("org.freedesktop.ScreenSaver"),
            "GetSessionIdleTime",
            &(),
        )
        .ok()?;
    let millis: u32 = reply.body().deserialize().ok()?;
    Some(Duration::from_millis(u64::from(millis)))
}

/// logind knows only "idle since" (set by the session's idle inhibitor logic).
fn logind_idle() -> Option<Duration> {
    let bus = Connection::system().ok()?;
    let get = |property: &str| {
        bus.call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1/session/auto",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.login1.Session", property),
        )
        .ok()
    };
    let idle: bool = get("IdleHint")?
        .body()
        .deserialize::<zbus::zvariant::OwnedValue>()
        .ok()?
        .try_into()
        .ok()?;
    if !idle {
        return Some(Duration::ZERO);
    }
    let since_micros: u64 = get("IdleSinceHint")?
        .body()
        .deserialize::<zbus::zvariant::OwnedValue>()
        .ok()?
        .try_into()
        .ok()?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    Some(now.saturating_sub(Duration::from_micros(since_micros)))
}
