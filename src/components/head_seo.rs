//! An SEO plugin's head (WordPress's Yoast SEO, read by the adapter into
//! `SeoHead`) merged into Kiosque's: its URLs made absolute on the public
//! site, its card image, and its schema graph joined with Kiosque's own
//! JSON-LD so no type is described twice.

use serde_json::{json, Value};

use crate::context::Ctx;
use kiosque_core::model::{Image, SafeUrl, SeoHead};

/// A plugin URL as written in the head: a Kiosque path becomes an absolute
/// URL on the public site; an absolute `http(s)` URL stays as it is.
pub fn seo_url(ctx: &Ctx, url: &str) -> Option<String> {
    if url.starts_with('/') && !url.starts_with("//") {
        return ctx.absolute_path(url).map(SafeUrl::into_string);
    }
    SafeUrl::new(url).filter(SafeUrl::is_external).map(SafeUrl::into_string)
}

/// The social-card image: the plugin's when it chose one, else the page's.
pub fn card_image(seo: &SeoHead, image: Option<Image>) -> Option<Image> {
    match &seo.og_image {
        Some(i) => Some(Image {
            url: i.url.clone(),
            width: i.width,
            height: i.height,
            alt: i.alt.clone(),
            caption: None,
            credit: None,
            sources: Vec::new(),
        }),
        None => image,
    }
}

/// A listing's plugin head on its page `page`: page 1 takes it whole; a
/// later page keeps its robots, description and social fields, but its own
/// canonical URL (each page of a listing is its own, as Yoast makes them),
/// the plugin's title with the page number (`paged`, as Yoast's `%%page%%`),
/// and no schema graph (the plugin's describes page 1's URL).
pub fn on_page(seo: Option<Box<SeoHead>>, page: u32, paged: impl Fn(&str) -> String) -> Option<Box<SeoHead>> {
    seo.map(|mut s| {
        if page > 1 {
            s.canonical = None;
            s.title = s.title.as_deref().map(&paged);
            s.schema.clear();
        }
        s
    })
}

/// Types that describe the same thing as Kiosque's `NewsArticle`.
const ARTICLE_TYPES: [&str; 6] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
];

/// Kiosque's JSON-LD objects, or one graph holding the plugin's nodes first
/// and those of Kiosque's whose type the plugin does not describe.
pub fn merged_ld(ctx: &Ctx, seo: Option<&SeoHead>, own: Vec<Value>) -> Vec<Value> {
    let Some(plugin) = seo.filter(|s| !s.schema.is_empty()) else {
        return own;
    };
    let types: Vec<String> = plugin.schema.iter().flat_map(types_of).collect();
    let covers = |t: &str| {
        types.iter().any(|p| p == t)
            || (ARTICLE_TYPES.contains(&t) && types.iter().any(|p| ARTICLE_TYPES.contains(&p.as_str())))
    };
    let mut graph: Vec<Value> = plugin.schema.iter().cloned().map(|n| absolute_paths(ctx, n)).collect();
    for mut node in own {
        if types_of(&node).iter().any(|t| covers(t)) {
            continue;
        }
        if let Some(o) = node.as_object_mut() {
            o.remove("@context");
        }
        graph.push(node);
    }
    vec![json!({ "@context": "https://schema.org", "@graph": graph })]
}

/// A node's `@type`, a string or a list of them.
fn types_of(node: &Value) -> Vec<String> {
    match node.get("@type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The adapter left links to the site's own pages as Kiosque paths; in
/// JSON-LD they must be absolute.
fn absolute_paths(ctx: &Ctx, v: Value) -> Value {
    match v {
        Value::String(s) if s.starts_with('/') && !s.starts_with("//") => {
            Value::String(seo_url(ctx, &s).unwrap_or_default())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|i| absolute_paths(ctx, i)).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, absolute_paths(ctx, v))).collect()),
        other => other,
    }
}
