//! Walking the whole site: what exists, for the prerender, its sitemaps and
//! feeds. The article index comes page by page (newest first), so a caller
//! never holds more than one page of it.

#[cfg(feature = "static-source")]
use serde::Deserialize;
#[cfg(feature = "static-source")]
use serde_json::Value;

use super::Source;
#[cfg(feature = "static-source")]
use super::StaticSource;
use crate::http::FetchError;
use crate::model::{ArchiveIndex, ArticleIndexPage};
#[cfg(feature = "static-source")]
use crate::model::{ArticleStub, Malformed};

impl Source {
    /// Every category, tag and author with its listing's size, and every
    /// static page.
    pub async fn archive(&self) -> Result<ArchiveIndex, FetchError> {
        dispatch!(self, s => s.archive().await)
    }

    /// Page `page` (from 1) of every published article, newest first.
    /// Entries that cannot be read are in `malformed`, not an error.
    pub async fn article_index(&self, page: u32) -> Result<ArticleIndexPage, FetchError> {
        dispatch!(self, s => s.article_index(page).await)
    }
}

/// An index page whose entries are read one by one.
#[cfg(feature = "static-source")]
#[derive(Deserialize)]
struct RawIndexPage {
    #[serde(default = "one")]
    page: u32,
    #[serde(default = "one")]
    total_pages: u32,
    #[serde(default)]
    total: u32,
    #[serde(default)]
    articles: Vec<Value>,
}

#[cfg(feature = "static-source")]
fn one() -> u32 {
    1
}

/// Reads each entry on its own: one bad entry is reported, not fatal.
#[cfg(feature = "static-source")]
pub(super) fn stubs(values: Vec<Value>) -> (Vec<ArticleStub>, Vec<Malformed>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, v) in values.into_iter().enumerate() {
        let slug = v.get("slug").and_then(Value::as_str).map(str::to_string);
        match serde_json::from_value::<ArticleStub>(v) {
            Ok(stub) if super::checked_slug(&stub.slug).is_ok() => good.push(stub),
            Ok(stub) => bad.push(Malformed {
                name: stub.slug.clone(),
                slug: None,
                error: "not a valid slug".into(),
            }),
            Err(e) => bad.push(Malformed {
                name: slug.clone().unwrap_or_else(|| format!("entry {}", i + 1)),
                slug: slug.filter(|s| super::checked_slug(s).is_ok()),
                error: e.to_string(),
            }),
        }
    }
    (good, bad)
}

#[cfg(feature = "static-source")]
impl StaticSource {
    pub async fn archive(&self) -> Result<ArchiveIndex, FetchError> {
        self.get_doc("archive/index.json").await
    }

    pub async fn article_index(&self, page: u32) -> Result<ArticleIndexPage, FetchError> {
        if page == 0 {
            return Err(FetchError::NotFound);
        }
        let raw: RawIndexPage = self.get_doc(&format!("archive/articles/page/{page}.json")).await?;
        let (articles, malformed) = stubs(raw.articles);
        Ok(ArticleIndexPage {
            version: crate::model::API_VERSION,
            page: raw.page,
            total_pages: raw.total_pages.max(1),
            total: raw.total,
            articles,
            malformed,
        })
    }
}

#[cfg(test)]
#[cfg(feature = "static-source")]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_bad_entry_is_reported_not_fatal() {
        let good = json!({"slug": "a", "title": "A", "category": {"slug": "c", "name": "C"},
            "published": "2026-11-28T10:00:00Z"});
        let no_date = json!({"slug": "b", "title": "B", "category": {"slug": "c", "name": "C"}});
        let bad_slug = json!({"slug": "../x", "title": "X", "category": {"slug": "c", "name": "C"},
            "published": "2026-11-28T10:00:00Z"});
        let (ok, bad) = stubs(vec![good, no_date, json!(3), bad_slug]);
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].slug, "a");
        assert_eq!(bad.len(), 3);
        assert_eq!(bad[0].slug.as_deref(), Some("b"), "its pages can be kept");
        assert!(bad[0].error.contains("published"), "{}", bad[0].error);
        assert_eq!(bad[1].name, "entry 3");
        assert_eq!(bad[2].slug, None);
    }
}
