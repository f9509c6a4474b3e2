use super::*;

#[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
#[test]
fn minimal_shape_parses_with_defaults() {
    let c = Config::parse(
        r#"{ "api": { "kind": "static", "base_url": "/api" },
        "site": { "name": "Kiosque Actu", "tagline": "x", "locale": "fr" } }"#,
    )
    .unwrap();
    assert_eq!(c.version, 1);
    assert_eq!(c.api.kind, ApiKind::Static);
    assert_eq!(c.api.timeout_ms, http::DEFAULT_TIMEOUT_MS);
    assert_eq!(c.site.name.as_deref(), Some("Kiosque Actu"));
    assert!(c.offline_reading);
    let off = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"},"offline_reading":false}"#).unwrap();
    assert!(!off.offline_reading);
    let c = Config::parse(r#"{"api":{"kind":"wordpress","base_url":"https://e.com/wp-json"}}"#).unwrap();
    assert_eq!(c.site, SiteConfig::default());
    assert_eq!((c.api.most_read_url, c.api.view_count_url), (None, None));
    let c = Config::parse(
        r#"{"api":{"kind":"wordpress","base_url":"https://e.com/wp-json",
        "most_read_url":"/wordpress-popular-posts/v1/popular-posts?limit=10",
        "view_count_url":"https://e.com/wp-json/views/v1/{id}"}}"#,
    )
    .unwrap();
    assert!(c.api.most_read_url.is_some() && c.api.view_count_url.is_some());
}

#[cfg(all(feature = "static-source", feature = "wordpress-source"))]
fn key_of(text: &str) -> String {
    match Config::parse(text) {
        Err(ConfigError::Invalid { key, .. }) => key,
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
#[test]
fn errors_name_the_bad_key() {
    assert_eq!(key_of(r#"{"api":{"kind":"drupal","base_url":"/api"}}"#), "api.kind");
    assert_eq!(key_of(r#"{"api":{"kind":"static"}}"#), "api");
    assert_eq!(key_of(r#"{"api":{"kind":"static","base_url":""}}"#), "api.base_url");
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"ftp://x"}}"#),
        "api.base_url"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api","timeout_ms":1}}"#),
        "api.timeout_ms"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"locale":"de"}}"#),
        "site.locale"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"nmae":"x"}}"#),
        "site.nmae"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"posts_per_page":0}}"#),
        "site.posts_per_page"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"date_format":"l jS F"}}"#),
        "site.date_format"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"url":"news.com"}}"#),
        "site.url"
    );
    assert_eq!(
        key_of(r#"{"version":2,"api":{"kind":"static","base_url":"/api"}}"#),
        "version"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api"},"site":{"name":3}}"#),
        "site.name"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api","most_read_url":"/x"}}"#),
        "api.most_read_url"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"wordpress","base_url":"/wp-json","view_count_url":"ftp://x"}}"#),
        "api.view_count_url"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"wordpress","base_url":"/wp-json","most_read_url":"popular"}}"#),
        "api.most_read_url"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"wordpress","base_url":"/wp-json","comments_url":"/c"}}"#),
        "api.comments_url"
    );
    assert_eq!(
        key_of(r#"{"api":{"kind":"static","base_url":"/api","comments_url":"javascript:x"}}"#),
        "api.comments_url"
    );
    let c = Config::parse(r#"{"api":{"kind":"static","base_url":"/api","comments_url":"/comments/"}}"#).unwrap();
    assert_eq!(
        c.comments_root("https://h.example/news/").as_deref(),
        Some("https://h.example/news/comments")
    );
    // The WordPress that unlocks a static site's protected posts: HTTPS,
    // or plain HTTP to this machine only (a password travels to it).
    for bad in [
        r#"{"kind":"wordpress","base_url":"/wp-json","unlock_url":"https://wp.example/wp-json"}"#,
        r#"{"kind":"static","base_url":"/api","unlock_url":"http://wp.example/wp-json"}"#,
        r#"{"kind":"static","base_url":"/api","unlock_url":"/wp-json"}"#,
        r#"{"kind":"static","base_url":"/api","unlock_url":"https://wp.example/wp json"}"#,
    ] {
        assert_eq!(key_of(&format!(r#"{{"api":{bad}}}"#)), "api.unlock_url", "{bad}");
    }
    for good in [
        "https://wp.example/wp-json",
        "http://127.0.0.1:8081/wp-json",
        "http://localhost/?rest_route=",
    ] {
        let text = format!(r#"{{"api":{{"kind":"static","base_url":"/api","unlock_url":"{good}"}}}}"#);
        assert_eq!(
            Config::parse(&text).map(|c| c.api.unlock_url),
            Ok(Some(good.to_string()))
        );
    }
    assert_eq!(key_of("not json"), "(file)");
    assert_eq!(key_of("[]"), "(file)");
}

#[test]
fn relative_urls_resolve_against_the_bundle_base() {
    assert_eq!(resolve("https://h.com/", "/api"), "https://h.com/api");
    assert_eq!(resolve("https://h.com/sub/", "/api/"), "https://h.com/sub/api");
    assert_eq!(resolve("https://h.com/sub/", "api"), "https://h.com/sub/api");
    assert_eq!(resolve("https://h.com/sub/", "./api"), "https://h.com/sub/api");
    assert_eq!(
        resolve("https://h.com/sub/index.html?x", "config.json"),
        "https://h.com/sub/config.json"
    );
    assert_eq!(
        resolve("https://h.com/sub/", "https://cms.example.com/wp-json/"),
        "https://cms.example.com/wp-json"
    );
    assert_eq!(
        resolve("http://h.com/", "//cdn.example.com/api"),
        "http://cdn.example.com/api"
    );
    assert_eq!(resolve("/", "/api"), "/api");
}
