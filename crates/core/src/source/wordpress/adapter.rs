//! The WordPress adapter itself: fetching, caching what it learned, and the
//! look-ups `Source` makes (the module documentation is in `mod.rs`). What
//! the site says about itself is read in `site_reads.rs`, search in
//! `search.rs`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::legacy::{parse_marker, Marker};
use super::map::LinkContext;
use super::urls::{PostQuery, Urls};
use super::wire::{self, WpPost, WpSlug, WpTerm, WpUser};
use super::{compose, links, map};
use crate::config::ApiConfig;
use crate::http::{self, Door, FetchError, Fetched, Paging};
use crate::source::checked_slug;

/// Answers GETs instead of the network: for tests (recorded fixtures) and
/// tools. Must behave like `crate::http`: a non-2xx status is the matching
/// `FetchError`, a non-JSON answer is `BadData`.
pub trait Transport: Send + Sync {
    fn get(&self, url: &str) -> Result<Fetched, FetchError>;
}

/// What the source learned once and keeps: slug → term/user, page slugs.
#[derive(Default)]
struct Known {
    categories: HashMap<String, WpTerm>,
    tags: HashMap<String, WpTerm>,
    users: HashMap<String, WpUser>,
    page_slugs: Option<Vec<String>>,
    /// The most a request may ask (`per_page`), when a plugin caps it
    /// below WordPress's 100 (`cap`).
    list_cap: Option<u32>,
    /// Where the REST API answers (`locate`).
    rest: super::locate::Rest,
}

#[derive(Clone)]
pub struct WordPressSource {
    /// URLs under the configured root: every request URL is made here.
    pub(super) urls: Urls,
    /// The plain-permalink root to fall back to (`locate`).
    pub(super) plain: Option<Urls>,
    pub(super) timeout_ms: u32,
    /// A popular-posts route (absolute, or relative to the REST root).
    pub(super) most_read_url: Option<String>,
    /// POSTed `{"id": N}` on each article view; `{id}` in it is replaced.
    view_count_url: Option<String>,
    /// Articles per category, tag and author page (`site.posts_per_page`):
    /// WordPress gives its own setting to administrators only.
    pub(super) per_page: u32,
    /// The REST bases of the custom types whose items join related rails
    /// (`post_types[].in_related`).
    pub(super) related_types: Vec<String>,
    /// The REST bases of every configured custom type (`post_types`): the
    /// search finds their items too (`search.rs`).
    pub(super) search_types: Vec<String>,
    known: Arc<Mutex<Known>>,
    transport: Option<Arc<dyn Transport>>,
    pub(super) door: Door,
}

impl std::fmt::Debug for WordPressSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordPressSource")
            .field("root", &self.urls.root)
            .field("timeout_ms", &self.timeout_ms)
            .field("most_read_url", &self.most_read_url)
            .field("view_count_url", &self.view_count_url)
            .field("per_page", &self.per_page)
            .field("related_types", &self.related_types)
            .field("transport", &self.transport.is_some())
            .finish()
    }
}

/// Two sources are equal when they read the same API the same way.
impl PartialEq for WordPressSource {
    fn eq(&self, other: &Self) -> bool {
        self.urls == other.urls
            && self.timeout_ms == other.timeout_ms
            && self.most_read_url == other.most_read_url
            && self.view_count_url == other.view_count_url
            && self.per_page == other.per_page
            && self.related_types == other.related_types
            && self.search_types == other.search_types
    }
}

impl WordPressSource {
    /// `root`: the REST root, `https://site/wp-json` (already resolved);
    /// requests go through `door` (unless a transport answers them).
    pub fn new(root: &str, timeout_ms: u32, door: Door) -> Self {
        let urls = Urls::new(root);
        WordPressSource {
            plain: super::locate::fallback(&urls),
            urls,
            timeout_ms,
            most_read_url: None,
            view_count_url: None,
            per_page: super::urls::PER_PAGE,
            related_types: Vec::new(),
            search_types: Vec::new(),
            known: Arc::default(),
            transport: None,
            door,
        }
    }

    pub fn from_config(root: &str, api: &ApiConfig, door: Door) -> Self {
        let mut s = WordPressSource::new(root, api.timeout_ms, door);
        s.most_read_url = api.most_read_url.as_deref().map(|u| s.urls.resolve(u));
        s.view_count_url = api.view_count_url.as_deref().map(|u| s.urls.resolve(u));
        s
    }

    /// Listing pages of `n` articles (`site.posts_per_page`), or the default.
    pub fn with_per_page(mut self, n: Option<u32>) -> Self {
        self.per_page = n.unwrap_or(super::urls::PER_PAGE).clamp(1, super::urls::LIST_MAX);
        self
    }

    /// Items of these custom types (REST bases) are searched with the posts.
    pub fn with_search_types(mut self, rest_bases: Vec<String>) -> Self {
        self.search_types = rest_bases;
        self
    }

    /// Items of these custom types (REST bases) join the related rails.
    pub fn with_related_types(mut self, rest_bases: Vec<String>) -> Self {
        self.related_types = rest_bases;
        self
    }

    pub fn with_most_read_url(mut self, url: &str) -> Self {
        self.most_read_url = Some(self.urls.resolve(url));
        self
    }

    /// Answers requests from `transport` instead of the network.
    pub fn with_transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    pub fn root(&self) -> &str {
        &self.urls.root
    }

    /// The `per_page` cap found on this site (`cap`), if any.
    pub(super) fn list_cap(&self) -> Option<u32> {
        self.known().list_cap
    }

    pub(super) fn keep_list_cap(&self, n: u32) {
        let mut known = self.known();
        known.list_cap = Some(known.list_cap.map_or(n, |c| c.min(n)));
    }

    fn known(&self) -> std::sync::MutexGuard<'_, Known> {
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn rest(&self) -> super::locate::Rest {
        self.known().rest
    }

    pub(super) fn set_rest(&self, rest: super::locate::Rest) {
        self.known().rest = rest;
    }

    /// `url` (made under the configured root), where the site answers.
    pub(super) async fn fetch_once<T: DeserializeOwned>(&self, url: &str) -> Result<(T, Paging), FetchError> {
        let url = self.located(url);
        let first = self.fetch_raw::<T>(&url).await;
        match &first {
            Ok(_) => self.rest_answered(),
            Err(e) => {
                if let Some(moved) = self.relocated(&url, e).await {
                    return self.fetch_raw::<T>(&moved).await;
                }
            }
        }
        first
    }

    /// `url` as it is.
    pub(super) async fn fetch_raw<T: DeserializeOwned>(&self, url: &str) -> Result<(T, Paging), FetchError> {
        match &self.transport {
            Some(t) => {
                let f = t.get(url)?;
                let paging = Paging {
                    total: f.total,
                    total_pages: f.total_pages,
                };
                Ok((http::parse_json(&f.body)?, paging))
            }
            None => self.door.get_json_paged(url, self.timeout_ms).await,
        }
    }

    /// `url`'s text from the network, never from or into the cache.
    pub(super) async fn fetch_fresh(&self, url: &str) -> Result<std::sync::Arc<str>, FetchError> {
        let url = &self.located(url);
        match &self.transport {
            Some(t) => Ok(t.get(url)?.body),
            None => self.door.get_text_fresh(url, self.timeout_ms).await,
        }
    }

    /// POSTs a JSON body once and returns the answer whatever its status
    /// (a comment: WordPress explains a refusal in JSON).
    pub(super) async fn post_answer(&self, url: &str, body: String) -> Result<http::Answer, FetchError> {
        self.door
            .post_json_answer(&self.located(url), body, self.timeout_ms)
            .await
    }

    /// A list of posts, each parsed on its own: one malformed post is skipped
    /// (a list), or named (`BadData`) by the caller that needs it.
    pub(super) async fn fetch_posts(&self, q: &PostQuery) -> Result<(Vec<Value>, Paging), FetchError> {
        self.fetch::<Vec<Value>>(&self.urls.posts(q)).await
    }

    pub(super) async fn summaries(
        &self,
        q: &PostQuery,
    ) -> Result<(Vec<crate::model::ArticleSummary>, Paging), FetchError> {
        let (raw, paging) = self.fetch_posts(q).await?;
        let mut posts: Vec<WpPost> = wire::parse_each(&raw);
        self.fill_missing(&mut posts).await;
        // A custom type's items may have no category; posts may not.
        let cards = if q.collection.is_some() {
            map::item_summaries(&posts)
        } else {
            map::summaries(&posts)
        };
        Ok((cards, paging))
    }

    /// The link context for bodies, with the site's page slugs (fetched
    /// once; without them every `/slug/` link is read as an article).
    pub(super) async fn link_context(&self) -> LinkContext {
        let mut ctx = LinkContext::from_home(self.urls.home());
        let cached = self.known().page_slugs.clone();
        ctx.page_slugs = match cached {
            Some(s) => s,
            None => match self
                .all_upto::<WpSlug>(|p| self.urls.page_slugs_at(p), super::archive::LIVE_LIST_PAGES)
                .await
            {
                Ok(pages) => {
                    let slugs: Vec<String> = pages
                        .into_iter()
                        .filter(|p| p.status == "publish")
                        .map(|p| map::clean_slug(&p.slug))
                        .collect();
                    self.known().page_slugs = Some(slugs.clone());
                    slugs
                }
                Err(_) => Vec::new(),
            },
        };
        ctx
    }

    /// All categories, every page of them up to a bound (each page cached
    /// by the HTTP layer), remembered by slug.
    pub(super) async fn categories(&self) -> Result<Vec<WpTerm>, FetchError> {
        let terms: Vec<WpTerm> = self
            .all_upto(|p| self.urls.terms("categories", p), super::archive::LIVE_LIST_PAGES)
            .await?;
        let mut known = self.known();
        for t in &terms {
            known
                .categories
                .entry(map::clean_slug(&t.slug))
                .or_insert_with(|| t.clone());
        }
        Ok(terms)
    }

    /// A category (`categories`) or tag (`tags`) by slug, resolved once.
    pub(super) async fn term(&self, taxonomy: &str, slug: &str) -> Result<WpTerm, FetchError> {
        let slug = checked_slug(slug)?;
        let cached = {
            let known = self.known();
            let map = if taxonomy == "tags" {
                &known.tags
            } else {
                &known.categories
            };
            map.get(slug).cloned()
        };
        if let Some(t) = cached {
            return Ok(t);
        }
        let (raw, _) = self
            .fetch::<Vec<Value>>(&self.urls.term_by_slug(taxonomy, slug))
            .await?;
        let term = wire::parse_each::<WpTerm>(&raw)
            .into_iter()
            .next()
            .ok_or(FetchError::NotFound)?;
        let mut known = self.known();
        let map = if taxonomy == "tags" {
            &mut known.tags
        } else {
            &mut known.categories
        };
        map.insert(slug.to_string(), term.clone());
        Ok(term)
    }

    pub(super) async fn user(&self, slug: &str) -> Result<WpUser, FetchError> {
        let slug = checked_slug(slug)?;
        if let Some(u) = self.known().users.get(slug).cloned() {
            return Ok(u);
        }
        let (raw, _) = self.fetch::<Vec<Value>>(&self.urls.user_by_slug(slug)).await?;
        let user = wire::parse_each::<WpUser>(&raw)
            .into_iter()
            .next()
            .ok_or(FetchError::NotFound)?;
        self.known().users.insert(slug.to_string(), user.clone());
        Ok(user)
    }

    /// Warms the cache for an article a reader is about to open.
    pub fn prefetch_article(&self, slug: &str) {
        if let (Ok(slug), None) = (checked_slug(slug), &self.transport) {
            self.door.prefetch(
                &self.located(&self.urls.posts(&compose::article_query(slug))),
                self.timeout_ms,
            );
        }
    }

    /// The slug of a published post (for old `?p=123` links).
    pub async fn post_slug_by_id(&self, id: u64) -> Result<String, FetchError> {
        self.slug_by_id("posts", id).await
    }

    async fn slug_by_id(&self, kind: &str, id: u64) -> Result<String, FetchError> {
        let (s, _) = self.fetch::<WpSlug>(&self.urls.slug_by_id(kind, id)).await?;
        if s.status != "publish" {
            return Err(FetchError::NotFound);
        }
        routable(&s.slug)
    }

    /// Turns a look-up marker from [`legacy_route`] (`wp:p=123`…) into the
    /// canonical Kiosque route.
    pub async fn resolve_legacy(&self, marker: &str) -> Result<String, FetchError> {
        use crate::routes::Route;
        let route = match parse_marker(marker).ok_or(FetchError::NotFound)? {
            Marker::Post { id, page } => Route::article_page(self.post_slug_by_id(id).await?, page),
            Marker::Page(id) => Route::page(self.slug_by_id("pages", id).await?),
            Marker::Category { id, page } => {
                let (t, _) = self.fetch::<WpTerm>(&self.urls.term_by_id("categories", id)).await?;
                Route::category(routable(&t.slug)?, page)
            }
            Marker::Author { id, page } => {
                let (u, _) = self.fetch::<WpUser>(&self.urls.user_by_id(id)).await?;
                Route::author(routable(&u.slug)?, page)
            }
        };
        Ok(route.path())
    }

    /// Counts a view: POSTs `{"id": N}` to `api.view_count_url`, in the
    /// background, errors ignored (a counter must never break reading).
    pub(super) fn count_view(&self, id: u64) {
        if let (Some(url), None) = (&self.view_count_url, &self.transport) {
            let url = self.located(&url.replace("{id}", &id.to_string()));
            self.door
                .post_json_detached(&url, format!("{{\"id\":{id}}}"), self.timeout_ms);
        }
    }
}

/// A slug from the backend that can go into a route (decoded, lowercased,
/// checked); any other is `NotFound`, so a look-up never redirects to a
/// malformed path, nor to `//host` (another site).
pub(super) fn routable(slug: &str) -> Result<String, FetchError> {
    links::slug_of(slug).ok_or(FetchError::NotFound)
}

/// One JSON object as `T`, the failing field named natively: `post: date:
/// missing field` (a parsed `Value` has no line and column to give instead).
/// That is for the publisher's command, whose log is where it is read.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_one<T: DeserializeOwned>(v: &Value, what: &str) -> Result<T, FetchError> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path.is_empty() || path == "." {
            FetchError::BadData(format!("{what}: {inner}"))
        } else {
            FetchError::BadData(format!("{what}: {path}: {inner}"))
        }
    })
}

/// In the browser, without the field's path: a reader sees the kind of error
/// only (`ErrorView`), and tracking paths compiled `WpPost` and `WpPage`'s
/// readers a second time (6.8 KB brotli of the WordPress flavor, measured).
#[cfg(target_arch = "wasm32")]
pub fn parse_one<T: DeserializeOwned>(v: &Value, what: &str) -> Result<T, FetchError> {
    T::deserialize(v).map_err(|e| FetchError::BadData(format!("{what}: {e}")))
}
