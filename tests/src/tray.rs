//! The app's tray item as a desktop shell sees it: the StatusNotifierItem on the session bus, its
//! icon and its com.canonical.dbusmenu menu, which the tests read and click.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use serde::Deserialize;
use tokio::time::Instant;
use zbus::fdo::{DBusProxy, IntrospectableProxy, PropertiesProxy};
use zbus::names::{BusName, InterfaceName};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Type, Value};

use crate::app::RunningApp;
use crate::session::Session;
use crate::wait::wait_until_some;

/// Where the daemon's tray (ksni, StatusNotifierItem spoken over D-Bus) exports its item.
const ITEM_PATH: &str = "/StatusNotifierItem";
/// The app's tray id, the item's `Id` property.
const TRAY_ID: &str = "nctray";
const ITEM_INTERFACE: &str = "org.kde.StatusNotifierItem";
const MENU_INTERFACE: &str = "com.canonical.dbusmenu";
/// How long one call to a bus peer may take; peers that never answer are skipped.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a click may take to show its effect before the item is clicked again.
const RECLICK_AFTER: Duration = Duration::from_secs(5);

/// One entry of the tray menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenuItem {
    pub id: i32,
    pub label: String,
    /// `"standard"` or `"separator"`.
    pub kind: String,
    /// `"checkmark"`, `"radio"` or `""`.
    pub toggle_type: String,
    /// 1 checked, 0 unchecked, -1 neither.
    pub toggle_state: i32,
    pub visible: bool,
    pub enabled: bool,
    pub children: Vec<MenuItem>,
}

impl MenuItem {
    /// Whether the item shows a check mark.
    pub fn is_checked(&self) -> bool {
        self.toggle_state == 1
    }

    /// This item and everything below it, depth first.
    pub fn flatten(&self) -> Vec<&MenuItem> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.flatten());
        }
        all
    }
}

/// A tray icon as RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrayIcon {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl TrayIcon {
    /// From one `IconPixmap` entry: ARGB32 in network byte order (A, R, G, B per pixel).
    fn from_argb(width: i32, height: i32, argb: Vec<u8>) -> Result<TrayIcon> {
        let (Ok(width), Ok(height)) = (usize::try_from(width), usize::try_from(height)) else {
            bail!("the tray icon is {width}×{height}");
        };
        if argb.len() != width * height * 4 {
            bail!(
                "the tray icon is {width}×{height} but holds {} bytes",
                argb.len()
            );
        }
        let rgba = argb
            .chunks_exact(4)
            .flat_map(|p| [p[1], p[2], p[3], p[0]])
            .collect();
        Ok(TrayIcon {
            width,
            height,
            rgba,
        })
    }

    /// The pixel at column `x`, row `y` as `[r, g, b, a]`.
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = (y * self.width + x) * 4;
        self.rgba.get(at..at + 4)?.try_into().ok()
    }
}

/// The app's tray item on the session bus.
pub struct Tray {
    connection: zbus::Connection,
    owner: String,
    item: OwnedObjectPath,
    menu: OwnedObjectPath,
}

/// The reply of `GetLayout`: revision and the root `(ia{sv}av)`.
#[derive(Deserialize, Type)]
struct RawItem(i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

impl Tray {
    /// Waits until `app` exports its tray item (failing early if the app exits).
    pub async fn wait_for(session: &Session, app: &RunningApp, timeout: Duration) -> Result<Tray> {
        let connection = session.connect().await?;
        let pid = app.pid();
        let found = wait_until_some("the app's tray item on the session bus", timeout, || {
            let connection = connection.clone();
            async move {
                if let Err(error) = app.ensure_running() {
                    return Some(Err(error));
                }
                Tray::find(&connection, Some(pid)).await.transpose()
            }
        })
        .await;
        found.map_err(|error| anyhow!("{error:#}\n{}", app.logs()))?
    }

    /// Looks for the tray item among the bus's connections (only those of process `pid`, if
    /// given): the app holds several connections (the tray has one of its own), so each one is
    /// asked.
    pub async fn find(connection: &zbus::Connection, pid: Option<u32>) -> Result<Option<Tray>> {
        let dbus = DBusProxy::new(connection).await?;
        for name in dbus.list_names().await? {
            if !name.starts_with(':')
                || Some(name.as_str()) == connection.unique_name().map(|n| n.as_str())
            {
                continue;
            }
            let bus_name = BusName::from(name.clone());
            if let Some(pid) = pid {
                match dbus.get_connection_unix_process_id(bus_name.clone()).await {
                    Ok(owner_pid) if owner_pid == pid => {}
                    _ => continue,
                }
            }
            if let Some((item, menu)) = item_of(connection, &bus_name).await {
                return Ok(Some(Tray {
                    connection: connection.clone(),
                    owner: name.to_string(),
                    item,
                    menu,
                }));
            }
        }
        Ok(None)
    }

    /// The object path of the StatusNotifierItem.
    pub fn item_path(&self) -> &str {
        self.item.as_str()
    }

    /// A string property of the StatusNotifierItem (`Id`, `Title`, `Status`, …).
    pub async fn item_property(&self, name: &str) -> Result<String> {
        Ok(String::try_from(self.raw_item_property(name).await?)?)
    }

    async fn raw_item_property(&self, name: &str) -> Result<OwnedValue> {
        let owner = BusName::try_from(self.owner.as_str())?;
        let properties = properties_of(&self.connection, owner, self.item.as_str()).await?;
        let get = properties.get(InterfaceName::try_from(ITEM_INTERFACE)?, name);
        tokio::time::timeout(CALL_TIMEOUT, get)
            .await
            .map_err(|_| anyhow!("reading {name} got no answer within {CALL_TIMEOUT:?}"))?
            .with_context(|| format!("the tray item's {name}"))
    }

    /// The icon the tray shows now: the largest of the item's `IconPixmap`s, as a panel would
    /// pick it for a large panel.
    pub async fn icon(&self) -> Result<TrayIcon> {
        let value = self.raw_item_property("IconPixmap").await?;
        let pixmaps: Vec<(i32, i32, Vec<u8>)> = value
            .try_into()
            .context("the tray item's IconPixmap is not a(iiay)")?;
        let (width, height, argb) = pixmaps
            .into_iter()
            .max_by_key(|(width, height, _)| i64::from(*width) * i64::from(*height))
            .ok_or_else(|| anyhow!("the tray item has no IconPixmap"))?;
        TrayIcon::from_argb(width, height, argb)
    }

    /// Clicks the icon with the primary button, as a panel does (`Activate(x, y)`: where on
    /// the screen the click was).
    pub async fn activate(&self, x: i32, y: i32) -> Result<()> {
        let position = (x, y);
        let call = self.connection.call_method(
            Some(self.owner.as_str()),
            self.item.as_str(),
            Some(ITEM_INTERFACE),
            "Activate",
            &position,
        );
        tokio::time::timeout(CALL_TIMEOUT, call)
            .await
            .map_err(|_| anyhow!("Activate got no answer within {CALL_TIMEOUT:?}"))?
            .context("Activate on the tray item")?;
        Ok(())
    }

    /// The whole menu (`GetLayout(0, -1, [])`); its root is the invisible container.
    pub async fn layout(&self) -> Result<MenuItem> {
        let reply = self
            .call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
            .await
            .context("GetLayout of the tray menu")?;
        let (_revision, root): (u32, RawItem) = reply.body().deserialize()?;
        raw_item(root)
    }

    /// The items a user sees (visible, not separators), depth first.
    pub async fn visible_items(&self) -> Result<Vec<MenuItem>> {
        let root = self.layout().await?;
        Ok(root
            .flatten()
            .into_iter()
            .skip(1)
            .filter(|item| item.visible && item.kind != "separator")
            .cloned()
            .collect())
    }

    /// Labels of the visible items, for diagnostics and assertions.
    pub async fn visible_labels(&self) -> Result<Vec<String>> {
        Ok(self
            .visible_items()
            .await?
            .into_iter()
            .map(|item| item.label)
            .collect())
    }

    /// The visible item labelled `label`, if any.
    pub async fn item(&self, label: &str) -> Result<Option<MenuItem>> {
        Ok(self
            .visible_items()
            .await?
            .into_iter()
            .find(|item| item.label == label))
    }

    /// Clicks the visible item labelled `label` (`Event(id, "clicked", <0>, 0)`).
    pub async fn click(&self, label: &str) -> Result<()> {
        let item = self
            .item(label)
            .await?
            .ok_or_else(|| anyhow!("no menu item {label:?}"))?;
        if !item.enabled {
            bail!("menu item {label:?} is disabled");
        }
        self.call("Event", &(item.id, "clicked", Value::I32(0), 0u32))
            .await
            .with_context(|| format!("clicking {label:?}"))?;
        Ok(())
    }

    /// Clicks the item labelled `label` until `done` says its effect happened (checked every
    /// 100 ms, re-clicked every `RECLICK_AFTER`): the app rebuilds its menu whenever the status
    /// changes, and a click that lands on an item of the menu being replaced is lost.
    pub async fn choose<F, Fut>(&self, label: &str, done: F, timeout: Duration) -> Result<()>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = bool>,
    {
        let deadline = Instant::now() + timeout;
        loop {
            if done().await {
                return Ok(());
            }
            let last_error = self.click(label).await.err();
            let next_click = (Instant::now() + RECLICK_AFTER).min(deadline);
            while Instant::now() < next_click {
                if done().await {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if Instant::now() >= deadline {
                let error =
                    anyhow!("choosing {label:?} in the tray menu had no effect within {timeout:?}");
                let error = match last_error {
                    Some(cause) => error.context(format!("the last click failed: {cause:#}")),
                    None => error,
                };
                return self.explain(Err(error)).await;
            }
        }
    }

    /// Waits until the visible items satisfy `predicate`.
    pub async fn wait_for_menu(
        &self,
        what: &str,
        predicate: impl Fn(&[MenuItem]) -> bool,
        timeout: Duration,
    ) -> Result<()> {
        let found = wait_until_some(what, timeout, || async {
            let items = self.visible_items().await.ok()?;
            predicate(&items).then_some(())
        })
        .await;
        self.explain(found).await
    }

    /// Waits until a visible item matches `predicate` and returns it.
    pub async fn wait_for_item(
        &self,
        what: &str,
        predicate: impl Fn(&MenuItem) -> bool,
        timeout: Duration,
    ) -> Result<MenuItem> {
        let found = wait_until_some(what, timeout, || async {
            self.visible_items()
                .await
                .ok()?
                .into_iter()
                .find(|item| predicate(item))
        })
        .await;
        self.explain(found).await
    }

    /// Waits until an item labelled `label` is visible.
    pub async fn wait_for_label(&self, label: &str, timeout: Duration) -> Result<MenuItem> {
        let what = format!("menu item {label:?} to appear");
        self.wait_for_item(&what, |item| item.label == label, timeout)
            .await
    }

    /// Waits until no item labelled `label` is visible.
    pub async fn wait_until_gone(&self, label: &str, timeout: Duration) -> Result<()> {
        let what = format!("menu item {label:?} to disappear");
        let gone = wait_until_some(&what, timeout, || async {
            let items = self.visible_items().await.ok()?;
            (!items.iter().any(|item| item.label == label)).then_some(())
        })
        .await;
        self.explain(gone).await
    }

    /// Adds the current menu to an error.
    async fn explain<T>(&self, result: Result<T>) -> Result<T> {
        match result {
            Ok(value) => Ok(value),
            Err(error) => {
                let menu = match self.layout().await {
                    Ok(root) => format!("{:#?}", root.children),
                    Err(error) => format!("(menu unreadable: {error:#})"),
                };
                Err(error.context(format!("the tray menu is now: {menu}")))
            }
        }
    }

    async fn call<B>(&self, method: &str, body: &B) -> Result<zbus::Message>
    where
        B: serde::Serialize + Type,
    {
        let call = self.connection.call_method(
            Some(self.owner.as_str()),
            self.menu.as_str(),
            Some(MENU_INTERFACE),
            method,
            body,
        );
        let reply = tokio::time::timeout(CALL_TIMEOUT, call)
            .await
            .map_err(|_| anyhow!("{method} got no answer within {CALL_TIMEOUT:?}"))??;
        Ok(reply)
    }
}

/// The standard `Properties` interface of the object at `path` of `peer`.
async fn properties_of<'a>(
    connection: &zbus::Connection,
    peer: BusName<'a>,
    path: &'a str,
) -> zbus::Result<PropertiesProxy<'a>> {
    PropertiesProxy::builder(connection)
        .destination(peer)?
        .path(path)?
        .build()
        .await
}

/// The StatusNotifierItem that `peer` exports for the tray id, and its `Menu` object path.
async fn item_of(
    connection: &zbus::Connection,
    peer: &BusName<'_>,
) -> Option<(OwnedObjectPath, OwnedObjectPath)> {
    let lookup = async {
        let xml = IntrospectableProxy::builder(connection)
            .destination(peer.clone())
            .ok()?
            .path(ITEM_PATH)
            .ok()?
            .build()
            .await
            .ok()?
            .introspect()
            .await
            .ok()?;
        if !xml.contains(ITEM_INTERFACE) {
            return None;
        }
        let properties = properties_of(connection, peer.clone(), ITEM_PATH)
            .await
            .ok()?;
        let interface = InterfaceName::try_from(ITEM_INTERFACE).ok()?;
        let id = properties.get(interface.clone(), "Id").await.ok()?;
        if String::try_from(id).ok()? != TRAY_ID {
            return None;
        }
        let menu = properties.get(interface, "Menu").await.ok()?;
        let item = OwnedObjectPath::try_from(ITEM_PATH).ok()?;
        Some((item, OwnedObjectPath::try_from(menu).ok()?))
    };
    tokio::time::timeout(CALL_TIMEOUT, lookup)
        .await
        .ok()
        .flatten()
}

fn raw_item(raw: RawItem) -> Result<MenuItem> {
    let RawItem(id, properties, children) = raw;
    let properties: Vec<(String, Value<'_>)> = properties
        .iter()
        .map(|(key, value)| (key.clone(), unwrap_variant(value).clone()))
        .collect();
    let children = children
        .iter()
        .map(|child| item(child))
        .collect::<Result<_>>()?;
    menu_item(id, &properties, children)
}

fn item(value: &Value<'_>) -> Result<MenuItem> {
    let Value::Structure(structure) = unwrap_variant(value) else {
        bail!("a dbusmenu child is not a structure: {value:?}");
    };
    let [Value::I32(id), Value::Dict(properties), Value::Array(children)] = structure.fields()
    else {
        bail!("a dbusmenu child is not (ia{{sv}}av): {structure:?}");
    };
    let properties: Vec<(String, Value<'_>)> = properties
        .iter()
        .filter_map(|(key, value)| match key {
            Value::Str(key) => Some((key.to_string(), unwrap_variant(value).clone())),
            _ => None,
        })
        .collect();
    let children = children.inner().iter().map(item).collect::<Result<_>>()?;
    menu_item(*id, &properties, children)
}

fn menu_item(
    id: i32,
    properties: &[(String, Value<'_>)],
    children: Vec<MenuItem>,
) -> Result<MenuItem> {
    let get = |name: &str| {
        properties
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    };
    let string = |name: &str, default: &str| match get(name) {
        Some(Value::Str(text)) => text.to_string(),
        _ => default.to_owned(),
    };
    let boolean = |name: &str| !matches!(get(name), Some(Value::Bool(false)));
    Ok(MenuItem {
        id,
        label: string("label", ""),
        kind: string("type", "standard"),
        toggle_type: string("toggle-type", ""),
        toggle_state: match get("toggle-state") {
            Some(Value::I32(state)) => *state,
            _ => -1,
        },
        visible: boolean("visible"),
        enabled: boolean("enabled"),
        children,
    })
}

fn unwrap_variant<'a>(value: &'a Value<'a>) -> &'a Value<'a> {
    match value {
        Value::Value(inner) => unwrap_variant(inner),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_icon_pixmap_is_read_as_argb_in_network_byte_order() {
        // Two pixels: opaque red, then half-transparent blue.
        let argb = vec![0xff, 0xe9, 0x32, 0x2d, 0x80, 0x00, 0x00, 0xff];
        let icon = TrayIcon::from_argb(2, 1, argb).unwrap();
        assert_eq!(icon.pixel(0, 0), Some([0xe9, 0x32, 0x2d, 0xff]));
        assert_eq!(icon.pixel(1, 0), Some([0x00, 0x00, 0xff, 0x80]));
        assert_eq!(icon.pixel(2, 0), None);
        assert_eq!(icon.pixel(0, 1), None);
    }

    #[test]
    fn a_pixmap_whose_bytes_do_not_match_its_size_is_refused() {
        assert!(TrayIcon::from_argb(2, 2, vec![0; 12]).is_err());
        assert!(TrayIcon::from_argb(-1, 2, vec![]).is_err());
    }
}
