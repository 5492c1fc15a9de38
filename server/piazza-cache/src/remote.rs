//! The Redis store. Versions are random tokens (`SET`, never `INCR`), so a version key
//! that expired or was lost never comes back to a value an old entry was stored under.
//! Every key is prefixed, entries expire after the TTL, and version keys after a week of
//! no writes; a version found missing (expired, or evicted under memory pressure) is
//! created with a fresh token, never read as a default.
//!
//! When a bump may have been lost (a failed or timed-out call, or a new process that cannot
//! know whether its predecessor died between a commit and its bump), the first successful
//! contact bumps the shared epoch, which is part of every key: all entries are retired at
//! once. That makes Redis restarts (even ones restoring an old snapshot) safe.

use std::{future::Future, sync::Mutex, time::Duration};

use bytes::Bytes;
use redis::aio::MultiplexedConnection;

use crate::{Settings, health::Health};

const PREFIX: &str = "piazza:cache:";
const EPOCH: &str = "piazza:cache:epoch";
const VERSION_TTL_SECS: u64 = 7 * 24 * 3600;

pub struct RedisStore {
    client: redis::Client,
    connection: Mutex<Option<MultiplexedConnection>>,
    health: Health,
    /// Per call: a read makes two calls, so it waits at most twice this.
    call_timeout: Duration,
    ttl_secs: u64,
}

impl RedisStore {
    pub fn new(url: &str, settings: &Settings) -> Result<Self, redis::RedisError> {
        Ok(Self {
            client: redis::Client::open(url)?,
            connection: Mutex::new(None),
            health: Health::default(),
            call_timeout: settings.timeout / 2,
            ttl_secs: settings.ttl.as_secs().max(1),
        })
    }

    pub async fn versions(&self, deps: &[String]) -> Option<Vec<String>> {
        let mut keys = vec![EPOCH.to_owned()];
        keys.extend(deps.iter().map(|dep| format!("{PREFIX}v:{dep}")));
        let mut cmd = redis::cmd("MGET");
        cmd.arg(&keys);
        let values: Vec<Option<String>> = self
            .call("read versions", |mut c| async move {
                cmd.query_async(&mut c).await
            })
            .await?;
        if values.iter().all(Option::is_some) {
            return Some(values.into_iter().flatten().collect());
        }
        // A missing version (never bumped, expired or evicted) gets a fresh token rather than
        // a default, so it can never match an entry stored while it was missing before.
        let mut pipe = redis::pipe();
        let mut fresh = Vec::new();
        for (key, value) in keys.iter().zip(&values) {
            if value.is_none() {
                let token = rand::random::<u64>().to_string();
                pipe.cmd("SET")
                    .arg(key)
                    .arg(&token)
                    .arg("NX")
                    .arg("GET")
                    .arg("EX")
                    .arg(VERSION_TTL_SECS);
                fresh.push(token);
            }
        }
        // `GET` answers the token another replica set first, if one did.
        let previous: Vec<Option<String>> = self
            .call("create versions", |mut c| async move {
                pipe.query_async(&mut c).await
            })
            .await?;
        let mut created = fresh.into_iter().zip(previous);
        Some(
            values
                .into_iter()
                .map(|v| match v {
                    Some(v) => v,
                    None => match created.next() {
                        Some((mine, theirs)) => theirs.unwrap_or(mine),
                        None => String::new(),
                    },
                })
                .collect(),
        )
    }

    pub async fn get(&self, key: &str) -> Option<Option<Bytes>> {
        let key = format!("{PREFIX}e:{key}");
        let body: Option<Vec<u8>> = self
            .call("read an entry", |mut c| async move {
                redis::cmd("GET").arg(key).query_async(&mut c).await
            })
            .await?;
        Some(body.map(Bytes::from))
    }

    pub async fn put(&self, key: String, body: Bytes) {
        let key = format!("{PREFIX}e:{key}");
        let ttl = self.ttl_secs;
        let _: Option<()> = self
            .call("store an entry", |mut c| async move {
                redis::cmd("SET")
                    .arg(key)
                    .arg(body.as_ref())
                    .arg("EX")
                    .arg(ttl)
                    .query_async(&mut c)
                    .await
            })
            .await;
    }

    pub async fn bump(&self, deps: &[String]) {
        let mut pipe = redis::pipe();
        for dep in deps {
            pipe.cmd("SET")
                .arg(format!("{PREFIX}v:{dep}"))
                .arg(rand::random::<u64>())
                .arg("EX")
                .arg(VERSION_TTL_SECS)
                .ignore();
        }
        // A failure here is remembered by `Health`: the epoch is bumped before the cache is
        // trusted again.
        let _: Option<()> = self
            .call("bump versions", |mut c| async move {
                pipe.query_async(&mut c).await
            })
            .await;
    }

    /// Runs one call within the timeout; `None` when Redis is paused, failing or slow.
    async fn call<T, F, Fut>(&self, what: &str, f: F) -> Option<T>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        if self.health.paused() {
            return None;
        }
        let attempt = async {
            let mut connection = self.connection().await?;
            if self.health.dirty() {
                let _: i64 = redis::cmd("INCR")
                    .arg(EPOCH)
                    .query_async(&mut connection)
                    .await?;
                self.health.cleaned();
            }
            f(connection).await
        };
        let failure = match tokio::time::timeout(self.call_timeout, attempt).await {
            Ok(Ok(value)) => return Some(value),
            Ok(Err(e)) => e.to_string(),
            Err(_) => format!("no answer within {:?}", self.call_timeout),
        };
        // A fresh connection next time: the old one may be dead or stuck behind a slow reply.
        self.connection.lock().expect("connection lock").take();
        self.health.failed(what, &failure);
        None
    }

    async fn connection(&self) -> redis::RedisResult<MultiplexedConnection> {
        if let Some(c) = self.connection.lock().expect("connection lock").clone() {
            return Ok(c);
        }
        let connection = self.client.get_multiplexed_async_connection().await?;
        *self.connection.lock().expect("connection lock") = Some(connection.clone());
        Ok(connection)
    }
}
