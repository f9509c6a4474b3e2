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
const MEDIA_FIELDS: &str = "id,source_url,alt_text,caption,media_type,media_details";

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

fn ids(list: &[u64]) -> String {
    list.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Urls {
    /// The REST root without a trailing slash: `https://site/wp-json`.
    pub root: String,
}

impl Urls {
    pub fn new(root: &str) -> Self {
        Urls {
            root: root.trim().trim_end_matches('/').to_string(),
        }
    }

    /// The site's home URL: the root without its `/wp-json`.
    pub fn home(&self) -> &str {
        self.root.strip_suffix("/wp-json").unwrap_or(&self.root)
    }

    /// A route under the root, or an absolute URL as given (config keys).
    pub fn resolve(&self, url: &str) -> String {
        if url.starts_with("https://") || url.starts_with("http://") {
            url.to_string()
        } else {
            format!("{}/{}", self.root, url.trim_start_matches('/'))
        }
    }

    pub fn index(&self) -> String {
        format!(
            "{}/?_fields=name,description,url,home,gmt_offset,timezone_string,site_icon_url,namespaces",
            self.root
        )
    }

    /// Which menu each of the theme's locations shows (needs a login).
    pub fn menu_locations(&self) -> String {
        format!("{}/wp/v2/menu-locations", self.root)
    }

    /// A menu's items, in one request (needs a login).
    pub fn menu_items(&self, menu: u64) -> String {
        format!(
            "{}/wp/v2/menu-items?menus={menu}&per_page={}&_fields=id,title,url,parent,menu_order,status",
            self.root,
            super::menus::MENU_ITEMS_PER_REQUEST
        )
    }

    /// The site's settings: WordPress answers them to an administrator only
    /// (an application password), so only the export asks.
    pub fn settings(&self) -> String {
        format!("{}/wp/v2/settings", self.root)
    }

    /// Rank Math's head for a permalink (its "Headless CMS Support" route).
    pub fn rank_math_head(&self, permalink: &str) -> String {
        format!("{}/rankmath/v1/getHead?url={}", self.root, encode_component(permalink))
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
        format!("{}/wp/v2/posts?{}", self.root, p.join("&"))
    }

    /// Candidates for related articles: sharing the category OR a tag.
    pub fn related(&self, id: u64, categories: &[u64], tags: &[u64]) -> String {
        let mut p = Vec::new();
        if !categories.is_empty() {
            p.push(format!("categories={}", ids(categories)));
        }
        if !tags.is_empty() {
            p.push(format!("tags={}", ids(tags)));
        }
        format!(
            "{}/wp/v2/posts?{}&tax_relation=OR&exclude={id}&per_page={RELATED_POOL}&_fields=id,slug,status,date_gmt,categories,tags",
            self.root,
            p.join("&")
        )
    }

    /// A post as its editors see it (any status; needs an editor's login),
    /// embedded terms, author and image included: an editor's preview.
    pub fn post_for_edit(&self, id: u64) -> String {
        format!("{}/wp/v2/posts/{id}?context=edit&_embed=1", self.root)
    }

    /// A post's autosaves (every editor's; needs a login): a published
    /// post's pending changes, for a preview.
    pub fn autosaves(&self, post: u64) -> String {
        format!("{}/wp/v2/posts/{post}/autosaves?context=edit", self.root)
    }

    /// One comment, for the `X-WP-Total` header (approved comments only).
    pub fn comment_total(&self, post: u64) -> String {
        format!("{}/wp/v2/comments?post={post}&per_page=1&_fields=id", self.root)
    }

    /// `taxonomy`: `categories` or `tags`.
    pub fn term_by_slug(&self, taxonomy: &str, slug: &str) -> String {
        format!(
            "{}/wp/v2/{taxonomy}?slug={}&_fields={TERM_FIELDS}",
            self.root,
            encode_component(slug)
        )
    }

    pub fn term_by_id(&self, taxonomy: &str, id: u64) -> String {
        format!("{}/wp/v2/{taxonomy}/{id}?_fields={TERM_FIELDS}", self.root)
    }

    pub fn categories(&self) -> String {
        self.terms("categories", 1)
    }

    /// A page of the non-empty terms of `taxonomy` (`categories`, `tags`),
    /// 100 at a time, oldest first.
    pub fn terms(&self, taxonomy: &str, page: u32) -> String {
        format!(
            "{}/wp/v2/{taxonomy}?per_page={LIST_MAX}&hide_empty=true&orderby=id{}&_fields={TERM_FIELDS}",
            self.root,
            page_param(page)
        )
    }

    /// A page of the users who have published posts (articles: a user with
    /// only pages, such as the admin, has no author listing).
    pub fn authors(&self, page: u32) -> String {
        format!(
            "{}/wp/v2/users?per_page={LIST_MAX}&has_published_posts=post{}&_fields={USER_FIELDS}",
            self.root,
            page_param(page)
        )
    }

    /// Attachments by ID, in one request (featured images whose `_embed`
    /// was refused); at most `LIST_MAX` IDs.
    pub fn media_by_ids(&self, list: &[u64]) -> String {
        format!(
            "{}/wp/v2/media?include={}&per_page={}&_fields={MEDIA_FIELDS}",
            self.root,
            ids(list),
            list.len().clamp(1, LIST_MAX as usize)
        )
    }

    /// Tags by ID, in one request (an article whose `_embed` was refused).
    pub fn tags_by_ids(&self, list: &[u64]) -> String {
        format!(
            "{}/wp/v2/tags?include={}&per_page={}&_fields={TERM_FIELDS}",
            self.root,
            ids(list),
            list.len().clamp(1, LIST_MAX as usize)
        )
    }

    /// Users by ID, in one request (authors whose `_embed` was refused).
    pub fn users_by_ids(&self, list: &[u64]) -> String {
        format!(
            "{}/wp/v2/users?include={}&per_page={}&_fields={USER_FIELDS}",
            self.root,
            ids(list),
            list.len().clamp(1, LIST_MAX as usize)
        )
    }

    pub fn user_by_slug(&self, slug: &str) -> String {
        format!(
            "{}/wp/v2/users?slug={}&_fields={USER_FIELDS}",
            self.root,
            encode_component(slug)
        )
    }

    pub fn user_by_id(&self, id: u64) -> String {
        format!("{}/wp/v2/users/{id}?_fields={USER_FIELDS}", self.root)
    }

    pub fn page_by_slug(&self, slug: &str) -> String {
        format!(
            "{}/wp/v2/pages?slug={}&_fields=id,slug,status,title,content,modified,modified_gmt,yoast_head_json",
            self.root,
            encode_component(slug)
        )
    }

    /// A page of every published post's ID and modification time: what an
    /// incremental export compares to its state (changes, deletions).
    pub fn post_ids(&self, page: u32) -> String {
        format!(
            "{}/wp/v2/posts?per_page={LIST_MAX}{}&_fields=id,modified_gmt",
            self.root,
            page_param(page)
        )
    }

    /// A page of every page, in full, with its place in the hierarchy (an export).
    pub fn pages_full(&self, page: u32) -> String {
        format!(
            "{}/wp/v2/pages?per_page={LIST_MAX}{}&_fields=id,slug,status,title,content,modified,modified_gmt,yoast_head_json,parent,menu_order",
            self.root,
            page_param(page)
        )
    }

    /// A page of every page's place in the hierarchy (parents, children).
    pub fn page_tree(&self, page: u32) -> String {
        format!(
            "{}/wp/v2/pages?per_page={LIST_MAX}{}&_fields=id,slug,status,title,parent,menu_order",
            self.root,
            page_param(page)
        )
    }

    pub fn page_slugs(&self) -> String {
        self.page_slugs_at(1)
    }

    pub fn page_slugs_at(&self, page: u32) -> String {
        format!(
            "{}/wp/v2/pages?per_page={LIST_MAX}{}&_fields=slug,status",
            self.root,
            page_param(page)
        )
    }

    /// `kind`: `posts` or `pages`.
    pub fn slug_by_id(&self, kind: &str, id: u64) -> String {
        format!("{}/wp/v2/{kind}/{id}?_fields=slug,status", self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_fixed_and_encoded() {
        let u = Urls::new("https://s.example/wp-json/");
        assert_eq!(u.home(), "https://s.example");
        assert_eq!(u.resolve("/x/v1/y?a=1"), "https://s.example/wp-json/x/v1/y?a=1");
        assert_eq!(u.resolve("https://o.example/p"), "https://o.example/p");
        let q = PostQuery {
            search: Some("café & co".into()),
            ..PostQuery::list(5, 2)
        };
        let url = u.posts(&q);
        assert!(url.starts_with(
            "https://s.example/wp-json/wp/v2/posts?search=caf%C3%A9%20%26%20co&per_page=5&page=2&_embed="
        ));
        assert!(!url.contains(",content"));
        let full = u.posts(&PostQuery {
            slug: Some("a".into()),
            full: true,
            ..PostQuery::list(1, 1)
        });
        assert!(
            full.contains("slug=a&per_page=1&_embed=author,wp:featuredmedia,wp:term&_fields=")
                && full.ends_with(",content,link,yoast_head_json")
        );
        let inc = u.posts(&PostQuery {
            include: vec![3, 1],
            ..PostQuery::list(2, 1)
        });
        assert!(inc.contains("include=3,1&orderby=include&per_page=2"));
        assert_eq!(
            u.related(9, &[2], &[5, 6]),
            "https://s.example/wp-json/wp/v2/posts?categories=2&tags=5,6&tax_relation=OR&exclude=9&per_page=20&_fields=id,slug,status,date_gmt,categories,tags"
        );
        assert!(u.term_by_slug("tags", "é").contains("tags?slug=%C3%A9&"));
        let since = u.posts(&PostQuery {
            modified_after: Some("2026-11-28T18:40:00".into()),
            full: true,
            ..PostQuery::list(100, 3)
        });
        assert!(since.contains("/posts?modified_after=2026-11-28T18%3A40%3A00&per_page=100&page=3&_embed="));
        assert_eq!(
            u.post_ids(2),
            "https://s.example/wp-json/wp/v2/posts?per_page=100&page=2&_fields=id,modified_gmt"
        );
    }
}
