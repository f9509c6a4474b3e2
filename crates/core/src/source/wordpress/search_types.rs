//! Search over posts and the configured custom types (`config.json`'s
//! `post_types`). `/wp/v2/posts?search=` knows posts only, so with types
//! configured the search asks WordPress's own search route
//! (`/wp/v2/search?type=post&subtype=post,<names>`), which pages and counts
//! all of them together in WordPress's order, then reads the hits' cards per
//! collection (`cards_in_order`, as the related rails do). The route wants
//! type names (`video`), the config gives REST bases (`videos`):
//! `/wp/v2/types` maps one to the other (cached by the door). Read as plain
//! JSON values: typed structs here cost several KB of wasm for three fields.

use std::collections::BTreeMap;

use serde_json::Value;

use super::WordPressSource;
use crate::http::{FetchError, Paging};
use crate::model::ArticleSummary;

impl WordPressSource {
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
