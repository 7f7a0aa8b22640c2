//! The running daemon, when there is one: the command line then goes through it, so the tray
//! follows at once and no second poller runs.

use nctray_api::{Nctray1Proxy, BUS_NAME};

/// The daemon's API, if a daemon runs on this session bus.
pub async fn running() -> Option<Nctray1Proxy<'static>> {
    let bus = zbus::Connection::session().await.ok()?;
    let dbus = zbus::fdo::DBusProxy::new(&bus).await.ok()?;
    let name = zbus::names::BusName::try_from(BUS_NAME).ok()?;
    if !dbus.name_has_owner(name).await.ok()? {
        return None;
    }
    Nctray1Proxy::new(&bus).await.ok()
}
