//! What a WordPress site holds, for walking it whole: the REST list
//! endpoints, 100 items a request, following `X-WP-TotalPages`.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::urls::{PostQuery, LIST_MAX};
use super::wire::{self, WpPost, WpSlug, WpTerm, WpUser};
use super::{fill, map, parse_one, routable, WordPressSource};
use crate::http::FetchError;
use crate::model::{ArchiveIndex, ArchivePage, ArchiveTerm, ArticleIndexPage, ArticleStub, Malformed};

/// A list longer than this many requests is cut (a runaway backend).
const MAX_LIST_PAGES: u32 = 10_000;
/// What every view of the live source may need (categories for the
/// navigation and breadcrumbs, page slugs for links) is read whole, up to
/// this many pages (2,000 items): a browser never walks a runaway list.
pub(super) const LIVE_LIST_PAGES: u32 = 20;

impl WordPressSource {
    pub async fn archive(&self) -> Result<ArchiveIndex, FetchError> {
        let categories: Vec<WpTerm> = self.all(|p| self.urls.terms("categories", p)).await?;
        let tags: Vec<WpTerm> = self.all(|p| self.urls.terms("tags", p)).await?;
        // A security plugin may close the users endpoint (401/403/404):
        // the site still works, without author pages.
        let users: Vec<WpUser> = match self.all(|p| self.urls.authors(p)).await {
            Err(FetchError::Denied(_) | FetchError::NotFound) => Vec::new(),
            other => other?,
        };
        let pages: Vec<WpSlug> = self.all(|p| self.urls.page_slugs_at(p)).await?;
        // A parent category counts none of its children's posts: kept when
        // they have some (`tree::non_empty`), as WordPress's `hide_empty` does.
        let terms = |list: Vec<WpTerm>| -> Vec<ArchiveTerm> {
            let keep = super::tree::non_empty(&list);
            list.iter()
                .filter(|t| keep.contains(&t.id))
                .filter_map(|t| {
                    Some(ArchiveTerm {
                        slug: routable(&t.slug).ok()?,
                        name: map::text(&t.name),
                        total: t.count,
                        total_pages: Some(t.count.div_ceil(self.per_page).max(1)),
                        wp_id: Some(t.id),
                    })
                })
                .collect()
        };
        Ok(ArchiveIndex {
            version: crate::model::API_VERSION,
            categories: terms(categories),
            tags: terms(tags),
            // WordPress does not count a user's posts: their listing's
            // first page tells.
            authors: users
                .iter()
                .filter_map(|u| {
                    Some(ArchiveTerm {
                        slug: routable(&u.slug).ok()?,
                        name: map::text(&u.name),
                        total: 0,
                        total_pages: None,
                        wp_id: Some(u.id),
                    })
                })
                .collect(),
            pages: pages
                .iter()
                .filter(|p| p.status == "publish")
                .filter_map(|p| routable(&p.slug).ok())
                // The page list asks for slugs only: no `?page_id=` redirects
                // from a live WordPress (the static API may carry `wp_id`).
                .map(|slug| ArchivePage {
                    slug,
                    modified: None,
                    wp_id: None,
                    parents: Vec::new(),
                })
                .collect(),
        })
    }

    /// Every item of a paginated REST list; items that do not parse are
    /// left out (a bad term or user only loses its own listing).
    pub(super) async fn all<T: DeserializeOwned>(&self, url: impl Fn(u32) -> String) -> Result<Vec<T>, FetchError> {
        self.all_upto(url, MAX_LIST_PAGES).await
    }

    /// [`Self::all`], reading at most `max_pages` pages.
    pub(super) async fn all_upto<T: DeserializeOwned>(
        &self,
        url: impl Fn(u32) -> String,
        max_pages: u32,
    ) -> Result<Vec<T>, FetchError> {
        let mut out = Vec::new();
        let mut page = 1;
        let mut size = 0;
        loop {
            let (raw, paging) = match self.fetch::<Vec<Value>>(&url(page)).await {
                // Past the end of a list read beyond its stated pages (below).
                Err(FetchError::Status(400)) if page > 1 => return Ok(out),
                other => other?,
            };
            if page == 1 {
                size = raw.len();
            }
            let len = raw.len();
            out.extend(wire::parse_each::<T>(&raw));
            let stated = paging.total_pages.unwrap_or(1);
            if page >= max_pages || !super::cap::list_goes_on(page, stated, size, len) {
                return Ok(out);
            }
            page += 1;
        }
    }

    /// Page `page` of every published post, `LIST_MAX` a request, newest first.
    pub async fn article_index(&self, page: u32) -> Result<ArticleIndexPage, FetchError> {
        if page == 0 {
            return Err(FetchError::NotFound);
        }
        let (raw, paging) = match self.fetch_posts(&PostQuery::list(LIST_MAX, page)).await {
            Err(FetchError::Status(400)) if page > 1 => return Err(FetchError::NotFound),
            other => other?,
        };
        // `_embed` refused or partial: categories from the (cached) list.
        let needs_list = wire::parse_each::<WpPost>(&raw).iter().any(fill::lacks_category);
        let list = if needs_list {
            self.categories().await.unwrap_or_default()
        } else {
            Vec::new()
        };
        let mut articles = Vec::new();
        let mut malformed = Vec::new();
        for v in &raw {
            let id = v.get("id").and_then(Value::as_u64);
            let slug = v.get("slug").and_then(Value::as_str).and_then(|s| routable(s).ok());
            let status = v.get("status").and_then(Value::as_str).unwrap_or("publish");
            if status != "publish" {
                continue;
            }
            let mapped = parse_one::<WpPost>(v, "post").and_then(|mut p| {
                fill::fill_categories(&mut p, &list);
                Ok((p.id, map::summary(&p)?))
            });
            match mapped {
                Ok((id, s)) => articles.push(ArticleStub {
                    wp_id: Some(id),
                    parts: None,
                    post_type: None,
                    ..ArticleStub::from(&s)
                }),
                Err(e) => malformed.push(Malformed {
                    name: slug
                        .clone()
                        .unwrap_or_else(|| format!("post {}", id.map_or("?".into(), |i| i.to_string()))),
                    slug,
                    error: e.to_string(),
                }),
            }
        }
        let total = paging.total.unwrap_or(raw.len() as u32);
        Ok(ArticleIndexPage {
            version: crate::model::API_VERSION,
            page,
            total_pages: paging.total_pages.unwrap_or_else(|| total.div_ceil(LIST_MAX)).max(1),
            total,
            articles,
            malformed,
        })
    }
}
