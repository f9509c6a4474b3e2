//! Search over posts and the configured custom types (`search.rs`), on
//! the test WordPress's `video` type (`scripts/wordpress/seed-cpt.php`);
//! answers recorded under `tests/fixtures/wordpress/search-types/`
//! (`KIOSQUE_WP_RECORD=1` records them from the live site).

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::source::wordpress::WordPressSource;

const SEARCH: Recorded = Recorded("search-types/");

fn source(types: &[&str]) -> WordPressSource {
    source_with(SEARCH).with_search_types(types.iter().map(|t| t.to_string()).collect())
}

fn hits(s: &WordPressSource, q: &str, page: u32, per_page: usize) -> (Vec<(Option<String>, String)>, usize, u32) {
    let r = block_on(s.search(q, page, per_page)).unwrap();
    let hits = r.articles.into_iter().map(|a| (a.post_type, a.slug)).collect();
    (hits, r.total, r.total_pages)
}

#[test]
fn a_configured_type_s_items_are_found_with_the_posts_marked_with_their_type() {
    let (found, total, _) = hits(&source(&["videos"]), "chott", 1, 10);
    assert!(
        found.contains(&(Some("videos".into()), "video-chott-el-jerid-au-lever-du-jour".into())),
        "{found:?}"
    );
    assert!(found.iter().any(|(t, _)| t.is_none()), "posts too: {found:?}");
    // WordPress's count covers both, and every hit became a card.
    assert_eq!(total, found.len(), "{found:?}");
}

#[test]
fn an_item_only_the_type_holds_is_found_and_pages_are_counted_together() {
    let (found, total, _) = hits(&source(&["videos"]), "repérages", 1, 10);
    assert_eq!(
        found,
        vec![(Some("videos".into()), "video-galerie-classique-reperages".into())]
    );
    assert_eq!(total, 1);
    // One hit per page: page 2 of "chott" is the second hit, counted as the first page was.
    let (first, total, pages) = hits(&source(&["videos"]), "chott", 1, 10);
    let (second, _, _) = hits(&source(&["videos"]), "chott", 2, 1);
    assert_eq!(second.first(), first.get(1));
    assert!(pages >= 1 && total >= 2);
}

#[test]
fn without_types_only_posts_are_searched() {
    let (found, _, _) = hits(&source(&[]), "chott", 1, 10);
    assert!(!found.is_empty());
    assert!(found.iter().all(|(t, _)| t.is_none()), "{found:?}");
}
