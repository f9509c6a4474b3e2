//! Sources: where typed content comes from. Pages ask `Source` for model
//! data and never learn which backend answered. Wire formats stop here.
//!
//! Each adapter is a cargo feature (`static-source`, `wordpress-source`,
//! both by default): the browser gets one bundle per source, so a site never
//! downloads the adapter it does not use. `Config::parse` refuses a kind
//! this build lacks; `Source::Missing` is the typed answer if one slips by.

pub mod preview;
pub mod related;
pub mod search;
pub mod static_files;
#[cfg(feature = "static-source")]
mod static_json;
#[cfg(feature = "static-source")]
mod static_search;
#[cfg(feature = "static-unlock")]
pub mod static_unlock;
pub mod wordpress;

#[cfg(feature = "static-source")]
pub use static_json::StaticSource;
#[cfg(feature = "wordpress-source")]
pub use wordpress::WordPressSource;

#[cfg(not(any(feature = "static-source", feature = "wordpress-source")))]
compile_error!("kiosque-core needs a source: enable `static-source`, `wordpress-source` or both");

use std::sync::Arc;

use crate::config::{ApiKind, Config};
use crate::http::{Door, FetchError};
use crate::model::{
    Article, Block, CommentDraft, Home, Listing, MaybeComments, MostRead, PostError, Posted, SiteInfo, StaticPage,
};
use crate::routes::Route;

/// The configured content source. Cheap to clone (one `Arc`): every view
/// that loads data holds one.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    #[cfg(feature = "static-source")]
    Static(Arc<StaticSource>),
    #[cfg(feature = "wordpress-source")]
    WordPress(Arc<WordPressSource>),
    /// `config.json` names a source this build was compiled without: every
    /// call answers [`not_built`].
    Missing(ApiKind),
}

/// Whether this build has the adapter for `kind`.
pub fn is_built(kind: ApiKind) -> bool {
    match kind {
        ApiKind::Static => cfg!(feature = "static-source"),
        ApiKind::Wordpress => cfg!(feature = "wordpress-source"),
    }
}

/// The error a [`Source::Missing`] answers.
pub fn not_built(kind: ApiKind) -> FetchError {
    FetchError::BadData(format!(
        "this bundle has no {} source (api.kind in config.json)",
        kind.name()
    ))
}

/// Calls `$call` on whichever adapter `$source` holds; `Missing` answers `$missing`.
macro_rules! dispatch {
    ($source:expr, $s:ident => $call:expr, $kind:ident => $missing:expr) => {
        match $source {
            #[cfg(feature = "static-source")]
            Source::Static($s) => $call,
            #[cfg(feature = "wordpress-source")]
            Source::WordPress($s) => $call,
            Source::Missing($kind) => $missing,
        }
    };
    ($source:expr, $s:ident => $call:expr) => {
        dispatch!($source, $s => $call, kind => Err($crate::source::not_built(*kind)))
    };
}

// After `dispatch!`, which it uses.
mod archive;

impl Source {
    /// Builds the source that `config.json` asks for. `bundle_base` is the URL
    /// the bundle is served from, against which relative API URLs resolve;
    /// every request goes through `door`.
    pub fn from_config(config: &Config, bundle_base: &str, door: Door) -> Source {
        let root = config.api_root(bundle_base);
        let related_types: Vec<String> = config
            .post_types
            .iter()
            .filter(|t| t.in_related)
            .map(|t| t.rest_base.clone())
            .collect();
        match config.api.kind {
            #[cfg(feature = "static-source")]
            ApiKind::Static => Source::Static(Arc::new(
                StaticSource::new(root, config.api.timeout_ms, bundle_base, door)
                    .with_comments(config.comments_root(bundle_base))
                    .with_related_types(related_types)
                    .with_unlock(config.api.unlock_url.clone()),
            )),
            #[cfg(feature = "wordpress-source")]
            ApiKind::Wordpress => Source::WordPress(Arc::new(
                WordPressSource::from_config(&root, &config.api, door)
                    .with_per_page(config.site.posts_per_page)
                    .with_related_types(related_types)
                    .with_search_types(config.post_types.iter().map(|t| t.rest_base.clone()).collect()),
            )),
            #[allow(unreachable_patterns)] // with both adapters built
            kind => {
                let _ = (root, door, related_types);
                Source::Missing(kind)
            }
        }
    }

    pub async fn site(&self) -> Result<SiteInfo, FetchError> {
        dispatch!(self, s => s.site().await)
    }

    pub async fn home(&self) -> Result<Home, FetchError> {
        dispatch!(self, s => s.home().await)
    }

    /// A protected article comes without text whatever the data held, so
    /// no page, page data, feed or index built from it can carry it.
    pub async fn article(&self, slug: &str) -> Result<Article, FetchError> {
        dispatch!(self, s => s.article(slug).await).map(Article::without_protected_text)
    }

    /// A protected article's text (blocks, where pages 2… start) read with
    /// the reader's `password`; `Ok(None)` when the source refused it. Only
    /// WordPress checks passwords: a static site asks the one its
    /// `api.unlock_url` names (in builds with `static-unlock`), and otherwise
    /// answers `NotFound`.
    pub async fn unlock(&self, slug: &str, password: &str) -> Result<Option<(Vec<Block>, Vec<usize>)>, FetchError> {
        match self {
            #[cfg(feature = "wordpress-source")]
            Source::WordPress(s) => s.unlock(slug, password).await,
            #[cfg(feature = "static-unlock")]
            Source::Static(s) => s.unlock(slug, password).await,
            _ => {
                let _ = (slug, password);
                Err(FetchError::NotFound)
            }
        }
    }

    /// Page `page` (from 1) of the comments on article `slug`; `None` when
    /// the source has no comments (the static source).
    pub async fn comments(&self, slug: &str, page: u32, depth: Option<u8>) -> Result<MaybeComments, FetchError> {
        dispatch!(self, s => s.comments(slug, page, depth).await)
    }

    /// An editor's preview of post `id` (docs/previews.md), read as `who`.
    /// Only WordPress has drafts: another source answers `NeedsWordPress`.
    pub async fn preview(&self, id: u64, who: &preview::Credentials) -> Result<Article, preview::PreviewError> {
        match self {
            #[cfg(feature = "wordpress-source")]
            Source::WordPress(s) => s.preview(id, who).await,
            _ => {
                let _ = (id, who);
                Err(preview::PreviewError::NeedsWordPress)
            }
        }
    }

    /// An editor's preview of page `id`: a draft page, or a published one
    /// with its newest autosave. WordPress only, as [`Self::preview`].
    pub async fn preview_page(&self, id: u64, who: &preview::Credentials) -> Result<StaticPage, preview::PreviewError> {
        match self {
            #[cfg(feature = "wordpress-source")]
            Source::WordPress(s) => s.preview_page(id, who).await,
            _ => {
                let _ = (id, who);
                Err(preview::PreviewError::NeedsWordPress)
            }
        }
    }

    /// Posts a reader's comment on article `slug`. Only WordPress takes
    /// comments: another source answers `Closed`.
    pub async fn post_comment(&self, slug: &str, draft: &CommentDraft) -> Result<Posted, PostError> {
        match self {
            #[cfg(feature = "wordpress-source")]
            Source::WordPress(s) => s.post_comment(slug, draft).await,
            _ => {
                let _ = (slug, draft);
                Err(PostError::Closed)
            }
        }
    }

    /// The canonical slug of article `slug`, for an old permalink
    /// (`/:slug`); unlike [`Self::article`], counts no view.
    pub async fn article_slug(&self, slug: &str) -> Result<String, FetchError> {
        dispatch!(self, s => s.article_slug(slug).await)
    }

    /// Where an old URL (a WordPress permalink such as `/2026/11/28/slug/`,
    /// `/category/x/`, `?p=123`) goes instead, if anywhere. Both sources know
    /// WordPress's URL shapes: a static site may be a WordPress site moved.
    /// Call it only for paths that are not Kiosque routes (or the home with
    /// a query): those are never old URLs.
    pub fn legacy_redirect(&self, path: &str, query: &str) -> Option<LegacyRedirect> {
        let out = wordpress::legacy_route(path, query.trim_start_matches('?'))?;
        if !out.starts_with('/') {
            return Some(LegacyRedirect::Lookup(out));
        }
        let (p, q) = out.split_once('?').unwrap_or((&out, ""));
        Route::parse(p, q).map(LegacyRedirect::To)
    }

    /// The route behind a [`LegacyRedirect::Lookup`]. Only WordPress knows IDs.
    pub async fn resolve_legacy(&self, lookup: &str) -> Result<Route, FetchError> {
        match self {
            #[cfg(feature = "static-source")]
            Source::Static(_) => Err(FetchError::NotFound),
            #[cfg(feature = "wordpress-source")]
            Source::WordPress(s) => {
                let path = s.resolve_legacy(lookup).await?;
                Route::parse(&path, "").ok_or(FetchError::NotFound)
            }
            Source::Missing(kind) => {
                let _ = lookup; // only WordPress reads it, and it may not be built
                Err(not_built(*kind))
            }
        }
    }

    /// Called on hover or focus of an article link.
    pub fn prefetch_article(&self, slug: &str) {
        dispatch!(self, s => s.prefetch_article(slug), _kind => ())
    }

    pub async fn page(&self, slug: &str) -> Result<StaticPage, FetchError> {
        dispatch!(self, s => s.page(slug).await)
    }

    /// Item `slug` of the custom post type whose REST base is `rest_base`,
    /// as an article (protected text dropped as for articles).
    pub async fn type_item(&self, rest_base: &str, slug: &str) -> Result<Article, FetchError> {
        dispatch!(self, s => s.type_item(rest_base, slug).await).map(Article::without_protected_text)
    }

    pub async fn listing(&self, list: &ListingRequest, page: u32) -> Result<Listing, FetchError> {
        dispatch!(self, s => s.listing(list, page).await)
    }

    /// Page `page` (from 1) of the results for `query`, `per_page` a page
    /// ([`SEARCH_PER_PAGE`] on the search page).
    pub async fn search(&self, query: &str, page: u32, per_page: usize) -> Result<SearchResults, FetchError> {
        dispatch!(self, s => s.search(query, page, per_page).await)
    }

    pub async fn most_read(&self) -> Result<MostRead, FetchError> {
        dispatch!(self, s => s.most_read().await)
    }
}

/// Where an old URL goes: a route now, or after a look-up by ID
/// ([`Source::resolve_legacy`]; the token is opaque to the caller).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LegacyRedirect {
    To(Route),
    Lookup(String),
}

/// Which paginated list a page wants.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ListingRequest {
    Latest,
    Category(String),
    Tag(String),
    Author(String),
    /// A custom post type's items, by its REST base (`config.json`'s `post_types`).
    PostType(String),
}

/// Results a search page shows.
pub const SEARCH_PER_PAGE: usize = 20;

/// One page of search hits, best first, as article summaries.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchResults {
    /// The query as searched (trimmed); `""`: nothing was asked.
    pub query: String,
    /// Hits in all pages.
    pub total: usize,
    /// This page, from 1 (past `total_pages` when asked for one: no articles).
    pub page: u32,
    /// At least 1.
    pub total_pages: u32,
    pub articles: Vec<crate::model::ArticleSummary>,
}

impl SearchResults {
    /// No hits for `query` (trimmed).
    pub fn empty(query: &str, page: u32) -> Self {
        SearchResults {
            query: query.trim().to_string(),
            total: 0,
            page: page.max(1),
            total_pages: 1,
            articles: Vec::new(),
        }
    }
}

/// A slug is safe to put in a path: letters, digits, `-`, `_`, bounded length.
/// Anything else cannot exist, so it is "not found" without a request.
pub fn checked_slug(slug: &str) -> Result<&str, FetchError> {
    let ok = !slug.is_empty() && slug.len() <= 200 && slug.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(slug)
    } else {
        Err(FetchError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked_before_any_request() {
        assert_eq!(checked_slug("le-maroc-2026"), Ok("le-maroc-2026"));
        assert_eq!(checked_slug("économie"), Ok("économie"));
        for bad in ["", "../config", "a/b", "a.json", "a?b", "a b", "%2e%2e"] {
            assert_eq!(checked_slug(bad), Err(FetchError::NotFound), "{bad}");
        }
        assert!(checked_slug(&"a".repeat(201)).is_err());
    }

    /// Run once per feature set: with both adapters every kind parses; with
    /// one, the other kind is a config error naming `api.kind`.
    #[test]
    fn a_kind_this_build_lacks_is_a_typed_error_never_a_panic() {
        use crate::config::ConfigError;
        use futures::FutureExt;
        for kind in [ApiKind::Static, ApiKind::Wordpress] {
            let text = format!(r#"{{"api":{{"kind":"{}","base_url":"/api"}}}}"#, kind.name());
            match Config::parse(&text) {
                Ok(config) => {
                    assert!(is_built(kind), "{kind:?}");
                    let source = Source::from_config(&config, "http://h.test/", Door::default());
                    assert_ne!(source, Source::Missing(kind));
                }
                Err(ConfigError::Invalid { key, message }) => {
                    assert!(!is_built(kind), "{kind:?}");
                    assert_eq!(key, "api.kind");
                    assert!(message.contains("built without"), "{message}");
                }
                Err(e) => panic!("{kind:?}: {e}"),
            }
            let missing = Source::Missing(kind);
            assert_eq!(missing.site().now_or_never(), Some(Err(not_built(kind))));
            assert_eq!(
                missing.resolve_legacy("wp:p=1").now_or_never(),
                Some(Err(not_built(kind)))
            );
            missing.prefetch_article("a");
            // Old WordPress URLs redirect whatever the source.
            assert!(missing.legacy_redirect("/2026/11/28/un-article/", "").is_some());
        }
    }
}
