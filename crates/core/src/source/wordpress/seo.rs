//! An SEO plugin's head → [`SeoHead`]. Yoast SEO (version 14 and later) adds
//! `yoast_head_json` to posts, pages and terms in the REST API; its shape here
//! follows Yoast's REST API documentation for versions 20–23 (title,
//! description, robots {index, follow}, canonical, og_title, og_description,
//! og_image [{url, width, height}], twitter_title, twitter_description,
//! twitter_image, schema {@graph}). Everything in it is untrusted: strings are
//! read as HTML-free text and capped, URLs must be `http(s)`, a link to the
//! WordPress site becomes the Kiosque path it stands for, and an oversized or
//! misshapen field is dropped rather than trusted.

use serde_json::Value;

use super::map::{text, LinkContext};
use crate::model::{SeoHead, SeoImage, SEO_SCHEMA_MAX, SEO_TEXT_MAX, SEO_TITLE_MAX};
use crate::url::SafeUrl;

/// Deepest schema node kept (the graph is a tree of objects and arrays).
const SCHEMA_DEPTH: usize = 12;
/// Most schema nodes kept.
const SCHEMA_NODES: usize = 32;

/// `yoast_head_json` → the head, or `None` when there is nothing usable.
pub fn yoast(value: &Value, links: &LinkContext) -> Option<SeoHead> {
    let v = value.as_object()?;
    let string = |key: &str, max: usize| v.get(key).and_then(Value::as_str).and_then(|s| capped(s, max));
    let robots = v.get("robots").and_then(Value::as_object);
    let robot = |key: &str, no: &str| {
        robots
            .and_then(|r| r.get(key))
            .and_then(Value::as_str)
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(no))
    };
    let og_image = v
        .get("og_image")
        .and_then(Value::as_array)
        .and_then(|list| list.iter().find_map(|i| image(i, links)));
    let head = SeoHead {
        title: string("title", SEO_TITLE_MAX),
        description: string("description", SEO_TEXT_MAX),
        canonical: v
            .get("canonical")
            .and_then(Value::as_str)
            .and_then(|u| local_url(u, links)),
        noindex: robot("index", "noindex"),
        nofollow: robot("follow", "nofollow"),
        og_title: string("og_title", SEO_TITLE_MAX),
        og_description: string("og_description", SEO_TEXT_MAX),
        og_image,
        twitter_title: string("twitter_title", SEO_TITLE_MAX),
        twitter_description: string("twitter_description", SEO_TEXT_MAX),
        twitter_image: v
            .get("twitter_image")
            .and_then(Value::as_str)
            .and_then(|u| local_url(u, links)),
        schema: v.get("schema").map(|s| schema(s, links)).unwrap_or_default(),
    };
    (head != SeoHead::default()).then_some(head)
}

/// Plain text of at most `max` characters (cut at a word when possible), or
/// `None` when empty.
fn capped(raw: &str, max: usize) -> Option<String> {
    let t = text(raw);
    if t.is_empty() {
        return None;
    }
    if t.chars().count() <= max {
        return Some(t);
    }
    let cut: String = t.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    Some(format!("{}…", cut.trim_end()))
}

/// An absolute `http(s)` URL, made a Kiosque path when it points at a page
/// of the WordPress site; `None` when it is anything else.
pub fn local_url(raw: &str, links: &LinkContext) -> Option<String> {
    let raw = raw.trim();
    if raw.len() > 2048 || !(raw.starts_with("https://") || raw.starts_with("http://")) {
        return None;
    }
    let checked = SafeUrl::new(raw)?.into_string();
    let same_site = |origin: &str| {
        checked
            .strip_prefix(origin)
            .filter(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
    };
    let on_wp = same_site(&links.origin).or_else(|| {
        // The same host over the other scheme is the same site.
        let other = match links.origin.strip_prefix("https://") {
            Some(host) => format!("http://{host}"),
            None => links.origin.replacen("http://", "https://", 1),
        };
        same_site(&other)
    });
    match on_wp {
        Some(rest) => {
            let rest = if rest.is_empty() { "/" } else { rest };
            let routed = links.rewrite(rest);
            // Uploads and other WordPress files stay absolute on WordPress.
            Some(routed)
        }
        None => Some(checked),
    }
}

fn image(v: &Value, links: &LinkContext) -> Option<SeoImage> {
    let url = local_url(v.get("url")?.as_str()?, links)?;
    let num = |k: &str| {
        v.get(k)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0)
    };
    Some(SeoImage {
        url,
        width: num("width").min(20_000),
        height: num("height").min(20_000),
        alt: v
            .get("alt")
            .and_then(Value::as_str)
            .and_then(|a| capped(a, SEO_TITLE_MAX))
            .unwrap_or_default(),
    })
}

/// The plugin's `@graph` nodes: objects only, URLs checked and made local,
/// depth and count capped; all dropped when the result is too large.
fn schema(v: &Value, links: &LinkContext) -> Vec<Value> {
    let too_big = |x: &Value| serde_json::to_string(x).map_or(true, |s| s.len() > SEO_SCHEMA_MAX);
    if too_big(v) {
        return Vec::new();
    }
    let nodes = match v.get("@graph") {
        Some(Value::Array(nodes)) => nodes.clone(),
        _ if v.is_object() => vec![v.clone()],
        _ => return Vec::new(),
    };
    let kept: Vec<Value> = nodes
        .into_iter()
        .filter(Value::is_object)
        .take(SCHEMA_NODES)
        .filter_map(|n| clean(n, links, 0))
        .map(|mut n| {
            if let Some(o) = n.as_object_mut() {
                o.remove("@context");
            }
            n
        })
        .collect();
    kept
}

/// A schema value with its URLs checked: a string that looks like a URL must
/// be `http(s)` (WordPress links become Kiosque paths); other strings are
/// capped text. Too deep: dropped.
fn clean(v: Value, links: &LinkContext, depth: usize) -> Option<Value> {
    if depth > SCHEMA_DEPTH {
        return None;
    }
    Some(match v {
        Value::String(s) => {
            let lower = s.trim_start().to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                Value::String(local_url(&s, links)?)
            } else if is_script_scheme(&lower) {
                return None;
            } else {
                Value::String(s.chars().take(SEO_TEXT_MAX).collect())
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().filter_map(|i| clean(i, links, depth + 1)).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter_map(|(k, v)| Some((k, clean(v, links, depth + 1)?)))
                .collect(),
        ),
        other => other,
    })
}

/// Schemes a crawler must never be handed as a link (whitespace and control
/// characters, which browsers skip inside schemes, removed first).
fn is_script_scheme(lower: &str) -> bool {
    let squeezed: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    fn links() -> LinkContext {
        LinkContext::from_home("https://wp.example")
    }

    #[test]
    fn yoast_fields_map_and_wordpress_links_become_kiosque_paths() {
        let head = yoast(
            &json!({
                "title": "Le titre &amp; la suite - Le Site",
                "description": "<b>Une</b> description",
                "robots": { "index": "noindex", "follow": "follow", "max-snippet": "max-snippet:-1" },
                "canonical": "https://wp.example/un-article/",
                "og_title": "Carte",
                "og_image": [{ "url": "https://wp.example/wp-content/uploads/a.jpg", "width": 1200, "height": 675 }],
                "twitter_image": "http://wp.example/wp-content/uploads/t.jpg",
                "schema": { "@context": "https://schema.org", "@graph": [
                    { "@type": "WebPage", "@id": "https://wp.example/un-article/#webpage", "url": "https://wp.example/un-article/" },
                    { "@type": ["Article"], "headline": "Le titre" }
                ]}
            }),
            &links(),
        )
        .unwrap();
        assert_eq!(head.title.as_deref(), Some("Le titre & la suite - Le Site"));
        assert_eq!(head.description.as_deref(), Some("Une description"));
        assert!(head.noindex && !head.nofollow);
        assert_eq!(head.robots(), Some("noindex, follow"));
        assert_eq!(head.canonical.as_deref(), Some("/article/un-article"));
        let img = head.og_image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.width, img.height),
            ("https://wp.example/wp-content/uploads/a.jpg", 1200, 675)
        );
        // The other scheme of the same host is the same site; files stay on it.
        assert_eq!(
            head.twitter_image.as_deref(),
            Some("https://wp.example/wp-content/uploads/t.jpg")
        );
        assert_eq!(head.schema.len(), 2);
        assert_eq!(head.schema[0]["@id"], "/article/un-article#webpage");
        assert_eq!(head.schema[0]["url"], "/article/un-article");
    }

    #[test]
    fn hostile_or_oversized_fields_are_dropped_not_trusted() {
        let big = "x".repeat(SEO_SCHEMA_MAX);
        let head = yoast(
            &json!({
                "title": format!("<script>alert(1)</script>{}", "mot ".repeat(200)),
                "canonical": "javascript:alert(1)",
                "og_image": [{ "url": "data:image/png;base64,AAAA" }, { "url": "https://cdn.example/ok.jpg" }],
                "twitter_image": "//evil.example/x.jpg",
                "robots": "noindex",
                "schema": { "@graph": [ { "@type": "Thing", "blob": big } ] }
            }),
            &links(),
        )
        .unwrap();
        let title = head.title.unwrap();
        assert!(
            !title.contains('<') && title.chars().count() <= SEO_TITLE_MAX + 1,
            "{title}"
        );
        assert_eq!(head.canonical, None);
        assert_eq!(head.og_image.unwrap().url, "https://cdn.example/ok.jpg");
        assert_eq!(head.twitter_image, None);
        // A robots field of the wrong shape says nothing.
        assert!(!head.noindex);
        assert!(head.schema.is_empty(), "an oversized graph is dropped whole");

        let graph = yoast(
            &json!({ "schema": { "@graph": [
                { "@type": "Organization", "sameAs": ["javascript:alert(1)", " JaVa\tScript:x", "https://x.example/"], "logo": "data:x" },
                "not an object", 7
            ]}}),
            &links(),
        )
        .unwrap();
        assert_eq!(
            graph.schema,
            vec![json!({ "@type": "Organization", "sameAs": ["https://x.example/"] })]
        );
        assert_eq!(yoast(&json!([]), &links()), None);
        assert_eq!(yoast(&json!({ "title": "  " }), &links()), None);
    }

    #[test]
    fn deep_graphs_lose_their_deep_branches_only() {
        let mut deep = json!("fond");
        for _ in 0..100 {
            deep = json!({ "a": deep });
        }
        let head = yoast(
            &json!({ "schema": { "@graph": [ { "@type": "Thing", "name": "n", "deep": deep } ] } }),
            &links(),
        )
        .unwrap();
        assert_eq!(head.schema[0]["name"], "n");
        assert!(serde_json::to_string(&head.schema).unwrap().len() < 2_000);
    }
}
