//! Typed access to what a request carries: services, the viewer, request facts, loaders.

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

pub fn viewer<'a>(ctx: &Context<'a>) -> Option<&'a Viewer> {
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
