//! In-process fan-out: one `broadcast` channel per topic, created on first subscription and
//! dropped when its last subscriber goes. A slow subscriber lags and skips ahead; it never
//! holds up the publisher or other subscribers.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use tokio::sync::broadcast::{self, error::RecvError};

use crate::Message;

/// Messages buffered per topic for a subscriber that is momentarily busy.
const CAPACITY: usize = 256;

#[derive(Clone, Default)]
pub struct Hub {
    topics: Arc<Mutex<HashMap<String, broadcast::Sender<Message>>>>,
}

/// A subscription to one topic.
pub struct Receiver {
    inner: broadcast::Receiver<Message>,
    hub: Hub,
    topic: String,
}

impl Hub {
    pub fn subscribe(&self, topic: &str) -> Receiver {
        let mut topics = self.topics.lock().expect("hub lock");
        let inner = match topics.get(topic) {
            Some(sender) => sender.subscribe(),
            None => {
                let (sender, receiver) = broadcast::channel(CAPACITY);
                topics.insert(topic.to_owned(), sender);
                receiver
            }
        };
        Receiver {
            inner,
            hub: self.clone(),
            topic: topic.to_owned(),
        }
    }

    pub fn publish(&self, topic: &str, message: Message) {
        let topics = self.topics.lock().expect("hub lock");
        if let Some(sender) = topics.get(topic) {
            // An error only means nobody is listening right now.
            let _ = sender.send(message);
        }
    }

    pub fn topic_count(&self) -> usize {
        self.topics.lock().expect("hub lock").len()
    }

    fn release(&self, topic: &str) {
        let mut topics = self.topics.lock().expect("hub lock");
        if topics.get(topic).is_some_and(|s| s.receiver_count() == 0) {
            topics.remove(topic);
        }
    }
}

impl Receiver {
    /// The next message; `None` once the hub is gone. Skips what was missed when lagging.
    pub async fn recv(&mut self) -> Option<Message> {
        loop {
            match self.inner.recv().await {
                Ok(message) => return Some(message),
                Err(RecvError::Lagged(skipped)) => {
                    metrics::counter!("piazza_live_lagged_messages_total").increment(skipped);
                    tracing::debug!(topic = %self.topic, skipped, "subscriber lagged; skipping ahead");
                }
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        // Our receiver still counts until the field drops, so release after replacing it.
        let (_, placeholder) = broadcast::channel(1);
        drop(std::mem::replace(&mut self.inner, placeholder));
        self.hub.release(&self.topic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn subscribers_of_a_topic_receive_its_messages_only() {
        let hub = Hub::default();
        let mut a = hub.subscribe("thread:1");
        let mut b = hub.subscribe("thread:1");
        let mut other = hub.subscribe("thread:2");
        hub.publish("thread:1", Arc::from("hello"));
        assert_eq!(&*a.recv().await.unwrap(), "hello");
        assert_eq!(&*b.recv().await.unwrap(), "hello");
        hub.publish("thread:2", Arc::from("other"));
        assert_eq!(&*other.recv().await.unwrap(), "other");
    }

    #[tokio::test]
    async fn topics_are_dropped_with_their_last_subscriber() {
        let hub = Hub::default();
        let a = hub.subscribe("t");
        let b = hub.subscribe("t");
        assert_eq!(hub.topic_count(), 1);
        drop(a);
        assert_eq!(hub.topic_count(), 1);
        drop(b);
        assert_eq!(hub.topic_count(), 0);
        hub.publish("t", Arc::from("nobody listens"));
    }

    #[tokio::test]
    async fn a_slow_subscriber_skips_ahead_and_others_are_unaffected() {
        let hub = Hub::default();
        let mut slow = hub.subscribe("t");
        let mut fast = hub.subscribe("t");
        for i in 0..(CAPACITY + 10) {
            hub.publish("t", Arc::from(i.to_string()));
            assert_eq!(&*fast.recv().await.unwrap(), i.to_string());
        }
        // The oldest ten were overwritten: the slow one resumes at the oldest kept.
        assert_eq!(&*slow.recv().await.unwrap(), "10");
    }
}
