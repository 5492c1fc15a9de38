//! Live events for Piazza: a [`Bus`] that fans messages out to subscribers of a topic in
//! this process, and — when Redis is configured — to every other replica.
//!
//! Messages are opaque strings (the app serialises its typed events); this crate knows
//! nothing of GraphQL or of what a topic means. Delivery is at-most-once: a subscriber that
//! falls behind skips ahead, and messages published while the Redis link is down are lost.
//! Anything that must not be lost is persisted by the app and replayed from its database.

mod bridge;
mod hub;

use std::sync::Arc;

pub use bridge::BridgeStatus;
pub use hub::{Hub, Receiver};

/// A message as delivered to subscribers.
pub type Message = Arc<str>;

/// The event bus of one process.
#[derive(Clone)]
pub struct Bus {
    hub: Hub,
    bridge: Option<bridge::Bridge>,
}

impl Bus {
    /// A bus for a single node: in-process only.
    pub fn local() -> Self {
        Self {
            hub: Hub::default(),
            bridge: None,
        }
    }

    /// A bus bridged through Redis at `url`. The link is (re-)established in the background,
    /// so this succeeds even while Redis is down; only a malformed URL is an error.
    pub fn with_redis(url: &str) -> Result<Self, redis::RedisError> {
        let hub = Hub::default();
        let bridge = bridge::Bridge::start(url, hub.clone())?;
        Ok(Self {
            hub,
            bridge: Some(bridge),
        })
    }

    /// Delivers `message` to this process's subscribers of `topic` at once, and to the other
    /// replicas through Redis. Never blocks on Redis.
    pub fn publish(&self, topic: &str, message: &str) {
        self.hub.publish(topic, Arc::from(message));
        if let Some(bridge) = &self.bridge {
            bridge.publish(topic, message);
        }
    }

    pub fn subscribe(&self, topic: &str) -> Receiver {
        self.hub.subscribe(topic)
    }

    /// The Redis link's state, if there is one.
    pub fn bridge_status(&self) -> Option<BridgeStatus> {
        self.bridge.as_ref().map(bridge::Bridge::status)
    }

    /// Topics with live subscribers in this process.
    pub fn topic_count(&self) -> usize {
        self.hub.topic_count()
    }

    /// Stops the Redis link's background tasks.
    pub fn shutdown(&self) {
        if let Some(bridge) = &self.bridge {
            bridge.shutdown();
        }
    }
}
