//! Related-article ranking, shared by every source that has to compute
//! "Vous aimerez aussi" itself (the content command; the WordPress adapter).

use crate::model::ArticleSummary;

/// What ranking needs to know about an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedKey {
    pub slug: String,
    /// The category slug.
    pub category: String,
    /// Tag slugs (duplicates are ignored).
    pub tags: Vec<String>,
    /// Publication time, seconds since the Unix epoch.
    pub published: i64,
}

/// The most a related rail shows (and a source keeps).
pub const RAIL_MAX: usize = 6;

/// Keeps, in a related list, the articles and the items of the custom
/// types in `allowed` (REST bases, `post_types[].in_related`), in their
/// order, at most `limit`: a type that is not allowed never shows there.
pub fn keep_allowed(related: &mut Vec<ArticleSummary>, allowed: &[String], limit: usize) {
    related.retain(|a| a.post_type.as_ref().is_none_or(|t| allowed.contains(t)));
    related.truncate(limit);
}

/// Points per shared tag.
pub const TAG_POINTS: u32 = 3;
/// Points for the same category.
pub const CATEGORY_POINTS: u32 = 2;

/// How related `candidate` is to `target`: 3 points per shared tag, 2 for
/// the same category.
pub fn relatedness(target: &RelatedKey, candidate: &RelatedKey) -> u32 {
    let mut shared = 0;
    for (i, t) in candidate.tags.iter().enumerate() {
        if !candidate.tags[..i].contains(t) && target.tags.contains(t) {
            shared += 1;
        }
    }
    // No category (a custom type's item may have none) is not a shared one.
    let category = if !target.category.is_empty() && candidate.category == target.category {
        CATEGORY_POINTS
    } else {
        0
    };
    shared * TAG_POINTS + category
}

/// The slugs of the articles most related to `target`, best first, at most
/// `limit`. Candidates that share tags or the category come first, by score
/// then recency (newest first, then slug); when fewer than `limit` of them
/// exist, the list is filled with the newest other articles. The target
/// itself (same slug) is never returned, nor is any slug twice.
pub fn rank_related(target: &RelatedKey, candidates: &[RelatedKey], limit: usize) -> Vec<String> {
    let mut pool: Vec<(u32, &RelatedKey)> = Vec::new();
    for c in candidates {
        if c.slug != target.slug && !pool.iter().any(|(_, p)| p.slug == c.slug) {
            pool.push((relatedness(target, c), c));
        }
    }
    let newest = |a: &RelatedKey, b: &RelatedKey| b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug));
    let (mut scored, mut rest): (Vec<_>, Vec<_>) = pool.into_iter().partition(|(s, _)| *s > 0);
    scored.sort_by(|(sa, a), (sb, b)| sb.cmp(sa).then_with(|| newest(a, b)));
    // Filling: same category first (only reachable with a zero score when
    // scoring changes), then the newest of the rest.
    rest.sort_by(|(_, a), (_, b)| {
        let same = |c: &RelatedKey| !target.category.is_empty() && c.category == target.category;
        same(b).cmp(&same(a)).then_with(|| newest(a, b))
    });
    scored
        .into_iter()
        .chain(rest)
        .take(limit)
        .map(|(_, c)| c.slug.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(slug: &str, category: &str, tags: &[&str], published: i64) -> RelatedKey {
        RelatedKey {
            slug: slug.into(),
            category: category.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            published,
        }
    }

    #[test]
    fn scores_three_per_shared_tag_and_two_for_the_category() {
        let t = key("t", "economie", &["eau", "maroc", "energie"], 0);
        assert_eq!(relatedness(&t, &key("a", "economie", &["eau", "maroc"], 0)), 8);
        assert_eq!(relatedness(&t, &key("b", "sport", &["eau"], 0)), 3);
        assert_eq!(relatedness(&t, &key("c", "economie", &[], 0)), 2);
        assert_eq!(relatedness(&t, &key("d", "sport", &["foot"], 0)), 0);
        // A repeated tag counts once.
        assert_eq!(relatedness(&t, &key("e", "sport", &["eau", "eau"], 0)), 3);
        // Two items without a category share none.
        assert_eq!(relatedness(&key("v", "", &[], 0), &key("w", "", &[], 0)), 0);
    }

    #[test]
    fn ranks_by_score_then_newest_then_slug() {
        let t = key("t", "economie", &["eau", "maroc"], 100);
        let c = [
            key("cat-old", "economie", &[], 10),
            key("two-tags", "sport", &["eau", "maroc"], 5),
            key("tag-cat", "economie", &["eau"], 1),
            key("cat-new", "economie", &[], 50),
            key("tag-new", "monde", &["maroc"], 90),
            key("tag-old", "monde", &["eau"], 20),
            key("tag-new-b", "monde", &["eau"], 90),
        ];
        assert_eq!(
            rank_related(&t, &c, 10),
            [
                "two-tags",
                "tag-cat",
                "tag-new",
                "tag-new-b",
                "tag-old",
                "cat-new",
                "cat-old"
            ],
        );
        assert_eq!(rank_related(&t, &c, 3), ["two-tags", "tag-cat", "tag-new"]);
    }

    #[test]
    fn never_returns_the_target_or_duplicates() {
        let t = key("t", "sport", &["foot"], 100);
        let c = [
            key("t", "sport", &["foot"], 200),
            key("a", "sport", &["foot"], 50),
            key("a", "sport", &["foot"], 50),
        ];
        assert_eq!(rank_related(&t, &c, 5), ["a"]);
    }

    #[test]
    fn fills_with_the_newest_unrelated_articles_when_short() {
        let t = key("t", "culture", &["cinema"], 100);
        let c = [
            key("old", "sport", &["foot"], 10),
            key("related", "culture", &[], 5),
            key("newest", "monde", &["diplomatie"], 300),
            key("mid", "economie", &[], 60),
        ];
        assert_eq!(rank_related(&t, &c, 3), ["related", "newest", "mid"]);
        assert_eq!(rank_related(&t, &c, 10), ["related", "newest", "mid", "old"]);
    }

    #[test]
    fn keeps_articles_and_allowed_types_only_up_to_the_limit() {
        let card = |slug: &str, t: Option<&str>| -> ArticleSummary {
            let mut a: ArticleSummary = serde_json::from_value(serde_json::json!({
                "slug": slug, "title": slug, "category": { "slug": "c", "name": "C" },
                "published": "2026-01-01T00:00:00Z",
            }))
            .unwrap();
            a.post_type = t.map(str::to_string);
            a
        };
        let list = vec![
            card("v", Some("videos")),
            card("a", None),
            card("o", Some("opinions")),
            card("b", None),
            card("c", None),
        ];
        let slugs = |l: &[ArticleSummary]| l.iter().map(|a| a.slug.clone()).collect::<Vec<_>>();
        let mut kept = list.clone();
        keep_allowed(&mut kept, &["videos".to_string()], 3);
        assert_eq!(slugs(&kept), ["v", "a", "b"]);
        let mut kept = list;
        keep_allowed(&mut kept, &[], 10);
        assert_eq!(slugs(&kept), ["a", "b", "c"]);
    }

    #[test]
    fn empty_inputs_and_zero_limit() {
        let t = key("t", "culture", &[], 0);
        assert!(rank_related(&t, &[], 4).is_empty());
        assert!(rank_related(&t, &[key("a", "culture", &[], 0)], 0).is_empty());
    }

    #[test]
    fn is_deterministic_whatever_the_input_order() {
        let t = key("t", "maghreb", &["eau", "climat"], 100);
        let mut c = vec![
            key("a", "maghreb", &["eau"], 50),
            key("b", "maghreb", &["climat"], 50),
            key("c", "afrique", &["eau", "climat"], 50),
            key("d", "monde", &[], 70),
            key("e", "maghreb", &[], 80),
        ];
        let first = rank_related(&t, &c, 4);
        c.reverse();
        assert_eq!(rank_related(&t, &c, 4), first);
        assert_eq!(first, ["c", "a", "b", "e"]);
    }
}
