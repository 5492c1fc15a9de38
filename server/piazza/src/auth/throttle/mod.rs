//! Rate limits for login, registration, posting and search, keyed per IP and per account.
//!
//! Every limit is a GCRA (a burst, then one action per interval). With `PIAZZA_REDIS_URL`
//! the budgets live in Redis ([`shared`]), so every replica draws from the same one; each
//! check is one atomic script bounded by a 200 ms timeout. When Redis is down, slow or not
//! configured, the in-process limiter ([`local`]) decides for this replica alone: limits stay
//! enforced (per replica) and no request fails or waits because of Redis.

mod local;
mod shared;

use std::{net::IpAddr, sync::Arc, time::Duration};

use crate::error::{AppError, AppResult};

/// Something that is limited, with its own budget per key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Limit {
    LoginIp,
    LoginAccount,
    RegisterIp,
    PostAccount,
    SearchIp,
    SearchAccount,
}

/// `burst` actions at once, refilled evenly over `period`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rate {
    pub period: Duration,
    pub burst: u32,
}

impl Rate {
    /// The time one action's budget takes to come back.
    pub fn interval(self) -> Duration {
        self.period / self.burst
    }
}

impl Limit {
    pub const ALL: [Limit; 6] = [
        Limit::LoginIp,
        Limit::LoginAccount,
        Limit::RegisterIp,
        Limit::PostAccount,
        Limit::SearchIp,
        Limit::SearchAccount,
    ];

    /// The limit's name in Redis keys.
    pub fn name(self) -> &'static str {
        match self {
            Limit::LoginIp => "login-ip",
            Limit::LoginAccount => "login-account",
            Limit::RegisterIp => "register-ip",
            Limit::PostAccount => "post-account",
            Limit::SearchIp => "search-ip",
            Limit::SearchAccount => "search-account",
        }
    }

    pub fn rate(self) -> Rate {
        let per = |secs, burst| Rate {
            period: Duration::from_secs(secs),
            burst,
        };
        match self {
            // Discourse's defaults: a handful of attempts per minute per IP and per account.
            Limit::LoginIp | Limit::LoginAccount => per(60, 6),
            Limit::RegisterIp => per(3600, 3),
            // One post every 5 seconds, with a small burst for quick corrections.
            Limit::PostAccount => per(15, 3),
            // Searches (and "similar questions" while typing): 30 a minute. Signed-in
            // members count per account, since a comune's whole office may share one IP.
            Limit::SearchIp | Limit::SearchAccount => per(60, 30),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One action to admit: the limit and the key (IP, account) it is counted under.
pub(crate) type Charge = (Limit, String);

#[derive(Clone)]
pub struct Throttle {
    disabled: bool,
    local: Arc<local::Local>,
    shared: Option<Arc<shared::Shared>>,
}

impl Throttle {
    /// Limits enforced in this process only (one node, or Redis not configured).
    pub fn new(disabled: bool) -> Self {
        Self {
            disabled,
            local: Arc::new(local::Local::default()),
            shared: None,
        }
    }

    /// Limits shared by every replica through the Redis at `url`. Connects lazily, so this
    /// succeeds while Redis is down; only a malformed URL is an error.
    pub fn with_redis(disabled: bool, url: &str) -> Result<Self, redis::RedisError> {
        Ok(Self {
            shared: Some(Arc::new(shared::Shared::new(url)?)),
            ..Self::new(disabled)
        })
    }

    /// Counts one login attempt; every attempt counts, including aliased ones in one request.
    pub async fn login(&self, ip: IpAddr, email: &str) -> AppResult<()> {
        self.check(&[
            (Limit::LoginIp, ip.to_string()),
            (Limit::LoginAccount, email.to_lowercase()),
        ])
        .await
    }

    pub async fn register(&self, ip: IpAddr) -> AppResult<()> {
        self.check(&[(Limit::RegisterIp, ip.to_string())]).await
    }

    pub async fn post(&self, user_id: i64) -> AppResult<()> {
        self.check(&[(Limit::PostAccount, user_id.to_string())])
            .await
    }

    /// Counts one search: per account when signed in, else per IP.
    pub async fn search(&self, ip: IpAddr, user_id: Option<i64>) -> AppResult<()> {
        let charge = match user_id {
            Some(id) => (Limit::SearchAccount, id.to_string()),
            None => (Limit::SearchIp, ip.to_string()),
        };
        self.check(&[charge]).await
    }

    async fn check(&self, charges: &[Charge]) -> AppResult<()> {
        if self.disabled {
            return Ok(());
        }
        // Counted here even when Redis decides, so a fallback starts from this replica's
        // recent history instead of a fresh budget (slowing Redis must not reset limits).
        let local = self.local.check(charges);
        let verdict = match &self.shared {
            Some(shared) => shared.check(charges).await.unwrap_or(local),
            None => local,
        };
        match verdict {
            None => Ok(()),
            Some(wait) => Err(AppError::RateLimited {
                retry_after_secs: wait.as_millis().div_ceil(1000).max(1) as u64,
            }),
        }
    }

    /// Drops idle keys so the in-process limiters' memory stays bounded.
    pub fn shrink(&self) {
        self.local.shrink();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_seventh_login_in_a_minute_is_refused_with_a_retry_hint() {
        let t = Throttle::new(false);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for i in 0..6 {
            t.login(ip, &format!("u{i}@x.it")).await.unwrap();
        }
        match t.login(ip, "other@x.it").await {
            Err(AppError::RateLimited { retry_after_secs }) => assert!(retry_after_secs >= 1),
            other => panic!("expected RateLimited, got {other:?}"),
        }
        // Another IP is unaffected.
        t.login("192.0.2.2".parse().unwrap(), "u0@x.it")
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn searches_are_limited_per_ip_and_per_account() {
        let t = Throttle::new(false);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..30 {
            t.search(ip, None).await.unwrap();
        }
        assert!(matches!(
            t.search(ip, None).await,
            Err(AppError::RateLimited { .. })
        ));
        // A signed-in member on the same IP has a budget of their own.
        for _ in 0..30 {
            t.search(ip, Some(7)).await.unwrap();
        }
        assert!(matches!(
            t.search(ip, Some(7)).await,
            Err(AppError::RateLimited { .. })
        ));
        t.search(ip, Some(8)).await.unwrap();
    }

    #[tokio::test]
    async fn disabled_throttle_lets_everything_through() {
        let t = Throttle::new(true);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..100 {
            t.login(ip, "a@b.it").await.unwrap();
        }
    }

    #[tokio::test]
    async fn an_unreachable_redis_falls_back_to_the_local_limits_quickly() {
        // Nothing listens on port 1: every shared check fails and the local limiter decides.
        let t = Throttle::with_redis(false, "redis://127.0.0.1:1").unwrap();
        let ip: IpAddr = "192.0.2.9".parse().unwrap();
        let started = std::time::Instant::now();
        for _ in 0..3 {
            t.register(ip).await.unwrap();
        }
        assert!(matches!(
            t.register(ip).await,
            Err(AppError::RateLimited { .. })
        ));
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn intervals_spread_the_period_over_the_burst() {
        assert_eq!(Limit::PostAccount.rate().interval(), Duration::from_secs(5));
        assert_eq!(Limit::LoginIp.rate().interval(), Duration::from_secs(10));
        for (i, limit) in Limit::ALL.iter().enumerate() {
            assert_eq!(limit.index(), i);
        }
    }
}
