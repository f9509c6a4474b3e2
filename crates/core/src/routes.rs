//! Canonical routes, in WordPress's own shapes so CDNs can serve prerendered
//! pages by path. Every link in the app is built here.
//!
//! Routes are relative to the bundle's base path (`""` at the root of a host,
//! `/news` for a deploy under `https://host/news/`). [`with_base`] turns a
//! route into the `href` the browser follows; [`within_base`] turns the
//! browser's path back into a route.

/// The path of the bundle's base URL without its trailing slash: `""` for
/// `https://host/`, `/news` for `https://host/news/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map(|(_, r)| r).unwrap_or(base_url);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

/// The `href` of a site-relative URL (a route, or a file such as
/// `/media/x.jpg`) for a bundle served under `base` (a [`base_path`]):
/// `/article/x` becomes `/news/article/x`, the home `/` becomes `/news/`.
/// Anything else (`https://…`, `//host/…`, `#id`, `mailto:…`) is unchanged.
pub fn with_base(base: &str, url: &str) -> String {
    if base.is_empty() || !url.starts_with('/') || url.starts_with("//") {
        return url.to_string();
    }
    format!("{base}{url}")
}

/// The route of a browser path under `base` (a [`base_path`]):
/// `/news/article/x` is `/article/x`, `/news` and `/news/` are `/`. A path
/// outside the base is returned as it is.
pub fn within_base<'a>(base: &str, path: &'a str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if !base.is_empty() && rest.starts_with('/') => rest,
        _ => path,
    }
}

/// `/article/<slug>`
pub fn article(slug: &str) -> String {
    format!("/article/{slug}")
}

fn paged(prefix: &str, page: u32) -> String {
    match (prefix, page) {
        ("", 0 | 1) => "/".to_string(),
        ("", n) => format!("/page/{n}"),
        (p, 0 | 1) => p.to_string(),
        (p, n) => format!("{p}/page/{n}"),
    }
}

/// `/` or `/page/<n>` (the home archive).
pub fn home(page: u32) -> String {
    paged("", page)
}

pub fn category(slug: &str, page: u32) -> String {
    paged(&format!("/category/{slug}"), page)
}

pub fn tag(slug: &str, page: u32) -> String {
    paged(&format!("/tag/{slug}"), page)
}

pub fn author(slug: &str, page: u32) -> String {
    paged(&format!("/author/{slug}"), page)
}

pub fn search(query: &str) -> String {
    format!("/search?q={}", encode_component(query))
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Parses a page number from a route or query (`"2"`). Page 0, junk or
/// absurd values are not pages.
pub fn parse_page(raw: &str) -> Option<u32> {
    let n: u32 = raw.trim().parse().ok()?;
    (1..=100_000).contains(&n).then_some(n)
}

/// Whether `path` has the shape of one of Kiosque's own routes (so it is
/// never read as an old WordPress URL).
pub fn is_kiosque_route(path: &str) -> bool {
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let page = |s: &str| parse_page(s).is_some();
    match segs.as_slice() {
        [""] | ["search"] => true,
        ["page" | "search", n] | ["search", "page", n] => page(n) || *n == "page",
        ["article" | "category" | "tag" | "author", slug] => !slug.is_empty(),
        ["category" | "tag" | "author", slug, "page", n] => !slug.is_empty() && page(n),
        [slug] => !slug.is_empty(),
        _ => false,
    }
}

/// Where a non-canonical URL should go instead (history entry replaced):
/// `?page=N` becomes `/…/page/N`, `/…/page/1` becomes `/…`, and a trailing
/// slash is dropped. `None` when the URL is already canonical.
pub fn canonical_redirect(path: &str, query: &str) -> Option<String> {
    let mut page_param = None;
    let mut rest = Vec::new();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        match pair.strip_prefix("page=") {
            Some(v) if page_param.is_none() => page_param = Some(parse_page(v).unwrap_or(1)),
            _ => rest.push(pair),
        }
    }
    let trimmed = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
    // Split off an existing `/page/N` suffix.
    let (base, current) = match trimmed.rsplit_once("/page/") {
        Some((b, n)) if parse_page(n).is_some() => (b, parse_page(n)),
        _ => (trimmed, None),
    };
    let page = page_param.or(current).unwrap_or(1);
    let mut target = if base.is_empty() || base == "/" {
        home(page)
    } else {
        paged(base, page)
    };
    if !rest.is_empty() {
        target.push('?');
        target.push_str(&rest.join("&"));
    }
    let original = if query.trim_start_matches('?').is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.trim_start_matches('?'))
    };
    (target != original).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_canonical_paths() {
        assert_eq!(article("a-b"), "/article/a-b");
        assert_eq!(home(1), "/");
        assert_eq!(home(3), "/page/3");
        assert_eq!(category("economie", 1), "/category/economie");
        assert_eq!(category("economie", 2), "/category/economie/page/2");
        assert_eq!(tag("eau", 4), "/tag/eau/page/4");
        assert_eq!(author("leila-benali", 1), "/author/leila-benali");
        assert_eq!(search("économie & co"), "/search?q=%C3%A9conomie%20%26%20co");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("http://127.0.0.1:8080/"), "");
        assert_eq!(base_path("https://h.com"), "");
        assert_eq!(base_path("https://h.com/news/"), "/news");
        assert_eq!(base_path("https://h.com/a/b/?x#y"), "/a/b");
        assert_eq!(base_path("/news/"), "/news");
    }

    #[test]
    fn hrefs_get_the_base_path() {
        assert_eq!(with_base("", "/article/x"), "/article/x");
        assert_eq!(with_base("", "/"), "/");
        assert_eq!(with_base("/news", "/article/x"), "/news/article/x");
        assert_eq!(with_base("/news", &category("eco", 2)), "/news/category/eco/page/2");
        assert_eq!(with_base("/news", &search("a b")), "/news/search?q=a%20b");
        assert_eq!(with_base("/news", "/"), "/news/");
        assert_eq!(with_base("/news", "/media/a-480.jpg"), "/news/media/a-480.jpg");
        for other in [
            "https://ext.example/x",
            "http://x.example",
            "//cdn.example/a.jpg",
            "#main",
            "mailto:a@b.c",
            "media/x.jpg",
        ] {
            assert_eq!(with_base("/news", other), other);
        }
    }

    #[test]
    fn browser_paths_become_routes() {
        assert_eq!(within_base("", "/article/x"), "/article/x");
        assert_eq!(within_base("/news", "/news/article/x"), "/article/x");
        assert_eq!(within_base("/news", "/news/article/x/"), "/article/x/");
        assert_eq!(within_base("/news", "/news"), "/");
        assert_eq!(within_base("/news", "/news/"), "/");
        assert_eq!(within_base("/news", "/newsroom/x"), "/newsroom/x");
        assert_eq!(within_base("/news", "/other"), "/other");
        for route in ["/", "/article/x", "/category/eco/page/2", "/a-propos"] {
            assert_eq!(within_base("/news", &with_base("/news", route)), route);
        }
    }

    #[test]
    fn page_numbers_are_strict() {
        assert_eq!(parse_page("2"), Some(2));
        for bad in ["0", "-1", "x", "", "99999999999", "1e3"] {
            assert_eq!(parse_page(bad), None, "{bad}");
        }
    }

    #[test]
    fn non_canonical_urls_redirect() {
        assert_eq!(
            canonical_redirect("/category/sport", "page=2").as_deref(),
            Some("/category/sport/page/2")
        );
        assert_eq!(canonical_redirect("/", "?page=3").as_deref(), Some("/page/3"));
        assert_eq!(canonical_redirect("/", "page=1").as_deref(), Some("/"));
        assert_eq!(
            canonical_redirect("/category/sport/page/2", "page=5").as_deref(),
            Some("/category/sport/page/5")
        );
        assert_eq!(canonical_redirect("/tag/eau/page/1", "").as_deref(), Some("/tag/eau"));
        assert_eq!(canonical_redirect("/page/1", "").as_deref(), Some("/"));
        assert_eq!(canonical_redirect("/article/x/", "").as_deref(), Some("/article/x"));
        assert_eq!(
            canonical_redirect("/search", "q=eau&page=2").as_deref(),
            Some("/search/page/2?q=eau")
        );
        assert_eq!(
            canonical_redirect("/category/sport", "page=abc").as_deref(),
            Some("/category/sport")
        );
    }

    #[test]
    fn kiosque_route_shapes() {
        for p in [
            "/",
            "/page/2",
            "/search",
            "/article/x",
            "/category/a/page/3",
            "/tag/t",
            "/author/a/page/2",
            "/a-propos",
        ] {
            assert!(is_kiosque_route(p), "{p}");
        }
        for p in [
            "/2026/11/28/x/",
            "/2026/11/28/x",
            "/category/a/b/",
            "/a/",
            "/category/",
            "/wp-admin/x.php",
        ] {
            assert!(!is_kiosque_route(p), "{p}");
        }
    }

    #[test]
    fn canonical_urls_stay() {
        for (p, q) in [
            ("/", ""),
            ("/page/2", ""),
            ("/category/sport/page/2", ""),
            ("/search", "q=eau"),
            ("/article/x", ""),
        ] {
            assert_eq!(canonical_redirect(p, q), None, "{p}?{q}");
        }
    }
}
