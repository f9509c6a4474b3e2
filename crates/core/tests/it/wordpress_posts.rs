//! Issue #19's post-level cases through the WordPress adapter, on answers
//! recorded from the test WordPress's `seed-wp-posts.php` posts into
//! `tests/fixtures/wordpress/wp-posts/` (record with `KIOSQUE_WP_RECORD=1`
//! while those posts are published; `scripts/wordpress/record.sh` does it).

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::model::Article;
use kiosque_core::source::search::blocks_text;

/// The recorded answers of this file live in their own directory.
const POST_CASES: Recorded = Recorded("wp-posts/");

fn article(slug: &str) -> Article {
    block_on(source_with(POST_CASES).article(slug)).unwrap_or_else(|e| panic!("{slug}: {e:?}"))
}

fn page_texts(a: &Article) -> Vec<String> {
    a.pages().iter().map(|p| blocks_text(p)).collect()
}

#[test]
fn a_three_page_post_keeps_its_three_pages() {
    let a = article("article-en-trois-pages");
    let pages = page_texts(&a);
    assert_eq!(pages.len(), 3, "{pages:?}");
    for (page, word) in pages.iter().zip(["Première", "Deuxième", "Troisième"]) {
        assert!(page.contains(word), "{word} not in {page}");
        assert_eq!(page.matches("page du récit").count(), 1, "{page}");
    }
}

#[test]
fn a_protected_post_has_a_title_and_no_text() {
    let a = article("article-protege");
    assert!(a.protected);
    assert_eq!(a.title, "Note réservée aux abonnés du kiosque");
    assert!(a.body.is_empty() && a.standfirst.is_empty());
    assert!(!serde_json::to_string(&a).unwrap().contains("zanzibarite"));
}

#[test]
fn comment_counts_leave_out_pingbacks_and_trackbacks() {
    // Two comments, a pingback and a trackback: WordPress's comments route
    // answers `type=comment` by default, so the total is 2.
    assert_eq!(article("article-retroliens").comment_count, 2);
}

#[test]
fn the_more_tag_cuts_the_listing_text_and_the_body_keeps_everything() {
    let a = article("article-balise-more");
    assert_eq!(
        a.standfirst, "",
        "the excerpt before <!--more--> repeats the body's opening: not printed above it"
    );
    let text = blocks_text(&a.body);
    assert!(
        text.contains("Avant la coupure") && text.contains("Après la coupure"),
        "{text}"
    );
}

#[test]
fn an_untitled_aside_gets_its_opening_words_as_title() {
    let a = article("format-aside");
    assert_eq!(a.title, "Une brève sans titre, comme une note en marge du…");
}

#[test]
fn the_password_unlocks_the_text_and_a_wrong_one_does_not() {
    let wp = source_with(POST_CASES);
    let (blocks, starts) = block_on(wp.unlock("article-protege", "kiosque")).unwrap().unwrap();
    assert!(blocks_text(&blocks).contains("zanzibarite") && starts.is_empty());
    assert_eq!(block_on(wp.unlock("article-protege", "faux")).unwrap(), None);
}
