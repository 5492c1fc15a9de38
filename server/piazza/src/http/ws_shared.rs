//! Shared subscription feeds: when many sockets subscribe to the same viewer-independent
//! document with the same variables (a popular thread), the operation runs once and each
//! event is serialised once; subscribers only wrap the bytes in their own message.
//!
//! A document is shared only if nothing in it depends on who is asking: no `viewer*`,
//! `me`, `email` or `suspendedUntil` field, no `notificationReceived`, and no `after`
//! argument (a replay differs per subscriber). It then runs with the least privilege — as
//! an anonymous reader — so sharing can hide, but never reveal, content.

use std::{
    collections::HashMap,
    hash::{DefaultHasher, Hash, Hasher},
    sync::{Arc, Mutex, Weak},
};

use async_graphql::{
    Request as GqlRequest,
    parser::{
        parse_query,
        types::{ExecutableDocument, OperationType, Selection, SelectionSet},
    },
};
use futures_util::StreamExt;
use tokio::sync::broadcast;

use crate::{
    graphql::{PiazzaSchema, RequestViewer, loaders::Loaders},
    services::RequestMeta,
};

/// Events buffered for a subscriber that is momentarily behind; beyond, it skips ahead.
const CAPACITY: usize = 128;

/// One execution's output, serialised once.
pub struct SharedResponse {
    /// The GraphQL response as JSON.
    pub json: String,
    /// A request error (no data): sent as the protocol's `error` message.
    pub is_error: bool,
}

pub struct Feed {
    tx: broadcast::Sender<Arc<SharedResponse>>,
    task: tokio::task::AbortHandle,
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A subscriber's handle: keeps the feed alive while held.
pub struct Subscription {
    pub feed: Arc<Feed>,
    pub rx: broadcast::Receiver<Arc<SharedResponse>>,
}

#[derive(Clone, Default)]
pub struct SharedFeeds(Arc<Mutex<HashMap<u64, Weak<Feed>>>>);

fn walk(set: &SelectionSet, doc: &ExecutableDocument, depth: usize, ok: &mut bool) {
    if depth > 64 || !*ok {
        *ok = false;
        return;
    }
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                let f = &field.node;
                let name = f.name.node.as_str();
                if name.starts_with("viewer")
                    || matches!(
                        name,
                        "me" | "email"
                            | "suspendedUntil"
                            | "notificationReceived"
                            | "reviewQueueEvents"
                    )
                    || f.arguments
                        .iter()
                        .any(|(arg, _)| arg.node.as_str() == "after")
                {
                    *ok = false;
                    return;
                }
                walk(&f.selection_set.node, doc, depth + 1, ok);
            }
            Selection::InlineFragment(fragment) => {
                walk(&fragment.node.selection_set.node, doc, depth + 1, ok)
            }
            Selection::FragmentSpread(spread) => {
                match doc.fragments.get(&spread.node.fragment_name.node) {
                    Some(fragment) => walk(&fragment.node.selection_set.node, doc, depth + 1, ok),
                    None => *ok = false,
                }
            }
        }
    }
}

/// Whether a subscription document may be shared between viewers.
pub fn shareable(query: &str) -> bool {
    let Ok(doc) = parse_query(query) else {
        return false;
    };
    let mut ok = true;
    for (_, operation) in doc.operations.iter() {
        if operation.node.ty != OperationType::Subscription {
            return false;
        }
        walk(&operation.node.selection_set.node, &doc, 0, &mut ok);
    }
    ok
}

fn key(request: &GqlRequest) -> u64 {
    let mut h = DefaultHasher::new();
    request.query.hash(&mut h);
    request.operation_name.hash(&mut h);
    serde_json::to_string(&request.variables)
        .unwrap_or_default()
        .hash(&mut h);
    h.finish()
}

impl SharedFeeds {
    /// Joins the feed for this request, starting it if nobody runs it yet.
    pub fn join(
        &self,
        schema: &PiazzaSchema,
        db: &piazza_db::Db,
        meta: &RequestMeta,
        request: GqlRequest,
    ) -> Subscription {
        let key = key(&request);
        let mut feeds = self.0.lock().expect("shared feeds");
        if let Some(feed) = feeds.get(&key).and_then(Weak::upgrade) {
            let rx = feed.tx.subscribe();
            return Subscription { feed, rx };
        }
        feeds.retain(|_, feed| feed.strong_count() > 0);
        let (tx, rx) = broadcast::channel(CAPACITY);
        let request = request
            .data(RequestViewer(None))
            .data(meta.clone())
            .data(Loaders::new(db, None));
        let mut responses = schema.execute_stream(request);
        let sender = tx.clone();
        let registry = self.clone();
        let task = tokio::spawn(async move {
            while let Some(response) = responses.next().await {
                let is_error = response.data == async_graphql::Value::Null && response.is_err();
                let json = serde_json::to_string(&response).unwrap_or_else(|_| "null".into());
                if sender
                    .send(Arc::new(SharedResponse { json, is_error }))
                    .is_err()
                {
                    break;
                }
                metrics::counter!("piazza_ws_shared_executions_total").increment(1);
            }
            // Finished: later subscribers start afresh instead of joining an ended feed.
            registry.0.lock().expect("shared feeds").remove(&key);
        });
        let feed = Arc::new(Feed {
            tx,
            task: task.abort_handle(),
        });
        feeds.insert(key, Arc::downgrade(&feed));
        Subscription { feed, rx }
    }

    pub fn len(&self) -> usize {
        self.0
            .lock()
            .expect("shared feeds")
            .values()
            .filter(|f| f.strong_count() > 0)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::shareable;

    #[test]
    fn viewer_dependent_documents_are_not_shared() {
        assert!(shareable(
            "subscription($t: ID!) { threadEvents(threadId: $t) { kind post { body author { displayName } } } }"
        ));
        assert!(!shareable(
            "subscription($t: ID!) { threadEvents(threadId: $t) { post { viewerVote } } }"
        ));
        assert!(!shareable(
            "subscription($t: ID!, $a: String) { threadEvents(threadId: $t, after: $a) { kind } }"
        ));
        assert!(!shareable("subscription { notificationReceived { id } }"));
        assert!(!shareable(
            "subscription($t: ID!) { threadEvents(threadId: $t) { post { author { email } } } }"
        ));
        assert!(!shareable(
            "subscription($t: ID!) { threadEvents(threadId: $t) { ...F } } fragment F on ThreadEvent { thread { community { viewerIsMember } } }"
        ));
        assert!(shareable(
            "subscription($t: ID!) { threadEvents(threadId: $t) { ...F } } fragment F on ThreadEvent { kind }"
        ));
        assert!(!shareable("not graphql {"));
        assert!(!shareable("{ communities { edges { node { slug } } } }"));
    }
}
