//! The tray item as the desktop sees it: a StatusNotifierItem with its com.canonical.dbusmenu
//! menu, spoken over the session bus by `ksni` (no GTK, no X connection: an idle tray costs a
//! few MB, see docs/benchmarks.md). A left click (`Activate`) toggles the popover next to the
//! icon; menu clicks become [`MenuChoice`]s.

use ksni::menu::{CheckmarkItem, StandardItem};
use ksni::{MenuItem, TrayMethods};

use super::{Drawn, Line, TRAY_ID};
use crate::app::App;

/// The running tray item.
pub struct Tray(ksni::Handle<Item>);

pub struct Item {
    drawn: Drawn,
    app: App,
}

impl Tray {
    /// Puts the item on the bus showing `drawn`. Without a tray host yet (no
    /// StatusNotifierWatcher) the item is exported anyway and registers when one appears.
    pub async fn start(app: &App, drawn: Drawn) -> Result<Tray, ksni::Error> {
        let item = Item {
            drawn,
            app: app.clone(),
        };
        let handle = item.assume_sni_available(true).spawn().await?;
        Ok(Tray(handle))
    }

    /// Shows `drawn`; ksni sends the desktop only what changed.
    pub async fn show(&self, drawn: Drawn) {
        self.0.update(|item| item.drawn = drawn).await;
    }
}

impl ksni::Tray for Item {
    fn id(&self) -> String {
        TRAY_ID.to_owned()
    }

    fn category(&self) -> ksni::Category {
        ksni::Category::Communications
    }

    fn title(&self) -> String {
        self.drawn.title.clone()
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        let icon = &self.drawn.icon;
        vec![ksni::Icon {
            width: icon.width as i32,
            height: icon.height as i32,
            data: icon.argb(),
        }]
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        let mut lines = self.drawn.tooltip.splitn(2, '\n');
        ksni::ToolTip {
            title: lines.next().unwrap_or_default().to_owned(),
            description: lines.next().unwrap_or_default().to_owned(),
            ..Default::default()
        }
    }

    fn activate(&mut self, x: i32, y: i32) {
        crate::shell::toggle_popover(&self.app, x, y);
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        self.drawn.menu.iter().map(menu_item).collect()
    }
}

fn menu_item(line: &Line) -> MenuItem<Item> {
    match line {
        Line::Separator => MenuItem::Separator,
        Line::Info(label) => StandardItem {
            label: label.clone(),
            enabled: false,
            ..Default::default()
        }
        .into(),
        Line::Choice {
            choice,
            label,
            enabled,
            checked,
        } => {
            let chosen = choice.clone();
            let activate = Box::new(move |item: &mut Item| {
                crate::daemon::on_menu_choice(&item.app, chosen.clone());
            });
            match checked {
                Some(checked) => CheckmarkItem {
                    label: label.clone(),
                    enabled: *enabled,
                    checked: *checked,
                    activate,
                    ..Default::default()
                }
                .into(),
                None => StandardItem {
                    label: label.clone(),
                    enabled: *enabled,
                    activate,
                    ..Default::default()
                }
                .into(),
            }
        }
    }
}
