//! Every window opens in the real webview (WebDriver), shows its view, and runs under the
//! strict Content-Security-Policy.

use anyhow::Result;
use nctray_e2e::Desktop;

#[tokio::test(flavor = "multi_thread")]
async fn each_window_opens_with_its_own_view() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    for (window, view) in [
        ("popover", "Popover"),
        ("status", "StatusEditor"),
        ("chat", "QuickChat"),
        ("accounts", "Accounts"),
    ] {
        let webview = desktop.open_window(window).await?;
        let shown = webview
            .find("[data-window]")
            .await?
            .attr("data-window")
            .await?;
        assert_eq!(shown.as_deref(), Some(view), "the {window} window");
        webview.close().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn inline_script_is_refused_by_the_content_security_policy() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("popover").await?;
    // An inline <script> and an inline event handler, the way injected markup would try.
    let ran = webview
        .script(
            r#"
            window.__marker = false;
            const script = document.createElement("script");
            script.textContent = "window.__marker = true";
            document.body.appendChild(script);
            const img = document.createElement("img");
            img.setAttribute("onerror", "window.__marker = true");
            img.src = "nctray-img://localhost/none";
            document.body.appendChild(img);
            return new Promise((resolve) => setTimeout(() => resolve(window.__marker), 500));
            "#,
            vec![],
        )
        .await?;
    assert_eq!(ran, serde_json::Value::Bool(false), "inline script ran");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_window_stays_on_the_app_and_opens_no_other_window() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("status").await?;
    let home = webview.script("return location.href", vec![]).await?;
    let windows_before = webview.window_count().await?;

    let opened = webview
        .script(
            r#"
            const opened = window.open("https://example.com/", "_blank");
            window.location = "https://example.com/";
            return new Promise((resolve) => setTimeout(() => resolve(opened === null), 1000));
            "#,
            vec![],
        )
        .await?;

    assert_eq!(
        opened,
        serde_json::Value::Bool(true),
        "window.open gave a window"
    );
    assert_eq!(webview.script("return location.href", vec![]).await?, home);
    webview.find("[data-window]").await?;
    assert_eq!(webview.window_count().await?, windows_before);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_may_not_be_submitted_anywhere() -> Result<()> {
    let desktop = Desktop::signed_in_as("admin").await?;
    let webview = desktop.open_window("status").await?;
    // The policy itself refuses it (form-action), before the window's navigation check.
    let violated = webview
        .script(
            r#"
            let violated = null;
            document.addEventListener("securitypolicyviolation", (e) => {
                violated = e.violatedDirective;
            });
            const form = document.createElement("form");
            form.method = "post";
            form.action = "https://example.com/collect";
            document.body.appendChild(form);
            form.submit();
            return new Promise((resolve) => setTimeout(() => resolve(violated), 1000));
            "#,
            vec![],
        )
        .await?;
    assert_eq!(violated, serde_json::Value::from("form-action"));
    webview.find("[data-window]").await?;
    Ok(())
}
