//! GraphQL over websockets at `/graphql/ws`, speaking `graphql-transport-ws` (current) and
//! the legacy `graphql-ws` (subscriptions-transport-ws).
//!
//! Written here rather than taken from async-graphql-poem because the protocol rules must
//! hold exactly: close codes 4400/4401/4403/4408/4409/4429, authentication in
//! `connection_init` (token) or the cookie, an `Origin` check, per-IP connection and
//! per-connection subscription limits, a small read buffer (idle connections are the common
//! case), a per-connection message rate (floods are closed with 1008), sockets closed when
//! their session is revoked, and clients that stop reading dropped instead of buffering
//! without bound.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use async_graphql::Request as GqlRequest;
use futures_util::{SinkExt, StreamExt};
use poem::{
    IntoResponse, Request, Response, handler,
    http::{StatusCode, header},
    web::{
        Data,
        websocket::{CloseCode, Message, WebSocket, WebSocketConfig, WebSocketStream},
    },
};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

use super::{
    HttpState,
    graphql::{bearer_or_cookie, request_meta},
    ws_shared,
};
use crate::{
    auth::{Viewer, token},
    graphql::{RequestViewer, loaders::Loaders},
    live::{Revocation, Topic},
    services::RequestMeta,
};

/// Time a client has to send `connection_init`.
pub const INIT_TIMEOUT: Duration = Duration::from_secs(5);
/// Concurrent subscriptions per connection.
pub const MAX_SUBSCRIPTIONS: usize = 20;
/// Outgoing messages queued for a client before it counts as not reading.
const OUTBOX: usize = 64;
/// Largest accepted message from a client.
const MAX_MESSAGE: usize = 64 * 1024;
/// Messages a client may send at once; after that, `MESSAGES_PER_SECOND`. A real client
/// sends a handful per page (init, subscribes, pings); a flood is closed with 1008.
const MESSAGE_BURST: f64 = 50.0;
const MESSAGES_PER_SECOND: f64 = 10.0;
/// How long a closing connection waits for the client's own close frame.
const LINGER: Duration = Duration::from_secs(1);
/// The legacy protocol's keep-alive interval.
const LEGACY_KEEPALIVE: Duration = Duration::from_secs(25);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Protocol {
    /// `graphql-transport-ws`.
    Current,
    /// `graphql-ws` (subscriptions-transport-ws).
    Legacy,
}

/// Live websocket connections per client IP.
#[derive(Clone, Default)]
pub struct ConnectionCounter(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct ConnectionSlot {
    counter: ConnectionCounter,
    ip: IpAddr,
}

impl ConnectionCounter {
    fn acquire(&self, ip: IpAddr, max: usize) -> Option<ConnectionSlot> {
        let mut map = self.0.lock().expect("connection counter");
        let n = map.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        metrics::gauge!("piazza_ws_connections").increment(1.0);
        Some(ConnectionSlot {
            counter: self.clone(),
            ip,
        })
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut map = self.counter.0.lock().expect("connection counter");
        if let Some(n) = map.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
        metrics::gauge!("piazza_ws_connections").decrement(1.0);
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    Response::builder()
        .status(status)
        .content_type("text/plain; charset=utf-8")
        .body(message.to_owned())
}

/// Browsers always send `Origin`; it must name this site (or a configured origin), which
/// stops other sites from opening sockets with the member's cookie.
fn origin_allowed(req: &Request, allowed: &[String]) -> bool {
    let Some(origin) = req.header(header::ORIGIN) else {
        return true;
    };
    if allowed.iter().any(|a| a == origin) {
        return true;
    }
    let host = req.header(header::HOST).unwrap_or_default();
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest == host)
}

#[handler]
pub async fn upgrade(req: &Request, ws: WebSocket, state: Data<&HttpState>) -> Response {
    if !origin_allowed(req, &state.ws.allowed_origins) {
        return refuse(StatusCode::FORBIDDEN, "origin not allowed");
    }
    let requested = req
        .header(header::SEC_WEBSOCKET_PROTOCOL)
        .unwrap_or("graphql-transport-ws");
    let protocol = if requested
        .split(',')
        .any(|p| p.trim() == "graphql-transport-ws")
    {
        Protocol::Current
    } else if requested.split(',').any(|p| p.trim() == "graphql-ws") {
        Protocol::Legacy
    } else {
        return refuse(StatusCode::BAD_REQUEST, "unsupported websocket subprotocol");
    };
    let meta = request_meta(req, &state);
    let ip = meta.ip;
    let Some(slot) = state.ws.connections.acquire(ip, state.ws.max_per_ip) else {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too many connections");
    };
    let cookie_token = if req.header(header::COOKIE).is_some() {
        bearer_or_cookie(req)
    } else {
        None
    };
    let config = WebSocketConfig::default()
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(Some(MAX_MESSAGE))
        .max_frame_size(Some(MAX_MESSAGE));
    let state = state.0.clone();
    ws.protocols(["graphql-transport-ws", "graphql-ws"])
        .config(config)
        .on_upgrade(move |socket| async move {
            Connection::new(state, protocol, meta, cookie_token)
                .run(socket)
                .await;
            drop(slot);
        })
        .into_response()
}

#[derive(Deserialize)]
struct ClientMessage {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    payload: Option<Value>,
}

/// Why the server ends a connection.
struct Close(u16, &'static str);

enum Control {
    /// A subscription's stream ended (and `complete` was sent).
    Done(String),
    /// The client is not reading: its outbox is full.
    Overflow,
}

struct Connection {
    state: HttpState,
    protocol: Protocol,
    meta: RequestMeta,
    cookie_token: Option<String>,
    viewer: Option<Viewer>,
    acknowledged: bool,
    subscriptions: HashMap<String, tokio::task::AbortHandle>,
    outbox: mpsc::Sender<Message>,
    control: mpsc::UnboundedSender<Control>,
}

impl Connection {
    fn new(
        state: HttpState,
        protocol: Protocol,
        meta: RequestMeta,
        cookie_token: Option<String>,
    ) -> Self {
        // Replaced in `run`; these senders only exist so the struct can be built.
        let (outbox, _) = mpsc::channel(1);
        let (control, _) = mpsc::unbounded_channel();
        Self {
            state,
            protocol,
            meta,
            cookie_token,
            viewer: None,
            acknowledged: false,
            subscriptions: HashMap::new(),
            outbox,
            control,
        }
    }

    async fn run(mut self, socket: WebSocketStream) {
        let (sink, mut incoming) = socket.split();
        let (outbox, outbox_rx) = mpsc::channel(OUTBOX);
        let (control, mut control_rx) = mpsc::unbounded_channel();
        let (close_tx, close_rx) = watch::channel(None::<(u16, &'static str)>);
        self.outbox = outbox;
        self.control = control;
        let writer = tokio::spawn(write_loop(sink, outbox_rx, close_rx));
        let mut shutdown = self.state.shutdown.clone();
        let mut revocations: Option<piazza_live::Receiver> = None;
        let init_deadline = tokio::time::sleep(INIT_TIMEOUT);
        tokio::pin!(init_deadline);
        let mut keepalive = tokio::time::interval(LEGACY_KEEPALIVE);
        let mut budget = MessageBudget::new();

        let close = loop {
            tokio::select! {
                frame = incoming.next() => match frame {
                    Some(Ok(_)) if !budget.take() => {
                        metrics::counter!("piazza_ws_floods_closed_total").increment(1);
                        break Some(Close(1008, "Too many messages"));
                    }
                    Some(Ok(Message::Text(text))) => {
                        if let Err(close) = self.on_text(&text, &mut revocations).await {
                            break Some(close);
                        }
                    }
                    Some(Ok(Message::Binary(_))) => break Some(Close(4400, "Binary messages are not supported")),
                    Some(Ok(Message::Close(_))) | None => break None,
                    Some(Ok(_)) => {}
                    Some(Err(_)) => break Some(Close(4400, "Invalid message")),
                },
                () = &mut init_deadline, if !self.acknowledged => {
                    break Some(Close(4408, "Connection initialisation timeout"));
                }
                Some(control) = control_rx.recv() => match control {
                    Control::Done(id) => { self.subscriptions.remove(&id); }
                    Control::Overflow => break Some(Close(1013, "Client is not reading")),
                },
                Some(message) = next_revocation(&mut revocations) => {
                    if self.revoked_by(&message) {
                        break Some(Close(4403, "Session ended"));
                    }
                }
                _ = shutdown.changed() => break Some(Close(1012, "Server restarting")),
                _ = keepalive.tick(), if self.protocol == Protocol::Legacy && self.acknowledged => {
                    let _ = self.outbox.try_send(text(&json!({ "type": "ka" })));
                }
            }
        };
        for (_, task) in self.subscriptions.drain() {
            task.abort();
        }
        let _ = close_tx.send(close.map(|Close(code, reason)| (code, reason)));
        drop(self.outbox);
        let _ = writer.await;
        // Keep reading (and discarding) for a moment while the client answers our close
        // frame: closing with its input unread would reset the connection, and a client
        // still sending (a flood) would then lose the close code.
        let _ = tokio::time::timeout(LINGER, async {
            while let Some(Ok(_)) = incoming.next().await {}
        })
        .await;
    }

    fn revoked_by(&self, message: &str) -> bool {
        let Some(viewer) = &self.viewer else {
            return false;
        };
        match serde_json::from_str::<Revocation>(message) {
            Ok(Revocation { token_hash: None }) => true,
            Ok(Revocation {
                token_hash: Some(hash),
            }) => hash == hex::encode(&viewer.token_hash),
            Err(_) => false,
        }
    }

    async fn on_text(
        &mut self,
        raw: &str,
        revocations: &mut Option<piazza_live::Receiver>,
    ) -> Result<(), Close> {
        let message: ClientMessage =
            serde_json::from_str(raw).map_err(|_| Close(4400, "Invalid message"))?;
        match (self.protocol, message.kind.as_str()) {
            (_, "connection_init") => {
                if self.acknowledged {
                    return Err(Close(4429, "Too many initialisation requests"));
                }
                let token = message
                    .payload
                    .as_ref()
                    .and_then(|p| p.get("token"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .or_else(|| self.cookie_token.clone());
                if let Some(token) = token {
                    let hash = token::hash(&token);
                    let user = piazza_db::sessions::find_session_user(
                        &self.state.app.db,
                        &hash,
                        piazza_db::now(),
                    )
                    .await
                    .map_err(|_| Close(4500, "Internal error"))?;
                    let Some(user) = user else {
                        if self.protocol == Protocol::Legacy {
                            let _ = self.outbox.try_send(text(&json!({ "type": "connection_error", "payload": { "message": "Forbidden" } })));
                        }
                        return Err(Close(4403, "Forbidden"));
                    };
                    *revocations = Some(
                        self.state
                            .app
                            .bus
                            .subscribe(&Topic::Sessions(user.id).key()),
                    );
                    self.viewer = Some(Viewer {
                        user,
                        token_hash: hash,
                    });
                }
                self.acknowledged = true;
                self.send(json!({ "type": "connection_ack" }))?;
                if self.protocol == Protocol::Legacy {
                    self.send(json!({ "type": "ka" }))?;
                }
                Ok(())
            }
            (Protocol::Current, "ping") => self.send(json!({ "type": "pong" })),
            (Protocol::Current, "pong") => Ok(()),
            (Protocol::Current, "subscribe") | (Protocol::Legacy, "start") => {
                if !self.acknowledged {
                    return Err(Close(4401, "Unauthorized"));
                }
                let id = message
                    .id
                    .filter(|id| !id.is_empty() && id.len() <= 128)
                    .ok_or(Close(4400, "Invalid message"))?;
                if self.subscriptions.contains_key(&id) {
                    return Err(Close(4409, "Subscriber for this id already exists"));
                }
                let payload = message.payload.ok_or(Close(4400, "Invalid message"))?;
                let request: GqlRequest =
                    serde_json::from_value(payload).map_err(|_| Close(4400, "Invalid message"))?;
                if self.subscriptions.len() >= MAX_SUBSCRIPTIONS {
                    let errors = json!([{ "message": "Troppe sottoscrizioni su questa connessione", "extensions": { "code": "RATE_LIMITED" } }]);
                    return self.send(self.error_message(&id, errors));
                }
                self.start(id, request);
                Ok(())
            }
            (Protocol::Current, "complete") | (Protocol::Legacy, "stop") => {
                if let Some(task) = message.id.and_then(|id| self.subscriptions.remove(&id)) {
                    task.abort();
                }
                Ok(())
            }
            (Protocol::Legacy, "connection_terminate") => Err(Close(1000, "Normal closure")),
            _ => Err(Close(4400, "Invalid message")),
        }
    }

    fn send(&self, message: Value) -> Result<(), Close> {
        self.outbox
            .try_send(text(&message))
            .map_err(|_| Close(1013, "Client is not reading"))
    }

    fn error_message(&self, id: &str, errors: Value) -> Value {
        match self.protocol {
            Protocol::Current => json!({ "type": "error", "id": id, "payload": errors }),
            Protocol::Legacy => {
                json!({ "type": "error", "id": id, "payload": errors.get(0).cloned().unwrap_or(Value::Null) })
            }
        }
    }

    fn start(&mut self, id: String, request: GqlRequest) {
        if ws_shared::shareable(&request.query) {
            return self.start_shared(id, request);
        }
        let viewer_id = self.viewer.as_ref().map(Viewer::id);
        let request = request
            .data(RequestViewer(self.viewer.clone()))
            .data(self.meta.clone())
            .data(Loaders::new(&self.state.app.db, viewer_id));
        let mut responses = self.state.schema.execute_stream(request);
        let (outbox, control, protocol) =
            (self.outbox.clone(), self.control.clone(), self.protocol);
        let error_shape = move |errors: Value| match protocol {
            Protocol::Current => errors,
            Protocol::Legacy => errors.get(0).cloned().unwrap_or(Value::Null),
        };
        let task_id = id.clone();
        let task = tokio::spawn(async move {
            let id = task_id;
            let mut first = true;
            while let Some(response) = responses.next().await {
                // An operation that fails before producing data is an `error`, not a `next`.
                let message =
                    if first && response.data == async_graphql::Value::Null && response.is_err() {
                        let errors = serde_json::to_value(&response.errors).unwrap_or(Value::Null);
                        let _ = outbox.try_send(text(
                            &json!({ "type": "error", "id": id, "payload": error_shape(errors) }),
                        ));
                        let _ = control.send(Control::Done(id));
                        return;
                    } else {
                        let kind = if protocol == Protocol::Current {
                            "next"
                        } else {
                            "data"
                        };
                        json!({ "type": kind, "id": id, "payload": response })
                    };
                first = false;
                if outbox.try_send(text(&message)).is_err() {
                    let _ = control.send(Control::Overflow);
                    return;
                }
                metrics::counter!("piazza_ws_deliveries_total").increment(1);
            }
            let _ = outbox.try_send(text(&json!({ "type": "complete", "id": id })));
            let _ = control.send(Control::Done(id));
        });
        self.subscriptions.insert(id, task.abort_handle());
    }
}

impl Connection {
    /// Follows a shared feed: the operation runs once for every socket subscribed to the
    /// same document, and each event arrives here already serialised.
    fn start_shared(&mut self, id: String, request: GqlRequest) {
        let subscription =
            self.state
                .ws
                .feeds
                .join(&self.state.schema, &self.state.app.db, &self.meta, request);
        let (outbox, control, protocol) =
            (self.outbox.clone(), self.control.clone(), self.protocol);
        let task_id = id.clone();
        let task = tokio::spawn(async move {
            // Bind the whole subscription: capturing only its receiver would drop the feed.
            let mut subscription = subscription;
            let id = task_id;
            let quoted_id = serde_json::to_string(&id).unwrap_or_else(|_| "\"\"".into());
            let kind = if protocol == Protocol::Current {
                "next"
            } else {
                "data"
            };
            loop {
                match subscription.rx.recv().await {
                    Ok(response) if response.is_error => {
                        let errors = serde_json::from_str::<Value>(&response.json)
                            .ok()
                            .and_then(|v| v.get("errors").cloned())
                            .unwrap_or(Value::Null);
                        let payload = if protocol == Protocol::Current {
                            errors
                        } else {
                            errors.get(0).cloned().unwrap_or(Value::Null)
                        };
                        let _ = outbox.try_send(text(
                            &json!({ "type": "error", "id": id, "payload": payload }),
                        ));
                        let _ = control.send(Control::Done(id));
                        return;
                    }
                    Ok(response) => {
                        let message = format!(
                            r#"{{"type":"{kind}","id":{quoted_id},"payload":{}}}"#,
                            response.json
                        );
                        if outbox.try_send(Message::Text(message)).is_err() {
                            let _ = control.send(Control::Overflow);
                            return;
                        }
                        metrics::counter!("piazza_ws_deliveries_total").increment(1);
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(skipped)) => {
                        metrics::counter!("piazza_live_lagged_messages_total").increment(skipped);
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
            let _ = outbox.try_send(text(&json!({ "type": "complete", "id": id })));
            let _ = control.send(Control::Done(id));
        });
        self.subscriptions.insert(id, task.abort_handle());
    }
}

/// A token bucket over the client's incoming frames (pings and pongs included).
struct MessageBudget {
    tokens: f64,
    at: tokio::time::Instant,
}

impl MessageBudget {
    fn new() -> Self {
        Self {
            tokens: MESSAGE_BURST,
            at: tokio::time::Instant::now(),
        }
    }

    fn take(&mut self) -> bool {
        let now = tokio::time::Instant::now();
        let refill = now.duration_since(self.at).as_secs_f64() * MESSAGES_PER_SECOND;
        self.tokens = (self.tokens + refill).min(MESSAGE_BURST);
        self.at = now;
        if self.tokens < 1.0 {
            return false;
        }
        self.tokens -= 1.0;
        true
    }
}

fn text(value: &Value) -> Message {
    Message::Text(value.to_string())
}

async fn next_revocation(rx: &mut Option<piazza_live::Receiver>) -> Option<piazza_live::Message> {
    match rx {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// Writes queued messages; on close, sends the close frame (giving up after a second if the
/// client does not take it) and ends, which drops the connection.
async fn write_loop(
    mut sink: futures_util::stream::SplitSink<WebSocketStream, Message>,
    mut outbox: mpsc::Receiver<Message>,
    mut close: watch::Receiver<Option<(u16, &'static str)>>,
) {
    loop {
        tokio::select! {
            message = outbox.recv() => match message {
                Some(message) => {
                    if tokio::time::timeout(Duration::from_secs(10), sink.send(message)).await.map_or(true, |r| r.is_err()) {
                        return;
                    }
                }
                None => break,
            },
            _ = close.changed() => break,
        }
    }
    // Flush what is already queued (e.g. an `error` before a close), then the close frame.
    while let Ok(message) = outbox.try_recv() {
        if tokio::time::timeout(Duration::from_secs(1), sink.send(message))
            .await
            .map_or(true, |r| r.is_err())
        {
            return;
        }
    }
    let reason = *close.borrow();
    let frame = match reason {
        Some((code, reason)) => Message::Close(Some((CloseCode::from(code), reason.to_owned()))),
        None => Message::Close(None),
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), sink.send(frame)).await;
    let _ = tokio::time::timeout(Duration::from_secs(1), sink.close()).await;
}
