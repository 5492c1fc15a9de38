//! `POST /graphql` and `GET /graphql`, written by hand rather than with async-graphql-poem's
//! endpoint so that the transport rules of SECURITY.md hold: JSON bodies only (the CSRF
//! defence for cookie sessions), a body size limit checked while reading, small batches,
//! and GET never running mutations.

use async_graphql::{
    BatchRequest, BatchResponse, Request as GqlRequest,
    parser::{
        parse_query,
        types::{DocumentOperations, OperationType},
    },
};
use poem::{
    Body, Request, Response, handler,
    http::{StatusCode, header},
    web::Data,
};
use serde::Deserialize;
use tokio::io::AsyncReadExt as _;

use super::{HttpState, MAX_BODY_BYTES, client::client_info};
use crate::{
    auth::{Viewer, token},
    feed_cache,
    graphql::{CacheProbe, RequestViewer, loaders::Loaders},
    services::RequestMeta,
};

/// Most operations accepted in one batched request.
pub const MAX_BATCH: usize = 10;

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    Response::builder()
        .status(status)
        .content_type("application/json; charset=utf-8")
        .body(body.to_string())
}

#[handler]
pub async fn post(req: &Request, body: Body, state: Data<&HttpState>) -> Response {
    let content_type = req.header(header::CONTENT_TYPE).unwrap_or_default();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if mime != "application/json" && mime != GRAPHQL_RESPONSE_JSON {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "BAD_USER_INPUT",
            "Content-Type deve essere application/json",
        );
    }
    let mut bytes = Vec::new();
    let read = body
        .into_async_read()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .await;
    if read.is_err() {
        return error_response(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            "Corpo della richiesta illeggibile",
        );
    }
    if bytes.len() > MAX_BODY_BYTES {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            "BAD_USER_INPUT",
            "Richiesta troppo grande",
        );
    }
    // serde_json refuses nesting beyond 128 levels, which bounds hostile variables.
    let batch = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Array(items)) if items.is_empty() || items.len() > MAX_BATCH => {
            return error_response(
                StatusCode::BAD_REQUEST,
                "BAD_USER_INPUT",
                &format!("Un lotto deve contenere da 1 a {MAX_BATCH} operazioni"),
            );
        }
        Ok(serde_json::Value::Array(items)) => items
            .into_iter()
            .map(serde_json::from_value::<GqlRequest>)
            .collect::<Result<Vec<_>, _>>()
            .map(BatchRequest::Batch),
        Ok(value @ serde_json::Value::Object(_)) => {
            serde_json::from_value::<GqlRequest>(value).map(BatchRequest::Single)
        }
        Ok(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                "BAD_USER_INPUT",
                "Richiesta GraphQL non valida",
            );
        }
        Err(_) => {
            return error_response(StatusCode::BAD_REQUEST, "BAD_USER_INPUT", "JSON non valido");
        }
    };
    let Ok(batch) = batch else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            "Richiesta GraphQL non valida",
        );
    };
    execute(req, &state, batch).await
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GetParams {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<String>,
    extensions: Option<String>,
}

#[handler]
pub async fn get(req: &Request, state: Data<&HttpState>) -> Response {
    let params: GetParams = match serde_urlencoded::from_str(req.uri().query().unwrap_or_default())
    {
        Ok(p) => p,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                "BAD_USER_INPUT",
                "Parametri non validi",
            );
        }
    };
    let Some(query) = params.query else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            "Parametro query mancante",
        );
    };
    if !is_query_only(&query, params.operation_name.as_deref()) {
        let mut resp = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "BAD_USER_INPUT",
            "Le mutazioni richiedono POST",
        );
        resp.headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return resp;
    }
    let mut request = GqlRequest::new(query);
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    for (raw, is_variables) in [(params.variables, true), (params.extensions, false)] {
        let Some(raw) = raw else { continue };
        match serde_json::from_str::<serde_json::Value>(&raw) {
            Ok(v @ serde_json::Value::Object(_)) if is_variables => {
                request = request.variables(async_graphql::Variables::from_json(v));
            }
            Ok(serde_json::Value::Object(_)) => {}
            _ => {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    "BAD_USER_INPUT",
                    "Parametri JSON non validi",
                );
            }
        }
    }
    execute(req, &state, BatchRequest::Single(request)).await
}

/// False when the selected operation is a mutation or subscription. Unparseable documents
/// pass, so execution reports the syntax error the usual way.
fn is_query_only(query: &str, operation_name: Option<&str>) -> bool {
    let Ok(doc) = parse_query(query) else {
        return true;
    };
    let ty = match (&doc.operations, operation_name) {
        (DocumentOperations::Single(op), _) => Some(op.node.ty),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name).map(|op| op.node.ty),
        (DocumentOperations::Multiple(ops), None) => ops.values().next().map(|op| op.node.ty),
    };
    !matches!(
        ty,
        Some(OperationType::Mutation | OperationType::Subscription)
    )
}

/// The viewer of the request's session. A database failure is an error, not "anonymous":
/// answering UNAUTHENTICATED during an outage would make clients drop valid sessions.
async fn resolve_viewer(req: &Request, state: &HttpState) -> Result<Option<Viewer>, ()> {
    let Some(token) = bearer_or_cookie(req) else {
        return Ok(None);
    };
    let hash = token::hash(&token);
    match piazza_db::sessions::find_session_user(&state.app.db, &hash, piazza_db::now()).await {
        Ok(user) => Ok(user.map(|user| Viewer {
            user,
            token_hash: hash,
        })),
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            Err(())
        }
    }
}

/// The session token from `Authorization: Bearer` or, for the web, the session cookie.
pub fn bearer_or_cookie(req: &Request) -> Option<String> {
    if let Some(auth) = req.header(header::AUTHORIZATION) {
        return auth
            .strip_prefix("Bearer ")
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
    }
    let cookies = req.header(header::COOKIE)?;
    cookies.split(';').find_map(|c| {
        let (name, value) = c.trim().split_once('=')?;
        (name == token::COOKIE_NAME && !value.is_empty()).then(|| value.to_owned())
    })
}

/// Facts about the request that rules depend on: the client's address and whether the
/// session cookie must be `Secure` (configured, or HTTPS as reported by a trusted proxy).
pub fn request_meta(req: &Request, state: &HttpState) -> RequestMeta {
    let client = client_info(req, &state.trusted_proxies);
    RequestMeta {
        ip: client.ip,
        cookie_secure: state.cookie_secure || client.https,
    }
}

/// A request that failed before execution (a syntax or validation error: errors without a
/// `path`) has no `data` entry at all, as the GraphQL spec asks, rather than `"data": null`.
fn strip_request_error_data(mut body: serde_json::Value) -> serde_json::Value {
    let strip = |r: &mut serde_json::Value| {
        let request_error = r.get("data").is_some_and(serde_json::Value::is_null)
            && r.get("errors")
                .and_then(|e| e.as_array())
                .is_some_and(|errors| {
                    !errors.is_empty() && errors.iter().all(|e| e.get("path").is_none())
                });
        if request_error && let Some(obj) = r.as_object_mut() {
            obj.remove("data");
        }
    };
    match &mut body {
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        single => strip(single),
    }
    body
}

async fn execute(req: &Request, state: &HttpState, batch: BatchRequest) -> Response {
    let Ok(viewer) = resolve_viewer(req, state).await else {
        return error_response(
            StatusCode::OK,
            "INTERNAL_SERVER_ERROR",
            "Errore interno del server",
        );
    };
    let meta = request_meta(req, state);
    let viewer_id = viewer.as_ref().map(Viewer::id);
    let wants_gql = req
        .header(header::ACCEPT)
        .is_some_and(|a| a.contains(GRAPHQL_RESPONSE_JSON));
    let prepare = |r: GqlRequest| {
        r.data(RequestViewer(viewer.clone()))
            .data(meta.clone())
            .data(Loaders::new(&state.app.db, viewer_id))
    };
    let batch = match batch {
        BatchRequest::Single(r) => match cached(state, viewer.as_ref(), &r).await {
            Some(plan) => return execute_cached(state, plan, prepare(r), wants_gql).await,
            None => BatchRequest::Single(prepare(r)),
        },
        BatchRequest::Batch(rs) => BatchRequest::Batch(rs.into_iter().map(prepare).collect()),
    };
    let response = state.schema.execute_batch(batch).await;
    finish(&response, wants_gql).into_response(wants_gql, None)
}

/// The cache plan of a single request, if the cache is on and the request qualifies.
async fn cached(
    state: &HttpState,
    viewer: Option<&Viewer>,
    request: &GqlRequest,
) -> Option<(piazza_cache::Cache, feed_cache::Plan)> {
    let cache = state.app.cache.clone()?;
    match feed_cache::plan(&state.planner, &state.app, viewer, request).await {
        Ok(plan) => plan.map(|p| (cache, p)),
        Err(e) => {
            // Planning reads the database; if that fails, execution reports it properly.
            tracing::debug!(error = ?e, "planning a cached read");
            None
        }
    }
}

async fn execute_cached(
    state: &HttpState,
    (cache, plan): (piazza_cache::Cache, feed_cache::Plan),
    request: GqlRequest,
    wants_gql: bool,
) -> Response {
    let mut own = None;
    let compute = || async {
        let probe = CacheProbe::default();
        let mut request = request.data(probe.clone());
        if let Some(home) = plan.home.clone() {
            request = request.data(home);
        }
        let response = state.schema.execute(request).await;
        let shareable =
            !probe.is_personal() && response.errors.is_empty() && response.http_headers.is_empty();
        let finished = finish(&BatchResponse::Single(response), wants_gql);
        let body = finished.body.clone();
        own = Some(finished);
        piazza_cache::Computed { body, shareable }
    };
    let (body, outcome) = cache.fetch(plan.name, &plan.deps, &plan.key, compute).await;
    // A response this request computed keeps its status and headers; a shared one is a
    // success without headers by construction.
    let finished = match own {
        Some(finished) => finished,
        None => Finished::ok(body),
    };
    finished.into_response(wants_gql, Some(outcome))
}

/// A GraphQL response ready to send.
struct Finished {
    status: StatusCode,
    headers: Vec<(header::HeaderName, header::HeaderValue)>,
    body: piazza_cache::Bytes,
}

impl Finished {
    fn ok(body: piazza_cache::Bytes) -> Self {
        Self {
            status: StatusCode::OK,
            headers: Vec::new(),
            body,
        }
    }

    fn into_response(self, wants_gql: bool, cache: Option<piazza_cache::Outcome>) -> Response {
        let content_type = if wants_gql {
            "application/graphql-response+json; charset=utf-8"
        } else {
            "application/json; charset=utf-8"
        };
        let mut resp = Response::builder()
            .status(self.status)
            .content_type(content_type)
            .body(self.body);
        for (name, value) in self.headers {
            resp.headers_mut().append(name, value);
        }
        resp.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        if let Some(outcome) = cache {
            let value = match outcome {
                piazza_cache::Outcome::Hit => "hit",
                piazza_cache::Outcome::Miss => "miss",
                piazza_cache::Outcome::Fallback => "fallback",
            };
            resp.headers_mut()
                .insert(CACHE_HEADER, header::HeaderValue::from_static(value));
        }
        resp
    }
}

/// Tells operators (and tests) whether a read came from the feed cache.
const CACHE_HEADER: header::HeaderName = header::HeaderName::from_static("x-piazza-cache");

fn finish(response: &BatchResponse, wants_gql: bool) -> Finished {
    // With the GraphQL response media type, a request that never executed is a 400.
    let status = match response {
        BatchResponse::Single(r)
            if wants_gql && r.data == async_graphql::Value::Null && r.is_err() =>
        {
            StatusCode::BAD_REQUEST
        }
        _ => StatusCode::OK,
    };
    let responses: Vec<&async_graphql::Response> = match response {
        BatchResponse::Single(r) => vec![r],
        BatchResponse::Batch(rs) => rs.iter().collect(),
    };
    let headers = responses
        .iter()
        .flat_map(|r| r.http_headers.iter())
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    match serde_json::to_value(response)
        .map(strip_request_error_data)
        .and_then(|v| serde_json::to_vec(&v))
    {
        Ok(body) => Finished {
            status,
            headers,
            body: body.into(),
        },
        Err(e) => {
            tracing::error!(error = %e, "serialising a GraphQL response");
            let body = serde_json::json!({ "errors": [{
                "message": "Errore interno del server",
                "extensions": { "code": "INTERNAL_SERVER_ERROR" },
            }] });
            Finished {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                headers: Vec::new(),
                body: body.to_string().into(),
            }
        }
    }
}
