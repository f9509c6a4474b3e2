//! Sources → the static content API (every JSON file, in memory) and the
//! list of image assets. Pure: no file is written here.

use std::collections::BTreeMap;

use crate::markdown;
use crate::media::Asset;
use crate::sources::{ArticleSrc, SourceError, Sources};
use kiosque_core::body::{html_to_blocks, BodyOptions};
use kiosque_core::model::{
    Article, ArticleStub, ArticleSummary, Author, AuthorRef, Block, CategoryRef, Home, HomeSection, Image, ListingKind,
    MostRead, NavItem, SiteInfo, StaticPage, TagRef, API_VERSION,
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

pub fn reading_minutes(text: &str) -> u32 {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words.div_ceil(READING_WPM).max(1) as u32
}

/// One article once converted, before cross-article data (related).
struct Built1 {
    article: Article,
    text: String,
    views: u64,
    featured: bool,
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

fn build_article(
    a: &ArticleSrc,
    categories: &BTreeMap<&str, (CategoryRef, &str)>,
    authors: &BTreeMap<&str, Author>,
    tag_names: &BTreeMap<String, String>,
    opts: &BodyOptions,
    assets: &mut Vec<Asset>,
) -> Result<Built1, SourceError> {
    let (category, _) = &categories[a.category.as_str()];
    let image = a.image.as_ref().map(|img| {
        let asset = Asset::featured(img.motif, &a.category, &a.slug);
        let image = asset.image(&img.alt, img.caption.clone(), img.credit.clone());
        assets.push(asset);
        image
    });
    let (body, text) = body_blocks(&a.body_md, &a.category, &a.slug, opts, assets)
        .map_err(|m| SourceError::new(&a.file, Some("body"), m))?;
    let tags = a
        .tags
        .iter()
        .map(|t| {
            let slug = slugify(t);
            TagRef {
                name: tag_names.get(&slug).cloned().unwrap_or_else(|| t.clone()),
                slug,
            }
        })
        .collect();
    let article = Article {
        version: API_VERSION,
        slug: a.slug.clone(),
        title: a.title.clone(),
        standfirst: a.standfirst.clone(),
        category: category.clone(),
        category_parents: Vec::new(),
        tags,
        authors: a
            .authors
            .iter()
            .map(|s| AuthorRef {
                slug: s.clone(),
                name: authors[s.as_str()].name.clone(),
            })
            .collect(),
        published: a.published.clone(),
        modified: a.modified.clone(),
        image,
        body,
        source: a.source.clone(),
        comment_count: a.comments,
        reading_minutes: reading_minutes(&text),
        related: Vec::new(),
        seo: None,
        format: Default::default(),
        protected: false,
        page_starts: Vec::new(),
    };
    Ok(Built1 {
        article,
        text,
        views: a.views,
        featured: a.featured,
    })
}

/// Markdown → blocks (through HTML and the shared converter), with the
/// generated figures. Returns the blocks and the plain text.
fn body_blocks(
    md: &str,
    category: &str,
    slug: &str,
    opts: &BodyOptions,
    assets: &mut Vec<Asset>,
) -> Result<(Vec<Block>, String), String> {
    let image_for = |n: usize, f: &markdown::FigureSrc| {
        Asset::figure(f.motif, category, slug, n).image(&f.alt, f.caption.clone(), f.credit.clone())
    };
    let r = markdown::render(md, &image_for)?;
    let mut blocks = html_to_blocks(&r.html, opts);
    let images: Vec<Image> = r.figures.iter().enumerate().map(|(i, f)| image_for(i + 1, f)).collect();
    // The converter parses the figure back; make sure the image is exactly
    // the generated one (all renditions, caption and credit as written).
    let mut found = vec![false; images.len()];
    for b in &mut blocks {
        if let Block::Figure { image, .. } = b {
            if let Some(i) = images.iter().position(|m| m.url == image.url) {
                *image = images[i].clone();
                found[i] = true;
            }
        }
    }
    if let Some(i) = found.iter().position(|f| !f) {
        return Err(format!("figure {} was lost by the body converter", i + 1));
    }
    for (i, f) in r.figures.iter().enumerate() {
        assets.push(Asset::figure(f.motif, category, slug, i + 1));
    }
    Ok((blocks, r.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources;
    use kiosque_core::model::Listing;
    use std::path::PathBuf;

    fn write(root: &std::path::Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn article(cat: &str, tags: &str, published: &str, extra: &str) -> String {
        format!(
            "+++\ntitle = \"Titre {published}\"\nstandfirst = \"Chapeau.\"\ncategory = \"{cat}\"\ntags = [{tags}]\n\
             authors = [\"ana\"]\npublished = \"{published}\"\n{extra}\n[image]\nmotif = \"coast\"\nalt = \"Une côte\"\n+++\n\
             Un texte **court** sur l’économie.\n\n![Des dunes](motif:desert \"Le soir — Illustration\")\n\n[lien](/article/a)\n"
        )
    }

    /// A small newsroom: 3 articles in 2 of 3 categories, one featured.
    fn fixture() -> PathBuf {
        let root = std::env::temp_dir().join(format!("kiosque-content-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        write(
            &root,
            "site.toml",
            "name = \"Test\"\nper_page = 2\nlatest_count = 5\n\
             [[categories]]\nslug = \"maghreb\"\nname = \"Maghreb\"\ndescription = \"Desc\"\n\
             [[categories]]\nslug = \"economie\"\nname = \"Économie\"\n\
             [[categories]]\nslug = \"culture\"\nname = \"Culture\"\n",
        );
        write(
            &root,
            "authors/ana.md",
            "+++\nname = \"Ana B\"\nrole = \"Cheffe\"\n+++\nUne **bio**.\n\nDeux.\n",
        );
        write(
            &root,
            "articles/a.md",
            &article(
                "maghreb",
                "\"Eau\", \"Énergie\"",
                "2026-10-01T08:00:00+01:00",
                "views = 10",
            ),
        );
        write(
            &root,
            "articles/b.md",
            &article(
                "economie",
                "\"Énergie\"",
                "2026-10-02T08:00:00+01:00",
                "views = 30\nfeatured = true",
            ),
        );
        write(
            &root,
            "articles/c.md",
            &article("maghreb", "\"eau\"", "2026-10-03T08:00:00+01:00", "views = 20"),
        );
        write(&root, "pages/a-propos.md", "+++\ntitle = \"À propos\"\n+++\nBonjour.\n");
        root
    }

    fn get<T: serde::de::DeserializeOwned>(b: &Built, path: &str) -> T {
        serde_json::from_slice(b.files.get(path).unwrap_or_else(|| panic!("{path} missing"))).unwrap()
    }

    #[test]
    fn builds_a_complete_api_from_sources() {
        let root = fixture();
        let (src, errors) = sources::load(&root);
        assert!(errors.is_empty(), "{errors:?}");
        let b = build(&src.unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
        let home: Home = get(&b, "api/home.json");
        assert_eq!(home.lead.as_ref().unwrap().slug, "b");
        assert_eq!(home.sections.len(), 3);
        assert_eq!(
            home.sections[0]
                .articles
                .iter()
                .map(|a| a.slug.as_str())
                .collect::<Vec<_>>(),
            ["c", "a"]
        );
        assert!(home.sections[1].articles.is_empty());
        assert_eq!(
            home.latest.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(),
            ["c", "a"]
        );
        // The home archive: the lead is on the home, page 1 is the home's
        // latest block (see archive.rs for the later pages).
        let l1: Listing = get(&b, "api/latest/page/1.json");
        assert_eq!((l1.page, l1.total_pages, l1.total, l1.articles.len()), (1, 1, 2, 2));
        assert!(l1.articles.iter().all(|a| a.slug != "b"));
        assert!(!b.files.contains_key("api/latest/page/2.json"));
        let index: kiosque_core::model::ArchiveIndex = get(&b, "api/archive/index.json");
        assert_eq!(index.categories.len(), 3);
        assert!(index
            .tags
            .iter()
            .any(|t| t.slug == "eau" && t.total == 2 && t.total_pages == Some(1)));
        let stubs: kiosque_core::model::ArticleIndexPage = get(&b, "api/archive/articles/page/1.json");
        assert_eq!(stubs.articles.len(), 3, "every article, the lead too");
        let empty: Listing = get(&b, "api/categories/culture/page/1.json");
        assert_eq!((empty.total_pages, empty.total), (1, 0));
        let cat: Listing = get(&b, "api/categories/maghreb/page/1.json");
        assert!(matches!(cat.kind, ListingKind::Category { ref description, .. } if description == "Desc"));
        // "Eau" and "eau" are one tag; the most used spelling wins the tie by order.
        let eau: Listing = get(&b, "api/tags/eau/page/1.json");
        assert_eq!(eau.total, 2);
        let energie: Listing = get(&b, "api/tags/energie/page/1.json");
        assert!(matches!(energie.kind, ListingKind::Tag { ref tag, .. } if tag.name == "Énergie"));
        let author: Listing = get(&b, "api/authors/ana/page/1.json");
        match author.kind {
            ListingKind::Author { author } => {
                assert_eq!(author.bio, "Une bio.\n\nDeux.");
                assert_eq!(author.avatar.unwrap().url, "/media/authors/ana-256.jpg");
            }
            k => panic!("{k:?}"),
        }
        let a: Article = get(&b, "api/articles/a.json");
        assert_eq!(a.reading_minutes, 1);
        let related: Vec<&str> = a.related.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(related, ["c", "b"]);
        assert_eq!(a.image.as_ref().unwrap().url, "/media/a-1200.jpg");
        let fig = a.body.iter().find_map(|b| match b {
            Block::Figure { image, .. } => Some(image.clone()),
            _ => None,
        });
        let fig = fig.expect("a figure block");
        assert_eq!(fig.url, "/media/fig/a-1-1200.jpg");
        assert_eq!(
            (fig.caption.as_deref(), fig.credit.as_deref()),
            (Some("Le soir"), Some("Illustration"))
        );
        assert_eq!(fig.sources.len(), 3);
        let most: MostRead = get(&b, "api/most-read.json");
        assert_eq!(
            most.articles.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(),
            ["b", "c", "a"]
        );
        let index = kiosque_core::source::search::MemoryIndex::new(
            b.files
                .iter()
                .filter_map(|(p, f)| Some((p.strip_prefix("api/")?.to_string(), f.clone()))),
        );
        let found = index.search("eco", 1, 10).expect("the index reads back");
        assert_eq!(found.hits[0].0.slug, "b");
        // Every test article has the same body: found by a body word, at the body's score.
        let court = index.search("court", 1, 10).expect("the index reads back");
        assert_eq!(court.total, 3);
        assert!(court.hits.iter().all(|(_, score)| *score == 4));
        let page: StaticPage = get(&b, "api/pages/a-propos.json");
        assert_eq!(page.title, "À propos");
        // 3 lead images, 3 figures, 1 portrait.
        assert_eq!(b.assets.len(), 7);
        // Every file is pretty JSON with a trailing newline; the build is repeatable.
        assert!(b.files.values().all(|f| f.ends_with(b"}\n")));
        let again = build(&sources::load(&root).0.unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(again.files, b.files);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn reading_time_rounds_up_with_a_minimum_of_one() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"mot ".repeat(220)), 1);
        assert_eq!(reading_minutes(&"mot ".repeat(221)), 2);
        assert_eq!(reading_minutes(&format!("{} — « »", "mot ".repeat(440))), 2);
    }
}
