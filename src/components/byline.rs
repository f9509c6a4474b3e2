use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::model::AuthorRef;
use kiosque_core::routes::Route;

/// "Par A et B", each name linking to the author page.
#[component]
pub fn Byline(authors: Vec<AuthorRef>) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let n = authors.len();
    (n > 0).then(|| {
        let names = authors
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let sep = ctx.locale.list_separator(i, n);
                view! { {sep}<a class="byline__author" rel="author" href=use_ctx().href(&Route::author(a.slug.clone(), 1))>{a.name}</a> }
            })
            .collect_view();
        view! { <span class="byline">{s.by}" "{names}</span> }
    })
}
