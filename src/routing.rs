//! Routing: the browser's path (or the prerender's request) becomes a
//! [`Route`] in one place, and the route's [`PageKind`] picks the page (in
//! `app.rs`; pages read their parameters from here). The router itself
//! only moves history and intercepts link clicks; no URL shape is written
//! here (they are all in `kiosque_core::routes`).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::context::use_ctx;
use kiosque_core::routes::{self, PreviewKind, Route};
use kiosque_core::source::LegacyRedirect;

/// The current route (`None`: no such page), parsed once by the shell.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Option<Route>>);

/// The browser's path (or the prerender's request) as a [`Route`]: the one
/// parser of URL shapes. The router only moves history and intercepts links.
pub(crate) fn current_route(base_url: &str, types: std::sync::Arc<routes::TypePrefixes>) -> CurrentRoute {
    let location = use_location();
    let base = routes::base_path(base_url);
    let route = Memo::new(move |_| {
        let path = location.pathname.get();
        Route::parse_in(routes::within_base(&base, &path), &location.search.get(), &types)
    });
    CurrentRoute(route)
}

/// Which page component a route shows. A new page is mounted only when
/// this changes; within one kind (another article, another page number)
/// the page follows the route's parameters, as a router would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PageKind {
    Home,
    HomeArchive,
    Article,
    Category,
    Tag,
    Author,
    Search,
    Page,
    Preview,
    TypeListing,
    TypeItem,
    NotFound,
}

impl PageKind {
    pub(crate) fn of(route: Option<&Route>) -> PageKind {
        match route {
            Some(Route::Home { page: 1 }) => PageKind::Home,
            Some(Route::Home { .. }) => PageKind::HomeArchive,
            Some(Route::Article { .. } | Route::Comments { .. }) => PageKind::Article,
            Some(Route::Category { .. }) => PageKind::Category,
            Some(Route::Tag { .. }) => PageKind::Tag,
            Some(Route::Author { .. }) => PageKind::Author,
            Some(Route::Search { .. }) => PageKind::Search,
            Some(Route::Page { .. }) => PageKind::Page,
            Some(Route::Preview { .. }) => PageKind::Preview,
            Some(Route::TypeListing { .. }) => PageKind::TypeListing,
            Some(Route::TypeItem { .. }) => PageKind::TypeItem,
            None => PageKind::NotFound,
        }
    }
}

/// Old WordPress URLs (`/2026/11/28/slug/`, `/category/x/`, `?p=123`…) and
/// non-canonical ones (`?page=N`, `/page/1`, a trailing slash) go to the
/// canonical route, replacing the history entry, so no inbound link is lost.
pub(crate) fn canonical_redirects() {
    let location = use_location();
    let navigate = use_navigate();
    let ctx = use_ctx();
    let base = ctx.base_path().to_string();
    let source = ctx.source;
    let types = ctx.types;
    Effect::new(move |_| {
        // The browser's path carries the base path of a sub-path deploy; routes do not.
        let path = routes::within_base(&base, &location.pathname.get()).to_string();
        let query = location.search.get();
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        if let Some(to) = routes::canonical_redirect_in(&path, &query, &types) {
            navigate(&to, replace);
            return;
        }
        // Kiosque's own routes are never old WordPress URLs, except the home
        // with WordPress query parameters (`/?p=123`, `/?s=eau`).
        let has_query = !query.trim_start_matches('?').is_empty();
        if routes::is_kiosque_route(&path) && !(path == "/" && has_query) {
            return;
        }
        // Nor are a custom post type's (`/video/<slug>` may look like one).
        if matches!(
            Route::parse_in(&path, &query, &types),
            Some(Route::TypeListing { .. } | Route::TypeItem { .. })
        ) {
            return;
        }
        match source.legacy_redirect(&path, &query) {
            Some(LegacyRedirect::To(to)) if !is_current(&to.path(), &path, &query) => navigate(&to.path(), replace),
            Some(LegacyRedirect::Lookup(lookup)) => {
                let (source, navigate) = (source.clone(), navigate.clone());
                leptos::task::spawn_local(async move {
                    if let Ok(to) = source.resolve_legacy(&lookup).await {
                        navigate(&to.path(), replace);
                    }
                });
            }
            _ => {}
        }
    });
}

fn is_current(to: &str, path: &str, query: &str) -> bool {
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        to == path
    } else {
        to == format!("{path}?{query}")
    }
}

/// A parameter of the current route, for the page showing it. When the
/// route moves to another kind of page, this page is about to be unmounted:
/// the value stays as it was, so the page does not load the other page's data.
fn route_param<T: Clone + PartialEq + Send + Sync + 'static>(
    get: impl Fn(&Route) -> T + Send + Sync + 'static,
    missing: T,
) -> Memo<T> {
    let route = expect_context::<CurrentRoute>().0;
    let kind = route.with_untracked(|r| PageKind::of(r.as_ref()));
    Memo::new(move |prev: Option<&T>| {
        route.with(|r| match r {
            Some(r) if PageKind::of(Some(r)) == kind => get(r),
            _ => prev.cloned().unwrap_or_else(|| missing.clone()),
        })
    })
}

/// The route's slug (empty when it has none).
pub fn slug_param() -> Memo<String> {
    route_param(
        |r| match r {
            Route::Article { slug, .. }
            | Route::Comments { slug, .. }
            | Route::Category { slug, .. }
            | Route::Tag { slug, .. }
            | Route::Author { slug, .. }
            | Route::Page { slug }
            | Route::TypeItem { slug, .. } => slug.clone(),
            Route::Home { .. } | Route::Search { .. } | Route::Preview { .. } | Route::TypeListing { .. } => {
                String::new()
            }
        },
        String::new(),
    )
}

/// The route's page number; `None` when there is no such page.
pub fn page_param() -> Memo<Option<u32>> {
    route_param(|r| Some(r.page_number()), None)
}

/// A custom post type route's prefix (empty when it has none).
pub fn type_prefix_param() -> Memo<String> {
    route_param(
        |r| match r {
            Route::TypeListing { prefix, .. } | Route::TypeItem { prefix, .. } => prefix.clone(),
            _ => String::new(),
        },
        String::new(),
    )
}

/// A preview route's post ID (0 when it has none).
pub fn preview_id_param() -> Memo<u64> {
    route_param(
        |r| match r {
            Route::Preview { id, .. } => *id,
            _ => 0,
        },
        0,
    )
}

/// What a preview route shows: a post or a page.
pub fn preview_kind_param() -> Memo<PreviewKind> {
    route_param(
        |r| match r {
            Route::Preview { kind, .. } => *kind,
            _ => PreviewKind::Post,
        },
        PreviewKind::Post,
    )
}

/// A preview route's page of text (a multi-page draft's `/preview/<id>/<n>`).
pub fn preview_page_param() -> Memo<u32> {
    route_param(
        |r| match r {
            Route::Preview { page, .. } => *page,
            _ => 1,
        },
        1,
    )
}

/// An article route's page of text and page of comments: `/article/<slug>/<n>`
/// is text page n with the first comments; `…/comments/page/<n>` is the first
/// text page with comments page n.
pub fn article_pages_param() -> Memo<(u32, u32)> {
    route_param(
        |r| match r {
            Route::Article { page, .. } => (*page, 1),
            Route::Comments { page, .. } => (1, *page),
            _ => (1, 1),
        },
        (1, 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosque_core::config::Config;
    use kiosque_core::source::Source;

    #[test]
    fn kiosque_routes_are_not_taken_for_old_wordpress_urls() {
        let config = Config::parse(r#"{"api":{"kind":"static","base_url":"/api"}}"#).unwrap();
        let source = Source::from_config(&config, "http://127.0.0.1:8080/", Default::default());
        let legacy = |p: &str, q: &str| source.legacy_redirect(p, q);
        // The shell only asks about paths that are not Kiosque routes (or
        // the home with a query).
        assert!(routes::is_kiosque_route("/search"));
        assert_eq!(legacy("/", "s=eau"), Some(LegacyRedirect::To(Route::search("eau", 1))));
        assert!(matches!(legacy("/", "p=12"), Some(LegacyRedirect::Lookup(_))));
        for old in ["/2026/11/28/un-article/", "/2026/11/28/un-article"] {
            assert_eq!(legacy(old, ""), Some(LegacyRedirect::To(Route::article("un-article"))));
        }
        assert_eq!(
            legacy("/category/sport/", ""),
            Some(LegacyRedirect::To(Route::category("sport", 1)))
        );
    }
}
