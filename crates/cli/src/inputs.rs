//! What each page read, so the next run renders only pages whose inputs
//! changed. A page is a pure function of the run's fingerprint (build,
//! config, shell, site URL, year) and of the answers its requests got; the
//! manifest keeps, per page, the URLs it read and a digest of those answers.
//! A later run with the same fingerprint asks for the same URLs again (each
//! once per run, whichever pages share it) and renders the page only when
//! the digest differs: an unchanged page costs a few file reads, not a
//! render.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use kiosque_core::http::{Door, FetchError, Fetched};

/// Timeout when an input is asked for again (remote sources).
const TIMEOUT_MS: u32 = kiosque_core::http::DEFAULT_TIMEOUT_MS;

/// A 64-bit hash, for change detection only (never for security). Stable
/// within a build, which the fingerprint pins: another build renders all.
fn hash_of(parts: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// What an answer was, as a hash: its body and paging headers, or its error.
fn answer_hash(answer: &Result<Fetched, FetchError>) -> u64 {
    match answer {
        Ok(f) => hash_of((0u8, &*f.body, f.total, f.total_pages)),
        Err(e) => hash_of((1u8, e.to_string())),
    }
}

/// The run's fingerprint: everything a page depends on besides its route
/// and its requests' answers.
pub fn fingerprint(parts: &[&str]) -> String {
    format!("{:016x}", hash_of(parts))
}

/// A hash of some bytes (the running binary), for the fingerprint.
pub fn bytes_hash(bytes: &[u8]) -> String {
    format!("{:016x}", hash_of(bytes))
}

/// The digest of one page's reads (sorted, deduplicated `(url, hash)`).
pub fn digest(reads: &[(String, u64)]) -> String {
    format!("{:016x}", hash_of(reads))
}

/// Every input's answer hash in this run, shared by the workers: the pages
/// rendered fill it, the unchanged checks read it (a file shared by
/// thousands of pages, like `site.json`, is read once).
#[derive(Default)]
pub struct Answers(Mutex<HashMap<String, u64>>);

impl Answers {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The hash of `url`'s answer now, asking `door` unless known.
    fn hash(&self, door: &Door, url: &str) -> u64 {
        if let Some(h) = self.lock().get(url) {
            return *h;
        }
        let h = answer_hash(&door.get_now(url, TIMEOUT_MS));
        self.lock().insert(url.to_string(), h);
        h
    }

    /// Whether reading `urls` now gives `old_digest`; the reads, if so.
    pub fn unchanged(&self, door: &Door, urls: &[&str], old_digest: &str) -> Option<Vec<(String, u64)>> {
        let reads: Vec<(String, u64)> = urls.iter().map(|u| (u.to_string(), self.hash(door, u))).collect();
        (!urls.is_empty() && digest(&reads) == old_digest).then_some(reads)
    }
}

/// Records one render's reads through a watched door.
#[derive(Clone, Default)]
pub struct Recorder(Arc<Mutex<Vec<(String, u64)>>>);

impl Recorder {
    /// `door`, telling this recorder (and `answers`) of every answer.
    pub fn door(&self, door: &Door, answers: &Arc<Answers>) -> Door {
        let (log, answers) = (self.0.clone(), answers.clone());
        door.clone()
            .watched(Arc::new(move |url: &str, answer: &Result<Fetched, FetchError>| {
                let h = answer_hash(answer);
                answers.lock().insert(url.to_string(), h);
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((url.to_string(), h));
            }))
    }

    /// What was read, sorted and deduplicated.
    pub fn take(&self) -> Vec<(String, u64)> {
        let mut reads = std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner));
        reads.sort();
        reads.dedup();
        reads
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("kiosque-inputs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("api")).unwrap();
        dir
    }

    #[test]
    fn a_page_is_unchanged_until_something_it_read_changes() {
        let dir = temp("unchanged");
        std::fs::write(dir.join("api/a.json"), "{\"a\": 1}").unwrap();
        std::fs::write(dir.join("api/b.json"), "{\"b\": 1}").unwrap();
        let door = Door::local("https://h.test/", &dir);
        let answers = Arc::new(Answers::default());
        let recorder = Recorder::default();
        let watched = recorder.door(&door, &answers);
        for url in ["/api/b.json", "/api/a.json", "/api/b.json", "/api/gone.json"] {
            let _ = futures::executor::block_on(watched.get_json::<serde_json::Value>(url, 100));
        }
        let reads = recorder.take();
        assert_eq!(reads.len(), 3, "sorted, deduplicated: {reads:?}");
        let urls: Vec<&str> = reads.iter().map(|(u, _)| u.as_str()).collect();
        let old = digest(&reads);
        // A fresh run: nothing cached, the same files.
        let fresh = Answers::default();
        assert_eq!(fresh.unchanged(&door, &urls, &old), Some(reads.clone()));
        std::fs::write(dir.join("api/a.json"), "{\"a\": 2}").unwrap();
        assert_eq!(
            Answers::default().unchanged(&door, &urls, &old),
            None,
            "an input changed"
        );
        std::fs::write(dir.join("api/a.json"), "{\"a\": 1}").unwrap();
        std::fs::write(dir.join("api/gone.json"), "{}").unwrap();
        assert_eq!(
            Answers::default().unchanged(&door, &urls, &old),
            None,
            "a missing input appeared"
        );
        assert_eq!(
            Answers::default().unchanged(&door, &[], &digest(&[])),
            None,
            "no record, no skip"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
