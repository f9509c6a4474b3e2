//! The generator, end to end at a small size: every file parses as its
//! model type, the real static `Source` reads the archive back, counts
//! add up, and the output depends on the seed alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use futures::executor::block_on;
use kiosque_core::config::Config;
use kiosque_core::http::Door;
use kiosque_core::model::{ArchiveIndex, Article, ArticleIndexPage, Home, Listing, MostRead, SiteInfo, StaticPage};
use kiosque_core::source::{ListingRequest, Source};

use super::{generate, Options};

fn options(name: &str, articles: usize, touch: usize) -> Options {
    let out = std::env::temp_dir().join(format!("kiosque-synth-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    Options {
        articles,
        out,
        seed: "test".into(),
        touch,
        per_page: 4,
    }
}

/// Every file under `dir`, relative, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p: PathBuf = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Parses a file of the API as the model type its path says it is.
fn parse(rel: &str, bytes: &[u8]) -> Result<(), String> {
    fn as_<T: serde::de::DeserializeOwned>(b: &[u8]) -> Result<(), String> {
        serde_json::from_slice::<T>(b).map(|_| ()).map_err(|e| e.to_string())
    }
    match rel {
        "api/site.json" => as_::<SiteInfo>(bytes),
        "api/home.json" => as_::<Home>(bytes),
        "api/most-read.json" => as_::<MostRead>(bytes),
        r if r.starts_with("api/search/") => as_::<serde_json::Value>(bytes),
        "api/archive/index.json" => as_::<ArchiveIndex>(bytes),
        r if r.starts_with("api/archive/articles/") => as_::<ArticleIndexPage>(bytes),
        r if r.starts_with("api/articles/") => as_::<Article>(bytes),
        r if r.starts_with("api/pages/") => as_::<StaticPage>(bytes),
        r if r.contains("/page/") => as_::<Listing>(bytes),
        r if r.starts_with("media/synth/") && r.ends_with(".jpg") => Ok(()),
        r => Err(format!("unexpected file {r}")),
    }
}

fn source(dir: &Path) -> Source {
    let config = Config::parse(r#"{"api": {"kind": "static", "base_url": "/api"}}"#).unwrap();
    Source::from_config(
        &config,
        "https://h.test/",
        Door::local("https://h.test/", dir.to_path_buf()),
    )
}

#[test]
fn a_small_archive_is_complete_readable_and_repeatable() {
    let opts = options("a", 60, 0);
    let summary = generate(&opts).unwrap();
    let written = files(&opts.out);
    assert_eq!(summary.files, written.len());
    for (rel, bytes) in &written {
        parse(rel, bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
    let count = |prefix: &str| written.keys().filter(|k| k.starts_with(prefix)).count();
    assert_eq!(count("api/articles/"), 60);
    assert!(count("api/categories/") >= 20, "every category has page 1");

    let source = source(&opts.out);
    let archive = block_on(source.archive()).unwrap();
    assert_eq!(archive.categories.len(), 20);
    assert_eq!(archive.authors.len(), 200);
    assert_eq!(archive.pages.len(), 2);
    assert_eq!(archive.categories.iter().map(|c| c.total).sum::<u32>(), 60);
    let index = block_on(source.article_index(1)).unwrap();
    assert_eq!((index.total, index.articles.len()), (60, 60));
    assert!(
        index.articles.windows(2).all(|w| w[0].published > w[1].published),
        "newest first"
    );
    let mut tagged = 0;
    for tag in &archive.tags {
        let pages = tag.total_pages.unwrap();
        assert_eq!(pages as usize, (tag.total as usize).div_ceil(4).max(1));
        let last = block_on(source.listing(&ListingRequest::Tag(tag.slug.clone()), pages)).unwrap();
        assert_eq!(last.total, tag.total, "{}", tag.slug);
        tagged += tag.total;
    }
    let mut tags_in_articles = 0;
    for stub in &index.articles {
        let article = block_on(source.article(&stub.slug)).unwrap();
        assert_eq!(article.title, stub.title);
        assert!(!article.related.is_empty() && article.related.len() <= crate::api::RELATED_COUNT);
        assert!(article
            .body
            .iter()
            .any(|b| matches!(b, kiosque_core::model::Block::Paragraph { .. })));
        tags_in_articles += article.tags.len() as u32;
    }
    assert_eq!(tagged, tags_in_articles, "every tag listing holds its articles");
    let home = block_on(source.listing(&ListingRequest::Latest, 1)).unwrap();
    assert_eq!(home.total, 59, "every article but the lead");
    // The sharded search index finds an article by its title's words.
    let first = &index.articles[0];
    let found = block_on(source.search(&first.title, 1, 20)).unwrap();
    assert!(
        found.articles.iter().any(|a| a.slug == first.slug),
        "{} not found",
        first.title
    );

    // Same seed, same bytes.
    let again = options("b", 60, 0);
    generate(&again).unwrap();
    assert_eq!(files(&again.out), written);
    let _ = std::fs::remove_dir_all(&again.out);

    // Touching 3 rewrites those articles (and what lists them), not the rest.
    let touch = Options {
        touch: 3,
        ..opts.clone()
    };
    let summary = generate(&touch).unwrap();
    assert_eq!(summary.touched, 3);
    let after = files(&opts.out);
    let changed: Vec<&String> = after.keys().filter(|k| after[*k] != written[*k]).collect();
    let articles = changed.iter().filter(|k| k.starts_with("api/articles/")).count();
    assert!(articles >= 3, "{changed:?}");
    let edited = after
        .iter()
        .filter(|(k, v)| {
            k.starts_with("api/articles/") && String::from_utf8_lossy(v).contains("(mis à jour)\",\n  \"standfirst")
        })
        .count();
    assert_eq!(edited, 3);
    assert!(summary.unchanged > summary.written, "most files are untouched");
    let _ = std::fs::remove_dir_all(&opts.out);
}
