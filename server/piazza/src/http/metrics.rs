//! Prometheus metrics: a process-wide recorder (installed once, shared by every server in
//! the process, which matters for tests) and per-route request counters and latencies.

use std::{sync::OnceLock, time::Instant};

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result, handler};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the recorder on first use and returns its handle.
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (embedding); then ours stays unused.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

#[handler]
pub fn render() -> impl IntoResponse {
    handle()
        .render()
        .with_content_type("text/plain; version=0.0.4")
}

pub struct RequestMetrics;

impl<E: Endpoint> Middleware<E> for RequestMetrics {
    type Output = RequestMetricsEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        RequestMetricsEndpoint(ep)
    }
}

pub struct RequestMetricsEndpoint<E>(E);

/// Known routes by name; anything else is `web` (or `other`) so label cardinality stays bounded.
fn route_label(path: &str) -> &'static str {
    match path {
        "/graphql" => "graphql",
        "/graphql/ws" => "graphql_ws",
        "/healthz" => "healthz",
        "/readyz" => "readyz",
        "/metrics" => "metrics",
        p if p.starts_with("/assets/") => "assets",
        _ => "web",
    }
}

impl<E: Endpoint> Endpoint for RequestMetricsEndpoint<E> {
    type Output = Response;

    async fn call(&self, req: Request) -> Result<Response> {
        let route = route_label(req.uri().path());
        let started = Instant::now();
        let result = self.0.call(req).await.map(IntoResponse::into_response);
        let status = match &result {
            Ok(resp) => resp.status(),
            Err(e) => e.status(),
        };
        let labels = [
            ("route", route.to_string()),
            ("status", status.as_u16().to_string()),
        ];
        metrics::counter!("piazza_http_requests_total", &labels).increment(1);
        metrics::histogram!("piazza_http_request_duration_seconds", "route" => route)
            .record(started.elapsed().as_secs_f64());
        result
    }
}
