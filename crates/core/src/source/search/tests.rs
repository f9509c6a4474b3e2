//! The index written, then searched as the static source searches it.

use super::*;
use crate::model::{ArticleStub, CategoryRef, Timestamp};

fn stub(slug: &str, title: &str, standfirst: &str, cat: &str, published: &str) -> ArticleStub {
    ArticleStub {
        slug: slug.into(),
        title: title.into(),
        standfirst: standfirst.into(),
        category: CategoryRef {
            slug: slugify(cat),
            name: cat.into(),
        },
        published: Timestamp::parse(published).unwrap(),
        modified: None,
        wp_id: None,
        parts: None,
        post_type: None,
    }
}

type Doc<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a str, &'a str, &'a str);

fn build(docs: &[Doc], params: Params) -> MemoryIndex {
    let mut w = IndexWriter::with_params(params);
    for (slug, title, standfirst, tags, body, cat, published) in docs {
        w.add(stub(slug, title, standfirst, cat, published), tags, body);
    }
    MemoryIndex::new(w.finish())
}

/// The documents of the ranking tests, oldest and newest mixed.
const DOCS: &[Doc] = &[
    (
        "body-only",
        "Un marché qui respire",
        "Les étals se remplissent.",
        &["Commerce"],
        "L’eau du port et les phosphates.",
        "Maghreb",
        "2026-10-05T08:00:00+01:00",
    ),
    (
        "title-exact",
        "Le prix de l’eau grimpe",
        "Chapeau.",
        &["Ressources"],
        "Le barrage.",
        "Économie",
        "2026-10-01T08:00:00+01:00",
    ),
    (
        "title-prefix",
        "Les eaux du barrage",
        "Chapeau.",
        &[],
        "La pluie.",
        "Maghreb",
        "2026-10-03T08:00:00+01:00",
    ),
    (
        "tag",
        "Sécheresse au sud",
        "Chapeau.",
        &["Eau"],
        "Les nappes.",
        "Afrique",
        "2026-10-02T08:00:00+01:00",
    ),
    (
        "standfirst",
        "Une saison difficile",
        "Les agriculteurs manquent d’eau.",
        &[],
        "Les nappes.",
        "Afrique",
        "2026-10-04T08:00:00+01:00",
    ),
    (
        "title-exact-newer",
        "L’eau, enjeu du siècle",
        "Chapeau.",
        &[],
        "",
        "Monde",
        "2026-10-06T08:00:00+01:00",
    ),
];

fn slugs(index: &MemoryIndex, q: &str) -> Vec<String> {
    let page = index.search(q, 1, 100).unwrap();
    page.hits.into_iter().map(|(s, _)| s.slug).collect()
}

#[test]
fn ranking_is_title_then_tag_then_standfirst_then_body_exact_before_prefix() {
    let idx = build(DOCS, Params::default());
    let page = idx.search("eau", 1, 10).unwrap();
    let got: Vec<&str> = page.hits.iter().map(|(s, _)| s.slug.as_str()).collect();
    assert_eq!(
        got,
        [
            "title-exact-newer",
            "title-exact",
            "title-prefix",
            "tag",
            "standfirst",
            "body-only"
        ]
    );
    let scores: Vec<u32> = page.hits.iter().map(|(_, s)| *s).collect();
    assert_eq!(scores, [100, 100, 60, 40, 16, 4]);
    assert_eq!(page.total, 6);
}

#[test]
fn every_term_must_match_some_word() {
    let idx = build(DOCS, Params::default());
    assert_eq!(slugs(&idx, "eau barrage"), ["title-prefix", "title-exact"]);
    assert_eq!(slugs(&idx, "eau nappes"), ["tag", "standfirst"]);
    assert!(slugs(&idx, "eau zzz").is_empty());
}

#[test]
fn queries_are_folded_and_match_prefixes_and_categories() {
    let idx = build(DOCS, Params::default());
    assert_eq!(slugs(&idx, "ECO"), ["title-exact"]);
    assert_eq!(slugs(&idx, "l’économie"), ["title-exact"]);
    assert_eq!(slugs(&idx, "SÉCHER"), ["tag"]);
    assert_eq!(slugs(&idx, "phosph"), ["body-only"]);
}

#[test]
fn blank_queries_and_stop_words_find_nothing() {
    let idx = build(DOCS, Params::default());
    for q in ["", "   \t ", " ’ ; ", "les", "a"] {
        assert!(slugs(&idx, q).is_empty(), "{q:?}");
    }
    let empty = MemoryIndex::new(IndexWriter::new().finish());
    assert!(empty.search("eau", 1, 10).unwrap().hits.is_empty());
}

#[test]
fn pages_split_the_ranking_without_overlap() {
    let idx = build(DOCS, Params::default());
    let page = |n| idx.search("eau", n, 4).unwrap();
    let (one, two, three) = (page(1), page(2), page(3));
    assert_eq!((one.total, two.total), (6, 6));
    let slugs = |p: &MemoryPage| p.hits.iter().map(|(s, _)| s.slug.clone()).collect::<Vec<_>>();
    assert_eq!(slugs(&one), ["title-exact-newer", "title-exact", "title-prefix", "tag"]);
    assert_eq!(slugs(&two), ["standfirst", "body-only"]);
    assert!(three.hits.is_empty());
    assert_eq!(total_pages(6, 4), 2);
    assert_eq!(total_pages(0, 4), 1);
}

/// Many documents under one word: each key keeps its best postings only
/// (title matches before body ones, then the newest), and a query reads one
/// term shard per term plus the document shards of the page it shows.
#[test]
fn capped_keys_keep_the_best_postings_and_queries_read_few_files() {
    let params = Params {
        max_postings: 5,
        docs_per_shard: 4,
        term_shard_bytes: 64,
    };
    let mut w = IndexWriter::with_params(params);
    for i in 0..40u32 {
        let title = if i % 10 == 0 {
            "Le désert avance"
        } else {
            "Un autre sujet"
        };
        let published = format!("2026-01-{:02}T08:00:00Z", i % 28 + 1);
        let s = stub(&format!("a{i:02}"), title, "", "Monde", &published);
        w.add(s, &[] as &[&str], &format!("désert numéro{i}"));
    }
    let idx = MemoryIndex::new(w.finish());
    let page = idx.search("desert", 1, 3).unwrap();
    let got: Vec<&str> = page.hits.iter().map(|(s, _)| s.slug.as_str()).collect();
    // The four title matches (newest first), then the newest body match.
    assert_eq!(got, ["a20", "a10", "a30"]);
    assert_eq!(page.total, 5);
    let last = idx.search("desert", 2, 3).unwrap();
    assert_eq!(last.hits.len(), 2);
    assert_eq!(last.hits[0].0.slug, "a00");
    assert_eq!(last.hits[1].0.slug, "a27");
    assert_eq!(last.hits[0].1, 100);
    assert_eq!(last.hits[1].1, 4);
    // Manifest, one term shard, and the document shards of three hits.
    assert!(page.files.len() <= 5, "{:?}", page.files);
    assert!(page.files.iter().filter(|f| f.starts_with("search/terms/")).count() == 1);
    let manifest: SearchManifest = serde_json::from_slice(idx.file(MANIFEST_PATH).unwrap()).unwrap();
    assert_eq!(manifest.docs, 40);
    assert_eq!(manifest.docs_per_shard, 4);
    assert!(manifest.term_shards > 1);
    assert_eq!(idx.files().filter(|(p, _)| p.starts_with("search/docs/")).count(), 10);
}

#[test]
fn the_output_is_deterministic_whatever_the_order_of_adding() {
    let forward = build(DOCS, Params::default());
    let mut reversed: Vec<Doc> = DOCS.to_vec();
    reversed.reverse();
    let backward = build(&reversed, Params::default());
    let a: Vec<_> = forward.files().collect();
    let b: Vec<_> = backward.files().collect();
    assert_eq!(a, b);
    // Every term shard parses as the documented type.
    for (path, bytes) in forward.files() {
        if path.starts_with("search/terms/") {
            let shard: TermShard = serde_json::from_slice(bytes).unwrap();
            assert!(shard.terms.values().all(|v| decode_postings(v).is_some()));
        }
    }
}

#[test]
fn long_words_and_arabic_are_indexed_by_their_start() {
    let long = "a".repeat(60);
    let docs: &[Doc] = &[(
        "ar",
        "المغرب العربي",
        "",
        &[],
        &long,
        "Monde",
        "2026-10-06T08:00:00+01:00",
    )];
    let idx = build(docs, Params::default());
    assert_eq!(slugs(&idx, "المغ"), ["ar"]);
    assert_eq!(slugs(&idx, &"a".repeat(50)), ["ar"]);
    assert_eq!(slugs(&idx, "aaa"), ["ar"]);
}
