#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use super::*;
use crate::export::build::sort_newest;
use crate::export::state::tests::entry;
use crate::export::state::Entry;
use crate::export::types::Item;
use kiosque_core::model::{Article, Timestamp};

fn post(slug: &str, day: u32, cats: &[u64], tags: &[u64]) -> Entry {
    let mut e = entry(slug, "x");
    e.summary.published = Timestamp::parse(&format!("2026-11-{day:02}T10:00:00Z")).unwrap();
    e.categories = cats.to_vec();
    e.tags = tags.to_vec();
    e
}

fn item(id: u64, slug: &str, day: u32, cats: &[u64], tags: &[u64]) -> Item {
    let e = post(slug, day, cats, tags);
    let article: Article = serde_json::from_value(serde_json::json!({
        "slug": slug, "title": slug, "category": e.summary.category, "published": e.summary.published,
    }))
    .unwrap();
    Item {
        id,
        categories: cats.to_vec(),
        tags: tags.to_vec(),
        summary: e.summary,
        article,
    }
}

fn video_type(in_related: bool) -> PostTypeConfig {
    PostTypeConfig {
        rest_base: "videos".into(),
        prefix: "video".into(),
        label: BTreeMap::from([("fr".to_string(), "Vidéos".to_string())]),
        in_related,
        in_feeds: false,
    }
}

fn names(rail: &[ArticleSummary]) -> Vec<String> {
    rail.iter()
        .map(|a| {
            a.post_type
                .as_ref()
                .map_or_else(|| a.slug.clone(), |t| format!("{t}:{}", a.slug))
        })
        .collect()
}

fn entries() -> Vec<Entry> {
    vec![
        post("a", 1, &[1], &[5, 6]),
        post("b", 2, &[2], &[5, 6]),
        post("c", 3, &[1], &[]),
        post("d", 4, &[3], &[9]),
        post("e", 5, &[1], &[5]),
    ]
}

#[test]
fn related_rails_rank_the_newest_posts_sharing_a_term() {
    let entries = entries();
    let mut posts: Vec<Post<'_>> = entries.iter().enumerate().map(|(i, e)| (i as u64 + 1, e)).collect();
    sort_newest(&mut posts);
    let rails = fill(&posts, &mut [], &[]);
    let of = |slug: &str| names(&rails[posts.iter().position(|(_, e)| e.slug == slug).unwrap()]);
    // b: 2 tags (6); e: 1 tag + category (5); c: category (2); d shares nothing.
    assert_eq!(of("a"), ["b", "e", "c"]);
    assert!(of("d").is_empty());
}

#[test]
fn an_allowed_type_s_items_rank_with_the_posts_and_get_rails() {
    let entries = entries();
    let mut posts: Vec<Post<'_>> = entries.iter().enumerate().map(|(i, e)| (i as u64 + 1, e)).collect();
    sort_newest(&mut posts);
    let typed = || {
        vec![(
            "videos".to_string(),
            vec![item(10, "v", 6, &[1], &[5, 6]), item(11, "a", 7, &[8], &[])],
        )]
    };
    let of = |rails: &[Vec<ArticleSummary>], slug: &str| {
        names(&rails[posts.iter().position(|(_, e)| e.slug == slug).unwrap()])
    };

    let mut allowed = typed();
    let rails = fill(&posts, &mut allowed, &[video_type(true)]);
    // v: 2 tags + category (8), the best; the item slugged "a" shares nothing.
    assert_eq!(of(&rails, "a"), ["videos:v", "b", "e", "c"]);
    assert_eq!(
        names(&allowed[0].1[0].article.related),
        ["a", "b", "e", "c"],
        "v's own rail: a 8, b 6, e 5, c 2"
    );
    assert!(allowed[0].1[1].article.related.is_empty(), "no shared term, no rail");

    let mut kept_out = typed();
    let rails = fill(&posts, &mut kept_out, &[video_type(false)]);
    assert_eq!(of(&rails, "a"), ["b", "e", "c"]);
    assert!(kept_out[0].1[0].article.related.is_empty());
}
