//! The files of the sharded search index (their serde form is the wire
//! format, docs/content-api.md "Search index") and the postings encoding.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::ArticleStub;

/// The manifest, relative to the API root.
pub const MANIFEST_PATH: &str = "search/index.json";

/// Term shard `n`, relative to the API root.
pub fn term_shard_path(n: u32) -> String {
    format!("search/terms/{n}.json")
}

/// Document shard `n`, relative to the API root.
pub fn doc_shard_path(n: u32) -> String {
    format!("search/docs/{n}.json")
}

/// `search/index.json`: what a reader needs to find the other files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchManifest {
    #[serde(default = "one")]
    pub version: u32,
    /// Documents indexed; ids are `0..docs`, newest first.
    pub docs: u32,
    /// How many term shards (`search/terms/0.json` …).
    pub term_shards: u32,
    /// Documents per document shard: document `id` is in shard `id / docs_per_shard`.
    pub docs_per_shard: u32,
    /// The most postings a key keeps (its best ones).
    pub max_postings: u32,
}

fn one() -> u32 {
    1
}

/// `search/terms/<n>.json`: every key of the shard with its postings,
/// encoded by [`encode_postings`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermShard {
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<u64>>,
}

/// `search/docs/<n>.json`: documents `first..first + docs.len()`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocShard {
    #[serde(default = "one")]
    pub version: u32,
    pub first: u32,
    #[serde(default)]
    pub docs: Vec<ArticleStub>,
}

/// One document under a key: its id and match level (0 best … 7, see
/// [`super::level`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub level: u8,
}

/// The shard a key lives in: FNV-1a of its UTF-8 bytes, modulo `shards`.
/// Stable forever (readers and writers of different versions agree).
pub fn term_shard_of(key: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

/// Postings sorted by id as integers: `gap * 8 + level`, where the gap is
/// `id - previous id` (`id + 1` for the first), so numbers stay short.
pub fn encode_postings(postings: &[Posting]) -> Vec<u64> {
    let mut prev: i64 = -1;
    postings
        .iter()
        .map(|p| {
            let gap = (i64::from(p.doc) - prev).max(0) as u64;
            prev = i64::from(p.doc);
            gap * 8 + u64::from(p.level & 7)
        })
        .collect()
}

/// The inverse of [`encode_postings`]; `None` for outside data that cannot
/// be an encoding (a zero gap, an id past `u32`).
pub fn decode_postings(encoded: &[u64]) -> Option<Vec<Posting>> {
    let mut prev: i64 = -1;
    encoded
        .iter()
        .map(|&v| {
            let gap = i64::try_from(v / 8).ok()?;
            if gap == 0 {
                return None;
            }
            let doc = prev.checked_add(gap)?;
            prev = doc;
            Some(Posting {
                doc: u32::try_from(doc).ok()?,
                level: (v % 8) as u8,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip_with_small_numbers() {
        let p = |doc, level| Posting { doc, level };
        let list = [p(0, 3), p(1, 0), p(7, 7), p(1000, 2)];
        let enc = encode_postings(&list);
        assert_eq!(enc, [11, 8, 55, 7946]);
        assert_eq!(decode_postings(&enc).as_deref(), Some(&list[..]));
        assert_eq!(decode_postings(&[]), Some(vec![]));
    }

    #[test]
    fn bad_encodings_are_refused_not_panics() {
        assert_eq!(decode_postings(&[8, 3]), None, "a zero gap");
        assert_eq!(decode_postings(&[u64::MAX]), None);
        assert_eq!(decode_postings(&[(u64::from(u32::MAX) + 2) * 8]), None);
    }

    #[test]
    fn shards_are_stable_and_in_range() {
        assert_eq!(term_shard_of("", 7), 0x811c_9dc5 % 7);
        assert_eq!(term_shard_of("eau", 1), 0);
        assert_eq!(term_shard_of("eau", 0), 0);
        assert!((0..500).all(|i| term_shard_of(&format!("k{i}"), 13) < 13));
        // FNV-1a of "a" is 0xe40c292c.
        assert_eq!(term_shard_of("a", u32::MAX), 0xe40c_292c);
    }
}
