//! Writes the synthetic archive: articles as they are made, then every
//! listing, the home, the archive index, most-read, the search index and
//! the shared images, from the stubs alone.

use std::collections::BTreeSet;

use kiosque_core::model::{
    Article, ArticleStub, Home, HomeSection, ListingKind, MostRead, NavItem, SiteInfo, SocialLink, StaticPage,
    API_VERSION,
};
use kiosque_core::source::related::{rank_related, RelatedKey};
use kiosque_core::source::search::IndexWriter;
use kiosque_core::source::static_files as archive;

use super::meta::{self, Stub};
use super::text::{self, seed_of, Rng};
use super::{body, extras, Options};
use crate::api::{json, HOME_SECTION_COUNT, MOST_READ_COUNT, RELATED_COUNT};
use crate::output::Tree;

/// Related candidates: this many neighbours on each side in time.
const RELATED_WINDOW: usize = 30;
/// The home's "latest" block.
const LATEST_COUNT: usize = 10;

/// What a run wrote.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub written: usize,
    pub unchanged: usize,
    pub deleted: usize,
    pub bytes: u64,
    pub touched: usize,
}

/// The API tree, and every file written to it (the rest is stale).
struct Out<'a> {
    api: Tree<'a>,
    expected: Vec<String>,
    bytes: u64,
}

impl Out<'_> {
    fn put(&mut self, rel: String, bytes: &[u8]) -> Result<(), String> {
        self.api.write_file(&rel, bytes)?;
        self.bytes += bytes.len() as u64;
        self.expected.push(rel);
        Ok(())
    }
}

/// The articles `--touch K` edits: spread evenly over the archive.
fn touched(opts: &Options, seed: u64) -> BTreeSet<usize> {
    let (n, k) = (opts.articles, opts.touch.min(opts.articles));
    let offset = (seed % n as u64) as usize;
    (0..k).map(|j| (offset + j * n / k.max(1)) % n).collect()
}

pub fn generate(opts: &Options) -> Result<Summary, String> {
    let seed = seed_of(&opts.seed);
    let touched = touched(opts, seed);
    let stubs: Vec<Stub> = (0..opts.articles)
        .map(|i| meta::stub(seed, i, touched.contains(&i)))
        .collect();
    let mut out = Out {
        api: Tree::new(&opts.out, "api"),
        expected: Vec::new(),
        bytes: 0,
    };
    out.put("api/site.json".into(), &json(&site()))?;
    let search = write_articles(&mut out, seed, &stubs)?;
    let terms = write_listings(&mut out, &stubs, opts.per_page)?;
    let pages = extras::static_pages();
    for p in &pages {
        out.put(format!("api/pages/{}.json", p.slug), &json(p))?;
    }
    write_index(&mut out, terms, &stubs, &pages)?;
    write_most_read(&mut out, &stubs)?;
    for (path, bytes) in search.finish() {
        out.put(format!("api/{path}"), &bytes)?;
    }
    out.api.delete_stale(&out.expected)?;
    let media = extras::write_media(&opts.out)?;
    Ok(Summary {
        files: out.expected.len() + media,
        written: out.api.written,
        unchanged: out.api.unchanged,
        deleted: out.api.deleted,
        bytes: out.bytes,
        touched: touched.len(),
    })
}

fn site() -> SiteInfo {
    SiteInfo {
        version: API_VERSION,
        name: "Kiosque Archive".into(),
        tagline: "Un siècle d’actualité, en synthèse.".into(),
        locale: "fr".into(),
        timezone: "Africa/Casablanca".into(),
        nav: (0..text::CATEGORIES.len())
            .map(|c| {
                let r = meta::category(c);
                NavItem {
                    slug: r.slug,
                    name: r.name,
                }
            })
            .collect(),
        social: vec![SocialLink {
            network: "rss".into(),
            url: "https://news.example/feed.xml".into(),
        }],
        menus: Default::default(),
        icon: None,
        posts_per_page: None,
        date_format: None,
    }
}

/// Every article, written as it is made, and indexed for search by the
/// core's sharded writer (the same the content tool and the export use).
fn write_articles(out: &mut Out, seed: u64, stubs: &[Stub]) -> Result<IndexWriter, String> {
    let keys: Vec<RelatedKey> = stubs.iter().map(Stub::related_key).collect();
    let mut search = IndexWriter::new();
    for (i, stub) in stubs.iter().enumerate() {
        let window = i.saturating_sub(RELATED_WINDOW)..(i + RELATED_WINDOW + 1).min(stubs.len());
        let related = rank_related(&keys[i], &keys[window.clone()], RELATED_COUNT)
            .iter()
            .filter_map(|slug| stubs[window.clone()].iter().find(|s| &s.slug == slug))
            .map(Stub::summary)
            .collect();
        let older = stubs.get(i + 1 + i % 50).map(|s| s.slug.as_str());
        let (body, plain) = body::body(seed, i, stub, older);
        let summary = stub.summary();
        let mut rng = Rng::new(seed, 3, i as u64);
        let article = Article {
            version: API_VERSION,
            slug: summary.slug,
            title: summary.title,
            standfirst: summary.standfirst,
            category: summary.category,
            category_parents: Vec::new(),
            tags: stub.tags.iter().map(|&t| meta::tag_ref(t)).collect(),
            authors: summary.authors,
            published: summary.published,
            modified: summary.modified,
            image: summary.image,
            body,
            source: rng.chance(20).then(|| "Avec agences".to_string()),
            comment_count: rng.below(60) as u32,
            reading_minutes: summary.reading_minutes,
            related,
            seo: None,
            format: Default::default(),
            protected: false,
            page_starts: Vec::new(),
        };
        let tags: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        search.add(ArticleStub::from(&stub.summary()), &tags, &plain);
        out.put(format!("api/articles/{}.json", article.slug), &json(&article))?;
    }
    Ok(search)
}

/// The home, the home archive, and every category, tag and author listing.
fn write_listings(out: &mut Out, stubs: &[Stub], per_page: usize) -> Result<archive::Terms, String> {
    let summary = |j: &usize| stubs[*j].summary();
    // The lead is the newest article; the rest, newest first.
    let rest: Vec<usize> = (1..stubs.len()).collect();
    let mut by_category = vec![Vec::new(); text::CATEGORIES.len()];
    let mut by_tag = vec![Vec::new(); meta::TAGS];
    let mut by_author = vec![Vec::new(); meta::AUTHORS];
    for (j, s) in stubs.iter().enumerate() {
        by_category[s.category].push(j);
        s.tags.iter().for_each(|&t| by_tag[t].push(j));
        s.authors.iter().for_each(|&a| by_author[a].push(j));
    }
    let home = Home {
        version: API_VERSION,
        lead: stubs.first().map(Stub::summary),
        sections: (0..text::CATEGORIES.len())
            .map(|c| HomeSection {
                category: meta::category(c),
                articles: by_category[c]
                    .iter()
                    .filter(|&&j| j != 0)
                    .take(HOME_SECTION_COUNT)
                    .map(summary)
                    .collect(),
            })
            .collect(),
        latest: rest.iter().take(LATEST_COUNT).map(summary).collect(),
    };
    out.put("api/home.json".into(), &json(&home))?;
    for (path, listing) in archive::latest_pages(&rest, per_page, summary) {
        out.put(path, &json(&listing))?;
    }
    let mut terms = archive::Terms {
        categories: Vec::new(),
        tags: Vec::new(),
        authors: Vec::new(),
    };
    // Every listing's pages, and its entry in the archive index.
    let mut listing = |dir: &str, slug: &str, name: &str, kind: ListingKind, list: &[usize]| {
        let prefix = format!("api/{dir}/{slug}");
        for (path, page) in archive::listing_pages(&prefix, kind, list, per_page, summary) {
            out.put(path, &json(&page))?;
        }
        let pages = archive::listing_page_count(list.len(), per_page);
        Ok::<_, String>(archive::term(slug, name, list.len(), pages))
    };
    for (c, list) in by_category.iter().enumerate() {
        let category = meta::category(c);
        let kind = ListingKind::Category {
            description: format!("Toute l’actualité {}.", category.name),
            category: category.clone(),
            parents: Vec::new(),
            children: Vec::new(),
            about: Vec::new(),
        };
        terms
            .categories
            .push(listing("categories", &category.slug, &category.name, kind, list)?);
    }
    for (t, list) in by_tag.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        let tag = meta::tag_ref(t);
        let kind = ListingKind::Tag {
            tag: tag.clone(),
            about: Vec::new(),
        };
        terms.tags.push(listing("tags", &tag.slug, &tag.name, kind, list)?);
    }
    terms.tags.sort_by(|a, b| a.slug.cmp(&b.slug));
    for (a, list) in by_author.iter().enumerate() {
        let author = meta::author(a);
        let kind = ListingKind::Author { author: author.clone() };
        terms
            .authors
            .push(listing("authors", &author.slug, &author.name, kind, list)?);
    }
    terms.authors.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(terms)
}

/// `archive/index.json`, then the article index, a page at a time.
fn write_index(out: &mut Out, terms: archive::Terms, stubs: &[Stub], pages: &[StaticPage]) -> Result<(), String> {
    out.put("api/archive/index.json".into(), &json(&archive::index(terms, pages)))?;
    for page in 1..=archive::index_pages(stubs.len()) {
        let on_page = stubs
            .iter()
            .skip((page - 1) * kiosque_core::model::ARTICLE_INDEX_PER_PAGE)
            .take(kiosque_core::model::ARTICLE_INDEX_PER_PAGE);
        let entries = on_page.map(|s| ArticleStub::from(&s.summary())).collect();
        out.put(
            archive::index_page_path(page),
            &json(&archive::index_page(page, stubs.len(), entries)),
        )?;
    }
    Ok(())
}

/// The top 10 by audience, ties to the newest.
fn write_most_read(out: &mut Out, stubs: &[Stub]) -> Result<(), String> {
    let mut best: Vec<usize> = (0..stubs.len()).collect();
    best.sort_by(|&a, &b| stubs[b].views.cmp(&stubs[a].views).then(a.cmp(&b)));
    let most = MostRead {
        version: API_VERSION,
        articles: best.iter().take(MOST_READ_COUNT).map(|&j| stubs[j].summary()).collect(),
    };
    out.put("api/most-read.json".into(), &json(&most))
}
