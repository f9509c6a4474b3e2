//! The home and its archive show no article twice in a row (issue 18,
//! point 9), and the archive index lists what the static API holds, for the
//! committed demo API (`public/api`) and for WordPress (answers recorded by
//! `scripts/wordpress/record.sh`; a missing one fails the test).

use std::collections::HashSet;
use std::path::PathBuf;

use crate::wp_support::block_on;
use kiosque_core::config::Config;
use kiosque_core::model::{Home, HOME_LATEST_SHOWN};
use kiosque_core::source::{ListingRequest, Source};

fn static_source() -> Source {
    let public = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let door = kiosque_core::http::Door::local("http://static.test/", public);
    let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
    Source::from_config(&config, "http://static.test/", door)
}

fn wordpress_source() -> Source {
    Source::WordPress(crate::wp_support::source().into())
}

/// What the home shows: the lead and its latest block.
fn shown(home: &Home) -> Vec<String> {
    let mut slugs: Vec<String> = home.lead.iter().map(|a| a.slug.clone()).collect();
    slugs.extend(home.latest.iter().take(HOME_LATEST_SHOWN).map(|a| a.slug.clone()));
    slugs
}

/// Page 1 of the home archive is the home's latest block, the lead is not in
/// it; the archive's later pages show none of the home.
fn check_home_archive(source: &Source) {
    let home = block_on(source.home()).unwrap();
    let lead = home.lead.as_ref().unwrap().slug.clone();
    let block: Vec<&str> = home
        .latest
        .iter()
        .take(HOME_LATEST_SHOWN)
        .map(|a| a.slug.as_str())
        .collect();
    let p1 = block_on(source.listing(&ListingRequest::Latest, 1)).unwrap();
    let first: Vec<&str> = p1.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(first, block, "page 1 of the archive is the home's latest block");
    assert!(
        first.iter().all(|s| *s != lead),
        "the lead is the home's, not the archive's"
    );
    let p2 = block_on(source.listing(&ListingRequest::Latest, 2)).unwrap();
    let on_home = shown(&home);
    assert!(!p2.articles.is_empty());
    assert!(
        p2.articles.iter().all(|a| !on_home.contains(&a.slug)),
        "/page/2 repeats the home: {:?}",
        p2.articles.iter().map(|a| &a.slug).collect::<Vec<_>>()
    );
    if let Some(next) = home.latest.get(HOME_LATEST_SHOWN) {
        assert_eq!(p2.articles[0].slug, next.slug, "page 2 continues where the home stops");
    }
}

#[test]
fn static_home_archive_continues_where_the_home_stops() {
    let source = static_source();
    check_home_archive(&source);
    // Together, the lead and the archive hold every article once.
    let home = block_on(source.home()).unwrap();
    let p1 = block_on(source.listing(&ListingRequest::Latest, 1)).unwrap();
    let mut seen: HashSet<String> = home.lead.iter().map(|a| a.slug.clone()).collect();
    let mut count = seen.len();
    for page in 1..=p1.total_pages {
        for a in block_on(source.listing(&ListingRequest::Latest, page))
            .unwrap()
            .articles
        {
            count += 1;
            seen.insert(a.slug);
        }
    }
    let index = block_on(source.article_index(1)).unwrap();
    assert_eq!((seen.len(), count), (index.total as usize, index.total as usize));
}

#[test]
fn static_archive_index_matches_the_listings() {
    let source = static_source();
    let archive = block_on(source.archive()).unwrap();
    let site = block_on(source.site()).unwrap();
    assert_eq!(archive.categories.len(), site.nav.len());
    assert!(archive.tags.len() > 10 && archive.authors.len() == 6);
    let lists = [
        (
            &archive.categories,
            ListingRequest::Category as fn(String) -> ListingRequest,
        ),
        (&archive.tags, ListingRequest::Tag),
        (&archive.authors, ListingRequest::Author),
    ];
    for (terms, request) in lists {
        for t in terms {
            let l = block_on(source.listing(&request(t.slug.clone()), 1)).unwrap();
            assert_eq!((Some(l.total_pages), l.total), (t.total_pages, t.total), "{}", t.slug);
        }
    }
    let pages: Vec<&str> = archive.pages.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(pages, ["a-propos", "mentions-legales"]);
    for p in &pages {
        block_on(source.page(p)).unwrap();
    }
    let index = block_on(source.article_index(1)).unwrap();
    assert_eq!((index.total, index.total_pages, index.articles.len()), (49, 1, 49));
    assert!(index.malformed.is_empty());
    assert!(
        index.articles.iter().all(|a| a.wp_id.is_none()),
        "the demo never came from WordPress"
    );
    assert!(index.articles.windows(2).all(|w| w[0].published >= w[1].published));
    for a in &index.articles {
        block_on(source.article(&a.slug)).unwrap();
    }
}

#[test]
fn wordpress_home_archive_continues_where_the_home_stops() {
    check_home_archive(&wordpress_source());
    let p1 = block_on(wordpress_source().listing(&ListingRequest::Latest, 1)).unwrap();
    assert_eq!((p1.total, p1.total_pages), (47, 8), "every post but the lead");
}

#[test]
fn wordpress_archive_lists_what_is_published() {
    let source = wordpress_source();
    let archive = block_on(source.archive()).unwrap();
    assert_eq!(archive.categories.len(), 6);
    assert!(archive.tags.len() > 10);
    assert_eq!(archive.authors.len(), 6);
    let pages: HashSet<&str> = archive.pages.iter().map(|p| p.slug.as_str()).collect();
    assert!(pages.contains("a-propos") && pages.contains("mentions-legales"));
    let index = block_on(source.article_index(1)).unwrap();
    assert_eq!((index.total, index.articles.len()), (48, 48));
    let hidden = [
        "brouillon-enquete-ports",
        "note-interne-planning-redaction",
        "a-paraitre-bilan-annuel",
    ];
    assert!(index.articles.iter().all(|a| !hidden.contains(&a.slug.as_str())));
}

/// Answers list requests from recorded lists of the same kind (the full
/// 100-per-page lists are not all recorded): what matters is that the IDs
/// WordPress sends reach the archive.
struct Lists;

impl kiosque_core::source::wordpress::Transport for Lists {
    fn get(&self, url: &str) -> Result<kiosque_core::http::Fetched, kiosque_core::http::FetchError> {
        let name = [
            (
                "/categories?",
                "categories.per_page-100.hide_empty-true.orderby-id.db45447b",
            ),
            ("/tags?", "tags.slug-tunisie.3309356c"),
            ("/users?", "users.slug-karim-ouazzani.b66b8e08"),
            ("/pages?", "pages.per_page-100.4e5e2d8f"),
            ("/posts?", "posts.per_page-11.b7758857"),
        ]
        .iter()
        .find(|(needle, _)| url.contains(needle))
        .map(|(_, name)| *name)
        .unwrap_or_else(|| panic!("unexpected request {url}"));
        crate::wp_support::answer(name)
    }
}

#[test]
fn wordpress_ids_reach_the_archive() {
    let source = Source::WordPress(crate::wp_support::source_with(Lists).into());
    let archive = block_on(source.archive()).unwrap();
    let expected = |fixture: &str| -> Vec<(String, u64)> {
        let text = std::fs::read_to_string(crate::wp_support::dir().join(format!("{fixture}.json"))).unwrap();
        let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        list.iter()
            .filter(|v| v["count"].as_u64() != Some(0))
            .map(|v| (v["slug"].as_str().unwrap().to_string(), v["id"].as_u64().unwrap()))
            .collect()
    };
    let got = |terms: &[kiosque_core::model::ArchiveTerm]| -> Vec<(String, u64)> {
        terms.iter().map(|t| (t.slug.clone(), t.wp_id.unwrap())).collect()
    };
    assert_eq!(
        got(&archive.categories),
        expected("categories.per_page-100.hide_empty-true.orderby-id.db45447b")
    );
    assert_eq!(got(&archive.tags), expected("tags.slug-tunisie.3309356c"));
    assert_eq!(got(&archive.authors), expected("users.slug-karim-ouazzani.b66b8e08"));
    let index = block_on(source.article_index(1)).unwrap();
    let posts = expected("posts.per_page-11.b7758857");
    assert!(!index.articles.is_empty());
    for a in &index.articles {
        let id = posts.iter().find(|(s, _)| *s == a.slug).map(|(_, id)| *id);
        assert_eq!(a.wp_id, id, "{}", a.slug);
    }
}
