//! A protected post on a static site exported from WordPress: its text is
//! read from that WordPress (`api.unlock_url`, its REST root) with the
//! password the reader typed, by the same rules as the WordPress source
//! (`wordpress/unlock.rs`): one GET with the `password` parameter, from the
//! reader's browser straight to WordPress, never cached (by the HTTP layer
//! or the service worker, which passes `password=` requests by), never in
//! the page data or the export. The static bundle has no WordPress adapter,
//! so the answer is converted here; WordPress's own links in it become
//! site paths, which the app's old-permalink redirects then resolve.

use serde::Deserialize;

use super::static_json::StaticSource;
use crate::body::{html_to_blocks, BodyOptions};
use crate::csp::origin_of;
use crate::http::{parse_json, FetchError};
use crate::model::Block;
use crate::routes::encode_component;

/// A protected post's text: its blocks and where pages 2… start; `None`
/// when WordPress did not take the password.
pub type Unlocked = Option<(Vec<Block>, Vec<usize>)>;

/// WordPress's marker between the pages of a multi-page post.
const NEXT_PAGE: &str = "<!--nextpage-->";

#[derive(Deserialize)]
struct Post {
    #[serde(default)]
    content: Content,
}

#[derive(Default, Deserialize)]
struct Content {
    #[serde(default)]
    rendered: String,
}

/// The request for protected post `slug` with `password`, under the REST
/// root `root` (`https://site/wp-json`, or `https://site/?rest_route=`).
pub fn unlock_url(root: &str, slug: &str, password: &str) -> String {
    let root = root.trim().trim_end_matches('/');
    let sep = if root.contains('?') { '&' } else { '?' };
    format!(
        "{root}/wp/v2/posts{sep}slug={}&password={}&_fields=content",
        encode_component(slug),
        encode_component(password)
    )
}

/// WordPress's answer → the text (blocks, and where pages 2… start), or
/// `None` when it did not take the password (an empty text).
pub fn unlocked(body: &str, root: &str) -> Result<Unlocked, FetchError> {
    let posts: Vec<Post> = parse_json(body)?;
    let post = posts.into_iter().next().ok_or(FetchError::NotFound)?;
    let opts = BodyOptions {
        internal_origins: origin_of(root).into_iter().collect(),
        ..Default::default()
    };
    let (mut blocks, mut starts) = (Vec::new(), Vec::new());
    for part in post.content.rendered.split(NEXT_PAGE) {
        let page = html_to_blocks(part, &opts);
        if page.is_empty() {
            continue;
        }
        if !blocks.is_empty() {
            starts.push(blocks.len());
        }
        blocks.extend(page);
    }
    Ok((!blocks.is_empty()).then_some((blocks, starts)))
}

impl StaticSource {
    /// The text of protected post `slug`, asked of the WordPress that
    /// `api.unlock_url` names; without one, `NotFound` (nothing can unlock it).
    pub async fn unlock(&self, slug: &str, password: &str) -> Result<Unlocked, FetchError> {
        let root = self.unlock_root().ok_or(FetchError::NotFound)?;
        let body = self
            .door()
            .get_text_fresh(&unlock_url(root, slug, password), self.timeout())
            .await?;
        unlocked(&body, root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_carries_slug_and_password_encoded_and_asks_only_the_content() {
        assert_eq!(
            unlock_url("https://wp.example/wp-json/", "note-réservée", "a&b c"),
            "https://wp.example/wp-json/wp/v2/posts?slug=note-r%C3%A9serv%C3%A9e&password=a%26b%20c&_fields=content"
        );
        assert_eq!(
            unlock_url("https://wp.example/?rest_route=", "n", "p"),
            "https://wp.example/?rest_route=/wp/v2/posts&slug=n&password=p&_fields=content"
        );
    }

    #[test]
    fn pages_are_split_where_wordpress_splits_them_and_an_empty_text_is_a_refusal() {
        let body = r#"[{"content":{"rendered":"<p>Un</p><!--nextpage--><p>Deux</p>","protected":true}}]"#;
        let (blocks, starts) = unlocked(body, "https://wp.example/wp-json")
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!((blocks.len(), starts), (2, vec![1]));
        let refused = r#"[{"content":{"rendered":"","protected":true}}]"#;
        assert_eq!(unlocked(refused, "https://wp.example/wp-json"), Ok(None));
        assert_eq!(unlocked("[]", "https://wp.example/wp-json"), Err(FetchError::NotFound));
    }
}
