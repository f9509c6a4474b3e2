//! Kiosque's own static JSON API (docs/content-api.md): plain files that any
//! CDN can serve. Paths are built here and nowhere else.

use super::{checked_slug, ListingRequest};
use crate::http::{get_json, FetchError};
use crate::model::{Article, Home, Listing, MostRead, SiteInfo, StaticPage};

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
