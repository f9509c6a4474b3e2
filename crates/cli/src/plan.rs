//! Which routes to prerender: the home, page 1 of every navigation category,
//! and the latest N articles, as the configured source lists them now.

use kiosque_core::model::{ArticleSummary, NavItem};
use kiosque_core::routes::Route;
use kiosque_core::source::{ListingRequest, Source};

pub struct Plan {
    /// Routes in render order (`/`, `/category/x`, `/article/y`).
    pub routes: Vec<Route>,
    pub categories: Vec<NavItem>,
    /// The latest articles, newest first (sitemaps and feed).
    pub articles: Vec<ArticleSummary>,
}

/// Asks the source. Any failure stops the run before anything is written or
/// deleted: a source that is down must not empty the site.
pub async fn plan(source: &Source, latest: usize) -> Result<Plan, String> {
    let site = source.site().await.map_err(|e| format!("site: {e}"))?;
    let mut articles: Vec<ArticleSummary> = Vec::new();
    let mut page = 1;
    while articles.len() < latest {
        let listing = source
            .listing(&ListingRequest::Latest, page)
            .await
            .map_err(|e| format!("latest articles, page {page}: {e}"))?;
        let empty = listing.articles.is_empty();
        for a in listing.articles {
            if articles.len() < latest && !articles.iter().any(|b| b.slug == a.slug) {
                articles.push(a);
            }
        }
        if empty || listing.page >= listing.total_pages {
            break;
        }
        page += 1;
    }
    let mut routes = vec![Route::home(1)];
    routes.extend(site.nav.iter().map(|c| Route::category(c.slug.clone(), 1)));
    routes.extend(articles.iter().map(|a| Route::article(a.slug.clone())));
    let mut seen = std::collections::HashSet::new();
    routes.retain(|r| seen.insert(r.clone()));
    Ok(Plan {
        routes,
        categories: site.nav,
        articles,
    })
}

/// The file a route is written to, relative to `dist/`; `None` for a route
/// that cannot be a safe path (a hostile slug).
pub fn route_file(route: &str) -> Option<String> {
    if route == "/" {
        return Some("index.html".into());
    }
    let segments: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let safe = |s: &&str| {
        !s.is_empty() && *s != "." && *s != ".." && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~%".contains(c))
    };
    if !route.starts_with('/') || !segments.iter().all(safe) {
        return None;
    }
    Some(format!("{}/index.html", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_map_to_index_files() {
        assert_eq!(route_file("/").as_deref(), Some("index.html"));
        assert_eq!(
            route_file("/article/un-titre").as_deref(),
            Some("article/un-titre/index.html")
        );
        assert_eq!(
            route_file("/article/%C3%A9t%C3%A9").as_deref(),
            Some("article/%C3%A9t%C3%A9/index.html")
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
        ] {
            assert_eq!(route_file(bad), None, "{bad}");
        }
    }
}
