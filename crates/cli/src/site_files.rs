//! The files about the whole site, written once the pages are: the sitemaps,
//! the RSS feeds and `robots.txt`. Each is written whole under a temporary
//! name and renamed, children before the index that points at them, and the
//! manifest last (by the caller), so a run cut short leaves the previous
//! sitemaps and manifest in place and consistent.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use kiosque_core::model::{ArticleStub, Timestamp};
use kiosque_core::routes::Route;

use crate::feeds::{self, Channel, Site};
use crate::output::{self, PageFiles};
use crate::plan::Plan;
use crate::sitemaps;

/// Writes them all; returns the files written, for the manifest (the next
/// run deletes those it no longer writes). `old_files`: the last run's.
pub fn write(
    dist: &Path,
    site: &Site,
    plan: &Plan,
    pages: &BTreeMap<String, PageFiles>,
    old_files: &[String],
    sitemap_limit: usize,
) -> Result<Vec<String>, String> {
    let lastmod: HashMap<String, &Timestamp> = plan
        .articles
        .iter()
        .map(|(slug, t)| (Route::article(slug.clone()).path(), t))
        .chain(plan.type_items.iter().map(|(r, t)| (r.path(), t)))
        .collect();
    // The plan's order (home, listings, pages, articles newest first), so
    // an unchanged site gives unchanged sitemaps.
    let planned: Vec<String> = plan.routes.iter().map(Route::path).collect();
    let in_plan: HashSet<&String> = planned.iter().collect();
    // Pages kept from the last run but not in the plan (a malformed entry)
    // come after, in the manifest's order.
    let kept = pages.keys().filter(|r| !in_plan.contains(r));
    let urls: Vec<(String, Option<&Timestamp>)> = planned
        .iter()
        .chain(kept)
        .filter(|r| pages.get(*r).is_some_and(|p| !p.noindex))
        .map(|r| (r.clone(), lastmod.get(r).copied()))
        .collect();
    // Articles whose page asks not to be indexed stay out of feeds too.
    let indexed = |a: &&ArticleStub| {
        !pages
            .get(&Route::article(a.slug.clone()).path())
            .is_some_and(|p| p.noindex)
    };
    let recent: Vec<ArticleStub> = plan.recent.iter().filter(indexed).cloned().collect();
    let article = |a: &ArticleStub| Route::article(a.slug.clone());
    // Custom types' items (`in_feeds`), unless their page asks not to be indexed.
    let type_feeds: Vec<(&crate::plan_types::TypeFeed, Vec<(Route, &ArticleStub)>)> = plan
        .type_feeds
        .iter()
        .map(|f| {
            let items = f
                .items
                .iter()
                .filter(|(r, _)| !pages.get(&r.path()).is_some_and(|p| p.noindex))
                .map(|(r, a)| (r.clone(), a))
                .collect();
            (f, items)
        })
        .collect();
    let mut files: Vec<(String, String)> = Vec::new();
    let mut feed = |route: Route, title: String, items: Vec<(Route, &ArticleStub)>| {
        if let Some(path) = route.feed_path() {
            let channel = Channel {
                title,
                route,
                feed_path: &path,
            };
            let xml = feeds::rss(site, &channel, &items);
            // A category whose slug cannot be a file has no feed file.
            if let Some(file) = crate::plan::path_file(&path) {
                files.push((file, xml));
            }
        }
    };
    // The site's feed: articles and the types' items, newest first.
    let mut site_items: Vec<(Route, &ArticleStub)> = recent.iter().map(|a| (article(a), a)).collect();
    site_items.extend(type_feeds.iter().flat_map(|(_, items)| items.iter().cloned()));
    site_items.sort_by(|(_, a), (_, b)| b.published.cmp(&a.published));
    feed(Route::home(1), site.name.to_string(), site_items);
    for (f, items) in &type_feeds {
        feed(f.listing.clone(), format!("{} — {}", f.label, site.name), items.clone());
    }
    for c in &plan.categories {
        let items = recent
            .iter()
            .filter(|a| a.category.slug == c.slug)
            .map(|a| (article(a), a))
            .collect();
        feed(
            Route::category(c.slug.clone(), 1),
            format!("{} — {}", c.name, site.name),
            items,
        );
    }
    files.push((
        "sitemap-news.xml".into(),
        sitemaps::news_sitemap(site, &recent, plan.now),
    ));
    files.push(("robots.txt".into(), feeds::robots(site)));
    // Last: the index, after the children it points at.
    files.extend(sitemaps::sitemaps(site, &urls, sitemap_limit));
    for (file, text) in &files {
        output::write_if_changed(&dist.join(file), text).map_err(|e| format!("{file}: {e}"))?;
    }
    let written: Vec<String> = files.into_iter().map(|(f, _)| f).collect();
    for stale in old_files.iter().filter(|f| !written.contains(f)) {
        output::delete_file(dist, stale);
    }
    let r = crate::redirects::write(dist, &plan.legacy, site.url, site.locale)?;
    println!(
        "  redirects: {} rules for old WordPress URLs, {} redirect pages written, {} deleted{}",
        r.rules,
        r.pages_written,
        r.pages_deleted,
        if r.refused > 0 {
            format!(", {} unsafe paths left out", r.refused)
        } else {
            String::new()
        }
    );
    Ok(written)
}
