//! Posts whose `_embedded` is missing or partial (a security plugin or cache
//! that strips `_embed`): categories come from the site's category list,
//! which the adapter fetches once and the HTTP layer caches, instead of
//! failing with "no embedded category"; featured images from one
//! `/wp/v2/media?include=` request for the whole list, authors from one
//! `/wp/v2/users?include=` request when that endpoint is open (closed, the
//! posts show without an author).

use serde_json::{json, Value};

use super::wire::{WpPost, WpTerm};
use super::WordPressSource;

impl WordPressSource {
    /// Posts whose `_embed` was refused or partial take their categories
    /// from the category list, their featured images and authors from one
    /// request each by ID, fetched only when one needs them; if those fail
    /// too, the posts stay as they are (unmapped without a category, else
    /// without an image or an author).
    pub(super) async fn fill_missing(&self, posts: &mut [WpPost]) {
        let (media, authors) = (missing_media(posts), missing_authors(posts));
        // Tags show on an article only: lists of cards do without them.
        let tags = if posts.iter().any(|p| p.content.is_some()) {
            missing_tags(posts)
        } else {
            Vec::new()
        };
        let lists = |url: Option<String>| async move {
            match url {
                Some(u) => self.fetch::<Vec<Value>>(&u).await.map(|(l, _)| l).unwrap_or_default(),
                None => Vec::new(),
            }
        };
        let needs_categories = posts.iter().any(lacks_category);
        let (categories, media, users, tags) = futures::join!(
            async {
                if needs_categories {
                    self.categories().await.unwrap_or_default()
                } else {
                    Vec::new()
                }
            },
            lists((!media.is_empty()).then(|| self.urls.media_by_ids(&media))),
            lists((!authors.is_empty()).then(|| self.urls.users_by_ids(&authors))),
            lists((!tags.is_empty()).then(|| self.urls.tags_by_ids(&tags))),
        );
        let tags: Vec<WpTerm> = super::wire::parse_each(&tags);
        for p in posts.iter_mut() {
            fill_categories(p, &categories);
            fill_media(p, &media);
            fill_author(p, &users);
            fill_tags(p, &tags);
        }
    }
}

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

/// The tags a list lacks (posts with tag IDs and no embedded tag term).
pub fn missing_tags(posts: &[WpPost]) -> Vec<u64> {
    let mut ids: Vec<u64> = posts
        .iter()
        .filter(|p| !p.embedded.terms().iter().any(|t| t.taxonomy == "post_tag"))
        .flat_map(|p| p.tags.iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(super::urls::LIST_MAX as usize);
    ids
}

/// Adds the post's tags from `list` (a `/wp/v2/tags` list) when none is
/// embedded, in the post's order; unknown IDs are skipped.
pub fn fill_tags(post: &mut WpPost, list: &[WpTerm]) {
    if post.embedded.terms().iter().any(|t| t.taxonomy == "post_tag") {
        return;
    }
    let found: Vec<Value> = post
        .tags
        .iter()
        .filter_map(|id| list.iter().find(|t| t.id == *id))
        .map(|t| json!({"id": t.id, "name": t.name, "slug": t.slug, "taxonomy": "post_tag"}))
        .collect();
    if !found.is_empty() {
        post.embedded.terms.push(found);
    }
}

/// The featured images a list lacks: attachment IDs, each once.
pub fn missing_media(posts: &[WpPost]) -> Vec<u64> {
    missing(posts, |p| {
        (p.featured_media != 0 && p.embedded.media().is_none()).then_some(p.featured_media)
    })
}

/// The authors a list lacks: user IDs, each once.
pub fn missing_authors(posts: &[WpPost]) -> Vec<u64> {
    missing(posts, |p| {
        (p.author != 0 && p.embedded.authors().is_empty()).then_some(p.author)
    })
}

fn missing(posts: &[WpPost], id: impl Fn(&WpPost) -> Option<u64>) -> Vec<u64> {
    let mut ids: Vec<u64> = posts.iter().filter_map(id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(super::urls::LIST_MAX as usize);
    ids
}

fn by_id(list: &[Value], id: u64) -> Option<&Value> {
    list.iter().find(|v| v.get("id").and_then(Value::as_u64) == Some(id))
}

/// Embeds the post's featured image from `media` (a `/wp/v2/media` list)
/// when it has none embedded.
pub fn fill_media(post: &mut WpPost, media: &[Value]) {
    if post.featured_media == 0 || post.embedded.media().is_some() {
        return;
    }
    if let Some(m) = by_id(media, post.featured_media) {
        post.embedded.featured_media = vec![m.clone()];
    }
}

/// Embeds the post's author from `users` (a `/wp/v2/users` list) when it
/// has none embedded.
pub fn fill_author(post: &mut WpPost, users: &[Value]) {
    if post.author == 0 || !post.embedded.authors().is_empty() {
        return;
    }
    if let Some(u) = by_id(users, post.author) {
        post.embedded.author = vec![u.clone()];
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
    fn images_and_authors_are_filled_by_id_and_embedded_ones_kept() {
        let bare = |id: u64, media: u64, author: u64| {
            let v = json!({"id": id, "slug": format!("p{id}"), "date": "2020-05-01T10:00:00",
                "title": {"rendered": "T"}, "categories": [3], "featured_media": media, "author": author,
                "_embedded": {"wp:term": [[{"id": 3, "name": "S", "slug": "s", "taxonomy": "category"}]]}});
            parse_each::<WpPost>(&[v]).into_iter().next().unwrap_or_default()
        };
        let mut posts = vec![bare(1, 50, 7), bare(2, 51, 7), bare(3, 0, 8), bare(4, 50, 0)];
        assert_eq!(missing_media(&posts), [50, 51]);
        assert_eq!(missing_authors(&posts), [7, 8]);
        let media = [json!({"id": 50, "source_url": "https://s/a.jpg", "alt_text": "Un port",
            "media_details": {"width": 1200, "height": 800, "sizes": {}}})];
        let users = [
            json!({"id": 7, "name": "Nadia", "slug": "nadia"}),
            json!({"code": "rest_user_invalid_id"}),
        ];
        for p in &mut posts {
            fill_media(p, &media);
            fill_author(p, &users);
        }
        let s: Vec<_> = posts.iter().map(|p| map::summary(p).unwrap()).collect();
        assert_eq!(s[0].image.as_ref().map(|i| i.alt.as_str()), Some("Un port"));
        assert!(s[1].image.is_none(), "an attachment the list lacks stays missing");
        assert_eq!(s[1].authors.first().map(|a| a.name.as_str()), Some("Nadia"));
        assert!(s[2].authors.is_empty(), "an author the list lacks: none");
        // Already embedded: left as it is.
        let mut p = bare(5, 50, 7);
        p.embedded.author = vec![json!({"id": 7, "name": "Embarquée", "slug": "e"})];
        fill_author(&mut p, &users);
        assert_eq!(map::summary(&p).unwrap().authors[0].name, "Embarquée");
        assert!(missing_authors(&[p]).is_empty());
    }

    #[test]
    fn unknown_category_ids_leave_the_post_unmapped() {
        let mut p = post(json!({}));
        fill_categories(&mut p, &[]);
        assert!(map::summary(&p).is_err());
    }
}
