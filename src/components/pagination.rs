use leptos::prelude::*;

use crate::context::use_ctx;

/// "Page 2 sur 5" with real previous/next links.
#[component]
pub fn Pagination(
    page: u32,
    total_pages: u32,
    href: fn(&str, u32) -> String,
    #[prop(into)] slug: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let (s, locale) = (ctx.strings(), ctx.locale);
    let href = move |slug: &str, page: u32| ctx.href(&href(slug, page));
    (total_pages > 1).then(|| {
        let prev = (page > 1).then(|| {
            view! { <a class="pagination__prev" rel="prev" href=href(&slug, page - 1)><span aria-hidden="true">"‹ "</span>{s.previous}</a> }
        });
        let next = (page < total_pages).then(|| {
            view! { <a class="pagination__next" rel="next" href=href(&slug, page + 1)>{s.next}<span aria-hidden="true">" ›"</span></a> }
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
