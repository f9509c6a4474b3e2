//! What exists, for tools that walk the whole site (the prerender, its
//! sitemaps and feeds): every listing with its size, every static page, and
//! every article as a light stub, newest first, page by page. The static API
//! serves these as `archive/index.json` and `archive/articles/page/<n>.json`.

use serde::{Deserialize, Serialize};

use super::{CategoryRef, Timestamp};

/// Articles the home's "latest" block shows; the home archive (`/page/2`…)
/// starts right after them, so no article is shown twice in a row.
pub const HOME_LATEST_SHOWN: usize = 6;

/// Article stubs per page of the article index.
pub const ARTICLE_INDEX_PER_PAGE: usize = 1000;

/// Every category, tag, author and static page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArchiveIndex {
    #[serde(default = "super::listing::default_version")]
    pub version: u32,
    #[serde(default)]
    pub categories: Vec<ArchiveTerm>,
    #[serde(default)]
    pub tags: Vec<ArchiveTerm>,
    #[serde(default)]
    pub authors: Vec<ArchiveTerm>,
    #[serde(default)]
    pub pages: Vec<ArchivePage>,
}

/// A category, tag or author and the size of its listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchiveTerm {
    pub slug: String,
    #[serde(default)]
    pub name: String,
    /// Its published articles.
    #[serde(default)]
    pub total: u32,
    /// Pages of its listing; absent when the source does not say (the
    /// listing's first page then tells).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<u32>,
    /// Its WordPress term or user ID, when the site came from WordPress:
    /// old `?cat=ID` / `?author=ID` links are redirected by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wp_id: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivePage {
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    /// Its WordPress page ID (old `?page_id=ID` links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wp_id: Option<u64>,
    /// Its parent pages' slugs, the top one first: its old nested URL
    /// (`/parent/child/`) is redirected by the host to `/child`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
}

/// An article as sitemaps and feeds need it: no body, no image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleStub {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub standfirst: String,
    pub category: CategoryRef,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    /// Its WordPress post ID, when the site came from WordPress: old
    /// `?p=ID` links are redirected by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wp_id: Option<u64>,
    /// The parts of a split post (`<!--nextpage-->`), when more than one:
    /// its old part URLs (`/slug/2/`) are redirected by the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<u32>,
    /// A custom post type's item (its REST base), in the search index only:
    /// a hit links to `/<prefix>/<slug>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_type: Option<String>,
}

impl ArticleStub {
    /// When it last changed (its sitemap `lastmod`).
    pub fn last_modified(&self) -> &Timestamp {
        self.modified.as_ref().unwrap_or(&self.published)
    }
}

impl From<&super::ArticleSummary> for ArticleStub {
    fn from(a: &super::ArticleSummary) -> Self {
        ArticleStub {
            slug: a.slug.clone(),
            title: a.title.clone(),
            standfirst: a.standfirst.clone(),
            category: a.category.clone(),
            published: a.published.clone(),
            modified: a.modified.clone(),
            wp_id: None,
            parts: None,
            post_type: a.post_type.clone(),
        }
    }
}

/// One page of the article index, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleIndexPage {
    #[serde(default = "super::listing::default_version")]
    pub version: u32,
    #[serde(default = "super::listing::one")]
    pub page: u32,
    #[serde(default = "super::listing::one")]
    pub total_pages: u32,
    #[serde(default)]
    pub total: u32,
    #[serde(default)]
    pub articles: Vec<ArticleStub>,
    /// Entries that could not be read (`slug or ID: why`); never written
    /// by the static API, filled by the sources so a caller can report them
    /// and keep what it already has for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub malformed: Vec<Malformed>,
}

/// An index entry that could not be read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Malformed {
    /// Its slug when that much was readable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// What names it in a report (`slug`, or `post 123`).
    pub name: String,
    pub error: String,
}
