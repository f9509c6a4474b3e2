use leptos::prelude::*;

use crate::components::{ArticleLink, OfType, Picture};
use crate::context::use_ctx;
use kiosque_core::model::ArticleSummary;

/// How wide a rail image is drawn (style/main.css `.rail__list`: columns of
/// `min(72%, 16rem)` on phones, a third of the container, at most 1200px,
/// from 1024px): a phone at 1.75 dppx picks the 480w rendition, not the 800w.
const RAIL_SIZES: &str = "(min-width: 1248px) 384px, (min-width: 1024px) 31vw, min(72vw, 16rem)";

/// "Vous aimerez aussi": up to six related articles, never the current one.
/// Scrolls sideways on phones, a grid on wider screens.
#[component]
pub fn Rail(articles: Vec<ArticleSummary>, #[prop(into)] current: String) -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.strings();
    let items: Vec<_> = articles.into_iter().filter(|a| a.slug != current).take(6).collect();
    (!items.is_empty()).then(|| {
        let cards = items
            .into_iter()
            .map(|a| {
                let image = a
                    .image
                    .map(|img| view! { <Picture image=img sizes=RAIL_SIZES class="rail__img"/> });
                let kicker = (!a.category.name.is_empty())
                    .then(|| view! { <span class="card__kicker">{a.category.name.clone()}</span> });
                // A custom type's item links to its own page, `/<prefix>/<slug>`.
                let of = a.post_type.as_deref().and_then(|t| OfType::by_rest_base(&ctx, t));
                view! {
                    <li class="rail__item">
                        {image}
                        {kicker}
                        <h3 class="rail__title">
                            <ArticleLink slug=a.slug class="card__link" of=of>{a.title}</ArticleLink>
                        </h3>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="rail" aria-labelledby="rail-title">
                <h2 id="rail-title" class="section-title">{s.related}</h2>
                <ul class="rail__list">{cards}</ul>
            </section>
        }
    })
}
