//! Sources: where typed content comes from. Pages ask `Source` for model
//! data and never learn which backend answered. Wire formats stop here.

mod archive;
pub mod related;
pub mod search;
mod static_json;
pub mod wordpress;

pub use static_json::StaticSource;
pub use wordpress::WordPressSource;

use std::sync::Arc;

use crate::config::{ApiKind, Config};
use crate::http::{Door, FetchError};
use crate::model::{Article, Home, Listing, MostRead, SiteInfo, StaticPage};
use crate::routes::Route;

/// The configured content source. Cheap to clone (one `Arc`): every view
/// that loads data holds one.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Static(Arc<StaticSource>),
    WordPress(Arc<WordPressSource>),
}

impl Source {
    /// Builds the source that `config.json` asks for. `bundle_base` is the URL
    /// the bundle is served from, against which relative API URLs resolve;
    /// every request goes through `door`.
    pub fn from_config(config: &Config, bundle_base: &str, door: Door) -> Source {
        let root = config.api_root(bundle_base);
        match config.api.kind {
            ApiKind::Static => Source::Static(Arc::new(StaticSource::new(
                root,
                config.api.timeout_ms,
                bundle_base,
                door,
            ))),
            ApiKind::Wordpress => Source::WordPress(Arc::new(WordPressSource::from_config(&root, &config.api, door))),
        }
    }

    pub async fn site(&self) -> Result<SiteInfo, FetchError> {
        match self {
            Source::Static(s) => s.site().await,
            Source::WordPress(s) => s.site().await,
        }
    }

    pub async fn home(&self) -> Result<Home, FetchError> {
        match self {
            Source::Static(s) => s.home().await,
            Source::WordPress(s) => s.home().await,
        }
    }

    pub async fn article(&self, slug: &str) -> Result<Article, FetchError> {
        match self {
            Source::Static(s) => s.article(slug).await,
            Source::WordPress(s) => s.article(slug).await,
        }
    }

    /// The canonical slug of article `slug`, for an old permalink
    /// (`/:slug`); unlike [`Self::article`], counts no view.
    pub async fn article_slug(&self, slug: &str) -> Result<String, FetchError> {
        match self {
            Source::Static(s) => s.article(slug).await.map(|a| a.slug),
            Source::WordPress(s) => s.article_slug(slug).await,
        }
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
            Source::Static(_) => Err(FetchError::NotFound),
            Source::WordPress(s) => {
                let path = s.resolve_legacy(lookup).await?;
                Route::parse(&path, "").ok_or(FetchError::NotFound)
            }
        }
    }

    /// Called on hover or focus of an article link.
    pub fn prefetch_article(&self, slug: &str) {
        match self {
            Source::Static(s) => s.prefetch_article(slug),
            Source::WordPress(s) => s.prefetch_article(slug),
        }
    }

    pub async fn page(&self, slug: &str) -> Result<StaticPage, FetchError> {
        match self {
            Source::Static(s) => s.page(slug).await,
            Source::WordPress(s) => s.page(slug).await,
        }
    }

    pub async fn listing(&self, list: &ListingRequest, page: u32) -> Result<Listing, FetchError> {
        match self {
            Source::Static(s) => s.listing(list, page).await,
            Source::WordPress(s) => s.listing(list, page).await,
        }
    }

    pub async fn search(&self, query: &str, limit: usize) -> Result<SearchResults, FetchError> {
        match self {
            Source::Static(s) => s.search(query, limit).await,
            Source::WordPress(s) => s.search(query, limit).await,
        }
    }

    pub async fn most_read(&self) -> Result<MostRead, FetchError> {
        match self {
            Source::Static(s) => s.most_read().await,
            Source::WordPress(s) => s.most_read().await,
        }
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
}

/// Search hits, best first, as article summaries.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    pub articles: Vec<crate::model::ArticleSummary>,
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
}
