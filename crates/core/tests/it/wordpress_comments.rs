//! The WordPress adapter's comments on recorded answers
//! (`tests/fixtures/wordpress/comments/`, seeded by
//! `scripts/wordpress/seed-comments.php`; record with
//! `KIOSQUE_WP_RECORD=1 cargo test -p kiosque-core --test it wordpress_comments::`).

use crate::wp_support::{block_on, source_with, Recorded};
use kiosque_core::http::FetchError;
use kiosque_core::model::{Block, Comment, CommentPage, Inline};
use kiosque_core::source::wordpress::comments::{DEFAULT_DEPTH, THREADS_PER_PAGE};

const OPEN: &str = "debat-commentaires-seed";
const CLOSED: &str = "commentaires-fermes-seed";

/// Answers from `fixtures/wordpress/comments/` (recording there first when recording).
const COMMENTS: Recorded = Recorded("comments/");

fn page(slug: &str, n: u32, depth: Option<u8>) -> Result<CommentPage, FetchError> {
    block_on(source_with(COMMENTS).comments(slug, n, depth)).map(|c| c.unwrap_or_else(|| panic!("no comments")))
}

fn text(c: &Comment) -> String {
    c.body
        .iter()
        .map(|b| match b {
            Block::Paragraph { content } => Inline::plain_text(content),
            _ => String::new(),
        })
        .collect()
}

/// Depth of the deepest reply under `c` (c itself: 1).
fn deepest(c: &Comment) -> usize {
    1 + c.replies.iter().map(deepest).max().unwrap_or(0)
}

fn all(c: &Comment) -> Vec<&Comment> {
    std::iter::once(c).chain(c.replies.iter().flat_map(all)).collect()
}

#[test]
fn first_page_holds_fifty_threads_oldest_first_with_the_total() {
    let p = page(OPEN, 1, None).unwrap();
    assert_eq!((p.page, p.total_pages, p.open), (1, 2, true));
    // 55 top-level + 5 replies in a chain + 14 hostile replies; no pingback,
    // trackback or held comment.
    assert_eq!(p.total, 74);
    assert_eq!(p.threads.len(), THREADS_PER_PAGE);
    assert_eq!(p.threads[0].author, "Lecteur 1");
    assert_eq!(p.threads[49].author, "Lecteur 50");
    let dates: Vec<i64> = p.threads.iter().map(|c| c.date.unix()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    let authors: Vec<&str> = p.threads.iter().flat_map(all).map(|c| c.author.as_str()).collect();
    assert!(
        !authors.iter().any(|a| a.contains("blog") || a.contains("attente")),
        "{authors:?}"
    );
}

#[test]
fn second_page_holds_the_rest_and_a_third_is_not_found() {
    let p = page(OPEN, 2, None).unwrap();
    assert_eq!(p.threads.len(), 5);
    assert_eq!(p.threads[0].author, "Lecteur 51");
    assert_eq!(page(OPEN, 3, None), Err(FetchError::NotFound));
}

#[test]
fn threads_stop_at_the_depth_and_keep_deeper_replies_at_the_deepest_level() {
    let p = page(OPEN, 1, None).unwrap();
    let first = &p.threads[0];
    assert_eq!(deepest(first), usize::from(DEFAULT_DEPTH));
    // Six levels seeded: none lost, the sixth shown beside the fifth.
    assert_eq!(all(first).len(), 6);
    let shallow = page(OPEN, 1, Some(2)).unwrap();
    assert_eq!(deepest(&shallow.threads[0]), 2);
    assert_eq!(all(&shallow.threads[0]).len(), 6);
    assert_eq!(shallow.threads[0].replies.len(), 5);
}

#[test]
fn author_links_avatars_and_bodies_are_checked() {
    let p = page(OPEN, 1, None).unwrap();
    let url = |i: usize| p.threads[i].author_url.as_ref().map(|u| u.as_str().to_string());
    assert_eq!(url(0).as_deref(), Some("https://example.org/lecteur-1"));
    assert_eq!(url(1), None, "javascript: refused");
    assert!(p.threads[0]
        .avatar
        .as_ref()
        .is_some_and(|a| a.as_str().contains("s=96")));
    assert_eq!(text(&p.threads[2]), "Commentaire numéro 3 : avis sur le débat.");
    // The hostile bodies (one a category of tests/hostile/vectors.json)
    // went through the body converter: paragraphs of text only, the words
    // around each payload kept.
    let hostile: Vec<&Comment> = p.threads[1].replies.iter().collect();
    assert_eq!(hostile.len(), 14);
    for c in hostile {
        assert!(
            c.body.iter().all(|b| matches!(b, Block::Paragraph { .. })),
            "{:?}",
            c.body
        );
        let id = c.author.trim_start_matches("Hostile ");
        let t = text(c);
        assert!(
            t.contains(&format!("Avant-{id}")) && t.contains(&format!("Après-{id}")),
            "{t}"
        );
    }
}

#[test]
fn closed_comments_are_read_and_say_closed() {
    let p = page(CLOSED, 1, None).unwrap();
    assert_eq!((p.open, p.total, p.threads.len()), (false, 1, 1));
}
