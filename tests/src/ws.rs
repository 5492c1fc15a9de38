//! A websocket client speaking either GraphQL protocol, for tests.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream, connect_async,
    tungstenite::{
        Message, client::IntoClientRequest, http::HeaderValue, protocol::frame::coding::CloseCode,
    },
};

/// Bound on every wait, so a broken server fails the test instead of hanging it.
pub const WAIT: Duration = Duration::from_secs(10);

pub struct WsClient {
    stream: WebSocketStream<MaybeTlsStream<TcpStream>>,
    pub protocol: &'static str,
}

/// What the server did next: a message or a close (with its code).
#[derive(Debug, PartialEq)]
pub enum Received {
    Message(Value),
    Closed(u16),
}

impl WsClient {
    /// Connects to `/graphql/ws` with the given subprotocol and extra headers.
    pub async fn connect(
        base_url: &str,
        protocol: &'static str,
        headers: &[(&str, &str)],
    ) -> Result<Self, String> {
        let url = format!("{}/graphql/ws", base_url.replacen("http", "ws", 1));
        let mut request = url.into_client_request().map_err(|e| e.to_string())?;
        request
            .headers_mut()
            .insert("sec-websocket-protocol", HeaderValue::from_static(protocol));
        for (name, value) in headers {
            let name =
                tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(name.as_bytes())
                    .unwrap();
            request
                .headers_mut()
                .insert(name, HeaderValue::from_str(value).unwrap());
        }
        let (stream, _) = connect_async(request).await.map_err(|e| e.to_string())?;
        Ok(Self { stream, protocol })
    }

    pub async fn send(&mut self, message: Value) {
        self.stream
            .send(Message::Text(message.to_string().into()))
            .await
            .expect("send");
    }

    /// The next protocol message or close, skipping keep-alives.
    pub async fn next(&mut self) -> Received {
        loop {
            let frame = tokio::time::timeout(WAIT, self.stream.next())
                .await
                .expect("server answered in time");
            match frame {
                Some(Ok(Message::Text(text))) => {
                    let value: Value = serde_json::from_str(&text).expect("JSON message");
                    if value["type"] == "ka" {
                        continue;
                    }
                    return Received::Message(value);
                }
                Some(Ok(Message::Close(frame))) => {
                    return Received::Closed(frame.map_or(1005, |f| u16::from(f.code)));
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Received::Closed(1006),
            }
        }
    }

    pub async fn message(&mut self) -> Value {
        match self.next().await {
            Received::Message(v) => v,
            Received::Closed(code) => panic!("expected a message, the server closed with {code}"),
        }
    }

    pub async fn closed(&mut self) -> u16 {
        match self.next().await {
            Received::Closed(code) => code,
            Received::Message(v) => panic!("expected a close, got {v}"),
        }
    }

    /// Sends `connection_init` (with a token, if given) and expects the ack.
    pub async fn init(&mut self, token: Option<&str>) {
        let payload = token.map_or(json!({}), |t| json!({ "token": t }));
        self.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        assert_eq!(self.message().await["type"], "connection_ack");
    }

    /// Starts an operation under `id` (`subscribe`, or `start` in the legacy protocol).
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        let kind = if self.protocol == "graphql-ws" {
            "start"
        } else {
            "subscribe"
        };
        self.send(json!({ "type": kind, "id": id, "payload": { "query": query, "variables": variables } })).await;
    }

    /// The payload of the next data message for `id` (`next`, or `data` when legacy).
    pub async fn data(&mut self, id: &str) -> Value {
        let m = self.message().await;
        let expected = if self.protocol == "graphql-ws" {
            "data"
        } else {
            "next"
        };
        assert_eq!(m["type"], expected, "{m}");
        assert_eq!(m["id"], id);
        m["payload"].clone()
    }
}

pub fn close_code(code: CloseCode) -> u16 {
    u16::from(code)
}
