//! [`IndexWriter`]: documents in, one at a time; the index files out.
//! Memory holds the postings (4 bytes per distinct word of a document) and
//! each document's stub, never the bodies.

use std::collections::HashMap;

use super::shards::{doc_shard_path, encode_postings, term_shard_of, term_shard_path, DocShard, Posting};
use super::{fold, indexable, level, Field, SearchManifest, MANIFEST_PATH, MAX_KEY_CHARS, MIN_KEY_CHARS};
use crate::model::ArticleStub;

/// The index's size knobs. The defaults keep any one query under 150 KB
/// of brotli at 100,000 articles (measured by `kiosque-content
/// search-measure`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    /// The best postings a key keeps (by match level, then newest): a
    /// single-term search is exact for this many results.
    pub max_postings: usize,
    /// Documents per document shard (what a page of results fetches).
    pub docs_per_shard: usize,
    /// The aimed-at size of a term shard, in bytes of JSON.
    pub term_shard_bytes: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_postings: 1000,
            docs_per_shard: 16,
            term_shard_bytes: 24 * 1024,
        }
    }
}

/// Builds the sharded search index: [`add`](Self::add) every published
/// article, then [`finish`](Self::finish).
#[derive(Debug, Default)]
pub struct IndexWriter {
    params: Params,
    /// Folded word → `doc << 2 | best field`, in the order documents came.
    terms: HashMap<String, Vec<u32>>,
    docs: Vec<ArticleStub>,
}

impl IndexWriter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_params(params: Params) -> Self {
        IndexWriter {
            params,
            ..Self::default()
        }
    }

    /// Documents added so far.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Indexes one article: `stub` is what a result shows (its title,
    /// standfirst and category name are searched too), `tags` its tag names
    /// (display form), `body` its plain text. Any order: ids are given by
    /// date in [`finish`](Self::finish). Past 2^30 documents, more are ignored.
    pub fn add<S: AsRef<str>>(&mut self, stub: ArticleStub, tags: &[S], body: &str) {
        let Ok(id) = u32::try_from(self.docs.len()) else { return };
        if id >= 1 << 30 {
            return;
        }
        let mut best: HashMap<String, Field> = HashMap::new();
        let mut note = |text: &str, field: Field| {
            for w in fold(text).split(' ').filter(|w| indexable(w, field)) {
                let w = match w.char_indices().nth(MAX_KEY_CHARS) {
                    Some((end, _)) => &w[..end],
                    None => w,
                };
                let f = best.entry(w.to_string()).or_insert(field);
                *f = (*f).min(field);
            }
        };
        note(&stub.title, Field::Title);
        for t in tags {
            note(t.as_ref(), Field::Tag);
        }
        note(&stub.category.name, Field::Tag);
        note(&stub.standfirst, Field::Standfirst);
        note(body, Field::Body);
        for (w, f) in best {
            self.terms.entry(w).or_default().push(id << 2 | f as u32);
        }
        self.docs.push(stub);
    }

    /// The index files: `(path under the API root, bytes)`, the manifest
    /// first. Deterministic: the same documents give the same bytes.
    pub fn finish(self) -> Vec<(String, Vec<u8>)> {
        let Params {
            max_postings,
            docs_per_shard,
            term_shard_bytes,
        } = self.params;
        let docs_per_shard = docs_per_shard.max(1);
        // Ids by rank: newest first, then by slug (the order ties take).
        let mut docs: Vec<(i64, ArticleStub, u32)> = self
            .docs
            .into_iter()
            .zip(0u32..)
            .map(|(d, old)| (d.published.unix(), d, old))
            .collect();
        docs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.slug.cmp(&b.1.slug)));
        let mut rank = vec![0u32; docs.len()];
        for (new, (_, _, old)) in (0u32..).zip(&docs) {
            if let Some(r) = rank.get_mut(*old as usize) {
                *r = new;
            }
        }
        let mut vocab: Vec<(String, Vec<u32>)> = self.terms.into_iter().collect();
        vocab.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (_, list) in &mut vocab {
            for p in list.iter_mut() {
                let new = rank.get((*p >> 2) as usize).copied().unwrap_or(0);
                *p = new << 2 | (*p & 3);
            }
            list.sort_unstable();
        }
        let keys = key_lists(&vocab, docs.len(), max_postings);
        drop(vocab);

        let total: usize = keys.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
        let shards = u32::try_from(total.div_ceil(term_shard_bytes.max(1)).max(1)).unwrap_or(u32::MAX);
        let mut bodies: Vec<String> = vec![String::new(); shards as usize];
        for (key, list) in &keys {
            if let Some(body) = bodies.get_mut(term_shard_of(key, shards) as usize) {
                body.push(if body.is_empty() { '{' } else { ',' });
                body.push_str(&serde_json::to_string(key).unwrap_or_default());
                body.push(':');
                body.push_str(list);
            }
        }
        drop(keys);
        let manifest = SearchManifest {
            version: 1,
            docs: u32::try_from(docs.len()).unwrap_or(u32::MAX),
            term_shards: shards,
            docs_per_shard: u32::try_from(docs_per_shard).unwrap_or(u32::MAX),
            max_postings: u32::try_from(max_postings).unwrap_or(u32::MAX),
        };
        let mut files = vec![(MANIFEST_PATH.to_string(), json(&manifest))];
        for (n, body) in (0u32..).zip(bodies) {
            let terms = if body.is_empty() { "{}".to_string() } else { body + "}" };
            files.push((
                term_shard_path(n),
                format!("{{\"version\":1,\"terms\":{terms}}}\n").into_bytes(),
            ));
        }
        let stubs: Vec<ArticleStub> = docs.into_iter().map(|(_, d, _)| d).collect();
        for (n, chunk) in (0u32..).zip(stubs.chunks(docs_per_shard)) {
            let shard = DocShard {
                version: 1,
                first: n * manifest.docs_per_shard,
                docs: chunk.to_vec(),
            };
            files.push((doc_shard_path(n), json(&shard)));
        }
        files
    }
}

/// Compact JSON with a trailing newline (these files are read by programs).
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec(value).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Every key (each word and each of its prefixes of at least
/// [`MIN_KEY_CHARS`] characters) with its encoded postings as a JSON array,
/// in key order. `vocab` is sorted, so the words under a key are adjacent.
fn key_lists(vocab: &[(String, Vec<u32>)], docs: usize, max_postings: usize) -> Vec<(String, String)> {
    const NONE: u8 = u8::MAX;
    let fields = [Field::Title, Field::Tag, Field::Standfirst, Field::Body];
    let mut best = vec![NONE; docs];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (i, (word, _)) in vocab.iter().enumerate() {
        let ends = word
            .char_indices()
            .map(|(at, _)| at)
            .skip(MIN_KEY_CHARS)
            .chain([word.len()]);
        for end in ends {
            let key = &word[..end];
            let seen = i > 0 && vocab.get(i - 1).is_some_and(|(w, _)| w.starts_with(key));
            if seen {
                continue;
            }
            for (w, list) in vocab[i..].iter().take_while(|(w, _)| w.starts_with(key)) {
                let exact = w.len() == key.len();
                for &p in list {
                    let field = fields.get((p & 3) as usize).copied().unwrap_or(Field::Body);
                    let lvl = level(field, exact);
                    if let Some(b) = best.get_mut((p >> 2) as usize) {
                        if *b == NONE {
                            touched.push(p >> 2);
                        }
                        *b = (*b).min(lvl);
                    }
                }
            }
            let mut list: Vec<Posting> = touched
                .drain(..)
                .map(|doc| {
                    let slot = best.get_mut(doc as usize);
                    let level = slot.map_or(NONE, |b| std::mem::replace(b, NONE));
                    Posting { doc, level }
                })
                .collect();
            if list.len() > max_postings {
                list.sort_unstable_by_key(|p| (p.level, p.doc));
                list.truncate(max_postings);
            }
            list.sort_unstable_by_key(|p| p.doc);
            let encoded = serde_json::to_string(&encode_postings(&list)).unwrap_or_default();
            out.push((key.to_string(), encoded));
        }
    }
    out
}
