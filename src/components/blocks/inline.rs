use leptos::prelude::*;

use crate::model::Inline;

/// Inline runs: text, emphasis, strong, links, line breaks. Site-relative
/// links get the bundle's base path and are routed client-side by the router;
/// others open normally.
#[component]
pub fn Inlines(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline).collect_view()
}

fn inline(i: Inline) -> AnyView {
    match i {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { children } => view! { <em><Inlines content=children/></em> }.into_any(),
        Inline::Strong { children } => view! { <strong><Inlines content=children/></strong> }.into_any(),
        Inline::Link { href, children } => {
            let external = href.starts_with("http://") || href.starts_with("https://");
            let href = crate::context::use_ctx().href(&href);
            view! {
                <a href=href rel=external.then_some("noopener noreferrer")>
                    <Inlines content=children/>
                </a>
            }
            .into_any()
        }
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Unknown => ().into_any(),
    }
}
