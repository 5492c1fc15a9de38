//! A closed-loop HTTP/1.1 load generator: `c` keep-alive connections, each sending its next
//! request when the previous answer is in, until a deadline. Every response body is checked
//! (a 200 carrying `errors` is a failure).

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use anyhow::Context as _;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{
    Request, StatusCode,
    client::conn::http1::{self, SendRequest},
    header,
};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// Bound on one request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// One keep-alive HTTP/1.1 connection.
pub struct Conn {
    addr: SocketAddr,
    sender: Option<SendRequest<Full<Bytes>>>,
}

impl Conn {
    pub fn new(addr: SocketAddr) -> Self {
        Self { addr, sender: None }
    }

    async fn sender(&mut self) -> anyhow::Result<&mut SendRequest<Full<Bytes>>> {
        if self.sender.as_ref().is_none_or(|s| s.is_closed()) {
            let stream = TcpStream::connect(self.addr).await?;
            stream.set_nodelay(true)?;
            let (sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
            tokio::spawn(conn);
            self.sender = Some(sender);
        }
        let sender = self.sender.as_mut().context("connection")?;
        sender.ready().await?;
        Ok(sender)
    }

    /// Sends one request; returns status and body. Drops the connection on error.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Bytes,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        let host = self.addr.to_string();
        let result = tokio::time::timeout(REQUEST_TIMEOUT, async {
            let sender = self.sender().await?;
            let mut req = Request::builder()
                .method(method)
                .uri(path)
                .header(header::HOST, host)
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(t) = token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            let resp = sender.send_request(req.body(Full::new(body))?).await?;
            let status = resp.status();
            let body = resp.into_body().collect().await?.to_bytes();
            anyhow::Ok((status, body))
        })
        .await
        .unwrap_or_else(|_| Err(anyhow::anyhow!("request timed out")));
        if result.is_err() {
            self.sender = None;
        }
        result
    }

    /// A GraphQL POST to `/graphql`; `Err` unless HTTP 200 without `errors`.
    pub async fn graphql(
        &mut self,
        token: Option<&str>,
        query: &str,
        variables: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let body =
            serde_json::to_vec(&serde_json::json!({ "query": query, "variables": variables }))?;
        let (status, body) = self.send("POST", "/graphql", token, body.into()).await?;
        let value: serde_json::Value = serde_json::from_slice(&body)
            .with_context(|| format!("HTTP {status}: {}", String::from_utf8_lossy(&body)))?;
        if status != StatusCode::OK || value.get("errors").is_some() {
            anyhow::bail!("HTTP {status}: {value}");
        }
        Ok(value["data"].clone())
    }
}

/// Makes the body of request number `n`.
pub type BodyFn = Box<dyn Fn(u64) -> Bytes + Send + Sync>;
/// Judges a 200 response body.
pub type ValidFn = Box<dyn Fn(&[u8]) -> bool + Send + Sync>;

/// How requests are made and judged.
pub struct Workload {
    pub path: String,
    /// Bearer tokens, used in turn (empty: anonymous).
    pub tokens: Vec<String>,
    /// The body of request number `n`.
    pub body: BodyFn,
    /// Whether a 200 body is a success.
    pub valid: ValidFn,
}

#[derive(Default)]
pub struct LoadResult {
    pub ok: u64,
    pub failed: u64,
    pub elapsed: Duration,
    /// Latency of successful requests, microseconds, sorted.
    pub latencies_us: Vec<u32>,
    pub first_failure: Option<String>,
}

impl LoadResult {
    pub fn percentile_ms(&self, p: f64) -> f64 {
        percentile_us(&self.latencies_us, p) / 1000.0
    }
}

/// The `p`-th percentile (0–100) of sorted values, nearest rank.
pub fn percentile_us(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Runs `workload` on `concurrency` connections for `duration`.
pub async fn closed_loop(
    addr: SocketAddr,
    workload: Arc<Workload>,
    concurrency: usize,
    duration: Duration,
) -> LoadResult {
    let started = Instant::now();
    let deadline = started + duration;
    let seq = Arc::new(AtomicU64::new(0));
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let (workload, seq) = (workload.clone(), seq.clone());
            tokio::spawn(async move {
                let mut conn = Conn::new(addr);
                let mut r = LoadResult::default();
                while Instant::now() < deadline {
                    let n = seq.fetch_add(1, Ordering::Relaxed);
                    let t = Instant::now();
                    let outcome = conn
                        .send(
                            "POST",
                            &workload.path,
                            token_for(&workload.tokens, n),
                            (workload.body)(n),
                        )
                        .await;
                    let us = t.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
                    match outcome {
                        Ok((StatusCode::OK, body)) if (workload.valid)(&body) => {
                            r.ok += 1;
                            r.latencies_us.push(us);
                        }
                        other => {
                            r.failed += 1;
                            if r.first_failure.is_none() {
                                r.first_failure = Some(match other {
                                    Ok((status, body)) => format!(
                                        "HTTP {status}: {}",
                                        String::from_utf8_lossy(&body[..body.len().min(300)])
                                    ),
                                    Err(e) => format!("{e:#}"),
                                });
                            }
                        }
                    }
                }
                r
            })
        })
        .collect();
    let mut total = LoadResult::default();
    for t in tasks {
        if let Ok(r) = t.await {
            total.ok += r.ok;
            total.failed += r.failed;
            total.latencies_us.extend(r.latencies_us);
            if total.first_failure.is_none() {
                total.first_failure = r.first_failure;
            }
        }
    }
    total.latencies_us.sort_unstable();
    total.elapsed = started.elapsed();
    total
}

fn token_for(tokens: &[String], n: u64) -> Option<&str> {
    if tokens.is_empty() {
        None
    } else {
        Some(tokens[(n % tokens.len() as u64) as usize].as_str())
    }
}

/// True for a GraphQL response with `data` and no `errors`, without a full parse.
pub fn graphql_ok(body: &[u8]) -> bool {
    body.starts_with(b"{\"data\":") && !contains(body, b"\"errors\"")
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Counts non-overlapping occurrences of `needle`.
pub fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
