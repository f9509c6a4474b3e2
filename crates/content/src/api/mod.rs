//! Sources → the static content API (every JSON file, in memory) and the
//! list of image assets. Pure: no file is written here.

use std::collections::BTreeMap;

use crate::markdown;
use crate::media::Asset;
use crate::sources::{SourceError, Sources};
use kiosque_core::body::BodyOptions;
use kiosque_core::model::{
    Article, ArticleStub, ArticleSummary, Author, Block, CategoryRef, Home, HomeSection, ListingKind, MostRead,
    NavItem, SiteInfo, StaticPage, TagRef, API_VERSION,
};
use kiosque_core::source::search::{slugify, IndexWriter};
use kiosque_core::source::static_files::{self as api_files, paginate};

/// Words per minute for the reading time.
pub const READING_WPM: usize = 220;
/// Related articles per article.
pub const RELATED_COUNT: usize = 6;
/// Articles in "Les plus lus".
pub const MOST_READ_COUNT: usize = 10;
/// Articles per category on the home page.
pub const HOME_SECTION_COUNT: usize = 4;

pub struct Built {
    /// Path under the output directory (`api/…`) → file contents.
    pub files: BTreeMap<String, Vec<u8>>,
    pub assets: Vec<Asset>,
    pub warnings: Vec<String>,
    pub articles: usize,
    pub tags: usize,
}

pub use kiosque_core::source::static_files::json;

mod article;
use article::{body_blocks, build_article, Built1};

pub fn reading_minutes(text: &str) -> u32 {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words.div_ceil(READING_WPM).max(1) as u32
}

pub fn build(src: &Sources) -> Result<Built, Vec<SourceError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut assets = Vec::new();
    let opts = BodyOptions::default();
    let site = &src.site;
    let categories: BTreeMap<&str, (CategoryRef, &str)> = site
        .categories
        .iter()
        .map(|c| {
            (
                c.slug.as_str(),
                (
                    CategoryRef {
                        slug: c.slug.clone(),
                        name: c.name.clone(),
                    },
                    c.description.as_str(),
                ),
            )
        })
        .collect();

    // Authors, with their portraits.
    let mut authors: BTreeMap<&str, Author> = BTreeMap::new();
    for a in src.authors.values() {
        let asset = Asset::avatar(&a.slug);
        let avatar = asset.image(&format!("Portrait illustré de {}", a.name), None, None);
        assets.push(asset);
        authors.insert(
            &a.slug,
            Author {
                slug: a.slug.clone(),
                name: a.name.clone(),
                role: a.role.clone(),
                bio: markdown::plain_text(&a.bio_md),
                avatar: Some(avatar),
                // The demo's biographies are plain text.
                about: Vec::new(),
            },
        );
    }

    // Tag display names: the most used spelling of each slug.
    let mut spellings: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for a in &src.articles {
        for t in &a.tags {
            *spellings.entry(slugify(t)).or_default().entry(t.as_str()).or_default() += 1;
        }
    }
    let tag_names: BTreeMap<String, String> = spellings
        .iter()
        .map(|(slug, names)| {
            // Most used; then the richest spelling (capitals, accents); then
            // the first in byte order.
            let rich = |n: &str| n.chars().filter(|c| c.is_uppercase() || !c.is_ascii()).count();
            let best = names
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(rich(a.0).cmp(&rich(b.0))).then(b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string());
            (slug.clone(), best.unwrap_or_default())
        })
        .collect();
    for (slug, names) in &spellings {
        if names.len() > 1 {
            let all = names.keys().copied().collect::<Vec<_>>().join("`, `");
            warnings.push(format!("tag `{slug}` is spelled `{all}`; using `{}`", tag_names[slug]));
        }
    }

    // Articles.
    let mut built: Vec<Built1> = Vec::new();
    for a in &src.articles {
        match build_article(a, &categories, &authors, &tag_names, &opts, &mut assets) {
            Ok(b) => built.push(b),
            Err(e) => errors.push(e),
        }
    }
    // Pages.
    let mut pages = Vec::new();
    for p in &src.pages {
        let fig_category = site.categories.first().map(|c| c.slug.clone()).unwrap_or_default();
        let seed = format!("page-{}", p.slug);
        match body_blocks(&p.body_md, &fig_category, &seed, &opts, &mut assets) {
            Ok((body, _)) => pages.push(StaticPage {
                version: API_VERSION,
                slug: p.slug.clone(),
                title: p.title.clone(),
                body,
                modified: p.modified.clone(),
                seo: None,
                // The demo's pages are flat.
                parents: Vec::new(),
                children: Vec::new(),
            }),
            Err(msg) => errors.push(SourceError::new(&p.file, Some("body"), msg)),
        }
    }
    // Custom post types' items: built as articles, listed under their type only.
    let mut typed: Vec<(String, Vec<Article>)> = Vec::new();
    for (rest_base, items) in &src.types {
        let mut list = Vec::new();
        for a in items {
            match build_article(a, &categories, &authors, &tag_names, &opts, &mut assets) {
                Ok(b) => list.push(b.article),
                Err(e) => errors.push(e),
            }
        }
        typed.push((rest_base.clone(), list));
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // Newest first; equal times by slug, so the order never depends on the
    // file system.
    built.sort_by(|a, b| {
        b.article
            .published
            .cmp(&a.article.published)
            .then_with(|| a.article.slug.cmp(&b.article.slug))
    });
    // Articles and items ranked together; the reader drops the items of
    // types its config keeps out of rails.
    let mut all: Vec<(Option<&str>, &mut Article)> = built.iter_mut().map(|b| (None, &mut b.article)).collect();
    for (rest_base, items) in typed.iter_mut() {
        all.extend(items.iter_mut().map(|a| (Some(rest_base.as_str()), a)));
    }
    crate::api_related::fill(&mut all, RELATED_COUNT);

    // Internal links must lead somewhere.
    let known = |kind: &str, slug: &str| match kind {
        "article" => built.iter().any(|b| b.article.slug == slug),
        "category" => categories.contains_key(slug),
        "tag" => tag_names.contains_key(slug),
        "author" => authors.contains_key(slug),
        _ => true,
    };
    let mut check_links = |file: &str, blocks: &[Block]| {
        for href in Block::links(blocks) {
            if let Some(rest) = href.strip_prefix('/') {
                let path = rest.split(['?', '#']).next().unwrap_or("");
                let mut parts = path.splitn(2, '/');
                let (kind, slug) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let slug = slug.split('/').next().unwrap_or("");
                let page_exists = pages.iter().any(|p| p.slug == kind);
                let ok = if slug.is_empty() {
                    kind.is_empty() || page_exists || kind == "search"
                } else {
                    known(kind, slug)
                };
                if !ok {
                    warnings.push(format!("{file}: broken internal link `{href}`"));
                }
            }
        }
    };
    for b in &built {
        check_links(&format!("articles/{}.md", b.article.slug), &b.article.body);
    }
    for p in &pages {
        check_links(&format!("pages/{}.md", p.slug), &p.body);
    }

    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let summaries: Vec<ArticleSummary> = built.iter().map(|b| b.article.summary()).collect();

    // site.json
    let info = SiteInfo {
        version: API_VERSION,
        name: site.name.clone(),
        tagline: site.tagline.clone(),
        locale: site.locale.clone(),
        timezone: site.timezone.clone(),
        nav: site
            .categories
            .iter()
            .map(|c| NavItem {
                slug: c.slug.clone(),
                name: c.name.clone(),
            })
            .collect(),
        social: site.social.clone(),
        menus: Default::default(),
        icon: None,
        posts_per_page: None,
        date_format: None,
    };
    files.insert("api/site.json".into(), json(&info));

    // home.json
    let lead_idx = built
        .iter()
        .position(|b| b.featured)
        .or(if built.is_empty() { None } else { Some(0) });
    let rest: Vec<&ArticleSummary> = summaries
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != lead_idx)
        .map(|(_, s)| s)
        .collect();
    let home = Home {
        version: API_VERSION,
        lead: lead_idx.map(|i| summaries[i].clone()),
        sections: site
            .categories
            .iter()
            .map(|c| HomeSection {
                category: categories[c.slug.as_str()].0.clone(),
                articles: rest
                    .iter()
                    .filter(|s| s.category.slug == c.slug)
                    .take(HOME_SECTION_COUNT)
                    .map(|s| (*s).clone())
                    .collect(),
            })
            .collect(),
        latest: rest
            .iter()
            .take(site.latest_count as usize)
            .map(|s| (*s).clone())
            .collect(),
    };
    files.insert("api/home.json".into(), json(&home));

    // Listings.
    let per_page = site.per_page as usize;
    api_files::write_latest(&mut files, &rest, per_page);
    let mut terms = api_files::Terms::default();
    for c in &site.categories {
        let (cat, description) = &categories[c.slug.as_str()];
        let list: Vec<&ArticleSummary> = summaries.iter().filter(|s| s.category.slug == c.slug).collect();
        let kind = ListingKind::Category {
            category: cat.clone(),
            description: description.to_string(),
            // The demo's categories are flat, their descriptions plain text.
            parents: Vec::new(),
            children: Vec::new(),
            about: Vec::new(),
        };
        let pages = paginate(&mut files, &format!("api/categories/{}", c.slug), kind, &list, per_page);
        terms
            .categories
            .push(api_files::term(&c.slug, &cat.name, list.len(), pages));
    }
    for (slug, name) in &tag_names {
        let list: Vec<&ArticleSummary> = built
            .iter()
            .zip(&summaries)
            .filter(|(b, _)| b.article.tags.iter().any(|t| &t.slug == slug))
            .map(|(_, s)| s)
            .collect();
        let kind = ListingKind::Tag {
            tag: TagRef {
                slug: slug.clone(),
                name: name.clone(),
            },
            about: Vec::new(),
        };
        let pages = paginate(&mut files, &format!("api/tags/{slug}"), kind, &list, per_page);
        terms.tags.push(api_files::term(slug, name, list.len(), pages));
    }
    for (slug, author) in &authors {
        let list: Vec<&ArticleSummary> = summaries
            .iter()
            .filter(|s| s.authors.iter().any(|a| a.slug == *slug))
            .collect();
        let kind = ListingKind::Author { author: author.clone() };
        let pages = paginate(&mut files, &format!("api/authors/{slug}"), kind, &list, per_page);
        terms
            .authors
            .push(api_files::term(slug, &author.name, list.len(), pages));
    }

    // Articles and pages.
    for b in &built {
        files.insert(format!("api/articles/{}.json", b.article.slug), json(&b.article));
    }
    for p in &pages {
        files.insert(format!("api/pages/{}.json", p.slug), json(p));
    }
    let stubs: Vec<ArticleStub> = summaries.iter().map(ArticleStub::from).collect();
    api_files::write_index(&mut files, terms, &pages, &stubs);

    // Most read.
    let mut by_views: Vec<usize> = (0..built.len()).collect();
    by_views.sort_by(|&a, &b| built[b].views.cmp(&built[a].views).then(a.cmp(&b)));
    let most = MostRead {
        version: API_VERSION,
        articles: by_views
            .iter()
            .take(MOST_READ_COUNT)
            .map(|&i| summaries[i].clone())
            .collect(),
    };
    files.insert("api/most-read.json".into(), json(&most));

    // Search index (sharded: kiosque_core::source::search): the articles and
    // the custom types' items, each hit with its own URL (`post_type`).
    let mut index = IndexWriter::new();
    for (b, summary) in built.iter().zip(&summaries) {
        let tags: Vec<&str> = b.article.tags.iter().map(|t| t.name.as_str()).collect();
        index.add(ArticleStub::from(summary), &tags, &b.text);
    }
    for (rest_base, items) in &typed {
        for a in items {
            let mut card = a.summary();
            card.post_type = Some(rest_base.clone());
            let tags: Vec<&str> = a.tags.iter().map(|t| t.name.as_str()).collect();
            index.add(
                ArticleStub::from(&card),
                &tags,
                &kiosque_core::source::search::blocks_text(&a.body),
            );
        }
    }

    crate::api_types::write(&mut files, typed);
    for (path, bytes) in index.finish() {
        files.insert(format!("api/{path}"), bytes);
    }

    Ok(Built {
        files,
        assets,
        warnings,
        articles: built.len(),
        tags: tag_names.len(),
    })
}

#[cfg(test)]
mod tests;
