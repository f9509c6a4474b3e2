//! WordPress REST API v2 wire types: only the fields the adapter reads.
//! Unknown fields are ignored. Fields WordPress is known to send in more
//! than one shape (PHP's empty array `[]` for an empty object, `null`,
//! numbers as strings) are read leniently; the fields a post cannot do
//! without (`id`, `slug`, `date`, `title`) are strict, so a malformed post is
//! a typed error naming the field.

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::Value;

/// Reads any JSON; yields `T::default()` when it does not fit `T`.
pub(super) fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(d: D) -> Result<T, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(T::deserialize(v).unwrap_or_default())
}

/// A number, or a string holding one (`"96"`), else 0.
fn lenient_u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

/// `{ "rendered": "…" }`, the shape of titles, excerpts, contents, captions.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Rendered {
    #[serde(default, deserialize_with = "lenient")]
    pub rendered: String,
    #[serde(default, deserialize_with = "lenient")]
    pub protected: bool,
}

/// The REST index (`/wp-json/`), cut down with `_fields`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpRoot {
    #[serde(default, deserialize_with = "lenient")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient")]
    pub description: String,
    #[serde(default, deserialize_with = "lenient")]
    pub home: String,
    #[serde(default, deserialize_with = "lenient")]
    pub url: String,
    /// Hours from UTC; WordPress sends a number or a string.
    #[serde(default)]
    pub gmt_offset: Value,
    #[serde(default, deserialize_with = "lenient")]
    pub timezone_string: String,
    /// The Site Icon's full-size URL (WordPress 5.9+; `""` when none is set).
    #[serde(default, deserialize_with = "lenient")]
    pub site_icon_url: String,
    /// REST namespaces (`rankmath/v1` tells Rank Math's head route is there).
    #[serde(default, deserialize_with = "lenient")]
    pub namespaces: Vec<String>,
}

/// A category or a tag (`/wp/v2/categories`, `/wp/v2/tags`, `wp:term`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpTerm {
    pub id: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub name: String,
    pub slug: String,
    #[serde(default, deserialize_with = "lenient")]
    pub description: String,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub count: u32,
    #[serde(default, deserialize_with = "lenient")]
    pub parent: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub taxonomy: String,
    /// Its permalink (embedded terms: tells whether it may have parents).
    #[serde(default, deserialize_with = "lenient")]
    pub link: String,
    /// Yoast SEO's head for the term's archive, when asked for (the
    /// export's lists, `Urls::term_seo`); raw until `seo::yoast` checks it.
    #[serde(default)]
    pub yoast_head_json: Option<Value>,
}

/// A user (`/wp/v2/users`, embedded `author`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpUser {
    pub id: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub name: String,
    pub slug: String,
    #[serde(default, deserialize_with = "lenient")]
    pub description: String,
    /// Size in pixels (as a string key) → URL.
    #[serde(default, deserialize_with = "lenient")]
    pub avatar_urls: BTreeMap<String, String>,
    /// The author archive's permalink, when asked for (Rank Math's head).
    #[serde(default, deserialize_with = "lenient")]
    pub link: String,
    /// Yoast SEO's head for the author archive, when asked for.
    #[serde(default)]
    pub yoast_head_json: Option<Value>,
}

/// One rendition in `media_details.sizes`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpMediaSize {
    #[serde(default, deserialize_with = "lenient")]
    pub source_url: String,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub width: u32,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub height: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpMediaDetails {
    #[serde(default, deserialize_with = "lenient_u32")]
    pub width: u32,
    #[serde(default, deserialize_with = "lenient_u32")]
    pub height: u32,
    /// `thumbnail`, `medium`, `large`, `full`…; `[]` when there are none.
    #[serde(default, deserialize_with = "lenient")]
    pub sizes: BTreeMap<String, WpMediaSize>,
}

/// An attachment (embedded `wp:featuredmedia`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpMedia {
    pub id: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub source_url: String,
    #[serde(default, deserialize_with = "lenient")]
    pub alt_text: String,
    #[serde(default, deserialize_with = "lenient")]
    pub caption: Rendered,
    #[serde(default, deserialize_with = "lenient")]
    pub media_type: String,
    #[serde(default, deserialize_with = "lenient")]
    pub media_details: WpMediaDetails,
}

/// `_embedded`. Each entry stays raw JSON until mapped: WordPress embeds an
/// error object (`{"code": "rest_forbidden", …}`) where a linked resource is
/// not public, and one bad entry must not sink the post.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpEmbedded {
    #[serde(default, deserialize_with = "lenient")]
    pub author: Vec<Value>,
    #[serde(default, rename = "wp:featuredmedia", deserialize_with = "lenient")]
    pub featured_media: Vec<Value>,
    /// One list per taxonomy (categories, then tags).
    #[serde(default, rename = "wp:term", deserialize_with = "lenient")]
    pub terms: Vec<Vec<Value>>,
}

impl WpEmbedded {
    pub fn authors(&self) -> Vec<WpUser> {
        parse_each(&self.author)
    }

    pub fn media(&self) -> Option<WpMedia> {
        parse_each(&self.featured_media).into_iter().next()
    }

    pub fn terms(&self) -> Vec<WpTerm> {
        self.terms.iter().flat_map(|list| parse_each::<WpTerm>(list)).collect()
    }
}

/// The entries that parse as `T`; the others are skipped.
pub fn parse_each<T: DeserializeOwned>(values: &[Value]) -> Vec<T> {
    values.iter().filter_map(|v| T::deserialize(v).ok()).collect()
}

/// A post (`/wp/v2/posts`), with `_embed=author,wp:featuredmedia,wp:term`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpPost {
    pub id: u64,
    pub slug: String,
    /// Only `publish` is ever shown.
    #[serde(default = "publish", deserialize_with = "lenient")]
    pub status: String,
    #[serde(default, deserialize_with = "lenient")]
    pub sticky: bool,
    /// Local time without offset, `2026-10-05T08:15:00`.
    pub date: String,
    #[serde(default, deserialize_with = "lenient")]
    pub date_gmt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub modified: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub modified_gmt: Option<String>,
    pub title: Rendered,
    #[serde(default, deserialize_with = "lenient")]
    pub excerpt: Rendered,
    /// Absent from summaries (`_fields` leaves it out).
    #[serde(default, deserialize_with = "lenient")]
    pub content: Option<Rendered>,
    #[serde(default, deserialize_with = "lenient")]
    pub categories: Vec<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub tags: Vec<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub author: u64,
    /// The featured image's attachment ID (0: none).
    #[serde(default, deserialize_with = "lenient")]
    pub featured_media: u64,
    /// The post format (`standard`, `aside`, …), when `_fields` asks for it.
    #[serde(default, deserialize_with = "lenient")]
    pub format: String,
    #[serde(default, rename = "_embedded", deserialize_with = "lenient")]
    pub embedded: WpEmbedded,
    /// The WordPress permalink (full articles only): Rank Math's head is
    /// asked for by it.
    #[serde(default, deserialize_with = "lenient")]
    pub link: String,
    /// Yoast SEO's head, raw until `seo::yoast` checks it.
    #[serde(default)]
    pub yoast_head_json: Option<Value>,
}

fn publish() -> String {
    "publish".into()
}

/// A page (`/wp/v2/pages`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpPage {
    pub id: u64,
    pub slug: String,
    #[serde(default = "publish", deserialize_with = "lenient")]
    pub status: String,
    pub title: Rendered,
    #[serde(default, deserialize_with = "lenient")]
    pub content: Rendered,
    #[serde(default, deserialize_with = "lenient")]
    pub modified: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub modified_gmt: Option<String>,
    #[serde(default)]
    pub yoast_head_json: Option<Value>,
}

/// A page's place in the page hierarchy (`/wp/v2/pages?_fields=id,slug,status,title,parent,menu_order`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpPageNode {
    pub id: u64,
    pub slug: String,
    #[serde(default = "publish", deserialize_with = "lenient")]
    pub status: String,
    #[serde(default, deserialize_with = "lenient")]
    pub title: Rendered,
    #[serde(default, deserialize_with = "lenient")]
    pub parent: u64,
    #[serde(default, deserialize_with = "lenient")]
    pub menu_order: i64,
}

/// Just a slug (page lists, id → slug look-ups).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpSlug {
    pub slug: String,
    #[serde(default = "publish", deserialize_with = "lenient")]
    pub status: String,
}

/// What related-article ranking needs (`_fields=id,slug,status,date_gmt,categories,tags`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WpRelated {
    pub id: u64,
    pub slug: String,
    #[serde(default = "publish", deserialize_with = "lenient")]
    pub status: String,
    #[serde(default, deserialize_with = "lenient")]
    pub date_gmt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub categories: Vec<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub tags: Vec<u64>,
}

/// A popular-posts route's entry: a post ID, or an object with an `id`
/// (a number or a numeric string). Anything else is skipped.
pub fn popular_id(v: &Value) -> Option<u64> {
    let id = match v {
        Value::Object(o) => o.get("id").or_else(|| o.get("ID")).or_else(|| o.get("post_id"))?,
        other => other,
    };
    match id {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_shapes_are_read_leniently() {
        let m: WpMedia = serde_json::from_str(
            r#"{"id":5,"source_url":"https://s/a.jpg","caption":[],"media_details":{"width":"800","height":600,"sizes":[]}}"#,
        )
        .unwrap();
        assert_eq!((m.media_details.width, m.media_details.height), (800, 600));
        assert!(m.media_details.sizes.is_empty());
        assert_eq!(m.caption, Rendered::default());
        let u: WpUser = serde_json::from_str(r#"{"id":1,"slug":"a","name":"A","avatar_urls":[]}"#).unwrap();
        assert!(u.avatar_urls.is_empty());
    }

    #[test]
    fn embedded_errors_are_skipped() {
        let p: WpPost = serde_json::from_str(
            r#"{"id":1,"slug":"s","date":"2026-01-01T00:00:00","title":{"rendered":"T"},
            "_embedded":{"author":[{"code":"rest_user_invalid_id","data":{"status":404}}],
            "wp:featuredmedia":[{"code":"rest_forbidden"}],
            "wp:term":[[{"id":2,"slug":"c","name":"C","taxonomy":"category"}],[{"bad":true}]]}}"#,
        )
        .unwrap();
        assert!(p.embedded.authors().is_empty());
        assert!(p.embedded.media().is_none());
        assert_eq!(p.embedded.terms().len(), 1);
        assert_eq!(p.status, "publish");
    }

    #[test]
    fn a_post_without_its_required_fields_is_an_error() {
        assert!(serde_json::from_str::<WpPost>(r#"{"id":1,"slug":"s","title":{"rendered":"T"}}"#).is_err());
        assert!(serde_json::from_str::<WpPost>(r#"{"id":"x","slug":"s","date":"d","title":{}}"#).is_err());
    }

    #[test]
    fn popular_ids_come_in_several_shapes() {
        let v: Vec<Value> =
            serde_json::from_str(r#"[12, {"id": 13}, {"ID": "14"}, {"post_id": 15}, "x", {"id": 0}, null]"#).unwrap();
        assert_eq!(v.iter().filter_map(popular_id).collect::<Vec<_>>(), [12, 13, 14, 15]);
    }
}
