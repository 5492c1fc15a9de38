//! The Redis bridge between replicas: every process publishes to one Redis channel and
//! keeps one subscription to it, forwarding other processes' messages into its own hub.
//!
//! Both directions reconnect on their own with capped backoff, so Redis restarts heal
//! without intervention. Publishing goes through a bounded queue to a background task: a
//! slow or absent Redis costs at most dropped messages (counted), never a blocked request.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, watch};

use crate::hub::Hub;

/// The Redis channel all replicas share.
pub const CHANNEL: &str = "piazza:events";
const QUEUE: usize = 4096;
const COMMAND_TIMEOUT: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(2);

#[derive(Serialize)]
struct Envelope<'a> {
    /// The publishing process, so it can ignore its own messages coming back.
    o: u64,
    t: &'a str,
    m: &'a str,
}

/// [`Envelope`] as received: owned, because the message is JSON escaped inside JSON.
#[derive(Deserialize)]
struct Received {
    o: u64,
    t: String,
    m: String,
}

/// Whether each direction of the link is currently up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BridgeStatus {
    pub subscribed: bool,
    pub publishing: bool,
}

#[derive(Clone)]
pub struct Bridge {
    origin: u64,
    queue: mpsc::Sender<String>,
    subscribed: Arc<AtomicBool>,
    publishing: Arc<AtomicBool>,
    stop: Arc<watch::Sender<bool>>,
}

impl Bridge {
    pub fn start(url: &str, hub: Hub) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        let origin = rand::random();
        let (queue, rx) = mpsc::channel(QUEUE);
        let (stop, stopped) = watch::channel(false);
        let bridge = Self {
            origin,
            queue,
            subscribed: Arc::new(AtomicBool::new(false)),
            publishing: Arc::new(AtomicBool::new(false)),
            stop: Arc::new(stop),
        };
        tokio::spawn(subscribe_loop(
            client.clone(),
            hub,
            origin,
            bridge.subscribed.clone(),
            stopped.clone(),
        ));
        tokio::spawn(publish_loop(client, rx, bridge.publishing.clone(), stopped));
        Ok(bridge)
    }

    pub fn publish(&self, topic: &str, message: &str) {
        let envelope = Envelope {
            o: self.origin,
            t: topic,
            m: message,
        };
        let Ok(json) = serde_json::to_string(&envelope) else {
            return;
        };
        if self.queue.try_send(json).is_err() {
            metrics::counter!("piazza_live_bridge_dropped_total").increment(1);
        }
    }

    pub fn status(&self) -> BridgeStatus {
        BridgeStatus {
            subscribed: self.subscribed.load(Ordering::Relaxed),
            publishing: self.publishing.load(Ordering::Relaxed),
        }
    }

    pub fn shutdown(&self) {
        let _ = self.stop.send(true);
    }
}

async fn backoff(attempt: &mut u32, stopped: &mut watch::Receiver<bool>) -> bool {
    let delay = Duration::from_millis(50 * 2u64.pow((*attempt).min(6))).min(MAX_BACKOFF);
    *attempt += 1;
    tokio::select! {
        () = tokio::time::sleep(delay) => true,
        _ = stopped.changed() => false,
    }
}

async fn subscribe_loop(
    client: redis::Client,
    hub: Hub,
    origin: u64,
    up: Arc<AtomicBool>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut attempt = 0;
    loop {
        let connected = async {
            let mut pubsub = client.get_async_pubsub().await?;
            pubsub.subscribe(CHANNEL).await?;
            Ok::<_, redis::RedisError>(pubsub)
        };
        match tokio::time::timeout(Duration::from_secs(2), connected).await {
            Ok(Ok(mut pubsub)) => {
                attempt = 0;
                up.store(true, Ordering::Relaxed);
                tracing::info!("live bridge subscribed to Redis");
                let mut messages = pubsub.on_message();
                loop {
                    tokio::select! {
                        msg = messages.next() => {
                            let Some(msg) = msg else { break };
                            let Ok(payload) = msg.get_payload::<String>() else { continue };
                            match serde_json::from_str::<Received>(&payload) {
                                Ok(e) if e.o != origin => hub.publish(&e.t, Arc::from(e.m)),
                                Ok(_) => {}
                                Err(err) => tracing::warn!(error = %err, "malformed message on the live bridge"),
                            }
                        }
                        _ = stopped.changed() => return,
                    }
                }
                up.store(false, Ordering::Relaxed);
                tracing::warn!("live bridge lost its Redis subscription; reconnecting");
            }
            Ok(Err(err)) if attempt == 0 => {
                tracing::warn!(error = %err, "live bridge cannot subscribe to Redis; retrying")
            }
            Ok(Err(_)) => {}
            Err(_) if attempt == 0 => {
                tracing::warn!("live bridge: Redis subscription timed out; retrying")
            }
            Err(_) => {}
        }
        if !backoff(&mut attempt, &mut stopped).await {
            return;
        }
    }
}

async fn publish_loop(
    client: redis::Client,
    mut rx: mpsc::Receiver<String>,
    up: Arc<AtomicBool>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut attempt = 0;
    let mut pending: Option<String> = None;
    loop {
        let conn = tokio::time::timeout(
            COMMAND_TIMEOUT * 4,
            client.get_multiplexed_async_connection(),
        )
        .await;
        let mut conn = match conn {
            Ok(Ok(c)) => c,
            _ => {
                up.store(false, Ordering::Relaxed);
                // While Redis is away, drain the queue so it never holds stale messages.
                while rx.try_recv().is_ok() {
                    metrics::counter!("piazza_live_bridge_dropped_total").increment(1);
                }
                pending = None;
                if !backoff(&mut attempt, &mut stopped).await {
                    return;
                }
                continue;
            }
        };
        attempt = 0;
        up.store(true, Ordering::Relaxed);
        loop {
            let message = match pending.take() {
                Some(m) => m,
                None => tokio::select! {
                    m = rx.recv() => match m { Some(m) => m, None => return },
                    _ = stopped.changed() => return,
                },
            };
            let mut cmd = redis::cmd("PUBLISH");
            cmd.arg(CHANNEL).arg(&message);
            let publish = cmd.query_async::<i64>(&mut conn);
            match tokio::time::timeout(COMMAND_TIMEOUT, publish).await {
                Ok(Ok(_)) => metrics::counter!("piazza_live_bridge_published_total").increment(1),
                _ => {
                    tracing::warn!("live bridge cannot publish to Redis; reconnecting");
                    pending = Some(message);
                    break;
                }
            }
        }
        up.store(false, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip_messages_that_are_json_themselves() {
        let message = r#"{"id":1,"topic":"thread:1","body":"with \"quotes\" and \\ backslashes"}"#;
        let json = serde_json::to_string(&Envelope {
            o: 7,
            t: "thread:1",
            m: message,
        })
        .unwrap();
        let received: Received = serde_json::from_str(&json).unwrap();
        assert_eq!(
            (received.o, received.t.as_str(), received.m.as_str()),
            (7, "thread:1", message)
        );
    }
}
