//! Writing the static content API (docs/content-api.md) from model values,
//! shared by every tool that produces it: the demo content command and the
//! WordPress export. Pure: files are returned as `path → bytes` (paths
//! under `api/`), never written here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{
    ArchiveIndex, ArchivePage, ArchiveTerm, ArticleIndexPage, ArticleStub, ArticleSummary, Listing, ListingKind,
    SeoHead, StaticPage, API_VERSION, ARTICLE_INDEX_PER_PAGE, HOME_LATEST_SHOWN,
};

/// `api/…` path → file contents.
pub type Files = BTreeMap<String, Vec<u8>>;

/// A document as the static API writes it: pretty JSON, trailing newline.
pub fn json<T: Serialize>(v: &T) -> Vec<u8> {
    // serde_json fails only on a non-string map key or a failing Serialize
    // impl; the model's derived types have neither.
    #[allow(clippy::expect_used)]
    let mut s = serde_json::to_string_pretty(v).expect("the model always serializes");
    s.push('\n');
    s.into_bytes()
}

/// A custom post type's files (docs/content-api.md, "Custom post types"):
/// each item at `api/types/<rest_base>/<slug>.json`, and its listing of
/// the items' cards, newest first (equal times by slug), `per_page` a page.
pub fn write_type(
    files: &mut Files,
    rest_base: &str,
    mut items: Vec<(ArticleSummary, crate::model::Article)>,
    per_page: usize,
) {
    items.sort_by(|(a, _), (b, _)| b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug)));
    let list: Vec<&ArticleSummary> = items.iter().map(|(s, _)| s).collect();
    let kind = ListingKind::PostType {
        rest_base: rest_base.to_string(),
    };
    paginate(files, &format!("api/types/{rest_base}"), kind, &list, per_page);
    for (_, a) in &items {
        files.insert(format!("api/types/{rest_base}/{}.json", a.slug), json(a));
    }
}

/// Writes `<prefix>/page/<n>.json` for every page (page 1 even if empty);
/// returns how many.
pub fn paginate(
    files: &mut Files,
    prefix: &str,
    kind: ListingKind,
    list: &[&ArticleSummary],
    per_page: usize,
) -> usize {
    paginate_seo(files, prefix, kind, None, list, per_page)
}

/// [`paginate`] for a term or author with an SEO plugin's head, which every
/// page carries (each page applies it: docs/content-api.md).
pub fn paginate_seo(
    files: &mut Files,
    prefix: &str,
    kind: ListingKind,
    seo: Option<Box<SeoHead>>,
    list: &[&ArticleSummary],
    per_page: usize,
) -> usize {
    let total_pages = listing_page_count(list.len(), per_page);
    for (path, mut listing) in listing_pages(prefix, kind, list, per_page, |s| (*s).clone()) {
        listing.seo.clone_from(&seo);
        files.insert(path, json(&listing));
    }
    total_pages
}

/// Pages a listing of `total` articles has (at least 1).
pub fn listing_page_count(total: usize, per_page: usize) -> usize {
    total.div_ceil(per_page.max(1)).max(1)
}

/// A listing's pages, each with its path (`<prefix>/page/<n>.json`; page 1
/// even when empty), from `list` as `summary` gives its entries: a caller
/// that streams writes each as it comes.
pub fn listing_pages<'a, T>(
    prefix: &'a str,
    kind: ListingKind,
    list: &'a [T],
    per_page: usize,
    summary: impl Fn(&T) -> ArticleSummary + 'a,
) -> impl Iterator<Item = (String, Listing)> + 'a {
    let per_page = per_page.max(1);
    let total_pages = listing_page_count(list.len(), per_page);
    (1..=total_pages).map(move |page| {
        let listing = Listing {
            version: API_VERSION,
            kind: kind.clone(),
            page: page as u32,
            total_pages: total_pages as u32,
            total: list.len() as u32,
            articles: list
                .iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .map(&summary)
                .collect(),
            seo: None,
        };
        (format!("{prefix}/page/{page}.json"), listing)
    })
}

/// The articles of each page of the home archive: page 1 is what the home's
/// "latest" block shows, later pages hold `per_page` each.
pub fn home_archive_pages<T>(list: &[T], per_page: usize) -> Vec<&[T]> {
    let per_page = per_page.max(1);
    let first = list.len().min(HOME_LATEST_SHOWN);
    let mut pages = vec![&list[..first]];
    pages.extend(list[first..].chunks(per_page));
    pages
}

/// `latest/page/<n>.json`: every article but the home's lead, newest first.
pub fn write_latest(files: &mut Files, rest: &[&ArticleSummary], per_page: usize) {
    for (path, listing) in latest_pages(rest, per_page, |a| (*a).clone()) {
        files.insert(path, json(&listing));
    }
}

/// The home archive's pages, each with its path (`api/latest/page/<n>.json`),
/// from `rest` (every article but the lead, newest first) as `summary` gives
/// them: a caller that streams writes each as it comes.
pub fn latest_pages<'a, T>(
    rest: &'a [T],
    per_page: usize,
    summary: impl Fn(&T) -> ArticleSummary + 'a,
) -> impl Iterator<Item = (String, Listing)> + 'a {
    let pages = home_archive_pages(rest, per_page);
    let total_pages = pages.len() as u32;
    pages.into_iter().enumerate().map(move |(i, articles)| {
        let listing = Listing {
            version: API_VERSION,
            kind: ListingKind::Latest,
            page: i as u32 + 1,
            total_pages,
            total: rest.len() as u32,
            articles: articles.iter().map(&summary).collect(),
            seo: None,
        };
        (format!("api/latest/page/{}.json", i + 1), listing)
    })
}

/// A listing's entry in the index, from the size `paginate` gave it.
pub fn term(slug: &str, name: &str, total: usize, total_pages: usize) -> ArchiveTerm {
    ArchiveTerm {
        slug: slug.to_string(),
        name: name.to_string(),
        total: total as u32,
        total_pages: Some(total_pages as u32),
        wp_id: None,
    }
}

#[derive(Default)]
pub struct Terms {
    pub categories: Vec<ArchiveTerm>,
    pub tags: Vec<ArchiveTerm>,
    pub authors: Vec<ArchiveTerm>,
}

/// `archive/index.json` and `archive/articles/page/<n>.json`; `articles`
/// newest first.
pub fn write_index(files: &mut Files, terms: Terms, pages: &[StaticPage], articles: &[ArticleStub]) {
    files.insert("api/archive/index.json".into(), json(&index(terms, pages)));
    for page in 1..=index_pages(articles.len()) {
        let stubs = articles
            .iter()
            .skip((page - 1) * ARTICLE_INDEX_PER_PAGE)
            .take(ARTICLE_INDEX_PER_PAGE)
            .cloned()
            .collect();
        files.insert(index_page_path(page), json(&index_page(page, articles.len(), stubs)));
    }
}

/// `archive/index.json`: every listing and every static page.
pub fn index(terms: Terms, pages: &[StaticPage]) -> ArchiveIndex {
    ArchiveIndex {
        version: API_VERSION,
        categories: terms.categories,
        tags: terms.tags,
        authors: terms.authors,
        pages: pages
            .iter()
            .map(|p| ArchivePage {
                slug: p.slug.clone(),
                modified: p.modified.clone(),
                wp_id: None,
                parents: p.parents.iter().map(|r| r.slug.clone()).collect(),
            })
            .collect(),
    }
}

/// Pages of the article index for `total` articles (at least 1).
pub fn index_pages(total: usize) -> usize {
    total.div_ceil(ARTICLE_INDEX_PER_PAGE).max(1)
}

pub fn index_page_path(page: usize) -> String {
    format!("api/archive/articles/page/{page}.json")
}

/// Page `page` of the article index (`stubs`: that page's articles) of a
/// site with `total` articles; a caller that streams the archive writes
/// each as it goes.
pub fn index_page(page: usize, total: usize, stubs: Vec<ArticleStub>) -> ArticleIndexPage {
    ArticleIndexPage {
        version: API_VERSION,
        page: page as u32,
        total_pages: index_pages(total) as u32,
        total: total as u32,
        articles: stubs,
        malformed: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_archive_starts_after_the_homes_latest_block() {
        let list: Vec<u32> = (0..20).collect();
        let pages = home_archive_pages(&list, 4);
        assert_eq!(pages[0], &list[..HOME_LATEST_SHOWN]);
        assert_eq!(pages[1][0], HOME_LATEST_SHOWN as u32, "page 2 continues, no repeat");
        assert_eq!(pages.iter().map(|p| p.len()).sum::<usize>(), 20, "nothing lost");
        assert_eq!(home_archive_pages(&list[..3], 4), vec![&list[..3]]);
        assert_eq!(home_archive_pages::<u32>(&[], 4).len(), 1, "page 1 exists, even empty");
    }
}
