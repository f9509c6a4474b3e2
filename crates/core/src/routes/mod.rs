//! Every URL shape of the site, in one type. [`Route`] formats a path
//! ([`Route::path`]) and parses one back ([`Route::parse`]); the router, every
//! internal link, canonical URLs, the prerender plan, sitemaps, feeds and the
//! WordPress permalink mapping go through it, so a URL shape is written only
//! here. Shapes follow WordPress's own, so CDNs can serve prerendered pages by
//! path and old links keep working.
//!
//! Routes are relative to the bundle's base path (`""` at the root of a
//! host, `/news` for a deploy under `https://host/news/`): [`base`] turns a
//! route into the `href` the browser follows, and the browser's path back.

pub mod base;
mod canonical;
mod encoding;
mod types;

pub use base::{base_path, with_base, within_base};
pub use canonical::{canonical_redirect, canonical_redirect_in};
pub use encoding::{encode_component, parse_page, percent_decode};
pub use types::{check_prefix, PrefixError, TypePrefixes, PREFIX_MAX, RESERVED_PREFIXES, TYPES_MAX};

use serde::{Deserialize, Serialize};

/// A page of the site. Page numbers start at 1 (the first page has no
/// `/page/1` suffix); slugs are checked slugs (letters, digits, `-`, `_`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Route {
    /// `/`, `/page/<n>`: the home and its archive.
    Home { page: u32 },
    /// `/article/<slug>[/<n>]`: an article, at page `n` of a multi-page
    /// post (WordPress's `<!--nextpage-->`; its `/slug/2/`, `?page=2`).
    Article {
        slug: String,
        #[serde(default = "first_page")]
        page: u32,
    },
    /// `/article/<slug>/comments/page/<n>`, n ≥ 2: an article with a later
    /// page of its comments (the first is the article itself).
    Comments { slug: String, page: u32 },
    /// `/category/<slug>[/page/<n>]`
    Category { slug: String, page: u32 },
    /// `/tag/<slug>[/page/<n>]`
    Tag { slug: String, page: u32 },
    /// `/author/<slug>[/page/<n>]`
    Author { slug: String, page: u32 },
    /// `/search?q=<query>`, `/search/page/<n>?q=<query>` (canonical; `/search?q=<query>&page=<n>`
    /// is read as the same page)
    Search { query: String, page: u32 },
    /// `/<slug>`: a static page, else an old post permalink. The slug
    /// `search` is never a page (it is the search route).
    Page { slug: String },
    /// `/preview/<id>[/<n>]`: an editor's preview of WordPress post `id`, at
    /// page `n` of a multi-page draft; `/preview/page/<id>`: of WordPress
    /// page `id` (docs/previews.md; WordPress's Preview button links here
    /// through `scripts/wordpress/mu-plugins/kiosque-preview-link.php`, which
    /// writes the same shapes). Never prerendered, never indexed.
    Preview {
        id: u64,
        #[serde(default = "first_page")]
        page: u32,
        #[serde(default)]
        kind: PreviewKind,
    },
    /// `/<prefix>[/page/<n>]`: the listing of a custom post type
    /// (`config.json`'s `post_types`; see [`TypePrefixes`]).
    TypeListing { prefix: String, page: u32 },
    /// `/<prefix>/<slug>`: an item of a custom post type.
    TypeItem { prefix: String, slug: String },
}

/// What a preview shows: a post (an article) or a page (a static page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PreviewKind {
    #[default]
    Post,
    Page,
}

/// First segments that name a route kind: `/<one of these>` alone is not
/// a static page.
const SEARCH: &str = "search";
const PREVIEW: &str = "preview";

impl Route {
    pub fn home(page: u32) -> Route {
        Route::Home { page: page.max(1) }
    }

    pub fn article(slug: impl Into<String>) -> Route {
        Route::article_page(slug, 1)
    }

    /// Page `page` of a multi-page article.
    pub fn article_page(slug: impl Into<String>, page: u32) -> Route {
        Route::Article {
            slug: slug.into(),
            page: page.max(1),
        }
    }

    /// Page `page` of the comments on article `slug`: the article itself for page 1.
    pub fn comments(slug: impl Into<String>, page: u32) -> Route {
        match page {
            0 | 1 => Route::article(slug),
            page => Route::Comments {
                slug: slug.into(),
                page,
            },
        }
    }

    pub fn category(slug: impl Into<String>, page: u32) -> Route {
        Route::Category {
            slug: slug.into(),
            page: page.max(1),
        }
    }

    pub fn tag(slug: impl Into<String>, page: u32) -> Route {
        Route::Tag {
            slug: slug.into(),
            page: page.max(1),
        }
    }

    pub fn author(slug: impl Into<String>, page: u32) -> Route {
        Route::Author {
            slug: slug.into(),
            page: page.max(1),
        }
    }

    pub fn search(query: impl Into<String>, page: u32) -> Route {
        Route::Search {
            query: query.into(),
            page: page.max(1),
        }
    }

    pub fn page(slug: impl Into<String>) -> Route {
        Route::Page { slug: slug.into() }
    }

    pub fn preview(id: u64) -> Route {
        Route::preview_page(id, 1)
    }

    /// Page `page` of a multi-page draft's preview.
    pub fn preview_page(id: u64, page: u32) -> Route {
        Route::Preview {
            id,
            page: page.max(1),
            kind: PreviewKind::Post,
        }
    }

    /// The preview of WordPress page `id` (a static page: one page of text).
    pub fn page_preview(id: u64) -> Route {
        Route::Preview {
            id,
            page: 1,
            kind: PreviewKind::Page,
        }
    }

    /// The site-relative path (with the query for a search): `/category/eco/page/2`.
    /// Slugs are percent-encoded (`/article/%D8%A7…` for an Arabic slug), as
    /// a browser sends them and `location.pathname` shows them, so links,
    /// canonical URLs, sitemaps and the prerender stamp all agree; ASCII
    /// slugs are unchanged.
    pub fn path(&self) -> String {
        fn paged(prefix: &str, page: u32) -> String {
            match page {
                0 | 1 if prefix.is_empty() => "/".into(),
                0 | 1 => prefix.into(),
                n => format!("{prefix}/page/{n}"),
            }
        }
        let e = encode_component;
        match self {
            Route::Home { page } => paged("", *page),
            Route::Article { slug, page: 0 | 1 } => format!("/article/{}", e(slug)),
            Route::Article { slug, page } => format!("/article/{}/{page}", e(slug)),
            Route::Comments { slug, page } => format!("/article/{}/comments/page/{page}", e(slug)),
            Route::Category { slug, page } => paged(&format!("/category/{}", e(slug)), *page),
            Route::Tag { slug, page } => paged(&format!("/tag/{}", e(slug)), *page),
            Route::Author { slug, page } => paged(&format!("/author/{}", e(slug)), *page),
            Route::Search { query, page } => {
                let path = paged("/search", *page);
                if query.is_empty() {
                    path
                } else {
                    format!("{path}?q={}", e(query))
                }
            }
            Route::Page { slug } => format!("/{}", e(slug)),
            Route::Preview {
                id,
                kind: PreviewKind::Page,
                ..
            } => format!("/{PREVIEW}/page/{id}"),
            Route::Preview { id, page: 1, .. } => format!("/{PREVIEW}/{id}"),
            Route::Preview { id, page, .. } => format!("/{PREVIEW}/{id}/{page}"),
            Route::TypeListing { prefix, page } => paged(&format!("/{}", e(prefix)), *page),
            Route::TypeItem { prefix, slug } => format!("/{}/{}", e(prefix), e(slug)),
        }
    }

    /// Where the RSS feed of this listing is (a file the prerender
    /// writes, not a route): `/feed.xml` for the home, `/category/<slug>/feed.xml`
    /// for a category (slug percent-encoded, as in [`Self::path`]); `None`
    /// for anything else.
    pub fn feed_path(&self) -> Option<String> {
        match self {
            Route::Home { .. } => Some("/feed.xml".into()),
            Route::Category { slug, .. } => Some(format!("/category/{}/feed.xml", encode_component(slug))),
            Route::TypeListing { prefix, .. } => Some(format!("/{}/feed.xml", encode_component(prefix))),
            _ => None,
        }
    }

    /// What every article's path starts with (`/article/`), for server rules
    /// that capture the slug themselves (the redirect recipes' dated
    /// permalinks): the shape stays written here only.
    pub fn article_prefix() -> String {
        Route::article(String::new()).path()
    }

    /// The search URL template for JSON-LD's SearchAction:
    /// `/search?q={placeholder}`, the placeholder left as it is.
    pub fn search_template(placeholder: &str) -> String {
        format!("/{SEARCH}?q={{{placeholder}}}")
    }

    /// The route a site-relative path and query name, or `None` (a 404).
    /// Lenient where a browser or an old link may differ from [`Self::path`]:
    /// a trailing slash, `/page/1`, percent-encoded slugs. Non-canonical
    /// forms are sent to the canonical one by [`canonical_redirect`].
    /// Custom post types' paths are not known here: `/<prefix>` reads as a
    /// static page; [`Self::parse_in`] knows them.
    pub fn parse(path: &str, query: &str) -> Option<Route> {
        Route::parse_in(path, query, &TypePrefixes::default())
    }

    /// [`Self::parse`], reading the first segments in `types` as custom
    /// post types' listings and items. Built-in shapes win (a type's prefix
    /// is never one of [`RESERVED_PREFIXES`]).
    pub fn parse_in(path: &str, query: &str, types: &TypePrefixes) -> Option<Route> {
        let trimmed = path.strip_prefix('/')?;
        let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
        let segs: Vec<&str> = if trimmed.is_empty() {
            Vec::new()
        } else {
            trimmed.split('/').collect()
        };
        let slug = |s: &str| -> Option<String> {
            let decoded = percent_decode(s, false)?;
            crate::source::checked_slug(&decoded).ok().map(str::to_string)
        };
        Some(match segs.as_slice() {
            [] => Route::home(1),
            ["page", n] => Route::home(parse_page(n)?),
            // `/search?q=…&page=2` is read too; `canonical_redirect` sends it to the path form.
            [SEARCH] => Route::search(search_query(query)?, query_page(query)),
            [SEARCH, "page", n] => Route::search(search_query(query)?, parse_page(n)?),
            // WordPress's own `preview_id`/`preview_nonce` parameters ride along, unread.
            [PREVIEW, id] => Route::preview(parse_id(id)?),
            [PREVIEW, "page", id] => Route::page_preview(parse_id(id)?),
            [PREVIEW, id, n] => Route::preview_page(parse_id(id)?, parse_page(n)?),
            ["article", s] => Route::article(slug(s)?),
            ["article", s, n] => Route::article_page(slug(s)?, parse_page(n)?),
            ["article", s, "comments", "page", n] => Route::comments(slug(s)?, parse_page(n)?),
            [kind @ ("category" | "tag" | "author"), s, rest @ ..] => {
                let page = match rest {
                    [] => 1,
                    ["page", n] => parse_page(n)?,
                    _ => return None,
                };
                let s = slug(s)?;
                match *kind {
                    "category" => Route::category(s, page),
                    "tag" => Route::tag(s, page),
                    _ => Route::author(s, page),
                }
            }
            [p, rest @ ..] if types.find(p).is_some() => match rest {
                [] => Route::type_listing(*p, 1),
                ["page", n] => Route::type_listing(*p, parse_page(n)?),
                [s] => Route::type_item(*p, slug(s)?),
                _ => return None,
            },
            [s] => Route::page(slug(s)?),
            _ => return None,
        })
    }

    /// The same listing, multi-page article (or preview) or article comment page at
    /// another page (unchanged for a static page).
    pub fn with_page(&self, n: u32) -> Route {
        let n = n.max(1);
        match self.clone() {
            Route::Home { .. } => Route::home(n),
            Route::Category { slug, .. } => Route::category(slug, n),
            Route::Tag { slug, .. } => Route::tag(slug, n),
            Route::Author { slug, .. } => Route::author(slug, n),
            Route::Search { query, .. } => Route::search(query, n),
            Route::Article { slug, .. } => Route::article_page(slug, n),
            Route::Comments { slug, .. } => Route::comments(slug, n),
            Route::TypeListing { prefix, .. } => Route::type_listing(prefix, n),
            Route::Preview {
                id,
                kind: PreviewKind::Post,
                ..
            } => Route::preview_page(id, n),
            other => other,
        }
    }

    /// The page number of a listing or a multi-page article (1 for a static page).
    pub fn page_number(&self) -> u32 {
        match self {
            Route::Home { page }
            | Route::Category { page, .. }
            | Route::Tag { page, .. }
            | Route::Author { page, .. }
            | Route::Search { page, .. }
            | Route::Article { page, .. }
            | Route::Comments { page, .. }
            | Route::TypeListing { page, .. }
            | Route::Preview { page, .. } => *page,
            Route::Page { .. } | Route::TypeItem { .. } => 1,
        }
    }
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path())
    }
}

/// What a route's page is when stored data predates article pages.
fn first_page() -> u32 {
    1
}

/// The `q` parameter of a search query string (`""` when absent), decoded.
fn search_query(query: &str) -> Option<String> {
    let q = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("q="))
        .unwrap_or("");
    percent_decode(q, true)
}

/// A WordPress post ID: digits only, from 1.
fn parse_id(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&id| id > 0)
}

/// The `page` parameter of a query string (1 when absent or not a page number).
fn query_page(query: &str) -> u32 {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(parse_page)
        .unwrap_or(1)
}

/// Whether `path` has the shape of one of Kiosque's own routes (so it is
/// never read as an old WordPress URL).
/// A trailing slash is WordPress's shape, not Kiosque's.
pub fn is_kiosque_route(path: &str) -> bool {
    !(path.len() > 1 && path.ends_with('/')) && Route::parse(path, "").is_some()
}

#[cfg(test)]
mod tests;
