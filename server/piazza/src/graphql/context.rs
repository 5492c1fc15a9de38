//! Typed access to what a request carries: services, the viewer, request facts, loaders.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use async_graphql::Context;

use super::loaders::Loaders;
use crate::{
    auth::Viewer,
    error::AppError,
    services::{AppState, RequestMeta},
};

/// The viewer resolved from the request's session, if any.
pub struct RequestViewer(pub Option<Viewer>);

pub fn state<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a AppState> {
    ctx.data::<AppState>()
        .map_err(|_| internal("state missing from context"))
}

/// Set when execution read something that belongs to the signed-in viewer: such a response
/// is never shared through the feed cache. Present only on requests that may be cached.
#[derive(Clone, Default)]
pub struct CacheProbe(Arc<AtomicBool>);

impl CacheProbe {
    pub fn is_personal(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

pub fn mark_personal(ctx: &Context<'_>) {
    if let Some(probe) = ctx.data_opt::<CacheProbe>() {
        probe.0.store(true, Ordering::Release);
    }
}

/// The signed-in viewer, if any. Their identity may shape the answer, so reading it makes
/// the response personal (see [`scoped_viewer`] for permission checks).
pub fn viewer<'a>(ctx: &Context<'a>) -> Option<&'a Viewer> {
    let viewer = scoped_viewer(ctx);
    if viewer.is_some() {
        mark_personal(ctx);
    }
    viewer
}

/// The viewer, for checks whose outcome depends only on the permission scope — the role and
/// the communities moderated — which the feed cache keys its entries by
/// (`crate::feed_cache::scope`). Anything that depends on who the viewer is (authorship,
/// votes, follows) must use [`viewer`].
pub fn scoped_viewer<'a>(ctx: &Context<'a>) -> Option<&'a Viewer> {
    ctx.data_opt::<RequestViewer>().and_then(|v| v.0.as_ref())
}

pub fn meta<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RequestMeta> {
    ctx.data::<RequestMeta>()
        .map_err(|_| internal("request meta missing from context"))
}

pub fn loaders<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Loaders> {
    ctx.data::<Loaders>()
        .map_err(|_| internal("loaders missing from context"))
}

fn internal(what: &'static str) -> async_graphql::Error {
    AppError::Internal(anyhow::anyhow!(what)).into()
}
