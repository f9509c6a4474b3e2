//! One file per route. Pages ask the source for data and arrange components.

mod article;
mod home;
mod listing;
mod not_found;
mod search;
mod slug;

pub use article::ArticlePage;
pub use home::{HomeArchive, HomePage};
pub use listing::{AuthorPage, CategoryPage, TagPage};
pub use not_found::NotFound;
pub use search::SearchPage;
pub use slug::SlugPage;

use leptos::prelude::*;

use crate::routing::{CurrentRoute, PageKind};
use kiosque_core::routes::Route;

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
pub(crate) fn slug_param() -> Memo<String> {
    route_param(
        |r| match r {
            Route::Article { slug }
            | Route::Category { slug, .. }
            | Route::Tag { slug, .. }
            | Route::Author { slug, .. }
            | Route::Page { slug } => slug.clone(),
            Route::Home { .. } | Route::Search { .. } => String::new(),
        },
        String::new(),
    )
}

/// The route's page number; `None` when there is no such page.
pub(crate) fn page_param() -> Memo<Option<u32>> {
    route_param(|r| Some(r.page_number()), None)
}
