//! A typed async client for the Nextcloud OCS APIs nctray uses: capabilities, the current
//! user, user status and notifications. No app logic: every call is one HTTP request (or a
//! few, for [`NotificationsApi::exists`]) and a typed answer.
//!
//! ```no_run
//! # async fn demo() -> nextcloud::Result<()> {
//! let client = nextcloud::Client::new(nextcloud::Credentials {
//!     server: "https://cloud.example.com".parse().unwrap(),
//!     login_name: "alice".into(),
//!     app_password: "xxxxx-xxxxx-xxxxx-xxxxx-xxxxx".into(),
//! })?;
//! let me = client.current_user().await?;
//! let list = client.notifications().list(None).await?;
//! let again = client.notifications().list(list.etag.as_deref()).await?;
//! assert!(again.notifications.is_none() || again.etag != list.etag);
//! # let _ = me; Ok(()) }
//! ```
//!
//! Every request carries `OCS-APIRequest: true`, `Accept: application/json` and the
//! [`user_agent`]; the credentials (HTTP Basic) go only to the account's own scheme, host and
//! port, below its base path ([`Client::is_account_url`]). Answers are read up to a cap (8 MiB,
//! images 20 MiB). Errors are one [`Error`] enum.

mod activity;
mod capabilities;
mod client;
mod dav;
mod de;
mod error;
mod etag;
#[cfg(test)]
mod fixtures;
mod images;
mod login_flow;
mod notifications;
mod page;
mod proxy;
mod push;
mod sharing;
pub mod talk;
mod tls;
mod user;
mod user_status;
mod users;

pub use activity::{Activity, ActivityApi, ActivityFilter, ActivityQuery, Preview, RichText, Sort};
pub use capabilities::{
    Capabilities, Core, NotificationsCapabilities, NotifyPush, NotifyPushEndpoints, Theming,
    UserStatusCapabilities, Version,
};
pub use client::{travels_unencrypted, user_agent, Client, Connection, Credentials};
pub use dav::DavApi;
pub use error::{Error, Result};
pub use etag::Etagged;
pub use images::{Image, ImagesApi};
pub use login_flow::{LoginFlow, LoginPoll, LOGIN_FLOW_LIFETIME};
pub use notifications::{Action, ActionType, Notification, NotificationList, NotificationsApi};
pub use page::Page;
pub use proxy::Proxy;
pub use push::{PushApi, PushEvent, PushListener, PushOptions, PushStream, PushUpdate};
pub use sharing::{
    NewShare, Share, ShareStatus, ShareUpdate, Sharee, Sharees, SharesQuery, SharingApi,
    CATEGORY_ORDER as SHAREE_CATEGORY_ORDER,
};
pub use talk::{TalkApi, TalkVersion};
pub use tls::{inspect, CertificateInfo, CertificateProblem, Fingerprint};
/// The URL type of [`Credentials::server`].
pub use url::Url;
pub use user::{CurrentUser, Quota};
pub use user_status::{
    ClearAt, CustomMessage, EndOf, OwnStatus, PredefinedStatus, PublicStatus, StatusType,
    UnknownStatusType, UserStatusApi,
};
pub use users::{UserDetails, UsersApi};
