//! The related rails of the export, as the live source ranks them
//! (`compose.rs`'s `related`): for each post, and each item of a custom
//! type with `in_related`, the `RELATED_POOL` newest posts sharing a
//! category or a tag, and as many of each allowed type's items, ranked
//! together by `rank_related` (3 points a shared tag, 2 the category, then
//! newest). An item in a rail carries its type (`post_type`).

use std::collections::HashMap;

use kiosque_core::config_types::PostTypeConfig;
use kiosque_core::model::ArticleSummary;
use kiosque_core::source::related::{rank_related, RelatedKey};
use kiosque_core::source::wordpress::urls::{RELATED_MAX, RELATED_POOL};

use super::build::Post;
use super::types::Typed;

/// A rail candidate: an exported post (`of` `None`) or an item.
struct Cand {
    of: Option<String>,
    id: u64,
    categories: Vec<u64>,
    tags: Vec<u64>,
    card: ArticleSummary,
    /// An item's place in `typed`: (type, item).
    item: Option<(usize, usize)>,
}

impl Cand {
    /// Its name in the ranking: the type is part of it, as the live source's.
    fn name(&self) -> String {
        self.of
            .as_ref()
            .map_or_else(|| self.id.to_string(), |t| format!("{t}:{}", self.id))
    }

    fn key(&self) -> RelatedKey {
        RelatedKey {
            slug: self.name(),
            category: self.categories.first().map(u64::to_string).unwrap_or_default(),
            tags: self.tags.iter().map(u64::to_string).collect(),
            published: self.card.published.unix(),
        }
    }

    fn shares(&self, o: &Cand) -> bool {
        o.categories.iter().any(|c| self.categories.contains(c)) || o.tags.iter().any(|t| self.tags.contains(t))
    }
}

/// Each post's rail (`posts` newest first, in their order), and each item
/// of an allowed type gets its own (`article.related`); items of the other
/// types get none and are in no rail.
pub fn fill(posts: &[Post<'_>], typed: &mut [Typed], types: &[PostTypeConfig]) -> Vec<Vec<ArticleSummary>> {
    let allowed = |rest_base: &str| types.iter().any(|t| t.in_related && t.rest_base == rest_base);
    let mut cands: Vec<Cand> = posts
        .iter()
        .map(|(id, e)| Cand {
            of: None,
            id: *id,
            categories: e.categories.clone(),
            tags: e.tags.clone(),
            card: e.summary.clone(),
            item: None,
        })
        .collect();
    let mut collections: Vec<Option<String>> = vec![None];
    for (ti, (rest_base, items)) in typed.iter().enumerate().filter(|(_, (r, _))| allowed(r)) {
        collections.push(Some(rest_base.clone()));
        let mut these: Vec<Cand> = items
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let mut card = i.summary.clone();
                card.post_type = Some(rest_base.clone());
                Cand {
                    of: Some(rest_base.clone()),
                    id: i.id,
                    categories: i.categories.clone(),
                    tags: i.tags.clone(),
                    card,
                    item: Some((ti, k)),
                }
            })
            .collect();
        // Newest first, as WordPress lists the pool.
        these.sort_by(|a, b| {
            b.card
                .published
                .unix()
                .cmp(&a.card.published.unix())
                .then(b.id.cmp(&a.id))
        });
        cands.extend(these);
    }
    let at: HashMap<String, usize> = cands.iter().enumerate().map(|(i, c)| (c.name(), i)).collect();
    let rail = |i: usize| -> Vec<ArticleSummary> {
        let me = &cands[i];
        if me.categories.is_empty() && me.tags.is_empty() {
            return Vec::new();
        }
        let mut pool = Vec::new();
        for c in &collections {
            pool.extend(
                cands
                    .iter()
                    .filter(|o| &o.of == c && o.id != me.id && me.shares(o))
                    .take(RELATED_POOL as usize)
                    .map(Cand::key),
            );
        }
        rank_related(&me.key(), &pool, RELATED_MAX)
            .iter()
            .filter_map(|name| at.get(name).map(|j| &cands[*j]))
            .filter(|o| !(o.card.slug == me.card.slug && o.of == me.of))
            .map(|o| o.card.clone())
            .collect()
    };
    let mut rails: Vec<Vec<ArticleSummary>> = (0..cands.len()).map(rail).collect();
    for (c, list) in cands.iter().skip(posts.len()).zip(rails.split_off(posts.len())) {
        if let Some((ti, k)) = c.item {
            if let Some(item) = typed.get_mut(ti).and_then(|(_, items)| items.get_mut(k)) {
                item.article.related = list;
            }
        }
    }
    rails
}

#[cfg(test)]
mod tests;
