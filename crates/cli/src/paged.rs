//! The pages of an article the plan does not list: text pages 2, 3… of a
//! multi-page article and comment pages 2, 3… (`/article/<slug>/comments/
//! page/<n>`). The plan lists each article once (the article index knows
//! nothing of pages); a rendered page's links name the routes to render
//! next (page 1 links every text page and comment page 2, comment page n
//! links page n + 1), and a page left unrendered (inputs unchanged) keeps
//! the pages it had.

use std::collections::BTreeMap;

use kiosque_core::routes::Route;

/// The article's other pages that `route` links to in `html` (`base_path`:
/// the shell's `<base href>`). Empty for anything but an article's page 1
/// or a comment page.
pub fn linked_pages(route: &str, html: &str, base_path: &str) -> Vec<String> {
    let base = base_path.trim_end_matches('/');
    let linked = |path: &String| html.contains(&format!("href=\"{base}{path}\""));
    match Route::parse(route, "") {
        Some(Route::Article { slug, page: 1 }) => {
            let mut pages: Vec<String> = (2..)
                .map(|n| Route::article_page(slug.clone(), n).path())
                .take_while(linked)
                .collect();
            pages.extend(Some(Route::comments(slug, 2).path()).filter(linked));
            pages
        }
        Some(Route::Comments { slug, page }) => Some(Route::comments(slug, page.saturating_add(1)).path())
            .filter(linked)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The other pages of `route`'s article that `old` (last run's routes)
/// holds, when `route` is its page 1 or a comment page: a range of the
/// sorted map (`/article/a/…` sorts between `/article/a/` and
/// `/article/a0`), so a site of 100,000 articles pays a look-up each.
pub fn kept_pages<V>(route: &str, old: &BTreeMap<String, V>) -> Vec<String> {
    let slug = match Route::parse(route, "") {
        Some(Route::Article { slug, page: 1 } | Route::Comments { slug, .. }) => slug,
        _ => return Vec::new(),
    };
    let first = Route::article(slug.clone()).path();
    old.range(format!("{first}/")..format!("{first}0"))
        .map(|(r, _)| r)
        .filter(|r| r.as_str() != route)
        .filter(|r| match Route::parse(r, "") {
            Some(Route::Article { slug: s, page }) => s == slug && page > 1,
            Some(Route::Comments { slug: s, .. }) => s == slug,
            _ => false,
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_one_names_the_pages_it_links() {
        let html =
            r#"<nav><a href="/news/article/a/2">2</a><a href="/news/article/a/3">3</a><a href="/news/article/b/4">"#;
        assert_eq!(
            linked_pages("/article/a", html, "/news/"),
            vec!["/article/a/2", "/article/a/3"]
        );
        assert!(linked_pages("/article/a/2", html, "/news/").is_empty());
        assert!(linked_pages("/category/a", html, "/news/").is_empty());
        assert!(linked_pages("/article/a", html, "/").is_empty());
    }

    #[test]
    fn comment_pages_lead_one_to_the_next() {
        let first = r#"<a href="/article/a/2">2</a><a rel="next" href="/article/a/comments/page/2">"#;
        assert_eq!(
            linked_pages("/article/a", first, "/"),
            vec!["/article/a/2", "/article/a/comments/page/2"]
        );
        let second = r#"<a rel="prev" href="/article/a">‹</a><a rel="next" href="/article/a/comments/page/3">"#;
        assert_eq!(
            linked_pages("/article/a/comments/page/2", second, "/"),
            vec!["/article/a/comments/page/3"]
        );
        let last = r#"<a rel="prev" href="/article/a/comments/page/2">‹</a>"#;
        assert!(linked_pages("/article/a/comments/page/3", last, "/").is_empty());
        // Another article's comment page is not this one's.
        let other = r#"<a href="/article/b/comments/page/2">"#;
        assert!(linked_pages("/article/a", other, "/").is_empty());
    }

    #[test]
    fn an_unchanged_page_keeps_its_article_s_pages() {
        let old: BTreeMap<String, ()> = [
            "/article/a",
            "/article/a/2",
            "/article/a/3",
            "/article/a/comments/page/2",
            "/article/a/comments/page/3",
            "/article/ab/2",
            "/article/a-b/2",
            "/article/a-b/comments/page/2",
            "/",
        ]
        .into_iter()
        .map(|r| (r.to_string(), ()))
        .collect();
        assert_eq!(
            kept_pages("/article/a", &old),
            vec![
                "/article/a/2",
                "/article/a/3",
                "/article/a/comments/page/2",
                "/article/a/comments/page/3"
            ]
        );
        assert_eq!(
            kept_pages("/article/a/comments/page/2", &old),
            vec!["/article/a/2", "/article/a/3", "/article/a/comments/page/3"]
        );
        assert!(kept_pages("/article/a/2", &old).is_empty());
    }
}
