//! Kiosque's own static JSON API (docs/content-api.md): plain files that any
//! CDN can serve. Paths are built here and nowhere else.

use super::{checked_slug, ListingRequest};
use crate::http::{Door, FetchError};
use crate::model::{Article, ArticleSummary, Block, Home, Image, Listing, ListingKind, MostRead, SiteInfo, StaticPage};

#[derive(Clone, Debug, PartialEq)]
pub struct StaticSource {
    /// The API root without a trailing slash, e.g. `https://h.com/api`.
    root: String,
    timeout_ms: u32,
    /// The bundle's base path (`crate::routes::base_path`): `""` at the root
    /// of a host, `/news` under a sub-path. Site-relative media URLs in the
    /// documents (`/media/x.jpg`) are prefixed with it.
    base_path: String,
    door: Door,
    /// `api.comments_url`, resolved: where comments are read, if anywhere.
    comments: Option<String>,
    /// The REST bases of the custom types whose items may show in related
    /// rails (`post_types[].in_related`); the documents may list others.
    related_types: Vec<String>,
    /// `api.unlock_url`: the WordPress REST root that unlocks protected posts.
    #[cfg_attr(not(feature = "static-unlock"), allow(dead_code))]
    unlock: Option<String>,
}

impl StaticSource {
    /// `bundle_base` is the URL the bundle is served from (`https://h.com/news/`).
    pub fn new(root: String, timeout_ms: u32, bundle_base: &str, door: Door) -> Self {
        StaticSource {
            root: root.trim_end_matches('/').to_string(),
            timeout_ms,
            base_path: crate::routes::base_path(bundle_base),
            door,
            comments: None,
            related_types: Vec::new(),
            unlock: None,
        }
    }

    /// Unlocks protected posts at the WordPress REST root `root` (`static_unlock.rs`).
    pub fn with_unlock(mut self, root: Option<String>) -> Self {
        self.unlock = root;
        self
    }

    #[cfg(feature = "static-unlock")]
    pub(super) fn unlock_root(&self) -> Option<&str> {
        self.unlock.as_deref()
    }

    #[cfg(feature = "static-unlock")]
    pub(super) fn door(&self) -> &Door {
        &self.door
    }

    #[cfg(feature = "static-unlock")]
    pub(super) fn timeout(&self) -> u32 {
        self.timeout_ms
    }

    /// Reads comments from `root` (`api.comments_url`).
    pub fn with_comments(mut self, root: Option<String>) -> Self {
        self.comments = root.map(|r| r.trim_end_matches('/').to_string());
        self
    }

    /// Lets items of these custom types (REST bases) show in related rails.
    pub fn with_related_types(mut self, rest_bases: Vec<String>) -> Self {
        self.related_types = rest_bases;
        self
    }

    /// Drops from `a`'s related list the items of types not allowed there;
    /// an item of such a type itself gets no rail (`of`: its REST base).
    fn related_allowed(&self, mut a: Article, of: Option<&str>) -> Article {
        if of.is_some_and(|t| !self.related_types.iter().any(|r| r == t)) {
            a.related.clear();
        }
        super::related::keep_allowed(&mut a.related, &self.related_types, super::related::RAIL_MAX);
        a
    }

    /// Prefixes the site-relative media URLs of a document with the base path.
    fn media<T: Media>(&self, mut doc: T) -> T {
        if !self.base_path.is_empty() {
            doc.rebase(&self.base_path);
        }
        doc
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.root)
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, FetchError> {
        self.door.get_json(&self.url(path), self.timeout_ms).await
    }

    /// A document under the API root (for the other modules of `source`).
    pub(super) async fn get_doc<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, FetchError> {
        self.get(path).await
    }

    pub async fn site(&self) -> Result<SiteInfo, FetchError> {
        self.get("site.json").await
    }

    pub async fn home(&self) -> Result<Home, FetchError> {
        self.get("home.json").await.map(|d| self.media(d))
    }

    pub async fn article(&self, slug: &str) -> Result<Article, FetchError> {
        let slug = checked_slug(slug)?;
        self.get(&format!("articles/{slug}.json"))
            .await
            .map(|d| self.related_allowed(self.media(d), None))
    }

    /// Comments are off with the static API alone: it carries none (the
    /// export leaves them out, see docs/comments.md). With a comments
    /// endpoint (`api.comments_url`), page `page` of article `slug` is
    /// `<endpoint>/<slug>/page/<n>.json`, a `CommentPage`; a page past the
    /// end is not found. `depth`: the endpoint nests replies itself.
    pub async fn comments(
        &self,
        slug: &str,
        page: u32,
        _depth: Option<u8>,
    ) -> Result<crate::model::MaybeComments, FetchError> {
        let Some(root) = &self.comments else {
            return Ok(None);
        };
        let slug = checked_slug(slug)?;
        if page == 0 {
            return Err(FetchError::NotFound);
        }
        let url = format!("{root}/{slug}/page/{page}.json");
        let list: crate::model::CommentPage = self.door.get_json(&url, self.timeout_ms).await?;
        if page > list.total_pages.max(1) {
            return Err(FetchError::NotFound);
        }
        Ok(Some(list))
    }

    /// The canonical slug of article `slug` (the document's own).
    pub async fn article_slug(&self, slug: &str) -> Result<String, FetchError> {
        self.article(slug).await.map(|a| a.slug)
    }

    /// Warms the cache for an article a reader is about to open.
    pub fn prefetch_article(&self, slug: &str) {
        if let Ok(slug) = checked_slug(slug) {
            self.door
                .prefetch(&self.url(&format!("articles/{slug}.json")), self.timeout_ms);
        }
    }

    pub async fn page(&self, slug: &str) -> Result<StaticPage, FetchError> {
        let slug = checked_slug(slug)?;
        self.get(&format!("pages/{slug}.json")).await.map(|d| self.media(d))
    }

    /// Item `slug` of a custom post type: `types/<rest_base>/<slug>.json`.
    pub async fn type_item(&self, rest_base: &str, slug: &str) -> Result<Article, FetchError> {
        let (rest_base, slug) = (checked_slug(rest_base)?, checked_slug(slug)?);
        self.get(&format!("types/{rest_base}/{slug}.json"))
            .await
            .map(|d| self.related_allowed(self.media(d), Some(rest_base)))
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
            ListingRequest::PostType(t) => format!("types/{}/page/{page}.json", checked_slug(t)?),
        })
    }

    pub async fn listing(&self, list: &ListingRequest, page: u32) -> Result<Listing, FetchError> {
        self.get(&Self::listing_path(list, page)?).await.map(|d| self.media(d))
    }

    pub async fn most_read(&self) -> Result<MostRead, FetchError> {
        self.get("most-read.json").await.map(|d| self.media(d))
    }
}

/// Documents whose site-relative media URLs follow the bundle's base path.
trait Media {
    fn rebase(&mut self, base: &str);
}

impl Media for Image {
    fn rebase(&mut self, base: &str) {
        self.url = crate::routes::with_base(base, &self.url);
        for s in &mut self.sources {
            s.url = crate::routes::with_base(base, &s.url);
        }
    }
}

impl<T: Media> Media for Option<T> {
    fn rebase(&mut self, base: &str) {
        if let Some(v) = self {
            v.rebase(base);
        }
    }
}

impl<T: Media> Media for Vec<T> {
    fn rebase(&mut self, base: &str) {
        self.iter_mut().for_each(|v| v.rebase(base));
    }
}

impl Media for ArticleSummary {
    fn rebase(&mut self, base: &str) {
        self.image.rebase(base);
    }
}

impl Media for Block {
    fn rebase(&mut self, base: &str) {
        if let Block::Gallery { items, .. } = self {
            // A gallery's full-image links are media URLs too.
            items
                .iter_mut()
                .filter(|i| !i.full.is_empty())
                .for_each(|i| i.full = crate::routes::with_base(base, &i.full));
        }
        self.own_images_mut().into_iter().for_each(|i| i.rebase(base));
        self.layout_children_mut().into_iter().for_each(|c| c.rebase(base));
    }
}

impl Media for Home {
    fn rebase(&mut self, base: &str) {
        self.lead.rebase(base);
        self.latest.rebase(base);
        self.sections.iter_mut().for_each(|s| s.articles.rebase(base));
    }
}

impl Media for Listing {
    fn rebase(&mut self, base: &str) {
        if let ListingKind::Author { author } = &mut self.kind {
            author.avatar.rebase(base);
        }
        self.articles.rebase(base);
    }
}

impl Media for Article {
    fn rebase(&mut self, base: &str) {
        self.image.rebase(base);
        self.body.rebase(base);
        self.related.rebase(base);
    }
}

impl Media for StaticPage {
    fn rebase(&mut self, base: &str) {
        self.body.rebase(base);
    }
}

impl Media for MostRead {
    fn rebase(&mut self, base: &str) {
        self.articles.rebase(base);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<T: serde::de::DeserializeOwned>(path: &str) -> T {
        let p = format!("{}/../../public/api/{path}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(&p).expect(&p)).expect(&p)
    }

    /// Every image URL of an article, in a fixed order.
    fn image_urls(a: &Article) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |i: &Image| {
            out.push(i.url.clone());
            out.extend(i.sources.iter().map(|s| s.url.clone()));
        };
        a.image.iter().for_each(&mut push);
        for b in &a.body {
            if let Block::Figure { image, .. } = b {
                push(image);
            }
        }
        a.related.iter().filter_map(|r| r.image.as_ref()).for_each(&mut push);
        out
    }

    #[test]
    fn media_urls_follow_a_sub_path_deploy() {
        let slug = "algerie-oasis-jeunes-agriculteurs-goutte-a-goutte";
        let original: Article = doc(&format!("articles/{slug}.json"));
        let before = image_urls(&original);
        assert!(
            before.len() > 3 && before.iter().all(|u| u.starts_with("/media/")),
            "{before:?}"
        );
        assert!(original.body.iter().any(|b| matches!(b, Block::Figure { .. })));

        let root = StaticSource::new("http://h.test/api".into(), 8000, "http://h.test/", Door::default());
        assert_eq!(root.media(original.clone()), original, "nothing changes at the root");

        let sub = StaticSource::new(
            "http://h.test/news/api".into(),
            8000,
            "http://h.test/news/",
            Door::default(),
        );
        let after = image_urls(&sub.media(original));
        let expected: Vec<String> = before.iter().map(|u| format!("/news{u}")).collect();
        assert_eq!(after, expected);

        let home = sub.media(doc::<Home>("home.json"));
        let lead = home.lead.and_then(|a| a.image).expect("lead image");
        assert!(lead.url.starts_with("/news/media/"), "{}", lead.url);
        assert!(home
            .latest
            .iter()
            .filter_map(|a| a.image.as_ref())
            .all(|i| i.url.starts_with("/news/media/")));
        let listing = sub.media(doc::<Listing>("latest/page/1.json"));
        assert!(listing
            .articles
            .iter()
            .filter_map(|a| a.image.as_ref())
            .all(|i| i.sources.iter().all(|s| s.url.starts_with("/news/media/"))));
    }

    #[test]
    fn absolute_media_urls_are_kept() {
        let mut img = Image {
            url: "https://cdn.example/a.jpg".into(),
            width: 1,
            height: 1,
            alt: String::new(),
            caption: None,
            credit: None,
            sources: Vec::new(),
        };
        let before = img.clone();
        img.rebase("/news");
        assert_eq!(img, before);
    }

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
        assert_eq!(
            p(ListingRequest::PostType("videos".into()), 2).unwrap(),
            "types/videos/page/2.json"
        );
        assert_eq!(p(ListingRequest::PostType("../x".into()), 1), Err(FetchError::NotFound));
        assert_eq!(p(ListingRequest::Latest, 0), Err(FetchError::NotFound));
        assert_eq!(p(ListingRequest::Tag("../x".into()), 1), Err(FetchError::NotFound));
    }
}
