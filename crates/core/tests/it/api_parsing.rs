//! The static content API, parsed natively with the same types and the same
//! parser as the browser: every committed endpoint file, plus tolerance rules
//! (unknown fields ignored, missing optional fields defaulted, wrong types a
//! typed error naming the field, never a panic).

use std::path::Path;

use kiosque_core::http::{parse_json, FetchError};
use kiosque_core::model::{Article, Block, Home, Listing, ListingKind, MostRead, SiteInfo, StaticPage};
use kiosque_core::source::search::SearchManifest;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/api")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn files(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/api"));
    let mut stack = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{d:?}: {e}")).flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_committed_endpoint_parses() {
    let site: SiteInfo = parse_json(&read("site.json")).unwrap();
    assert!(site.nav.len() >= 6);
    let home: Home = parse_json(&read("home.json")).unwrap();
    assert!(home.lead.is_some() && !home.latest.is_empty());
    let most: MostRead = parse_json(&read("most-read.json")).unwrap();
    assert!(!most.articles.is_empty());
    let index: SearchManifest = parse_json(&read("search/index.json")).unwrap();
    let articles = files("articles");
    assert!(articles.len() >= 48, "at least 48 demo articles");
    // Every article and every custom type's item (types/<rest_base>/*.json) is indexed.
    let items: usize = std::fs::read_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/api/types"
    )))
    .into_iter()
    .flatten()
    .flatten()
    .map(|t| {
        std::fs::read_dir(t.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
            .count()
    })
    .sum();
    assert!(items >= 4, "the demo's videos");
    assert_eq!(index.docs as usize, articles.len() + items);
    let mut block_types = std::collections::BTreeSet::new();
    for f in &articles {
        let a: Article = parse_json(&read(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        let img = a.image.as_ref().unwrap_or_else(|| panic!("{f}: no image"));
        assert!(img.width > 0 && img.height > 0 && !img.alt.is_empty(), "{f}");
        assert!(img.sources.len() >= 4, "{f}: four widths for srcset");
        assert!(
            !a.related.iter().any(|r| r.slug == a.slug),
            "{f}: related never holds the article itself"
        );
        for b in &a.body {
            block_types.insert(
                serde_json::to_value(b).unwrap()["type"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            );
            assert_ne!(*b, Block::Unknown, "{f}");
        }
    }
    let all: Vec<&str> = block_types.iter().map(String::as_str).collect();
    assert_eq!(
        all,
        [
            "columns",
            "cover",
            "embed",
            "figure",
            "gallery",
            "heading",
            "list",
            "media_text",
            "paragraph",
            "quote",
            "table"
        ]
    );
    for dir in ["categories", "tags", "authors", "latest"] {
        for f in files(dir) {
            let l: Listing = parse_json(&read(&f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(l.page >= 1 && l.page <= l.total_pages, "{f}");
        }
    }
    for f in files("pages") {
        let p: StaticPage = parse_json(&read(&f)).unwrap();
        assert!(!p.title.is_empty());
    }
}

#[test]
fn unknown_fields_are_tolerated_and_optional_fields_default() {
    let a: Article = parse_json(
        r#"{"slug":"s","title":"T","category":{"slug":"c","name":"C","color":"red"},
            "published":"2026-11-01T10:00:00+01:00","future_field":[1,2,3],
            "body":[{"type":"paragraph","content":[{"type":"text","text":"x"},{"type":"sparkle"}]},
                    {"type":"hologram","data":1}]}"#,
    )
    .unwrap();
    assert_eq!(a.version, 1);
    assert!(a.tags.is_empty() && a.authors.is_empty() && a.related.is_empty());
    assert_eq!(
        (a.comment_count, a.reading_minutes, a.image, a.modified, a.source),
        (0, 0, None, None, None)
    );
    assert_eq!(a.body.len(), 2);
    assert_eq!(a.body[1], Block::Unknown, "an unknown block is skipped, not fatal");
    let l: Listing = parse_json(r#"{"kind":{"type":"latest"}}"#).unwrap();
    assert_eq!((l.page, l.total_pages, l.total, l.articles.len()), (1, 1, 0, 0));
    assert_eq!(l.kind, ListingKind::Latest);
    let h: Home = parse_json("{}").unwrap();
    assert!(h.lead.is_none() && h.sections.is_empty());
    let s: SiteInfo = parse_json(r#"{"name":"N"}"#).unwrap();
    assert_eq!(s.locale, "fr");
}

#[test]
fn wrong_types_are_typed_errors_locating_the_field() {
    let cases: [(&str, &str); 5] = [
        (
            r#"{"slug":"s","title":7,"category":{"slug":"c","name":"C"},"published":"2026-11-01T10:00:00Z"}"#,
            "title",
        ),
        (
            r#"{"slug":"s","title":"t","category":{"slug":"c","name":"C"},"published":"yesterday"}"#,
            "published",
        ),
        (
            r#"{"slug":"s","title":"t","category":{"slug":"c","name":"C"},"published":"2026-11-01T10:00:00Z","comment_count":-1}"#,
            "comment_count",
        ),
        (
            r#"{"slug":"s","title":"t","category":{"slug":"c","name":"C"},"published":"2026-11-01T10:00:00Z","body":[{"type":"heading","level":"2"}]}"#,
            "body[0]",
        ),
        (
            r#"{"slug":"s","category":{"slug":"c","name":"C"},"published":"2026-11-01T10:00:00Z"}"#,
            "title",
        ),
    ];
    // The error names a missing field, and locates any other fault at or
    // after the field's key (line and column, as serde_json reports them).
    for (json, field) in cases {
        let key = field.split('[').next().unwrap_or(field);
        let at = json.find(&format!("\"{key}\"")).map_or(json.len(), |i| i + 1);
        match parse_json::<Article>(json) {
            Err(FetchError::BadData(m)) => {
                let column: usize = m
                    .rsplit("column ")
                    .next()
                    .and_then(|c| c.parse().ok())
                    .unwrap_or_else(|| panic!("{m}: no column"));
                let near = (at..at + 40).contains(&column);
                assert!(
                    m.contains(&format!("`{key}`")) || near,
                    "{m} should point at {field} (column {at})"
                );
            }
            other => panic!("{json}: {other:?}"),
        }
    }
    for junk in [
        "",
        "null",
        "[]",
        "<!doctype html><p>oops",
        "{\"slug\":",
        &"[".repeat(10_000),
    ] {
        assert!(
            matches!(parse_json::<Listing>(junk), Err(FetchError::BadData(_))),
            "{junk:.20}"
        );
    }
}

/// The static source's search over the committed sharded index, through the
/// native door (files under public/): pages of 20, totals, no repeats.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn static_search_pages_through_the_committed_index() {
    use futures::FutureExt;
    // The local door answers at once: one poll is enough.
    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        f.now_or_never().expect("the local door answers at once")
    }
    use kiosque_core::config::Config;
    use kiosque_core::source::Source;
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let door = kiosque_core::http::Door::local("http://static.test/", public);
    let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
    let source = Source::from_config(&config, "http://static.test/", door);
    let one = block_on(source.search("Région", 1, 20)).unwrap();
    assert!(one.total > 20, "the demo has a word on two pages: {}", one.total);
    assert_eq!((one.page, one.total_pages, one.articles.len()), (1, 2, 20));
    assert_eq!(one.query, "Région");
    let two = block_on(source.search("Région", 2, 20)).unwrap();
    assert_eq!(
        (two.page, two.total, two.articles.len()),
        (2, one.total, one.total - 20)
    );
    assert!(two.articles.iter().all(|a| !one.articles.contains(a)));
    let past = block_on(source.search("region", 3, 20)).unwrap();
    assert!(past.page > past.total_pages && past.articles.is_empty());
    let none = block_on(source.search("zzzqxw", 1, 20)).unwrap();
    assert_eq!((none.total, none.total_pages), (0, 1));
    let blank = block_on(source.search("  ", 1, 20)).unwrap();
    assert_eq!((blank.query.as_str(), blank.total), ("", 0));
}
