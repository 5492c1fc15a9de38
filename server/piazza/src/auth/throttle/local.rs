//! The in-process limiter: GCRA per key with governor. It decides alone when Redis is not
//! configured, and stands in for Redis (per replica) while Redis is down or slow.

use std::{num::NonZeroU32, time::Duration};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter, clock::Clock};

use super::{Charge, Limit, Rate};

pub(super) struct Local {
    /// One limiter per [`Limit`], indexed by [`Limit::index`].
    limiters: [DefaultKeyedRateLimiter<String>; Limit::ALL.len()],
}

fn quota(rate: Rate) -> Quota {
    let burst = NonZeroU32::new(rate.burst).expect("non-zero burst");
    Quota::with_period(rate.interval())
        .expect("non-zero period")
        .allow_burst(burst)
}

impl Default for Local {
    fn default() -> Self {
        Self {
            limiters: Limit::ALL.map(|limit| RateLimiter::keyed(quota(limit.rate()))),
        }
    }
}

impl Local {
    /// `None` when every charge is admitted, else how long until the refused one would be.
    pub fn check(&self, charges: &[Charge]) -> Option<Duration> {
        let clock = governor::clock::DefaultClock::default();
        for (limit, key) in charges {
            if let Err(not_until) = self.limiters[limit.index()].check_key(key) {
                return Some(not_until.wait_time_from(clock.now()));
            }
        }
        None
    }

    pub fn shrink(&self) {
        for limiter in &self.limiters {
            limiter.retain_recent();
        }
    }
}
