//! The steps of a query over the index files, shared by the static source
//! (which fetches the files) and [`MemoryIndex`] (files already in memory:
//! tests and the size measurement).

use std::collections::BTreeMap;

use super::shards::{decode_postings, doc_shard_path, term_shard_of, term_shard_path, Posting};
use super::{rank, search_keys, DocShard, Hit, SearchManifest, TermShard, MANIFEST_PATH};
use crate::model::ArticleStub;

/// The distinct term shards `keys` live in, in key order.
pub fn term_shards_for(keys: &[String], manifest: &SearchManifest) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for k in keys {
        let n = term_shard_of(k, manifest.term_shards);
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// The postings of `key` in `shard` (none when the key is absent); `None`
/// when the shard's encoding is broken.
pub fn key_postings(key: &str, shard: &TermShard) -> Option<Vec<Posting>> {
    match shard.terms.get(key) {
        Some(encoded) => decode_postings(encoded),
        None => Some(Vec::new()),
    }
}

/// Page `page` (from 1) of `hits`, `per_page` a page.
pub fn page_of(hits: &[Hit], page: u32, per_page: usize) -> &[Hit] {
    let start = (page.max(1) as usize - 1).saturating_mul(per_page);
    hits.get(start..)
        .map_or(&[][..], |rest| &rest[..rest.len().min(per_page)])
}

/// How many pages `total` results make (at least 1).
pub fn total_pages(total: usize, per_page: usize) -> u32 {
    u32::try_from(total.div_ceil(per_page.max(1)).max(1)).unwrap_or(u32::MAX)
}

/// The distinct document shards `hits` are in, in order.
pub fn doc_shards_for(hits: &[Hit], manifest: &SearchManifest) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for h in hits {
        let n = h.doc / manifest.docs_per_shard.max(1);
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Document `doc`'s stub among fetched document shards.
pub fn stub_of(doc: u32, shards: &[DocShard]) -> Option<&ArticleStub> {
    shards.iter().find_map(|s| {
        let i = doc.checked_sub(s.first)? as usize;
        s.docs.get(i)
    })
}

/// One page of results over index files held in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryPage {
    pub total: usize,
    pub hits: Vec<(ArticleStub, u32)>,
    /// Every file the query read (manifest, term and document shards).
    pub files: Vec<String>,
}

/// The index files in memory, searched as the static source searches them.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryIndex {
    pub fn new(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Self {
        MemoryIndex {
            files: files.into_iter().collect(),
        }
    }

    fn read<T: serde::de::DeserializeOwned>(&self, path: &str, seen: &mut Vec<String>) -> Option<T> {
        seen.push(path.to_string());
        serde_json::from_slice(self.files.get(path)?).ok()
    }

    /// Page `page` of `query`; `None` when a file is missing or malformed.
    pub fn search(&self, query: &str, page: u32, per_page: usize) -> Option<MemoryPage> {
        let mut files = Vec::new();
        let manifest: SearchManifest = self.read(MANIFEST_PATH, &mut files)?;
        let keys = search_keys(query);
        let mut shards = BTreeMap::new();
        for n in term_shards_for(&keys, &manifest) {
            shards.insert(n, self.read::<TermShard>(&term_shard_path(n), &mut files)?);
        }
        let mut lists = Vec::new();
        for k in &keys {
            let shard = shards.get(&term_shard_of(k, manifest.term_shards))?;
            lists.push(key_postings(k, shard)?);
        }
        let hits = rank(&lists);
        let total = hits.len();
        let shown = page_of(&hits, page, per_page);
        let mut docs = Vec::new();
        for n in doc_shards_for(shown, &manifest) {
            docs.push(self.read::<DocShard>(&doc_shard_path(n), &mut files)?);
        }
        let hits = shown
            .iter()
            .map(|h| stub_of(h.doc, &docs).map(|s| (s.clone(), h.score)))
            .collect::<Option<Vec<_>>>()?;
        Some(MemoryPage { total, hits, files })
    }

    /// The bytes of a file, for measuring.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Every file.
    pub fn files(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.files.iter()
    }
}
