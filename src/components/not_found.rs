use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::{page_resource, ArticleCard, CardSize, PageReady, SearchForm};
use crate::context::use_ctx;
use kiosque_core::routes::Route;

/// The 404 view: a clear message, search, the latest articles, `noindex`.
/// A component, not a page: the router and every loader show it.
#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    crate::prerender::report_unprerenderable("not found");
    let home = page_resource(|| (), |source, _| async move { source.home().await });
    view! {
        <Title text=s.not_found_title/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found container">
            <h1 tabindex="-1">{s.not_found_title}</h1>
            <p>{s.not_found_text}</p>
            <SearchForm id="not-found-q" class="search-form--page"/>
            <p><a href=ctx.href(&Route::home(1))>{s.back_home}</a></p>
            <Suspense>
                {move || Suspend::new(async move {
                    // The latest articles are a help, not the page: on failure, omit them.
                    home.await.ok().map(|h| {
                        let items = h
                            .latest
                            .into_iter()
                            .take(5)
                            .map(|a| view! { <li><ArticleCard article=a size=CardSize::Compact level=3/></li> })
                            .collect_view();
                        view! {
                            <h2 class="section-title">{s.not_found_latest}</h2>
                            <ul class="list-plain not-found__latest">{items}</ul>
                        }
                    })
                })}
            </Suspense>
        </section>
        <PageReady/>
    }
}
