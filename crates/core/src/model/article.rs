use serde::{Deserialize, Serialize};

use super::{Block, Image, PostFormat, SeoHead, Timestamp};

/// A custom type's item without a category has an empty one (slug `""`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

/// A link to a static page: a parent or a child in the page hierarchy.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PageRef {
    pub slug: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TagRef {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AuthorRef {
    pub slug: String,
    pub name: String,
}

/// An author's profile page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    /// The biography as plain text (meta description, fallback).
    #[serde(default)]
    pub bio: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Image>,
    /// The biography's markup through the body converter (links,
    /// emphasis), when it has any; else `bio` is shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<Block>,
}

/// What a card or a list needs: everything but the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub standfirst: String,
    pub category: CategoryRef,
    #[serde(default)]
    pub authors: Vec<AuthorRef>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default)]
    pub reading_minutes: u32,
    /// WordPress's post format, so a card can look the part (a note, a
    /// quote, a "Vidéo" label); absent means standard.
    #[serde(default, skip_serializing_if = "PostFormat::is_standard")]
    pub format: PostFormat,
    /// A link post's destination (its body's first link), where the body
    /// was read: the card then links out to it as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The custom post type's REST base when this is one of its items (in
    /// a related rail): its link is then the type's, `/<prefix>/<slug>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_type: Option<String>,
}

/// A full article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(default = "super::listing::default_version")]
    pub version: u32,
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub standfirst: String,
    pub category: CategoryRef,
    /// The category's parents, the top one first (nested categories); empty
    /// for a top-level category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_parents: Vec<CategoryRef>,
    #[serde(default)]
    pub tags: Vec<TagRef>,
    #[serde(default)]
    pub authors: Vec<AuthorRef>,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default)]
    pub body: Vec<Block>,
    /// Credit for the story's origin, e.g. "AFP" or "Avec agences".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default)]
    pub comment_count: u32,
    #[serde(default)]
    pub reading_minutes: u32,
    /// Related articles, best first (same category and tags first), for the
    /// "Vous aimerez aussi" rail. Never the article itself.
    #[serde(default)]
    pub related: Vec<ArticleSummary>,
    /// An SEO plugin's head for this article (WordPress), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seo: Option<Box<SeoHead>>,
    /// WordPress's post format; absent means standard.
    #[serde(default, skip_serializing_if = "PostFormat::is_standard")]
    pub format: PostFormat,
    /// Password-protected at the source: `body` is empty (the text is never
    /// put in the page data) and readers are asked for the password.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub protected: bool,
    /// A multi-page post (`<!--nextpage-->`): the index in `body` where each
    /// page after the first starts, ascending. Empty for a one-page post.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<usize>,
}

impl Article {
    /// The article, without its text if it is password-protected.
    pub fn without_protected_text(mut self) -> Article {
        if self.protected {
            self.body.clear();
            self.page_starts.clear();
            self.standfirst.clear();
            self.reading_minutes = 0;
        }
        self
    }

    /// The body split into its pages (one page for most posts). Starts that
    /// are out of order or out of range (outside data) are ignored, never a
    /// panic, and no page is empty.
    pub fn pages(&self) -> Vec<&[Block]> {
        let mut pages = Vec::new();
        let mut from = 0;
        for &at in &self.page_starts {
            if at > from && at < self.body.len() {
                pages.push(&self.body[from..at]);
                from = at;
            }
        }
        pages.push(&self.body[from..]);
        pages
    }

    /// A link post's destination: the first external link of its body.
    pub fn link_target(&self) -> Option<String> {
        if self.format != PostFormat::Link {
            return None;
        }
        Block::links(&self.body)
            .into_iter()
            .find(|h| h.starts_with("https://") || h.starts_with("http://"))
    }

    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            standfirst: self.standfirst.clone(),
            category: self.category.clone(),
            authors: self.authors.clone(),
            published: self.published.clone(),
            modified: self.modified.clone(),
            image: self.image.clone(),
            reading_minutes: self.reading_minutes,
            format: self.format,
            link: self.link_target(),
            post_type: None,
        }
    }
}

/// A site page such as "À propos" or "Mentions légales", served at `/:slug`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaticPage {
    #[serde(default = "super::listing::default_version")]
    pub version: u32,
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub body: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seo: Option<Box<SeoHead>>,
    /// Its parent pages, the top one first (hierarchical pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<PageRef>,
    /// Its child pages, in the site's order (menu order, then title).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<PageRef>,
}
