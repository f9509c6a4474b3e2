use leptos::prelude::*;

use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// The page links of a multi-page article (WordPress's `<!--nextpage-->`):
/// previous, every page's number (the current one marked, not linked), next.
/// Nothing for a one-page article. `route` is the article's (or a draft's
/// preview's): each link is that route at another page.
#[component]
pub fn ArticlePages(route: Route, page: u32, total: usize) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    let href = move |n: u32| ctx.href(&route.with_page(n));
    (total > 1).then(|| {
        let numbers = (1..=total)
            .map(|n| {
                if n == page {
                    view! { <li><span class="article-pages__current" aria-current="page">{n}</span></li> }.into_any()
                } else {
                    view! { <li><a href=href(n)>{n}</a></li> }.into_any()
                }
            })
            .collect_view();
        let prev = (page > 1).then(|| {
            view! { <a class="article-pages__prev" href=href(page - 1)><span aria-hidden="true">"‹ "</span>{s.previous}</a> }
        });
        let next = (page < total).then(|| {
            view! { <a class="article-pages__next" href=href(page + 1)>{s.next}<span aria-hidden="true">" ›"</span></a> }
        });
        view! {
            <nav class="article-pages" aria-label=s.article_pages>
                {prev}
                <ol class="article-pages__list">{numbers}</ol>
                {next}
            </nav>
        }
    })
}
