//! Piazza's storage layer: one [`Db`] handle over SQLite (the embedded default) or
//! PostgreSQL (production and scale-out), chosen at runtime from the URL scheme.
//!
//! Portable SQL is written once, with `$n` placeholders that both engines accept, and run on
//! whichever pool is active through the [`on_read!`] and [`on_tx!`] macros: the query is
//! compiled once per backend, so rows are decoded by typed drivers (the `Any` driver cannot
//! decode timestamps). Each module is named for the records it holds; `find_*` returns an
//! `Option`, `get_*` the row or [`DbError::NotFound`], `list_*` a keyset page.
//!
//! This crate knows nothing of GraphQL or HTTP.

#[macro_use]
mod backend;
pub mod bookmarks;
pub mod communities;
pub mod comuni;
mod error;
pub mod events;
pub mod faq;
pub mod follows;
pub mod moderation;
pub mod notifications;
pub mod posts;
pub mod search;
pub mod sessions;
pub mod threads;
pub mod trust;
pub mod users;
pub mod votes;

pub(crate) use backend::push_in_list;
pub use backend::{Backend, Db, PoolSize, Tx, WRITER_CACHE_KIB};
pub use error::DbError;

pub type Result<T, E = DbError> = std::result::Result<T, E>;

/// The current time, truncated to microseconds: PostgreSQL stores microseconds, so a value
/// written and read back compares equal on both backends.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::{DurationRound, TimeDelta};
    let now = chrono::Utc::now();
    now.duration_trunc(TimeDelta::microseconds(1))
        .unwrap_or(now)
}
pub use sqlx::Error as SqlxError;
