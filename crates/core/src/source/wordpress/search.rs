//! Search: over posts (`/wp/v2/posts?search=`), and over the configured
//! custom types too (`config.json`'s `post_types`). `/wp/v2/posts?search=`
//! knows posts only, so with types configured the search asks WordPress's
//! own search route
//! (`/wp/v2/search?type=post&subtype=post,<names>`), which pages and counts
//! all of them together in WordPress's order, then reads the hits' cards per
//! collection (`cards_in_order`, as the related rails do). The route wants
//! type names (`video`), the config gives REST bases (`videos`):
//! `/wp/v2/types` maps one to the other (cached by the door). Read as plain
//! JSON values: typed structs here cost several KB of wasm for three fields.

use std::collections::BTreeMap;

use serde_json::Value;

use super::urls::PostQuery;
use super::WordPressSource;
use crate::http::{FetchError, Paging};
use crate::model::ArticleSummary;
use crate::source::SearchResults;

impl WordPressSource {
    /// WordPress search (`/wp/v2/posts?search=&page=&per_page=`), in
    /// WordPress's order; totals from its `X-WP-Total` and
    /// `X-WP-TotalPages` headers.
    /// With custom types configured, WordPress's search route finds their
    /// items too (`search_with_types`).
    pub async fn search(&self, query: &str, page: u32, per_page: usize) -> Result<SearchResults, FetchError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(SearchResults::empty(query, page));
        }
        let per_page = u32::try_from(per_page.clamp(1, 100)).unwrap_or(100);
        let page = page.max(1);
        if let Some(found) = self.search_with_types(query, page, per_page).await {
            let (articles, paging) = found?;
            return Ok(search_results(query, page, per_page, articles, paging));
        }
        let q = PostQuery {
            search: Some(query.chars().take(200).collect()),
            ..PostQuery::list(per_page, page)
        };
        let (articles, paging) = self.summaries(&q).await?;
        Ok(search_results(query, page, per_page, articles, paging))
    }

    /// One page of hits over posts and custom types, as cards (a type's item
    /// with its `post_type`), with WordPress's totals; `None` when no type is
    /// configured or the site's types cannot be read (then posts alone are
    /// searched, as before types).
    pub(super) async fn search_with_types(
        &self,
        query: &str,
        page: u32,
        per_page: u32,
    ) -> Option<Result<(Vec<ArticleSummary>, Paging), FetchError>> {
        if self.search_types.is_empty() {
            return None;
        }
        let (types, _) = self.fetch::<Value>(&self.urls.types()).await.ok()?;
        // Type name → REST base, for the configured types WordPress has.
        let names: BTreeMap<&str, &str> = types
            .as_object()?
            .iter()
            .filter_map(|(name, t)| Some((name.as_str(), t.get("rest_base")?.as_str()?)))
            .filter(|(name, base)| *name != "post" && self.search_types.iter().any(|t| t == base))
            .collect();
        let subtypes: Vec<&str> = std::iter::once("post").chain(names.keys().copied()).collect();
        let url = self.urls.search_hits(query, &subtypes, page, per_page);
        Some(self.hits_as_cards(&url, &names, per_page).await)
    }

    async fn hits_as_cards(
        &self,
        url: &str,
        names: &BTreeMap<&str, &str>,
        per_page: u32,
    ) -> Result<(Vec<ArticleSummary>, Paging), FetchError> {
        let (hits, paging) = self.fetch::<Vec<Value>>(url).await?;
        // Each hit's collection: `None` for posts, else the type's REST base.
        let placed: Vec<(Option<&str>, u64)> = hits
            .iter()
            .filter_map(|h| {
                let id = h.get("id")?.as_u64()?;
                match h.get("subtype")?.as_str()? {
                    "post" => Some((None, id)),
                    name => Some((Some(*names.get(name)?), id)),
                }
            })
            .collect();
        let cards = self
            .cards_in_order(&placed, per_page)
            .await
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        Ok((cards, paging))
    }
}

/// A page of WordPress search results with its totals: the headers' when
/// sent, else what the page itself shows.
fn search_results(
    query: &str,
    page: u32,
    per_page: u32,
    articles: Vec<ArticleSummary>,
    paging: Paging,
) -> SearchResults {
    let seen = (page as usize - 1) * per_page as usize + articles.len();
    let total = paging.total.map_or(seen, |t| t as usize);
    let total_pages = paging
        .total_pages
        .unwrap_or_else(|| u32::try_from(total.div_ceil(per_page.max(1) as usize)).unwrap_or(u32::MAX))
        .max(1);
    SearchResults {
        query: query.to_string(),
        total,
        page,
        total_pages,
        articles,
    }
}
