//! Search over posts and the configured custom types (`config.json`'s
//! `post_types`). `/wp/v2/posts?search=` knows posts only, so with types
//! configured the search asks WordPress's own search route
//! (`/wp/v2/search?type=post&subtype=post,<names>`), which pages and counts
//! all of them together in WordPress's order, then reads the hits' cards per
//! collection (`include=…&orderby=include`, one request each, at once). The
//! route wants type names (`video`), the config gives REST bases (`videos`):
//! `/wp/v2/types` maps one to the other (cached by the door).

use std::collections::{BTreeMap, VecDeque};

use serde::Deserialize;

use super::urls::PostQuery;
use super::WordPressSource;
use crate::http::FetchError;
use crate::http::Paging;
use crate::model::ArticleSummary;

/// One hit of the search route.
#[derive(Deserialize)]
struct Hit {
    id: u64,
    #[serde(default)]
    subtype: String,
}

/// One post type of `/wp/v2/types` (keyed by its name).
#[derive(Deserialize)]
struct WpType {
    #[serde(default)]
    rest_base: String,
}

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
        // Type name → REST base, for the configured types WordPress has.
        let names: BTreeMap<String, String> = self
            .fetch::<BTreeMap<String, WpType>>(&self.urls.types())
            .await
            .ok()?
            .0
            .into_iter()
            .filter(|(name, t)| name != "post" && self.search_types.contains(&t.rest_base))
            .map(|(name, t)| (name, t.rest_base))
            .collect();
        let subtypes: Vec<&str> = std::iter::once("post")
            .chain(names.keys().map(String::as_str))
            .collect();
        let url = self.urls.search_hits(query, &subtypes, page, per_page);
        Some(self.hits_as_cards(&url, &names).await)
    }

    async fn hits_as_cards(
        &self,
        url: &str,
        names: &BTreeMap<String, String>,
    ) -> Result<(Vec<ArticleSummary>, Paging), FetchError> {
        let (hits, paging) = self.fetch::<Vec<Hit>>(url).await?;
        // Each hit's collection: `None` for posts, else the type's REST base.
        let placed: Vec<(Option<&str>, u64)> = hits
            .iter()
            .filter_map(|h| match h.subtype.as_str() {
                "post" => Some((None, h.id)),
                name => Some((Some(names.get(name)?.as_str()), h.id)),
            })
            .collect();
        let mut collections: Vec<Option<&str>> = placed.iter().map(|(c, _)| *c).collect();
        collections.sort_unstable();
        collections.dedup();
        let lists = futures::future::join_all(collections.iter().map(|c| {
            let include: Vec<u64> = placed.iter().filter(|(t, _)| t == c).map(|(_, id)| *id).collect();
            async move {
                let q = PostQuery {
                    collection: c.map(str::to_string),
                    per_page: u32::try_from(include.len()).unwrap_or(100),
                    include,
                    ..PostQuery::list(1, 1)
                };
                let (mut list, _) = self.summaries(&q).await?;
                list.iter_mut().for_each(|a| a.post_type = c.map(str::to_string));
                Ok::<_, FetchError>(list)
            }
        }))
        .await;
        let mut queues = Vec::with_capacity(lists.len());
        for list in lists {
            queues.push(VecDeque::from(list?));
        }
        // Back in WordPress's order: each list is in it (`orderby=include`).
        let cards = placed
            .iter()
            .filter_map(|(c, _)| {
                let i = collections.iter().position(|x| x == c)?;
                queues.get_mut(i)?.pop_front()
            })
            .collect();
        Ok((cards, paging))
    }
}
