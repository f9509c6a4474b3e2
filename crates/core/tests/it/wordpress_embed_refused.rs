//! A WordPress whose `_embed` is refused or stripped (a security plugin, a
//! cache): posts take their categories from the category list instead of
//! failing with "no embedded category". Recorded answers (see `wp_support`)
//! with `_embedded` removed from every post; the featured images and authors
//! asked for by ID instead answer from `fixtures/wordpress/settings/`
//! (recorded from the test WordPress). Also: the users endpoint closed.

use crate::wp_support::{answer, block_on, fixture_in, source, source_with, Fixtures};
use kiosque_core::http::{FetchError, Fetched};
use kiosque_core::source::wordpress::Transport;
use kiosque_core::source::ListingRequest;
use serde_json::Value;

const NEWEST: &str = "tunisie-bizerte-pecheurs-rarefaction-poisson";

/// The recorded answers, with `_embedded` taken out of every post.
struct NoEmbed;

impl Transport for NoEmbed {
    fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        if ["/wp/v2/media?include=", "/wp/v2/users?include=", "/wp/v2/tags?include="]
            .iter()
            .any(|by_id| url.contains(by_id))
        {
            return answer(&fixture_in("settings/", url));
        }
        let f = Fixtures.get(url)?;
        if !url.contains("/wp/v2/posts") {
            return Ok(f);
        }
        let mut v: Value = serde_json::from_str(&f.body).expect("recorded JSON");
        let strip = |p: &mut Value| drop(p.as_object_mut().map(|o| o.remove("_embedded")));
        match &mut v {
            Value::Array(list) => list.iter_mut().for_each(strip),
            other => strip(other),
        }
        Ok(Fetched {
            body: v.to_string().into(),
            ..f
        })
    }
}

#[test]
fn an_article_without_embedded_terms_keeps_its_category() {
    let whole = block_on(source().article(NEWEST)).unwrap();
    let bare = block_on(source_with(NoEmbed).article(NEWEST)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(bare.category, whole.category);
    assert_eq!(bare.title, whole.title);
    // The featured image and the author, by ID (one request each).
    assert!(whole.image.is_some() && !whole.authors.is_empty());
    assert_eq!(bare.image, whole.image);
    assert_eq!(bare.authors, whole.authors);
    assert!(!whole.tags.is_empty());
    assert_eq!(bare.tags, whole.tags);
}

#[test]
fn a_closed_users_endpoint_leaves_posts_without_an_author() {
    struct Closed;
    impl Transport for Closed {
        fn get(&self, url: &str) -> Result<Fetched, FetchError> {
            if url.contains("/wp/v2/users?") {
                return Err(FetchError::Denied(401));
            }
            NoEmbed.get(url)
        }
    }
    let bare = block_on(source_with(Closed).article(NEWEST)).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(bare.authors.is_empty());
    assert!(bare.image.is_some(), "the rest is filled");
}

#[test]
fn listings_and_the_archive_without_embedded_terms_keep_every_post() {
    let cats = |s: &kiosque_core::source::wordpress::WordPressSource| {
        let l = block_on(s.listing(&ListingRequest::Latest, 1)).unwrap();
        l.articles
            .iter()
            .map(|a| (a.slug.clone(), a.category.slug.clone()))
            .collect::<Vec<_>>()
    };
    let whole = cats(&source());
    assert!(!whole.is_empty());
    assert_eq!(cats(&source_with(NoEmbed)), whole);
    // Every card keeps its image and author, from one request each.
    let cards = |s: &kiosque_core::source::wordpress::WordPressSource| {
        let l = block_on(s.listing(&ListingRequest::Latest, 1)).unwrap();
        l.articles
            .iter()
            .map(|a| (a.image.clone(), a.authors.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(cards(&source_with(NoEmbed)), cards(&source()));

    let index = block_on(source_with(NoEmbed).article_index(1)).unwrap();
    assert!(index.malformed.is_empty(), "{:?}", index.malformed);
    let full = block_on(source().article_index(1)).unwrap();
    assert_eq!(index.articles.len(), full.articles.len());
}

#[test]
fn a_closed_users_endpoint_leaves_the_archive_without_authors() {
    use crate::wp_support::Override;
    let whole = block_on(source().archive()).unwrap();
    assert!(!whole.authors.is_empty());
    for closed in [FetchError::Denied(401), FetchError::NotFound] {
        let s = source_with(Override("/wp/v2/users?", Err(closed.clone())));
        let a = block_on(s.archive()).unwrap_or_else(|e| panic!("{closed:?}: {e:?}"));
        assert!(a.authors.is_empty());
        assert_eq!(a.categories, whole.categories);
    }
    // Any other failure still fails the archive (no silent half-site).
    let s = source_with(Override("/wp/v2/users?", Err(FetchError::Status(500))));
    assert_eq!(block_on(s.archive()).map(|_| ()), Err(FetchError::Status(500)));
}
