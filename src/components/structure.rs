//! Where a page sits in the site: its breadcrumb (home, parents, itself) and
//! the links to what sits under it (child categories, child pages).

use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// `Home › parent… › current`. `trail`: the links between home and the
/// current page, top first.
#[component]
pub fn Breadcrumb(trail: Vec<(String, Route)>, current: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let links = trail
        .into_iter()
        .map(|(name, route)| view! { <li><a href=ctx.href(&route)>{name}</a></li> })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=s.breadcrumb>
            <ol>
                <li><a href=ctx.href(&Route::home(1))>{s.home}</a></li>
                {links}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

/// The links to what sits under a page, under a heading; nothing when empty.
#[component]
pub fn SubLinks(label: &'static str, links: Vec<(String, Route)>) -> impl IntoView {
    let ctx = use_ctx();
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|(name, route)| view! { <li><a class="tag" href=ctx.href(&route)>{name}</a></li> })
            .collect_view();
        view! {
            <nav class="sublinks" aria-label=label>
                <h2 class="sublinks__title">{label}</h2>
                <ul class="tags">{items}</ul>
            </nav>
        }
    })
}
