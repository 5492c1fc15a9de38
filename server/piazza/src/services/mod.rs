//! Use cases, one module per area. Every rule about who may do what lives here, so the
//! HTTP and websocket transports share it. Writes run in one transaction each.

pub mod accounts;
pub mod answers;
pub mod bookmarks;
pub mod communities;
pub mod comuni;
pub mod faq;
pub mod follows;
pub mod mentions;
pub mod notifications;
pub mod posts;
pub mod sanctions;
pub mod search;
pub mod threads;
pub mod validate;
pub mod votes;

use std::net::IpAddr;

use piazza_db::Db;
use piazza_live::Bus;

use crate::{
    auth::{Viewer, password::Hasher, throttle::Throttle},
    error::{AppError, AppResult},
};

/// Shared state of the service layer; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub hasher: Hasher,
    pub throttle: Throttle,
    pub bus: Bus,
    /// The feed cache; `None` when turned off.
    pub cache: Option<piazza_cache::Cache>,
}

/// Facts about the current request that rules depend on.
#[derive(Clone, Debug)]
pub struct RequestMeta {
    pub ip: IpAddr,
    pub cookie_secure: bool,
}

/// The signed-in viewer, or `UNAUTHENTICATED`.
pub fn signed_in(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    viewer.ok_or(AppError::Unauthenticated)
}

/// A signed-in viewer who may write (not suspended).
pub fn active(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    let v = signed_in(viewer)?;
    if v.is_suspended(piazza_db::now()) {
        return Err(AppError::Forbidden);
    }
    Ok(v)
}

pub fn admin(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    let v = active(viewer)?;
    if !v.is_admin() {
        return Err(AppError::Forbidden);
    }
    Ok(v)
}

/// Parses a GraphQL `ID` holding a database id; malformed ids are simply not found.
pub fn parse_id(id: &str, what: &'static str) -> AppResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(AppError::NotFound(what))
}
