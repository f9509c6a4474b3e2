use super::*;

#[test]
fn urls_are_fixed_and_encoded() {
    let u = Urls::new("https://s.example/wp-json/");
    assert_eq!(u.home(), "https://s.example");
    assert_eq!(u.resolve("/x/v1/y?a=1"), "https://s.example/wp-json/x/v1/y?a=1");
    assert_eq!(u.resolve("https://o.example/p"), "https://o.example/p");
    let q = PostQuery {
        search: Some("café & co".into()),
        ..PostQuery::list(5, 2)
    };
    let url = u.posts(&q);
    assert!(
        url.starts_with("https://s.example/wp-json/wp/v2/posts?search=caf%C3%A9%20%26%20co&per_page=5&page=2&_embed=")
    );
    assert!(!url.contains(",content"));
    let full = u.posts(&PostQuery {
        slug: Some("a".into()),
        full: true,
        ..PostQuery::list(1, 1)
    });
    assert!(
        full.contains("slug=a&per_page=1&_embed=author,wp:featuredmedia,wp:term&_fields=")
            && full.ends_with(",content,link,yoast_head_json")
    );
    let inc = u.posts(&PostQuery {
        include: vec![3, 1],
        ..PostQuery::list(2, 1)
    });
    assert!(inc.contains("include=3,1&orderby=include&per_page=2"));
    assert_eq!(
        u.related(9, &[2], &[5, 6]),
        "https://s.example/wp-json/wp/v2/posts?categories=2&tags=5,6&tax_relation=OR&exclude=9&per_page=20&_fields=id,slug,status,date_gmt,categories,tags"
    );
    assert!(u.term_by_slug("tags", "é").contains("tags?slug=%C3%A9&"));
    let since = u.posts(&PostQuery {
        modified_after: Some("2026-11-28T18:40:00".into()),
        full: true,
        ..PostQuery::list(100, 3)
    });
    assert!(since.contains("/posts?modified_after=2026-11-28T18%3A40%3A00&per_page=100&page=3&_embed="));
    assert_eq!(
        u.post_ids(2),
        "https://s.example/wp-json/wp/v2/posts?per_page=100&page=2&_fields=id,modified_gmt"
    );
}

#[test]
fn plain_permalink_roots_put_the_route_in_a_parameter() {
    // As WordPress's `Link` header announces it.
    let u = Urls::new("http://s.example/index.php?rest_route=/");
    assert!(u.is_plain());
    assert_eq!(u.home(), "http://s.example");
    assert_eq!(
        u.term_by_slug("tags", "é"),
        "http://s.example/index.php?rest_route=/wp/v2/tags&slug=%C3%A9&_fields=id,name,slug,description,count,parent,taxonomy"
    );
    assert!(u
        .index()
        .starts_with("http://s.example/index.php?rest_route=/&_fields=name,"));
    assert_eq!(
        u.menu_locations(),
        "http://s.example/index.php?rest_route=/wp/v2/menu-locations"
    );
    assert_eq!(
        u.resolve("/wpp/v1/popular?limit=10"),
        "http://s.example/index.php?rest_route=/wpp/v1/popular&limit=10"
    );
    assert_eq!(u.plain_fallback(), None);
    // A subdirectory install keeps its path, either way.
    let sub = Urls::new("http://s.example/blog/wp-json");
    assert_eq!(sub.home(), "http://s.example/blog");
    let plain = sub.plain_fallback().unwrap();
    assert_eq!(plain.root, "http://s.example/blog/?rest_route=");
    assert_eq!(plain.home(), "http://s.example/blog");
    // Any URL made under one root moves to the other, query and all.
    let url = sub.posts(&PostQuery::list(6, 2));
    let moved = sub.moved_to(&url, &plain).unwrap();
    assert!(moved.starts_with("http://s.example/blog/?rest_route=/wp/v2/posts&per_page=6&page=2&_embed="));
    assert_eq!(plain.moved_to(&moved, &sub).unwrap(), url);
    assert_eq!(sub.moved_to(&sub.index(), &plain).unwrap(), plain.index());
    assert_eq!(sub.moved_to("http://s.example/blog/wp-jsonx/a", &plain), None);
    assert_eq!(sub.moved_to("http://other.example/wp-json/a", &plain), None);
}
