//! Every WordPress REST URL the adapter requests, built here and nowhere
//! else, in one fixed parameter order (the browser cache and the recorded
//! test fixtures both key on the exact URL). `_fields` and a selective
//! `_embed` keep payloads small.

use crate::routes::encode_component;

/// The most WordPress answers in one list request (its REST API's cap):
/// what walking a whole list asks for.
pub const LIST_MAX: u32 = 100;
/// Articles per listing page (as the static API's `per_page`).
pub const PER_PAGE: u32 = 6;
/// Articles per home section.
pub const HOME_SECTION: usize = 4;
/// Articles in the home's "latest" block.
pub const HOME_LATEST: usize = 10;
/// Related articles at most.
pub const RELATED_MAX: usize = 6;
/// Candidates fetched for related-article ranking.
pub const RELATED_POOL: u32 = 20;

const EMBED: &str = "author,wp:featuredmedia,wp:term";
const SUMMARY_FIELDS: &str = "id,slug,status,sticky,date,date_gmt,modified,modified_gmt,title,excerpt,\
categories,tags,author,featured_media,format,_links.author,_links.wp:featuredmedia,_links.wp:term,_embedded";
const TERM_FIELDS: &str = "id,name,slug,description,count,parent,taxonomy";
const USER_FIELDS: &str = "id,name,slug,description,avatar_urls";
/// What an SEO plugin adds to a term or user: its permalink (Rank Math's
/// head is asked for by it) and Yoast's head.
const SEO_FIELDS: &str = "link,yoast_head_json";
pub(super) const MEDIA_FIELDS: &str = "id,source_url,alt_text,caption,media_type,media_details";

/// A `/wp/v2/posts` query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostQuery {
    pub slug: Option<String>,
    pub search: Option<String>,
    pub category: Option<u64>,
    pub tag: Option<u64>,
    pub author: Option<u64>,
    pub sticky: bool,
    /// In this order (`orderby=include`).
    pub include: Vec<u64>,
    /// Left out (the home's lead, from the home archive).
    pub exclude: Vec<u64>,
    pub per_page: u32,
    pub page: u32,
    /// With `content` (a full article).
    pub full: bool,
    /// Only posts modified after this site-local time (`2026-11-28T18:40:00`),
    /// for an incremental export.
    pub modified_after: Option<String>,
    /// A custom post type's REST base (`videos`): its collection instead of
    /// `posts` (`config.json`'s `post_types`; checked there).
    pub collection: Option<String>,
}

impl PostQuery {
    pub fn list(per_page: u32, page: u32) -> Self {
        PostQuery {
            per_page,
            page,
            ..Default::default()
        }
    }
}

/// `&page=N` after the first page (the first page's URL has none).
fn page_param(page: u32) -> String {
    if page > 1 {
        format!("&page={page}")
    } else {
        String::new()
    }
}

/// A URL's rest after the root → its route and query (`?` after a path
/// root, `&` after a plain one: there the route is itself a parameter).
fn split_route(rest: &str, plain: bool) -> (&str, &str) {
    rest.split_once(if plain { '&' } else { '?' }).unwrap_or((rest, ""))
}

fn ids(list: &[u64]) -> String {
    list.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Urls {
    /// The REST root without a trailing slash: `https://site/wp-json`, or
    /// on a site with plain permalinks `https://site/?rest_route=`.
    pub root: String,
}

/// What a plain-permalink root holds: the route goes in this parameter.
const REST_ROUTE: &str = "rest_route=";

impl Urls {
    /// `root` as configured; a plain-permalink root may be given as WordPress
    /// announces it (`https://site/?rest_route=/`).
    pub fn new(root: &str) -> Self {
        let root = root.trim();
        let root = match root.strip_suffix('/') {
            Some(r) if r.ends_with(REST_ROUTE) => r,
            _ => root.trim_end_matches('/'),
        };
        Urls { root: root.to_string() }
    }

    /// True when routes go in `?rest_route=` (plain permalinks).
    pub fn is_plain(&self) -> bool {
        self.root.ends_with(REST_ROUTE)
    }

    /// The one place a request URL is made: `route` (`wp/v2/posts`) and its
    /// query (`slug=a&per_page=1`, or empty) under the root. With plain
    /// permalinks the route is a parameter, so the query joins with `&`.
    pub fn at(&self, route: &str, query: &str) -> String {
        let route = route.trim_start_matches('/');
        let sep = if self.is_plain() { '&' } else { '?' };
        if query.is_empty() {
            format!("{}/{route}", self.root)
        } else {
            format!("{}/{route}{sep}{query}", self.root)
        }
    }

    /// The site's home URL: the root without its `/wp-json` (or its
    /// `/?rest_route=`, `/index.php?rest_route=`).
    pub fn home(&self) -> &str {
        if self.is_plain() {
            let base = self.root.split('?').next().unwrap_or(&self.root);
            let base = base.trim_end_matches('/');
            return base.strip_suffix("/index.php").unwrap_or(base);
        }
        self.root.strip_suffix("/wp-json").unwrap_or(&self.root)
    }

    /// The same site with plain permalinks (`home/?rest_route=`), for a
    /// `…/wp-json` root that answered 404: what WordPress's own
    /// `rest_url()` gives when the site has no rewrite rules.
    pub fn plain_fallback(&self) -> Option<Urls> {
        let home = self.root.strip_suffix("/wp-json").filter(|_| !self.is_plain())?;
        Some(Urls::new(&format!("{home}/?{REST_ROUTE}")))
    }

    /// `url` (made under this root) made under `other` instead; `None` when
    /// `url` is not under this root.
    pub fn moved_to(&self, url: &str, other: &Urls) -> Option<String> {
        let rest = url.strip_prefix(self.root.as_str())?;
        let rest = match rest.strip_prefix('/') {
            Some(r) => r,
            None if rest.is_empty() || rest.starts_with('?') => rest,
            None => return None,
        };
        let (route, query) = split_route(rest, self.is_plain());
        Some(other.at(route, query))
    }

    /// A route under the root, or an absolute URL as given (config keys).
    pub fn resolve(&self, url: &str) -> String {
        if url.starts_with("https://") || url.starts_with("http://") {
            url.to_string()
        } else {
            let (route, query) = url.split_once('?').unwrap_or((url, ""));
            self.at(route, query)
        }
    }

    pub fn index(&self) -> String {
        self.at(
            "",
            "_fields=name,description,url,home,gmt_offset,timezone_string,site_icon_url,namespaces",
        )
    }

    /// Which menu each of the theme's locations shows (needs a login).
    pub fn menu_locations(&self) -> String {
        self.at("wp/v2/menu-locations", "")
    }

    /// A menu's items, in one request (needs a login).
    pub fn menu_items(&self, menu: u64) -> String {
        self.at(
            "wp/v2/menu-items",
            &format!(
                "menus={menu}&per_page={}&_fields=id,title,url,parent,menu_order,status",
                super::menus::MENU_ITEMS_PER_REQUEST
            ),
        )
    }

    /// The site's settings: WordPress answers them to an administrator only
    /// (an application password), so only the export asks.
    pub fn settings(&self) -> String {
        self.at("wp/v2/settings", "")
    }

    /// Rank Math's head for a permalink (its "Headless CMS Support" route).
    pub fn rank_math_head(&self, permalink: &str) -> String {
        self.at("rankmath/v1/getHead", &format!("url={}", encode_component(permalink)))
    }

    pub fn posts(&self, q: &PostQuery) -> String {
        let mut p: Vec<String> = Vec::new();
        if let Some(s) = &q.slug {
            p.push(format!("slug={}", encode_component(s)));
        }
        if let Some(s) = &q.search {
            p.push(format!("search={}", encode_component(s)));
        }
        if let Some(id) = q.category {
            p.push(format!("categories={id}"));
        }
        if let Some(id) = q.tag {
            p.push(format!("tags={id}"));
        }
        if let Some(id) = q.author {
            p.push(format!("author={id}"));
        }
        if q.sticky {
            p.push("sticky=true".into());
        }
        if !q.exclude.is_empty() {
            p.push(format!("exclude={}", ids(&q.exclude)));
        }
        if !q.include.is_empty() {
            p.push(format!("include={}&orderby=include", ids(&q.include)));
        }
        if let Some(t) = &q.modified_after {
            p.push(format!("modified_after={}", encode_component(t)));
        }
        p.push(format!("per_page={}", q.per_page.clamp(1, LIST_MAX)));
        if q.page > 1 {
            p.push(format!("page={}", q.page));
        }
        p.push(format!("_embed={EMBED}"));
        // The SEO plugin's head only with a full article (2–3 KB a post).
        let content = if q.full { ",content,link,yoast_head_json" } else { "" };
        p.push(format!("_fields={SUMMARY_FIELDS}{content}"));
        let collection = q.collection.as_deref().unwrap_or("posts");
        self.at(&format!("wp/v2/{collection}"), &p.join("&"))
    }

    /// Candidates for related articles: sharing the category OR a tag.
    pub fn related(&self, id: u64, categories: &[u64], tags: &[u64]) -> String {
        self.related_in(None, id, categories, tags)
    }

    /// The same candidates from a custom type's collection (`collection`,
    /// its REST base), or from `posts` with `None`.
    pub fn related_in(&self, collection: Option<&str>, id: u64, categories: &[u64], tags: &[u64]) -> String {
        let mut p = Vec::new();
        if !categories.is_empty() {
            p.push(format!("categories={}", ids(categories)));
        }
        if !tags.is_empty() {
            p.push(format!("tags={}", ids(tags)));
        }
        let collection = collection.unwrap_or("posts");
        self.at(&format!("wp/v2/{collection}"), &format!("{}&tax_relation=OR&exclude={id}&per_page={RELATED_POOL}&_fields=id,slug,status,date_gmt,categories,tags", p.join("&")))
    }

    /// WordPress's search route over posts and the types named `subtypes`
    /// (type names, `post,video`): each hit's ID and type, with totals.
    pub fn search_hits(&self, query: &str, subtypes: &[&str], page: u32, per_page: u32) -> String {
        self.at(
            "wp/v2/search",
            &format!(
                "search={}&type=post&subtype={}&per_page={per_page}{}&_fields=id,subtype",
                crate::routes::encode_component(query),
                subtypes.join(","),
                page_param(page)
            ),
        )
    }

    /// The site's post types: each one's name and REST base.
    pub fn types(&self) -> String {
        self.at("wp/v2/types", "")
    }

    /// Item `id` of `collection` (`posts`, `pages`) as its editors see it
    /// (any status; needs an editor's login), embedded terms, author and
    /// image included: an editor's preview.
    pub fn for_edit(&self, collection: &str, id: u64) -> String {
        self.at(&format!("wp/v2/{collection}/{id}"), "context=edit&_embed=1")
    }

    /// The autosaves of item `id` of `collection` (`posts`, `pages`; every
    /// editor's; needs a login): a published item's pending changes.
    pub fn autosaves_in(&self, collection: &str, id: u64) -> String {
        self.at(&format!("wp/v2/{collection}/{id}/autosaves"), "context=edit")
    }

    /// One comment, for the `X-WP-Total` header (approved comments only).
    pub fn comment_total(&self, post: u64) -> String {
        self.at("wp/v2/comments", &format!("post={post}&per_page=1&_fields=id"))
    }

    /// `taxonomy`: `categories` or `tags`.
    pub fn term_by_slug(&self, taxonomy: &str, slug: &str) -> String {
        self.at(
            &format!("wp/v2/{taxonomy}"),
            &format!("slug={}&_fields={TERM_FIELDS}", encode_component(slug)),
        )
    }

    pub fn term_by_id(&self, taxonomy: &str, id: u64) -> String {
        self.at(&format!("wp/v2/{taxonomy}/{id}"), &format!("_fields={TERM_FIELDS}"))
    }

    /// A term's (`categories`, `tags`) or author's (`users`) SEO-plugin
    /// fields, by slug: asked apart from the term itself so lists and
    /// look-ups stay small.
    pub fn seo_by_slug(&self, kind: &str, slug: &str) -> String {
        format!(
            "{}/wp/v2/{kind}?slug={}&_fields=id,{SEO_FIELDS}",
            self.root,
            encode_component(slug)
        )
    }

    /// [`Self::terms`] with the SEO-plugin fields (the export).
    pub fn terms_with_seo(&self, taxonomy: &str, page: u32) -> String {
        format!("{},{SEO_FIELDS}", self.terms(taxonomy, page))
    }

    /// [`Self::authors`] with the SEO-plugin fields (the export).
    pub fn authors_with_seo(&self, page: u32) -> String {
        format!("{},{SEO_FIELDS}", self.authors(page))
    }

    /// A page's permalink in its plain form (`/?page_id=<id>`): what Rank
    /// Math's head is asked for, since the page look-ups leave out `link`.
    pub fn page_permalink(&self, id: u64) -> String {
        format!("{}/?page_id={id}", self.home().trim_end_matches('/'))
    }

    pub fn categories(&self) -> String {
        self.terms("categories", 1)
    }

    /// A page of the non-empty terms of `taxonomy` (`categories`, `tags`),
    /// 100 at a time, oldest first.
    pub fn terms(&self, taxonomy: &str, page: u32) -> String {
        self.at(
            &format!("wp/v2/{taxonomy}"),
            &format!(
                "per_page={LIST_MAX}&hide_empty=true&orderby=id{}&_fields={TERM_FIELDS}",
                page_param(page)
            ),
        )
    }

    /// A page of the users who have published posts (articles: a user with
    /// only pages, such as the admin, has no author listing).
    pub fn authors(&self, page: u32) -> String {
        self.at(
            "wp/v2/users",
            &format!(
                "per_page={LIST_MAX}&has_published_posts=post{}&_fields={USER_FIELDS}",
                page_param(page)
            ),
        )
    }

    /// Attachments by ID, in one request (featured images whose `_embed`
    /// was refused); at most `LIST_MAX` IDs.
    pub fn media_by_ids(&self, list: &[u64]) -> String {
        self.at(
            "wp/v2/media",
            &format!(
                "include={}&per_page={}&_fields={MEDIA_FIELDS}",
                ids(list),
                list.len().clamp(1, LIST_MAX as usize)
            ),
        )
    }

    /// Tags by ID, in one request (an article whose `_embed` was refused).
    pub fn tags_by_ids(&self, list: &[u64]) -> String {
        self.at(
            "wp/v2/tags",
            &format!(
                "include={}&per_page={}&_fields={TERM_FIELDS}",
                ids(list),
                list.len().clamp(1, LIST_MAX as usize)
            ),
        )
    }

    /// Users by ID, in one request (authors whose `_embed` was refused).
    pub fn users_by_ids(&self, list: &[u64]) -> String {
        self.at(
            "wp/v2/users",
            &format!(
                "include={}&per_page={}&_fields={USER_FIELDS}",
                ids(list),
                list.len().clamp(1, LIST_MAX as usize)
            ),
        )
    }

    pub fn user_by_slug(&self, slug: &str) -> String {
        self.at(
            "wp/v2/users",
            &format!("slug={}&_fields={USER_FIELDS}", encode_component(slug)),
        )
    }

    pub fn user_by_id(&self, id: u64) -> String {
        self.at(&format!("wp/v2/users/{id}"), &format!("_fields={USER_FIELDS}"))
    }

    pub fn page_by_slug(&self, slug: &str) -> String {
        self.at(
            "wp/v2/pages",
            &format!(
                "slug={}&_fields=id,slug,status,title,content,modified,modified_gmt,yoast_head_json",
                encode_component(slug)
            ),
        )
    }

    /// A page of every published post's ID and modification time: what an
    /// incremental export compares to its state (changes, deletions).
    pub fn post_ids(&self, page: u32) -> String {
        self.at(
            "wp/v2/posts",
            &format!("per_page={LIST_MAX}{}&_fields=id,modified_gmt", page_param(page)),
        )
    }

    /// A page of every page, in full, with its place in the hierarchy (an export).
    pub fn pages_full(&self, page: u32) -> String {
        self.at("wp/v2/pages", &format!("per_page={LIST_MAX}{}&_fields=id,slug,status,title,content,modified,modified_gmt,yoast_head_json,parent,menu_order", page_param(page)))
    }

    /// A page of every page's place in the hierarchy (parents, children).
    pub fn page_tree(&self, page: u32) -> String {
        self.at(
            "wp/v2/pages",
            &format!(
                "per_page={LIST_MAX}{}&_fields=id,slug,status,title,parent,menu_order",
                page_param(page)
            ),
        )
    }

    pub fn page_slugs(&self) -> String {
        self.page_slugs_at(1)
    }

    pub fn page_slugs_at(&self, page: u32) -> String {
        self.at(
            "wp/v2/pages",
            &format!("per_page={LIST_MAX}{}&_fields=slug,status", page_param(page)),
        )
    }

    /// `kind`: `posts` or `pages`.
    pub fn slug_by_id(&self, kind: &str, id: u64) -> String {
        self.at(&format!("wp/v2/{kind}/{id}"), "_fields=slug,status")
    }
}

#[cfg(test)]
mod tests;
