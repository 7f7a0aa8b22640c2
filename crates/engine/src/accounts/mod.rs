//! The accounts the app works with, shared by every front end (the daemon's tray and D-Bus
//! API, the command line): the config file that names them, their app passwords in the
//! keyring, opening their engines, waiting for a sign-in's approval, adding, pausing and
//! removing one, the demo's account, and [`Accounts`], which holds the running engines and
//! their syncs.

pub mod config;
pub mod demo;
pub mod login_flow;
mod opened;
pub mod secrets;
mod service;
pub mod setup;

pub use opened::set_on_open;
pub use service::{Accounts, Event, KeyringWait};
