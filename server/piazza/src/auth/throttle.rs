//! Rate limits for login, registration, posting and search, keyed per IP and per account.
//!
//! In-process GCRA limiters (governor). With several replicas each enforces its own budget,
//! so the effective limit is per replica; sharing budgets through Redis is part of the
//! operations work.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter, clock::Clock};

use crate::error::{AppError, AppResult};

#[derive(Clone)]
pub struct Throttle {
    disabled: bool,
    login_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    login_account: Arc<DefaultKeyedRateLimiter<String>>,
    register_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    post_account: Arc<DefaultKeyedRateLimiter<i64>>,
    search_ip: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    search_account: Arc<DefaultKeyedRateLimiter<i64>>,
}

fn per(period: Duration, burst: u32) -> Quota {
    let burst = NonZeroU32::new(burst).expect("non-zero burst");
    Quota::with_period(period / burst.get())
        .expect("non-zero period")
        .allow_burst(burst)
}

impl Throttle {
    pub fn new(disabled: bool) -> Self {
        Self {
            disabled,
            // Discourse's defaults: a handful of attempts per minute per IP and per account.
            login_ip: Arc::new(RateLimiter::keyed(per(Duration::from_secs(60), 6))),
            login_account: Arc::new(RateLimiter::keyed(per(Duration::from_secs(60), 6))),
            register_ip: Arc::new(RateLimiter::keyed(per(Duration::from_secs(3600), 3))),
            // One post every 5 seconds, with a small burst for quick corrections.
            post_account: Arc::new(RateLimiter::keyed(per(Duration::from_secs(15), 3))),
            // Searches (and "similar questions" while typing): 30 a minute. Signed-in
            // members count per account, since a comune's whole office may share one IP.
            search_ip: Arc::new(RateLimiter::keyed(per(Duration::from_secs(60), 30))),
            search_account: Arc::new(RateLimiter::keyed(per(Duration::from_secs(60), 30))),
        }
    }

    /// Counts one login attempt; every attempt counts, including aliased ones in one request.
    pub fn login(&self, ip: IpAddr, email: &str) -> AppResult<()> {
        if self.disabled {
            return Ok(());
        }
        check(&self.login_ip, &ip)?;
        check(&self.login_account, &email.to_lowercase())
    }

    pub fn register(&self, ip: IpAddr) -> AppResult<()> {
        if self.disabled {
            return Ok(());
        }
        check(&self.register_ip, &ip)
    }

    pub fn post(&self, user_id: i64) -> AppResult<()> {
        if self.disabled {
            return Ok(());
        }
        check(&self.post_account, &user_id)
    }

    /// Counts one search: per account when signed in, else per IP.
    pub fn search(&self, ip: IpAddr, user_id: Option<i64>) -> AppResult<()> {
        if self.disabled {
            return Ok(());
        }
        match user_id {
            Some(id) => check(&self.search_account, &id),
            None => check(&self.search_ip, &ip),
        }
    }

    /// Drops idle keys so the limiters' memory stays bounded.
    pub fn shrink(&self) {
        self.login_ip.retain_recent();
        self.login_account.retain_recent();
        self.register_ip.retain_recent();
        self.post_account.retain_recent();
        self.search_ip.retain_recent();
        self.search_account.retain_recent();
    }
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: &K,
) -> AppResult<()> {
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
        AppError::RateLimited {
            retry_after_secs: wait.as_secs().max(1),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seventh_login_in_a_minute_is_refused_with_a_retry_hint() {
        let t = Throttle::new(false);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for i in 0..6 {
            t.login(ip, &format!("u{i}@x.it")).unwrap();
        }
        match t.login(ip, "other@x.it") {
            Err(AppError::RateLimited { retry_after_secs }) => assert!(retry_after_secs >= 1),
            other => panic!("expected RateLimited, got {other:?}"),
        }
        // Another IP is unaffected.
        t.login("192.0.2.2".parse().unwrap(), "u0@x.it").unwrap();
    }

    #[test]
    fn searches_are_limited_per_ip_and_per_account() {
        let t = Throttle::new(false);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..30 {
            t.search(ip, None).unwrap();
        }
        assert!(matches!(
            t.search(ip, None),
            Err(AppError::RateLimited { .. })
        ));
        // A signed-in member on the same IP has a budget of their own.
        for _ in 0..30 {
            t.search(ip, Some(7)).unwrap();
        }
        assert!(matches!(
            t.search(ip, Some(7)),
            Err(AppError::RateLimited { .. })
        ));
        t.search(ip, Some(8)).unwrap();
    }

    #[test]
    fn disabled_throttle_lets_everything_through() {
        let t = Throttle::new(true);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..100 {
            t.login(ip, "a@b.it").unwrap();
        }
    }
}
