use leptos::prelude::*;

use crate::components::{ArticleLink, Picture};
use crate::context::use_ctx;
use kiosque_core::i18n::format_date;
use kiosque_core::model::ArticleSummary;
use kiosque_core::routes::Route;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CardSize {
    /// The home lead: large image, above the fold.
    Lead,
    #[default]
    Standard,
    /// A title-only line in a list.
    Compact,
}

/// An article teaser: image, category, title (a link), standfirst, date.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] size: CardSize,
    /// Heading level for the title, so each page keeps a sound outline.
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let ctx = use_ctx();
    let date = format_date(&article.published, ctx.locale);
    let (class, sizes) = match size {
        CardSize::Lead => ("card card--lead", "(min-width: 1024px) 760px, 100vw"),
        CardSize::Standard => ("card", "(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"),
        CardSize::Compact => ("card card--compact", ""),
    };
    let image = (size != CardSize::Compact)
        .then_some(article.image)
        .flatten()
        .map(|img| {
            view! { <Picture image=img sizes=sizes priority=size == CardSize::Lead class="card__img"/> }
        });
    let title = view! {
        <ArticleLink slug=article.slug class="card__link" attr:dir="auto">
            {article.title}
        </ArticleLink>
    };
    let heading = match level {
        2 => view! { <h2 class="card__title">{title}</h2> }.into_any(),
        _ => view! { <h3 class="card__title">{title}</h3> }.into_any(),
    };
    let standfirst = (size != CardSize::Compact && !article.standfirst.is_empty())
        .then(|| view! { <p class="card__standfirst" dir="auto">{article.standfirst}</p> });
    view! {
        <article class=class>
            {image}
            <div class="card__body">
                <a class="card__kicker" href=ctx.href(&Route::category(article.category.slug.clone(), 1))>{article.category.name}</a>
                {heading}
                {standfirst}
                <time class="card__date" datetime=article.published.as_str().to_string()>{date}</time>
            </div>
        </article>
    }
}
