use leptos::prelude::*;

use crate::components::page_resource;
use crate::context::use_ctx;
use kiosque_core::model::MostRead as MostReadData;
use kiosque_core::routes::Route;

/// The "most read" list. Created by the page, not by `MostRead`: the list
/// sits inside the page's suspended view, where a resource created during a
/// prerender would be created again and break hydration.
pub fn most_read_resource() -> Resource<Result<MostReadData, kiosque_core::http::FetchError>> {
    page_resource(|| (), |source, _| async move { source.most_read().await })
}

/// "Les plus lus": the top five, numbered. Hidden when the source has no
/// such list or it fails: it is a complement, never a page error.
#[component]
pub fn MostRead(data: Resource<Result<MostReadData, kiosque_core::http::FetchError>>) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    view! {
        <Suspense fallback=|| view! { <div class="most-read most-read--skeleton"></div> }>
            {move || Suspend::new(async move {
                let list: MostReadData = match data.await {
                    Ok(list) if !list.articles.is_empty() => list,
                    _ => return ().into_any(),
                };
                let items = list
                    .articles
                    .into_iter()
                    .take(5)
                    .map(|a| view! { <li><a class="card__link" href=use_ctx().href(&Route::article(a.slug.clone()))>{a.title}</a></li> })
                    .collect_view();
                view! {
                    <section class="most-read" aria-labelledby="most-read-title">
                        <h2 id="most-read-title" class="section-title">{s.most_read}</h2>
                        <ol class="most-read__list">{items}</ol>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
