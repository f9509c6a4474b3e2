//! A custom type's item without any category, live from the test
//! WordPress (`seed-cpt.php`'s `video-sans-rubrique-…`; answers recorded
//! under `tests/fixtures/wordpress/cpt/nocat/`, `KIOSQUE_WP_RECORD=1`
//! records them): it is listed and read, with an empty category.

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::source::ListingRequest;

/// This file's recorded answers.
const NO_CATEGORY: Recorded = Recorded("cpt/nocat/");

const SLUG: &str = "video-sans-rubrique-les-salines-de-kerkennah";

#[test]
fn an_item_without_a_category_is_listed_and_read() {
    let source = source_with(NO_CATEGORY);
    let list = block_on(source.listing(&ListingRequest::PostType("videos".into()), 1)).unwrap();
    let card = list.articles.iter().find(|a| a.slug == SLUG).expect("listed");
    assert!(card.category.slug.is_empty(), "{card:?}");
    assert_eq!(list.total, 5, "with the four in a category");
    let item = block_on(source.type_item("videos", SLUG)).unwrap();
    assert_eq!(item.title, "Les salines de Kerkennah");
    assert!(item.category.slug.is_empty() && item.category_parents.is_empty());
    assert!(!item.body.is_empty());
}
