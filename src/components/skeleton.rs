use leptos::prelude::*;

/// Placeholder for list pages, with the real cards' proportions.
#[component]
pub fn ListSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <div class="skeleton__block skeleton__title"></div>
            <div class="grid">
                {(0..6)
                    .map(|_| {
                        view! {
                            <div class="card card--skeleton">
                                <div class="skeleton__block skeleton__img"></div>
                                <div class="skeleton__block skeleton__line"></div>
                                <div class="skeleton__block skeleton__line skeleton__line--short"></div>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// Placeholder for an article: title, standfirst, figure, paragraphs.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton article-skeleton" aria-busy="true">
            <div class="skeleton__block skeleton__line skeleton__line--short"></div>
            <div class="skeleton__block skeleton__title"></div>
            <div class="skeleton__block skeleton__line"></div>
            <div class="skeleton__block skeleton__img skeleton__img--wide"></div>
            {(0..5).map(|_| view! { <div class="skeleton__block skeleton__line"></div> }).collect_view()}
        </div>
    }
}
