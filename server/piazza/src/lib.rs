//! Piazza: community forum and official FAQ for the staff of Italy's small comuni.
//!
//! The binary's commands live in `main.rs`; this library holds the application so that
//! end-to-end tests can start the real server on port 0.

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod error;
pub mod feed_cache;
pub mod graphql;
pub mod http;
pub mod live;
pub mod seed;
pub mod services;

pub use app::Application;
pub use config::Config;
