use leptos::prelude::*;

use crate::components::OfType;
use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// A link to an article whose data is warmed on hover or focus, so the
/// click renders at once.
#[component]
pub fn ArticleLink(
    #[prop(into)] slug: String,
    #[prop(optional)] class: &'static str,
    /// The custom post type the item is of (its link is `/<prefix>/<slug>`,
    /// and nothing is warmed: only articles are).
    #[prop(optional_no_strip)]
    of: Option<OfType>,
    children: Children,
) -> impl IntoView {
    let ctx = use_ctx();
    let route = of
        .as_ref()
        .map_or_else(|| Route::article(slug.clone()), |t| t.item(&slug));
    let href = ctx.href(&route);
    let source = ctx.source;
    let is_article = of.is_none();
    let prefetch = move || {
        if is_article {
            source.prefetch_article(&slug);
        }
    };
    let on_focus = prefetch.clone();
    view! {
        <a class=class href=href on:pointerenter=move |_| prefetch() on:focus=move |_| on_focus()>
            {children()}
        </a>
    }
}
