//! A custom post type's REST answer (`wp/v2/videos`, recorded from the test
//! WordPress's `video` type: `tests/fixtures/wordpress/cpt/`) maps through the
//! posts' mapping: no `sticky` nor `format` (types without post formats), an
//! item without an excerpt, one with a featured image.

use super::map::{article, summaries, LinkContext};
use super::wire::WpPost;
use crate::model::PostFormat;

fn videos() -> Vec<WpPost> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wordpress/cpt/videos.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn custom_type_items_map_like_posts() {
    let posts = videos();
    let cards = summaries(&posts);
    assert_eq!(cards.len(), 4, "every recorded item maps");
    let chott = cards
        .iter()
        .find(|c| c.slug == "video-chott-el-jerid-au-lever-du-jour")
        .unwrap();
    assert_eq!(chott.title, "Le chott el-Jérid au lever du jour");
    assert_eq!(chott.category.slug, "videos-essais");
    assert!(chott.image.as_ref().is_some_and(|i| i.width > 0), "featured image");
    assert_eq!(chott.format, PostFormat::Standard, "no `format` field: standard");
    assert!(chott.published.as_str().starts_with("2020-05-10T10:00:00"));
    let segou = cards
        .iter()
        .find(|c| c.slug == "video-marche-flottant-de-segou")
        .unwrap();
    assert!(segou.image.is_none());
    assert!(
        segou.standfirst.starts_with("Les pirogues accostent"),
        "no excerpt: WordPress's from the text"
    );
}

#[test]
fn a_custom_type_item_maps_to_a_full_article() {
    let posts = videos();
    let links = LinkContext::from_home("http://127.0.0.1:8081");
    let chott = posts
        .iter()
        .find(|p| p.slug == "video-chott-el-jerid-au-lever-du-jour")
        .unwrap();
    let a = article(chott, &links, 0, Vec::new()).unwrap();
    assert_eq!(
        a.tags.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(),
        ["video-essai"]
    );
    assert!(!a.body.is_empty(), "the body converts");
}

#[test]
fn a_custom_type_is_read_from_its_collection_with_the_posts_fields() {
    use super::urls::{PostQuery, Urls};
    for root in ["https://s.example/wp-json/", "https://s.example/index.php?rest_route=/"] {
        let u = Urls::new(root);
        let q = PostQuery {
            slug: Some("un-clip".into()),
            full: true,
            ..PostQuery::list(1, 1)
        };
        let posts = u.posts(&q);
        let videos = u.posts(&PostQuery {
            collection: Some("videos".into()),
            ..q
        });
        assert!(videos.contains("/wp/v2/videos"), "{videos}");
        assert!(!videos.contains("/wp/v2/posts"), "{videos}");
        // Everything but the collection is the posts' query.
        assert_eq!(videos.replace("/wp/v2/videos", "/wp/v2/posts"), posts);
    }
}

#[test]
fn an_item_without_a_category_maps_but_a_post_without_one_does_not() {
    use super::map::{item_article, item_summary, summary};
    let mut p = videos()
        .into_iter()
        .find(|p| p.slug == "video-atelier-de-dinanderie-a-fes")
        .unwrap();
    p.categories.clear();
    p.embedded = Default::default();
    assert!(summary(&p).is_err(), "a post keeps needing its category");
    let card = item_summary(&p).unwrap();
    assert_eq!((card.category.slug.as_str(), card.category.name.as_str()), ("", ""));
    let links = LinkContext::from_home("http://127.0.0.1:8081");
    assert_eq!(item_article(&p, &links, Vec::new()).unwrap().title, card.title);
    // Categories listed but not embedded (an `_embed` refused) stay an error.
    p.categories = vec![146];
    assert!(item_summary(&p).is_err());
}
