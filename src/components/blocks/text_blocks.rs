//! Definition lists, details, verse, code and pull quotes.

use leptos::prelude::*;

use super::Inlines;
use crate::context::use_ctx;
use kiosque_core::model::{Block, Definition, Inline};

#[component]
pub fn DefinitionList(items: Vec<Definition>) -> impl IntoView {
    // A `div` per entry (allowed in `dl`) keeps each term with its text.
    let entries = items
        .into_iter()
        .map(|d| {
            let terms = d.terms.into_iter().map(|content| view! { <dt><Inlines content/></dt> });
            let details = d
                .details
                .into_iter()
                .map(|content| view! { <dd><Inlines content/></dd> });
            view! { <div>{terms.collect_view()}{details.collect_view()}</div> }
        })
        .collect_view();
    view! { <dl class="deflist">{entries}</dl> }
}

/// Native disclosure: keyboard and screen readers work without the app,
/// and it opens and closes before hydration too.
#[component]
pub fn Details(summary: Vec<Inline>, body: Vec<Block>) -> impl IntoView {
    let label = if summary.is_empty() {
        vec![Inline::text(use_ctx().strings().details_label)]
    } else {
        summary
    };
    view! {
        <details class="details">
            <summary><Inlines content=label/></summary>
            <div class="details__body">{body.into_iter().map(super::block).collect_view()}</div>
        </details>
    }
}

#[component]
pub fn Verse(content: Vec<Inline>) -> impl IntoView {
    view! { <p class="verse"><Inlines content/></p> }
}

/// Focusable so a keyboard reader can scroll a wide listing sideways.
#[component]
pub fn Code(text: String) -> impl IntoView {
    view! { <pre class="code" tabindex="0"><code>{text}</code></pre> }
}

#[component]
pub fn PullQuote(content: Vec<Inline>, cite: Option<String>) -> impl IntoView {
    view! {
        <figure class="quote quote--pull">
            <blockquote><p><Inlines content/></p></blockquote>
            {cite.map(|c| view! { <figcaption class="quote__cite">{c}</figcaption> })}
        </figure>
    }
}
