//! Liveness and readiness probes.

use poem::{IntoResponse, handler, http::StatusCode, web::Data};

use super::HttpState;

/// The process is up.
#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

/// The process can serve requests: the database answers. Redis is reported but does not
/// make the node unready — without it a node still serves everything, only cross-replica
/// live events and the shared cache pause — so a Redis outage never empties the load balancer.
#[handler]
pub async fn readyz(state: Data<&HttpState>) -> impl IntoResponse {
    let database = match state.app.db.ping().await {
        Ok(()) => "ok",
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            "unreachable"
        }
    };
    let redis = match state.app.bus.bridge_status() {
        None => "not configured",
        Some(s) if s.subscribed && s.publishing => "ok",
        Some(_) => "reconnecting",
    };
    let status = if database == "ok" {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = serde_json::json!({ "database": database, "redis": redis });
    (status, poem::web::Json(body)).into_response()
}
