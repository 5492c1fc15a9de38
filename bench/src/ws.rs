//! A `graphql-transport-ws` subscriber: `connection_init`, then `subscribe` to one thread's
//! `threadEvents`, then a `ping`/`pong` round trip so the server has read the subscribe.

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio::net::TcpStream;
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream, connect_async_with_config,
    tungstenite::{
        Message, client::IntoClientRequest, http::HeaderValue, protocol::WebSocketConfig,
    },
};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Bound on each handshake step.
const STEP: Duration = Duration::from_secs(20);

/// What subscribers select: the event kind and cursor, the new post with its author.
pub const THREAD_EVENTS: &str = "subscription($t: ID!) { threadEvents(threadId: $t) { \
    kind cursor post { id bodyHtml createdAt author { id displayName } } } }";

pub async fn subscribe(addr: SocketAddr, thread_id: i64) -> anyhow::Result<Ws> {
    let mut request = format!("ws://{addr}/graphql/ws").into_client_request()?;
    request.headers_mut().insert(
        "sec-websocket-protocol",
        HeaderValue::from_static("graphql-transport-ws"),
    );
    // Small client buffers: 10,000 sockets in one client process.
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let (mut ws, _) =
        tokio::time::timeout(STEP, connect_async_with_config(request, Some(config), true))
            .await
            .context("websocket connect timed out")??;
    send(&mut ws, json!({ "type": "connection_init", "payload": {} })).await?;
    expect(&mut ws, "connection_ack").await?;
    send(
        &mut ws,
        json!({ "type": "subscribe", "id": "1", "payload": {
            "query": THREAD_EVENTS, "variables": { "t": thread_id.to_string() } } }),
    )
    .await?;
    send(&mut ws, json!({ "type": "ping" })).await?;
    expect(&mut ws, "pong").await?;
    Ok(ws)
}

async fn send(ws: &mut Ws, value: serde_json::Value) -> anyhow::Result<()> {
    ws.send(Message::text(value.to_string())).await?;
    Ok(())
}

async fn expect(ws: &mut Ws, kind: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + STEP;
    loop {
        let frame = tokio::time::timeout_at(deadline.into(), ws.next())
            .await
            .with_context(|| format!("no {kind} in time"))?;
        match frame {
            Some(Ok(Message::Text(text))) => {
                let v: serde_json::Value = serde_json::from_str(&text)?;
                if v["type"] == kind {
                    return Ok(());
                }
                bail!("expected {kind}, got {v}");
            }
            Some(Ok(Message::Close(f))) => bail!("closed while waiting for {kind}: {f:?}"),
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(e.into()),
            None => bail!("connection ended while waiting for {kind}"),
        }
    }
}

/// A delivered `next` message: the post id it carries, or why it is not one.
pub fn delivered_post_id(text: &str) -> Result<i64, String> {
    if !text.starts_with("{\"type\":\"next\"") && !text.contains("\"type\":\"next\"") {
        return Err(format!(
            "unexpected message: {}",
            &text[..text.len().min(200)]
        ));
    }
    if text.contains("\"errors\"") {
        return Err(format!("error in event: {}", &text[..text.len().min(300)]));
    }
    let marker = "\"post\":{\"id\":\"";
    let start = text.find(marker).ok_or("event without post")? + marker.len();
    let end = text[start..].find('"').ok_or("malformed id")? + start;
    text[start..end]
        .parse()
        .map_err(|_| "malformed id".to_owned())
}

/// Waits for the next text message within `timeout` (skipping pings and pongs).
pub async fn next_text(ws: &mut Ws, timeout: Duration) -> anyhow::Result<String> {
    let deadline = Instant::now() + timeout;
    loop {
        match tokio::time::timeout_at(deadline.into(), ws.next()).await {
            Err(_) => bail!("nothing received within {timeout:?}"),
            Ok(Some(Ok(Message::Text(t)))) => return Ok(t.to_string()),
            Ok(Some(Ok(Message::Close(f)))) => bail!("closed: {f:?}"),
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(e))) => return Err(e.into()),
            Ok(None) => bail!("connection ended"),
        }
    }
}
