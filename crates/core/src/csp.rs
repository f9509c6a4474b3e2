//! The Content-Security-Policy, derived from `config.json`: scripts only from
//! the site itself (plus the hashes of the few inline scripts of the shell),
//! data from the site and the configured API, frames only from the embed
//! providers the body converter allows. `make prerender` writes it into every
//! page and into the headers files; docs/deploy.md shows it as a header.

use crate::body::EMBED_ORIGINS;
use crate::config::{ApiKind, Config};

/// Where WordPress serves author avatars.
const WORDPRESS_AVATARS: &str = "https://secure.gravatar.com";

/// The origin (`https://host:port`) of an absolute http(s) URL; `None` for a
/// site-relative one, which `'self'` covers.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        ("http", rest)
    } else if let Some(rest) = url.strip_prefix("//") {
        ("https", rest)
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let valid = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Whether `source` may be added to a directive from the config: an origin
/// or a scheme (`https:`), never a keyword, wildcard or separator.
pub fn is_allowed_source(source: &str) -> bool {
    let scheme_only = matches!(source, "https:" | "data:" | "blob:");
    scheme_only || origin_of(source).is_some_and(|o| o == source.trim_end_matches('/'))
}

fn push(list: &mut Vec<String>, item: impl Into<String>) {
    let item = item.into();
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The policy. `script_hashes` are `'sha256-…'` sources of the shell's inline
/// scripts. `header`: the HTTP header form, which may carry
/// `frame-ancestors` (ignored, with a console error, in a `<meta>`).
pub fn policy(config: &Config, script_hashes: &[String], header: bool) -> String {
    let connect = connect_sources(config);
    let mut img = vec!["'self'".to_string(), "data:".to_string()];
    // Audio and video (native players, no autoplay) come from the same
    // media library as the images.
    let mut media = vec!["'self'".to_string()];
    let mut frame: Vec<String> = EMBED_ORIGINS.iter().map(|o| o.to_string()).collect();
    if let Some(api) = origin_of(&config.api.base_url) {
        // WordPress media live beside its REST API.
        push(&mut img, api.clone());
        push(&mut media, api);
    }
    if config.api.kind == ApiKind::Wordpress {
        push(&mut img, WORDPRESS_AVATARS);
    }
    // An API exported from WordPress keeps its media and avatars there.
    if let Some(export) = &config.export {
        if let Some(origin) = origin_of(&export.wordpress_url) {
            push(&mut img, origin.clone());
            push(&mut media, origin);
        }
        push(&mut img, WORDPRESS_AVATARS);
    }
    for s in &config.csp.img_src {
        push(&mut img, s.trim_end_matches('/'));
    }
    for s in &config.csp.frame_src {
        push(&mut frame, s.trim_end_matches('/'));
    }
    let mut script = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script.extend(script_hashes.iter().cloned());
    let mut directives = vec![
        "default-src 'self'".to_string(),
        format!("script-src {}", script.join(" ")),
        "style-src 'self'".into(),
        format!("img-src {}", img.join(" ")),
        format!("connect-src {}", connect.join(" ")),
        format!("frame-src {}", frame.join(" ")),
        "font-src 'self'".into(),
        format!("media-src {}", media.join(" ")),
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'self'".into(),
        "form-action 'self'".into(),
    ];
    if header {
        directives.push("frame-ancestors 'self'".into());
    }
    directives.join("; ")
}

/// `connect-src`: the site, the API, the optional counters', the comments
/// endpoint's and the unlocking WordPress's origins.
fn connect_sources(config: &Config) -> Vec<String> {
    let mut connect = vec!["'self'".to_string()];
    let urls = [
        Some(&config.api.base_url),
        config.api.most_read_url.as_ref(),
        config.api.view_count_url.as_ref(),
        config.api.comments_url.as_ref(),
        config.api.unlock_url.as_ref(),
    ];
    for o in urls.into_iter().flatten().filter_map(|u| origin_of(u)) {
        push(&mut connect, o);
    }
    for s in &config.csp.connect_src {
        push(&mut connect, s.trim_end_matches('/'));
    }
    connect
}

/// The sources `config` needs that the page's policy (a `<meta>` written by
/// the last `make prerender`) does not allow in `connect-src`: non-empty
/// after a publisher pointed `config.json` at another API without re-running
/// the prerender, when every request to it would be blocked.
pub fn missing_connect_sources(config: &Config, page_policy: &str) -> Vec<String> {
    let allowed: Vec<&str> = page_policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("connect-src "))
        .map(|d| d.split_ascii_whitespace().collect())
        .unwrap_or_default();
    connect_sources(config)
        .into_iter()
        .filter(|s| s != "'self'" && !allowed.contains(&s.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://WP.example.com/wp-json").as_deref(),
            Some("https://wp.example.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8081/wp-json").as_deref(),
            Some("http://127.0.0.1:8081")
        );
        assert_eq!(origin_of("//cdn.example/x").as_deref(), Some("https://cdn.example"));
        assert_eq!(
            origin_of("https://u:p@h.example/").as_deref(),
            Some("https://h.example")
        );
        assert_eq!(origin_of("/api"), None);
        assert_eq!(origin_of("api"), None);
        assert_eq!(origin_of("https://bad host/"), None);
        assert_eq!(origin_of("https://a;b/"), None);
    }

    #[test]
    fn config_sources_are_origins_or_schemes() {
        assert!(is_allowed_source("https://cdn.example"));
        assert!(is_allowed_source("https://cdn.example/"));
        assert!(is_allowed_source("https:"));
        for bad in [
            "*",
            "'unsafe-inline'",
            "https://a.example/path",
            "https://a.example; script-src *",
            "x",
        ] {
            assert!(!is_allowed_source(bad), "{bad}");
        }
    }

    #[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
    #[test]
    fn the_static_demo_allows_only_itself_and_the_embeds() {
        let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
        let p = policy(&config, &["'sha256-abc'".into()], false);
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(p.contains("connect-src 'self';"));
        assert!(p.contains("img-src 'self' data:;"));
        assert!(p.contains("frame-src https://www.youtube-nocookie.com"));
        assert!(p.contains("object-src 'none'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(!p.contains("frame-ancestors"));
        assert!(policy(&config, &[], true).ends_with("frame-ancestors 'self'"));
    }

    #[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
    #[test]
    fn an_export_from_wordpress_allows_its_media_but_no_connection() {
        let config = Config::parse(
            r#"{"api":{"kind":"static","base_url":"/api"},
                "export":{"wordpress_url":"https://wp.example/wp-json"}}"#,
        )
        .unwrap();
        let p = policy(&config, &[], true);
        assert!(p.contains("connect-src 'self';"), "{p}");
        assert!(
            p.contains("img-src 'self' data: https://wp.example https://secure.gravatar.com;"),
            "{p}"
        );
        assert!(p.contains("media-src 'self' https://wp.example;"), "{p}");
        let bad = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"},"export":{"wordpress_url":"/wp-json"}}"#);
        assert!(bad.is_err());
    }

    #[test]
    fn the_wordpress_that_unlocks_protected_posts_may_be_connected_to() {
        let config =
            Config::parse(r#"{"api":{"kind":"static","base_url":"/api","unlock_url":"https://wp.example/wp-json"}}"#)
                .unwrap();
        let p = policy(&config, &[], true);
        assert!(p.contains("connect-src 'self' https://wp.example;"), "{p}");
    }

    #[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
    #[test]
    fn a_wordpress_api_is_allowed_for_data_images_and_counters() {
        let config = Config::parse(
            r#"{"api":{"kind":"wordpress","base_url":"https://wp.example/wp-json",
                "view_count_url":"https://stats.example/hit/{id}"},
                "csp":{"img_src":["https://i0.wp.com"]}}"#,
        )
        .unwrap();
        let p = policy(&config, &[], true);
        assert!(p.contains("connect-src 'self' https://wp.example https://stats.example;"));
        assert!(p.contains("img-src 'self' data: https://wp.example https://secure.gravatar.com https://i0.wp.com;"));
        assert!(p.contains("media-src 'self' https://wp.example;"), "{p}");
    }

    #[cfg(all(feature = "static-source", feature = "wordpress-source"))] // parses both kinds
    #[test]
    fn a_config_edited_after_the_prerender_is_noticed() {
        let demo = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
        let written = policy(&demo, &[], false);
        assert_eq!(missing_connect_sources(&demo, &written), Vec::<String>::new());
        let wp = Config::parse(r#"{"api":{"kind":"wordpress","base_url":"https://wp.example/wp-json"}}"#).unwrap();
        assert_eq!(missing_connect_sources(&wp, &written), ["https://wp.example"]);
        assert_eq!(
            missing_connect_sources(&wp, &policy(&wp, &[], false)),
            Vec::<String>::new()
        );
        assert_eq!(
            missing_connect_sources(&wp, "default-src 'self'"),
            ["https://wp.example"]
        );
    }
}
