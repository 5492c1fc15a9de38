//! Use cases, one module per area. Every rule about who may do what lives here, so the
//! HTTP and websocket transports share it. Writes run in one transaction each.

pub mod accounts;
pub mod answers;
pub mod bookmarks;
pub mod communities;
pub mod comuni;
pub mod faq;
pub mod follows;
pub mod limits;
pub mod mail;
pub mod mentions;
pub mod moderation;
pub mod notifications;
pub mod post_moderation;
pub mod posts;
pub mod reports;
pub mod review;
pub mod sanctions;
pub mod search;
pub mod thread_actions;
pub mod threads;
pub mod trust;
pub mod validate;
pub mod verification;
pub mod votes;
pub mod watched;

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
    pub mailer: mail::Mailer,
    pub limits: limits::NewMemberLimits,
    /// The start-up pass that indexes what the search index lacks.
    pub search_backfill: search::Backfill,
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

/// A viewer who may post: active and approved (verified, and accepted by the domain or a
/// moderator).
pub fn poster(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    let v = active(viewer)?;
    match v.user.approval.as_str() {
        piazza_db::users::APPROVED => Ok(v),
        piazza_db::users::REJECTED => Err(AppError::Denied(
            "La tua iscrizione non è stata approvata: puoi leggere ma non scrivere".into(),
        )),
        _ if v.user.email_verified_at.is_none() => Err(AppError::Denied(
            "Conferma il tuo indirizzo email per poter scrivere".into(),
        )),
        _ => Err(AppError::Denied(
            "La tua iscrizione è in attesa di approvazione: potrai scrivere dopo".into(),
        )),
    }
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
