//! Posts whose `_embedded` terms are missing or partial (a security plugin
//! or cache that strips `_embed`) get their categories from the site's
//! category list, which the adapter fetches once and the HTTP layer caches,
//! instead of failing with "no embedded category".

use serde_json::{json, Value};

use super::wire::{WpPost, WpTerm};

/// Whether `post` has no embedded category term.
pub fn lacks_category(post: &WpPost) -> bool {
    !post.embedded.terms().iter().any(|t| t.taxonomy == "category")
}

/// Adds the post's categories (by its `categories` IDs) from `list` as an
/// embedded term list, when none is embedded. Unknown IDs are skipped, so a
/// post whose categories are all unknown still has none (and is reported).
pub fn fill_categories(post: &mut WpPost, list: &[WpTerm]) {
    if !lacks_category(post) {
        return;
    }
    let found: Vec<Value> = post
        .categories
        .iter()
        .filter_map(|id| list.iter().find(|t| t.id == *id))
        .map(|t| {
            json!({
                "id": t.id, "name": t.name, "slug": t.slug, "description": t.description,
                "count": t.count, "parent": t.parent, "taxonomy": "category",
            })
        })
        .collect();
    if !found.is_empty() {
        post.embedded.terms.push(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::wordpress::{map, wire::parse_each};

    fn post(embedded: Value) -> WpPost {
        let v = json!({
            "id": 7, "slug": "bare", "date": "2020-05-01T10:00:00", "date_gmt": "2020-05-01T08:00:00",
            "title": {"rendered": "Bare"}, "excerpt": {"rendered": "<p>Text.</p>"},
            "categories": [3, 9], "_embedded": embedded,
        });
        parse_each::<WpPost>(&[v]).into_iter().next().unwrap_or_default()
    }

    fn cats() -> Vec<WpTerm> {
        parse_each(&[
            json!({"id": 9, "name": "World &amp; more", "slug": "world", "count": 4, "taxonomy": "category"}),
            json!({"id": 3, "name": "Science", "slug": "science", "count": 2, "taxonomy": "category"}),
        ])
    }

    #[test]
    fn a_post_without_embedded_terms_takes_its_first_category_from_the_list() {
        let mut p = post(json!({}));
        assert!(map::summary(&p).is_err(), "the unfilled post has no category");
        fill_categories(&mut p, &cats());
        let s = map::summary(&p).map_err(|e| e.to_string());
        assert_eq!(
            s.map(|s| (s.category.slug, s.category.name)),
            Ok(("science".into(), "Science".into()))
        );
    }

    #[test]
    fn embedded_categories_are_kept_as_they_are() {
        let embedded = json!({"wp:term": [[{"id": 9, "name": "World", "slug": "world", "taxonomy": "category"}]]});
        let mut p = post(embedded);
        fill_categories(&mut p, &cats());
        assert_eq!(p.embedded.terms.len(), 1);
        assert_eq!(map::summary(&p).map(|s| s.category.slug).ok(), Some("world".into()));
    }

    #[test]
    fn only_tags_embedded_is_partial_and_gets_filled() {
        let embedded = json!({"wp:term": [[], [{"id": 40, "name": "T", "slug": "t", "taxonomy": "post_tag"}]]});
        let mut p = post(embedded);
        fill_categories(&mut p, &cats());
        assert_eq!(map::summary(&p).map(|s| s.category.slug).ok(), Some("science".into()));
    }

    #[test]
    fn unknown_category_ids_leave_the_post_unmapped() {
        let mut p = post(json!({}));
        fill_categories(&mut p, &[]);
        assert!(map::summary(&p).is_err());
    }
}
