//! HTTP routes: GraphQL over HTTP and websockets, probes, metrics and the web front end,
//! behind security headers, request metrics and panic containment.

mod client;
mod graphql;
mod headers;
mod health;
pub mod metrics;
mod web;
pub mod ws;
mod ws_shared;

use poem::{EndpointExt, Route, middleware::CatchPanic};

use crate::{graphql::PiazzaSchema, services::AppState};

/// Largest accepted request body: generous for a 32,000-character post in JSON.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Clone)]
pub struct HttpState {
    pub app: AppState,
    pub schema: PiazzaSchema,
    pub cookie_secure: bool,
    /// Proxies whose `X-Forwarded-*` headers are believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub ws: WsSettings,
    /// Decides which reads the feed cache answers.
    pub planner: std::sync::Arc<crate::feed_cache::Planner>,
    /// Flips to true when a graceful shutdown starts, so websockets close with 1012.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
}

#[derive(Clone)]
pub struct WsSettings {
    pub allowed_origins: Vec<String>,
    pub max_per_ip: usize,
    pub connections: ws::ConnectionCounter,
    pub feeds: ws_shared::SharedFeeds,
}

pub fn routes(state: HttpState, web_dir: std::path::PathBuf) -> impl poem::Endpoint {
    Route::new()
        .at("/graphql", poem::post(graphql::post).get(graphql::get))
        .at("/graphql/ws", poem::get(ws::upgrade))
        .at("/healthz", poem::get(health::healthz))
        .at("/readyz", poem::get(health::readyz))
        .at("/metrics", poem::get(metrics::render))
        .nest("/", web::endpoint(&web_dir))
        .data(state)
        .with(headers::SecurityHeaders)
        .with(metrics::RequestMetrics)
        .with(CatchPanic::new().with_handler(|_| {
            poem::Response::builder()
                .status(poem::http::StatusCode::INTERNAL_SERVER_ERROR)
                .content_type("application/json")
                .body(r#"{"errors":[{"message":"Errore interno del server","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}"#)
        }))
}
