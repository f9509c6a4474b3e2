//! A password-protected post's text, read with the password the reader typed.
//!
//! WordPress reads a post's password from the REST `password` parameter of
//! a GET only: a POST to a post route is an edit (`rest_cannot_edit`), and a
//! POST overridden to GET (`X-HTTP-Method-Override`) drops its body
//! parameters (checked on WordPress 6.x). So the password rides in the query
//! string of one request, sent straight from the reader's browser to
//! WordPress, never through a CDN of ours, never cached (here, by the HTTP
//! layer, or by the service worker, which passes `password=` requests by)
//! and never put in the page data.

use serde::Deserialize;

use super::adapter::WordPressSource;
use super::paging::paged_body;
use super::wire::Rendered;
use crate::http::{self, FetchError};
use crate::model::Block;
use crate::routes::encode_component;

#[derive(Deserialize)]
struct Content {
    #[serde(default)]
    content: Rendered,
}

impl WordPressSource {
    /// The text of protected post `slug` (blocks, and where pages 2… start),
    /// or `None` when WordPress did not take `password` (it answers a wrong
    /// password on the list route with the post and an empty text).
    pub async fn unlock(&self, slug: &str, password: &str) -> Result<Option<(Vec<Block>, Vec<usize>)>, FetchError> {
        let url = self.urls.at(
            "wp/v2/posts",
            &format!(
                "slug={}&password={}&_fields=content",
                encode_component(slug),
                encode_component(password)
            ),
        );
        let body = self.fetch_fresh(&url).await?;
        let posts: Vec<Content> = http::parse_json(&body)?;
        let Some(post) = posts.into_iter().next() else {
            return Err(FetchError::NotFound);
        };
        let links = self.link_context().await;
        let (blocks, starts) = paged_body(&post.content.rendered, &links);
        Ok((!blocks.is_empty()).then_some((blocks, starts)))
    }
}
