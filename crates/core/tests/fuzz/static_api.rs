//! The static JSON API's parsers (`http::parse_json` into the model types):
//! mutated copies of the committed `public/api` files and arbitrary JSON.
//! Properties: no panic; the answer is a value or `FetchError::BadData`;
//! what parses serializes back to JSON that parses to the same value; the
//! model's helpers accept whatever parsed.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kiosque_core::http::{parse_json, FetchError};
use kiosque_core::model::{Article, Block, Home, Image, Inline, Listing, MostRead, SiteInfo, StaticPage};
use kiosque_core::source::search::{self, DocShard, MemoryIndex, SearchManifest, TermShard};
use proptest::prelude::*;
use proptest::sample::select;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::json_mut::{arbitrary_json, damage, mutate, mutations};

/// Which model type a document is parsed as (the corpus file's first word).
pub const KINDS: [&str; 9] = [
    "site",
    "home",
    "article",
    "page",
    "listing",
    "most-read",
    "search-manifest",
    "search-terms",
    "search-docs",
];

/// A document and the type it is parsed as.
#[derive(Clone, Debug)]
pub struct Doc {
    pub kind: &'static str,
    pub json: String,
}

fn kind_of(rel: &Path) -> &'static str {
    let s = rel.to_string_lossy();
    match s.split('/').next().unwrap_or("") {
        "site.json" => "site",
        "home.json" => "home",
        "most-read.json" => "most-read",
        "search" if s.ends_with("index.json") => "search-manifest",
        "search" if s.contains("/terms/") => "search-terms",
        "search" => "search-docs",
        "articles" => "article",
        "pages" => "page",
        _ => "listing",
    }
}

/// Every committed API file, parsed once.
fn api_files() -> &'static [(&'static str, Value)] {
    static FILES: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/api");
        let mut stack = vec![root.clone()];
        let mut out = Vec::new();
        while let Some(d) = stack.pop() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&d)
                .unwrap_or_else(|e| panic!("{d:?}: {e}"))
                .flatten()
                .map(|e| e.path())
                .collect();
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p:?}: {e}"));
                    out.push((kind_of(p.strip_prefix(&root).unwrap_or(&p)), v));
                }
            }
        }
        out
    })
}

pub fn mutated_docs() -> impl Strategy<Value = Doc> {
    let n = api_files().len();
    (0..n, mutations(), damage()).prop_map(|(i, ms, d)| {
        let (kind, base) = &api_files()[i];
        Doc {
            kind,
            json: mutate(base, &ms, &d),
        }
    })
}

pub fn arbitrary_docs() -> impl Strategy<Value = Doc> {
    (select(&KINDS[..]), arbitrary_json()).prop_map(|(kind, v)| Doc {
        kind,
        json: serde_json::to_string(&v).unwrap_or_default(),
    })
}

fn roundtrip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(json: &str) -> Option<T> {
    match parse_json::<T>(json) {
        Ok(v) => {
            let again = serde_json::to_string(&v).unwrap_or_else(|e| panic!("parsed value does not serialize: {e}"));
            let back = parse_json::<T>(&again);
            assert_eq!(
                back.as_ref(),
                Ok(&v),
                "serialized form {again:.2000} parses differently"
            );
            Some(v)
        }
        Err(FetchError::BadData(_)) => None,
        Err(other) => panic!("parse error is not BadData: {other:?}"),
    }
}

fn touch_image(img: &Option<Image>) {
    if let Some(i) = img {
        let _ = i.srcset();
    }
}

fn touch_body(body: &[Block]) {
    let _ = Block::links(body);
    for b in body {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } | Block::Quote { content, .. } => {
                let _ = Inline::plain_text(content);
            }
            Block::Figure { image, .. } => touch_image(&Some(image.clone())),
            _ => {}
        }
    }
}

fn touch_summary(s: &kiosque_core::model::ArticleSummary) {
    touch_image(&s.image);
    for off in [-1439, 0, 1439] {
        let _ = s.published.civil_at(off);
    }
}

pub fn check(doc: &Doc) {
    let json = doc.json.as_str();
    match doc.kind {
        "site" => {
            roundtrip::<SiteInfo>(json);
        }
        "home" => {
            if let Some(h) = roundtrip::<Home>(json) {
                h.lead.iter().chain(&h.latest).for_each(touch_summary);
                h.sections.iter().flat_map(|s| &s.articles).for_each(touch_summary);
            }
        }
        "article" => {
            if let Some(a) = roundtrip::<Article>(json) {
                touch_body(&a.body);
                touch_image(&a.image);
                a.related.iter().for_each(touch_summary);
                let _ = a.published.civil_at(a.published.offset_minutes());
            }
        }
        "page" => {
            if let Some(p) = roundtrip::<StaticPage>(json) {
                touch_body(&p.body);
            }
        }
        "listing" => {
            if let Some(l) = roundtrip::<Listing>(json) {
                l.articles.iter().for_each(touch_summary);
            }
        }
        "most-read" => {
            if let Some(m) = roundtrip::<MostRead>(json) {
                m.articles.iter().for_each(touch_summary);
            }
        }
        "search-manifest" => {
            let _ = roundtrip::<SearchManifest>(json);
        }
        "search-terms" => {
            if let Some(shard) = roundtrip::<TermShard>(json) {
                for (key, encoded) in &shard.terms {
                    if let Some(list) = search::decode_postings(encoded) {
                        assert!(list.windows(2).all(|w| w[0].doc < w[1].doc), "{key}: ids ascend");
                    }
                    let _ = search::key_postings(key, &shard);
                }
            }
        }
        "search-docs" => {
            if let Some(shard) = roundtrip::<DocShard>(json) {
                for d in &shard.docs {
                    let _ = d.last_modified().civil_at(0);
                }
            }
        }
        other => panic!("unknown kind {other}"),
    }
}

/// Corpus form: the kind on the first line, then the JSON.
pub fn encode(doc: &Doc) -> Vec<u8> {
    format!("{}\n{}", doc.kind, doc.json).into_bytes()
}

pub fn decode(bytes: &[u8]) -> Doc {
    let text = String::from_utf8_lossy(bytes);
    let (kind, json) = text.split_once('\n').unwrap_or((&text, ""));
    let kind = KINDS
        .iter()
        .copied()
        .find(|k| *k == kind.trim())
        .unwrap_or_else(|| panic!("unknown kind {kind:?}"));
    Doc {
        kind,
        json: json.to_string(),
    }
}

/// Search queries: arbitrary text against the committed index.
pub fn check_query(q: &str) {
    static INDEX: OnceLock<MemoryIndex> = OnceLock::new();
    let idx = INDEX.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/api");
        let mut files = Vec::new();
        for dir in ["search", "search/terms", "search/docs"] {
            for e in std::fs::read_dir(root.join(dir)).expect("search index").flatten() {
                if e.path().is_file() {
                    let rel = format!("{dir}/{}", e.file_name().to_string_lossy());
                    files.push((rel, std::fs::read(e.path()).unwrap_or_default()));
                }
            }
        }
        MemoryIndex::new(files)
    });
    let _ = search::query_terms(q);
    let _ = search::fold(q);
    let _ = search::slugify(q);
    assert!(search::search_keys(q).len() <= search::MAX_QUERY_TERMS);
    let one = idx.search(q, 1, 10).expect("the committed index answers");
    assert!(one.hits.len() <= 10 && one.hits.len() <= one.total);
    assert!(one.hits.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
    let two = idx.search(q, 2, 10).expect("the committed index answers");
    assert_eq!(two.total, one.total);
    assert!(two.hits.iter().all(|h| !one.hits.contains(h)), "pages do not overlap");
}

pub fn queries() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,60}",
        prop::collection::vec(
            select(
                &[
                    "eau",
                    "é",
                    "É",
                    "ﬁ",
                    "İ",
                    "ß",
                    "maroc",
                    " ",
                    "\u{0}",
                    "\u{301}",
                    "\"",
                    "-",
                    "*",
                    "🦀",
                    "économie",
                    "l’",
                    "ǅ",
                    "\u{200B}"
                ][..]
            ),
            0..12
        )
        .prop_map(|v| v.concat()),
    ]
}
