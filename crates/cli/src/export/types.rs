//! Custom post types in the export (`config.json`'s `post_types`): every
//! published item of each type, read from `/wp/v2/<rest_base>` with the
//! posts' fields and mapped by the posts' mapping, written as the static
//! API's `types/<rest_base>/` files. Read whole on every run: types are
//! small beside the articles, which are the incremental part.

use kiosque_core::config_types::PostTypeConfig;
use kiosque_core::http::FetchError;
use kiosque_core::model::{Article, ArticleSummary};
use kiosque_core::source::checked_slug;
use kiosque_core::source::wordpress::map;
use kiosque_core::source::wordpress::tree;
use kiosque_core::source::wordpress::urls::PostQuery;
use kiosque_core::source::wordpress::wire::{self, WpPost};

use super::client::Client;
use super::site::Fetched as SiteFetched;

/// An item: its WordPress ID and terms (for the related rails), its card
/// and its page.
pub struct Item {
    pub id: u64,
    pub categories: Vec<u64>,
    pub tags: Vec<u64>,
    pub summary: ArticleSummary,
    pub article: Article,
}

/// A type's REST base and its items.
pub type Typed = (String, Vec<Item>);

/// Each type's REST base and its published items. A type WordPress does
/// not have (its collection is not found) is reported and has no files; an
/// item that cannot be mapped (categories that cannot be read, a slug that
/// cannot be a route) is reported and left out (one without any category
/// maps, as the live source maps it); any other failure stops the export.
pub fn fetch(
    client: &Client,
    site: &SiteFetched,
    types: &[PostTypeConfig],
    skipped: &mut Vec<String>,
) -> Result<Vec<Typed>, String> {
    let mut out = Vec::new();
    for t in types {
        let url = |page| {
            client.urls.posts(&PostQuery {
                collection: Some(t.rest_base.clone()),
                full: true,
                ..PostQuery::list(client.page_size, page)
            })
        };
        let raw = match client.all(url) {
            Ok(raw) => raw,
            Err(FetchError::NotFound) => {
                skipped.push(format!("post type {:?}: WordPress has no such collection", t.rest_base));
                continue;
            }
            Err(e) => return Err(format!("post type {:?}: {e}", t.rest_base)),
        };
        let mut items = Vec::new();
        for post in wire::parse_each::<WpPost>(&raw) {
            if post.status != "publish" {
                continue;
            }
            if checked_slug(&post.slug).is_err() {
                skipped.push(format!(
                    "{} {}: the slug {:?} cannot be a route",
                    t.rest_base, post.id, post.slug
                ));
                continue;
            }
            // As the live source maps them: its card as a listing's (from
            // the list fields), the item (`type_item`) without a comment
            // count (items show no comments); the rail comes later (`rails`).
            match map::item_summary(&post).and_then(|s| Ok((s, map::item_article(&post, &site.links, Vec::new())?))) {
                Ok((s, mut a)) => {
                    super::posts::gallery_renditions(client, &post, &mut a);
                    a.category_parents = tree::category_parents(&site.categories, &a.category.slug);
                    items.push(Item {
                        id: post.id,
                        categories: post.categories.clone(),
                        tags: post.tags.clone(),
                        summary: s,
                        article: a.without_protected_text(),
                    });
                }
                Err(e) => skipped.push(format!("{} {}: {e}", t.rest_base, post.id)),
            }
        }
        out.push((t.rest_base.clone(), items));
    }
    Ok(out)
}
