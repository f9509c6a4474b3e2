//! Every file of the static API but the articles, from the exported posts
//! and WordPress's terms, users and pages, arranged as the live WordPress
//! source arranges them (`compose.rs`: the same home, the same listing
//! sizes; the related ranking is `rails`), written by the shared static-API
//! writers (`kiosque_core::source::static_files`).

use std::collections::HashMap;

use kiosque_core::model::{
    ArticleStub, ArticleSummary, Author, Home, HomeSection, ListingKind, Menus, MostRead, StaticPage, API_VERSION,
};
use kiosque_core::source::static_files::{self as api, json, Files, Terms};
use kiosque_core::source::wordpress::links::slug_of;
use kiosque_core::source::wordpress::map::{self, LinkContext};
use kiosque_core::source::wordpress::settings::{self, WpSettings};
use kiosque_core::source::wordpress::tree;
use kiosque_core::source::wordpress::urls::{HOME_LATEST, HOME_SECTION, PER_PAGE};
use kiosque_core::source::wordpress::wire::{WpRoot, WpTerm, WpUser};

use super::search;
use super::state::Entry;

/// What the site holds besides its posts.
pub struct Site<'a> {
    pub root: &'a WpRoot,
    pub categories: &'a [WpTerm],
    pub tags: &'a [WpTerm],
    pub users: &'a [WpUser],
    pub pages: &'a [StaticPage],
    /// For descriptions and biographies: the site's home and page slugs.
    pub links: &'a LinkContext,
    /// Post IDs, best first (a popular-posts route), or none.
    pub most_read: &'a [u64],
    /// The theme's menus (none without a login).
    pub menus: &'a Menus,
    /// WordPress's settings, when the export could read them.
    pub settings: Option<&'a WpSettings>,
    /// Articles per category, tag and author page.
    pub per_page: u32,
    /// The SEO plugin's heads of the archives (`heads::key`).
    pub heads: &'a super::heads::Heads,
}

/// An exported post: its WordPress ID and what the state keeps of it.
pub type Post<'a> = (u64, &'a Entry);

/// Newest first, as WordPress lists posts (ties: the higher ID first).
pub fn sort_newest(posts: &mut [Post<'_>]) {
    posts.sort_by(|(ia, a), (ib, b)| {
        b.summary
            .published
            .unix()
            .cmp(&a.summary.published.unix())
            .then(ib.cmp(ia))
    });
}

/// Every file but `articles/*.json`; `posts` newest first.
/// `items`: the custom types' items (cards marked with their type) and
/// their search entries, which the search index holds beside the posts.
pub fn files(site: &Site<'_>, posts: &[Post<'_>], items: &[(ArticleSummary, search::SearchEntry)]) -> Files {
    let mut files = Files::new();
    let mut info = map::site(site.root, site.categories);
    info.menus = site.menus.clone();
    if let Some(s) = site.settings {
        settings::apply(&mut info, site.root, s);
    }
    info.posts_per_page = Some(site.per_page);
    files.insert("api/site.json".into(), json(&info));
    let summaries: Vec<&ArticleSummary> = posts.iter().map(|(_, e)| &e.summary).collect();

    // The home: the newest sticky post leads, else the newest.
    let lead = posts
        .iter()
        .position(|(_, e)| e.sticky)
        .or((!posts.is_empty()).then_some(0));
    let not_lead = |i: &usize| Some(*i) != lead;
    let in_category = |id: u64| {
        (0..posts.len())
            .filter(not_lead)
            .filter(move |i| posts[*i].1.categories.contains(&id))
    };
    let home = Home {
        version: API_VERSION,
        lead: lead.map(|i| summaries[i].clone()),
        sections: map::nav(site.categories)
            .iter()
            .map(|c| HomeSection {
                category: map::category(c),
                articles: in_category(c.id)
                    .take(HOME_SECTION)
                    .map(|i| summaries[i].clone())
                    .collect(),
            })
            .collect(),
        latest: (0..posts.len())
            .filter(not_lead)
            .take(HOME_LATEST)
            .map(|i| summaries[i].clone())
            .collect(),
    };
    files.insert("api/home.json".into(), json(&home));
    let rest: Vec<&ArticleSummary> = (0..posts.len()).filter(not_lead).map(|i| summaries[i]).collect();
    api::write_latest(&mut files, &rest, PER_PAGE as usize);

    // Listings: every category, tag and author, `per_page` a page (the
    // home archive above stays at the home's block size); empty ones keep a
    // page 1, the archive index names those with articles.
    let per_page = site.per_page.max(1) as usize;
    let mut terms = Terms::default();
    let head = |kind: &str, slug: &str| site.heads.get(&super::heads::key(kind, slug)).cloned();
    let listing = |files: &mut Files, dir: &str, slug: &str, name: &str, kind, list: Vec<&ArticleSummary>, seo| {
        let pages = api::paginate_seo(files, &format!("api/{dir}/{slug}"), kind, seo, &list, per_page);
        (!list.is_empty()).then(|| api::term(slug, name, list.len(), pages))
    };
    let members = |keep: &dyn Fn(&Entry) -> bool| -> Vec<&ArticleSummary> {
        posts.iter().filter(|(_, e)| keep(e)).map(|(_, e)| &e.summary).collect()
    };
    // A category without posts of its own whose children have some is
    // listed too (`tree::non_empty`, as the live source's archive).
    let kept = tree::non_empty(site.categories);
    for t in site.categories {
        let Some(slug) = slug_of(&t.slug) else { continue };
        let (parents, children) = tree::category_family(site.categories, t.id);
        let kind = ListingKind::Category {
            category: map::category(t),
            description: map::text(&t.description),
            parents,
            children,
            about: map::about(&t.description, site.links),
        };
        let list = members(&|e| e.categories.contains(&t.id));
        let seo = head("categories", &t.slug);
        let pages = api::paginate_seo(
            &mut files,
            &format!("api/categories/{slug}"),
            kind,
            seo,
            &list,
            per_page,
        );
        if kept.contains(&t.id) {
            let name = map::text(&t.name);
            terms.categories.push(api::term(&slug, &name, list.len(), pages));
        }
    }
    for t in site.tags {
        let Some(slug) = slug_of(&t.slug) else { continue };
        let kind = ListingKind::Tag {
            tag: map::tag(t),
            about: map::about(&t.description, site.links),
        };
        let list = members(&|e| e.tags.contains(&t.id));
        let seo = head("tags", &t.slug);
        terms
            .tags
            .extend(listing(&mut files, "tags", &slug, &map::text(&t.name), kind, list, seo));
    }
    for u in site.users {
        let Some(slug) = slug_of(&u.slug) else { continue };
        let author = Author {
            about: map::about(&u.description, site.links),
            ..map::author(u)
        };
        let kind = ListingKind::Author { author };
        let list = members(&|e| e.author == u.id);
        let seo = head("users", &u.slug);
        terms.authors.extend(listing(
            &mut files,
            "authors",
            &slug,
            &map::text(&u.name),
            kind,
            list,
            seo,
        ));
    }

    for p in site.pages {
        files.insert(format!("api/pages/{}.json", p.slug), json(p));
    }
    let stubs: Vec<ArticleStub> = posts
        .iter()
        .map(|(id, e)| ArticleStub {
            wp_id: Some(*id),
            parts: (e.parts > 1).then_some(e.parts),
            post_type: None,
            ..ArticleStub::from(&e.summary)
        })
        .collect();
    api::write_index(&mut files, terms, site.pages, &stubs);

    // WordPress counts no views: without a popular-posts route the list is
    // empty and the block hidden, as on the live source.
    let by_id: HashMap<u64, &ArticleSummary> = posts.iter().map(|(id, e)| (*id, &e.summary)).collect();
    let most = MostRead {
        version: API_VERSION,
        articles: site
            .most_read
            .iter()
            .filter_map(|id| by_id.get(id).map(|s| (*s).clone()))
            .take(10)
            .collect(),
    };
    files.insert("api/most-read.json".into(), json(&most));
    let indexed = posts.iter().map(|(_, e)| (&e.summary, &e.search));
    for (path, bytes) in search::index(indexed.chain(items.iter().map(|(s, e)| (s, e)))) {
        files.insert(format!("api/{path}"), bytes);
    }
    files
}

#[cfg(test)]
mod tests;
