//! Pages 2, 3… of multi-page articles. The plan lists each article once
//! (the article index knows nothing of pages); page 1's rendering links
//! every other page, so those links name the routes to render next, and a
//! page 1 left unrendered (inputs unchanged) keeps the pages it had.

use std::collections::BTreeMap;

use kiosque_core::routes::Route;

/// The other pages that page 1 at `route` links to in `html` (`base_path`:
/// the shell's `<base href>`). Empty for anything but an article's page 1.
pub fn linked_pages(route: &str, html: &str, base_path: &str) -> Vec<String> {
    let Some(Route::Article { slug, page: 1 }) = Route::parse(route, "") else {
        return Vec::new();
    };
    let base = base_path.trim_end_matches('/');
    (2..)
        .map(|n| Route::article_page(slug.clone(), n).path())
        .take_while(|path| html.contains(&format!("href=\"{base}{path}\"")))
        .collect()
}

/// The pages after page 1 that `old` (last run's routes) holds for `route`:
/// a range of the sorted map (`/article/a/…` sorts between `/article/a/`
/// and `/article/a0`), so a site of 100,000 articles pays a look-up each.
pub fn kept_pages<V>(route: &str, old: &BTreeMap<String, V>) -> Vec<String> {
    let Some(Route::Article { slug, page: 1 }) = Route::parse(route, "") else {
        return Vec::new();
    };
    old.range(format!("{route}/")..format!("{route}0"))
        .map(|(r, _)| r)
        .filter(|r| matches!(Route::parse(r, ""), Some(Route::Article { slug: s, page }) if s == slug && page > 1))
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
    fn an_unchanged_page_one_keeps_its_pages() {
        let old: BTreeMap<String, ()> = [
            "/article/a",
            "/article/a/2",
            "/article/a/3",
            "/article/ab/2",
            "/article/a-b/2",
            "/",
        ]
        .into_iter()
        .map(|r| (r.to_string(), ()))
        .collect();
        assert_eq!(kept_pages("/article/a", &old), vec!["/article/a/2", "/article/a/3"]);
        assert!(kept_pages("/article/a/2", &old).is_empty());
    }
}
