//! A size-capped, least-recently-used cache of response bodies, so going back
//! is instant. Pure: the caller passes the clock.

use super::Fetched;
use std::collections::HashMap;

/// How long a cached body is fresh.
pub const MAX_AGE_MS: f64 = 5.0 * 60.0 * 1000.0;
/// The total size of cached bodies.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Default)]
pub struct Cache {
    entries: HashMap<String, Entry>,
    bytes: usize,
    tick: u64,
}

#[derive(Debug)]
struct Entry {
    body: Fetched,
    stored_at: f64,
    used: u64,
}

impl Cache {
    pub fn get(&mut self, key: &str, now_ms: f64) -> Option<Fetched> {
        let fresh = self
            .entries
            .get(key)
            .is_some_and(|e| now_ms - e.stored_at <= MAX_AGE_MS);
        if !fresh {
            self.remove(key);
            return None;
        }
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(key).map(|e| {
            e.used = tick;
            e.body.clone()
        })
    }

    /// Stores a body, evicting the least recently used until it fits. A body
    /// larger than a quarter of the cache is not kept.
    pub fn put(&mut self, key: &str, body: Fetched, now_ms: f64) {
        if body.body.len() > MAX_BYTES / 4 {
            return;
        }
        self.remove(key);
        while self.bytes + body.body.len() > MAX_BYTES {
            let Some(oldest) = self.entries.iter().min_by_key(|(_, e)| e.used).map(|(k, _)| k.clone()) else {
                break;
            };
            self.remove(&oldest);
        }
        self.tick += 1;
        self.bytes += body.body.len();
        self.entries.insert(
            key.to_string(),
            Entry {
                body,
                stored_at: now_ms,
                used: self.tick,
            },
        );
    }

    pub fn remove(&mut self, key: &str) {
        if let Some(e) = self.entries.remove(key) {
            self.bytes -= e.body.body.len();
        }
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Fetched {
        Fetched::new("x".repeat(n))
    }

    #[test]
    fn hits_until_stale() {
        let mut c = Cache::default();
        c.put("a", Fetched::new("{}"), 0.0);
        assert_eq!(c.get("a", 1000.0).map(|f| f.body), Some("{}".into()));
        assert_eq!(c.get("a", MAX_AGE_MS + 1.0), None);
        assert!(c.is_empty());
        assert_eq!(c.bytes(), 0);
    }

    #[test]
    fn evicts_least_recently_used_to_stay_under_the_cap() {
        let mut c = Cache::default();
        let quarter = MAX_BYTES / 4;
        for k in ["a", "b", "c", "d"] {
            c.put(k, body(quarter), 0.0);
        }
        assert_eq!(c.len(), 4);
        assert!(c.get("a", 1.0).is_some()); // "a" is now the most recent
        c.put("e", body(quarter), 2.0);
        assert!(c.bytes() <= MAX_BYTES);
        assert!(c.get("b", 3.0).is_none(), "b was least recently used");
        assert!(c.get("a", 3.0).is_some());
        assert!(c.get("e", 3.0).is_some());
    }

    #[test]
    fn replacing_a_key_keeps_the_byte_count_right_and_huge_bodies_are_skipped() {
        let mut c = Cache::default();
        c.put("a", body(10), 0.0);
        c.put("a", body(20), 0.0);
        assert_eq!(c.bytes(), 20);
        c.put("huge", body(MAX_BYTES / 4 + 1), 0.0);
        assert!(c.get("huge", 0.0).is_none());
        assert_eq!(c.len(), 1);
    }
}
