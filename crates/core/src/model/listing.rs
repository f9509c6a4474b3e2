use serde::{Deserialize, Serialize};

use super::tagged::tagged_by_type;

use super::{ArticleSummary, Author, Block, CategoryRef, SeoHead, TagRef};

pub(super) fn default_version() -> u32 {
    super::API_VERSION
}

pub(super) fn one() -> u32 {
    1
}

/// The home page: a lead story, a block per navigation category, the latest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Home {
    #[serde(default = "default_version")]
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<ArticleSummary>,
    #[serde(default)]
    pub sections: Vec<HomeSection>,
    #[serde(default)]
    pub latest: Vec<ArticleSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeSection {
    pub category: CategoryRef,
    #[serde(default)]
    pub articles: Vec<ArticleSummary>,
}

/// What a paginated listing is a listing of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum ListingKind {
    /// The home archive (`/page/N`).
    Latest,
    Category {
        category: CategoryRef,
        #[serde(default)]
        description: String,
        /// Its parents, the top one first (nested categories).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parents: Vec<CategoryRef>,
        /// Its child categories that have articles.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        children: Vec<CategoryRef>,
        /// The description's markup through the body converter; when
        /// empty, `description` (plain text) is shown.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        about: Vec<Block>,
    },
    Tag {
        tag: TagRef,
        /// The tag's description through the body converter.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        about: Vec<Block>,
    },
    Author {
        author: Author,
    },
    /// A custom post type's items (`/<prefix>`): its name comes from
    /// `config.json`'s `post_types`, found by `rest_base`.
    PostType {
        rest_base: String,
    },
}

tagged_by_type!(ListingKind);

/// One page of a paginated list of articles: "page N of M".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    #[serde(default = "default_version")]
    pub version: u32,
    pub kind: ListingKind,
    #[serde(default = "one")]
    pub page: u32,
    #[serde(default = "one")]
    pub total_pages: u32,
    #[serde(default)]
    pub total: u32,
    #[serde(default)]
    pub articles: Vec<ArticleSummary>,
    /// An SEO plugin's head for the term or author (WordPress's Yoast SEO or
    /// Rank Math), the same on every page of the listing; absent in older
    /// files and without a plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seo: Option<Box<SeoHead>>,
}

/// The most-read list, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MostRead {
    #[serde(default = "default_version")]
    pub version: u32,
    #[serde(default)]
    pub articles: Vec<ArticleSummary>,
}
