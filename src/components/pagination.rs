use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// "Page 2 sur 5" with real previous/next links. `route` is the listing's
/// route at any page; the links are the same route at other pages.
#[component]
pub fn Pagination(page: u32, total_pages: u32, route: Route) -> impl IntoView {
    let ctx = use_ctx();
    let (s, locale) = (ctx.strings(), ctx.locale);
    let href = move |page: u32| ctx.href(&route.with_page(page));
    (total_pages > 1).then(|| {
        let prev = (page > 1).then(|| {
            view! { <a class="pagination__prev" rel="prev" href=href(page - 1)><span aria-hidden="true">"‹ "</span>{s.previous}</a> }
        });
        let next = (page < total_pages).then(|| {
            view! { <a class="pagination__next" rel="next" href=href(page + 1)>{s.next}<span aria-hidden="true">" ›"</span></a> }
        });
        view! {
            <nav class="pagination" aria-label=s.pagination>
                {prev}
                <span class="pagination__status" aria-current="page">{locale.page_of(page, total_pages)}</span>
                {next}
            </nav>
        }
    })
}
