//! The app's tray item as a desktop shell sees it: the StatusNotifierItem on the session bus and
//! its com.canonical.dbusmenu menu, which the tests read and click.

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

/// Where libayatana-appindicator exports StatusNotifierItems: one child per item, named after
/// the indicator id. docs/architecture.md says `…/nctray`; tray-icon 0.25 names the indicator
/// `tray-icon tray app <tray id>`, which gives `…/tray_icon_tray_app_nctray`. Either is accepted.
const ITEMS_PATH: &str = "/org/ayatana/NotificationItem";
/// The app's tray id, which ends the item's object name.
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
    /// given): the app holds several connections, so each one is introspected.
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

    /// A string property of the StatusNotifierItem (`IconName`, `IconThemePath`, `Title`).
    pub async fn item_property(&self, name: &str) -> Result<String> {
        let properties = PropertiesProxy::builder(&self.connection)
            .destination(self.owner.as_str())?
            .path(self.item.as_str())?
            .build()
            .await?;
        let value = properties
            .get(InterfaceName::try_from(ITEM_INTERFACE)?, name)
            .await
            .with_context(|| format!("the tray item's {name}"))?;
        Ok(String::try_from(value)?)
    }

    /// The PNG the icon shows now: libayatana-appindicator names the file tray-icon wrote
    /// (`IconName`, a path or a name in `IconThemePath`).
    pub async fn icon_png(&self) -> Result<Vec<u8>> {
        let name = self.item_property("IconName").await?;
        let path = if name.starts_with('/') {
            std::path::PathBuf::from(&name)
        } else {
            let dir = self.item_property("IconThemePath").await?;
            std::path::Path::new(&dir).join(format!("{name}.png"))
        };
        std::fs::read(&path).with_context(|| format!("reading the tray icon {}", path.display()))
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

/// The StatusNotifierItem that `peer` exports for the tray id, and its `Menu` object path.
async fn item_of(
    connection: &zbus::Connection,
    peer: &BusName<'_>,
) -> Option<(OwnedObjectPath, OwnedObjectPath)> {
    let lookup = async {
        let children = introspect(connection, peer, ITEMS_PATH).await?;
        for child in child_nodes(&children) {
            if child != TRAY_ID && !child.ends_with(&format!("_{TRAY_ID}")) {
                continue;
            }
            let path = format!("{ITEMS_PATH}/{child}");
            if !introspect(connection, peer, &path)
                .await?
                .contains(ITEM_INTERFACE)
            {
                continue;
            }
            let properties = PropertiesProxy::builder(connection)
                .destination(peer.clone())
                .ok()?
                .path(path.clone())
                .ok()?
                .build()
                .await
                .ok()?;
            let interface = InterfaceName::try_from(ITEM_INTERFACE).ok()?;
            let menu = properties.get(interface, "Menu").await.ok()?;
            let item = OwnedObjectPath::try_from(path).ok()?;
            return Some((item, OwnedObjectPath::try_from(menu).ok()?));
        }
        None
    };
    tokio::time::timeout(CALL_TIMEOUT, lookup)
        .await
        .ok()
        .flatten()
}

async fn introspect(
    connection: &zbus::Connection,
    peer: &BusName<'_>,
    path: &str,
) -> Option<String> {
    IntrospectableProxy::builder(connection)
        .destination(peer.clone())
        .ok()?
        .path(path)
        .ok()?
        .build()
        .await
        .ok()?
        .introspect()
        .await
        .ok()
}

/// The names of the `<node name="…"/>` children in introspection XML.
fn child_nodes(xml: &str) -> Vec<&str> {
    xml.split("<node name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
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
