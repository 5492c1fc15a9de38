//! Whether Redis is worth asking right now. After a failure the cache stops asking for a
//! moment (so an outage costs each request nothing rather than a timeout), logs once per
//! interval rather than once per request, and remembers that a version bump may have been
//! lost: the first successful contact afterwards retires every entry (see `RedisStore`).

use std::{
    sync::{
        Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

/// How long the cache leaves Redis alone after a failure.
const PAUSE: Duration = Duration::from_secs(1);
/// At most one warning per this interval.
const LOG_INTERVAL: Duration = Duration::from_secs(30);

pub struct Health {
    paused_until: Mutex<Option<Instant>>,
    /// Set at start and after any failure: entries may be stale until the epoch is bumped.
    dirty: AtomicBool,
    last_log: Mutex<Option<Instant>>,
    unlogged: AtomicU64,
}

impl Default for Health {
    fn default() -> Self {
        Self {
            paused_until: Mutex::new(None),
            // A previous process may have died between a commit and its bump.
            dirty: AtomicBool::new(true),
            last_log: Mutex::new(None),
            unlogged: AtomicU64::new(0),
        }
    }
}

impl Health {
    pub fn paused(&self) -> bool {
        let paused = self.paused_until.lock().expect("health lock");
        paused.is_some_and(|until| Instant::now() < until)
    }

    pub fn dirty(&self) -> bool {
        self.dirty.load(Ordering::Acquire)
    }

    pub fn cleaned(&self) {
        if self.dirty.swap(false, Ordering::AcqRel)
            && self
                .paused_until
                .lock()
                .expect("health lock")
                .take()
                .is_some()
        {
            tracing::info!("cache: Redis is reachable again; caching resumes");
        }
    }

    pub fn failed(&self, what: &str, error: &dyn std::fmt::Display) {
        metrics::counter!("piazza_cache_redis_errors_total").increment(1);
        self.dirty.store(true, Ordering::Release);
        *self.paused_until.lock().expect("health lock") = Some(Instant::now() + PAUSE);
        let now = Instant::now();
        let mut last = self.last_log.lock().expect("health lock");
        if last.is_some_and(|at| now.duration_since(at) < LOG_INTERVAL) {
            self.unlogged.fetch_add(1, Ordering::Relaxed);
            return;
        }
        *last = Some(now);
        let suppressed = self.unlogged.swap(0, Ordering::Relaxed);
        tracing::warn!(
            error = %error,
            during = what,
            suppressed,
            "cache: Redis failed; serving from the database (next warning in 30 s at most)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_pauses_redis_and_marks_entries_suspect_until_cleaned() {
        let health = Health::default();
        assert!(health.dirty(), "a new process cannot trust old entries");
        health.cleaned();
        assert!(!health.dirty() && !health.paused());
        health.failed("get", &"connection refused");
        assert!(health.dirty() && health.paused());
        health.failed("get", &"connection refused");
        assert_eq!(
            health.unlogged.load(Ordering::Relaxed),
            1,
            "second warning suppressed"
        );
        health.cleaned();
        assert!(!health.dirty() && !health.paused());
    }
}
