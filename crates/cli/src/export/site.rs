//! What a WordPress site holds besides its posts' contents: the REST index,
//! every category, tag, author and page, the list of published post IDs,
//! and an optional popular-posts list. Every list is walked whole, 100 a
//! request; an entry that cannot be read is reported and left out.

use kiosque_core::http::FetchError;
use kiosque_core::model::{Menus, StaticPage};
use kiosque_core::source::wordpress::map::{self, LinkContext};
use kiosque_core::source::wordpress::settings::WpSettings;
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
    /// The theme's menus, read with the application password.
    pub menus: Menus,
    /// `/wp/v2/settings`, when the export may read them (an administrator).
    pub settings: Option<WpSettings>,
    /// The SEO plugin's heads of the category, tag and author archives.
    pub heads: super::heads::Heads,
}

impl Fetched {
    /// `per_page`: `site.posts_per_page` from config.json, which wins over
    /// WordPress's setting.
    pub fn as_build(&self, per_page: Option<u32>) -> build::Site<'_> {
        build::Site {
            settings: self.settings.as_ref(),
            per_page: per_page
                .or_else(|| self.settings.as_ref().and_then(WpSettings::per_page))
                .unwrap_or(kiosque_core::source::wordpress::urls::PER_PAGE),
            root: &self.root,
            categories: &self.categories,
            tags: &self.tags,
            users: &self.users,
            pages: &self.pages,
            links: &self.links,
            most_read: &self.most_read,
            menus: &self.menus,
            heads: &self.heads,
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
        .all(|p| urls.terms_with_seo("categories", p))
        .map_err(fail("categories"))?;
    let tags = client.all(|p| urls.terms_with_seo("tags", p)).map_err(fail("tags"))?;
    let users = client.all(|p| urls.authors_with_seo(p)).map_err(fail("authors"))?;
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
            if page.seo.is_none() {
                let permalink = urls.page_permalink(p.id);
                page.seo = super::heads::plugin_head(client, &permalink, p.yoast_head_json.as_ref(), &root, &links);
            }
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
    let settings = settings(client, skipped);
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
    let menus = menus(client, &links, skipped);
    let categories: Vec<WpTerm> = each(&categories, "category", skipped);
    let tags: Vec<WpTerm> = each(&tags, "tag", skipped);
    let users: Vec<WpUser> = each(&users, "author", skipped);
    let heads = super::heads::archives(
        client,
        &root,
        &links,
        [("categories", &categories), ("tags", &tags)],
        &users,
    );
    Ok(Fetched {
        menus,
        heads,
        root,
        categories,
        tags,
        users,
        pages,
        kept_pages,
        links,
        most_read,
        settings,
    })
}

/// The theme's header and footer menus. WordPress shows them only to a user
/// who may edit them: without `export.user` and its application password the
/// answer is a refusal, and the site keeps its categories as navigation.
fn menus(client: &Client, links: &LinkContext, skipped: &mut Vec<String>) -> Menus {
    use kiosque_core::source::wordpress::menus;
    let urls = &client.urls;
    let index = match client.get(&urls.menu_locations()) {
        Ok((index, _)) => index,
        Err(FetchError::Denied(_) | FetchError::NotFound) => return Menus::default(),
        Err(e) => {
            skipped.push(format!("menus: {e}"));
            return Menus::default();
        }
    };
    let (primary, footer) = menus::locations(&index);
    let mut items = |id: Option<u64>| match id.map(|id| client.get_list(&urls.menu_items(id))) {
        Some(Ok((raw, _))) => raw,
        Some(Err(e)) => {
            skipped.push(format!("menu {}: {e}", id.unwrap_or_default()));
            Vec::new()
        }
        None => Vec::new(),
    };
    let (primary, footer) = (items(primary), items(footer));
    menus::menus(&primary, &footer, links)
}

/// WordPress's settings (language, posts per page, date format), which it answers to an
/// administrator only: without one, the export says so and goes on.
fn settings(client: &Client, skipped: &mut Vec<String>) -> Option<WpSettings> {
    match client.get(&client.urls.settings()) {
        Ok((v, _)) => match parse_one::<WpSettings>(&v, "settings") {
            Ok(s) => Some(s),
            Err(e) => {
                skipped.push(format!("the site's settings: {e}"));
                None
            }
        },
        Err(FetchError::Denied(_) | FetchError::NotFound) => {
            eprintln!(
                "export: WordPress's settings (language, posts per page, date format) need an administrator's application \
                 password (export.user): not read"
            );
            None
        }
        Err(e) => {
            skipped.push(format!("the site's settings: {e}"));
            None
        }
    }
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
