//! Kiosque's own static JSON API (docs/content-api.md): plain files that any
//! CDN can serve. Paths are built here and nowhere else.

use super::{checked_slug, ListingRequest, SearchResults};
use crate::http::{get_json, FetchError};
use crate::model::{Article, ArticleSummary, Home, Listing, MostRead, SearchIndex, SiteInfo, StaticPage};

#[derive(Clone, Debug, PartialEq)]
pub struct StaticSource {
    /// The API root without a trailing slash, e.g. `https://h.com/api`.
    root: String,
    timeout_ms: u32,
}

impl StaticSource {
    pub fn new(root: String, timeout_ms: u32) -> Self {
        StaticSource {
            root: root.trim_end_matches('/').to_string(),
            timeout_ms,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.root)
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, FetchError> {
        get_json(&self.url(path), self.timeout_ms).await
    }

    pub async fn site(&self) -> Result<SiteInfo, FetchError> {
        self.get("site.json").await
    }

    pub async fn home(&self) -> Result<Home, FetchError> {
        self.get("home.json").await
    }

    pub async fn article(&self, slug: &str) -> Result<Article, FetchError> {
        let slug = checked_slug(slug)?;
        self.get(&format!("articles/{slug}.json")).await
    }

    /// Warms the cache for an article a reader is about to open.
    pub fn prefetch_article(&self, slug: &str) {
        if let Ok(slug) = checked_slug(slug) {
            crate::http::prefetch(&self.url(&format!("articles/{slug}.json")), self.timeout_ms);
        }
    }

    pub async fn page(&self, slug: &str) -> Result<StaticPage, FetchError> {
        let slug = checked_slug(slug)?;
        self.get(&format!("pages/{slug}.json")).await
    }

    pub fn listing_path(list: &ListingRequest, page: u32) -> Result<String, FetchError> {
        if page == 0 {
            return Err(FetchError::NotFound);
        }
        Ok(match list {
            ListingRequest::Latest => format!("latest/page/{page}.json"),
            ListingRequest::Category(s) => format!("categories/{}/page/{page}.json", checked_slug(s)?),
            ListingRequest::Tag(s) => format!("tags/{}/page/{page}.json", checked_slug(s)?),
            ListingRequest::Author(s) => format!("authors/{}/page/{page}.json", checked_slug(s)?),
        })
    }

    pub async fn listing(&self, list: &ListingRequest, page: u32) -> Result<Listing, FetchError> {
        self.get(&Self::listing_path(list, page)?).await
    }

    pub async fn most_read(&self) -> Result<MostRead, FetchError> {
        self.get("most-read.json").await
    }

    /// Client-side search over the search index (cached after the first
    /// query, like every response).
    pub async fn search(&self, query: &str, limit: usize) -> Result<SearchResults, FetchError> {
        if query.trim().is_empty() {
            return Ok(SearchResults {
                query: String::new(),
                total: 0,
                articles: Vec::new(),
            });
        }
        let index: SearchIndex = self.get("search-index.json").await?;
        let hits = super::search::search(&index, query, usize::MAX);
        let total = hits.len();
        let articles = hits
            .into_iter()
            .take(limit)
            .filter_map(|h| index.docs.get(h.index))
            .map(|d| ArticleSummary {
                slug: d.slug.clone(),
                title: d.title.clone(),
                standfirst: d.standfirst.clone(),
                category: d.category.clone(),
                authors: Vec::new(),
                published: d.published.clone(),
                modified: None,
                image: None,
                reading_minutes: 0,
            })
            .collect();
        Ok(SearchResults {
            query: query.trim().to_string(),
            total,
            articles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_paths_are_canonical_and_checked() {
        let p = |l, n| StaticSource::listing_path(&l, n);
        assert_eq!(p(ListingRequest::Latest, 2).unwrap(), "latest/page/2.json");
        assert_eq!(
            p(ListingRequest::Category("sport".into()), 1).unwrap(),
            "categories/sport/page/1.json"
        );
        assert_eq!(p(ListingRequest::Tag("eau".into()), 3).unwrap(), "tags/eau/page/3.json");
        assert_eq!(
            p(ListingRequest::Author("a-b".into()), 1).unwrap(),
            "authors/a-b/page/1.json"
        );
        assert_eq!(p(ListingRequest::Latest, 0), Err(FetchError::NotFound));
        assert_eq!(p(ListingRequest::Tag("../x".into()), 1), Err(FetchError::NotFound));
    }
}
