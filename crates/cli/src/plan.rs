//! Which routes to prerender: every public URL the source has now (the home
//! and its archive, every page of every category, tag and author listing,
//! every static page, every article), walked page by page so a site of
//! 100,000 articles never sits in memory whole: each article is kept as a
//! slug and a date, and only the newest ones as stubs for the feeds.

use std::collections::HashMap;

use kiosque_core::config_types::PostTypeConfig;
use kiosque_core::model::{ArchiveTerm, ArticleStub, Malformed, NavItem, Timestamp};
use kiosque_core::routes::{percent_decode, Route};
use kiosque_core::source::{ListingRequest, Source};

use crate::redirects::{Legacy, OldPost};

/// Items in the site's feed and in each category's feed.
pub const FEED_ITEMS: usize = 30;
/// The news sitemap: articles of the last 48 hours, at most 1,000.
pub const NEWS_WINDOW_SECS: i64 = 48 * 3600;
pub const NEWS_MAX: usize = 1000;

/// Whether an article published at `published` belongs in the news sitemap
/// made at `now` (Unix seconds): the last 48 hours, nothing from the future.
pub fn is_news(now: i64, published: &Timestamp) -> bool {
    (0..=NEWS_WINDOW_SECS).contains(&(now - published.unix()))
}

pub struct Plan {
    /// Routes in render order.
    pub routes: Vec<Route>,
    /// Every category (each gets a feed).
    pub categories: Vec<NavItem>,
    /// Every article (newest first) and when it last changed.
    pub articles: Vec<(String, Timestamp)>,
    /// The stubs the feeds and the news sitemap need, newest first.
    pub recent: Vec<ArticleStub>,
    /// Index entries that could not be read: reported, and their pages
    /// (when their slug is known) keep their last good version.
    pub malformed: Vec<Malformed>,
    /// When the plan was made (Unix seconds): "the last 48 hours" end here.
    pub now: i64,
    /// What old WordPress URLs point at (the redirects).
    pub legacy: Legacy,
    /// Custom post types' items and when each last changed (the sitemaps).
    pub type_items: Vec<(Route, Timestamp)>,
    /// The feeds of the types with `in_feeds` (their items join the site's).
    pub type_feeds: Vec<crate::plan_types::TypeFeed>,
}

/// Makes the listing request for a slug (`ListingRequest::Tag`…).
type ToRequest = fn(String) -> ListingRequest;
/// Makes the route of a listing's page (`Route::tag`…).
type ToRoute = fn(String, u32) -> Route;

/// Keeps the stubs some feed needs, and no others.
struct Recent {
    now: i64,
    kept: Vec<ArticleStub>,
    per_category: HashMap<String, usize>,
    news: usize,
}

impl Recent {
    fn offer(&mut self, stub: &ArticleStub) {
        let news = is_news(self.now, &stub.published) && self.news < NEWS_MAX;
        let in_category = self.per_category.entry(stub.category.slug.clone()).or_default();
        let for_feed = self.kept.len() < FEED_ITEMS || *in_category < FEED_ITEMS;
        if news || for_feed {
            *in_category += 1;
            self.news += usize::from(news);
            self.kept.push(stub.clone());
        }
    }
}

/// Asks the source. Any failure stops the run before anything is written or
/// deleted: a source that is down must not empty the site. `cap`: at most
/// this many articles (`prerender.latest`).
/// `types`: `config.json`'s `post_types`, whose listings and items follow
/// the static pages.
pub async fn plan(source: &Source, cap: Option<usize>, types: &[PostTypeConfig], locale: &str) -> Result<Plan, String> {
    let now = kiosque_core::clock::now_unix();
    let archive = source.archive().await.map_err(|e| {
        format!("archive index: {e} (a static API needs archive/index.json: docs/content-api.md, \"Archive\")")
    })?;
    let mut routes = Vec::new();
    let home = source
        .listing(&ListingRequest::Latest, 1)
        .await
        .map_err(|e| format!("home archive: {e}"))?;
    routes.extend((1..=home.total_pages).map(Route::home));
    let listings: [(&[ArchiveTerm], ToRequest, ToRoute); 3] = [
        (&archive.categories, ListingRequest::Category, Route::category),
        (&archive.tags, ListingRequest::Tag, Route::tag),
        (&archive.authors, ListingRequest::Author, Route::author),
    ];
    for (terms, request, route) in listings {
        for term in terms {
            let list = request(term.slug.clone());
            let pages = match term.total_pages {
                Some(n) => n,
                None => {
                    source
                        .listing(&list, 1)
                        .await
                        .map_err(|e| format!("{}: {e}", route(term.slug.clone(), 1)))?
                        .total_pages
                }
            };
            routes.extend((1..=pages.max(1)).map(|p| route(term.slug.clone(), p)));
        }
    }
    routes.extend(archive.pages.iter().map(|p| Route::page(p.slug.clone())));
    let typed = crate::plan_types::type_routes(source, types, locale).await?;
    routes.extend(typed.listings);
    routes.extend(typed.items.iter().map(|(r, _)| r.clone()));
    let with_id = |terms: &[ArchiveTerm]| terms.iter().filter_map(|t| Some((t.slug.clone(), t.wp_id?))).collect();
    let mut legacy = Legacy {
        posts: Vec::new(),
        pages: archive.pages.iter().map(|p| (p.slug.clone(), p.wp_id)).collect(),
        categories: with_id(&archive.categories),
        authors: with_id(&archive.authors),
        paths: Vec::new(),
    };
    for p in &archive.pages {
        legacy.nested_page(&p.slug, &p.parents);
    }

    let mut recent = Recent {
        now,
        kept: Vec::new(),
        per_category: HashMap::new(),
        news: 0,
    };
    let (mut articles, mut malformed) = (Vec::new(), Vec::new());
    let cap = cap.unwrap_or(usize::MAX);
    let mut page = 1;
    'pages: loop {
        let index = source
            .article_index(page)
            .await
            .map_err(|e| format!("article index, page {page}: {e}"))?;
        malformed.extend(index.malformed);
        for stub in &index.articles {
            if articles.len() >= cap {
                break 'pages;
            }
            articles.push((stub.slug.clone(), stub.last_modified().clone()));
            legacy.posts.push(OldPost::new(&stub.slug, &stub.published, stub.wp_id));
            legacy.split_post(&stub.slug, stub.parts);
            recent.offer(stub);
        }
        if index.articles.is_empty() || page >= index.total_pages {
            break;
        }
        page += 1;
    }
    routes.extend(articles.iter().map(|(slug, _)| Route::article(slug.clone())));
    let mut seen = std::collections::HashSet::new();
    routes.retain(|r| seen.insert(r.clone()));
    Ok(Plan {
        routes,
        categories: archive
            .categories
            .iter()
            .map(|c| NavItem {
                slug: c.slug.clone(),
                name: c.name.clone(),
            })
            .collect(),
        articles,
        recent: recent.kept,
        malformed,
        now,
        legacy,
        type_items: typed.items,
        type_feeds: typed.feeds,
    })
}

/// The file a route is written to, relative to `dist/`; `None` for a route
/// that cannot be a safe path (a hostile slug).
pub fn route_file(route: &str) -> Option<String> {
    if route == "/" {
        return Some("index.html".into());
    }
    Some(format!("{}/index.html", path_file(route)?))
}

/// The file a site-relative URL path names (`/category/%C3%A9t%C3%A9/feed.xml`
/// → `category/été/feed.xml`): hosts (nginx, Netlify, GitHub Pages, scripts/
/// serve.mjs) decode the request path before they look for the file, so the
/// file carries the decoded name. `None` unless every decoded segment is
/// letters, digits, `-`, `_`, `.` or `~` (no `..`, no separator, no
/// control): a hostile slug never reaches the file system.
pub fn path_file(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let mut out = Vec::new();
    for raw in rest.split('/') {
        // Only the encoded form: a raw non-ASCII path is not one Route::path wrote.
        let ascii = raw.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~%".contains(c));
        let segment = percent_decode(raw, false).filter(|_| ascii)?;
        let safe = !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment.chars().all(|c| c.is_alphanumeric() || "-_.~".contains(c));
        if !safe {
            return None;
        }
        out.push(segment);
    }
    Some(out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::model::CategoryRef;

    #[test]
    fn routes_map_to_index_files() {
        assert_eq!(route_file("/").as_deref(), Some("index.html"));
        assert_eq!(
            route_file("/article/un-titre").as_deref(),
            Some("article/un-titre/index.html")
        );
        assert_eq!(
            route_file("/article/%C3%A9t%C3%A9").as_deref(),
            Some("article/été/index.html")
        );
        assert_eq!(
            path_file("/category/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9/feed.xml").as_deref(),
            Some("category/رياضة/feed.xml")
        );
    }

    #[test]
    fn hostile_routes_have_no_file() {
        for bad in [
            "/article/..",
            "/article/.",
            "article/x",
            "/article//x",
            "/a/b\\c",
            "/a/<x>",
            "/a/é",
            "/a/%2E%2E",
            "/a/b%2Fc",
            "/a/%00",
            "/a/%ZZ",
            "/a/%C3",
        ] {
            assert_eq!(route_file(bad), None, "{bad}");
        }
    }

    /// Day `i` of 2026 (28-day months, enough for a test), newest last.
    fn stub(slug: &str, category: &str, i: usize) -> ArticleStub {
        let date = format!("2026-{:02}-{:02}T00:00:00Z", 1 + i / 28, 1 + i % 28);
        ArticleStub {
            slug: slug.into(),
            title: slug.into(),
            standfirst: String::new(),
            category: CategoryRef {
                slug: category.into(),
                name: category.into(),
            },
            published: Timestamp::parse(&date).unwrap(),
            modified: None,
            wp_id: None,
            parts: None,
            post_type: None,
        }
    }

    #[test]
    fn only_what_a_feed_needs_is_kept() {
        let now = Timestamp::parse("2026-12-28T12:00:00Z").unwrap().unix();
        let mut recent = Recent {
            now,
            kept: Vec::new(),
            per_category: HashMap::new(),
            news: 0,
        };
        // Newest first: 40 in "a", then 40 older ones in "b".
        for i in (0..40).rev() {
            recent.offer(&stub(&format!("a{i}"), "a", 200 + i));
        }
        for i in (0..40).rev() {
            recent.offer(&stub(&format!("b{i}"), "b", 100 + i));
        }
        let count = |c: &str| recent.kept.iter().filter(|s| s.category.slug == c).count();
        assert_eq!((count("a"), count("b")), (FEED_ITEMS, FEED_ITEMS));
        // All of them months before `now`: none is news.
        assert_eq!(recent.news, 0);
        let mut news = Recent {
            news: 0,
            kept: Vec::new(),
            per_category: HashMap::new(),
            now,
        };
        for i in 0..(NEWS_MAX + 5) {
            let mut s = stub(&format!("n{i}"), &format!("c{i}"), 0);
            s.published = Timestamp::parse("2026-12-28T08:00:00Z").unwrap();
            news.offer(&s);
        }
        assert_eq!(news.news, NEWS_MAX, "at most 1,000 news");
    }
}
