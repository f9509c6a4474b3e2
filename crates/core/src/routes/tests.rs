//! Route formatting and parsing: every variant round-trips, `parse` never
//! panics on arbitrary input, and what it accepts formats canonically.

use super::*;

#[test]
fn builds_canonical_paths() {
    assert_eq!(Route::article("a-b").path(), "/article/a-b");
    assert_eq!(Route::article_page("a-b", 1).path(), "/article/a-b");
    assert_eq!(Route::article_page("a-b", 3).path(), "/article/a-b/3");
    assert_eq!(Route::home(1).path(), "/");
    assert_eq!(Route::home(3).path(), "/page/3");
    assert_eq!(Route::category("economie", 1).path(), "/category/economie");
    assert_eq!(Route::category("economie", 2).path(), "/category/economie/page/2");
    assert_eq!(Route::tag("eau", 4).path(), "/tag/eau/page/4");
    assert_eq!(Route::author("leila-benali", 1).path(), "/author/leila-benali");
    assert_eq!(
        Route::search("économie & co", 1).path(),
        "/search?q=%C3%A9conomie%20%26%20co"
    );
    assert_eq!(Route::search("eau", 2).path(), "/search/page/2?q=eau");
    assert_eq!(Route::search("", 1).path(), "/search");
    assert_eq!(Route::page("a-propos").path(), "/a-propos");
}

#[test]
fn feeds_sit_beside_their_listing_and_are_not_routes() {
    assert_eq!(Route::home(2).feed_path().as_deref(), Some("/feed.xml"));
    let feed = Route::category("eco", 3).feed_path().unwrap();
    assert_eq!(feed, "/category/eco/feed.xml");
    assert_eq!(Route::parse(&feed, ""), None, "a file, never a page");
    assert_eq!(Route::tag("eau", 1).feed_path(), None);
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
    assert_eq!(
        with_base("/news", &Route::category("eco", 2).path()),
        "/news/category/eco/page/2"
    );
    assert_eq!(
        with_base("/news", &Route::search("a b", 1).path()),
        "/news/search?q=a%20b"
    );
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

/// Every variant, including non-Latin slugs and awkward queries.
fn samples() -> Vec<Route> {
    vec![
        Route::home(1),
        Route::home(7),
        Route::article("un-titre"),
        Route::preview(268),
        Route::preview_page(268, 2),
        Route::page_preview(268),
        Route::article("سلام"),
        Route::article_page("un-titre", 2),
        Route::article_page("سلام", 3),
        Route::comments("un-titre", 2),
        Route::comments("سلام", 31),
        Route::category("economie", 1),
        Route::category("été_2026", 12),
        Route::tag("eau", 1),
        Route::tag("eau", 3),
        Route::author("leila-benali", 1),
        Route::author("k-o", 100_000),
        Route::search("café noir & co/2?#", 1),
        Route::search("eau", 4),
        Route::search("", 1),
        Route::page("a-propos"),
        Route::page("page"),
    ]
}

#[test]
fn every_variant_round_trips() {
    for route in samples() {
        let path = route.path();
        let (p, q) = path.split_once('?').unwrap_or((&path, ""));
        assert_eq!(Route::parse(p, q), Some(route.clone()), "{path}");
        assert_eq!(canonical_redirect(p, q), None, "{path} is canonical");
        // Under a base path too.
        let href = with_base("/news", &path);
        let (hp, _) = href.split_once('?').unwrap_or((&href, ""));
        assert_eq!(Route::parse(within_base("/news", hp), q), Some(route), "{href}");
    }
}

/// Non-Latin slugs are written as a browser sends them (`location.pathname`),
/// so the prerender stamp, canonical URLs and links agree with the address bar.
#[test]
fn non_latin_slugs_are_percent_encoded_and_round_trip() {
    let arabic = Route::category("رياضة", 2);
    assert_eq!(arabic.path(), "/category/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9/page/2");
    assert_eq!(Route::parse(&arabic.path(), ""), Some(arabic.clone()));
    assert_eq!(
        arabic.feed_path().as_deref(),
        Some("/category/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9/feed.xml")
    );
    assert_eq!(Route::article("été").path(), "/article/%C3%A9t%C3%A9");
    assert!(Route::article("été").path().starts_with(&Route::article_prefix()));
    assert_eq!(Route::article_prefix(), "/article/");
    assert_eq!(Route::page("à-propos").path(), "/%C3%A0-propos");
    // ASCII slugs are unchanged.
    assert_eq!(Route::tag("eau_potable-2", 1).path(), "/tag/eau_potable-2");
    // The encoded form is canonical: no redirect loop from the address bar.
    assert_eq!(canonical_redirect("/article/%C3%A9t%C3%A9", ""), None);
}

#[test]
fn lenient_forms_parse_to_the_canonical_route() {
    assert_eq!(Route::parse("/article/x/", ""), Some(Route::article("x")));
    // Comment pages: the first is the article itself.
    assert_eq!(Route::comments("x", 3).path(), "/article/x/comments/page/3");
    assert_eq!(
        Route::parse("/article/x/comments/page/1", ""),
        Some(Route::article("x"))
    );
    assert_eq!(
        canonical_redirect("/article/x/comments/page/1", "").as_deref(),
        Some("/article/x")
    );
    assert_eq!(Route::comments("x", 3).with_page(1), Route::article("x"));
    assert_eq!(Route::parse("/article/x/comments", ""), None);
    assert_eq!(Route::parse("/tag/eau/page/1", ""), Some(Route::tag("eau", 1)));
    assert_eq!(Route::parse("/article/%C3%A9t%C3%A9", ""), Some(Route::article("été")));
    assert_eq!(
        Route::parse("/search", "q=caf%C3%A9+noir"),
        Some(Route::search("café noir", 1))
    );
    // Both forms of a search's later page name the same route.
    assert_eq!(Route::parse("/search", "q=eau&page=3"), Some(Route::search("eau", 3)));
    assert_eq!(Route::parse("/search/page/3", "q=eau"), Some(Route::search("eau", 3)));
    assert_eq!(Route::parse("/search", "page=x&q=eau"), Some(Route::search("eau", 1)));
    for bad in [
        "",
        "article/x",
        "/article/a/b",
        "/category/a/b",
        "/page/0",
        "/a.php",
        "/%ZZ",
        "//x",
    ] {
        assert_eq!(Route::parse(bad, ""), None, "{bad}");
    }
    // A lone segment is a page's slug, as WordPress's `/%postname%/`.
    assert_eq!(Route::parse("/article", ""), Some(Route::page("article")));
}

/// Property tests (proptest is a native dev-dependency).
#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9\u{e9}\u{627}-\u{64a}_-]{1,24}"
    }

    fn route() -> impl Strategy<Value = Route> {
        let page = 1u32..=100_000;
        prop_oneof![
            page.clone().prop_map(Route::home),
            slug().prop_map(Route::article),
            (slug(), page.clone()).prop_map(|(s, n)| Route::comments(s, n)),
            (slug(), page.clone()).prop_map(|(s, n)| Route::category(s, n)),
            (slug(), page.clone()).prop_map(|(s, n)| Route::tag(s, n)),
            (slug(), page.clone()).prop_map(|(s, n)| Route::author(s, n)),
            (any::<String>(), page.clone()).prop_map(|(q, n)| Route::search(q, n)),
            slug()
                .prop_filter("search is a route", |s| s != "search")
                .prop_map(Route::page),
            (1u64.., page.clone()).prop_map(|(id, n)| Route::preview_page(id, n)),
            (1u64..).prop_map(Route::page_preview),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn formatted_routes_parse_back(route in route()) {
            let path = route.path();
            let (p, q) = path.split_once('?').unwrap_or((&path, ""));
            prop_assert_eq!(Route::parse(p, q), Some(route));
        }

        /// Any input: no panic, and whatever parses formats to a canonical path
        /// that parses to the same route.
        #[test]
        fn parse_never_panics_and_is_stable(path in "(/[a-z%0-9A-F\u{627}./?#-]{0,12}){0,5}/?", query in ".{0,30}") {
            if let Some(route) = Route::parse(&path, &query) {
                let again = route.path();
                let (p, q) = again.split_once('?').unwrap_or((&again, ""));
                prop_assert_eq!(Route::parse(p, q), Some(route));
                prop_assert_eq!(canonical_redirect(p, q), None);
            }
            let _ = canonical_redirect(&path, &query);
        }
    }
}

/// A multi-page article's pages: WordPress's `/slug/2/` and `?page=2` forms
/// arrive at the canonical `/article/<slug>/2`; page 1 has no number.
#[test]
fn article_pages_parse_and_canonicalise() {
    assert_eq!(Route::parse("/article/a/2", ""), Some(Route::article_page("a", 2)));
    assert_eq!(Route::article_page("a", 2).page_number(), 2);
    assert_eq!(Route::article("a").with_page(4), Route::article_page("a", 4));
    assert_eq!(canonical_redirect("/article/a/1", "").as_deref(), Some("/article/a"));
    assert_eq!(canonical_redirect("/article/a/2/", "").as_deref(), Some("/article/a/2"));
    assert_eq!(
        canonical_redirect("/article/a", "page=2").as_deref(),
        Some("/article/a/2")
    );
    for bad in ["/article/a/0", "/article/a/x", "/article/a/2/3", "/article/a/page/2"] {
        assert_eq!(Route::parse(bad, ""), None, "{bad}");
    }
    // Stored routes from before article pages read as page 1.
    let old: Route = serde_json::from_str(r#"{"Article":{"slug":"a"}}"#).unwrap();
    assert_eq!(old, Route::article("a"));
}

#[test]
fn previews_are_routes_by_post_id() {
    assert_eq!(Route::preview(268).path(), "/preview/268");
    assert_eq!(Route::parse("/preview/268", ""), Some(Route::preview(268)));
    assert_eq!(Route::parse("/preview/268/", ""), Some(Route::preview(268)));
    // WordPress's own parameters ride along: the URL stays canonical.
    let wp = "preview_id=268&preview_nonce=abc&preview=true";
    assert_eq!(Route::parse("/preview/268", wp), Some(Route::preview(268)));
    assert_eq!(canonical_redirect("/preview/268", wp), None);
    // A multi-page draft's later pages, as an article's.
    assert_eq!(Route::preview_page(268, 2).path(), "/preview/268/2");
    assert_eq!(Route::parse("/preview/268/2", ""), Some(Route::preview_page(268, 2)));
    assert_eq!(Route::preview(268).with_page(3), Route::preview_page(268, 3));
    assert_eq!(
        canonical_redirect("/preview/268/1", "").as_deref(),
        Some("/preview/268")
    );
    // A WordPress page's preview: one page of text.
    assert_eq!(Route::page_preview(12).path(), "/preview/page/12");
    assert_eq!(Route::parse("/preview/page/12", ""), Some(Route::page_preview(12)));
    assert_eq!(Route::parse("/preview/page/12/2", ""), None);
    assert_eq!(Route::parse("/preview/page", ""), None);
    assert_eq!(Route::page_preview(12).with_page(2), Route::page_preview(12));
    // Stored routes from before preview pages read as page 1.
    let old: Route = serde_json::from_str(r#"{"Preview":{"id":268}}"#).unwrap();
    assert_eq!(old, Route::preview(268));
    for bad in [
        "/preview/0",
        "/preview/-1",
        "/preview/+3",
        "/preview/1e3",
        "/preview/abc",
        "/preview/99999999999999999999",
    ] {
        assert_eq!(Route::parse(bad, ""), None, "{bad}");
    }
    // `/preview` alone is still a static page's slug.
    assert_eq!(Route::parse("/preview", ""), Some(Route::page("preview")));
    assert_eq!(Route::preview(3).page_number(), 1);
    assert_eq!(Route::preview_page(3, 2).page_number(), 2);
}

#[test]
fn custom_types_round_trip_under_their_prefixes() {
    let types = TypePrefixes::new(["video", "opinion"]);
    let routes = [
        Route::type_listing("video", 1),
        Route::type_listing("video", 3),
        Route::type_item("video", "festival-de-carthage"),
        Route::type_item("opinion", "صوت-المدينة"),
        Route::type_item("video", "page"),
        Route::article("video"),
        Route::page("a-propos"),
    ];
    for r in routes {
        assert_eq!(Route::parse_in(&r.path(), "", &types), Some(r.clone()), "{}", r.path());
    }
    assert_eq!(Route::type_listing("video", 1).path(), "/video");
    assert_eq!(Route::type_listing("video", 2).path(), "/video/page/2");
    assert_eq!(Route::type_item("opinion", "صوت").path(), "/opinion/%D8%B5%D9%88%D8%AA");
    assert_eq!(
        Route::parse_in("/video/", "", &types),
        Some(Route::type_listing("video", 1))
    );
    assert_eq!(
        Route::parse_in("/video/page/1", "", &types),
        Some(Route::type_listing("video", 1))
    );
    assert_eq!(Route::parse_in("/video/a/b", "", &types), None);
    assert_eq!(
        Route::parse_in("/video/a%2Fb", "", &types),
        None,
        "a slug is one segment"
    );
    assert_eq!(
        Route::type_listing("video", 4).with_page(2),
        Route::type_listing("video", 2)
    );
    assert_eq!(Route::type_listing("video", 4).page_number(), 4);
    assert_eq!(
        Route::type_listing("video", 1).feed_path().as_deref(),
        Some("/video/feed.xml")
    );
    assert_eq!(Route::type_item("video", "x").feed_path(), None);
}

#[test]
fn without_the_table_a_prefix_is_a_static_page() {
    assert_eq!(Route::parse("/video", ""), Some(Route::page("video")));
    assert_eq!(Route::parse("/video/clip", ""), None);
    let other = TypePrefixes::new(["opinion"]);
    assert_eq!(Route::parse_in("/video", "", &other), Some(Route::page("video")));
}

#[test]
fn reserved_and_repeated_prefixes_never_shadow_built_in_routes() {
    let types = TypePrefixes::new([
        "article", "category", "search", "page", "video", "video", "Bad", "wp-json",
    ]);
    assert_eq!(types.iter().collect::<Vec<_>>(), ["video"]);
    assert_eq!(Route::parse_in("/article/x", "", &types), Some(Route::article("x")));
    assert_eq!(
        Route::parse_in("/category/x/page/2", "", &types),
        Some(Route::category("x", 2))
    );
    assert_eq!(Route::parse_in("/page/2", "", &types), Some(Route::home(2)));
    for p in RESERVED_PREFIXES {
        assert!(check_prefix(p).is_err(), "{p}");
    }
}

#[test]
fn a_custom_type_s_listing_redirects_as_a_category_s() {
    let types = TypePrefixes::new(["video"]);
    let go = |path: &str, query: &str| canonical_redirect_in(path, query, &types);
    assert_eq!(go("/video/page/1", "").as_deref(), Some("/video"));
    assert_eq!(go("/video/page/1/", "").as_deref(), Some("/video"));
    assert_eq!(go("/video/", "").as_deref(), Some("/video"));
    assert_eq!(go("/video", "page=2").as_deref(), Some("/video/page/2"));
    assert_eq!(go("/video/page/2/", "").as_deref(), Some("/video/page/2"));
    assert_eq!(go("/video/x/", "").as_deref(), Some("/video/x"));
    assert_eq!(go("/video", ""), None);
    assert_eq!(go("/video/page/2", ""), None);
    // Without the prefixes, `/video/page/1` names no route: left alone.
    assert_eq!(canonical_redirect("/video/page/1", ""), None);
    assert_eq!(go("/category/sport/page/1", "").as_deref(), Some("/category/sport"));
}
