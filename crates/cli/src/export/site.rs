//! What a WordPress site holds besides its posts' contents: the REST index,
//! every category, tag, author and page, the list of published post IDs,
//! and an optional popular-posts list. Every list is walked whole, 100 a
//! request; an entry that cannot be read is reported and left out.

use kiosque_core::model::StaticPage;
use kiosque_core::source::wordpress::map::{self, LinkContext};
use kiosque_core::source::wordpress::wire::{self, WpPage, WpRoot, WpTerm, WpUser};
use kiosque_core::source::wordpress::{parse_one, tree};
use serde_json::Value;

use super::build;
use super::client::Client;

pub struct Fetched {
    pub root: WpRoot,
    pub categories: Vec<WpTerm>,
    pub tags: Vec<WpTerm>,
    pub users: Vec<WpUser>,
    pub pages: Vec<StaticPage>,
    /// Pages that could not be read: their last export is kept.
    pub kept_pages: Vec<String>,
    /// For bodies: the site's home and its page slugs.
    pub links: LinkContext,
    pub most_read: Vec<u64>,
}

impl Fetched {
    pub fn as_build(&self) -> build::Site<'_> {
        build::Site {
            root: &self.root,
            categories: &self.categories,
            tags: &self.tags,
            users: &self.users,
            pages: &self.pages,
            links: &self.links,
            most_read: &self.most_read,
        }
    }
}

/// Parses each item as `T`; one that does not parse is reported by its ID.
fn each<T: serde::de::DeserializeOwned>(items: &[Value], what: &str, skipped: &mut Vec<String>) -> Vec<T> {
    items
        .iter()
        .filter_map(|v| match parse_one::<T>(v, what) {
            Ok(t) => Some(t),
            Err(e) => {
                skipped.push(format!("{what} {}: {e}", id_of(v)));
                None
            }
        })
        .collect()
}

fn id_of(v: &Value) -> String {
    v.get("id").map_or("?".into(), Value::to_string)
}

pub fn fetch(client: &Client, most_read_url: Option<&str>, skipped: &mut Vec<String>) -> Result<Fetched, String> {
    let urls = &client.urls;
    fn fail(what: &'static str) -> impl Fn(kiosque_core::http::FetchError) -> String {
        move |e| format!("{what}: {e}")
    }
    let (root, _) = client.get(&urls.index()).map_err(fail("the REST index"))?;
    let root: WpRoot = parse_one(&root, "index").map_err(fail("the REST index"))?;
    let categories = client
        .all(|p| urls.terms("categories", p))
        .map_err(fail("categories"))?;
    let tags = client.all(|p| urls.terms("tags", p)).map_err(fail("tags"))?;
    let users = client.all(|p| urls.authors(p)).map_err(fail("authors"))?;
    let raw_pages = client.all(|p| urls.pages_full(p)).map_err(fail("pages"))?;

    let mut links = LinkContext::from_home(urls.home());
    links.page_slugs = wire::parse_each::<wire::WpSlug>(&raw_pages)
        .into_iter()
        .filter(|p| p.status == "publish")
        .map(|p| map::clean_slug(&p.slug))
        .collect();
    // The hierarchy, as the live source reads it (`tree::page_family`).
    let tree = wire::parse_each::<wire::WpPageNode>(&raw_pages);
    let mut pages = Vec::new();
    let mut kept_pages = Vec::new();
    for v in &raw_pages {
        let page = parse_one::<WpPage>(v, "page").and_then(|p| {
            if p.status != "publish" {
                return Ok(None);
            }
            let mut page = map::page(&p, &links)?;
            (page.parents, page.children) = tree::page_family(&tree, p.id);
            Ok(Some(page))
        });
        match page {
            Ok(Some(p)) if kiosque_core::source::checked_slug(&p.slug).is_ok() => pages.push(p),
            Ok(Some(p)) => skipped.push(format!("page {}: the slug {:?} cannot be a route", id_of(v), p.slug)),
            Ok(None) => {}
            Err(e) => {
                skipped.push(format!("page {}: {e} (its last export is kept)", id_of(v)));
                if let Some(slug) = v.get("slug").and_then(Value::as_str).map(map::clean_slug) {
                    kept_pages.push(slug);
                }
            }
        }
    }
    let most_read = match most_read_url {
        Some(url) => match client.get_list(&urls.resolve(url)) {
            Ok((raw, _)) => raw.iter().filter_map(wire::popular_id).collect(),
            Err(e) => {
                skipped.push(format!("most read ({url}): {e}"));
                Vec::new()
            }
        },
        None => Vec::new(),
    };
    Ok(Fetched {
        root,
        categories: each(&categories, "category", skipped),
        tags: each(&tags, "tag", skipped),
        users: each(&users, "author", skipped),
        pages,
        kept_pages,
        links,
        most_read,
    })
}

/// Every published post's `(ID, modified_gmt)`.
pub fn post_ids(client: &Client, skipped: &mut Vec<String>) -> Result<Vec<(u64, String)>, String> {
    let raw = client
        .all(|p| client.urls.post_ids(p))
        .map_err(|e| format!("the list of posts: {e}"))?;
    let mut out = Vec::with_capacity(raw.len());
    for v in &raw {
        match (
            v.get("id").and_then(Value::as_u64),
            v.get("modified_gmt").and_then(Value::as_str),
        ) {
            (Some(id), Some(m)) => out.push((id, m.to_string())),
            _ => skipped.push(format!("post {}: no readable id or modified_gmt in the list", id_of(v))),
        }
    }
    out.sort();
    out.dedup_by_key(|(id, _)| *id);
    Ok(out)
}
