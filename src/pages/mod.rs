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
use leptos_router::hooks::use_params_map;

/// The `:slug` route parameter (empty when absent).
pub(crate) fn slug_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}

/// The `:n` page parameter; `None` when it is not a valid page number.
pub(crate) fn page_param() -> Memo<Option<u32>> {
    let params = use_params_map();
    Memo::new(move |_| match params.read().get("n") {
        None => Some(1),
        Some(n) => kiosque_core::routes::parse_page(&n),
    })
}
