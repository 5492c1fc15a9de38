//! The response cache. An entry is stored under a key that hashes what was asked (the
//! request and the permission scope) together with the current *version* of everything the
//! answer depends on (a community, a thread, the global facts such as names). A write bumps
//! the versions it affects, so the next read computes a new key and never sees a stale entry:
//! nothing is ever deleted, old entries just stop being asked for and expire.
//!
//! With Redis the versions and entries are shared by every replica; without it both live in
//! this process. When Redis is unreachable or slow, reads go straight to the database after
//! a short timeout and no request fails because of the cache.

mod flight;
mod health;
mod local;
mod remote;

use std::{future::Future, sync::Arc, time::Duration};

pub use bytes::Bytes;
use sha2::{Digest, Sha256};

use flight::Flights;
use local::LocalStore;
use remote::RedisStore;

/// How the cache behaves; the defaults suit a forum's feeds.
#[derive(Clone, Debug)]
pub struct Settings {
    /// How long an entry lives even if nothing changes (bounds memory and any staleness a
    /// lost version bump could cause).
    pub ttl: Duration,
    /// The most a request waits for Redis in total before falling back to the database.
    pub timeout: Duration,
    /// Memory budget of the in-process store.
    pub local_max_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            ttl: Duration::from_secs(300),
            timeout: Duration::from_millis(300),
            local_max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// A freshly computed answer, and whether it may be shared with others in the same scope.
pub struct Computed {
    pub body: Bytes,
    pub shareable: bool,
}

/// Where an answer came from, for tests and metrics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Hit,
    Miss,
    /// Redis was unavailable: computed without the cache.
    Fallback,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Hit => "hit",
            Outcome::Miss => "miss",
            Outcome::Fallback => "fallback",
        }
    }
}

enum Store {
    Local(LocalStore),
    Redis(RedisStore),
}

#[derive(Clone)]
pub struct Cache {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    flights: Flights,
}

impl Cache {
    /// A cache private to this process (single node, no Redis).
    pub fn local(settings: Settings) -> Self {
        Self::with(Store::Local(LocalStore::new(&settings)))
    }

    /// A cache shared through Redis. Only the URL is checked here: an unreachable Redis
    /// means fallbacks, never a failed start.
    pub fn redis(url: &str, settings: Settings) -> Result<Self, redis::RedisError> {
        Ok(Self::with(Store::Redis(RedisStore::new(url, &settings)?)))
    }

    fn with(store: Store) -> Self {
        Self {
            inner: Arc::new(Inner {
                store,
                flights: Flights::default(),
            }),
        }
    }

    /// The answer to `request` (bytes that identify what is asked, scope included) that
    /// depends on `deps`: from the cache, or computed once however many ask at the same
    /// time. `name` labels the metrics.
    pub async fn fetch<F, Fut>(
        &self,
        name: &'static str,
        deps: &[String],
        request: &[u8],
        compute: F,
    ) -> (Bytes, Outcome)
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Computed>,
    {
        let (body, outcome) = self.fetch_inner(deps, request, compute).await;
        metrics::counter!("piazza_cache_requests_total", "cache" => name, "outcome" => outcome.label())
            .increment(1);
        (body, outcome)
    }

    async fn fetch_inner<F, Fut>(
        &self,
        deps: &[String],
        request: &[u8],
        compute: F,
    ) -> (Bytes, Outcome)
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Computed>,
    {
        let key = match self.versions(deps).await {
            Some(versions) => entry_key(deps, &versions, request),
            None => return (compute().await.body, Outcome::Fallback),
        };
        match self.get(&key).await {
            Some(Some(body)) => return (body, Outcome::Hit),
            Some(None) => {}
            None => return (compute().await.body, Outcome::Fallback),
        }
        let (computed, led) = self.inner.flights.run(&key, compute).await;
        if led && computed.shareable {
            self.put(key, computed.body.clone()).await;
        }
        (computed.body, Outcome::Miss)
    }

    /// Makes every entry that depends on one of `deps` unreachable. Awaited by writes
    /// after their commit, so a read that starts after the write's answer sees the change.
    pub async fn bump(&self, deps: &[String]) {
        if deps.is_empty() {
            return;
        }
        match &self.inner.store {
            Store::Local(s) => s.bump(deps),
            Store::Redis(s) => s.bump(deps).await,
        }
    }

    async fn versions(&self, deps: &[String]) -> Option<Vec<String>> {
        match &self.inner.store {
            Store::Local(s) => Some(s.versions(deps)),
            Store::Redis(s) => s.versions(deps).await,
        }
    }

    /// `None`: the store could not answer; `Some(None)`: a miss.
    async fn get(&self, key: &str) -> Option<Option<Bytes>> {
        match &self.inner.store {
            Store::Local(s) => Some(s.get(key)),
            Store::Redis(s) => s.get(key).await,
        }
    }

    async fn put(&self, key: String, body: Bytes) {
        match &self.inner.store {
            Store::Local(s) => s.put(key, body),
            Store::Redis(s) => s.put(key, body).await,
        }
    }

    /// Whether entries are shared with other replicas.
    pub fn is_shared(&self) -> bool {
        matches!(self.inner.store, Store::Redis(_))
    }
}

/// The storage key of an answer: a digest of what it depends on, the versions read and
/// the request.
fn entry_key(deps: &[String], versions: &[String], request: &[u8]) -> String {
    let mut hash = Sha256::new();
    for part in deps.iter().chain(versions) {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.update(request);
    hex::encode(hash.finalize())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn deps(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    async fn answer(
        cache: &Cache,
        calls: &AtomicUsize,
        deps: &[String],
        body: &str,
    ) -> (Bytes, Outcome) {
        cache
            .fetch("test", deps, b"q", || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Computed {
                    body: Bytes::from(body.to_owned()),
                    shareable: true,
                }
            })
            .await
    }

    #[tokio::test]
    async fn a_bump_makes_the_next_read_fresh_and_other_deps_stay_cached() {
        let cache = Cache::local(Settings::default());
        let calls = AtomicUsize::new(0);
        let a = deps(&["community:1"]);
        let b = deps(&["community:2"]);
        assert_eq!(
            answer(&cache, &calls, &a, "a1").await,
            (Bytes::from("a1"), Outcome::Miss)
        );
        assert_eq!(
            answer(&cache, &calls, &a, "ignored").await,
            (Bytes::from("a1"), Outcome::Hit)
        );
        assert_eq!(answer(&cache, &calls, &b, "b1").await.1, Outcome::Miss);
        cache.bump(&a).await;
        assert_eq!(
            answer(&cache, &calls, &a, "a2").await,
            (Bytes::from("a2"), Outcome::Miss)
        );
        assert_eq!(
            answer(&cache, &calls, &b, "ignored").await,
            (Bytes::from("b1"), Outcome::Hit)
        );
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn personal_answers_are_never_stored() {
        let cache = Cache::local(Settings::default());
        let d = deps(&["thread:1"]);
        for expected in ["mine", "yours"] {
            let (body, outcome) = cache
                .fetch("test", &d, b"q", || async {
                    Computed {
                        body: Bytes::from(expected),
                        shareable: false,
                    }
                })
                .await;
            assert_eq!((body, outcome), (Bytes::from(expected), Outcome::Miss));
        }
    }

    #[tokio::test]
    async fn requests_with_different_scopes_do_not_share_entries() {
        let cache = Cache::local(Settings::default());
        let d = deps(&["community:1"]);
        for (scope, body) in [(&b"public"[..], "public"), (&b"admin"[..], "admin")] {
            let (got, _) = cache
                .fetch("test", &d, scope, || async {
                    Computed {
                        body: Bytes::from(body),
                        shareable: true,
                    }
                })
                .await;
            assert_eq!(got, Bytes::from(body));
        }
        let (got, outcome) = cache
            .fetch("test", &d, b"public", || async { unreachable!("cached") })
            .await;
        assert_eq!((got, outcome), (Bytes::from("public"), Outcome::Hit));
    }
}
