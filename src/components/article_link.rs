use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// A link to an article whose data is warmed on hover or focus, so the
/// click renders at once.
#[component]
pub fn ArticleLink(
    #[prop(into)] slug: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let ctx = use_ctx();
    let href = ctx.href(&Route::article(slug.clone()));
    let source = ctx.source;
    let prefetch = move || source.prefetch_article(&slug);
    let on_focus = prefetch.clone();
    view! {
        <a class=class href=href on:pointerenter=move |_| prefetch() on:focus=move |_| on_focus()>
            {children()}
        </a>
    }
}
