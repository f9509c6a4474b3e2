//! "Vous aimerez aussi" for the demo's static API: articles and custom post
//! types' items ranked together (`source::related`). An item in a list is
//! marked with its type (`post_type`); the reader keeps it only when the
//! site's `config.json` allows that type in rails (`in_related`), so every
//! list holds `count` articles, plus the items ranked among them.

use std::collections::HashMap;

use kiosque_core::model::{Article, ArticleSummary};
use kiosque_core::source::related::{rank_related, RelatedKey};

/// The ranking key of an article (`type_of` `None`) or of an item: the type
/// is part of it, as an item may share an article's slug.
fn key_name(type_of: Option<&str>, slug: &str) -> String {
    type_of.map_or_else(|| slug.to_string(), |t| format!("{t}:{slug}"))
}

/// Fills the `related` list of every article and item in `all` (each with
/// its type, `None` for an article): best first, up to `count` articles and
/// the items ranked before the last of them.
pub fn fill(all: &mut [(Option<&str>, &mut Article)], count: usize) {
    let keys: Vec<RelatedKey> = all
        .iter()
        .map(|(t, a)| RelatedKey {
            slug: key_name(*t, &a.slug),
            category: a.category.slug.clone(),
            tags: a.tags.iter().map(|t| t.slug.clone()).collect(),
            published: a.published.unix(),
        })
        .collect();
    let summaries: HashMap<String, ArticleSummary> = all
        .iter()
        .map(|(t, a)| {
            let mut s = a.summary();
            s.post_type = t.map(str::to_string);
            (key_name(*t, &a.slug), s)
        })
        .collect();
    for (i, (_, a)) in all.iter_mut().enumerate() {
        let mut articles = 0;
        a.related = rank_related(&keys[i], &keys, keys.len())
            .iter()
            .filter_map(|k| summaries.get(k).cloned())
            .take_while(|s| {
                let more = articles < count;
                articles += usize::from(s.post_type.is_none());
                more
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use kiosque_core::model::TagRef;

    fn article(slug: &str, category: &str, tags: &[&str], published: &str) -> Article {
        let json = serde_json::json!({
            "slug": slug, "title": slug, "category": { "slug": category, "name": category },
            "published": published,
        });
        let mut a: Article = serde_json::from_value(json).unwrap();
        a.tags = tags
            .iter()
            .map(|t| TagRef {
                slug: t.to_string(),
                name: t.to_string(),
            })
            .collect();
        a
    }

    fn names(a: &Article) -> Vec<String> {
        a.related
            .iter()
            .map(|r| key_name(r.post_type.as_deref(), &r.slug))
            .collect()
    }

    #[test]
    fn items_and_articles_rank_together_and_articles_fill_the_count() {
        let mut a = article("a", "maghreb", &["eau"], "2026-10-01T08:00:00Z");
        let mut b = article("b", "sport", &[], "2026-10-02T08:00:00Z");
        let mut c = article("c", "maghreb", &[], "2026-10-03T08:00:00Z");
        let mut v = article("v", "maghreb", &["eau"], "2026-09-01T08:00:00Z");
        let mut w = article("a", "monde", &[], "2026-10-04T08:00:00Z");
        let mut all = [
            (None, &mut a),
            (None, &mut b),
            (None, &mut c),
            (Some("videos"), &mut v),
            (Some("videos"), &mut w),
        ];
        fill(&mut all, 2);
        // The video sharing tag and category comes first; then two articles.
        assert_eq!(names(&a), ["videos:v", "c", "videos:a", "b"]);
        assert_eq!(a.related[0].post_type.as_deref(), Some("videos"));
        assert!(
            a.related[2].post_type.is_some(),
            "an item with an article's slug is the item"
        );
        // An item's own list: the article sharing its tag first, never
        // itself; it ends at the second article.
        assert_eq!(names(&v), ["a", "c"]);
    }
}
