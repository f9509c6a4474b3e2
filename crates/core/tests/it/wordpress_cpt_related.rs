//! A custom type's items in the related rails (`post_types[].in_related`),
//! on the test WordPress's `video` type and the post sharing its category
//! and tag (`scripts/wordpress/seed-cpt.php`); answers recorded under
//! `tests/fixtures/wordpress/cpt/related/` (`KIOSQUE_WP_RECORD=1` records
//! them from the live site).

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::model::Article;
use kiosque_core::source::wordpress::WordPressSource;

/// This file's recorded answers.
const RELATED: Recorded = Recorded("cpt/related/");

const POST: &str = "coulisses-des-videos-du-chott";
const VIDEO: &str = "video-chott-el-jerid-au-lever-du-jour";

fn source(allowed: &[&str]) -> WordPressSource {
    source_with(RELATED).with_related_types(allowed.iter().map(|t| t.to_string()).collect())
}

fn rail(a: &Article) -> Vec<(Option<&str>, &str)> {
    a.related
        .iter()
        .map(|r| (r.post_type.as_deref(), r.slug.as_str()))
        .collect()
}

#[test]
fn an_allowed_type_s_items_join_a_post_s_rail_best_first() {
    let a = block_on(source(&["videos"]).article(POST)).unwrap();
    let rail = rail(&a);
    // The video with the post's tag and category first, then the other videos
    // of the category; each marked with its type, so it links to /video/….
    assert_eq!(rail.first(), Some(&(Some("videos"), VIDEO)), "{rail:?}");
    assert_eq!(rail.iter().filter(|(t, _)| *t == Some("videos")).count(), 4, "{rail:?}");
}

#[test]
fn an_allowed_item_s_page_has_a_rail_of_posts_and_items() {
    let a = block_on(source(&["videos"]).type_item("videos", VIDEO)).unwrap();
    let rail = rail(&a);
    assert_eq!(
        rail.first(),
        Some(&(None, POST)),
        "the post shares tag and category: {rail:?}"
    );
    assert!(rail.iter().any(|(t, _)| *t == Some("videos")), "{rail:?}");
    assert!(!rail.contains(&(Some("videos"), VIDEO)), "never itself");
}

#[test]
fn a_type_not_allowed_stays_out_of_rails() {
    let a = block_on(source(&[]).article(POST)).unwrap();
    assert!(a.related.iter().all(|r| r.post_type.is_none()), "{:?}", rail(&a));
    let v = block_on(source(&[]).type_item("videos", VIDEO)).unwrap();
    assert!(v.related.is_empty(), "{:?}", rail(&v));
}
