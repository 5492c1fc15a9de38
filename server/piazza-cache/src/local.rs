//! The in-process store: version counters and a byte-bounded LRU of entries.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use bytes::Bytes;
use lru::LruCache;

use crate::Settings;

pub struct LocalStore {
    versions: Mutex<HashMap<String, u64>>,
    entries: Mutex<Entries>,
    ttl: Duration,
}

struct Entries {
    lru: LruCache<String, (Bytes, Instant)>,
    bytes: usize,
    max_bytes: usize,
}

impl LocalStore {
    pub fn new(settings: &Settings) -> Self {
        Self {
            versions: Mutex::default(),
            entries: Mutex::new(Entries {
                lru: LruCache::unbounded(),
                bytes: 0,
                max_bytes: settings.local_max_bytes,
            }),
            ttl: settings.ttl,
        }
    }

    pub fn versions(&self, deps: &[String]) -> Vec<String> {
        let versions = self.versions.lock().expect("versions lock");
        deps.iter()
            .map(|d| versions.get(d).copied().unwrap_or(0).to_string())
            .collect()
    }

    pub fn bump(&self, deps: &[String]) {
        let mut versions = self.versions.lock().expect("versions lock");
        for dep in deps {
            *versions.entry(dep.clone()).or_insert(0) += 1;
        }
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        let mut entries = self.entries.lock().expect("entries lock");
        match entries.lru.get(key) {
            Some((body, born)) if born.elapsed() < self.ttl => Some(body.clone()),
            Some(_) => {
                if let Some((body, _)) = entries.lru.pop(key) {
                    entries.bytes -= key.len() + body.len();
                }
                None
            }
            None => None,
        }
    }

    pub fn put(&self, key: String, body: Bytes) {
        let mut entries = self.entries.lock().expect("entries lock");
        let size = key.len() + body.len();
        if size > entries.max_bytes {
            return;
        }
        if let Some((old, _)) = entries.lru.put(key.clone(), (body, Instant::now())) {
            entries.bytes -= key.len() + old.len();
        }
        entries.bytes += size;
        while entries.bytes > entries.max_bytes {
            let Some((k, (b, _))) = entries.lru.pop_lru() else {
                break;
            };
            entries.bytes -= k.len() + b.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(max_bytes: usize, ttl: Duration) -> LocalStore {
        LocalStore::new(&Settings {
            ttl,
            local_max_bytes: max_bytes,
            ..Settings::default()
        })
    }

    #[test]
    fn the_least_recently_used_entries_go_first_when_over_budget() {
        let s = store(25, Duration::from_secs(60));
        s.put("a".into(), Bytes::from(vec![0; 9]));
        s.put("b".into(), Bytes::from(vec![0; 9]));
        assert!(s.get("a").is_some()); // "b" is now the least recently used
        s.put("c".into(), Bytes::from(vec![0; 9]));
        assert!(s.get("b").is_none());
        assert!(s.get("a").is_some() && s.get("c").is_some());
    }

    #[test]
    fn entries_expire() {
        let s = store(1000, Duration::ZERO);
        s.put("a".into(), Bytes::from_static(b"x"));
        assert!(s.get("a").is_none());
        assert_eq!(s.entries.lock().unwrap().bytes, 0);
    }

    #[test]
    fn versions_start_at_zero_and_bumps_count() {
        let s = store(1000, Duration::from_secs(60));
        let deps = vec!["thread:1".to_owned(), "global".to_owned()];
        assert_eq!(s.versions(&deps), ["0", "0"]);
        s.bump(&deps[..1]);
        assert_eq!(s.versions(&deps), ["1", "0"]);
    }
}
