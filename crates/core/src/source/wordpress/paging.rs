//! Multi-page posts. WordPress 6.x's REST `content.rendered` holds every page
//! of a post, joined by the literal `<!--nextpage-->` marker (the block
//! editor's `wp:nextpage` comments are gone by then), and `?page=N` on a post
//! is the collection's page, not the post's: so the pages are read by
//! splitting the rendered content where WordPress itself splits it.

use super::map::{body, LinkContext};
use crate::model::Block;

const MARKER: &str = "<!--nextpage-->";

/// The body's blocks, all pages in order, and where each page after the
/// first starts. A page with nothing to show (a marker at the very start or
/// two in a row) is left out, as WordPress drops a leading empty page.
pub fn paged_body(html: &str, links: &LinkContext) -> (Vec<Block>, Vec<usize>) {
    let mut blocks = Vec::new();
    let mut starts = Vec::new();
    for part in html.split(MARKER) {
        let page = body(part, links);
        if page.is_empty() {
            continue;
        }
        if !blocks.is_empty() {
            starts.push(blocks.len());
        }
        blocks.extend(page);
    }
    (blocks, starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, PostFormat};
    use crate::source::search::blocks_text;
    use crate::source::wordpress::map::article;
    use crate::source::wordpress::wire::WpPost;

    fn wp(content: &str, extra: &str) -> Article {
        let json = format!(
            r#"{{"id":7,"slug":"s","date":"2020-06-15T10:00:00","title":{{"rendered":"T"}},
            "content":{content},"categories":[3]{extra},
            "_embedded":{{"wp:term":[[{{"id":3,"name":"C","slug":"c","taxonomy":"category"}}]]}}}}"#
        );
        let p: WpPost = serde_json::from_str(&json).unwrap();
        article(&p, &LinkContext::default(), 0, Vec::new()).unwrap()
    }

    #[test]
    fn rendered_pages_split_on_wordpress_markers() {
        let (blocks, starts) = paged_body(
            "<!--nextpage--><p>Un</p>\n<!--nextpage-->\n<p>Deux</p><p>Deux bis</p><!--nextpage--><!--nextpage--><p>Trois</p>",
            &LinkContext::default(),
        );
        assert_eq!(blocks.len(), 4);
        assert_eq!(starts, vec![1, 3]);
        let (blocks, starts) = paged_body("<p>Seule</p>", &LinkContext::default());
        assert_eq!((blocks.len(), starts.len()), (1, 0));
    }

    #[test]
    fn an_article_keeps_its_pages_and_hands_them_back() {
        let a = wp(
            r#"{"rendered":"<p>Un</p><!--nextpage--><p>Deux</p><!--nextpage--><p>Trois</p>"}"#,
            "",
        );
        let pages: Vec<String> = a.pages().iter().map(|p| blocks_text(p).trim().to_string()).collect();
        assert_eq!(pages, vec!["Un", "Deux", "Trois"]);
        // Outside data with nonsense starts still gives whole, non-empty pages.
        let mut odd = a.clone();
        odd.page_starts = vec![2, 1, 0, 99];
        assert_eq!(odd.pages().iter().map(|p| p.len()).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn protected_text_never_reaches_the_model() {
        let a = wp(r#"{"rendered":"<p>secret zanzibarite</p>","protected":true}"#, "");
        assert!(a.protected);
        assert!(a.body.is_empty() && a.page_starts.is_empty());
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("zanzibarite") && json.contains(r#""protected":true"#));
        let open = wp(r#"{"rendered":"<p>texte</p>"}"#, "");
        assert!(!open.protected && !serde_json::to_string(&open).unwrap().contains("protected"));
    }

    #[test]
    fn the_format_comes_from_wordpress() {
        assert_eq!(
            wp(r#"{"rendered":"<p>x</p>"}"#, r#","format":"aside""#).format,
            PostFormat::Aside
        );
        assert_eq!(
            wp(r#"{"rendered":"<p>x</p>"}"#, r#","format":"nouveau""#).format,
            PostFormat::Standard
        );
        assert_eq!(wp(r#"{"rendered":"<p>x</p>"}"#, "").format, PostFormat::Standard);
    }
}
