//! Budgets shared by every replica: GCRA state in Redis, checked and charged by one Lua
//! script, so concurrent requests on different replicas cannot both take the last slot.
//!
//! Redis must never make a request fail or wait long: each check has a 200 ms budget, and
//! after a failure Redis is skipped for a second (so an outage costs one timeout per second,
//! not one per request). Meanwhile the caller falls back to its local limiter; fallbacks are
//! counted in `piazza_rate_limit_fallbacks_total` and logged at most once a minute.

use std::{
    sync::{
        Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use redis::aio::MultiplexedConnection;
use sha2::{Digest, Sha256};

use super::Charge;

/// Longest a request waits on Redis for a verdict.
const TIMEOUT: Duration = Duration::from_millis(200);
/// How long Redis is left alone after a failure before it is tried again.
const BACKOFF: Duration = Duration::from_secs(1);
/// Fallbacks are logged at most this often.
const LOG_EVERY: Duration = Duration::from_secs(60);

/// GCRA over all KEYS at once. ARGV holds (interval ms, burst) per key. The action is
/// admitted only if every key admits it, and only then charged to all of them; otherwise
/// the answer is the wait in ms until it would be. Redis's clock is the one clock, so
/// replicas' clock skew does not matter. Each key expires when its budget is full again.
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
local tats = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local tat = tonumber(redis.call('GET', key)) or now
  if tat < now then tat = now end
  local allowed_at = tat + interval - interval * burst
  if allowed_at > now then wait = math.max(wait, allowed_at - now) end
  tats[i] = tat + interval
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, tats[i], 'PX', tats[i] - now)
end
return 0
";

pub(super) struct Shared {
    client: redis::Client,
    /// The open connection, shared by all requests (it multiplexes); `None` after a
    /// failure, so the next attempt connects afresh. The same connection type the live
    /// bridge uses: no further Redis client code in the binary.
    conn: Mutex<Option<MultiplexedConnection>>,
    started: Instant,
    /// Milliseconds since `started` before which Redis is not tried.
    skip_until_ms: AtomicU64,
    /// Milliseconds since `started` of the last fallback warning (0: never).
    warned_at_ms: AtomicU64,
    /// Whether the last attempt fell back, to log once when Redis answers again.
    degraded: AtomicBool,
}

impl Shared {
    pub fn new(url: &str) -> Result<Self, redis::RedisError> {
        Ok(Self {
            client: redis::Client::open(url)?,
            conn: Mutex::new(None),
            started: Instant::now(),
            skip_until_ms: AtomicU64::new(0),
            warned_at_ms: AtomicU64::new(0),
            degraded: AtomicBool::new(false),
        })
    }

    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// The shared verdict (`Some(None)`: admitted, `Some(Some(wait))`: refused), or `None`
    /// when Redis cannot answer in time and the caller must decide locally.
    pub async fn check(&self, charges: &[Charge]) -> Option<Option<Duration>> {
        if self.now_ms() < self.skip_until_ms.load(Ordering::Relaxed) {
            metrics::counter!("piazza_rate_limit_fallbacks_total").increment(1);
            return None;
        }
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(SCRIPT).arg(charges.len());
        for (limit, key) in charges {
            cmd.arg(redis_key(limit.name(), key));
        }
        for (limit, _) in charges {
            let rate = limit.rate();
            cmd.arg(rate.interval().as_millis() as u64).arg(rate.burst);
        }
        let cached = self.conn.lock().expect("redis connection").clone();
        // Connecting (when needed) and the script share the one 200 ms budget.
        let outcome = tokio::time::timeout(TIMEOUT, async {
            let mut conn = match cached {
                Some(conn) => conn,
                None => {
                    let conn = self.client.get_multiplexed_async_connection().await?;
                    *self.conn.lock().expect("redis connection") = Some(conn.clone());
                    conn
                }
            };
            cmd.query_async::<u64>(&mut conn).await
        })
        .await;
        match outcome {
            Ok(Ok(wait_ms)) => {
                if self.degraded.swap(false, Ordering::Relaxed) {
                    tracing::info!("rate limits: Redis answers again, budgets are shared");
                }
                Some((wait_ms > 0).then(|| Duration::from_millis(wait_ms)))
            }
            Ok(Err(e)) => {
                self.fall_back(&e.to_string());
                None
            }
            Err(_) => {
                self.fall_back("no answer within 200 ms");
                None
            }
        }
    }

    fn fall_back(&self, reason: &str) {
        metrics::counter!("piazza_rate_limit_fallbacks_total").increment(1);
        // Whatever went wrong, the next attempt starts from a new connection.
        *self.conn.lock().expect("redis connection") = None;
        self.degraded.store(true, Ordering::Relaxed);
        let now = self.now_ms();
        self.skip_until_ms
            .store(now + BACKOFF.as_millis() as u64, Ordering::Relaxed);
        let last = self.warned_at_ms.load(Ordering::Relaxed);
        let due = last == 0 || now.saturating_sub(last) >= LOG_EVERY.as_millis() as u64;
        // Only the caller that moves the mark logs, so a burst of failures logs once.
        if due
            && self
                .warned_at_ms
                .compare_exchange(last, now.max(1), Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            tracing::warn!(
                reason,
                "rate limits: Redis unavailable, enforcing them per replica until it answers"
            );
        }
    }
}

/// Keys name the limit and a digest of the key, so Redis holds no addresses or emails.
fn redis_key(limit: &str, key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    format!("piazza:rl:{limit}:{}", hex::encode(&digest[..16]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_hide_what_they_count() {
        let k = super::redis_key("login-account", "rosa@comune.example.it");
        assert!(k.starts_with("piazza:rl:login-account:"), "{k}");
        assert!(!k.contains("rosa"), "{k}");
        assert_eq!(
            k,
            super::redis_key("login-account", "rosa@comune.example.it")
        );
    }
}
