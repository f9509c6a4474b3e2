//! What an SEO plugin (Yoast SEO, Rank Math) decided for a page's head, as
//! the source adapter read it: every field optional, every string already
//! capped, every URL already checked (`http(s)` only) and, where it pointed
//! at the WordPress site, already turned into the Kiosque path it stands for.
//! The head prefers these values to Kiosque's own; without them it keeps
//! today's head.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Longest title kept (Google shows ~60 characters; editors write more).
pub const SEO_TITLE_MAX: usize = 300;
/// Longest description kept.
pub const SEO_TEXT_MAX: usize = 1_000;
/// Largest schema graph kept, in bytes of JSON; a bigger one is dropped whole.
pub const SEO_SCHEMA_MAX: usize = 32 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeoHead {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A Kiosque path (`/article/x`) or an absolute `http(s)` URL elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// `noindex`: the page is left out of sitemaps and feeds too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub noindex: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nofollow: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub og_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub og_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub og_image: Option<SeoImage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twitter_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twitter_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twitter_image: Option<String>,
    /// The plugin's schema.org nodes (its `@graph`), merged with Kiosque's own
    /// JSON-LD by the head: a type the plugin describes is not described twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schema: Vec<Value>,
}

/// A social-card image the plugin chose.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeoImage {
    pub url: String,
    #[serde(default)]
    pub width: u32,
    #[serde(default)]
    pub height: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
}

impl SeoHead {
    /// The robots directive for `<meta name="robots">`, when the plugin set one
    /// that differs from the default (index, follow).
    pub fn robots(&self) -> Option<&'static str> {
        match (self.noindex, self.nofollow) {
            (false, false) => None,
            (true, false) => Some("noindex, follow"),
            (false, true) => Some("index, nofollow"),
            (true, true) => Some("noindex, nofollow"),
        }
    }
}
