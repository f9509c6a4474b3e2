//! SEO-plugin heads of the site's archives and pages, read as the live
//! source reads them (`kiosque_core::source::wordpress::plugin_heads`):
//! Yoast's `yoast_head_json` from the term and author lists
//! (`Urls::terms_with_seo`), else Rank Math's head for the permalink. Extras:
//! any failure leaves Kiosque's own head.

use std::collections::BTreeMap;

use kiosque_core::model::SeoHead;
use kiosque_core::source::wordpress::map::LinkContext;
use kiosque_core::source::wordpress::wire::{WpRoot, WpTerm, WpUser};
use kiosque_core::source::wordpress::{rank_math, seo};
use serde_json::Value;

use super::client::Client;

/// `categories/<slug>`, `tags/<slug>`, `users/<slug>` (WordPress's slugs) →
/// the plugin's head for that archive.
pub type Heads = BTreeMap<String, Box<SeoHead>>;

pub fn key(kind: &str, slug: &str) -> String {
    format!("{kind}/{slug}")
}

/// Yoast's head when it came with the object, else Rank Math's.
pub fn plugin_head(
    client: &Client,
    link: &str,
    yoast: Option<&Value>,
    root: &WpRoot,
    links: &LinkContext,
) -> Option<Box<SeoHead>> {
    if let Some(head) = yoast.and_then(|v| seo::yoast(v, links)) {
        return Some(Box::new(head));
    }
    let url = rank_math::head_url_for(&client.urls, link, yoast, root)?;
    let (answer, _) = client.get(&url).ok()?;
    let answer: rank_math::RankMathHead = serde_json::from_value(answer).ok()?;
    rank_math::head(&answer, links).map(Box::new)
}

/// Every category's, tag's and author's head.
pub fn archives(
    client: &Client,
    root: &WpRoot,
    links: &LinkContext,
    terms: [(&str, &[WpTerm]); 2],
    users: &[WpUser],
) -> Heads {
    let mut heads = Heads::new();
    for (kind, list) in terms {
        for t in list {
            if let Some(h) = plugin_head(client, &t.link, t.yoast_head_json.as_ref(), root, links) {
                heads.insert(key(kind, &t.slug), h);
            }
        }
    }
    for u in users {
        if let Some(h) = plugin_head(client, &u.link, u.yoast_head_json.as_ref(), root, links) {
            heads.insert(key("users", &u.slug), h);
        }
    }
    heads
}
