//! Old WordPress URLs → Kiosque canonical routes, for a site that moved from
//! a WordPress theme to Kiosque and keeps its inbound links working.
//!
//! `legacy_route(path, query)` answers:
//! - `Some("/…")`: redirect there (history entry replaced).
//! - `Some("wp:…")`, a **look-up marker** (never starts with `/`): the old
//!   URL names a numeric ID (`?p=123`, `?page_id=7`, `?cat=4`, `?author=2`)
//!   that only the backend can turn into a slug. Call
//!   [`super::WordPressSource::resolve_legacy`] with the marker; it answers the
//!   canonical route (or `NotFound`). The markers are `wp:p=<id>`,
//!   `wp:page_id=<id>`, `wp:cat=<id>[&paged=<n>]` and `wp:author=<id>[&paged=<n>]`;
//!   [`parse_marker`] reads them.
//! - `None`: nothing to do: already canonical, or not a WordPress URL Kiosque
//!   has a page for (admin, feeds, uploads, date archives).
//!
//! `/slug/` (WordPress's `/%postname%/`) maps to `/slug`, Kiosque's own
//! page-or-article route, which tries a page and then redirects to
//! `/article/slug`. `/slug/page/N/` (a page's archive pagination, e.g. the
//! posts page) also maps to `/slug`; a split post's part N (`/slug/N/`,
//! `/2026/11/28/slug/N/`, `?page=N` with either, `?p=ID&page=N`) to
//! `/article/slug/N`, the article's own page route (a page's part N, which
//! Kiosque does not split, is not told apart from a post's: it 404s);
//! `/category/x/page/N/`, `/tag/x/page/N/`, `/author/x/page/N/` and
//! `/page/N/` keep their page.

use super::links::{classify, route, Target};

/// Prefix of every look-up marker.
pub const MARKER_PREFIX: &str = "wp:";

/// See the module documentation.
pub fn legacy_route(path: &str, query: &str) -> Option<String> {
    let target = classify(path, query)?;
    let query_empty = query.trim_start_matches('?').is_empty();
    let out = match &target {
        Target::PostId(id, part) => with_page(format!("{MARKER_PREFIX}p={id}"), *part),
        Target::PageId(id) => format!("{MARKER_PREFIX}page_id={id}"),
        Target::CategoryId(id, page) => with_page(format!("{MARKER_PREFIX}cat={id}"), *page),
        Target::AuthorId(id, page) => with_page(format!("{MARKER_PREFIX}author={id}"), *page),
        // The bare home with a query Kiosque does not know (`/?utm_source=x`) is fine as it is.
        Target::Home(1) if !query_empty && classify(path, "") == Some(Target::Home(1)) => return None,
        other => route(other)?.path(),
    };
    (out != path || !query_empty).then_some(out)
}

fn with_page(marker: String, page: u32) -> String {
    if page > 1 {
        format!("{marker}&paged={page}")
    } else {
        marker
    }
}

/// A look-up marker's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A post, at part `page` of a split post.
    Post {
        id: u64,
        page: u32,
    },
    Page(u64),
    Category {
        id: u64,
        page: u32,
    },
    Author {
        id: u64,
        page: u32,
    },
}

/// Reads a marker made by [`legacy_route`]; `None` for anything else.
pub fn parse_marker(marker: &str) -> Option<Marker> {
    let rest = marker.strip_prefix(MARKER_PREFIX)?;
    let (head, paged) = match rest.split_once("&paged=") {
        Some((h, p)) => (h, crate::routes::parse_page(p)?),
        None => (rest, 1),
    };
    let (key, id) = head.split_once('=')?;
    let id: u64 = id.parse().ok().filter(|&n| n > 0)?;
    Some(match key {
        "p" => Marker::Post { id, page: paged },
        "page_id" => Marker::Page(id),
        "cat" => Marker::Category { id, page: paged },
        "author" => Marker::Author { id, page: paged },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(path: &str, query: &str) -> Option<String> {
        legacy_route(path, query)
    }

    #[test]
    fn date_and_postname_permalinks() {
        assert_eq!(r("/2026/11/28/some-post/", "").as_deref(), Some("/article/some-post"));
        assert_eq!(r("/2026/11/some-post/", "").as_deref(), Some("/article/some-post"));
        assert_eq!(
            r("/2026/11/28/some-post/2/", "").as_deref(),
            Some("/article/some-post/2")
        );
        assert_eq!(r("/2026/11/28/some-post/1/", "").as_deref(), Some("/article/some-post"));
        assert_eq!(r("/some-post/3/", "").as_deref(), Some("/article/some-post/3"));
        assert_eq!(r("/some-post/1/", "").as_deref(), Some("/some-post"));
        assert_eq!(r("/some-post/", "page=2").as_deref(), Some("/article/some-post/2"));
        assert_eq!(
            r("/2026/11/some-post/", "?page=4").as_deref(),
            Some("/article/some-post/4")
        );
        assert_eq!(
            r("/", "?name=some-post&page=2").as_deref(),
            Some("/article/some-post/2")
        );
        assert_eq!(r("/", "?p=12&page=2").as_deref(), Some("wp:p=12&paged=2"));
        assert_eq!(parse_marker("wp:p=12&paged=2"), Some(Marker::Post { id: 12, page: 2 }));
        assert_eq!(r("/some-post/", "page=x").as_deref(), Some("/some-post"));
        assert_eq!(r("/some-post/", "").as_deref(), Some("/some-post"));
        assert_eq!(r("/some-post", ""), None, "already Kiosque's route");
        assert_eq!(r("/article/some-post", ""), None);
        assert_eq!(r("/article/some-post/", "").as_deref(), Some("/article/some-post"));
    }

    #[test]
    fn archives() {
        assert_eq!(r("/category/x/", "").as_deref(), Some("/category/x"));
        assert_eq!(r("/category/parent/child/", "").as_deref(), Some("/category/child"));
        assert_eq!(r("/category/x/page/2/", "").as_deref(), Some("/category/x/page/2"));
        assert_eq!(r("/category/x/page/1/", "").as_deref(), Some("/category/x"));
        assert_eq!(r("/category/x", ""), None);
        assert_eq!(r("/tag/x/", "").as_deref(), Some("/tag/x"));
        assert_eq!(r("/tag/x/page/3/", "").as_deref(), Some("/tag/x/page/3"));
        assert_eq!(r("/author/x/", "").as_deref(), Some("/author/x"));
        assert_eq!(r("/page/2/", "").as_deref(), Some("/page/2"));
        assert_eq!(r("/page/2", ""), None);
        assert_eq!(r("/x/page/2/", "").as_deref(), Some("/x"), "a page's own pagination");
    }

    #[test]
    fn a_nested_pages_path_goes_to_its_flat_route() {
        assert_eq!(r("/guide/archives/", "").as_deref(), Some("/archives"));
        assert_eq!(r("/guide/archives/anciens/", "").as_deref(), Some("/anciens"));
        assert_eq!(
            r("/%d8%af%d9%84%d9%8a%d9%84/%d9%85%d9%86-%d9%86%d8%ad%d9%86/", "").as_deref(),
            Some("/%D9%85%D9%86-%D9%86%D8%AD%D9%86")
        );
        assert_eq!(r("/guide/wp-content/", ""), None);
        assert_eq!(
            r("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/", ""),
            None,
            "deeper than any page"
        );
    }

    #[test]
    fn query_urls() {
        assert_eq!(
            r("/", "?s=caf%C3%A9+noir").as_deref(),
            Some("/search?q=caf%C3%A9%20noir")
        );
        assert_eq!(r("/", "s=a%26b").as_deref(), Some("/search?q=a%26b"));
        assert_eq!(r("/", "?tag=eau").as_deref(), Some("/tag/eau"));
        assert_eq!(r("/", "?tag=eau&paged=2").as_deref(), Some("/tag/eau/page/2"));
        assert_eq!(r("/", "?category_name=a/b").as_deref(), Some("/category/b"));
        assert_eq!(r("/", "?author_name=k-o").as_deref(), Some("/author/k-o"));
        assert_eq!(r("/", "?paged=3").as_deref(), Some("/page/3"));
        assert_eq!(r("/", "?utm_source=x"), None);
        assert_eq!(r("/", ""), None);
        assert_eq!(r("/search/cafe/", "").as_deref(), Some("/search?q=cafe"));
    }

    #[test]
    fn ids_need_a_lookup() {
        assert_eq!(r("/", "?p=123").as_deref(), Some("wp:p=123"));
        assert_eq!(r("/index.php", "p=123").as_deref(), Some("wp:p=123"));
        assert_eq!(r("/", "?page_id=7").as_deref(), Some("wp:page_id=7"));
        assert_eq!(r("/", "?cat=4").as_deref(), Some("wp:cat=4"));
        assert_eq!(r("/", "?cat=4&paged=2").as_deref(), Some("wp:cat=4&paged=2"));
        assert_eq!(r("/", "?author=2").as_deref(), Some("wp:author=2"));
        assert_eq!(parse_marker("wp:p=123"), Some(Marker::Post { id: 123, page: 1 }));
        assert_eq!(
            parse_marker("wp:cat=4&paged=2"),
            Some(Marker::Category { id: 4, page: 2 })
        );
        assert_eq!(parse_marker("wp:author=2"), Some(Marker::Author { id: 2, page: 1 }));
        for bad in ["/p=1", "wp:p=0", "wp:p=x", "wp:zz=1", "wp:cat=1&paged=0", ""] {
            assert_eq!(parse_marker(bad), None, "{bad}");
        }
    }

    #[test]
    fn not_wordpress_content() {
        for (p, q) in [
            ("/wp-admin/", ""),
            ("/feed/", ""),
            ("/wp-content/uploads/2026/11/a.jpg", ""),
            ("/2026/11/28/", ""),
        ] {
            assert_eq!(r(p, q), None, "{p}");
        }
    }
}
