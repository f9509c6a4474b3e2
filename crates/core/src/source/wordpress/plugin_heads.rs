//! SEO-plugin heads beside the article's (`compose.rs`): a category's, tag's
//! or author's archive (Yoast SEO's `yoast_head_json` on `/wp/v2/categories`,
//! `/wp/v2/tags`, `/wp/v2/users`; Rank Math's head for the archive's
//! permalink) and a page's Rank Math head. Every value goes through the
//! article's checks (`seo::yoast`). Extras: any failure means Kiosque's own
//! head.

use serde::Deserialize;
use serde_json::Value;

use super::map::LinkContext;
use super::rank_math::{self, RankMathHead};
use super::wire::{lenient, WpRoot};
use super::WordPressSource;
use crate::model::SeoHead;
use crate::source::ListingRequest;

/// What `Urls::seo_by_slug` answers for one term or user.
#[derive(Debug, Default, Deserialize)]
struct SeoFields {
    #[serde(default, deserialize_with = "lenient")]
    link: String,
    #[serde(default)]
    yoast_head_json: Option<Value>,
}

impl WordPressSource {
    /// The head a plugin gives a listing; `None` for the home archive.
    pub(super) async fn listing_head(&self, list: &ListingRequest) -> Option<Box<SeoHead>> {
        let (kind, slug) = match list {
            ListingRequest::Latest | ListingRequest::PostType(_) => return None,
            ListingRequest::Category(s) => ("categories", s),
            ListingRequest::Tag(s) => ("tags", s),
            ListingRequest::Author(s) => ("users", s),
        };
        let slug = crate::source::checked_slug(slug).ok()?;
        let (raw, _) = self
            .fetch::<Vec<Value>>(&self.urls.seo_by_slug(kind, slug))
            .await
            .ok()?;
        let fields = SeoFields::deserialize(raw.first()?).ok()?;
        self.plugin_head(&fields.link, fields.yoast_head_json.as_ref(), None)
            .await
    }

    /// Yoast's head when it came with the object, else Rank Math's for its
    /// permalink where the site has Rank Math's headless route. `links`:
    /// the site's, when the caller has them; else read only once a plugin
    /// answered (a site without one costs no more requests).
    pub(super) async fn plugin_head(
        &self,
        link: &str,
        yoast: Option<&Value>,
        links: Option<&LinkContext>,
    ) -> Option<Box<SeoHead>> {
        let read;
        let links = match links {
            Some(l) => l,
            None if yoast.is_some_and(|v| !v.is_null()) => {
                read = self.link_context().await;
                &read
            }
            None => {
                let answer = self.rank_math_answer(link).await?;
                let links = self.link_context().await;
                return rank_math::head(&answer, &links).map(Box::new);
            }
        };
        if let Some(head) = yoast.and_then(|v| super::seo::yoast(v, links)) {
            return Some(Box::new(head));
        }
        if yoast.is_some_and(|v| !v.is_null()) {
            return None;
        }
        let answer = self.rank_math_answer(link).await?;
        rank_math::head(&answer, links).map(Box::new)
    }

    /// Rank Math's successful answer for `link`, where the site has its route.
    async fn rank_math_answer(&self, link: &str) -> Option<RankMathHead> {
        // The index is the one `site()` reads: the HTTP layer has it.
        let (root, _) = self.fetch::<WpRoot>(&self.urls.index()).await.ok()?;
        let url = rank_math::head_url_for(&self.urls, link, None, &root)?;
        let (answer, _) = self.fetch::<RankMathHead>(&url).await.ok()?;
        answer.success.then_some(answer)
    }
}
