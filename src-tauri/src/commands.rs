//! The windows' commands. The UI calls them by the same names and arguments as when they ran
//! in this process; now every one but `open_window` runs in the daemon (`Invoke`), and its
//! answer comes back as the command's value or its `{kind, message}` error.
//!
//! Tauri checks each call against the window's capability (`capabilities/<window>.json`)
//! before this handler sees it, so a window still calls only what it is granted.

use nctray_api::AppWindow;
use serde_json::Value;
use tauri::ipc::{Invoke, InvokeBody, InvokeError};
use tauri::{Manager, Runtime};

use crate::daemon::Daemon;
use crate::reply::{self, Answer};
use crate::windows;

/// The one command the shell answers itself: windows are the shell's.
const OPEN_WINDOW: &str = "open_window";

/// The handler for `Builder::invoke_handler`: every command is forwarded to `daemon`.
pub fn handler<R: Runtime>(daemon: Daemon) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let command = invoke.message.command().to_owned();
        let args = match invoke.message.payload() {
            InvokeBody::Json(args) => args.clone(),
            InvokeBody::Raw(_) => {
                invoke.resolver.reject(reply::report(
                    "invalid",
                    format!("{command} takes its arguments as JSON"),
                ));
                return true;
            }
        };
        if command == OPEN_WINDOW {
            let app = invoke.message.webview().app_handle().clone();
            respond(invoke, open_window(&app, &args));
            return true;
        }
        let daemon = daemon.clone();
        invoke.resolver.respond_async(async move {
            let answer = daemon.invoke(&command, &args.to_string()).await;
            if let Err(report) = &answer {
                tracing::debug!("{command}: {report}");
            }
            answer.map_err(InvokeError)
        });
        true
    }
}

fn respond<R: Runtime>(invoke: Invoke<R>, answer: Answer) {
    match answer {
        Ok(value) => invoke.resolver.resolve(value),
        Err(report) => invoke.resolver.reject(report),
    }
}

/// `open_window {name}`: shows the named window.
fn open_window<R: Runtime>(app: &tauri::AppHandle<R>, args: &Value) -> Answer {
    let name = args.get("name").and_then(Value::as_str).unwrap_or_default();
    let which: AppWindow = name
        .parse()
        .map_err(|e: String| reply::report("invalid", e))?;
    windows::open(app, which).map_err(|e| reply::report("internal", e.to_string()))?;
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::{App, WebviewWindow, WebviewWindowBuilder};

    use super::*;
    use crate::test_bus::{FakeDaemon, PrivateBus};

    /// The shell's handler with the real capabilities, talking to `daemon`.
    fn app(daemon: Daemon) -> App<MockRuntime> {
        mock_builder()
            .invoke_handler(handler(daemon))
            .build(tauri::generate_context!("../tauri.conf.json", test = true))
            .unwrap()
    }

    fn window(app: &App<MockRuntime>, which: AppWindow) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(app, which.label(), Default::default())
            .build()
            .unwrap()
    }

    fn call(
        window: &WebviewWindow<MockRuntime>,
        command: &str,
        args: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            window,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    struct Setup {
        _bus: PrivateBus,
        _served: zbus::Connection,
        fake: FakeDaemon,
        app: App<MockRuntime>,
    }

    fn setup() -> Setup {
        let bus = PrivateBus::start();
        let fake = FakeDaemon::default();
        let (served, daemon) = tauri::async_runtime::block_on(async {
            let served = bus.serve_fake_daemon(fake.clone()).await;
            let daemon = Daemon::new(&bus.connect().await).await.unwrap();
            (served, daemon)
        });
        Setup {
            app: app(daemon),
            _bus: bus,
            _served: served,
            fake,
        }
    }

    #[test]
    fn a_window_gets_the_daemons_answer_to_its_command_as_if_it_ran_here() {
        let setup = setup();
        let popover = window(&setup.app, AppWindow::Popover);
        let args = json!({"account": "alice@https://cloud.example"});
        assert_eq!(
            call(&popover, "status_get", args.clone()),
            Ok(json!({"echo": args}))
        );
        assert_eq!(
            call(&popover, "notifications_list", json!({})),
            Err(json!({"kind": "invalid", "message": "no command notifications_list"}))
        );
        let heard = setup.fake.heard.lock().unwrap().clone();
        assert_eq!(heard[0].0, "status_get");
        assert_eq!(serde_json::from_str::<Value>(&heard[0].1).unwrap(), args);
    }

    #[test]
    fn a_window_cannot_call_what_its_capability_does_not_grant() {
        let setup = setup();
        let popover = window(&setup.app, AppWindow::Popover);
        // The popover has no business with the accounts, nor with a command nobody declared.
        for command in [
            "accounts_list",
            "account_remove",
            "settings_save",
            "quit_everything",
        ] {
            let refused = call(&popover, command, json!({})).unwrap_err();
            let refused = refused.as_str().unwrap_or_default();
            assert!(refused.contains("not allowed"), "{command}: {refused}");
        }
        // The accounts window may.
        let accounts = window(&setup.app, AppWindow::Accounts);
        assert!(call(&accounts, "accounts_list", json!({})).is_err_and(|e| e["kind"] == "invalid"));
        let heard: Vec<String> = setup
            .fake
            .heard
            .lock()
            .unwrap()
            .iter()
            .map(|(c, _)| c.clone())
            .collect();
        assert_eq!(heard, ["accounts_list"]);
    }

    #[test]
    fn open_window_is_answered_by_the_shell_and_refuses_an_unknown_window() {
        let setup = setup();
        let popover = window(&setup.app, AppWindow::Popover);
        let refused = call(&popover, "open_window", json!({"name": "settings"})).unwrap_err();
        assert_eq!(refused["kind"], "invalid");
        assert!(refused["message"]
            .as_str()
            .unwrap()
            .contains("popover, status, chat, accounts"));
        assert!(setup.fake.heard.lock().unwrap().is_empty());
    }
}
