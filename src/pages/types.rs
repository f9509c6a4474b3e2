//! A custom post type's pages (`config.json`'s `post_types`): its listing
//! `/<prefix>[/page/<n>]` is a listing page, its items `/<prefix>/<slug>`
//! article pages with the type's breadcrumb (Home › label › title).

use leptos::prelude::*;

use crate::components::{page_resource, ArticleSkeleton, ListSkeleton, Loaded, OfType};
use crate::context::use_ctx;
use crate::pages::article::article_view;
use crate::pages::listing::listing_view;
use crate::pages::{page_param, slug_param};
use crate::routing::type_prefix_param;
use kiosque_core::http::FetchError;
use kiosque_core::model::{Article, Listing};
use kiosque_core::source::ListingRequest;

/// The type behind the route's prefix (read from the context once, not in
/// every run of the memo); a prefix the router knows is configured, so an
/// error is only ever a not-found page.
fn of_type(prefix: Memo<String>) -> Memo<Result<OfType, FetchError>> {
    let ctx = use_ctx();
    Memo::new(move |_| OfType::find(&ctx, &prefix.get()).ok_or(FetchError::NotFound))
}

/// `/<prefix>` and `/<prefix>/page/<n>`.
#[component]
pub fn TypeListingPage() -> impl IntoView {
    let prefix = type_prefix_param();
    let page = page_param();
    let of = of_type(prefix);
    let listing = page_resource(
        move || (of.get(), page.get()),
        move |source, (of, page)| async move {
            match (of, page) {
                (Ok(t), Some(p)) => source.listing(&ListingRequest::PostType(t.rest_base), p).await,
                (Err(e), _) => Err(e),
                (_, None) => Err(FetchError::NotFound),
            }
        },
    );
    view! {
        <Loaded
            resource=listing
            skeleton=|| view! { <ListSkeleton/> }.into_any()
            render=move |l: Listing| {
                let route = kiosque_core::routes::Route::type_listing(prefix.get_untracked(), l.page);
                listing_view(l, route)
            }
        />
    }
}

/// `/<prefix>/<slug>`: one page, without comments.
#[component]
pub fn TypeItemPage() -> impl IntoView {
    let prefix = type_prefix_param();
    let slug = slug_param();
    let of = of_type(prefix);
    let item = page_resource(
        move || (of.get(), slug.get()),
        move |source, (of, slug)| async move { source.type_item(&of?.rest_base, &slug).await },
    );
    view! {
        <Loaded
            resource=item
            skeleton=|| view! { <ArticleSkeleton/> }.into_any()
            render=move |a: Article| article_view(a, 1, None, of.get_untracked().ok()).into_any()
        />
    }
}
