//! WordPress URL shapes → Kiosque routes. Shared by the link rewriting in
//! article bodies (`map`) and by old-URL redirects (`legacy`). Pure.

use crate::routes::{self, Route};
use crate::source::checked_slug;

/// What a WordPress URL points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A post: `/2026/11/28/slug/`, `/2026/11/slug/`, `?name=slug`, `/article/slug`.
    Article(String),
    /// `/%postname%/`: a post or a page, which only the backend knows.
    Slug(String),
    /// Part N ≥ 2 of a split post (`<!--nextpage-->`): `/slug/2/`,
    /// `/2026/11/28/slug/2/`, `/slug/?page=2`, `?name=slug&page=2`. Only a
    /// post has parts Kiosque shows; a page's part N reads as the page.
    Part(String, u32),
    /// `/parent/child/`: a hierarchical page's path (its last segment), or
    /// any other path of plain segments; never a post.
    NestedPage(String),
    /// The home archive, page N.
    Home(u32),
    Category(String, u32),
    Tag(String, u32),
    Author(String, u32),
    Search(String),
    /// `?p=ID` (and `&page=N`, its part): needs a look-up.
    PostId(u64, u32),
    /// `?page_id=ID`: needs a look-up.
    PageId(u64),
    /// `?cat=ID`: needs a look-up.
    CategoryId(u64, u32),
    /// `?author=ID`: needs a look-up.
    AuthorId(u64, u32),
}

/// First path segments that are never a post or a page.
const RESERVED: [&str; 12] = [
    "wp-admin",
    "wp-content",
    "wp-includes",
    "wp-json",
    "wp-login.php",
    "wp-signup.php",
    "xmlrpc.php",
    "feed",
    "comments",
    "embed",
    "trackback",
    "index.php",
];

pub use routes::percent_decode;

/// A path segment as a checked slug: decoded (WordPress keeps non-Latin
/// slugs percent-encoded) and lowercased.
pub fn slug_of(segment: &str) -> Option<String> {
    let decoded = percent_decode(segment, false)?.to_lowercase();
    checked_slug(&decoded).ok().map(str::to_string)
}

fn is_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

fn page_number(s: &str) -> Option<u32> {
    routes::parse_page(s)
}

/// Query pairs, decoded.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Some((percent_decode(k, true)?, percent_decode(v, true)?))
        })
        .collect()
}

/// Classifies a site-relative WordPress path and query. `None`: not a
/// WordPress content URL Kiosque has a route for (admin, feeds, uploads,
/// date archives…).
pub fn classify(path: &str, query: &str) -> Option<Target> {
    let mut segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // A trailing `/page/N` (archives) or `/N` (a post's `<!--nextpage-->` part).
    let mut page = 1;
    if segs.len() >= 2 && segs[segs.len() - 2] == "page" {
        page = page_number(segs[segs.len() - 1])?;
        segs.truncate(segs.len() - 2);
    }
    let pairs = query_pairs(query);
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    if let Some(p) = get("paged").and_then(page_number) {
        page = p;
    }
    // `?page=N`: a split post's part (WordPress's own query variable).
    let part = get("page").and_then(page_number).unwrap_or(1);
    if segs.is_empty() || segs == ["index.php"] {
        return classify_query(&get, page, part);
    }
    let target = classify_path(&segs, page)?;
    Some(match target {
        Target::Article(s) | Target::Slug(s) if part > 1 => Target::Part(s, part),
        t => t,
    })
}

/// [`classify`] for a path of segments (its `/page/N` taken off as `page`).
fn classify_path(segs: &[&str], page: u32) -> Option<Target> {
    // `/slug/N/` and `/2026/11/28/slug/N/`: part N of a split post.
    let part_of = |n: &str| page_number(n).filter(|&n| n > 1);
    match segs {
        ["category", .., last] => Some(Target::Category(slug_of(last)?, page)),
        ["tag", t] => Some(Target::Tag(slug_of(t)?, page)),
        ["author", a] => Some(Target::Author(slug_of(a)?, page)),
        ["search", q] => Some(Target::Search(percent_decode(q, true)?)),
        ["article", s] if page == 1 => Some(Target::Article(slug_of(s)?)),
        [y, m, d, s, rest @ ..]
            if is_digits(y, 4)
                && is_digits(m, 2)
                && is_digits(d, 2)
                && rest.len() <= 1
                && rest.iter().all(|n| page_number(n).is_some()) =>
        {
            match rest.first().and_then(|n| part_of(n)) {
                Some(n) => Some(Target::Part(slug_of(s)?, n)),
                None => Some(Target::Article(slug_of(s)?)),
            }
        }
        [y, m, s] if is_digits(y, 4) && is_digits(m, 2) && !s.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Target::Article(slug_of(s)?))
        }
        // `/x/page/N/` is a page's archive pagination (the posts page, say):
        // Kiosque's `/x` has no pages, so it goes to `/x`.
        [s] if !RESERVED.contains(s) && !s.bytes().all(|b| b.is_ascii_digit()) => Some(Target::Slug(slug_of(s)?)),
        // `/%postname%/2/`: the second part of a paginated post.
        [s, n] if !RESERVED.contains(s) && page_number(n).is_some() => match part_of(n) {
            Some(n) => Some(Target::Part(slug_of(s)?, n)),
            None => Some(Target::Slug(slug_of(s)?)),
        },
        // `/parent/child/`: a hierarchical page's WordPress path. Kiosque's
        // page route is flat (`/child`), as WordPress keeps page slugs unique
        // under one parent and Kiosque asks by slug.
        [.., last] if segs.len() <= PAGE_PATH_MAX && segs.iter().all(|s| is_page_segment(s)) => {
            Some(Target::NestedPage(slug_of(last)?))
        }
        _ => None,
    }
}

/// Longer page paths are not read (`tree::MAX_DEPTH` parents and the page).
const PAGE_PATH_MAX: usize = 17;

/// A segment of a page's path: not a WordPress directory, not a number.
fn is_page_segment(s: &str) -> bool {
    !RESERVED.contains(&s) && !s.bytes().all(|b| b.is_ascii_digit())
}

fn classify_query<'a>(get: &dyn Fn(&str) -> Option<&'a str>, page: u32, part: u32) -> Option<Target> {
    let id = |k: &str| get(k).and_then(|v| v.trim().parse::<u64>().ok()).filter(|&n| n > 0);
    if let Some(q) = get("s") {
        return Some(Target::Search(q.to_string()));
    }
    if let Some(n) = id("p") {
        return Some(Target::PostId(n, part));
    }
    if let Some(n) = id("page_id") {
        return Some(Target::PageId(n));
    }
    if let Some(s) = get("name") {
        let s = slug_of(s)?;
        return Some(if part > 1 {
            Target::Part(s, part)
        } else {
            Target::Article(s)
        });
    }
    if let Some(s) = get("pagename") {
        return Some(Target::Slug(slug_of(s.rsplit('/').find(|p| !p.is_empty())?)?));
    }
    if let Some(n) = id("cat") {
        return Some(Target::CategoryId(n, page));
    }
    if let Some(s) = get("category_name") {
        return Some(Target::Category(slug_of(s.rsplit('/').find(|p| !p.is_empty())?)?, page));
    }
    if let Some(s) = get("tag") {
        return Some(Target::Tag(slug_of(s.split([',', '+']).next()?)?, page));
    }
    if let Some(n) = id("author") {
        return Some(Target::AuthorId(n, page));
    }
    if let Some(s) = get("author_name") {
        return Some(Target::Author(slug_of(s)?, page));
    }
    Some(Target::Home(page))
}

/// An article's WordPress "day and name" permalink, `/2026/11/28/slug/`,
/// from its publication date as WordPress wrote it (its local date: the
/// offset is kept) and its slug; what [`classify`] reads back as
/// [`Target::Article`]. `None` for an unusable date or slug.
pub fn dated_permalink(published: &crate::model::Timestamp, slug: &str) -> Option<String> {
    let date = published.as_str().get(..10)?;
    let (y, rest) = date.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let ok = is_digits(y, 4) && is_digits(m, 2) && is_digits(d, 2);
    // Percent-encoded, as a browser sends it (and `Route::path` writes paths).
    (ok && checked_slug(slug).is_ok()).then(|| format!("/{y}/{m}/{d}/{}/", crate::routes::encode_component(slug)))
}

/// The canonical Kiosque route of a target that needs no look-up.
pub fn route(t: &Target) -> Option<Route> {
    Some(match t {
        Target::Article(s) => Route::article(s.clone()),
        Target::Slug(s) | Target::NestedPage(s) => Route::page(s.clone()),
        Target::Part(s, n) => Route::article_page(s.clone(), *n),
        Target::Home(p) => Route::home(*p),
        Target::Category(s, p) => Route::category(s.clone(), *p),
        Target::Tag(s, p) => Route::tag(s.clone(), *p),
        Target::Author(s, p) => Route::author(s.clone(), *p),
        Target::Search(q) => Route::search(q.clone(), 1),
        Target::PostId(..) | Target::PageId(_) | Target::CategoryId(..) | Target::AuthorId(..) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let c = |p: &str| classify(p, "");
        assert_eq!(c("/2026/11/28/le-post/"), Some(Target::Article("le-post".into())));
        assert_eq!(c("/2026/11/le-post/"), Some(Target::Article("le-post".into())));
        assert_eq!(c("/2026/11/28/"), None);
        assert_eq!(c("/2026/"), None);
        assert_eq!(c("/category/a/b/page/3/"), Some(Target::Category("b".into(), 3)));
        assert_eq!(c("/tag/eau/"), Some(Target::Tag("eau".into(), 1)));
        assert_eq!(c("/author/k-o/page/2"), Some(Target::Author("k-o".into(), 2)));
        assert_eq!(c("/a-propos/"), Some(Target::Slug("a-propos".into())));
        assert_eq!(c("/long-post/2/"), Some(Target::Part("long-post".into(), 2)));
        assert_eq!(c("/long-post/1/"), Some(Target::Slug("long-post".into())));
        assert_eq!(c("/2026/11/28/le-post/3"), Some(Target::Part("le-post".into(), 3)));
        assert_eq!(
            classify("/long-post/", "page=2"),
            Some(Target::Part("long-post".into(), 2))
        );
        assert_eq!(classify("/a/b/", "page=2"), Some(Target::NestedPage("b".into())));
        assert_eq!(
            route(&Target::Part("x".into(), 2)).map(|r| r.path()).as_deref(),
            Some("/article/x/2")
        );
        assert_eq!(c("/actualites/page/2/"), Some(Target::Slug("actualites".into())));
        assert_eq!(c("/page/2/"), Some(Target::Home(2)));
        assert_eq!(c("/%D8%B3%D9%84%D8%A7%D9%85/"), Some(Target::Slug("سلام".into())));
        assert_eq!(c("/a/b/c/"), Some(Target::NestedPage("c".into())));
        for none in [
            "/wp-admin/",
            "/feed/",
            "/wp-content/uploads/a.pdf",
            "/x/feed/",
            "/page/0/",
            "/%ZZ/",
        ] {
            assert_eq!(c(none), None, "{none}");
        }
    }

    #[test]
    fn dated_permalinks_round_trip() {
        let t = |s: &str| crate::model::Timestamp::parse(s).unwrap();
        // The local date, not the UTC one: 00:30 in Algiers is still the 27th in UTC.
        let p = dated_permalink(&t("2026-11-28T00:30:00+01:00"), "le-post").unwrap();
        assert_eq!(p, "/2026/11/28/le-post/");
        assert_eq!(classify(&p, ""), Some(Target::Article("le-post".into())));
        assert_eq!(
            classify(p.trim_end_matches('/'), ""),
            Some(Target::Article("le-post".into()))
        );
        assert_eq!(dated_permalink(&t("2026-11-28T00:30:00Z"), "../x"), None);
        assert_eq!(dated_permalink(&t("2026-11-28T00:30:00Z"), "a b"), None);
    }

    #[test]
    fn query_shapes() {
        let q = |s: &str| classify("/", s);
        assert_eq!(q("?p=12"), Some(Target::PostId(12, 1)));
        assert_eq!(q("?p=12&page=3"), Some(Target::PostId(12, 3)));
        assert_eq!(q("page_id=3"), Some(Target::PageId(3)));
        assert_eq!(q("?s=caf%C3%A9+noir"), Some(Target::Search("café noir".into())));
        assert_eq!(q("?cat=4&paged=2"), Some(Target::CategoryId(4, 2)));
        assert_eq!(q("?tag=eau"), Some(Target::Tag("eau".into(), 1)));
        assert_eq!(q("?author=2"), Some(Target::AuthorId(2, 1)));
        assert_eq!(q("?name=x"), Some(Target::Article("x".into())));
        assert_eq!(q("?p=abc"), Some(Target::Home(1)));
        assert_eq!(q(""), Some(Target::Home(1)));
        assert_eq!(classify("/index.php", "p=7"), Some(Target::PostId(7, 1)));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b+c", true).as_deref(), Some("a b c"));
        assert_eq!(percent_decode("a+b", false).as_deref(), Some("a+b"));
        assert_eq!(percent_decode("%e9", false), None);
        assert_eq!(percent_decode("%4", false), None);
    }
}
